"""The presenter's slides as plain view models: every slide in both languages, citations, filters, conflicts."""

import pytest

from hbeu_dash.filters import Filters
from hbeu_dash.loaders import LoadResult
from hbeu_dash.paths import DATA_DIR
from hbeu_dash.views import slides
from hbeu_dash.views.scope import Scope
from tests.conftest import read_rows
from tests.real_data import joined, tables

VERSION = "ab12cd3"
TITLES = {
    "zh": [
        "关键数字",
        "各市“四城通办”事项数(按来源)",
        "呼包两地通办事项",
        "乌兰察布创新联合体与重大项目",
        "鄂尔多斯一体化任务分工方案",
        "四市位置与互联项目",
        "项目进展跟踪",
        "合作进程",
        "来源不一致的数字",
    ],
    "en": [
        "Key figures",
        "Four-city service items, by city and source",
        "Hohhot–Baotou shared service items",
        "Ulanqab: innovation consortia and major projects",
        "Ordos: integration task plan, broken down",
        "Where the four cities are, and the projects linking them",
        "Project tracker",
        "Cooperation timeline",
        "Figures the sources disagree on",
    ],
}


def scope(lang: str = "zh", **filters: object) -> Scope:
    return Scope(LoadResult(dict(tables())), joined(), Filters(lang=lang, **filters), VERSION)


def slide(slide_id: str, lang: str = "zh", **filters: object) -> slides.Slide:
    number = [i for i, _ in slides.SLIDES].index(slide_id) + 1
    return slides.build_slide(scope(lang, **filters), number)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("number", range(1, len(slides.SLIDES) + 1))
def test_every_slide_has_a_title_content_and_a_citation_footer(number: int, lang: str) -> None:
    shown = slides.build_slide(scope(lang), number)
    assert shown.title == TITLES[lang][number - 1] == slides.slide_titles(lang)[number - 1]
    assert shown.empty is None, "with every city and sector selected, every slide has content"
    assert shown.kpis or shown.charts or shown.map or shown.blocks
    # Sources by name (never by id), and the data version.
    assert ("数据版本 " if lang == "zh" else "Data version ") + VERSION in shown.footer
    assert (
        "青橙融媒" in shown.footer
        or "第八届市长联席会议专访" in shown.footer
        or "Qingcheng" in shown.footer
        or ("8th Mayors' Meeting interviews" in shown.footer)
    )
    assert "meeting8-interviews" not in shown.footer and "0471tv-2025-02-01" not in shown.footer


def test_headline_slide_shows_eight_cards_with_their_as_of() -> None:
    shown = slide("headline")
    assert len(shown.kpis) == 8
    values = {k.value for k in shown.kpis}
    assert {"117班次/日", "5批", "764人"} <= values  # figures.csv: Hohhot's daily trains, batches, Mengkeju people
    # Both sources of the cards, each with the latest as-of it reports.
    assert "第八届市长联席会议专访 · 2024-12(截至 2024年12月)" in shown.footer
    assert "青橙融媒 · 2025-02-01(截至 2025年2月)" in shown.footer


def test_city_filter_applies_to_the_slides() -> None:
    shown = slide("headline", "en", cities=("ordos",))
    assert "117 trains per day" not in {k.value for k in shown.kpis}  # Hohhot's
    assert slide("hb_items", cities=("ordos",)).empty  # the Hohhot–Baotou waterfall has nothing for Ordos
    view = slide("map", cities=("ordos", "baotou")).map
    assert sorted(view.cities["city_id"]) == ["baotou", "ordos"]


def test_nothing_selected_gives_a_notice_not_an_error() -> None:
    for number in range(1, len(slides.SLIDES) + 1):
        shown = slides.build_slide(scope("en", cities=()), number)
        if shown.slide_id == "conflicts":  # says there are none, rather than nothing
            assert [b.heading for b in shown.blocks] == ["No disagreeing figures under these filters."]
        else:
            assert shown.empty == "Nothing on this slide under the current filters.", shown.slide_id
            assert not (shown.kpis or shown.charts or shown.map or shown.blocks)


def test_conflicts_slide_shows_both_reports_side_by_side_with_evidence() -> None:
    shown = slide("conflicts")
    block = shown.blocks[0]
    assert "561" in block.heading and "1412" in block.heading  # Hohhot's four-city items: 561 vs 1412
    assert {row[0] for row in block.table.rows} == {"561项", "1412项"}
    assert any("实现“四城通办”事项1412项" in cell for row in block.table.rows for cell in row)


def test_projects_slide_counts_every_project_once_by_stage() -> None:
    shown = slide("projects", "en")
    counts = [int(b.heading.rsplit(": ", 1)[1]) for b in shown.blocks]
    header, *rows = read_rows(DATA_DIR / "projects.csv")
    assert sum(counts) == len({r[header.index("project_id")] for r in rows})  # each project of projects.csv once
    assert shown.blocks[0].heading == "Proposed: 2"  # the Hohhot–Baotou and Hohhot–Ordos high-speed railways
    assert "Hohhot–Baotou High-Speed Railway" in shown.blocks[0].text


def test_slide_number_is_clamped_to_the_deck() -> None:
    assert slides.build_slide(scope(), 0).slide_id == "headline"
    assert slides.build_slide(scope(), 99).slide_id == "conflicts"


def test_map_slide_cites_every_report_of_the_values_it_shows() -> None:
    # Hohhot's four-city items: 561 (8th meeting interviews) and 1412 (Qingcheng Media) both show on the marker.
    shown = slide("map", "en", cities=("hohhot",), sectors=("government_services",))
    assert "561 / 1,412 items" in shown.map.values["label"].iloc[0]
    assert "8th Mayors' Meeting interviews · 2024-12 (as of Dec 2024)" in shown.footer
    assert "Qingcheng Media · 2025-02-01 (as of Feb 2025)" in shown.footer


def test_map_markers_are_sized_only_by_an_indicator_in_the_chosen_sectors() -> None:
    view = slide("map", sectors=("transport",)).map  # service items belong to government services
    assert view.values is None and view.indicator == ""
    assert slide("map").map.indicator == "“四城通办”事项数"


@pytest.mark.parametrize("number", range(1, len(slides.SLIDES) + 1))
def test_every_slide_names_the_rows_it_shows_for_its_footer_link(number: int) -> None:
    shown = slides.build_slide(scope("en"), number)
    assert shown.cited, shown.slide_id
    tables_named = {table for table, _ in shown.cited.refs}
    expected = {
        "headline": {"figures"},
        "projects": {"projects"},
        "timeline": {"events"},
        "map": {"figures", "projects"},
    }.get(shown.slide_id, {"figures"})
    assert tables_named == expected, shown.slide_id
    if shown.kpis:
        assert [f for k in shown.kpis for f in k.figure_ids] == [key[0] for _, key in shown.cited.refs]
    for chart in shown.charts:
        assert set(chart.refs) <= set(shown.cited.refs)


def test_the_conflicts_slide_cites_both_reports_and_an_empty_slide_nothing() -> None:
    assert slide("conflicts").cited.params() == {"fig": "hohhot-service-items-a,hohhot-service-items-b"}
    assert not slide("hb_items", cities=("ordos",)).cited
