"""model.csv_cells: one rule for a cell a spreadsheet would run as a formula (the same per cell and over an Arrow
column), and one quoting core (RFC 4180: a cell holding a comma, a quote, a CR or an LF is quoted)."""

import csv
import io
import random

import pandas as pd
import pyarrow
import pytest

from hbeu_dash.model import csv_cells, schema

# (cell, a spreadsheet would run it). Every bad input is a row.
CASES = [
    ("=1+1", True),
    ('=HYPERLINK("http://x")', True),
    ("+1+cmd|' /C calc'!A0", True),
    ("-cmd", True),
    ("-1+2", True),
    ("@SUM(A1)", True),
    ("\t=1", True),
    ("\tplain", True),  # a tab or a line break first: OWASP's rule, whatever follows
    ("\rplain", True),
    ("\nplain", True),
    ("\t-5", True),
    (" =1+1", True),  # LibreOffice's "trim spaces" import runs it
    ("  @x", True),
    ("\u3000=1", True),
    ("\u00a0+1", True),
    ("\u2003-x", True),
    ("\ufeff=1", True),
    ("＝1+1", True),
    ("＋1", True),
    ("－cmd", True),
    ("＠SUM(A1)", True),
    ("-5", False),  # a number, read as one
    ("-2.5", False),
    (" -5", False),
    ("5", False),
    ("-", True),
    ("+", True),
    ("", False),
    (" ", False),
    ("\u3000", False),
    ("a=b", False),
    ("1+1", False),
    ("'=1+1", False),  # already neutralised
    ("呼和浩特", False),
    ("“四城通办”", False),  # a quotation mark: its UTF-8 starts like the typographic spaces (E2 80)
    ("（注）", False),  # full-width parenthesis: its UTF-8 starts like ＝ ＋ (EF BC)
    ("〇", False),  # U+3007: starts like the ideographic space (E3 80)
    ("😀=1", False),  # four bytes
    ("é=1", False),  # two bytes, like the no-break space (C2/C3)
    ("x\r=1+1", False),  # not a formula: its quoting keeps the CR inside the cell
]


@pytest.mark.parametrize(("cell", "formula"), CASES)
def test_one_rule_per_cell_and_over_a_column(cell: str, formula: bool) -> None:
    assert csv_cells.looks_like_formula(cell) is formula
    assert csv_cells.formula_mask(pyarrow.array([cell])).to_pylist() == [formula]
    assert csv_cells.neutralise(cell) == ("'" + cell if formula else cell)


def test_the_column_form_agrees_on_every_kind_of_arrow_array() -> None:
    cells = [c for c, _ in CASES] * 3
    expected = [csv_cells.looks_like_formula(c) for c in cells]
    plain = pyarrow.array(cells, type=pyarrow.string())
    assert csv_cells.formula_mask(plain).to_pylist() == expected
    assert csv_cells.formula_mask(pyarrow.array(cells, type=pyarrow.large_string())).to_pylist() == expected
    assert csv_cells.formula_mask(plain.slice(5, 40)).to_pylist() == expected[5:45]  # an offset into the buffers
    chunked = pyarrow.chunked_array([plain.slice(0, 7), plain.slice(7, 0), plain.slice(7)])
    assert csv_cells.formula_mask(chunked).to_pylist() == expected
    assert csv_cells.formula_mask(pyarrow.array(["", "", "=x"])).to_pylist() == [False, False, True]
    assert csv_cells.formula_mask(pyarrow.array([], type=pyarrow.string())).to_pylist() == []
    assert csv_cells.formula_mask(pyarrow.array([None, "=x"], type=pyarrow.string())).to_pylist() == [False, True]


def test_the_column_form_runs_on_a_categorical_through_the_schema() -> None:
    series = pd.Series(["=x", "ok", "=x", "-5"], dtype="category")
    assert schema.on_text(csv_cells.formula_mask)(series).tolist() == [True, False, True, False]


def test_the_prefixes_intake_refuses_are_the_rules_starts() -> None:
    assert set("".join(csv_cells.FORMULA_PREFIXES)) == set(csv_cells.FORMULA_STARTS + csv_cells.BREAK_STARTS)


def _reference(header: list[str], rows: list[list[str]]) -> str:
    """RFC 4180 written out by hand: quote a cell holding , " CR or LF (doubling its quotes); LF after each row."""

    def quote(cell: str) -> str:
        return '"' + cell.replace('"', '""') + '"' if any(c in cell for c in ',"\r\n') else cell

    return "".join(",".join(map(quote, row)) + "\n" if row != [""] else '""\n' for row in [header, *rows])


def test_the_quoting_core_matches_rfc_4180_on_random_cells() -> None:
    pieces = ["a", "中", ",", '"', "\r", "\n", "\r\n", " ", "=", "'", "\t", ""]
    rng = random.Random(20)
    for _ in range(300):
        width = rng.randint(1, 4)
        rows = [["".join(rng.choices(pieces, k=rng.randint(0, 4))) for _ in range(width)] for _ in range(3)]
        header = [f"c{i}" for i in range(width)]
        data = csv_cells.write_csv(header, rows)
        assert data.decode("utf-8") == _reference(header, rows)
        assert list(csv.reader(io.StringIO(data.decode("utf-8"), newline=""))) == [header, *rows]


def test_a_bom_only_when_asked_and_nothing_added_to_a_cell() -> None:
    assert csv_cells.write_csv(["a"], [["=1"]]) == b"a\n=1\n"
    assert csv_cells.write_csv(["a"], [["=1"]], bom=True) == b"\xef\xbb\xbfa\n=1\n"
    assert csv_cells.write_csv(["a"], iter([["x\r"]])) == b'a\n"x\r"\n'  # rows may be any iterable
