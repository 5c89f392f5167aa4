"""Every path the project uses, defined once."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# HBEU_DATA_DIR points the app and the commands at another data folder (a deployment's, or a test's copy).
DATA_DIR = Path(os.environ.get("HBEU_DATA_DIR") or ROOT / "data")
SEEDS_DIR = ROOT.parent / "shared" / "seeds"
# The reference texts the shipped sources stand on (never copied into the project): they fill the source archive
# of a checkout for `make run`, the tests and CI when they are there (hbeu_dash.store.archive.fill_archive).
SOURCES_DIR = ROOT.parent / "shared" / "sources"
SOURCE_TEXT_DIRS = (SEEDS_DIR, SOURCES_DIR)
# Shipped with the code, not under data/: data/ is hashed as the dataset's version.
ASSETS_DIR = ROOT / "hbeu_dash" / "assets"
CONTEXT_FILE = ASSETS_DIR / "context.geojson"
CONTEXT_NOTE = ASSETS_DIR / "CONTEXT.md"
# plotly.js with only the briefing's trace types, embedded in the offline briefing (scripts/build_plotly_bundle.py).
PLOTLY_BUNDLE = ASSETS_DIR / "plotly-partial.min.js"
PLOTLY_NOTE = ASSETS_DIR / "PLOTLY.md"
