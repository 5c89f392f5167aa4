"""The store's CSV writer: data/ round-trips byte for byte, every line break inside a cell is quoted (a bare CR
too), and nothing is added to a cell or to the file (no apostrophe, no BOM): the exports' neutralising is theirs."""

import csv
import io
from pathlib import Path

import pytest

from hbeu_dash.model import schema
from hbeu_dash.paths import DATA_DIR
from hbeu_dash.store import CsvStore
from hbeu_dash.store.diff import parse_rows, write_rows
from tests.conftest import extend_source_text
from tests.test_import_cli import FIGURE_COLUMNS, TEST_SENTENCES
from tests.test_intake import FILLED, preview_of


@pytest.fixture
def data_dir(data_dir: Path) -> Path:
    """The data copy, its source 0471tv-2025-02-01 saying the sentences FILLED quotes (as in test_intake)."""
    extend_source_text(data_dir, "0471tv-2025-02-01", *TEST_SENTENCES)
    return data_dir


@pytest.mark.parametrize("table", [spec.name for spec in schema.TABLES])
def test_every_data_file_round_trips_byte_for_byte(table: str) -> None:
    content = (DATA_DIR / schema.TABLES_BY_NAME[table].file).read_bytes()
    assert write_rows(*parse_rows(content)) == content


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("x\r=1+1", '"x\r=1+1"'),  # the finding: a bare CR went out unquoted and a spreadsheet split the row there
        ("line one\rline two", '"line one\rline two"'),
        ("a\nb", '"a\nb"'),
        ("a\r\nb", '"a\r\nb"'),
        ("\r", '"\r"'),
        ("a,b", '"a,b"'),
        ('say "hi"', '"say ""hi"""'),
        ("=HYPERLINK(1)", "=HYPERLINK(1)"),  # the store keeps a cell as it is: validate names it, not the writer
        ("-5", "-5"),
        ("呼和浩特", "呼和浩特"),
        ("", ""),
    ],
)
def test_a_cell_is_quoted_when_it_holds_a_line_break_comma_or_quote(cell: str, written: str) -> None:
    data = write_rows(["figure_id", "note_en"], [["a", cell]])
    assert data == f"figure_id,note_en\na,{written}\n".encode()
    assert parse_rows(data) == (["figure_id", "note_en"], [["a", cell]])
    assert list(csv.reader(io.StringIO(data.decode(), newline=""))) == [["figure_id", "note_en"], ["a", cell]]


def test_a_row_after_a_bare_cr_keeps_its_place_and_the_file_no_bom() -> None:
    rows = [["a", "x\r=1+1"], ["b", "plain"], ["c", "two\rbreaks\rhere"]]
    data = write_rows(["figure_id", "note_en"], rows)
    assert not data.startswith(b"\xef\xbb\xbf") and b"'" not in data
    assert data == b'figure_id,note_en\na,"x\r=1+1"\nb,plain\nc,"two\rbreaks\rhere"\n'
    assert parse_rows(data) == (["figure_id", "note_en"], rows)


def test_a_single_empty_cell_is_written_as_a_quoted_empty_cell() -> None:
    # As the csv module writes it: a bare empty line would be a blank row.
    assert write_rows(["note_en"], [[""]]) == b'note_en\n""\n'
    assert write_rows(["note_en"], [["\r"]]) == b'note_en\n"\r"\n'


def test_an_upload_with_a_cr_inside_a_cell_is_previewed_committed_and_read_back(data_dir: Path) -> None:
    # Before, the merged figures.csv split the cell at its CR: a row of the upload became two rows of nonsense
    # ("not a valid id", "is empty; this column is required") and the upload was refused.
    row = [*FILLED]
    row[FIGURE_COLUMNS.index("note_zh")] = "第一行\r第二行"
    row[FIGURE_COLUMNS.index("note_en")] = "line one\rline two"
    upload = io.StringIO()
    csv.writer(upload, lineterminator="\r\n").writerows([FIGURE_COLUMNS, row])  # as Excel saves it: CRs quoted
    preview = preview_of(data_dir, "new.csv", upload.getvalue().encode("utf-8"))
    assert [p.message("en") for p in preview.problems] == []
    assert [(c.kind, c.row) for c in preview.changes["figures"]] == [("new", 2)]
    store = CsvStore(data_dir)
    assert store.commit(preview.files, preview.version, "t") is not None
    _, result = store.read()
    assert result.problems == []
    figures = result.tables["figures"].set_index("figure_id")
    assert figures.at["ulanqab-service-items-t", "note_en"] == "line one\rline two"
    assert figures.at["ulanqab-service-items-t", "note_zh"] == "第一行\r第二行"
