"""python -m hbeu_dash.cluster [OPTIONS]: the same as `hbeu cluster [OPTIONS]` (hbeu_dash.cli.cluster)."""

import sys

from hbeu_dash.cli.main import main

if __name__ == "__main__":
    sys.exit(main(["cluster", *sys.argv[1:]], prog="python -m hbeu_dash"))
