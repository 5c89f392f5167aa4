"""Uploaded tables (issue 9, first step): bytes → header and rows of text, refusing what is unsafe or unreadable.

Nothing here validates the content against a schema or writes anything: it only turns an uploaded CSV / TSV / .xlsx
into text cells, or into Problems that name the file (and row and column where there is one), in zh or en.
"""

import csv
import io
import zipfile
from dataclasses import dataclass

from hbeu_dash.problems import DataError, Problem

MAX_UPLOAD_BYTES = 20 * 1024 * 1024  # the same as server.maxUploadSize in .streamlit/config.toml
MAX_ROWS = 50_000
MAX_COLUMNS = 200
MAX_CELL_CHARS = 10_000
# .xlsx is a ZIP of XML parts: caps checked on the ZIP's directory before anything is decompressed.
MAX_XLSX_MEMBERS = 500
MAX_XLSX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_XLSX_RATIO = 200  # uncompressed / compressed size of one member; real sheets stay well under 100

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


def _sheet_rows(data: bytes, data_only: bool) -> list[list[object]]:
    """The first sheet's cell values (within the caps): the values Excel computed, or the formulas themselves."""
    import openpyxl  # the app needs it only for uploads and exports

    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
    try:
        sheet = workbook.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS + 1, max_row=MAX_ROWS + 2)]
    finally:
        workbook.close()


def read_xlsx_upload(name: str, data: bytes) -> UploadedTable:
    """The first sheet of an .xlsx upload as text cells (openpyxl read-only, values only; with defusedxml
    installed it refuses entity tricks such as billion laughs).

    A formula cell is read as its formula text, computed or not, so intake refuses it by row and column (text
    starting with '='): a value our data keeps must be the number the source wrote, not a spreadsheet's
    computation of one (paste it as a value). The values pass still gives every other cell.
    """
    check_xlsx_container(name, data)
    try:
        values = _sheet_rows(data, data_only=True)
        formulas = _sheet_rows(data, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds (defusedxml's, KeyError, XML errors) for bad workbooks
        raise _refuse(name, "upload_not_xlsx") from exc
    raw: list[list[str]] = []
    for row, formula_row in zip(values, formulas, strict=False):
        cells = []
        for index, value in enumerate(row):
            formula = formula_row[index] if index < len(formula_row) else None
            if isinstance(formula, str) and formula.startswith("="):
                value = formula
            cells.append(_cell_text(value))
        raw.append(cells)
    if raw:  # a sheet's used range can run past the last header cell: drop empty trailing columns
        width = max((i + 1 for i, cell in enumerate(raw[0]) if cell), default=0)
        raw = [row[:width] if not any(row[width:]) else row for row in raw]
    header, rows, numbers = _checked_rows(name, raw)
    return UploadedTable(name, header, rows, "xlsx", numbers)


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
