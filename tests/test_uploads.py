"""Reading uploads (issue 9, first step): encodings, separators, workbooks, and every hostile file refused by name."""

import io
import os
import re
import zipfile

import openpyxl
import pytest

from hbeu_dash.intake import uploads
from hbeu_dash.model.problems import DataError

HEADER = "figure_id,indicator_id,city,value,value_text\n"
ROW = "hohhot-items,four_city_service_items,hohhot,1412,1412\n"
CHINESE = "baotou-items,four_city_service_items,包头,587,五百八十七项\n"


def workbook_bytes(rows: list[list[object]], extra: dict[str, bytes] | None = None) -> bytes:
    """An .xlsx made in code (no binary fixtures), optionally with extra ZIP members."""
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    return saved(wb, extra)


def saved(wb: openpyxl.Workbook, extra: dict[str, bytes] | None = None) -> bytes:
    """A workbook's bytes, with extra ZIP members added when asked (hostile files made in code)."""
    buf = io.BytesIO()
    wb.save(buf)
    if not extra:
        return buf.getvalue()
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item.filename))
        for name, data in extra.items():
            dst.writestr(name, data)
    return out.getvalue()


def billion_laughs() -> bytes:
    """A workbook whose sheet defines nested entities (the 'billion laughs' attack): 10^8 'ha' if expanded."""
    entities = '<!ENTITY a "ha">' + "".join(
        f'<!ENTITY {c} "{("&" + p + ";") * 10}">' for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    buf = io.BytesIO(workbook_bytes([["figure_id"], ["x"]]))
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                assert b"<t>x</t>" in data and b"<worksheet" in data
                data = data.replace(b"<t>x</t>", b"<t>&i;</t>")
                data = data.replace(b"<worksheet", f"<!DOCTYPE worksheet [{entities}]><worksheet".encode(), 1)
            dst.writestr(item, data)
    return out.getvalue()


def zip_bomb() -> bytes:
    """A workbook with one member of 150 MB of zeros (a few hundred KB compressed)."""
    out = io.BytesIO(workbook_bytes([["figure_id"], ["x"]]))
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/media/zeros.bin", b"\0" * (150 * 1024 * 1024))
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "encoding", "cities"),
    [
        ((HEADER + ROW).encode("utf-8"), "utf-8", ["hohhot"]),
        ((HEADER + CHINESE).encode("utf-8-sig"), "utf-8", ["包头"]),  # Excel's 'CSV UTF-8' has a BOM
        ((HEADER + CHINESE).encode("gbk"), "gb18030", ["包头"]),  # Excel's 'CSV' on a Chinese Windows
        ((HEADER + CHINESE.replace("五百", "𠀀")).encode("gb18030"), "gb18030", ["包头"]),  # a 4-byte GB18030 character
        ((HEADER + CHINESE).replace(",", "\t").encode("utf-16"), "utf-16", ["包头"]),  # Excel's 'Unicode text'
        ((HEADER + ROW).replace(",", "\t").encode("utf-8"), "utf-8", ["hohhot"]),  # tab-separated UTF-8
        ((HEADER + ROW + "\n,,,,\n").encode("utf-8"), "utf-8", ["hohhot"]),  # blank trailing lines are skipped
    ],
)
def test_text_uploads_are_read_in_the_encoding_they_were_saved_in(data: bytes, encoding: str, cities: list) -> None:
    table = uploads.read_upload("new.csv", data)
    assert table.encoding == encoding
    assert table.header == ("figure_id", "indicator_id", "city", "value", "value_text")
    assert [row[2] for row in table.rows] == cities


def test_an_xlsx_upload_is_read_as_text_cells() -> None:
    data = workbook_bytes([["figure_id", "value", "as_of"], ["hohhot-items", 1412.0, "2025-02"], ["x", 58.76, None]])
    table = uploads.read_upload("new.xlsx", data)
    assert table.encoding == "xlsx"
    assert table.rows == (("hohhot-items", "1412", "2025-02"), ("x", "58.76", ""))


