"""`validate` names every cell of data/ that a spreadsheet would run as a formula, by file, row and column, in the
reader's language: the rule an upload is refused by (hbeu_dash.model.csv_cells), so a hand edit cannot get in either."""

from pathlib import Path

import pytest

from hbeu_dash.cli.main import main
from hbeu_dash.model.loaders import read_dataset
from hbeu_dash.paths import DATA_DIR
from hbeu_dash.store.diff import parse_rows, write_rows

HYPERLINK = '=HYPERLINK("http://x")'


def set_cell(path: Path, excel_row: int, column: str, value: str) -> None:
    """Put `value` in one cell (Excel's row number, the column's name), written as the store writes data/."""
    header, rows = parse_rows(path.read_bytes())
    rows[excel_row - 2][header.index(column)] = value
    path.write_bytes(write_rows(header, rows))


def test_the_real_data_has_no_formula_looking_cell() -> None:
    assert [p.message("en") for p in read_dataset(DATA_DIR).problems if p.code == "formula_prefix"] == []


def test_validate_names_a_planted_hyperlink_by_file_row_and_column(data_dir: Path, capsys) -> None:
    set_cell(data_dir / "figures.csv", 3, "evidence_en", HYPERLINK)
    assert main(["--data", str(data_dir), "validate"]) == 1
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "1 problem(s) in the data files:",
        "- figures.csv, row 3, column evidence_en: '=HYPERLINK(\"http://x\")' starts with = + - @ (or ＝ ＋ － ＠, "
        "also after spaces), a tab or a line break: a spreadsheet would run it as a formula; remove that character",
    ]


def test_validate_says_it_in_chinese(data_dir: Path, capsys) -> None:
    set_cell(data_dir / "figures.csv", 3, "evidence_en", HYPERLINK)
    assert main(["--data", str(data_dir), "--lang", "zh", "validate"]) == 1
    err = capsys.readouterr().err
    assert '- figures.csv 第 3 行“evidence_en”列：“=HYPERLINK("http://x")”以 = + - @' in err
    assert "电子表格会把它当作公式运行" in err


@pytest.mark.parametrize(
    ("file", "row", "column", "cell"),
    [
        ("sources.csv", 4, "title_en", "+1+cmd|' /C calc'!A0"),
        ("events.csv", 3, "note_zh", "@SUM(1+1)*cmd|' /C calc'!A0"),
        ("projects.csv", 5, "name_en", " =1+1"),  # after a space: LibreOffice's "trim spaces" runs it
        ("indicators.csv", 6, "name_zh", "＝1+1"),
        ("figures.csv", 7, "speaker_en", "\tcmd"),
        ("figures.csv", 8, "note_en", "\r=1+1"),
        ("figures.csv", 9, "value_text", "-cmd"),
    ],
)
def test_every_kind_of_formula_start_is_named(data_dir: Path, file: str, row: int, column: str, cell: str) -> None:
    set_cell(data_dir / file, row, column, cell)
    found = [(p.file, p.row, p.column, p.value) for p in read_dataset(data_dir).problems if p.code == "formula_prefix"]
    assert found == [(file, row, column, cell)]


def test_a_negative_number_is_not_a_formula_but_a_negative_count(data_dir: Path) -> None:
    set_cell(data_dir / "figures.csv", 3, "value", "-8")
    codes = {(p.code, p.column) for p in read_dataset(data_dir).problems}
    assert ("non_negative", "value") in codes and not any(code == "formula_prefix" for code, _ in codes)


def test_a_formula_in_a_categorical_column_is_named_too(data_dir: Path) -> None:
    set_cell(data_dir / "figures.csv", 4, "note_en", "=1+1")  # note_en is held as a categorical
    found = {(p.code, p.row, p.column) for p in read_dataset(data_dir).problems}
    assert ("formula_prefix", 4, "note_en") in found
