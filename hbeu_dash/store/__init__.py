"""Where the data lives: the `Store` interface (read the tables, tell the data version) and its implementations.

The CSV folder (`CsvStore`) is the embedded default; PostgreSQL (`SqlStore`) holds the data when several servers
share it, behind the same interface; `open_store()` picks one from the settings. Only the store writes data: one
validated change set per commit, atomic, audited; undone step by step, redone, or an older commit reverted row by
row (hbeu_dash.store.revert), each as a commit of its own.
"""

from collections.abc import Iterable, Mapping
from typing import Protocol

from hbeu_dash.model.loaders import LoadResult
from hbeu_dash.store.csv_store import VERSION_CHARS, CommitRecord, CsvStore
from hbeu_dash.store.errors import ConflictError, RevertConflict, RowClash, StoreUnavailable, UnknownCommit


class Store(Protocol):
    """The data of the dashboard: its version, and the validated tables of that version."""

    @property
    def key(self) -> str:
        """The store's identity in cache keys and messages (its folder, or its URL with the password masked)."""
        ...

    def data_version(self) -> str:
        """A short hash of the data's content: the same content always gives the same version."""
        ...

    def read(self) -> tuple[str, LoadResult]:
        """The validated tables and every problem, with the version they were read at."""
        ...

    def file_bytes(self, table: str) -> bytes:
        """The current serialised form of one table (what a change set replaces)."""
        ...

    def commit(
        self,
        files: Mapping[str, bytes],
        base_version: str,
        author: str,
        action: str = "commit",
        undo_of: str | None = None,
        note: str = "",
        texts: Mapping[str, str] | None = None,
    ) -> CommitRecord | None:
        """Replace tables atomically if the data is still at `base_version` (else ConflictError); None if no change.

        `texts` (sha256 -> text) are archived with the change set: the source texts its rows are proven against."""
        ...

    def source_text(self, sha256: str) -> str | None:
        """The archived source text with this sha256, or None (hbeu_dash.store.archive)."""
        ...

    def archived(self, shas: Iterable[str]) -> set[str]:
        """Which of these sha256s the source archive holds."""
        ...

    def add_texts(self, texts: Iterable[str]) -> list[str]:
        """Archive texts outside any commit (a cache fill; no data changes); the sha256s newly added."""
        ...

    def history(self) -> list[CommitRecord]:
        """The audit log, newest first."""
        ...

    def undo(self, commit_id: str, author: str, base_version: str | None = None) -> CommitRecord:
        """Take back a commit the data is still at (its version_after) byte for byte, through the same commit path;
        audited as "redo" when the commit is itself an undo. Which commit Undo and Redo take back, step by step:
        hbeu_dash.store.revert.undo_target / redo_target."""
        ...

    def revert(self, commit_id: str, author: str, base_version: str | None = None) -> CommitRecord:
        """Take back an older commit's rows and keep every later change to other rows, through the same commit
        path (audited as "revert"); RevertConflict names the rows and the later commits that changed them too."""
        ...


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
    "CommitRecord",
    "ConflictError",
    "CsvStore",
    "RevertConflict",
    "RowClash",
    "SqlStore",
    "Store",
    "StoreUnavailable",
    "UnknownCommit",
    "open_store",
    "store_url",
]
