"""The source archive: the text of each source as it was read, kept by its sha256 beside the tables.

A source row names its text by `text_sha256` (with the date it was read, `retrieved`, and where, `retrieved_from`),
so the data version and the history cover which text a source stands on, while the texts themselves (third
parties' articles) live only in the store: `.hbeu/texts/<sha256>.txt` in a CSV folder, the `hbeu_texts` table in
PostgreSQL. Never in git. Content-addressed, so adding a text twice is harmless and a text can be put in ahead
of the commit that cites it (a cache fill) without changing any data.

Pure helpers here (no store): how a text is read, normalised and hashed; what counts as a text at all.
"""

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

# An article is a few thousand characters; a whole report a few hundred thousand. More is not one article.
MAX_TEXT_CHARS = 1_000_000
MAX_TEXT_BYTES = 10 * 1024 * 1024  # a file to read a text from (a PDF is larger than its text)
MIN_TEXT_CHARS = 20  # a "text" shorter than one sentence cannot be what a source says
# The share of characters that may be neither printable nor whitespace before a text is called binary junk.
MAX_CONTROL_SHARE = 0.01
# A header of `key: value` lines closed by a line `---` (../shared/sources/*.txt): metadata of the copy, never text.
HEADER_END = "---"
_HEADER_LINE = re.compile(r"^[A-Za-z_][\w ]*:")
MAX_HEADER_LINES = 20


class TextRefused(ValueError):
    """Not a text the archive keeps: empty, binary, too large. `code` names the problem (hbeu_dash.model.problems)."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code, self.params = code, params


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


def normalise_text(text: str) -> str:
    """The archived form of a text: no byte-order mark, LF line ends. Nothing else changes."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def text_sha256(text: str) -> str:
    """The sha256 (hex) of a text's archived form, as UTF-8."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


def check_text(text: str) -> str:
    """The text in archived form, or TextRefused: empty, binary junk (NUL, control characters), oversize."""
    text = normalise_text(text)
    if len(text) > MAX_TEXT_CHARS:
        raise TextRefused("text_too_long", limit=f"{MAX_TEXT_CHARS:,}", found=f"{len(text):,}")
    meaningful = "".join(text.split())
    if not meaningful:
        raise TextRefused("text_empty")
    if "\x00" in text:
        raise TextRefused("text_binary")
    control = sum(1 for ch in meaningful if not ch.isprintable())
    if control > MAX_CONTROL_SHARE * len(meaningful) or "\ufffd" in text:
        raise TextRefused("text_binary")
    if len(meaningful) < MIN_TEXT_CHARS:
        raise TextRefused("text_too_short", limit=MIN_TEXT_CHARS)
    return text


def strip_header(text: str) -> str:
    """The text after a `key: value` header closed by a line `---`, or the text itself when it has none."""
    lines = text.split("\n")
    for number, line in enumerate(lines[: MAX_HEADER_LINES + 1]):
        if line.strip() == HEADER_END:
            if number and all(_HEADER_LINE.match(h) for h in lines[:number]):
                return "\n".join(lines[number + 1 :])
            return text
        if not _HEADER_LINE.match(line):
            return text
    return text


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
