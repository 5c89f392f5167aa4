"""The presenter's slides as plain view models: every slide in both languages, citations, filters, conflicts."""

import itertools
from dataclasses import replace

import plotly.graph_objects as go
import pytest

from hbeu_dash.graphics import charts, maps
from hbeu_dash.graphics.maps import figure as map_figure
from hbeu_dash.model.loaders import LoadResult
from hbeu_dash.paths import DATA_DIR
from hbeu_dash.views import slides
from hbeu_dash.views.filters import Filters
from hbeu_dash.views.scope import Scope
from tests.conftest import read_rows
from tests.real_data import csv_rows, joined, tables

VERSION = "ab12cd3"
TITLES = {
    "zh": [
        "关键数字",
        "随时间变化",
        "四市对比",
        "目标与实测：铁路经济圈",
        "目标与实测：公路经济圈",
        "各市“四城通办”事项数（按来源）",
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
        "Change over time",
        "The four cities side by side",
        "Targets against measurements: the rail circle",
        "Targets against measurements: the road circle",
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
    sources = csv_rows("sources")
    assert any(s["outlet_zh" if lang == "zh" else "outlet_en"] in shown.footer for s in sources)
    assert not any(s["source_id"] in shown.footer for s in sources)


def test_headline_slide_shows_eight_cards_with_their_as_of() -> None:
    shown = slide("headline")
    assert len(shown.kpis) == 8
    values = {k.value for k in shown.kpis}
    assert {"117班次/日", "5批", "764人"} <= values  # figures.csv: Hohhot's daily trains, batches, Mengkeju people
    # Both sources of the cards, each with the latest as-of it reports.
    assert "第八届市长联席会议专访 · 2024-12（截至 2024年12月）" in shown.footer
    assert "青橙融媒 · 2025-02-01（截至 2025年2月）" in shown.footer


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


def test_the_deck_leads_with_change_over_time_the_four_cities_and_the_targets() -> None:
    ids = [i for i, _ in slides.SLIDES]
    assert ids[:6] == ["headline", "change", "cities", "target_rail", "target_road", "service_items"]


# The headline's biggest change (data/figures.csv): Inner Mongolia's trains terminating at Beijing North, 8 (Dec 2020)
# → 10 (from 20 Jan 2021), both in one Northnews report; a 25 % change, larger than any other indicator's in one place.
CHANGE = {
    "zh": (
        "终到北京北站的内蒙古列车数（四市）：8趟（2020年12月）→ 10趟（2021年1月20日）",
        "终到北京北站的内蒙古列车数：随时间变化",
        "正北方网 · 2020-12（截至 2020年12月）",
    ),
    "en": (
        "Inner Mongolia trains terminating at Beijing North (Four cities): "
        "8 trains (Dec 2020) → 10 trains (20 Jan 2021)",
        "Inner Mongolia trains terminating at Beijing North over time",
        "Northnews (northnews.cn) · 2020-12 (as of Dec 2020)",
    ),
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_change_slide_says_the_biggest_change_over_the_trend_of_its_indicator(lang: str) -> None:
    shown = slide("change", lang)
    message, title, cited = CHANGE[lang]
    assert shown.message == message
    before, after = ("8趟", "10趟") if lang == "zh" else ("8 trains", "10 trains")
    assert before in shown.message and after in shown.message
    (chart,) = shown.charts
    assert chart.title == title
    points = [y for trace in chart.figure.data if "markers" in (trace.mode or "") for y in trace.y]
    assert points == [8, 10]
    assert cited in shown.footer  # the statement's source, cited on the slide
    assert shown.cited.params() == {"fig": "northnews-202012-beijing-north-before,northnews-202012-beijing-north-after"}


def test_change_slide_without_a_change_shows_the_trend_pages_indicator_and_its_summary() -> None:
    # Hohhot's government services: the four-city items are 561 and 1412 in two sources — a disagreement, never read
    # as a change — so the slide opens on the trend page's default indicator with its chart's summary.
    shown = slide("change", cities=("hohhot",), sectors=("government_services",))
    (chart,) = shown.charts
    assert chart.title == "“四城通办”事项数：随时间变化"
    assert shown.message == chart.summary
    assert "561" in shown.message and "1412" in shown.message and "来源不一致" in shown.message


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("zh", ["呼和浩特 561 / 1412（来源不一致）", "包头 587", "鄂尔多斯 未报告", "乌兰察布 未报告"]),
        ("en", ["Hohhot 561 / 1,412 (Sources disagree)", "Baotou 587", "Ordos not reported", "Ulanqab not reported"]),
    ],
)
def test_cities_slide_shows_four_cities_with_the_conflict_as_two_bars(lang: str, expected: list[str]) -> None:
    shown = slide("cities", lang)
    (chart,) = shown.charts
    assert shown.message == chart.summary
    for part in expected:
        assert part in shown.message, part
    names = {"zh": ["呼和浩特", "包头", "鄂尔多斯", "乌兰察布"], "en": ["Hohhot", "Baotou", "Ordos", "Ulanqab"]}
    assert list(chart.figure.layout.yaxis.ticktext) == names[lang]
    bars = [trace for trace in chart.figure.data if trace.type == "bar"]
    assert [list(b.x) for b in bars] == [[561, 1412], [587]]  # Hohhot's two reports side by side, Baotou's one
    assert shown.cited.params() == {"fig": "hohhot-service-items-a,hohhot-service-items-b,baotou-service-items"}
    assert ("第八届市长联席会议专访 · 2024-12" if lang == "zh" else "8th Mayors' Meeting interviews · 2024-12") in (
        shown.footer
    )


def test_cities_slide_keeps_the_places_the_city_filter_leaves_out_and_says_so() -> None:
    # As on the overview: Ordos and Baotou chosen, Hohhot and Ulanqab keep their slots, marked as not selected.
    shown = slide("cities", cities=("ordos", "baotou"))
    assert (
        shown.message
        == "“四城通办”事项数，四市对比：呼和浩特 未选择（筛选）；包头 587；鄂尔多斯 未报告；乌兰察布 未选择（筛选）。"
    )
    (chart,) = shown.charts
    assert list(chart.figure.layout.yaxis.ticktext) == ["呼和浩特", "包头", "鄂尔多斯", "乌兰察布"]
    assert [list(trace.x) for trace in chart.figure.data if trace.type == "bar"] == [[587]]
    assert shown.cited.params() == {"fig": "baotou-service-items"}  # only figures of the scope are shown and cited


def test_cities_slide_under_ordos_alone_still_has_four_slots() -> None:
    shown = slide("cities", "en", cities=("ordos",))
    (chart,) = shown.charts
    assert list(chart.figure.layout.yaxis.ticktext) == ["Hohhot", "Baotou", "Ordos", "Ulanqab"]
    assert shown.message == (
        "Four-city service items, the four cities side by side: Hohhot not selected (filter); Baotou not selected "
        "(filter); Ordos not reported; Ulanqab not selected (filter)."
    )
    assert [trace for trace in chart.figure.data if trace.type == "bar"] == []  # nothing of a city not chosen


RAIL = {
    "zh": [
        "铁路经济圈目标时长：1小时。",
        "呼和浩特–乌兰察布40分钟 / 约40分钟",
        "在目标之内",
        "包头–乌兰察布（途经呼和浩特）134分钟",
    ],
    "en": [
        "Rail economic circle target: 1 hour.",
        "Hohhot–Ulanqab 40 minutes / about 40 minutes",
        "within the target",
        "Baotou–Ulanqab (via Hohhot) 134 minutes",
    ],
}
ROAD = {
    "zh": ["公路经济圈目标时长：2小时。", "呼和浩特–包头多于2小时", "超出目标"],
    "en": ["Road economic circle target: 2 hours.", "Hohhot–Baotou more than 2 hours", "over the target"],
}
BAR_LABELS = {
    ("target_rail", "zh"): ["40分钟 · 在目标之内", "134分钟 · 超出目标"],
    ("target_rail", "en"): ["40 minutes · within the target", "134 minutes · over the target"],
    ("target_road", "zh"): ["多于2小时 · 超出目标"],
    ("target_road", "en"): ["more than 2 hours · over the target"],
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_target_slides_set_each_measurement_against_its_target(lang: str) -> None:
    # figures.csv: the HSR Hohhot East–Ulanqab in 40 minutes (Economic Daily) and "about 40" (People's Daily), within
    # the 1-hour rail circle; the Hohhot–Baotou drive "两个多小时" (Qingcheng Media), over the 2-hour road circle.
    for slide_id, expected in (("target_rail", RAIL[lang]), ("target_road", ROAD[lang])):
        shown = slide(slide_id, lang)
        for part in expected:
            assert part in shown.message, (slide_id, part)
        (chart,) = shown.charts
        assert shown.message == chart.summary
        (bars,) = [trace for trace in chart.figure.data if trace.type == "bar"]
        assert list(bars.text) == BAR_LABELS[slide_id, lang]
    rail = slide("target_rail", lang)
    assert (
        "经济日报 · 2017-08-04（截至 2017年8月）" if lang == "zh" else "Economic Daily · 2017-08-04 (as of Aug 2017)"
    ) in (rail.footer)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_target_slides_quote_the_words_each_verdict_is_read_from(lang: str) -> None:
    road = slide("target_road", lang).notes
    (target, drive) = road
    assert "一小时铁路经济圈、两小时公路经济圈" in target
    assert "单程需两个多小时" in drive and ("青橙融媒" if lang == "zh" else "Qingcheng Media") in drive
    assert drive.startswith("呼和浩特–包头：" if lang == "zh" else "Hohhot–Baotou: ")
    assert lang == "zh" or "(a one-way trip took more than two hours)" in drive
    rail = slide("target_rail", lang).notes
    assert len(rail) == 4  # the target, the two reports of the HSR's 40 minutes, the EMU's 134 minutes
    assert any("运行时间40分钟" in n for n in rail) and any("40分鐘左右" in n for n in rail)


def test_target_slides_show_only_the_scopes_figures_and_the_unmeasured_pairs_of_the_chosen_cities() -> None:
    # Ordos: no travel time touches it; the 1-hour target stands, with the three pairs of Ordos unmeasured.
    ordos = slide("target_rail", cities=("ordos",))
    assert ordos.message == (
        "铁路经济圈目标时长：1小时。数据中没有这一范围的实测。"
        "没有实测数据的城市对：呼和浩特–鄂尔多斯、包头–鄂尔多斯、鄂尔多斯–乌兰察布。"
    )
    assert len(ordos.notes) == 1 and ordos.notes[0].startswith("目标：青橙融媒")
    # Ulanqab: both rail times touch it; of the pairs with none, only Ordos–Ulanqab is its own.
    ulanqab = slide("target_rail", cities=("ulanqab",))
    assert "呼和浩特–乌兰察布40分钟" in ulanqab.message
    assert ulanqab.message.endswith("没有实测数据的城市对：鄂尔多斯–乌兰察布。")
    for slide_id in ("cities", "target_rail", "target_road"):
        shown = slide(slide_id, sectors=("science_innovation",))
        assert shown.empty == "当前筛选下这一页没有内容。", slide_id
        assert (shown.message, shown.notes, shown.charts) == ("", (), ()), slide_id


# The slides' own figures (present.get_slide draws them for the big screen).
TIMELINE_EVENTS = 21  # the dated events of data/events.csv, one each (several sources of one event are one event)


def _timeline_labels(figure) -> list[tuple[float, float, str]]:
    """(side, top, text) of every timeline label: the figure's text traces."""
    return [
        (x, y, text) for tr in figure.data if tr.mode == "text" for x, y, text in zip(tr.x, tr.y, tr.text, strict=True)
    ]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_timeline_slide_labels_every_event_beside_its_dot_none_over_another(lang: str) -> None:
    chart = slide("timeline", lang).charts[0]
    figure = charts.make_timeline_slide_figure(chart, lang)
    dots = [y for tr in figure.data if tr.mode == "markers" for y in tr.y]
    labels = _timeline_labels(figure)
    assert len(dots) == len(labels) == TIMELINE_EVENTS
    first_date = "2014年" if lang == "zh" else "2014"  # events.csv: the Zhangjiakou–Hohhot HSR's construction
    assert labels[0][2].startswith(f"<b>{first_date}</b> · ")
    assert {text.split("</b>")[0] for _, _, text in labels} >= {f"<b>{d}" for d in chart.table.iloc[:, 0]}
    assert min(b - a for a, b in itertools.pairwise(sorted(dots))) >= charts.TIMELINE_DOT_PX  # no dot over another
    _, height = charts.TIMELINE_SLIDE_PX
    for side in {x for x, _, _ in labels}:
        stack = sorted((y, text.count("<br>") + 1) for x, y, text in labels if x == side)
        for (top, lines), (below, _) in itertools.pairwise(stack):  # each label ends above the next one's top
            assert top + lines * charts.TIMELINE_LINE_PX <= below + 1e-6
        assert stack[0][0] >= 0 and stack[-1][0] + stack[-1][1] * charts.TIMELINE_LINE_PX <= height + 1e-6


def test_the_timeline_slide_keeps_labels_apart_when_many_events_share_a_day() -> None:
    chart = slide("timeline", "en").charts[0]
    same_day = chart.figure.data[0]
    crowded = go.Figure(chart.figure)
    crowded.data[0].x = ["2024-12-07"] * len(same_day.x)  # every launch on one day
    labels = _timeline_labels(charts.make_timeline_slide_figure(replace(chart, figure=crowded), "en"))
    for side in {x for x, _, _ in labels}:
        tops = sorted(y for x, y, _ in labels if x == side)
        assert all(b - a >= charts.TIMELINE_LINE_PX for a, b in itertools.pairwise(tops))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_map_slide_names_the_cities_large_outside_their_links_in_a_view_fitted_to_them(lang: str) -> None:
    view = slide("map", lang).map
    figure = maps.make_city_slide_figure(view.cities, view.values, view.reports, lang)
    names = next(tr for tr in figure.data if tr.mode == "markers+text")
    assert names.textfont.size >= 27  # 1/40 of a 1080 p screen's height
    (west, east), (south, north) = figure.layout.xaxis.range, figure.layout.yaxis.range
    assert figure.layout.xaxis.constrain == figure.layout.yaxis.constrain == "domain"  # plotly keeps the ranges
    links = [tr for tr in figure.data if tr.legendgroup]
    points = [(x, y) for tr in [names, *links] for x, y in zip(tr.x, tr.y, strict=True) if x is not None]
    assert all(west < x < east and south < y < north for x, y in points)
    assert north - south < 3  # the four cities (39.6°–41.1° N), not the whole Yellow River bend
    # Hohhot–Baotou, with the most projects: every link drawn along its own curve (none hides another).
    curves = [
        tuple(tr.y[i : i + map_figure.LINK_STEPS + 1])
        for tr in links
        for i in range(0, len(tr.y), map_figure.LINK_STEPS + 2)
    ]
    assert len(set(curves)) == len(curves)
    # Ordos's links run north to Baotou and north-east to Hohhot: its name stands elsewhere.
    ordos = list(view.cities["city_id"]).index("ordos")
    assert names.textposition[ordos] in ("middle left", "bottom center")
