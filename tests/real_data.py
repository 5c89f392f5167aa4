"""The real data/ tables, read once per test session (read-only: tests copy before changing anything)."""

from functools import cache

import pandas as pd

from hbeu_dash import transforms
from hbeu_dash.loaders import load_dataset


@cache
def tables() -> dict[str, pd.DataFrame]:
    """Every validated table of data/."""
    return load_dataset()


@cache
def joined() -> pd.DataFrame:
    """Figures joined with their indicators and sources (citations included)."""
    t = tables()
    return transforms.join_figures(t["figures"], t["indicators"], t["sources"])
