"""The layers hold: import-linter checks the contracts of pyproject.toml ([tool.importlinter]: the layers from the
command line down to i18n, views pure of Streamlit, the store and intake, Streamlit in the UI only)."""

import subprocess
import sys
from pathlib import Path

from hbeu_dash.paths import ROOT

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def test_every_import_contract_is_kept() -> None:
    assert LINT_IMPORTS.exists(), f"{LINT_IMPORTS} is missing: pip install -r requirements-dev.txt"
    # --no-cache: a cache in .import_linter_cache could hide a change made since it was written.
    run = subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert run.returncode == 0, run.stdout + run.stderr
