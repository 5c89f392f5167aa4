"""Intake: upload rows → a validated preview (new, changed, identical rows; new conflicts); templates read back with
their explanation row skipped and rows numbered as the analyst sees them."""

import csv
import io
from pathlib import Path

import openpyxl
import pytest

from hbeu_dash import i18n
from hbeu_dash.intake import changeset
from hbeu_dash.intake.uploads import read_upload
from hbeu_dash.model.changes import ConflictError
from hbeu_dash.store import CsvStore
from tests.conftest import extend_source_text
from tests.test_import_cli import FIGURE_COLUMNS, TEST_SENTENCES

FILLED = [
    "ulanqab-service-items-t",
    "four_city_service_items",
    "ulanqab",
    "300",
    "300",
    "",
    "2025-02",
    "0471tv-2025-02-01",
    "",
    "",
    "",
    "乌兰察布市通办事项300项",
    "Ulanqab's shared service items number 300",
    "",
    "",
]
FIGURE_LINE = (
    "ulanqab-service-items-t,four_city_service_items,ulanqab,300,300,,2025-02,0471tv-2025-02-01,,,,"
    "乌兰察布市通办事项300项,Ulanqab's shared service items number 300,,\n"
)


@pytest.fixture
def data_dir(data_dir: Path) -> Path:
    """The data copy, its source 0471tv-2025-02-01 saying the test sentences too (as in test_import_cli)."""
    extend_source_text(data_dir, "0471tv-2025-02-01", *TEST_SENTENCES)
    return data_dir


def csv_bytes(*rows: list[str]) -> bytes:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue().encode("utf-8")


def xlsx_bytes(*rows: list[str]) -> bytes:
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def preview_of(folder: Path, name: str, data: bytes, table: str = "figures") -> changeset.Preview:
    upload = read_upload(name, data)
    rows, problems = changeset.rows_from_upload(table, upload)
    return changeset.prepare(CsvStore(folder), {table: rows}, name, problems)


# --- templates ---------------------------------------------------------------------------------------------------


def test_a_template_has_the_table_columns_and_an_explanation_row() -> None:
    header, notes = changeset.template_rows("figures", i18n.COLUMN_HELP)
    assert header == FIGURE_COLUMNS
    assert notes[0].startswith("# ") and all(" / " in n for n in notes)
    assert notes[header.index("value")] == (
        "数值，基本单位，不带 万/亿 和千位分隔符（如 587600） / the number in base units, no 万/亿 or separators"
    )


def test_a_filled_csv_template_validates_with_its_explanation_row_skipped(data_dir: Path) -> None:
    header, notes = changeset.template_rows("figures", i18n.COLUMN_HELP)
    data = csv_bytes(header, notes, FILLED)
    rows, problems = changeset.rows_from_upload("figures", read_upload("template.csv", data))
    assert problems == []
    assert rows == [(3, dict(zip(FIGURE_COLUMNS, FILLED, strict=True)))]  # the filled row is Excel row 3
    preview = preview_of(data_dir, "template.csv", data)
    assert preview.ok and [(c.kind, c.row) for c in preview.changes["figures"]] == [("new", 3)]
    assert preview.files["figures"] == (data_dir / "figures.csv").read_bytes() + FIGURE_LINE.encode()


def test_a_filled_xlsx_template_validates_too(data_dir: Path) -> None:
    header, notes = changeset.template_rows("figures", i18n.COLUMN_HELP)
    preview = preview_of(data_dir, "template.xlsx", xlsx_bytes(header, notes, FILLED))
    assert preview.ok and [(c.kind, c.row) for c in preview.changes["figures"]] == [("new", 3)]


def test_a_mistake_in_a_filled_template_is_named_by_its_row(data_dir: Path) -> None:
    header, notes = changeset.template_rows("figures", i18n.COLUMN_HELP)
    bad = [*FILLED]
    bad[header.index("value")] = "三百"
    preview = preview_of(data_dir, "template.csv", csv_bytes(header, notes, bad))
    assert [(p.file, p.code, p.row, p.column) for p in preview.problems if p.code == "number"] == [
        ("template.csv", "number", 3, "value")
    ]
    assert preview.problems[0].message("en").startswith("template.csv, row 3, column value: '三百' is not")


