"""python -m hbeu_dash COMMAND ...: the `hbeu` command line (hbeu_dash.cli), for a checkout without the script."""

import sys

from hbeu_dash.cli.main import main

if __name__ == "__main__":
    sys.exit(main(prog="python -m hbeu_dash"))
