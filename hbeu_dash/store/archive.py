"""The source archive: the text of each source as it was read, kept by its sha256 beside the tables.

A source row names its text by `text_sha256` (with the date it was read, `retrieved`, and where, `retrieved_from`),
so the data version and the history cover which text a source stands on, while the texts themselves (third
parties' articles) live only in the store: `.hbeu/texts/<sha256>.txt` in a CSV folder, the `hbeu_texts` table in
PostgreSQL. Never in git. Content-addressed, so adding a text twice is harmless and a text can be put in ahead
of the commit that cites it (a cache fill) without changing any data.

Here: the archive's protocol and how reference folders fill it. How a text is normalised and hashed, and what counts
as a text at all: hbeu_dash.model.source_text.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from hbeu_dash.model.source_text import check_text, normalise_text, strip_header, text_sha256


class TextArchive(Protocol):
    """What a store offers of its archive (CsvStore and SqlStore implement it)."""

    def source_text(self, sha256: str) -> str | None:
        """The archived text with this sha256, or None."""
        ...

    def archived(self, shas: Iterable[str]) -> set[str]:
        """Which of these sha256s the archive holds."""
        ...

    def add_texts(self, texts: Iterable[str]) -> list[str]:
        """Put texts in the archive outside any commit (a cache fill); the sha256s newly added."""
        ...


@dataclass(frozen=True)
class FolderText:
    """A text read from a file of a reference folder (../shared/seeds, ../shared/sources)."""

    path: Path
    text: str
    sha256: str
    header: dict[str, str]


def read_text_file(path: Path) -> FolderText:
    """A reference file's text (header removed) and its header's fields."""
    raw = normalise_text(Path(path).read_bytes().decode("utf-8"))
    body = strip_header(raw)
    header = {}
    if body is not raw:
        for line in raw[: len(raw) - len(body)].split("\n"):
            key, sep, value = line.partition(":")
            if sep:
                header[key.strip()] = value.strip()
    return FolderText(Path(path), body, text_sha256(body), header)


def folder_texts(folders: Iterable[Path]) -> list[FolderText]:
    """Every readable `.txt` file of the folders (not recursive), in name order."""
    found = []
    for folder in folders:
        folder = Path(folder)
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.txt")):
            try:
                found.append(read_text_file(path))
            except (UnicodeDecodeError, OSError):
                continue
    return found


def fill_archive(store: TextArchive, folders: Iterable[Path]) -> tuple[int, int]:
    """Put every text of the folders in the store's archive (a cache fill, not a data commit).

    Returns (texts added, texts already there). Folders that do not exist are passed over.
    """
    texts = folder_texts(folders)
    added = store.add_texts(t.text for t in texts)
    return len(added), len(texts) - len(added)


def pending_texts(texts: Iterable[str] | Mapping[str, str]) -> dict[str, str]:
    """Texts by sha256, each checked (TextRefused) and in archived form."""
    values = texts.values() if isinstance(texts, Mapping) else texts
    out = {}
    for text in values:
        checked = check_text(text)
        out[text_sha256(checked)] = checked
    return out
