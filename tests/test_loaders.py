"""Loading data/: the real tables validate, and every kind of broken table is named by file, row and column."""

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from hbeu_dash.model import schema
from hbeu_dash.model.loaders import load_dataset, read_dataset
from hbeu_dash.model.problems import DataError
from hbeu_dash.paths import DATA_DIR
from tests.conftest import edit_rows, read_rows, set_cell, write_rows


def test_real_data_is_valid() -> None:
    tables = load_dataset()
    assert set(tables) == {t.name for t in schema.TABLES}
    assert all(len(tables[name]) > 0 for name in ("sources", "cities", "indicators", "figures", "projects", "events"))


def test_real_data_has_every_city_and_sector_vocabulary() -> None:
    tables = load_dataset()
    assert sorted(tables["cities"]["city_id"]) == sorted(schema.CITY_IDS)
    assert set(tables["indicators"]["sector"]) <= set(schema.SECTORS)


def test_real_data_values_are_numbers_in_base_units() -> None:
    # 58.76万件 (Hohhot's cross-city cases in 2024, meeting8-interviews) is stored as 587600.
    figures = load_dataset()["figures"].set_index("figure_id")
    assert figures.loc["hohhot-cases-2024", "value"] == 587_600
    assert figures.loc["hohhot-cases-2024", "value_text"] == "58.76万"


def _drop_column(column: str) -> Callable[[list[list[str]]], None]:
    def edit(rows: list[list[str]]) -> None:
        i = rows[0].index(column)
        for row in rows:
            del row[i]

    return edit


def _append_copy_of(excel_row: int) -> Callable[[list[list[str]]], None]:
    def edit(rows: list[list[str]]) -> None:
        rows.append(list(rows[excel_row - 1]))

    return edit


def _cell(excel_row: int, column: str, value: str) -> Callable[[Path], None]:
    return lambda path: set_cell(path, excel_row, column, value)


def _cells(excel_row: int, values: dict[str, str]) -> Callable[[Path], None]:
    def edit(path: Path) -> None:
        for column, value in values.items():
            set_cell(path, excel_row, column, value)

    return edit


def _rows(edit: Callable[[list[list[str]]], None]) -> Callable[[Path], None]:
    return lambda path: edit_rows(path, edit)


def _appended_row(file: str) -> int:
    """The Excel row a line appended to data/<file> lands on: after its header and every row it has now."""
    return len(read_rows(DATA_DIR / file)) + 1


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _header_only(path: Path) -> None:
    write_rows(path, read_rows(path)[:1])


def _bom_and_bad_city(path: Path) -> None:
    set_cell(path, 3, "city", "huhhot")
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())


def _gbk(path: Path) -> None:
    write_rows(path, read_rows(path), encoding="gb18030")


def _ragged(path: Path) -> None:
    edit_rows(path, lambda rows: rows[6].append("extra"))


def _duplicate_header(path: Path) -> None:
    edit_rows(path, lambda rows: [row.append(row[1]) for row in rows])


def _missing(path: Path) -> None:
    path.unlink()


