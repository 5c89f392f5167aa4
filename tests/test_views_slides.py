"""The presenter's slides as plain view models: every slide in both languages, citations, filters, conflicts."""

import pytest

from hbeu_dash.filters import Filters
from hbeu_dash.loaders import LoadResult
from hbeu_dash.views import slides
from hbeu_dash.views.scope import Scope
from tests.real_data import joined, tables

VERSION = "ab12cd3"


def scope(lang: str = "zh", **filters: object) -> Scope:
    return Scope(LoadResult(dict(tables())), joined(), Filters(lang=lang, **filters), VERSION)


def slide(slide_id: str, lang: str = "zh", **filters: object) -> slides.Slide:
    number = [i for i, _ in slides.SLIDES].index(slide_id) + 1
    return slides.build_slide(scope(lang, **filters), number)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("number", range(1, len(slides.SLIDES) + 1))
def test_every_slide_has_a_title_content_and_a_citation_footer(number: int, lang: str) -> None:
    shown = slides.build_slide(scope(lang), number)
    assert shown.title == slides.slide_titles(lang)[number - 1]
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
        assert shown.empty == "Nothing on this slide under the current filters." or shown.blocks


def test_conflicts_slide_shows_both_reports_side_by_side_with_evidence() -> None:
    shown = slide("conflicts")
    block = shown.blocks[0]
    assert "561" in block.heading and "1412" in block.heading  # Hohhot's four-city items: 561 vs 1412
    assert {row[0] for row in block.table.rows} == {"561项", "1412项"}
    assert any("实现“四城通办”事项1412项" in cell for row in block.table.rows for cell in row)


def test_projects_slide_counts_every_project_once_by_stage() -> None:
    shown = slide("projects", "en")
    counts = [int(b.heading.rsplit(": ", 1)[1]) for b in shown.blocks]
    assert sum(counts) == 23  # projects.csv names 23 projects
    assert shown.blocks[0].heading == "Proposed: 2"  # the Hohhot–Baotou and Hohhot–Ordos high-speed railways
    assert "Hohhot–Baotou High-Speed Railway" in shown.blocks[0].text


def test_slide_number_is_clamped_to_the_deck() -> None:
    assert slides.build_slide(scope(), 0).slide_id == "headline"
    assert slides.build_slide(scope(), 99).slide_id == "conflicts"
