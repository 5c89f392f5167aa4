"""Shared fixtures: a private copy of data/ that a test may break, and helpers to edit CSV files."""

import csv
import io
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from hbeu_dash.paths import DATA_DIR


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A copy of the real data/ folder, free to modify."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def read_rows(path: Path) -> list[list[str]]:
    """The CSV file as a list of rows; rows[0] is the header, rows[r - 1] is Excel row r."""
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def write_rows(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> None:
    """Write rows back as CSV."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))


def set_cell(path: Path, excel_row: int, column: str, value: str) -> None:
    """Put `value` in one cell, addressed as in Excel (header = row 1) and by column name."""
    rows = read_rows(path)
    rows[excel_row - 1][rows[0].index(column)] = value
    write_rows(path, rows)


def edit_rows(path: Path, edit: Callable[[list[list[str]]], None]) -> None:
    """Apply an in-place edit to the rows of a CSV file."""
    rows = read_rows(path)
    edit(rows)
    write_rows(path, rows)