def test_an_unfilled_template_has_no_rows(data_dir: Path) -> None:
    header, notes = changeset.template_rows("figures", i18n.COLUMN_HELP)
    preview = preview_of(data_dir, "template.csv", csv_bytes(header, notes))
    assert [(p.code, p.row) for p in preview.problems] == [("no_rows", None)]
    assert not preview.changes_anything


def test_a_row_starting_with_hash_is_only_skipped_right_under_the_header(data_dir: Path) -> None:
    header, notes = changeset.template_rows("figures", i18n.COLUMN_HELP)
    preview = preview_of(data_dir, "t.csv", csv_bytes(header, FILLED, notes))
    assert ("t.csv", "id", 3, "figure_id") in {(p.file, p.code, p.row, p.column) for p in preview.problems}


# --- rows and preview --------------------------------------------------------------------------------------------


def test_blank_lines_are_skipped_but_keep_the_row_numbers(data_dir: Path) -> None:
    second = [*FILLED]
    second[0] = "second-row"
    rows, problems = changeset.rows_from_upload(
        "figures", read_upload("u.csv", csv_bytes(FIGURE_COLUMNS, FILLED, [""] * 15, second))
    )
    assert problems == [] and [number for number, _ in rows] == [2, 4]


def test_a_short_row_is_padded_and_its_missing_required_cells_named(data_dir: Path) -> None:
    preview = preview_of(data_dir, "u.csv", csv_bytes(FIGURE_COLUMNS, FILLED[:11]))  # up to event_id: no evidence
    found = {(p.file, p.code, p.row, p.column) for p in preview.problems}
    assert ("u.csv", "required", 2, "evidence") in found
    assert not [f for f in found if f[3] == "evidence_en"]  # padded empty, and optional


def test_a_changed_row_keeps_the_old_values_for_the_preview(data_dir: Path) -> None:
    rows = list(csv.reader(io.StringIO((data_dir / "figures.csv").read_text(encoding="utf-8"))))
    baotou = rows[26]  # Excel row 27: baotou-service-items, note_en 'Over the five four-city batches.'
    assert baotou[0] == "baotou-service-items"
    edited = [*baotou[:-1], "Across the five four-city batches."]
    preview = preview_of(data_dir, "u.csv", csv_bytes(FIGURE_COLUMNS, edited, baotou))
    kinds = [(c.kind, c.row, c.key) for c in preview.changes["figures"]]
    assert ("changed", 2, ("baotou-service-items",)) in kinds
    [change] = [c for c in preview.changes["figures"] if c.kind == "changed"]
    assert change.changed_columns == ["note_en"]
    assert change.old["note_en"] == "Over the five four-city batches."
    assert change.record["note_en"] == "Across the five four-city batches."


def test_identical_rows_change_nothing(data_dir: Path) -> None:
    rows = list(csv.reader(io.StringIO((data_dir / "figures.csv").read_text(encoding="utf-8"))))
    preview = preview_of(data_dir, "u.csv", csv_bytes(FIGURE_COLUMNS, rows[26], rows[1]))
    assert preview.ok and not preview.changes_anything and preview.files == {}
    assert [c.kind for c in preview.changes["figures"]] == ["same", "same"]


def test_a_new_conflict_is_in_the_preview(data_dir: Path) -> None:
    # baotou-service-items (587, 2024-12); a 600 from 2025-01 for the same indicator and city disagrees with it.
    row = [*FILLED]
    for column, value in {
        "figure_id": "baotou-items-600",
        "city": "baotou",
        "value": "600",
        "value_text": "600",
        "as_of": "2025-01",
        "evidence": "包头通办事项600项",
    }.items():
        row[FIGURE_COLUMNS.index(column)] = value
    preview = preview_of(data_dir, "u.csv", csv_bytes(FIGURE_COLUMNS, row))
    assert preview.ok
    assert sorted(preview.new_conflicts["figure_id"]) == ["baotou-items-600", "baotou-service-items"]
    assert set(preview.new_conflicts["conflict_id"]) == {"four_city_service_items|baotou|"}


