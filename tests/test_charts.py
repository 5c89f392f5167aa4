"""Chart builders: traces, values, colours per city, summaries and source lines, from the real data."""

import pandas as pd
import pytest

from hbeu_dash.graphics import charts
from hbeu_dash.graphics.palette import CITY_COLORS, DARK_BACKGROUND, DARK_COLORS, DARK_TEXT, STATUS_COLORS
from hbeu_dash.model import checks, transforms
from hbeu_dash.model.loaders import load_dataset


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    """The real tables; projects and events carry their citations, as the views pass them."""
    tables = load_dataset()
    cited = {name: transforms.add_citations(tables[name], tables["sources"]) for name in ("projects", "events")}
    return tables | cited


@pytest.fixture(scope="module")
def figures(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    return transforms.join_figures(tables["figures"], tables["indicators"], tables["sources"])


def test_city_reports_one_trace_per_city_in_its_colour(figures: pd.DataFrame) -> None:
    # Four-city service items: Baotou 587; Hohhot 561 and 1412 from two sources.
    chart = charts.make_city_reports_figure(transforms.reports_of(figures, "four_city_service_items"), "en", "t", "f")
    by_name = {trace.name: trace for trace in chart.figure.data}
    assert set(by_name) == {"Hohhot", "Baotou"}
    assert list(by_name["Hohhot"].y) == [561, 1412]
    assert by_name["Hohhot"].marker.color == CITY_COLORS["hohhot"]
    assert by_name["Baotou"].marker.color == CITY_COLORS["baotou"]
    assert all("⚠" in text for text in by_name["Hohhot"].text)
    assert "Sources disagree" in chart.summary and "561 / 1,412" in chart.summary
    # Sources cited by name and date (sources.csv outlet_en · published), never by id.
    assert chart.sources == (
        "Sources: 8th Mayors' Meeting interviews · 2024-12 (as of Dec 2024); "
        "Qingcheng Media · 2025-02-01 (as of Feb 2025)"
    )
    assert "<sub>Qingcheng Media · 2025-02-01</sub>" in by_name["Hohhot"].x[1]
    assert chart.figure.layout.yaxis.title.text == "Unit: items"


def test_table_twin_carries_source_and_evidence(figures: pd.DataFrame) -> None:
    chart = charts.make_city_reports_figure(transforms.reports_of(figures, "four_city_service_items"), "zh", "t", "f")
    assert len(chart.table) == 3
    assert "实现“四城通办”事项1412项" in set(chart.table["原文"])
    assert set(chart.table["来源"]) == {"第八届市长联席会议专访 · 2024-12", "青橙融媒 · 2025-02-01"}
    assert "原文英译" not in chart.table  # a zh reader sees the original words only


def test_english_table_twin_puts_the_translation_beside_the_evidence(figures: pd.DataFrame) -> None:
    chart = charts.make_city_reports_figure(transforms.reports_of(figures, "four_city_service_items"), "en", "t", "f")
    row = chart.table[chart.table["Evidence"] == "实现“四城通办”事项1412项"].iloc[0]
    assert row["Evidence (English)"] == "achieved 1,412 'four-city service' items"  # figures.csv, evidence_en


def test_identity_waterfall(tables: dict[str, pd.DataFrame], figures: pd.DataFrame) -> None:
    evaluated = checks.evaluate_identities(tables["identities"], tables["figures"]).set_index("identity_id")
    row = evaluated.loc["hb-items-sum"].copy()
    row["identity_id"] = "hb-items-sum"
    chart = charts.make_identity_figure(row, figures, "zh", "f")
    trace = chart.figure.data[0]
    assert trace.type == "waterfall"
    assert list(trace.x) == [192, 120, 312] and list(trace.measure) == ["relative", "relative", "total"]
    assert trace.orientation == "h" and list(trace.y)[-1] == "呼包通办事项总数"  # long names level, one under another
    assert chart.summary.startswith("192 + 120 = 312")


def test_status_chart_in_stage_order_with_status_colours(tables: dict[str, pd.DataFrame]) -> None:
    latest = transforms.latest_project_reports(tables["projects"])
    counts = transforms.count_projects_by_status(latest)
    chart = charts.make_status_figure(latest, counts, "en", "t", "f")
    bar = chart.figure.data[0]
    assert sum(bar.x) == latest["project_id"].nunique() and bar.orientation == "h"
    assert list(bar.marker.color) == [STATUS_COLORS[s] for s in counts["status"]]
    assert bar.y[0] == "Proposed"  # earliest stage first (at the top)


def test_timeline_leaves_undated_events_out_of_the_axis(tables: dict[str, pd.DataFrame]) -> None:
    timeline = transforms.timeline_events(tables["events"])
    chart = charts.make_timeline_figure(timeline, "en", "t", "f")
    points = sum(len(trace.x) for trace in chart.figure.data)
    assert points == int(timeline["sort_date"].notna().sum()) < len(timeline)
    # By hand from events.csv: the earliest dated event is zhang-hu-hsr-construction (2014, only the year known,
    # ce-20170804), the latest baotou-yinchuan-hsr-opening (2025-12-23, cnr-20260107).
    assert "from 2014 to 23 Dec 2025" in chart.summary and "Hollow markers: only the year is known." in chart.summary
    assert "Qingcheng Media · 2025-02-01" in chart.sources and "0471tv" not in chart.sources


def test_png_file_name_and_toolbar() -> None:
    config = charts.png_config("hbeu-service-items-zh")
    assert config["toImageButtonOptions"] == {"format": "png", "filename": "hbeu-service-items-zh", "scale": 2}


def test_empty_input_gives_an_empty_chart_not_an_error(figures: pd.DataFrame) -> None:
    chart = charts.make_city_reports_figure(figures.iloc[0:0], "zh", "t", "f")
    assert len(chart.figure.data) == 0 and chart.summary == "暂无数据"


def _luminance(hex_color: str) -> float:
    """WCAG 2 relative luminance of '#rrggbb'."""
    channels = [int(hex_color.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted([_luminance(a), _luminance(b)], reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_wcag_contrast_formula_matches_known_pairs() -> None:
    assert round(_contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(_contrast("#777777", "#ffffff"), 2) == 4.48  # the classic just-failing grey


@pytest.mark.parametrize("kind", ["city", "status", "event"])
def test_dark_theme_colours_keep_contrast_and_stay_distinct(kind: str) -> None:
    light = {"city": CITY_COLORS, "status": STATUS_COLORS, "event": charts.EVENT_COLORS}[kind]
    dark = [DARK_COLORS.get(c, c) for c in light.values()]
    for color in dark:
        assert _contrast(color, DARK_BACKGROUND) >= 4.5, (kind, color)
    assert len(set(dark)) == len(dark), f"{kind} colours must stay distinct on the dark screen"
    assert _contrast(DARK_TEXT, DARK_BACKGROUND) >= 4.5


def test_screen_figure_has_big_type_no_title_and_in_the_dark_theme_dark_colours(tables: dict) -> None:
    latest = transforms.latest_project_reports(tables["projects"])
    chart = charts.make_status_figure(latest, transforms.count_projects_by_status(latest), "en", "Status", "f")
    light = charts.make_screen_figure(chart.figure)
    assert light.layout.font.size == 22 and light.layout.title.text is None
    assert chart.figure.layout.font.size == 14, "the page's figure is not changed"
    dark = charts.make_screen_figure(chart.figure, dark=True)
    assert dark.layout.paper_bgcolor == DARK_BACKGROUND
    assert STATUS_COLORS["in_operation"] in chart.figure.data[0].marker.color
    assert STATUS_COLORS["in_operation"] not in dark.data[0].marker.color  # the deep purple is invisible on dark
    assert "#B48CF2" in dark.data[0].marker.color


def test_screen_figure_wraps_long_category_labels(figures: pd.DataFrame) -> None:
    rows = transforms.reports_of(figures, "four_city_service_items")
    chart = charts.make_city_reports_figure(rows, "en", "Items", "f")
    screen = charts.make_screen_figure(chart.figure)
    assert screen.layout.xaxis.tickangle == 0
    assert all(
        len(line.replace("<sub>", "").replace("</sub>", "")) <= 23
        for t in screen.layout.xaxis.ticktext
        for line in t.split("<br>")
    )


def test_a_slide_chart_on_a_phone_names_each_bar_above_it_and_leaves_room_for_its_value(figures: pd.DataFrame) -> None:
    rows = transforms.reports_of(figures, "four_city_service_items")
    chart = charts.make_city_reports_figure(rows, "en", "Items", "f")
    phone = charts.make_screen_figure(chart.figure, phone=True)
    assert all(trace.orientation == "h" for trace in phone.data), "columns turned into bars across"
    assert phone.layout.yaxis.showticklabels is False
    names = {a.y: a.text for a in phone.layout.annotations if a.yref == "y"}
    assert names["Baotou<br><sub>8th Mayors' Meeting interviews · 2024-12</sub>"] == (
        "Baotou<br><sub>8th Mayors' Meeting interviews · 2024-12</sub>"
    )
    assert len(names) == 3 and all(a.xanchor == "left" and a.yanchor == "bottom" for a in phone.layout.annotations)
    # the axis runs past the longest bar (1,412) far enough for "1,412 items ⚠" written outside it
    assert phone.layout.xaxis.range[1] > 1412 * 1.2
    assert chart.figure.data[0].orientation != "h", "the page's figure is not changed"


def test_a_phones_bar_name_is_rewrapped_to_the_screen_as_one_language_reads() -> None:
    assert charts._phone_name("Consortia<br>undertaking<br>open-competition<br>(揭榜挂帅) projects") == (
        "Consortia undertaking open-competition<br>(揭榜挂帅) projects"
    )
    assert charts._phone_name("承接“揭榜挂帅”项目的创新联<br>合体") == "承接“揭榜挂帅”项目的创新联合体"


def _points(chart: charts.Chart) -> list[tuple[object, int]]:
    """(label, customdata) of every point of every trace."""
    found = []
    for trace in chart.figure.data:
        labels = trace.y if getattr(trace, "orientation", None) == "h" else trace.x
        found += list(zip(labels, trace.customdata, strict=True))
    return found


def _every_chart(tables: dict[str, pd.DataFrame], figures: pd.DataFrame, lang: str) -> list[charts.Chart]:
    latest = transforms.latest_project_reports(tables["projects"])
    evaluated = checks.evaluate_identities(tables["identities"], tables["figures"]).set_index("identity_id")
    identity = evaluated.loc["hb-items-sum"].copy()
    identity["identity_id"] = "hb-items-sum"
    consortia = transforms.figures_by_id(figures, ["ulanqab-consortia", "ulanqab-consortia-major"])
    return [
        charts.make_city_reports_figure(transforms.reports_of(figures, "four_city_service_items"), lang, "t", "f"),
        charts.make_breakdown_figure(consortia, lang, "t", "f"),
        charts.make_identity_figure(identity, figures, lang, "f"),
        charts.make_status_figure(latest, transforms.count_projects_by_status(latest), lang, "t", "f"),
        charts.make_timeline_figure(transforms.timeline_events(tables["events"]), lang, "t", "f"),
    ]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_point_names_its_table_twin_row_and_every_row_its_data_rows(
    tables: dict[str, pd.DataFrame], figures: pd.DataFrame, lang: str
) -> None:
    for chart in _every_chart(tables, figures, lang):
        assert len(chart.row_refs) == len(chart.table) > 0, chart.filename
        points = _points(chart)
        assert sorted(c for _, c in points) == list(range(len(chart.table))), "one point per twin row"
        for _, position in points:
            refs = chart.point_refs(position)
            assert refs and all(table in ("figures", "projects", "events") for table, _ in refs)
        assert set(chart.refs) == {ref for refs in chart.row_refs for ref in refs}


def test_a_clicked_bar_gives_the_report_it_draws(figures: pd.DataFrame) -> None:
    # Hohhot's four-city items: the bar of 1412 is Qingcheng Media's report (hohhot-service-items-b).
    chart = charts.make_city_reports_figure(transforms.reports_of(figures, "four_city_service_items"), "en", "t", "f")
    hohhot = next(trace for trace in chart.figure.data if trace.name == "Hohhot")
    by_value = dict(zip(hohhot.y, hohhot.customdata, strict=True))
    assert chart.point_refs(by_value[1412]) == (("figures", ("hohhot-service-items-b",)),)
    assert chart.point_refs([by_value[561]]) == (("figures", ("hohhot-service-items-a",)),)  # as a selection sends it
    assert chart.table.iloc[by_value[1412]]["Evidence"] == "实现“四城通办”事项1412项"


@pytest.mark.parametrize("customdata", [None, "0", True, -1, 99, 0.5, [], {"x": 0}])
def test_anything_but_a_twin_row_position_gives_no_rows(figures: pd.DataFrame, customdata: object) -> None:
    chart = charts.make_city_reports_figure(transforms.reports_of(figures, "four_city_service_items"), "en", "t", "f")
    assert chart.point_refs(customdata) == ()


def test_a_stage_bar_and_a_timeline_dot_give_their_reports(tables: dict[str, pd.DataFrame]) -> None:
    latest = transforms.latest_project_reports(tables["projects"])
    chart = charts.make_status_figure(latest, transforms.count_projects_by_status(latest), "en", "t", "f")
    bar = chart.figure.data[0]
    proposed = chart.point_refs(bar.customdata[list(bar.y).index("Proposed")])
    assert {key[0] for _, key in proposed} == {"hohhot-baotou-hsr", "hohhot-ordos-hsr"}  # the two proposed railways
    timeline = charts.make_timeline_figure(transforms.timeline_events(tables["events"]), "en", "t", "f")
    plan = next(trace for trace in timeline.figure.data if trace.name == "Plan")
    first = timeline.point_refs(plan.customdata[0])
    assert ("events", ("plan-14th-fyp", "0471tv-2025-02-01")) in first  # Oct 2021, the 14th Five-Year plan


def test_an_empty_chart_has_no_rows_to_cite(figures: pd.DataFrame) -> None:
    chart = charts.make_city_reports_figure(figures.iloc[0:0], "en", "t", "f")
    assert chart.row_refs == () and chart.refs == () and chart.point_refs(0) == ()


def test_the_mode_bar_keeps_only_the_png_download() -> None:
    # Issue 19: on a phone plotly shows its mode bar at all times; zoom and pan buttons covered the chart's title.
    # Plotly's default cartesian buttons (plotly.js 3) less these leave the download alone; the locale stays.
    defaults = {"toImage", "zoom2d", "pan2d", "select2d", "lasso2d", "zoomIn2d", "zoomOut2d", "autoScale2d"}
    for lang in ("zh", "en"):
        config = charts.png_config("chart", lang)
        assert defaults - {"resetScale2d"} - set(config["modeBarButtonsToRemove"]) == {"toImage"}
        assert "resetScale2d" in config["modeBarButtonsToRemove"] and config["displaylogo"] is False
    assert charts.png_config("chart", "zh")["locale"] == "zh-CN"
