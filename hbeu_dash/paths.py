"""Every path the project uses, defined once."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = ROOT / "data"
SEEDS_DIR = ROOT.parent / "shared" / "seeds"
