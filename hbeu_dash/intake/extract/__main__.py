"""python -m hbeu_dash.intake.extract [--lang zh|en] extract ARTICLE ...: the same as `hbeu extract` (hbeu_dash.cli)."""

import sys

from hbeu_dash.cli.main import main

if __name__ == "__main__":
    sys.exit(main(prog="python -m hbeu_dash"))
