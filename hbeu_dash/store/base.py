"""What every store shares: the `Store` protocol (read the tables, tell the data version, commit one validated change
set, take one back) and the data version itself, a content hash of the tables' files that both stores compute alike.
The commit record and the conflicts are the model's (hbeu_dash.model.history, hbeu_dash.model.changes)."""

import hashlib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Protocol

from hbeu_dash.model.history import CommitRecord
from hbeu_dash.model.loaders import LoadResult

VERSION_CHARS = 7
_CHUNK = 1 << 20


def hash_files(paths: list[Path]) -> str:
    """A short content hash of the files (names and bytes), in name order."""
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(paths, key=lambda p: p.name):
        digest.update(path.name.encode() + b"\0")
        with open(path, "rb") as fh:
            while chunk := fh.read(_CHUNK):
                digest.update(chunk)
        digest.update(b"\0")
    return digest.hexdigest()[:VERSION_CHARS]


def hash_contents(contents: Mapping[str, bytes]) -> str:
    """The same hash as hash_files, of file name -> bytes held in memory (a store without files)."""
    digest = hashlib.blake2b(digest_size=16)
    for name in sorted(contents):
        digest.update(name.encode() + b"\0")
        digest.update(contents[name])
        digest.update(b"\0")
    return digest.hexdigest()[:VERSION_CHARS]


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
        hbeu_dash.model.history.undo_target / redo_target."""
        ...

    def revert(self, commit_id: str, author: str, base_version: str | None = None) -> CommitRecord:
        """Take back an older commit's rows and keep every later change to other rows, through the same commit
        path (audited as "revert"); RevertConflict names the rows and the later commits that changed them too."""
        ...
