"""Where the data lives: the `Store` interface (read the tables, tell the data version) and its implementations.

The CSV folder (`CsvStore`) is the embedded default. Committing a validated change set, and a database shared by
several servers, come next behind the same interface.
"""

from typing import Protocol

from hbeu_dash.loaders import LoadResult
from hbeu_dash.store.csv_store import VERSION_CHARS, CsvStore


class Store(Protocol):
    """The data of the dashboard: its version, and the validated tables of that version."""

    def data_version(self) -> str:
        """A short hash of the data's content: the same content always gives the same version."""
        ...

    def read(self) -> tuple[str, LoadResult]:
        """The validated tables and every problem, with the version they were read at."""
        ...


__all__ = ["VERSION_CHARS", "CsvStore", "Store"]
