"""The real data/ tables, read once per test session (read-only: tests copy before changing anything)."""

import csv
from functools import cache

import pandas as pd

from hbeu_dash.model import transforms
from hbeu_dash.model.loaders import load_dataset
from hbeu_dash.paths import DATA_DIR


def csv_rows(table: str) -> list[dict[str, str]]:
    """data/<table>.csv read with the csv module: expected counts independent of the loaders under test."""
    with open(DATA_DIR / f"{table}.csv", encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


@cache
def tables() -> dict[str, pd.DataFrame]:
    """Every validated table of data/."""
    return load_dataset()


@cache
def joined() -> pd.DataFrame:
    """Figures joined with their indicators and sources (citations included)."""
    t = tables()
    return transforms.join_figures(t["figures"], t["indicators"], t["sources"])