# (case id, file, how to break it, expected Excel row, expected column, expected problem code)
BAD_TABLES = [
    ("missing-column", "figures.csv", _rows(_drop_column("evidence")), 1, "evidence", "missing_column"),
    ("unknown-column", "cities.csv", _rows(lambda r: [row.append("x") for row in r]), 1, "x", "unknown_column"),
    ("unknown-city", "figures.csv", _cell(3, "city", "huhhot"), 3, "city", "cities"),
    ("repeated-city-in-list", "projects.csv", _cell(4, "cities", "hohhot;hohhot"), 4, "cities", "cities"),
    ("city-not-in-vocabulary", "cities.csv", _cell(5, "city_id", "beijing"), 5, "city_id", "city_id"),
    ("non-numeric-value", "figures.csv", _cell(5, "value", "58.76万"), 5, "value", "number"),
    ("thousands-separator", "figures.csv", _cell(6, "value", "19,897"), 6, "value", "number"),
    ("negative-count", "figures.csv", _cell(7, "value", "-25"), 7, "value", "non_negative"),
    ("value-differs-from-text", "figures.csv", _cell(8, "value", "12"), 8, "value", "value_mismatch"),
    (
        "value-text-not-in-evidence",
        "figures.csv",
        _cell(9, "value_text", "99"),
        9,
        "value_text",
        "value_text_not_in_evidence",
    ),
    # the copy is the duplicate named, at the end of the file
    (
        "duplicate-id",
        "indicators.csv",
        _rows(_append_copy_of(2)),
        _appended_row("indicators.csv"),
        "indicator_id",
        "duplicate_key",
    ),
    (
        "duplicate-composite-key",
        "events.csv",
        _rows(_append_copy_of(3)),
        _appended_row("events.csv"),
        "event_id",
        "duplicate_key",
    ),
    ("dangling-source-id", "figures.csv", _cell(4, "source_id", "people-daily"), 4, "source_id", "dangling_ref"),
    ("dangling-indicator-id", "figures.csv", _cell(10, "indicator_id", "gdp"), 10, "indicator_id", "dangling_ref"),
    ("dangling-event-id", "figures.csv", _cell(2, "event_id", "meeting-9"), 2, "event_id", "dangling_ref"),
    (
        "dangling-identity-part",
        "identities.csv",
        _cell(2, "parts", "hb-items-first-batch;nope"),
        2,
        "parts",
        "dangling_ref",
    ),
    ("bad-date", "events.csv", _cell(2, "date", "2024-13-01"), 2, "date", "date"),
    ("impossible-date", "figures.csv", _cell(3, "as_of", "2024-02-30"), 3, "as_of", "date"),
    ("chinese-date", "projects.csv", _cell(2, "as_of", "2024年12月"), 2, "as_of", "date"),
    ("empty-required-cell", "figures.csv", _cell(11, "source_id", ""), 11, "source_id", "required"),
    ("id-with-space", "sources.csv", _cell(2, "source_id", "meeting8 interviews"), 2, "source_id", "id"),
    ("unknown-sector", "indicators.csv", _cell(6, "sector", "tourism"), 6, "sector", "sector"),
    ("unknown-status", "projects.csv", _cell(3, "status", "done"), 3, "status", "status"),
    ("latitude-out-of-range", "cities.csv", _cell(2, "lat", "140.8"), 2, "lat", "latitude"),
    ("evidence-too-long", "figures.csv", _cell(12, "evidence", "很" * 81), 12, "evidence", "evidence_length"),
    (
        "status-text-not-in-evidence",
        "projects.csv",
        _cell(5, "status_text", "已通车"),
        5,
        "status_text",
        "text_not_in_evidence",
    ),
    ("empty-file", "projects.csv", _empty, None, None, "empty_file"),
    ("header-only", "figures.csv", _header_only, None, None, "no_rows"),
    ("bom-keeps-rows-right", "figures.csv", _bom_and_bad_city, 3, "city", "cities"),
    ("gbk-encoding", "figures.csv", _gbk, 2, None, "encoding"),
    ("ragged-row", "figures.csv", _ragged, 7, None, "ragged_row"),
    ("duplicate-header", "sources.csv", _duplicate_header, 1, "title", "duplicate_column"),
    ("missing-file", "events.csv", _missing, None, None, "missing_file"),
    # zh/en pairs: row 4 of figures.csv (mengkeju-subcentres) has notes, row 2 of projects.csv (s43) speakers
    ("note-en-without-note-zh", "figures.csv", _cell(4, "note_zh", ""), 4, "note_zh", "translation_missing"),
    ("note-zh-without-note-en", "identities.csv", _cell(2, "note_en", " "), 2, "note_en", "translation_missing"),
    (
        "speaker-zh-without-speaker-en",
        "projects.csv",
        _cell(2, "speaker_en", ""),
        2,
        "speaker_en",
        "translation_missing",
    ),
    (
        "missing-evidence-en-column",
        "projects.csv",
        _rows(_drop_column("evidence_en")),
        1,
        "evidence_en",
        "missing_column",
    ),
    (
        "evidence-en-too-long",
        "figures.csv",
        _cell(13, "evidence_en", "x" * 201),
        13,
        "evidence_en",
        "evidence_en_length",
    ),
    ("missing-outlet-en-column", "sources.csv", _rows(_drop_column("outlet_en")), 1, "outlet_en", "missing_column"),
    # row 11 of events.csv (meeting8-gov-agreements) is dated from context only: its notes say so
    (
        "date-without-date-text-or-note",
        "events.csv",
        _cells(11, {"note_zh": "", "note_en": ""}),
        11,
        "date_text",
        "date_needs_note",
    ),
]


