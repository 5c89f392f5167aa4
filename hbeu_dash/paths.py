"""Every path the project uses, defined once."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = ROOT / "data"
SEEDS_DIR = ROOT.parent / "shared" / "seeds"
# Shipped with the code, not under data/: data/ is hashed as the dataset's version.
ASSETS_DIR = ROOT / "hbeu_dash" / "assets"
CONTEXT_FILE = ASSETS_DIR / "context.geojson"
CONTEXT_NOTE = ASSETS_DIR / "CONTEXT.md"
