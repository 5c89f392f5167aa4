"""Uploaded tables (issue 9, first step): bytes → header and rows of text, refusing what is unsafe or unreadable.

Nothing here validates the content against a schema or writes anything: it only turns an uploaded CSV / TSV / .xlsx
(its first sheet, or every sheet of a workbook of several tables) into text cells, or into Problems that name the
file (and sheet, row and column where there is one), in zh or en.
"""

import csv
import io
import zipfile
from dataclasses import dataclass

from hbeu_dash.model.problems import DataError, Problem

MAX_UPLOAD_BYTES = 20 * 1024 * 1024  # the same as server.maxUploadSize in .streamlit/config.toml
MAX_ROWS = 50_000
MAX_COLUMNS = 200
MAX_CELL_CHARS = 10_000
# .xlsx is a ZIP of XML parts: caps checked on the ZIP's directory before anything is decompressed.
MAX_XLSX_MEMBERS = 500
MAX_XLSX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_XLSX_RATIO = 200  # uncompressed / compressed size of one member; real sheets stay well under 100
# A workbook of several tables (intake.rows_from_workbook) has one sheet per table: five, and a few to spare.
MAX_SHEETS = 20

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # .xls (and other legacy Office files)
# (byte order mark, the codec of the bytes after it, the encoding's name as reported)
BOMS = ((b"\xef\xbb\xbf", "utf-8", "utf-8"), (b"\xff\xfe", "utf-16-le", "utf-16"), (b"\xfe\xff", "utf-16-be", "utf-16"))


@dataclass(frozen=True)
class UploadedTable:
    """An upload read as text: its header, its rows (Excel numbering: the header is row 1) and how it was read."""

    name: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    encoding: str  # 'utf-8', 'gb18030', 'utf-16', ... or 'xlsx'
    numbers: tuple[int, ...] = ()  # the Excel row number of each row (blank lines are skipped but counted)

    def numbered(self) -> list[tuple[int, tuple[str, ...]]]:
        """(Excel row number, cells) for every row."""
        numbers = self.numbers or tuple(range(2, len(self.rows) + 2))
        return list(zip(numbers, self.rows, strict=True))


def _refuse(name: str, code: str, row: int | None = None, column: str | None = None, **params: object) -> DataError:
    return DataError([Problem(name, code, row=row, column=column, params=params)])


def decode_text(name: str, data: bytes) -> tuple[str, str]:
    """The text of a CSV upload and the encoding it was read in: a BOM first (UTF-8, UTF-16), then strict UTF-8,
    then strict GB18030 (GBK is a subset); anything else is refused, naming the row of the first unreadable byte.
    Automatic detectors are not used: they take mostly-ASCII GBK for Korean. Text holding NUL is refused whatever
    its encoding (after a BOM too): it is a binary file, and NUL must never reach a data file."""
    for bom, codec, encoding in BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            try:
                text = body.decode(codec)
            except UnicodeDecodeError as exc:
                row = body[: exc.start].decode(codec, errors="replace").count("\n") + 1
                raise _refuse(name, "upload_encoding", row=row, detail=f"{encoding.upper()} BOM") from exc
            if "\x00" in text:
                raise _refuse(name, "upload_binary", row=text.count("\n", 0, text.index("\x00")) + 1)
            return text, encoding
    if b"\x00" in data:
        raise _refuse(name, "upload_binary", row=data.count(b"\n", 0, data.index(b"\x00")) + 1)
    failed_at = 0
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError as exc:
            failed_at = max(failed_at, exc.start)  # the furthest a reading got is where the text is broken
    raise _refuse(name, "upload_encoding", row=data.count(b"\n", 0, failed_at) + 1, detail="UTF-8 / GB18030")


def _delimiter(text: str, encoding: str) -> str:
    """Tab for Excel's 'Unicode text' (UTF-16, tab-separated) or a tab-separated header; otherwise a comma (a
    UTF-16 file with a comma-separated header too: other tools save CSV as UTF-16)."""
    first = text.split("\n", 1)[0]
    if "\t" in first and (encoding == "utf-16" or "," not in first):
        return "\t"
    return ","


# Spaces around a cell are dropped (ASCII and ideographic); tab, CR and LF are kept, so a cell that starts with one
# is still flagged as a possible formula (intake.FORMULA_PREFIXES).
SPACES = " \u3000"


