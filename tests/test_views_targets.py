"""Targets against measurements: the latest travel time of each pair of cities beside the 1-hour rail and 2-hour road
circles, bounds kept (两个多小时 is more than two hours), both citations shown, the unmeasured pairs named; and the
`target_id` column that links them, validated with messages naming file, row and column."""

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from hbeu_dash.graphics import charts
from hbeu_dash.model import transforms, units
from hbeu_dash.model.loaders import read_dataset
from hbeu_dash.paths import ROOT
from hbeu_dash.views import targets
from hbeu_dash.views.targets import ABOUT, MET, OVER, UNKNOWN
from tests.conftest import read_rows, set_cell
from tests.real_data import csv_rows, joined, tables

RAIL, ROAD = "rail_circle_target_hours", "road_circle_target_hours"


def real_checks() -> dict[str, targets.TargetCheck]:
    t = tables()
    checks = targets.build_target_checks(joined(), t["indicators"], t["cities"])
    return {c.target_id: c for c in checks}


def pair(check: targets.TargetCheck, ends: tuple[str, str]) -> targets.PairCheck:
    (found,) = [p for p in check.pairs if p.ends == ends]
    return found


# --- the data: which indicators are measured against which target ----------------------------------------------


def test_the_travel_times_name_their_targets_in_indicators_csv() -> None:
    # Rail journey times against the 1-hour rail circle, the Hohhot–Baotou drive against the 2-hour road circle.
    linked = {r["indicator_id"]: r["target_id"] for r in csv_rows("indicators") if r["target_id"]}
    assert linked == {
        "car_commute_hours": ROAD,
        "jining_baotou_emu_minutes": RAIL,
        "hohhot_ulanqab_hsr_minutes": RAIL,
        "hohhot_ulanqab_rail_hours_before_hsr": RAIL,
    }


