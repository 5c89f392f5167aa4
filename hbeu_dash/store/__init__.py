"""Where the data lives: the `Store` interface (read the tables, tell the data version) and its implementations.

The CSV folder (`CsvStore`) is the embedded default; PostgreSQL (`SqlStore`) holds the data when several servers
share it, behind the same interface; `open_store()` picks one from the settings. Only the store writes data: one
validated change set per commit, atomic, audited; undone step by step, redone, or an older commit reverted row by
row (hbeu_dash.store.revert), each as a commit of its own.

May import: the model, paths and settings. Never views, graphics, documents, ui or Streamlit.
"""

from hbeu_dash.store.base import VERSION_CHARS, Store
from hbeu_dash.store.csv_store import CsvStore
from hbeu_dash.store.errors import StoreUnavailable, UnknownCommit

# Loaded on first use: a CSV-only run (the default, every command line) never imports SQLAlchemy and psycopg.
_LAZY = {
    "SqlStore": "hbeu_dash.store.sql_store",
    "open_store": "hbeu_dash.store.select",
    "store_url": "hbeu_dash.store.select",
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "VERSION_CHARS",
    "CsvStore",
    "SqlStore",
    "Store",
    "StoreUnavailable",
    "UnknownCommit",
    "open_store",
    "store_url",
]
