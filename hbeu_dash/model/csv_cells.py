"""CSV cells: the one quoting core of the store and of the exports, and the one rule for a cell that a spreadsheet
would run as a formula (exports neutralise it, uploads refuse it, `validate` names it in data/)."""

import csv
import io
import re
from collections.abc import Iterable, Sequence

import numpy as np
import pyarrow
from pyarrow import compute as pc

BOM = "\ufeff"
LINE_END = "\n"

# A spreadsheet starts a formula with these (OWASP's = + - @), and with their full-width twins: LibreOffice 7.4 reads
# ＝1+1 from a CSV as text, but an East Asian spreadsheet or input method may not, and a Chinese text rarely starts
# with one.
FORMULA_STARTS = "=+-@＝＋－＠"
# A cell starting with a tab or a line break (OWASP): a spreadsheet may drop it and read what follows.
BREAK_STARTS = "\t\r\n"
# Whitespace before a formula start does not make it safe: LibreOffice's "trim spaces" import option turns " =1+1"
# into a live formula. (ASCII spaces and controls, no-break, Ogham, the typographic spaces, ideographic space, BOM.)
SPACE = " \t\r\n\v\f\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200C))) + "\u2028\u2029\u202f\u205f\u3000\ufeff"
FORMULA_PREFIXES = tuple(FORMULA_STARTS + BREAK_STARTS)

# One pattern text for Python's re and for Arrow's RE2 (literal characters, no \d or \s: RE2's are ASCII-only).
_STARTS = f"[{BREAK_STARTS}]|[{SPACE}]*[{re.escape(FORMULA_STARTS)}]"
_NUMBER = f"[{SPACE}]*-?[0-9]+(?:\\.[0-9]+)?"
_STARTS_RE = re.compile(_STARTS)
_NUMBER_RE = re.compile(_NUMBER)
# A cell can only be one if its first character is one of these: tested on the bytes Arrow holds (the first byte,
# then the character decoded from its UTF-8 where that byte leads one), it leaves the patterns the few cells that
# start so. Every character here is in the Basic Multilingual Plane: one to three bytes.
_FIRST = np.zeros(0x10000, dtype=bool)
_FIRST[[ord(ch) for ch in FORMULA_STARTS + SPACE]] = True
_FIRST_BYTE = np.zeros(256, dtype=bool)
_FIRST_BYTE[[ch.encode("utf-8")[0] for ch in FORMULA_STARTS + SPACE]] = True


def looks_like_formula(cell: str) -> bool:
    """True for a text a spreadsheet would run as a formula: starting with = + - @ (or ＝ ＋ － ＠), after any
    whitespace, or with a tab or a line break. A plain number such as -5 is not one (it is read as a number: its
    column's own check says what is wrong with a negative count)."""
    return bool(_STARTS_RE.match(cell)) and not (cell[:1] not in BREAK_STARTS and _NUMBER_RE.fullmatch(cell))


def formula_mask(cells: pyarrow.Array | pyarrow.ChunkedArray) -> pyarrow.Array:
    """looks_like_formula over Arrow strings, vectorised: a million cells in a few milliseconds."""
    chunks = cells.chunks if isinstance(cells, pyarrow.ChunkedArray) else [cells]
    maybe = np.concatenate([_maybe(chunk) for chunk in chunks]) if chunks else np.zeros(0, dtype=bool)
    candidates = np.flatnonzero(maybe)
    if len(candidates):
        some = pc.take(cells, pyarrow.array(candidates))
        starts = pc.match_substring_regex(some, f"^(?:{_STARTS})")
        number = pc.and_(
            pc.invert(pc.match_substring_regex(some, f"^[{BREAK_STARTS}]")),
            pc.match_substring_regex(some, f"^{_NUMBER}$"),
        )
        maybe[candidates] = pc.fill_null(pc.and_(starts, pc.invert(number)), False).to_numpy(zero_copy_only=False)
    return pyarrow.array(maybe, type=pyarrow.bool_())


def _maybe(chunk: pyarrow.Array) -> np.ndarray:
    """True where a cell of one Arrow string array starts with a character of _FIRST (read from its buffers)."""
    if not (pyarrow.types.is_string(chunk.type) or pyarrow.types.is_large_string(chunk.type)):
        chunk = chunk.cast(pyarrow.large_string())
    _, offsets, data = chunk.buffers()
    if len(chunk) == 0 or data is None or data.size == 0:
        return np.zeros(len(chunk), dtype=bool)
    width = np.int64 if pyarrow.types.is_large_string(chunk.type) else np.int32
    bounds = np.frombuffer(offsets, dtype=width)[chunk.offset : chunk.offset + len(chunk) + 1]
    starts, filled = bounds[:-1], bounds[1:] > bounds[:-1]
    raw = np.frombuffer(data, dtype=np.uint8)
    first = raw[np.minimum(starts, len(raw) - 1)]
    maybe = filled & _FIRST_BYTE[first]
    if chunk.null_count:
        maybe &= np.asarray(chunk.is_valid().to_numpy(zero_copy_only=False), dtype=bool)
    wide = np.flatnonzero(maybe & (first >= 0x80))  # a lead byte: decode the character (valid UTF-8, so in bounds)
    if len(wide):
        at = starts[wide].astype(np.int64)
        b0, b1 = raw[at].astype(np.int64), raw[at + 1].astype(np.int64)
        b2 = raw[np.minimum(at + 2, len(raw) - 1)].astype(np.int64)
        two = ((b0 & 0x1F) << 6) | (b1 & 0x3F)
        three = ((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F)
        maybe[wide] = (b0 < 0xF0) & _FIRST[np.where(b0 < 0xE0, two, np.clip(three, 0, 0xFFFF))]
    return maybe


def neutralise(cell: str) -> str:
    """The cell with an apostrophe in front when a spreadsheet would run it (OWASP): shown as text, never run."""
    return "'" + cell if looks_like_formula(cell) else cell


def write_csv(header: Sequence[str], rows: Iterable[Sequence[str]], bom: bool = False) -> bytes:
    """UTF-8 CSV, LF line ends, a cell quoted when it holds a comma, a quote, a CR or an LF (a bare CR too).

    The store writes data/ with it (no BOM, nothing added to a cell: its files round-trip byte for byte); the
    exports write neutralised cells with a BOM. Python's csv module quotes only the characters of its line
    terminator, so with LF alone a cell's bare CR went out unquoted and a spreadsheet broke the row there. A file
    holding a CR is therefore written again with CR LF as the terminator, which quotes every CR and LF, and each
    row's CR LF turned back into LF.
    """
    rows = rows if isinstance(rows, list) else list(rows)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=LINE_END)
    writer.writerow(header)
    writer.writerows(rows)
    text = buffer.getvalue()
    if "\r" in text:
        text = _with_breaks_quoted(header, rows)
    return ((BOM if bom else "") + text).encode("utf-8")


class _Rows(list):
    """A file for csv.writer that keeps each row (the writer hands over a whole row per call) without its CR LF."""

    def write(self, line: str) -> None:
        if not line.endswith("\r\n"):
            raise ValueError("csv.writer wrote part of a row")  # the behaviour this relies on changed: say so loudly
        self.append(line[:-2])


def _with_breaks_quoted(header: Sequence[str], rows: list[Sequence[str]]) -> str:
    lines = _Rows()
    writer = csv.writer(lines, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return "".join(line + LINE_END for line in lines)
