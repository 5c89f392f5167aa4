"""Exports open in Excel with Chinese intact, keep sources, and never carry a live formula."""

import io

import openpyxl
import pandas as pd
import pytest

from hbeu_dash.exports import neutralize_cell, to_csv_bytes, to_excel_bytes


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