def test_data_validates_clean() -> None:
    assert read_dataset().problems == []
    done = subprocess.run(
        [sys.executable, "-m", "hbeu_dash", "validate"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("data valid:")


# --- the rail circle on the real data -----------------------------------------------------------------------------


def test_the_hohhot_ulanqab_hsr_is_within_the_one_hour_rail_circle() -> None:
    # people-20170803-hsr-minutes (40分鐘左右, about 40) and ce-20170804-hsr-minutes (40分钟), both of the opening on
    # 3 Aug 2017: 40 minutes = 0.67 hours, within 1 hour. Before it: 一個多小時, more than an hour, over it.
    check = real_checks()[RAIL]
    assert check.value == 1
    assert [c.figure_id for c in check.target] == ["rail-circle-target-b"]  # the latest report of the target
    hsr = pair(check, ("hohhot", "ulanqab"))
    assert sorted(c.figure_id for c in hsr.latest) == ["ce-20170804-hsr-minutes", "people-20170803-hsr-minutes"]
    assert {c.bound for c in hsr.latest} == {units.ABOUT, units.EXACT}
    assert hsr.value == pytest.approx(40 / 60)
    assert hsr.verdict == MET
    (before,) = hsr.earlier
    assert (before.figure_id, before.bound, before.in_target, before.verdict) == (
        "people-20170803-rail-hours-before",
        units.MORE,
        1,
        OVER,
    )


def test_the_jining_south_baotou_emu_runs_baotou_to_ulanqab_via_hohhot_and_is_over_the_target() -> None:
    # xinhua-20160122-emu-minutes-2016: 2小时14分 = 134 minutes from 24 Jan 2016 (144 before), Jining South being in
    # Ulanqab: the line's ends are Baotou and Ulanqab (farthest apart of the three cities its cell names).
    emu = pair(real_checks()[RAIL], ("baotou", "ulanqab"))
    assert emu.cities == "hohhot;baotou;ulanqab"
    assert [c.figure_id for c in emu.latest] == ["xinhua-20160122-emu-minutes-2016"]
    assert [c.figure_id for c in emu.earlier] == ["xinhua-20160122-emu-minutes-2015"]
    assert emu.value == pytest.approx(134 / 60)
    assert emu.verdict == OVER
    assert emu.scope("zh") == "包头–乌兰察布（途经呼和浩特）"
    assert emu.scope("en") == "Baotou–Ulanqab (via Hohhot)"


def test_the_pairs_no_rail_time_measures_are_named() -> None:
    check = real_checks()[RAIL]
    assert check.missing == (("hohhot", "baotou"), ("hohhot", "ordos"), ("baotou", "ordos"), ("ordos", "ulanqab"))
    assert check.summary("zh").endswith(
        "没有实测数据的城市对：呼和浩特–包头、呼和浩特–鄂尔多斯、包头–鄂尔多斯、鄂尔多斯–乌兰察布。"
    )
    assert check.summary("en").endswith(
        "No measurement reported for: Hohhot–Baotou, Hohhot–Ordos, Baotou–Ordos, Ordos–Ulanqab."
    )


def test_the_rail_summary_in_both_languages() -> None:
    check = real_checks()[RAIL]
    assert check.summary("zh") == (
        "铁路经济圈目标时长：1小时。实测：呼和浩特–乌兰察布40分钟 / 约40分钟（0.67小时 / 约0.67小时，2017年8月3日；"
        "呼和浩特东至乌兰察布高铁运行时间），在目标之内，此前为多于1小时（2017年8月）；"
        "包头–乌兰察布（途经呼和浩特）134分钟（2.23小时，2016年1月24日；集宁南至包头动车全程运行时间），超出目标，"
        "此前为144分钟（2015年1月8日）。没有实测数据的城市对：呼和浩特–包头、呼和浩特–鄂尔多斯、包头–鄂尔多斯、"
        "鄂尔多斯–乌兰察布。"
    )
    assert check.summary("en") == (
        "Rail economic circle target: 1 hour. Measured: Hohhot–Ulanqab 40 minutes / about 40 minutes (0.67 hours / "
        "about 0.67 hours, 3 Aug 2017; HSR journey time, Hohhot East–Ulanqab), within the target; earlier more than "
        "1 hour (Aug 2017); Baotou–Ulanqab (via Hohhot) 134 minutes (2.23 hours, 24 Jan 2016; EMU journey time, "
        "Jining South–Baotou), over the target; earlier 144 minutes (8 Jan 2015). No measurement reported for: "
        "Hohhot–Baotou, Hohhot–Ordos, Baotou–Ordos, Ordos–Ulanqab."
    )


def test_both_the_target_and_the_measurement_are_cited_with_source_and_evidence() -> None:
    check = real_checks()[RAIL]
    zh = check.citations("zh")
    assert zh[0] == "目标：青橙融媒 · 2025-02-01（2025年2月）：“紧紧围绕打造“一小时铁路经济圈、两小时公路经济圈”目标”"
    assert "呼和浩特–乌兰察布：人民网 · 2017-08-03（2017年8月）：“旅途時間將由一個多小時縮短至40分鐘左右”" in zh
    assert "呼和浩特–乌兰察布：经济日报 · 2017-08-04（2017年8月）：“全长126公里,运行时间40分钟”" in zh
    en = check.citations("en")
    assert en[0].startswith("Target: Qingcheng Media · 2025-02-01 (Feb 2025): “紧紧围绕打造")
    assert en[0].endswith(
        "(focusing closely on the goal of a 'one-hour rail economic circle and two-hour road economic circle')"
    )
    assert any(
        line.startswith("Hohhot–Ulanqab: People's Daily Online · 2017-08-03 (Aug 2017): “旅途時間")
        and line.endswith("(the journey will be cut from over an hour to about 40 minutes)")
        for line in en
    )


# --- the road circle: "more than 2 hours" against 2 hours ---------------------------------------------------------


def test_more_than_two_hours_against_a_two_hour_target_is_over_not_met() -> None:
    # hb-drive-hours: 单程需两个多小时, a one-way drive Hohhot–Baotou of more than two hours (before the EMU trains).
    check = real_checks()[ROAD]
    drive = pair(check, ("hohhot", "baotou"))
    assert [c.figure_id for c in drive.latest] == ["hb-drive-hours"]
    assert (drive.value, drive.bound, drive.verdict) == (2, units.MORE, OVER)
    assert drive.reads("zh") == "多于2小时" and drive.reads("en") == "more than 2 hours"
    assert check.summary("zh") == (
        "公路经济圈目标时长：2小时。实测：呼和浩特–包头多于2小时（2025年2月；呼包两城驾车单程时长(动车开通前)），超出目标。"
        "没有实测数据的城市对：呼和浩特–鄂尔多斯、呼和浩特–乌兰察布、包头–鄂尔多斯、包头–乌兰察布、鄂尔多斯–乌兰察布。"
    )
    assert check.summary("en") == (
        "Road economic circle target: 2 hours. Measured: Hohhot–Baotou more than 2 hours (Feb 2025; Hohhot–Baotou "
        "drive, one way (before EMU trains)), over the target. No measurement reported for: Hohhot–Ordos, "
        "Hohhot–Ulanqab, Baotou–Ordos, Baotou–Ulanqab, Ordos–Ulanqab."
    )


def test_no_ordos_travel_time_is_reported_for_either_circle() -> None:
    for check in real_checks().values():
        assert not [p for p in check.pairs if p.ends and "ordos" in p.ends]
        assert {p for p in check.missing if "ordos" in p} == {
            ("hohhot", "ordos"),
            ("baotou", "ordos"),
            ("ordos", "ulanqab"),
        }


# --- verdicts, bounds and ends ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "bound", "target", "verdict"),
    [
        (40 / 60, units.EXACT, 1, MET),
        (1, units.EXACT, 1, MET),  # exactly the target is within it
        (134 / 60, units.EXACT, 1, OVER),
        (2, units.MORE, 2, OVER),  # 两个多小时 against 2 hours
        (40 / 60, units.MORE, 1, UNKNOWN),  # more than 40 minutes: within an hour or not
        (40 / 60, units.ABOUT, 1, MET),  # about 40 minutes is well within
        (1, units.ABOUT, 1, ABOUT),  # about an hour against an hour
        (1.05, units.ABOUT, 1, ABOUT),
        (1.5, units.ABOUT, 1, OVER),
        (2, units.LESS, 2, MET),  # under 2 hours against 2
        (3, units.LESS, 2, UNKNOWN),
    ],
)
def test_judge(value: float, bound: str, target: float, verdict: str) -> None:
    assert targets.judge(value, bound, target) == verdict


@pytest.mark.parametrize(
    ("verdicts", "combined"),
    [([MET, MET], MET), ([MET, ABOUT], ABOUT), ([OVER, ABOUT], ABOUT), ([MET, OVER], UNKNOWN), ([UNKNOWN], UNKNOWN)],
)
def test_combine(verdicts: list[str], combined: str) -> None:
    assert targets.combine(verdicts) == combined


PLACES = {"hohhot": (40.84, 111.75), "baotou": (40.66, 109.84), "ordos": (39.61, 109.78), "ulanqab": (41.03, 113.13)}


@pytest.mark.parametrize(
    ("cities", "places", "ends"),
    [
        ("hohhot;ulanqab", {}, ("hohhot", "ulanqab")),
        ("ulanqab;hohhot", {}, ("hohhot", "ulanqab")),  # the schema's order, whatever the cell's
        ("hohhot;baotou;ulanqab", PLACES, ("baotou", "ulanqab")),
        ("hohhot;baotou;ulanqab", {}, None),  # three cities and no map: the ends cannot be told
        ("region", PLACES, None),
        ("hohhot", PLACES, None),
    ],
)
def test_ends_of(cities: str, places: dict, ends: tuple[str, str] | None) -> None:
    assert targets.ends_of(cities, places) == ends


# --- made-up tables: no measurement, bounds, a target nothing names ------------------------------------------------


def made_up(figures: list[dict], links: dict[str, str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Joined figures and indicators from a few rows: a 1-hour target `circle`, a minutes indicator `trip` and an
    hours indicator `drive`, each linked as `links` says."""
    indicators = pd.DataFrame(
        [
            ("circle", "目标圈", "Target circle", "小时", "hours", "target"),
            ("trip", "行程", "Trip", "分钟", "minutes", "duration"),
            ("drive", "驾车", "Drive", "小时", "hours", "duration"),
            ("other_target", "另一目标", "Another target", "小时", "hours", "target"),
        ],
        columns=["indicator_id", "name_zh", "name_en", "unit_zh", "unit_en", "measure"],
    ).assign(sector="transport")
    indicators["target_id"] = indicators["indicator_id"].map(links).fillna("")
    sources = pd.DataFrame(
        {
            "source_id": ["s1"],
            "outlet_zh": ["某报"],
            "outlet_en": ["Some Daily"],
            "published": ["2025-01-02"],
            "title": ["标题"],
            "title_en": ["Title"],
            "url": [""],
        }
    )
    base = {"period": "", "as_of": "2025-01", "source_id": "s1", "evidence_en": "", "event_id": ""}
    rows = pd.DataFrame([{**base, **f} for f in figures])
    rows["value"] = rows["value"].astype(float)
    return transforms.join_figures(rows, indicators, sources), indicators


TARGET_ROW = {
    "figure_id": "t1",
    "indicator_id": "circle",
    "city": "region",
    "value": 1,
    "value_text": "1",
    "evidence": "1小时经济圈",
}


def test_a_target_with_no_measurement_says_so_and_names_every_pair() -> None:
    figures, indicators = made_up([TARGET_ROW], {"trip": "circle"})
    (check,) = targets.build_target_checks(figures, indicators)
    assert check.pairs == ()
    assert len(check.missing) == 6
    assert check.summary("zh") == (
        "目标圈：1小时。数据中没有这一范围的实测。没有实测数据的城市对：呼和浩特–包头、呼和浩特–鄂尔多斯、"
        "呼和浩特–乌兰察布、包头–鄂尔多斯、包头–乌兰察布、鄂尔多斯–乌兰察布。"
    )
    assert check.summary("en") == (
        "Target circle: 1 hour. The data holds no measurement of this scope. No measurement reported for: "
        "Hohhot–Baotou, Hohhot–Ordos, Hohhot–Ulanqab, Baotou–Ordos, Baotou–Ulanqab, Ordos–Ulanqab."
    )
    table = check.table("en")
    assert list(table["Kind"]) == ["Target", *["No measurement"] * 6]
    assert list(table["Reads as"])[1:] == ["no measurement reported"] * 6
    fig = check.figure("en")
    assert [a.text for a in fig.layout.annotations].count("no measurement reported") == 6


def test_targets_nothing_is_measured_against_are_left_out() -> None:
    other = {**TARGET_ROW, "figure_id": "t2", "indicator_id": "other_target", "value": 2, "value_text": "2"}
    figures, indicators = made_up([TARGET_ROW, other], {"trip": "circle"})
    assert [c.target_id for c in targets.build_target_checks(figures, indicators)] == ["circle"]


def test_more_than_the_target_in_other_words_and_units() -> None:
    # 超过60分钟 against 1 hour: over, and said so in both languages; the minutes are stated in hours too.
    trip = {
        "figure_id": "m1",
        "indicator_id": "trip",
        "city": "baotou;ordos",
        "value": 60,
        "value_text": "60分钟",
        "evidence": "单程超过60分钟",
        "evidence_en": "more than 60 minutes one way",
    }
    figures, indicators = made_up([TARGET_ROW, trip], {"trip": "circle"})
    (check,) = targets.build_target_checks(figures, indicators)
    (measured,) = check.pairs
    assert (measured.ends, measured.bound, measured.verdict) == (("baotou", "ordos"), units.MORE, OVER)
    assert measured.text("zh") == "包头–鄂尔多斯多于60分钟（多于1小时，2025年1月；行程），超出目标"
    assert (
        measured.text("en") == "Baotou–Ordos more than 60 minutes (more than 1 hour, Jan 2025; Trip), over the target"
    )
    assert ("baotou", "ordos") not in check.missing and len(check.missing) == 5


def test_the_latest_report_stands_and_the_earlier_are_kept() -> None:
    # A trip of about 70 minutes (2020), then of 55 (2024): the latest is within the hour; the older one is listed.
    old = {
        "figure_id": "m1",
        "indicator_id": "trip",
        "city": "hohhot;baotou",
        "value": 70,
        "value_text": "70分钟",
        "evidence": "约70分钟",
        "period": "2020",
        "as_of": "2020-03",
    }
    new = {**old, "figure_id": "m2", "value": 55, "value_text": "55分钟", "evidence": "55分钟", "period": "2024"}
    figures, indicators = made_up([TARGET_ROW, old, new], {"trip": "circle"})
    ((measured,),) = [c.pairs for c in targets.build_target_checks(figures, indicators)]
    assert [c.figure_id for c in measured.latest] == ["m2"] and [c.figure_id for c in measured.earlier] == ["m1"]
    assert measured.verdict == MET and measured.earlier[0].verdict == OVER
    assert measured.text("en") == (
        "Hohhot–Baotou 55 minutes (0.92 hours, 2024; Trip), within the target; earlier about 70 minutes (2020)"
    )


# --- the chart and its table twin ---------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_rail_chart_draws_each_pair_against_the_target_line(lang: str) -> None:
    check = real_checks()[RAIL]
    fig = check.figure(lang)
    bars = fig.data[0]
    assert bars.type == "bar" and bars.orientation == "h"
    assert list(bars.x) == pytest.approx([40 / 60, 134 / 60])
    assert list(bars.y) == [p.scope(lang) for p in check.pairs]
    assert list(bars.marker.color) == ["#009E73", "#D55E00"]  # within, over
    (line,) = [
        d for d in fig.data if d.type == "scatter" and d.mode == "lines"
    ]  # the target: a dashed line at 1 hour, top to bottom
    assert (tuple(line.x), tuple(line.y), line.yaxis, line.line.dash) == ((1, 1), (0, 1), "y2", "dash")
    # the rows nothing measures stand in the chart too, labelled
    assert list(fig.layout.yaxis.categoryarray)[2:] == check.missing_scopes(lang)
    # the bar draws ce-20170804-hsr-minutes (of the two reports of 40 minutes, the first by source): its evidence
    hover = bars.hovertext[0]
    assert "全长126公里,运行时间40分钟" in hover and check.pairs[0].drawn.source(lang) in hover
    assert check.pairs[0].drawn.figure_id == "ce-20170804-hsr-minutes"
    target_marks = fig.data[1]
    assert "紧紧围绕打造" in target_marks.hovertext[0]


def test_the_target_line_stays_visible_on_the_dark_big_screen() -> None:
    screen = charts.make_screen_figure(real_checks()[RAIL].figure("en"), dark=True)
    (line,) = [d for d in screen.data if d.type == "scatter" and d.mode == "lines"]
    assert line.line.color == "#CBD5E1"  # the light twin of #333333 on the dark background


def test_the_chart_speaks_the_page_language() -> None:
    check = real_checks()[RAIL]
    zh, en = check.figure("zh"), check.figure("en")
    assert zh.layout.title.text == "铁路经济圈目标时长（1小时）与实测"
    assert en.layout.title.text == "Rail economic circle target (1 hour) against measurements"
    assert zh.data[0].text == ("40分钟 · 在目标之内", "134分钟 · 超出目标")
    assert en.data[0].text == ("40 minutes · within the target", "134 minutes · over the target")
    assert zh.layout.xaxis.title.text == "行程时间（小时）" and en.layout.xaxis.title.text == "Travel time (hours)"
    assert any(a.text == "目标：1小时" for a in zh.layout.annotations)
    assert any(a.text == "Target: 1 hour" for a in en.layout.annotations)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_more_than_bar_carries_an_arrow(lang: str) -> None:
    fig = real_checks()[ROAD].figure(lang)
    arrows = [a for a in fig.layout.annotations if a.showarrow]
    assert len(arrows) == 1 and arrows[0].x == 2 and arrows[0].ax < 0  # pointing on, at the end of the 2-hour bar
    assert fig.data[0].text[0] in ("多于2小时 · 超出目标", "more than 2 hours · over the target")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_table_twin_lists_target_latest_earlier_and_missing_rows(lang: str) -> None:
    check = real_checks()[RAIL]
    chart = check.chart(lang)
    table = chart.table
    assert len(table) == len(chart.row_refs) == 10  # the target, 3 latest, 2 earlier, 4 pairs unmeasured
    ids = [refs[0][1][0] if refs else "" for refs in chart.row_refs]
    assert ids == [
        "rail-circle-target-b",
        "ce-20170804-hsr-minutes",
        "people-20170803-hsr-minutes",
        "people-20170803-rail-hours-before",
        "xinhua-20160122-emu-minutes-2016",
        "xinhua-20160122-emu-minutes-2015",
        "",
        "",
        "",
        "",
    ]
    # each bar opens the row of the report it draws
    assert [ids[i] for i in chart.figure.data[0].customdata] == [
        "ce-20170804-hsr-minutes",
        "xinhua-20160122-emu-minutes-2016",
    ]
    assert chart.sources.count("·") == 4  # the four sources cited by name
    assert chart.filename == f"hbeu-target-{RAIL}-{lang}"
    assert pd.DataFrame(check.rows(lang)).equals(table)  # the plain rows are the twin, cell for cell


def test_the_table_twin_headers_and_cells_in_both_languages() -> None:
    check = real_checks()[RAIL]
    zh, en = check.table("zh"), check.table("en")
    assert list(zh.columns) == [
        "范围",
        "类别",
        "指标",
        "数值",
        "单位",
        "原文写法",
        "读作",
        "折合（小时）",
        "对照目标",
        "时点",
        "截至",
        "来源",
        "原文",
    ]
    assert list(en.columns)[-3:] == ["Source", "Evidence", "Evidence (English)"]
    assert zh.iloc[2].to_dict() | {"原文": ""} == {
        "范围": "呼和浩特–乌兰察布",
        "类别": "最新实测",
        "指标": "呼和浩特东至乌兰察布高铁运行时间",
        "数值": 40.0,
        "单位": "分钟",
        "原文写法": "40分鐘左右",
        "读作": "约40分钟",
        "折合（小时）": 0.67,
        "对照目标": "在目标之内",
        "时点": "2017年8月3日",
        "截至": "2017年8月",
        "来源": "人民网 · 2017-08-03",
        "原文": "",
    }
    assert en.iloc[3]["Reads as"] == "more than 1 hour" and en.iloc[3]["Against the target"] == "over the target"
    assert en.iloc[6]["Scope"] == "Hohhot–Baotou" and en.iloc[6]["Kind"] == "No measurement"


# --- validation of target_id --------------------------------------------------------------------------------------


def excel_row(path: Path, indicator_id: str) -> int:
    """The Excel row of an indicator in indicators.csv (the header is row 1)."""
    return next(i for i, row in enumerate(read_rows(path), start=1) if row[0] == indicator_id)


# (case, indicator whose target_id is set, the cell, code, English message after the place, Chinese one)
BAD_TARGETS = [
    (
        "unknown id",
        "hohhot_ulanqab_hsr_minutes",
        "rail_circle_hours",
        "dangling_ref",
        "'rail_circle_hours' is not a indicator_id in indicators.csv",
        "“rail_circle_hours”在 indicators.csv 的 indicator_id 中找不到",
    ),
    (
        "not a target",
        "hohhot_ulanqab_hsr_minutes",
        "car_commute_hours",
        "target_not_target",
        "'car_commute_hours' is not a target (its measure is duration, not target); name a target indicator, or "
        "leave the cell empty",
        "“car_commute_hours”不是目标指标（它的 measure 为 duration，应为 target）；请填写一个目标指标的 id，或留空",
    ),
    (
        "incompatible unit",
        "hohhot_ulanqab_hsr_km",
        "rail_circle_target_hours",
        "target_unit",
        "'rail_circle_target_hours' cannot be compared: this row's unit, km, does not convert to hours, the unit of "
        "target rail_circle_target_hours (units that convert: minutes, hours, days)",
        "“rail_circle_target_hours”无法对照：本行单位 km 不能换算成目标 rail_circle_target_hours 的单位 hours"
        "（可互相换算的单位：minutes, hours, days）",
    ),
    (
        "a target against a target",
        "road_circle_target_hours",
        "rail_circle_target_hours",
        "target_of_target",
        "'rail_circle_target_hours' this row is itself a target (measure target) and cannot be measured against "
        "another; leave the cell empty",
        "“rail_circle_target_hours”本行本身是目标（measure 为 target），不能再对照另一个目标；请留空",
    ),
]


@pytest.mark.parametrize(
    ("indicator_id", "cell", "code", "en", "zh"), [c[1:] for c in BAD_TARGETS], ids=[c[0] for c in BAD_TARGETS]
)
def test_a_bad_target_id_is_named_by_file_row_and_column(
    data_dir: Path, indicator_id: str, cell: str, code: str, en: str, zh: str
) -> None:
    path = data_dir / "indicators.csv"
    row = excel_row(path, indicator_id)
    set_cell(path, row, "target_id", cell)
    result = read_dataset(data_dir)
    (problem,) = [p for p in result.problems if p.column == "target_id"]
    assert (problem.file, problem.row, problem.code) == ("indicators.csv", row, code)
    assert problem.message("en") == f"indicators.csv, row {row}, column target_id: {en}"
    assert problem.message("zh") == f"indicators.csv 第 {row} 行“target_id”列：{zh}"
    assert "indicators" not in result.tables
