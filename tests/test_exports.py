"""Exports open in Excel with Chinese intact, keep sources, and never carry a live formula."""

import csv
import io
import os
import shutil
import subprocess
import tomllib
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from hbeu_dash.documents.exports import neutralize_cell, to_csv_bytes, to_excel_bytes
from hbeu_dash.paths import ROOT


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+86 471", "'+86 471"),
        ("-cmd", "'-cmd"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=x", "'\t=x"),
        ("\r=x", "'\r=x"),
        ("呼和浩特", "呼和浩特"),
        ("a=b", "a=b"),
        (-5.0, -5.0),
        (None, None),
    ],
)
def test_neutralize_cell(cell: object, expected: object) -> None:
    assert neutralize_cell(cell) == expected


FRAME = pd.DataFrame(
    {
        "城市": ["呼和浩特", "包头"],
        "value": [561.0, -1.0],
        "source": ['=HYPERLINK("http://evil")', "meeting8-interviews"],
        "evidence": ["以首府为例,通办事项已达561项", "@cmd"],
    }
)


def test_csv_has_bom_chinese_and_no_formula() -> None:
    data = to_csv_bytes(FRAME)
    assert data.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert list(back["城市"]) == ["呼和浩特", "包头"]
    assert list(back["source"]) == ['\'=HYPERLINK("http://evil")', "meeting8-interviews"]
    assert list(back["evidence"]) == ["以首府为例,通办事项已达561项", "'@cmd"]
    assert list(back["value"]) == [561.0, -1.0]  # numbers are not text, so a negative stays a number


def test_excel_cells_are_text_not_formulas() -> None:
    wb = openpyxl.load_workbook(io.BytesIO(to_excel_bytes(FRAME, "figures")))
    ws = wb["figures"]
    assert [c.value for c in ws[1]] == ["城市", "value", "source", "evidence"]
    assert ws["C2"].value == '\'=HYPERLINK("http://evil")' and ws["C2"].data_type == "s"
    assert ws["B3"].value == -1
    assert ws["A2"].value == "呼和浩特"


# --- finding 1 and 2 of issue 20: every cell holding a line break is quoted, every formula start neutralised -------


def _csv_rows(data: bytes) -> list[list[str]]:
    """The rows as a spreadsheet reads them (RFC 4180: a quoted cell keeps its line breaks)."""
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_a_bare_cr_in_a_cell_is_quoted_so_no_row_starts_with_a_formula() -> None:
    # The finding: 'x\r=1+1' went out as x\r=1+1 unquoted; LibreOffice split the row and ran =1+1.
    data = to_csv_bytes(pd.DataFrame({"a": ["x\r=1+1", "y"]}))
    assert data == b'\xef\xbb\xbfa\n"x\r=1+1"\ny\n'
    assert _csv_rows(data) == [["a"], ["x\r=1+1"], ["y"]]


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("\r=1+1", "'\r=1+1"),
        ("\n=1+1", "'\n=1+1"),
        ("a\r\n=1+1", "a\r\n=1+1"),
        (" =1+1", "' =1+1"),  # LibreOffice's "trim spaces" import runs it
        ("\u3000=1+1", "'\u3000=1+1"),
        ("\u00a0@SUM(A1)", "'\u00a0@SUM(A1)"),
        ("＝1+1", "'＝1+1"),
        ("＋1", "'＋1"),
        ("－cmd", "'－cmd"),
        ("＠SUM(A1)", "'＠SUM(A1)"),
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
        ("-5", "-5"),  # a number in a text column is read as a number, not run
        ("-2.5", "-2.5"),
        ("a=b", "a=b"),
        ("1+1", "1+1"),
    ],
)
def test_every_formula_start_is_neutralised_and_every_line_break_quoted(cell: str, written: str) -> None:
    data = to_csv_bytes(pd.DataFrame({"note": [cell]}))
    assert _csv_rows(data) == [["note"], [written]]
    quoted = any(c in written for c in ',"\r\n')
    assert data.decode("utf-8-sig").split("\n", 1)[1].startswith('"' if quoted else written[:1])


def test_a_header_is_neutralised_like_a_cell() -> None:
    frame = pd.DataFrame({"=cmd": ["a"], "ok\rname": ["b"]})
    assert _csv_rows(to_csv_bytes(frame))[0] == ["'=cmd", "ok\rname"]
    sheet = openpyxl.load_workbook(io.BytesIO(to_excel_bytes(frame))).active
    assert [(c.value, c.data_type) for c in sheet[1]] == [("'=cmd", "s"), ("ok\rname", "s")]


def test_numbers_and_empty_cells_are_written_as_before() -> None:
    frame = pd.DataFrame({"n": [561.0, -1.0], "x": [0.5, None], "t": [None, "a"], "i": pd.array([3, None], "Int64")})
    assert to_csv_bytes(frame).decode("utf-8-sig") == "n,x,t,i\n561,0.5,,3\n-1,,a,\n"


HOSTILE = pd.DataFrame(
    {
        "source": ['=HYPERLINK("http://x")', "+1+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", " =1+1"],
        "note": ["x\r=1+1", "＝1+1", "\t=1+1", "-cmd"],
        "value": [-5.0, 1.5, 2.0, None],
    }
)


def test_no_xlsx_cell_is_a_formula() -> None:
    sheet = openpyxl.load_workbook(io.BytesIO(to_excel_bytes(HOSTILE, "figures")))["figures"]
    cells = [c for row in sheet.iter_rows() for c in row if c.value is not None]
    assert cells and all(c.data_type != "f" for c in cells)
    texts = [c.value for c in cells if c.data_type == "s"]
    assert all(t.startswith("'") for t in texts if t[:1] in "=+-@ ＝\t")
    assert sheet["A2"].value == '\'=HYPERLINK("http://x")' and sheet["B2"].value == "x\r=1+1"
    assert sheet["C2"].value == -5 and sheet["C2"].data_type == "n"


def test_the_tables_own_csv_download_stays_off() -> None:
    # st.dataframe's toolbar "Download as CSV" bypasses the neutralising above: .streamlit/config.toml hides it.
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["disableDataExport"] is True


def test_libreoffice_opens_the_export_without_running_a_formula(tmp_path: Path) -> None:
    # What the finding saw, with LibreOffice's own CSV import (UTF-8, evaluate formulas, trim spaces): no formula.
    if shutil.which("soffice") is None:  # a real spreadsheet: .ci/run installs it, so under CI its absence fails
        message = "LibreOffice (soffice) not found: this test NOT RUN"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI is set: .ci/run should install libreoffice-calc-nogui)")
        pytest.skip(message + " — install it with: apt-get install -y libreoffice-calc-nogui")
    (tmp_path / "export.csv").write_bytes(to_csv_bytes(HOSTILE))
    filter_options = "CSV:44,34,76,1,,0,false,true,false,false,true"
    subprocess.run(
        [
            *("soffice", "--headless", f"--infilter={filter_options}", "--convert-to", "xlsx"),
            *("--outdir", str(tmp_path), str(tmp_path / "export.csv")),
            f"-env:UserInstallation=file://{tmp_path}/profile",
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    sheet = openpyxl.load_workbook(tmp_path / "export.xlsx").active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert len(rows) == 1 + len(HOSTILE), rows  # no row split at a CR
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    assert rows[1][1].replace("\n", "\r") == "x\r=1+1"
