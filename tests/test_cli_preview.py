"""One preview, two renderers: the terminal prints the view model the app's preview renders (views.entry.preview_view),
line by line, in the upload's order."""

import pandas as pd
import pytest

from hbeu_dash.cli.preview import preview_lines
from hbeu_dash.model.changes import Preview, RowChange
from hbeu_dash.views.entry import ChangedRow, NewRow, preview_view, summary

INDICATOR = {
    "indicator_id": "intercity_road_km",
    "name_zh": "新建城际公路",
    "name_en": "New intercity roads",
    "unit_zh": "公里",
    "unit_en": "km",
    "sector": "transport",
    "measure": "count",
}


def _preview() -> Preview:
    figures = [
        RowChange("changed", 2, ("baotou-items",), {"value": "600", "note_en": "b"}, {"value": "587", "note_en": "a"}),
        RowChange("same", 3, ("ordos-items",), {"value": "1"}, {"value": "1"}),
        RowChange("new", 4, ("ulanqab-items",), {"value": "300"}),
    ]
    conflicts = pd.DataFrame(
        {
            "conflict_id": ["items|baotou|2025", "items|baotou|2025"],
            "value": [587.0, 600.0],
            "source_id": ["meeting8", "wire"],
            "figure_id": ["baotou-items-587", "baotou-items"],
        }
    )
    return Preview(
        version="ab12cd3",
        label="book.xlsx",
        files={"figures": b"", "indicators": b""},
        changes={"indicators": [RowChange("new", 2, ("intercity_road_km",), INDICATOR)], "figures": figures},
        new_conflicts=conflicts,
        new_stage_conflicts=pd.DataFrame({"project_id": ["rail-b", "rail-a", "rail-b"]}),
        failing_identities=pd.DataFrame({"identity_id": ["four-cities-sum"]}),
    )


def test_the_view_model_holds_what_both_renderers_show() -> None:
    preview = _preview()
    view = preview_view(preview, "en", {"figures": "book.xlsx [figures]"})
    assert view.summary == summary(preview, "en")  # the app's words
    assert view.counts == {"new": 2, "changed": 1, "same": 1}
    tables = [(t.table, t.origin) for t in view.tables]
    assert tables == [("indicators", "indicators"), ("figures", "book.xlsx [figures]")]
    figures = view.tables[1]
    assert figures.rows == (  # the upload's order; an identical row is only counted
        ChangedRow(2, "baotou-items", (("value", "587", "600"), ("note_en", "a", "b"))),
        NewRow(4, "ulanqab-items", {"value": "300"}),
    )
    assert (figures.new, figures.changed) == (figures.rows[1:], figures.rows[:1])
    assert [(c.conflict_id, c.reports) for c in view.conflicts] == [
        ("items|baotou|2025", ((587.0, "meeting8", "baotou-items-587"), (600.0, "wire", "baotou-items")))
    ]
    assert (view.stage_conflicts, view.failing_identities) == (("rail-a", "rail-b"), ("four-cities-sum",))


def test_the_terminal_prints_the_view_model() -> None:
    view = preview_view(_preview(), "en", {"indicators": "book.xlsx [indicators]", "figures": "book.xlsx [figures]"})
    assert preview_lines(view, "en") == [
        "Preview (data version ab12cd3): 2 new row(s), 1 changed, 1 identical to the data",
        " book.xlsx [indicators]:",
        "  new     row 2 intercity_road_km",
        "    新建城际公路 / New intercity roads (公里 / km; transport; count)",
        " book.xlsx [figures]:",
        "  changed row 2 baotou-items: value '587' → '600'; note_en 'a' → 'b'",
        "  new     row 4 ulanqab-items",
        "committing would add 1 new conflict group(s) between figures:",
        "  items|baotou|2025: 587 (meeting8, baotou-items-587), 600 (wire, baotou-items)",
        "committing would add project stage disagreements: rail-a, rail-b",
        "committing would break these identities: four-cities-sum",
    ]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_one_table_has_no_heading_and_nothing_new_prints_only_the_summary(lang: str) -> None:
    same = Preview("v1", "f.csv", {}, {"figures": [RowChange("same", 2, ("a",), {"value": "1"}, {"value": "1"})]})
    view = preview_view(same, lang)
    assert preview_lines(view, lang) == [summary(same, lang)]
    one = Preview("v1", "f.csv", {"figures": b""}, {"figures": [RowChange("new", 2, ("a",), {"value": "1"})]})
    assert preview_lines(preview_view(one, "zh"), "zh")[1:] == ["  新增 第 2 行 a"]
