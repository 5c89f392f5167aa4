"""A source's text as the archive keeps it: its archived form (no byte-order mark, LF line ends), its sha256, what
counts as a text at all (TextRefused: empty, binary, oversize), and a reference copy's header. Pure rules: the
archive itself is the store's (hbeu_dash.store.archive)."""

import hashlib
import re

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