@pytest.mark.parametrize(
    ("file", "breaker", "row", "column", "code"), [c[1:] for c in BAD_TABLES], ids=[c[0] for c in BAD_TABLES]
)
def test_bad_table_is_named_by_file_row_and_column(
    data_dir: Path, file: str, breaker: Callable[[Path], None], row: int | None, column: str | None, code: str
) -> None:
    breaker(data_dir / file)
    result = read_dataset(data_dir)
    matching = [p for p in result.problems if (p.file, p.row, p.column, p.code) == (file, row, column, code)]
    assert matching, (
        f"expected {(file, row, column, code)} in {[(p.file, p.row, p.column, p.code) for p in result.problems]}"
    )
    problem = matching[0]
    en, zh = problem.message("en"), problem.message("zh")
    assert en.startswith(file) and zh.startswith(file)
    if row is not None:
        assert f"row {row}" in en and f"第 {row} 行" in zh
    if column is not None:
        assert f"column {column}" in en and f"“{column}”列" in zh
    assert file.removesuffix(".csv") not in result.tables


@pytest.mark.parametrize(("file", "breaker"), [(c[1], c[2]) for c in BAD_TABLES], ids=[c[0] for c in BAD_TABLES])
def test_bad_table_raises_one_error_and_leaves_files_untouched(
    data_dir: Path, file: str, breaker: Callable[[Path], None]
) -> None:
    breaker(data_dir / file)
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in data_dir.iterdir() if p.is_file()}
    with pytest.raises(DataError) as info:
        load_dataset(data_dir)
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in data_dir.iterdir() if p.is_file()}
    assert before == after
    assert file in str(info.value)


def test_every_problem_is_collected_not_just_the_first(data_dir: Path) -> None:
    set_cell(data_dir / "figures.csv", 3, "city", "huhhot")
    set_cell(data_dir / "figures.csv", 5, "value", "abc")
    set_cell(data_dir / "projects.csv", 2, "status", "done")
    with pytest.raises(DataError) as info:
        load_dataset(data_dir)
    found = {(p.file, p.row, p.column) for p in info.value.problems}
    assert {("figures.csv", 3, "city"), ("figures.csv", 5, "value"), ("projects.csv", 2, "status")} <= found
    assert info.value.format("zh").startswith(f"数据文件有 {len(info.value.problems)} 处问题")


def test_valid_tables_survive_a_broken_one(data_dir: Path) -> None:
    set_cell(data_dir / "projects.csv", 2, "status", "done")
    result = read_dataset(data_dir)
    assert "projects" not in result.tables
    assert {"sources", "cities", "indicators", "figures", "events", "identities"} <= set(result.tables)


def test_bom_file_loads_like_a_plain_one(data_dir: Path) -> None:
    path = data_dir / "cities.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert list(load_dataset(data_dir)["cities"]["city_id"]) == ["hohhot", "baotou", "ordos", "ulanqab"]


def test_blank_trailing_rows_are_ignored(data_dir: Path) -> None:
    path = data_dir / "sources.csv"
    rows = len(read_rows(path)) - 1  # counted by the csv module before the blank rows go in
    path.write_bytes(path.read_bytes() + b",,,,,,,,,\n\n")
    assert len(load_dataset(data_dir)["sources"]) == rows


def test_message_shows_bad_value_and_expected_values(data_dir: Path) -> None:
    set_cell(data_dir / "indicators.csv", 6, "sector", "tourism")
    problem = next(p for p in read_dataset(data_dir).problems if p.code == "sector")
    assert "'tourism'" in problem.message("en")
    assert "science_innovation" in problem.message("en")
    assert "“tourism”" in problem.message("zh")


