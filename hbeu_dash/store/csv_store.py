"""The CSV folder as a store: the data version is a content hash of its files."""

import hashlib
import threading
from pathlib import Path
from typing import ClassVar

from hbeu_dash import schema
from hbeu_dash.loaders import LoadResult, read_dataset

VERSION_CHARS = 7
READ_ATTEMPTS = 3
_CHUNK = 1 << 20


def _stat_key(path: Path) -> tuple:
    stat = path.stat()
    return (path.name, stat.st_size, stat.st_mtime_ns, stat.st_ino)


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


class CsvStore:
    """The data/ folder of CSV files (the embedded default)."""

    # A file's hash is kept while its size, mtime and inode stay the same, so a large folder is not read on every
    # script run; the version itself is always a hash of the content.
    _hashes: ClassVar[dict[tuple, str]] = {}
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def files(self) -> list[Path]:
        """The data files the dataset is read from, in table order (missing ones left out)."""
        return [p for p in (self.folder / spec.file for spec in schema.TABLES) if p.is_file()]

    def data_version(self) -> str:
        """A content hash of every data file; unchanged when a file is only touched, changed when a byte is."""
        paths = self.files()
        key = (str(self.folder), *(_stat_key(p) for p in paths))
        with self._lock:
            cached = self._hashes.get(key)
        if cached is not None:
            return cached
        version = hash_files(paths)
        with self._lock:
            if len(self._hashes) > 64:
                self._hashes.clear()
            self._hashes[key] = version
        return version

    def read(self) -> tuple[str, LoadResult]:
        """The validated tables with the version they were read at (re-read if a file changed meanwhile)."""
        version = self.data_version()
        for _ in range(READ_ATTEMPTS):
            result = read_dataset(self.folder)
            after = self.data_version()
            if after == version:
                return version, result
            version = after
        return version, result

    def __repr__(self) -> str:
        return f"CsvStore({str(self.folder)!r})"