def test_a_formula_cell_is_read_as_its_value_never_run() -> None:
    data = workbook_bytes([["figure_id", "value"], ["a", "=1+1"]])  # saved by openpyxl, never computed by Excel
    # No computed value to read: the formula's text, never its result, so intake refuses it by row and column
    # (formula_prefix) instead of the cell arriving silently empty.
    assert uploads.read_upload("f.xlsx", data).rows == (("a", "=1+1"),)


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("empty.csv", b"", "upload_empty"),
        ("blank.csv", b"\n\n", "upload_empty"),
        ("random.csv", bytes(range(256)) * 4, "upload_binary"),
        ("nul.csv", (HEADER + ROW).encode() + b"\x00\x00", "upload_binary"),
        ("latin1.csv", (HEADER + "x,y,Zürich\xff\xfe,1,1\n").encode("latin-1") + b"\x81\x30", "upload_encoding"),
        ("bad-bom.csv", b"\xef\xbb\xbf" + "表".encode("gbk") + b"\xff", "upload_encoding"),
        ("wide.csv", (",".join(f"c{i}" for i in range(20_000)) + "\n").encode(), "upload_too_many_columns"),
        ("long.csv", (HEADER + "a,b,c,1," + "长" * 10_001 + "\n").encode(), "upload_cell_too_long"),
        ("many.csv", (HEADER + "a,b,c,1,1\n" * (uploads.MAX_ROWS + 1)).encode(), "upload_too_many_rows"),
        ("huge.csv", b"a" * (uploads.MAX_UPLOAD_BYTES + 1), "upload_too_big"),
        ("old.xls", uploads.OLE_MAGIC + b"\x00" * 4096, "upload_xls"),
        ("macro.xlsx", workbook_bytes([["a"], ["1"]], {"xl/vbaProject.bin": b"\x00" * 64}), "upload_macros"),
        ("notbook.xlsx", b"PK\x03\x04" + os.urandom(512), "upload_not_xlsx"),
        (
            "zip.xlsx",
            (lambda b: (z := zipfile.ZipFile(b, "w")).writestr("a.txt", "hi") or z.close() or b.getvalue())(
                io.BytesIO()
            ),
            "upload_not_xlsx",
        ),
        ("bomb.xlsx", zip_bomb(), "upload_zip_bomb"),
        ("laughs.xlsx", billion_laughs(), "upload_not_xlsx"),
    ],
)
def test_a_hostile_or_broken_upload_is_refused_with_a_message_naming_the_file(name: str, data: bytes, code: str):
    with pytest.raises(DataError) as raised:
        uploads.read_upload(name, data)
    problem = raised.value.problems[0]
    assert problem.code == code and problem.file == name
    zh, en = problem.message("zh"), problem.message("en")
    assert zh.startswith(name) and en.startswith(name) and zh != en


def test_a_too_long_cell_is_named_by_row_and_column() -> None:
    data = (HEADER + ROW + "a,b,c,1," + "x" * (uploads.MAX_CELL_CHARS + 1) + "\n").encode()
    with pytest.raises(DataError) as raised:
        uploads.read_upload("new.csv", data)
    assert raised.value.problems[0].message("en").startswith("new.csv, row 3, column value_text: ")


def test_billion_laughs_is_refused_by_defusedxml_not_expanded() -> None:
    with pytest.raises(DataError) as raised:
        uploads.read_upload("laughs.xlsx", billion_laughs())
    chain, error = [], raised.value
    while error is not None:  # openpyxl wraps the parser's error in its own
        chain.append(type(error).__name__)
        error = error.__cause__ or error.__context__
    assert "EntitiesForbidden" in chain, chain  # refused by defusedxml, not by some other accident


def test_a_formula_excel_has_computed_is_read_as_its_formula_not_its_value() -> None:
    # Excel stores <f> and its cached result <v>: data_only would give the 2 silently; the formula text is flagged.
    data = workbook_bytes([["a", "b"], ["x", "=1+1"]])
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet], replaced = re.subn(rb"<f>1\+1</f>(<v\s*/>|<v></v>)?", b"<f>1+1</f><v>2</v>", parts[sheet])
    assert replaced == 1
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in parts.items():
            z.writestr(name, content)
    assert uploads.read_upload("f.xlsx", buf.getvalue()).rows == (("x", "=1+1"),)
