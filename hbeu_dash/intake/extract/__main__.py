"""python -m hbeu_dash.intake.extract [--lang zh|en] extract ARTICLE --published YYYY-MM-DD (the command on its own)."""

import sys

from hbeu_dash.intake.extract.cli import main

if __name__ == "__main__":
    sys.exit(main())
