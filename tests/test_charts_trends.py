"""The trend and four-city charts (charts.make_trend_figure / make_city_slots_figure through views/charts): a trace
per place in its colour, steps or lines, conflicts side by side, the table twin, the summary, empty places labelled."""

import pandas as pd
import pytest

from hbeu_dash.graphics.palette import city_color
from hbeu_dash.model import transforms
from hbeu_dash.views import charts
from tests.real_data import joined
from tests.test_views_trends import frame, report

ZH_COLUMNS = ["指标", "城市", "数值", "单位", "原文写法", "时点", "期间", "截至", "来源", "原文"]
EN_COLUMNS = [
    "Indicator",
    "City",
    "Value",
    "Unit",
    "As written",
    "When",
    "Period",
    "As of",
    "Source",
    "Evidence",
    "Evidence (English)",
]


def markers(chart: charts.Chart) -> dict[str, object]:
    """The marker trace of each place, by its name."""
    return {trace.name: trace for trace in chart.figure.data if trace.mode == "markers+text"}


def lines(chart: charts.Chart) -> dict[str, object]:
    """The line trace of each place that has one, by its name."""
    return {trace.name: trace for trace in chart.figure.data if trace.mode == "lines"}


def days(xs: object) -> list[str]:
    return [pd.Timestamp(x).strftime("%Y-%m-%d") for x in xs]


def refs(*figure_ids: str) -> tuple:
    return tuple((("figures", (f,)),) for f in figure_ids)


# --- over time -----------------------------------------------------------------------------------------------------


def test_beijing_north_trains_step_from_8_to_10() -> None:
    # figures.csv: 8 trains (as of 2020-12) before the timetable of 2021-01-20, 10 from it; one article.
    chart = charts.trend_chart(joined(), "beijing_north_terminating_trains", "zh")
    assert chart.title == "终到北京北站的内蒙古列车数：随时间变化"
    assert chart.filename == "hbeu-trend-beijing_north_terminating_trains-zh"
    (line,) = lines(chart).values()
    assert line.line.shape == "hv" and line.line.color == city_color("region") == "#555555"
    assert days(line.x) == ["2020-12-01", "2021-01-20"] and list(line.y) == [8, 10]
    (points,) = markers(chart).values()
    assert points.name == "四市"
    assert days(points.x) == ["2020-12-01", "2021-01-20"] and list(points.y) == [8, 10]
    assert list(points.text) == ["8趟", "10趟"]
    assert list(points.marker.symbol) == ["circle", "circle"] and points.marker.color == "#555555"
    assert list(points.customdata) == [0, 1]
    assert chart.row_refs == refs("northnews-202012-beijing-north-before", "northnews-202012-beijing-north-after")


@pytest.mark.parametrize(
    ("lang", "summary"),
    [
        ("zh", "终到北京北站的内蒙古列车数（趟）随时间变化：四市 8（2020年12月） → 10（2021年1月20日）。"),
        (
            "en",
            "Inner Mongolia trains terminating at Beijing North (trains) over time: Four cities 8 (Dec 2020) → 10 "
            "(20 Jan 2021).",
        ),
    ],
    ids=["zh", "en"],
)
def test_the_trend_summary_says_each_place_s_first_and_latest_value(lang: str, summary: str) -> None:
    assert charts.trend_chart(joined(), "beijing_north_terminating_trains", lang).summary == summary