@pytest.mark.parametrize(
    ("file", "row", "empty", "filled"),
    [("figures.csv", 4, "note_zh", "note_en"), ("projects.csv", 2, "speaker_en", "speaker_zh")],
)
def test_translation_missing_says_which_column_holds_the_text(
    data_dir: Path, file: str, row: int, empty: str, filled: str
) -> None:
    set_cell(data_dir / file, row, empty, "")
    problem = next(p for p in read_dataset(data_dir).problems if p.code == "translation_missing")
    assert problem.message("en") == f"{file}, row {row}, column {empty}: is empty while {filled} is filled; " + (
        f"translate the text of {filled} into this column"
    )
    assert problem.message("zh").startswith(f"{file} 第 {row} 行“{empty}”列：为空，而 {filled} 已填写")


def test_a_date_from_context_needs_only_one_note_to_say_so(data_dir: Path) -> None:
    # row 11 of events.csv (meeting8-gov-agreements): dated 2024-12-07, date_text empty, notes explain the date
    set_cell(data_dir / "events.csv", 11, "note_zh", "")
    codes = {p.code for p in read_dataset(data_dir).problems}
    assert codes == {"translation_missing"}


def test_every_optional_zh_en_pair_is_declared_translated() -> None:
    for spec in schema.TABLES:
        optional = {c for c in spec.columns if not spec.is_required(c)}
        pairs = {(c, c.removesuffix("_zh") + "_en") for c in optional if c.endswith("_zh")}
        assert pairs == set(spec.translated), spec.name


def test_real_data_is_written_in_both_languages() -> None:
    # the outlet a reader cites in both languages (evidence_en may wait: see the tests below)
    tables = load_dataset()
    sources = tables["sources"].set_index("source_id")
    assert sources.loc["0471tv-2025-02-01", ["outlet_zh", "outlet_en"]].tolist() == ["青橙融媒", "Qingcheng Media"]
    # the republication detail that the old publisher column held lives in the notes now
    assert "问小白" in sources.loc["0471tv-2025-02-01", "note_zh"]
    assert "Wenxiaobai (问小白)" in sources.loc["0471tv-2025-02-01", "note_en"]


# One row of each citing table: figures.csv row 13, projects.csv row 2 (s43, a speaker's report), events.csv row 5.
EVIDENCE_EN_ROWS = [("figures.csv", 13), ("projects.csv", 2), ("events.csv", 5)]


@pytest.mark.parametrize(("file", "row"), EVIDENCE_EN_ROWS)
@pytest.mark.parametrize("blank", ["", "  "])
def test_a_row_without_evidence_en_loads(data_dir: Path, file: str, row: int, blank: str) -> None:
    # Not yet translated is not invalid: the row loads as it is (nothing made up), and readers in English see it
    # marked 'English evidence pending' (tests/test_views_*.py).
    set_cell(data_dir / file, row, "evidence_en", blank)
    result = read_dataset(data_dir)
    assert result.problems == []
    loaded = result.tables[file.removesuffix(".csv")].iloc[row - 2]  # Excel row 2 is the first data row
    assert loaded["evidence_en"] == blank and loaded["evidence"].strip() != ""


@pytest.mark.parametrize(("file", "row"), EVIDENCE_EN_ROWS)
def test_a_filled_evidence_en_still_has_its_length_limit(data_dir: Path, file: str, row: int) -> None:
    set_cell(data_dir / file, row, "evidence_en", "x" * (schema.MAX_EVIDENCE_EN_CHARS + 1))
    found = [(p.file, p.row, p.column, p.code) for p in read_dataset(data_dir).problems]
    assert found == [(file, row, "evidence_en", "evidence_en_length")]
    set_cell(data_dir / file, row, "evidence_en", "x" * schema.MAX_EVIDENCE_EN_CHARS)
    assert read_dataset(data_dir).problems == []


def test_evidence_en_is_optional_but_evidence_is_not() -> None:
    for spec in (schema.FIGURES, schema.PROJECTS, schema.EVENTS):
        assert not spec.is_required("evidence_en") and spec.is_required("evidence"), spec.name
        assert "evidence_en" in spec.columns and "evidence_en" not in spec.optional_columns  # the column stays