def _checked_rows(
    name: str, raw: list[list[str]]
) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...], tuple[int, ...]]:
    """Header, rows and their Excel row numbers, within the caps; cells stripped of surrounding spaces."""
    if not raw or not any(cell.strip() for cell in raw[0]):
        raise _refuse(name, "upload_empty")
    header = tuple(cell.strip() for cell in raw[0])
    if len(header) > MAX_COLUMNS:
        raise _refuse(name, "upload_too_many_columns", row=1, found=len(header), limit=MAX_COLUMNS)
    if len(raw) - 1 > MAX_ROWS:
        raise _refuse(name, "upload_too_many_rows", found=len(raw) - 1, limit=MAX_ROWS)
    rows, numbers = [], []
    for number, row in enumerate(raw[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue  # a blank line (Excel often leaves one at the end)
        if len(row) > MAX_COLUMNS:
            raise _refuse(name, "upload_too_many_columns", row=number, found=len(row), limit=MAX_COLUMNS)
        for index, cell in enumerate(row):
            if len(cell) > MAX_CELL_CHARS:
                column = header[index] if index < len(header) else str(index + 1)
                raise _refuse(name, "upload_cell_too_long", row=number, column=column, limit=MAX_CELL_CHARS)
        rows.append(tuple(cell.strip(SPACES) for cell in row))
        numbers.append(number)
    return header, tuple(rows), tuple(numbers)


def read_csv_upload(name: str, data: bytes) -> UploadedTable:
    """A CSV (or tab-separated) upload as text cells."""
    text, encoding = decode_text(name, data)
    try:
        raw = list(csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text, encoding)))
    except csv.Error as exc:
        raise _refuse(name, "csv_syntax", detail=str(exc)) from exc
    header, rows, numbers = _checked_rows(name, raw)
    return UploadedTable(name, header, rows, encoding, numbers)


def check_xlsx_container(name: str, data: bytes) -> None:
    """Refuse a workbook that is not a plain .xlsx (macros, legacy .xls) or whose ZIP could expand beyond the caps,
    from the ZIP's directory alone (nothing is decompressed)."""
    if data.startswith(OLE_MAGIC):
        raise _refuse(name, "upload_xls")
    if not data.startswith(ZIP_MAGIC):
        raise _refuse(name, "upload_not_xlsx")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError) as exc:
        raise _refuse(name, "upload_not_xlsx") from exc
    names = {m.filename for m in members}
    if any(n.lower().endswith("vbaproject.bin") for n in names):
        raise _refuse(name, "upload_macros")
    if "xl/workbook.xml" not in names:
        raise _refuse(name, "upload_not_xlsx")
    if len(members) > MAX_XLSX_MEMBERS:
        raise _refuse(name, "upload_zip_bomb", detail=f"{len(members)} parts")
    total = sum(m.file_size for m in members)
    ratios = [m.file_size / max(m.compress_size, 1) for m in members]
    if total > MAX_XLSX_UNCOMPRESSED or (ratios and max(ratios) > MAX_XLSX_RATIO):
        raise _refuse(name, "upload_zip_bomb", detail=f"{total:,} bytes unpacked")