@pytest.mark.parametrize(
    ("lang", "summary"),
    [
        (
            "zh",
            "集宁南至包头动车全程运行时间（分钟）随时间变化："
            "呼和浩特–包头–乌兰察布 144（2015年1月8日） → 134（2016年1月24日）。",
        ),
        (
            "en",
            "EMU journey time, Jining South–Baotou (minutes) over time: Hohhot–Baotou–Ulanqab 144 (8 Jan 2015) → 134 "
            "(24 Jan 2016).",
        ),
    ],
    ids=["zh", "en"],
)
def test_the_emu_journey_falls_from_144_to_134_minutes(lang: str, summary: str) -> None:
    chart = charts.trend_chart(joined(), "jining_baotou_emu_minutes", lang)
    assert chart.summary == summary
    (line,) = lines(chart).values()
    assert line.line.shape == "hv"  # a duration holds until the next timetable
    assert line.line.color == city_color("hohhot;baotou;ulanqab") == "#8C8C8C"
    assert days(line.x) == ["2015-01-08", "2016-01-24"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_trend_table_twin_says_when_each_report_stands(lang: str) -> None:
    table = charts.trend_chart(joined(), "beijing_north_terminating_trains", lang).table
    assert list(table.columns) == (ZH_COLUMNS if lang == "zh" else EN_COLUMNS)
    when, period, as_of = ("时点", "期间", "截至") if lang == "zh" else ("When", "Period", "As of")
    if lang == "zh":
        assert list(table[when]) == ["2020年12月", "2021年1月20日"]
        assert list(table[period]) == ["每日", "2021年1月20日"]
        assert list(table[as_of]) == ["2020年12月", "2020年12月"]
        assert list(table["城市"]) == ["四市", "四市"]
        assert list(table["来源"]) == ["正北方网 · 2020-12", "正北方网 · 2020-12"]
    else:
        assert list(table[when]) == ["Dec 2020", "20 Jan 2021"]
        assert list(table[period]) == ["per day", "20 Jan 2021"]
        assert list(table[as_of]) == ["Dec 2020", "Dec 2020"]
        assert list(table["Evidence (English)"]) == ["trains terminating at Beijing North rise from 8 to 10"] * 2
    assert list(table[table.columns[2]]) == [8.0, 10.0]
    assert list(table[table.columns[4]]) == ["8趟", "10趟"]


@pytest.mark.parametrize(("lang", "tickformat"), [("zh", "%Y年%-m月"), ("en", "%b %Y")])
def test_a_short_span_is_ticked_by_month_in_the_reader_s_language(lang: str, tickformat: str) -> None:
    axis = charts.trend_chart(joined(), "four_city_service_items", lang).figure.layout.xaxis
    assert axis.type == "date" and axis.tickformat == tickformat and axis.dtick == "M1"


@pytest.mark.parametrize(("lang", "tickformat"), [("zh", "%Y年"), ("en", "%Y")])
def test_a_span_of_years_is_ticked_by_year(lang: str, tickformat: str) -> None:
    figures = frame(report("a", 10, as_of="2018-06"), report("b", 20, as_of="2024-06"))
    axis = charts.trend_chart(figures, "items", lang).figure.layout.xaxis
    assert axis.tickformat == tickformat and axis.dtick == "M12"


@pytest.mark.parametrize(
    ("measure", "shape"),
    [("count_to_date", "hv"), ("daily_frequency", "hv"), ("money", "linear"), ("count_in_period", "linear")],
)
def test_a_value_that_holds_is_a_step_a_flow_is_a_line(measure: str, shape: str) -> None:
    figures = frame(
        report("a", 10, as_of="2022-06", measure=measure), report("b", 20, as_of="2024-06", measure=measure)
    )
    (line,) = lines(charts.trend_chart(figures, "items", "en")).values()
    assert line.line.shape == shape


def test_one_trace_per_place_in_its_city_colour() -> None:
    figures = frame(
        report("h1", 100, as_of="2022-06"),
        report("h2", 150, as_of="2024-06"),
        report("b1", 80, city="baotou", as_of="2022-06"),
        report("b2", 90, city="baotou", as_of="2024-06"),
        report("o1", 40, city="ordos", as_of="2024-06"),
    )
    chart = charts.trend_chart(figures, "items", "en")
    points = markers(chart)
    assert set(points) == {"Hohhot", "Baotou", "Ordos"}
    assert {name: trace.marker.color for name, trace in points.items()} == {
        "Hohhot": "#0072B2",
        "Baotou": "#E69F00",
        "Ordos": "#009E73",
    }
    assert list(points["Hohhot"].y) == [100, 150] and list(points["Ordos"].y) == [40]
    # A line joins a place's points; a single report is a point alone.
    assert {name: trace.line.color for name, trace in lines(chart).items()} == {
        "Hohhot": city_color("hohhot"),
        "Baotou": city_color("baotou"),
    }
    assert chart.figure.layout.showlegend is True
    # Places in the usual order, Hohhot first (as the cards and the four-city comparison).
    assert [trace.name for trace in chart.figure.data if trace.mode == "markers+text"] == ["Hohhot", "Baotou", "Ordos"]
    assert chart.summary == (
        "Service items (items) over time: Hohhot 100 (Jun 2022) → 150 (Jun 2024); Baotou 80 (Jun 2022) → 90 "
        "(Jun 2024); Ordos 40."
    )
    # Each point names its table twin row; each row its figure.
    table = chart.table
    for trace in points.values():
        for position, value in zip(trace.customdata, trace.y, strict=True):
            assert table["Value"].iloc[position] == value
    assert chart.row_refs == refs("b1", "h1", "b2", "h2", "o1")


def test_disagreeing_reports_stand_side_by_side_as_diamonds_off_the_line() -> None:
    # Hohhot: 561 and 1412 as of 2024-12 from two sources (a conflict); Baotou: 587 then 600 a year later (a change).
    figures = frame(
        report("h-a", 561),
        report("h-b", 1412, source_id="s2"),
        report("b-1", 587, city="baotou"),
        report("b-2", 600, city="baotou", as_of="2025-12"),
    )
    chart = charts.trend_chart(figures, "items", "zh")
    hohhot = markers(chart)["呼和浩特"]
    assert list(hohhot.y) == [561, 1412]
    assert list(hohhot.marker.symbol) == ["diamond", "diamond"]
    assert list(hohhot.text) == ["561项 ⚠", "1412项 ⚠"]
    first, second = (pd.Timestamp(x) for x in hohhot.x)
    assert first == pd.Timestamp("2024-12-01") and second > first  # side by side, not on top of each other
    baotou = markers(chart)["包头"]
    assert list(baotou.marker.symbol) == ["circle", "circle"] and list(baotou.text) == ["587项", "600项"]
    assert set(lines(chart)) == {"包头"}  # no line through a disagreement
    rows = chart.table
    assert list(rows["城市"]) == ["包头", "呼和浩特", "呼和浩特", "包头"]
    assert list(rows["时点"]) == ["2024年12月", "2024年12月", "2024年12月", "2025年12月"]


def test_the_real_conflict_is_drawn_as_two_diamonds() -> None:
    # figures.csv: Hohhot's four-city items 561 (as of 2024-12) and 1412 (2025-02) disagree; Baotou's 587 alone.
    chart = charts.trend_chart(joined(), "four_city_service_items", "en")
    points = markers(chart)
    assert list(points["Hohhot"].marker.symbol) == ["diamond", "diamond"]
    assert list(points["Hohhot"].text) == ["561 items ⚠", "1,412 items ⚠"]
    assert days(points["Hohhot"].x) == ["2024-12-01", "2025-02-01"]
    assert list(points["Baotou"].marker.symbol) == ["circle"] and list(points["Baotou"].text) == ["587 items"]
    assert lines(chart) == {}
    assert chart.row_refs == refs("baotou-service-items", "hohhot-service-items-a", "hohhot-service-items-b")


@pytest.mark.parametrize(
    ("lang", "summary"),
    [
        ("zh", "“四城通办”事项数（项）随时间变化：呼和浩特 561 / 1412（来源不一致）；包头 587。"),
        ("en", "Four-city service items (items) over time: Hohhot 561 / 1,412 (Sources disagree); Baotou 587."),
    ],
    ids=["zh", "en"],
)
def test_the_trend_summary_does_not_read_a_conflict_as_a_change(lang: str, summary: str) -> None:
    # Hohhot's 561 and 1412 disagree (quality's rule): the card shows "561 / 1412", the comparison "561 / 1412
    # (conflict)", and views/trends never reads a conflict as a change. The summary should not say "561 → 1412".
    assert charts.trend_chart(joined(), "four_city_service_items", lang).summary == summary


def test_no_trend_of_an_unreported_indicator() -> None:
    assert charts.trend_chart(joined(), "no_such_indicator", "zh") is None


# --- the four cities side by side ----------------------------------------------------------------------------------


def bars(chart: charts.Chart) -> dict[str, object]:
    return {trace.name: trace for trace in chart.figure.data}


def test_the_comparison_is_horizontal_bars_in_four_slots_always() -> None:
    # figures.csv: Hohhot 561 / 1412 (a conflict), Baotou 587; Ordos and Ulanqab report no four-city items.
    chart = charts.cities_chart(joined(), "four_city_service_items", "zh")
    assert chart.title == "“四城通办”事项数：四市对比"
    assert chart.filename == "hbeu-cities-four_city_service_items-zh"
    assert {trace.type for trace in chart.figure.data} == {"bar"}
    assert {trace.orientation for trace in chart.figure.data} == {"h"}
    layout = chart.figure.layout
    assert list(layout.yaxis.ticktext) == ["呼和浩特", "包头", "鄂尔多斯", "乌兰察布"]
    assert list(layout.yaxis.tickvals) == [0, 1, 2, 3]
    assert [(a.text, a.y) for a in layout.annotations] == [("未报告", 2), ("未报告", 3)]
    assert [(shape.line.dash, (shape.y0 + shape.y1) / 2) for shape in layout.shapes] == [("dot", 2), ("dot", 3)]
    assert layout.xaxis.title.text == "单位：项"
    assert set(bars(chart)) == {"呼和浩特", "包头"}
    baotou = bars(chart)["包头"]
    assert list(baotou.x) == [587] and list(baotou.y) == [1] and list(baotou.text) == ["587项"]
    assert baotou.marker.color == city_color("baotou")


@pytest.mark.parametrize(
    ("lang", "labels"),
    [
        ("zh", ["561项 ⚠ · 第八届市长联席会议专访", "1412项 ⚠ · 青橙融媒"]),
        ("en", ["561 items ⚠ · 8th Mayors' Meeting interviews", "1,412 items ⚠ · Qingcheng Media"]),
    ],
    ids=["zh", "en"],
)
def test_hohhot_s_two_reports_are_two_labelled_sub_bars_in_its_row(lang: str, labels: list[str]) -> None:
    chart = charts.cities_chart(joined(), "four_city_service_items", lang)
    hohhot = bars(chart)["呼和浩特" if lang == "zh" else "Hohhot"]
    assert list(hohhot.x) == [561, 1412]
    assert list(hohhot.text) == labels
    low, high = hohhot.y
    assert -0.5 < low < high < 0.5  # both inside Hohhot's row (0), one above the other
    assert hohhot.marker.color == city_color("hohhot")
    assert hohhot.marker.line.width == 2  # outlined: its reports disagree
    assert list(hohhot.customdata) == [0, 1]


@pytest.mark.parametrize(
    ("lang", "summary"),
    [
        (
            "zh",
            "“四城通办”事项数，四市对比：呼和浩特 561 / 1412（来源不一致）；包头 587；"
            "鄂尔多斯 未报告；乌兰察布 未报告。",
        ),
        (
            "en",
            "Four-city service items, the four cities side by side: Hohhot 561 / 1,412 (Sources disagree); "
            "Baotou 587; Ordos not reported; Ulanqab not reported.",
        ),
    ],
    ids=["zh", "en"],
)
def test_the_comparison_summary_names_every_city(lang: str, summary: str) -> None:
    assert charts.cities_chart(joined(), "four_city_service_items", lang).summary == summary


def test_the_comparison_table_has_a_row_per_report_then_one_per_empty_place() -> None:
    chart = charts.cities_chart(joined(), "four_city_service_items", "zh")
    table = chart.table
    assert list(table.columns) == [
        "指标",
        "城市",
        "数值",
        "单位",
        "原文写法",
        "期间",
        "截至",
        "来源",
        "原文",
        "来源不一致",
    ]
    assert list(table["城市"]) == ["呼和浩特", "呼和浩特", "包头", "鄂尔多斯", "乌兰察布"]
    assert list(table["原文写法"]) == ["561", "1412", "587", "未报告", "未报告"]
    assert list(table["来源不一致"]) == ["是", "是", "", "", ""]
    assert list(table["数值"].iloc[:3]) == [561.0, 1412.0, 587.0] and table["数值"].iloc[3:].isna().all()
    # The empty places' rows stand for no data row: no paragraph to open.
    assert chart.row_refs == (
        *refs("hohhot-service-items-a", "hohhot-service-items-b", "baotou-service-items"),
        (),
        (),
    )
    en = charts.cities_chart(joined(), "four_city_service_items", "en").table
    assert list(en["As written"]) == ["561", "1412", "587", "not reported", "not reported"]
    assert list(en["Sources disagree"]) == ["yes", "yes", "", "", ""]


def test_only_ordos_still_compares_four_places() -> None:
    # figures.csv: Ordos's task plan has 236 tasks; no other city reports one. Under a filter of Ordos only.
    everything = tuple(joined()["sector"].unique())
    ordos = transforms.filter_figures(joined(), ("ordos",), everything)
    chart = charts.cities_chart(ordos, "plan_tasks", "en")
    assert list(chart.figure.layout.yaxis.ticktext) == ["Hohhot", "Baotou", "Ordos", "Ulanqab"]
    (bar,) = chart.figure.data
    assert (bar.name, list(bar.x), list(bar.y)) == ("Ordos", [236], [2])
    assert [(a.text, a.y) for a in chart.figure.layout.annotations] == [
        ("not reported", 0),
        ("not reported", 1),
        ("not reported", 3),
    ]
    assert chart.summary == (
        "Task plan: tasks, the four cities side by side: Hohhot not reported; Baotou not reported; Ordos 236; "
        "Ulanqab not reported."
    )
    assert chart.row_refs == (*refs("ordos-plan-tasks"), (), (), ())


def test_a_city_filtered_out_leaves_its_slot_empty() -> None:
    figures = frame(report("h", 561), report("o", 120, city="ordos"))
    shown = figures[transforms.city_matches(figures["city"], ("ordos",))]
    chart = charts.cities_chart(shown, "items", "zh")
    assert list(chart.figure.layout.yaxis.ticktext) == ["呼和浩特", "包头", "鄂尔多斯", "乌兰察布"]
    assert [trace.name for trace in chart.figure.data] == ["鄂尔多斯"]
    # Told the city filter, the empty places say why they are empty: left out by the filter, not unreported.
    for lang, words in (("zh", ["未选择（筛选）"] * 3), ("en", ["not selected (filter)"] * 3)):
        told = charts.cities_chart(shown, "items", lang, ("ordos",))
        assert [a.text for a in told.figure.layout.annotations] == words
        assert list(told.table[told.table.columns[4]])[1:] == words  # the table twin's "as written" column
    both = charts.cities_chart(frame(report("o", 120, city="ordos")), "items", "en", ("ordos", "ulanqab"))
    assert [a.text for a in both.figure.layout.annotations] == [
        "not selected (filter)",
        "not selected (filter)",
        "not reported",
    ]


def test_the_region_follows_the_four_cities_when_it_is_reported() -> None:
    figures = frame(report("b", 587, city="baotou"), report("r", 1200, city="region"))
    chart = charts.cities_chart(figures, "items", "zh")
    assert list(chart.figure.layout.yaxis.ticktext) == ["呼和浩特", "包头", "鄂尔多斯", "乌兰察布", "四市"]
    region = bars(chart)["四市"]
    assert list(region.y) == [4] and region.marker.color == city_color("region")
    assert list(chart.table["城市"]) == ["包头", "四市", "呼和浩特", "鄂尔多斯", "乌兰察布"]


@pytest.mark.parametrize("indicator", ["beijing_north_terminating_trains", "jining_baotou_emu_minutes", "no_such"])
def test_no_comparison_of_an_indicator_not_reported_per_city(indicator: str) -> None:
    # The Beijing North trains are the region's only; the EMU journey is one figure for three cities together.
    assert charts.cities_chart(joined(), indicator, "zh") is None


# --- the overview's pair: one figure, two panels -------------------------------------------------------------------


def test_the_overview_draws_its_trend_over_its_comparison_in_one_figure() -> None:
    figures = joined()
    chart = charts.overview_chart(figures, figures, "four_city_service_items", "en", ("hohhot", "baotou", "ordos"))
    # first panel: the trend (Hohhot's two reports, Baotou's); under it the comparison's bars, full width both
    assert chart.figure.layout.xaxis.domain == chart.figure.layout.xaxis2.domain == (0.0, 1.0)
    assert min(chart.figure.layout.yaxis.domain) > max(chart.figure.layout.yaxis2.domain)
    panels = [(trace.type, trace.xaxis, list(trace.customdata)) for trace in chart.figure.data]
    assert panels == [("scatter", "x", [1, 2]), ("scatter", "x", [0]), ("bar", "x2", [3, 4]), ("bar", "x2", [5])]
    assert [a.text for a in chart.figure.layout.annotations[:2]] == [
        "Four-city service items over time",
        "Four-city service items: the four<br>cities side by side",  # wrapped to fit a phone's width
    ]
    # the empty places' notes stay on the right panel's axes
    notes = {a.text: (a.xref, a.yref) for a in chart.figure.layout.annotations[2:]}
    assert notes == {"not reported": ("x2", "y2"), "not selected (filter)": ("x2", "y2")}
    table = chart.table
    assert (
        list(table["Chart"])
        == ["Four-city service items over time"] * 3 + ["Four-city service items: the four cities side by side"] * 5
    )
    written = ["587", "561", "1412", "561", "1412", "587", "not reported", "not selected (filter)"]
    assert list(table["As written"]) == written
    # a point's customdata is its row, and that row's data rows are what a click opens
    assert chart.point_refs(4) == (("figures", ("hohhot-service-items-b",)),)
    assert chart.row_refs[6:] == ((), ())
    assert chart.summary == (
        "Four-city service items (items) over time: Hohhot 561 / 1,412 (Sources disagree); Baotou 587. "
        "Four-city service items, the four cities side by side: Hohhot 561 / 1,412 (Sources disagree); Baotou 587; "
        "Ordos not reported; Ulanqab not selected (filter)."
    )