def test_an_existing_conflict_is_not_new(data_dir: Path) -> None:
    # Hohhot's 561 and 1412 already disagree; a row elsewhere brings no new conflict.
    preview = preview_of(data_dir, "u.csv", csv_bytes(FIGURE_COLUMNS, FILLED))
    assert preview.ok and preview.new_conflicts.empty


def test_a_negative_number_is_a_negative_value_not_a_formula(data_dir: Path) -> None:
    row = [*FILLED]
    row[FIGURE_COLUMNS.index("value")] = "-300"
    preview = preview_of(data_dir, "u.csv", csv_bytes(FIGURE_COLUMNS, row))
    codes = {(p.code, p.column) for p in preview.problems}
    assert ("non_negative", "value") in codes and ("formula_prefix", "value") not in codes


def test_text_a_spreadsheet_would_run_is_refused_by_row_and_column() -> None:
    rows = [(2, {"note_en": "=1+1", "evidence_en": "-x", "value": "-3.5", "note_zh": "+86 471"}), (5, {"a": "@A1"})]
    found = [(p.row, p.column) for p in changeset.formula_problems("u.csv", rows)]
    assert found == [(2, "note_en"), (2, "evidence_en"), (2, "note_zh"), (5, "a")]


def test_empty_columns_after_the_header_are_dropped_but_a_shifted_row_is_not() -> None:
    # Excel's CSV export can end every line with empty cells under an empty header: nothing is in them.
    padded = csv_bytes([*FIGURE_COLUMNS, "", ""], [*FILLED, "", ""])
    rows, problems = changeset.rows_from_upload("figures", read_upload("padded.csv", padded))
    assert problems == []
    assert rows == [(2, dict(zip(FIGURE_COLUMNS, FILLED, strict=True)))]
    # A value under an empty header column is a shifted row, never silently dropped.
    shifted = csv_bytes([*FIGURE_COLUMNS, ""], [*FILLED, "stray"])
    rows, problems = changeset.rows_from_upload("figures", read_upload("shifted.csv", shifted))
    assert [(p.code, p.row) for p in problems] == [("unknown_column", 1)]
    assert rows == []


def test_the_article_path_flags_formulas_and_refuses_existing_keys(data_dir: Path) -> None:
    store = CsvStore(data_dir)
    record = dict(zip(FIGURE_COLUMNS, FILLED, strict=True))
    formula = record | {"note_zh": "=HYPERLINK(1)", "note_en": "@SUM(1)"}
    existing = record | {"figure_id": "meeting8-edition-a"}  # an id figures.csv already has
    preview = changeset.prepare(store, {"figures": [(1, formula), (2, existing)]}, {"figures": "候选"}, new_only=True)
    found = {(p.file, p.code, p.row, p.column) for p in preview.problems}
    assert ("候选", "formula_prefix", 1, "note_zh") in found and ("候选", "formula_prefix", 1, "note_en") in found
    assert ("候选", "key_exists", 2, "figure_id") in found
    # The same existing key through an upload is a change (old → new), not a problem.
    upload = changeset.prepare(store, {"figures": [(2, existing)]}, "new.csv")
    assert "key_exists" not in {p.code for p in upload.problems}


def test_a_preview_never_pairs_a_version_with_bytes_of_another(data_dir: Path) -> None:
    class Moving(CsvStore):
        calls = 0

        def data_version(self) -> str:  # another commit lands between every two reads
            Moving.calls += 1
            return f"v{Moving.calls}"

    with pytest.raises(ConflictError):
        changeset.prepare(Moving(data_dir), {"figures": []}, "new.csv")