def _cell_text(value: object) -> str:
    """A cell as text: whole numbers without '.0', dates as ISO, empty cells (and uncomputed formulas) as ''."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return str(value)


class _TooManyRows(Exception):
    """The sheets of a workbook hold more rows in all than MAX_ROWS (and their headers)."""

    def __init__(self, found: int):
        super().__init__(found)
        self.found = found


def _sheets(data: bytes, data_only: bool, first_only: bool) -> list[tuple[str, list[list[object]]]]:
    """(title, cell values) of the first sheet or of every sheet, each within the caps, and no more rows in all
    than one sheet may have: the values Excel computed, or the formulas themselves. A chart sheet has no cells."""
    import openpyxl  # the app needs it only for uploads and exports

    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
    try:
        names = [sheet.title for sheet in workbook.worksheets[:1]] if first_only else workbook.sheetnames
        if len(names) > MAX_SHEETS:
            return [(name, []) for name in names]  # refused by the caller, unread
        budget = MAX_ROWS + 2 * len(names)  # the data rows of all sheets, and each one's header and explanation row
        out, read = [], 0
        for name in names:
            sheet = workbook[name]
            if not hasattr(sheet, "iter_rows"):
                out.append((name, []))
                continue
            rows = sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS + 1, max_row=MAX_ROWS + 2)
            out.append((name, [list(row) for row in rows]))
            read += max(len(out[-1][1]) - 1, 0)  # the rows under the header
            if read > budget and len(names) > 1:
                raise _TooManyRows(read)  # the rows read so far: the sheets not read yet may have more
        return out
    finally:
        workbook.close()


def _merged_cells(values: list[list[object]], formulas: list[list[object]]) -> list[list[str]]:
    """A sheet's cells as text, a formula cell as its formula (intake refuses it by row and column), with empty
    columns after the last header cell dropped (a sheet's used range can run past it)."""
    raw: list[list[str]] = []
    for row, formula_row in zip(values, formulas, strict=False):
        cells = []
        for index, value in enumerate(row):
            formula = formula_row[index] if index < len(formula_row) else None
            if isinstance(formula, str) and formula.startswith("="):
                value = formula
            cells.append(_cell_text(value))
        raw.append(cells)
    if raw:
        width = max((i + 1 for i, cell in enumerate(raw[0]) if cell), default=0)
        raw = [row[:width] if not any(row[width:]) else row for row in raw]
    return raw


def _read_sheets(name: str, data: bytes, first_only: bool) -> list[tuple[str, list[list[str]]]]:
    """The container checked, then (title, text cells) of the first or every sheet; DataError when unreadable."""
    check_xlsx_container(name, data)
    try:
        values = _sheets(data, data_only=True, first_only=first_only)
        formulas = _sheets(data, data_only=False, first_only=first_only)
    except _TooManyRows as exc:
        raise _refuse(name, "upload_too_many_rows", found=f"{exc.found}+", limit=MAX_ROWS) from exc
    except Exception as exc:  # openpyxl raises many kinds (defusedxml's, KeyError, XML errors) for bad workbooks
        raise _refuse(name, "upload_not_xlsx") from exc
    if len(values) > MAX_SHEETS:
        raise _refuse(name, "upload_too_many_sheets", found=len(values), limit=MAX_SHEETS)
    return [
        (title, _merged_cells(rows, formula_rows))
        for (title, rows), (_, formula_rows) in zip(values, formulas, strict=True)
    ]


def read_xlsx_upload(name: str, data: bytes) -> UploadedTable:
    """The first sheet of an .xlsx upload as text cells (openpyxl read-only, values only; with defusedxml
    installed it refuses entity tricks such as billion laughs).

    A formula cell is read as its formula text, computed or not, so intake refuses it by row and column (text
    starting with '='): a value our data keeps must be the number the source wrote, not a spreadsheet's
    computation of one (paste it as a value). The values pass still gives every other cell.
    """
    sheets = _read_sheets(name, data, first_only=True)
    if not sheets:
        raise _refuse(name, "upload_not_xlsx")
    header, rows, numbers = _checked_rows(name, sheets[0][1])
    return UploadedTable(name, header, rows, "xlsx", numbers)


def sheet_label(book: str, sheet: str) -> str:
    """How problems name a sheet of a workbook: 'book.xlsx [figures]'."""
    return f"{book} [{sheet}]"


def read_workbook(name: str, data: bytes) -> list[tuple[str, UploadedTable]]:
    """Every sheet of an .xlsx upload as (its title, its text cells named 'book.xlsx [title]'), with the same
    hardening as one sheet (container, zip-bomb ratios, macros, entity tricks, formula cells kept as formulas,
    caps per sheet) and at most MAX_ROWS rows in all. Every sheet's reading problems are raised together."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise _refuse(name, "upload_too_big", limit=f"{MAX_UPLOAD_BYTES // (1024 * 1024)} MB")
    if not data:
        raise _refuse(name, "upload_empty")
    if data.startswith(OLE_MAGIC):
        raise _refuse(name, "upload_xls")
    sheets: list[tuple[str, UploadedTable]] = []
    problems: list[Problem] = []
    for title, raw in _read_sheets(name, data, first_only=False):
        label = sheet_label(name, title)
        try:
            header, rows, numbers = _checked_rows(label, raw)
        except DataError as exc:
            problems += exc.problems
            continue
        sheets.append((title, UploadedTable(label, header, rows, "xlsx", numbers)))
    total = sum(len(table.rows) for _, table in sheets)
    if total > MAX_ROWS:
        problems.append(Problem(name, "upload_too_many_rows", params={"found": total, "limit": MAX_ROWS}))
    if problems:
        raise DataError(problems)
    return sheets


def read_upload(name: str, data: bytes) -> UploadedTable:
    """An uploaded file as text cells, by its bytes (not its name): a ZIP is read as .xlsx, an OLE file is refused
    as .xls, anything else as CSV / tab-separated text."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise _refuse(name, "upload_too_big", limit=f"{MAX_UPLOAD_BYTES // (1024 * 1024)} MB")
    if not data:
        raise _refuse(name, "upload_empty")
    if data.startswith((ZIP_MAGIC, OLE_MAGIC)):
        return read_xlsx_upload(name, data)
    return read_csv_upload(name, data)
