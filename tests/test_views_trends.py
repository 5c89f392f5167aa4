"""Change over time (views/trends): partial dates in order, a history told apart from a disagreement, the change and
staleness a card says, the four-city slots, and the KPI cards' new fields on the real series of data/."""

from datetime import date

import pandas as pd
import pytest

from hbeu_dash.views import cards, trends
from hbeu_dash.views.filters import Filters
from tests.real_data import joined

TODAY = date(2026, 3, 1)  # every staleness below is counted to this day, never to the clock's


def report(figure_id: str, value: float, **cells: object) -> dict:
    """One joined figure row (the columns of transforms.join_figures), a Hohhot count of items by default."""
    source = str(cells.get("source_id", "s1"))
    row = {
        "figure_id": figure_id,
        "indicator_id": "items",
        "city": "hohhot",
        "value": float(value),
        "value_text": f"{value:g}项",
        "period": "",
        "as_of": "2024-12",
        "source_id": source,
        "speaker_zh": "",
        "speaker_en": "",
        "event_id": "",
        "evidence": f"已达{value:g}项",
        "evidence_en": f"reached {value:g} items",
        "note_zh": "",
        "note_en": "",
        "sector": "government_services",
        "indicator_zh": "事项数",
        "indicator_en": "Service items",
        "unit_zh": "项",
        "unit_en": "items",
        "measure": "count_to_date",
        "source_title": "标题",
        "source_title_en": "Title",
        "published": "2025-01-01",
        "url": "",
        "cite_zh": f"{source}日报 · 2025-01-01",
        "cite_en": f"{source} Daily · 2025-01-01",
    }
    return row | cells


def frame(*rows: dict) -> pd.DataFrame:
    """Joined figures as the loaders type them: ids, places and dates categorical (a groupby must say `observed`)."""
    categorical = ["indicator_id", "city", "period", "as_of", "source_id", "cite_zh", "cite_en"]
    return pd.DataFrame(list(rows)).astype(dict.fromkeys(categorical, "category"))


def ids(records: tuple[dict, ...] | list[dict]) -> list[str]:
    return [str(r["figure_id"]) for r in records]


def real_records(indicator_id: str, city: str) -> list[dict]:
    figures = joined()
    rows = figures[(figures["indicator_id"] == indicator_id) & (figures["city"] == city)]
    return rows.to_dict("records")


# --- partial dates -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "as_of", "when"),
    [("2016-05-15", "2016-05", "2016-05-15"), ("", "2016-05", "2016-05"), ("2024", "2025-02", "2024")],
)
def test_a_report_stands_at_its_period_else_its_as_of(period: str, as_of: str, when: str) -> None:
    assert trends.when_of({"period": period, "as_of": as_of}) == when


@pytest.mark.parametrize(
    ("earlier", "later"),
    [
        ("2016-05", "2016-05-15"),  # a month before a day inside it (the local train pairs: 56 then 60)
        ("2016", "2016-01"),  # a year before its first month
        ("2015-12-31", "2016"),
        ("2016-04-30", "2016-05"),
        ("2016-05-15", "2016-06"),
        ("2016-09", "2016-10"),
        ("2016-12", "2017"),
    ],
)
def test_partial_dates_sort_by_their_first_day_a_month_before_a_day_inside_it(earlier: str, later: str) -> None:
    assert trends.time_key(earlier) < trends.time_key(later)
    assert sorted([later, earlier], key=trends.time_key) == [earlier, later]


def test_time_key_pads_a_partial_date_with_zeros() -> None:
    assert trends.time_key("2016") == (2016, 0, 0)
    assert trends.time_key("2016-05") == (2016, 5, 0)
    assert trends.time_key("2016-05-15") == (2016, 5, 15)


@pytest.mark.parametrize(
    ("measure", "step"),
    [
        ("count_to_date", True),
        ("count", True),
        ("daily_frequency", True),
        ("target", True),
        ("ordinal", True),
        ("duration", True),
        ("length", True),
        ("speed", True),
        ("count_in_period", False),
        ("money", False),
        ("growth", False),
        ("share", False),
    ],
)
def test_values_that_hold_until_the_next_report_are_steps(measure: str, step: bool) -> None:
    assert trends.is_step(measure) is step


# --- one history: a change, a conflict, agreement ------------------------------------------------------------------


def test_an_earlier_different_value_is_a_change_with_both_dates() -> None:
    # figures.csv, the Jining South–Baotou EMU: 144 minutes from 2015-01-08, 134 from 2016-01-24 (one article).
    records = real_records("jining_baotou_emu_minutes", "hohhot;baotou;ulanqab")
    history = trends.read_history(records)
    assert ids(history.records) == ["xinhua-20160122-emu-minutes-2015", "xinhua-20160122-emu-minutes-2016"]
    assert ids(history.latest) == ["xinhua-20160122-emu-minutes-2016"]
    assert history.earlier["figure_id"] == "xinhua-20160122-emu-minutes-2015"
    assert history.conflicting == () and not history.is_conflict
    zh, en = history.change("zh"), history.change("en")
    assert zh.text("zh") == "144分钟（2015年1月8日）→ 134分钟（2016年1月24日）"
    assert en.text("en") == "144 minutes (8 Jan 2015) → 134 minutes (24 Jan 2016)"
    assert (zh.earlier, zh.latest) == (144.0, 134.0)
    assert zh.relative == pytest.approx(10 / 144)
    assert zh.figure_ids == ("xinhua-20160122-emu-minutes-2015", "xinhua-20160122-emu-minutes-2016")
    assert history.spark == (144.0, 134.0)


def test_the_order_the_reports_come_in_does_not_matter() -> None:
    records = [
        report("c", 12, as_of="2021-06"),
        report("a", 10, as_of="2019-06"),
        report("b", 11, as_of="2020-06"),
    ]
    history = trends.read_history(records)
    assert ids(history.records) == ["a", "b", "c"]
    assert history.change("zh").text("zh") == "11项（2020年6月）→ 12项（2021年6月）"
    assert history.spark == (10.0, 11.0, 12.0)


def test_a_month_before_a_day_inside_it_reads_as_before_then_after() -> None:
    # figures.csv, the Hohhot bureau's local trains: 56 pairs (as of 2016-05) → 60 pairs from 2016-05-15.
    history = trends.read_history(real_records("hohhot_bureau_local_train_pairs", "region"))
    assert history.change("zh").text("zh") == "56对（2016年5月）→ 60对（2016年5月15日）"
    assert history.change("en").text("en") == "56 pairs (May 2016) → 60 pairs (15 May 2016)"


def test_disagreeing_reports_of_one_period_within_half_a_year_are_a_conflict_not_a_change() -> None:
    # figures.csv, Hohhot's four-city items: 561 (interviews, as of 2024-12) and 1412 (Qingcheng Media, 2025-02).
    history = trends.read_history(real_records("four_city_service_items", "hohhot"))
    assert history.is_conflict
    assert ids(history.conflicting) == ["hohhot-service-items-a", "hohhot-service-items-b"]
    assert ids(history.latest) == ["hohhot-service-items-a", "hohhot-service-items-b"]  # side by side
    assert history.earlier is None
    assert history.change("zh") is None and history.change("en") is None


@pytest.mark.parametrize(
    ("first_as_of", "conflict"),
    [
        ("2024-07", True),  # ends 2024-07-31: 153 days before 2024-12-31
        ("2024-06", False),  # ends 2024-06-30: 184 days, more than half a year (183) apart: a change
        ("2024-01", False),
    ],
)
def test_half_a_year_apart_tells_a_conflict_from_a_change(first_as_of: str, conflict: bool) -> None:
    history = trends.read_history([report("a", 500, as_of=first_as_of), report("b", 600, as_of="2024-12")])
    assert history.is_conflict is conflict
    assert (history.change("en") is None) is conflict


def test_reports_of_one_period_more_than_half_a_year_apart_are_a_change() -> None:
    history = trends.read_history([report("a", 500, as_of="2024-01"), report("b", 600, as_of="2024-12")])
    assert history.change("zh").text("zh") == "500项（2024年1月）→ 600项（2024年12月）"
    assert history.change("en").text("en") == "500 items (Jan 2024) → 600 items (Dec 2024)"


def test_reports_of_one_value_agree_and_show_no_change() -> None:
    history = trends.read_history([report("a", 5, as_of="2024-12"), report("b", 5, as_of="2025-02", source_id="s2")])
    assert not history.is_conflict and history.earlier is None
    assert ids(history.latest) == ["b"]
    assert history.change("zh") is None
    assert history.spark == (5.0, 5.0)


def test_the_change_runs_from_the_last_different_value_to_the_latest() -> None:
    rising = [report("a", 10, as_of="2019-06"), report("b", 12, as_of="2020-06"), report("c", 12, as_of="2021-06")]
    assert trends.read_history(rising).earlier["figure_id"] == "a"
    assert trends.read_history(rising).change("zh").text("zh") == "10项（2019年6月）→ 12项（2021年6月）"
    back = [report("a", 10, as_of="2019-06"), report("b", 12, as_of="2020-06"), report("c", 10, as_of="2021-06")]
    assert trends.read_history(back).change("en").text("en") == "12 items (Jun 2020) → 10 items (Jun 2021)"


def test_the_sparkline_leaves_out_a_time_whose_reports_disagree() -> None:
    records = [
        report("a", 100, as_of="2022-01"),
        report("b", 120, period="2023", as_of="2024-01"),
        report("c", 130, period="2023", as_of="2024-02", source_id="s2"),
    ]
    assert trends.read_history(records).spark == (100.0,)


def test_an_older_conflict_does_not_hold_back_the_latest_report() -> None:
    # 5 and 6 for 2020 disagree (reported a month apart); 10 for 2022 disagrees with neither. The card shows the
    # latest report alone, no conflict (the quality page lists the old one), and no change from a disputed point.
    records = [
        report("a", 5, period="2020", as_of="2021-01"),
        report("b", 6, period="2020", as_of="2021-02", source_id="s2"),
        report("c", 10, period="2022", as_of="2023-01"),
    ]
    history = trends.read_history(records)
    assert ids(history.conflicting) == []
    assert ids(history.latest) == ["c"]
    assert history.earlier is None and history.change("zh") is None
    # A settled report after an undisputed earlier one is a change from that one.
    history = trends.read_history([report("z", 4, period="2019", as_of="2020-01"), *records])
    assert ids(history.conflicting) == [] and history.earlier["figure_id"] == "z"


def test_no_reports_make_an_empty_history() -> None:
    history = trends.read_history([])
    assert history.records == () and history.latest == () and history.earlier is None
    assert history.change("zh") is None and history.spark == ()


# --- staleness -----------------------------------------------------------------------------------------------------


# (as_of, today, zh, en): a figure is stale when its as-of's last day is more than 365 days before today.
STALE = {
    "365-days": ("2024-12", date(2025, 12, 31), None, None),  # 365 days after 2024-12-31: not over a year
    "366-days": ("2024-12", date(2026, 1, 1), "数据截至2024年12月，已逾一年", "Data as of Dec 2024, over a year old"),
    "under-two-years": (
        "2024-12",
        date(2026, 12, 30),
        "数据截至2024年12月，已逾一年",
        "Data as of Dec 2024, over a year old",
    ),
    # exactly two years after 2024-12-31 is not yet over two years (as 365 days is not over one)
    "exactly-two-years": (
        "2024-12",
        date(2026, 12, 31),
        "数据截至2024年12月，已逾一年",
        "Data as of Dec 2024, over a year old",
    ),
    "over-two-years": (
        "2024-12",
        date(2027, 1, 1),
        "数据截至2024年12月，已逾2年",
        "Data as of Dec 2024, over 2 years old",
    ),
    # a day short of four years (2028 has a 29 February): over three years, not four
    "a-day-short-of-four-years": (
        "2024-12",
        date(2028, 12, 30),
        "数据截至2024年12月，已逾3年",
        "Data as of Dec 2024, over 3 years old",
    ),
    "over-five-years": (
        "2024-12",
        date(2030, 6, 1),
        "数据截至2024年12月，已逾5年",
        "Data as of Dec 2024, over 5 years old",
    ),
    "day-365-days": ("2024-12-07", date(2025, 12, 7), None, None),
    "day-366-days": (
        "2024-12-07",
        date(2025, 12, 8),
        "数据截至2024年12月7日，已逾一年",
        "Data as of 7 Dec 2024, over a year old",
    ),
    "year-365-days": ("2024", date(2025, 12, 31), None, None),  # a year's as-of ends on its 31 December
    "year-366-days": ("2024", date(2026, 1, 1), "数据截至2024年，已逾一年", "Data as of 2024, over a year old"),
    "recent": ("2025-08", date(2026, 3, 1), None, None),
    "no-as-of": ("", date(2026, 3, 1), None, None),
}


@pytest.mark.parametrize(("as_of", "today", "zh", "en"), STALE.values(), ids=STALE.keys())
def test_a_figure_over_a_year_old_says_so(as_of: str, today: date, zh: str | None, en: str | None) -> None:
    assert trends.stale_note(as_of, today, "zh") == zh
    assert trends.stale_note(as_of, today, "en") == en


# --- one indicator's reports in every place ------------------------------------------------------------------------


def test_indicator_rows_in_time_order_then_by_place() -> None:
    # figures.csv: Baotou 587 and Hohhot 561 (both as of 2024-12), then Hohhot 1412 (2025-02).
    rows = trends.indicator_rows(joined(), "four_city_service_items")
    assert list(rows["figure_id"]) == ["baotou-service-items", "hohhot-service-items-a", "hohhot-service-items-b"]
    assert list(rows["when"]) == ["2024-12", "2024-12", "2025-02"]
    assert list(rows.index) == [0, 1, 2]
    pairs = trends.indicator_rows(joined(), "hohhot_bureau_local_train_pairs")
    assert list(pairs["when"]) == ["2016-05", "2016-05-15"]
    assert list(pairs["value"]) == [56.0, 60.0]


def test_indicator_rows_of_an_unreported_indicator_are_empty_with_a_when_column() -> None:
    rows = trends.indicator_rows(joined(), "no_such_indicator")
    assert rows.empty and "when" in rows.columns


def test_conflict_flags_mark_the_reports_that_disagree_within_their_place() -> None:
    rows = trends.indicator_rows(joined(), "four_city_service_items")
    assert trends.conflict_flags(rows) == [False, True, True]  # Baotou's 587 disagrees with nothing
    # Two places with different values at one time are a comparison, not a conflict.
    other = frame(report("h", 561), report("b", 1412, city="baotou"), report("o", 9, city="ordos", as_of="2025-01"))
    assert trends.conflict_flags(trends.indicator_rows(other, "items")) == [False, False, False]
    mixed = frame(report("h1", 561), report("b", 1412, city="baotou"), report("h2", 600, as_of="2025-02"))
    assert trends.conflict_flags(trends.indicator_rows(mixed, "items")) == [False, True, True]


# --- the four cities side by side ----------------------------------------------------------------------------------


def test_city_slots_are_always_the_four_cities_in_order() -> None:
    slots = trends.city_slots(joined(), "four_city_service_items")
    assert [s.city for s in slots] == ["hohhot", "baotou", "ordos", "ulanqab"]
    hohhot, baotou, ordos, ulanqab = slots
    assert ids(hohhot.reports) == ["hohhot-service-items-a", "hohhot-service-items-b"] and hohhot.conflict
    assert ids(baotou.reports) == ["baotou-service-items"] and not baotou.conflict
    assert ordos.reports == () and not ordos.conflict
    assert ulanqab.reports == () and not ulanqab.conflict


def test_city_slots_append_the_region_only_when_it_is_reported() -> None:
    with_region = frame(report("o", 7, city="ordos"), report("r", 30, city="region"))
    slots = trends.city_slots(with_region, "items")
    assert [s.city for s in slots] == ["hohhot", "baotou", "ordos", "ulanqab", "region"]
    assert [ids(s.reports) for s in slots] == [[], [], ["o"], [], ["r"]]
    # A cell of several cities is not one city's slot, nor the region's.
    emu = trends.city_slots(joined(), "jining_baotou_emu_minutes")
    assert [s.city for s in emu] == ["hohhot", "baotou", "ordos", "ulanqab"]
    assert all(s.reports == () for s in emu)


def test_a_slot_holds_its_place_s_latest_report_after_a_change() -> None:
    figures = frame(report("old", 400, city="baotou", as_of="2023-06"), report("new", 587, city="baotou"))
    baotou = trends.city_slots(figures, "items")[1]
    assert ids(baotou.reports) == ["new"] and not baotou.conflict


def test_points_in_time_count_distinct_times_in_any_place() -> None:
    figures = frame(
        report("a", 1, city="hohhot", as_of="2024-12"),
        report("b", 2, city="baotou", as_of="2024-12"),
        report("c", 3, city="hohhot", as_of="2025-02"),
        report("d", 56, indicator_id="pairs", city="region", as_of="2016-05"),
        report("e", 60, indicator_id="pairs", city="region", period="2016-05-15", as_of="2016-05"),
    )
    assert trends.points_in_time(figures) == {"items": 2, "pairs": 2}
    real = trends.points_in_time(joined())
    assert real["beijing_north_terminating_trains"] == 2  # 2020-12 and 2021-01-20
    assert real["four_city_service_items"] == 2  # 2024-12 and 2025-02
    assert real["daily_trains_from_hohhot"] == 1


def test_the_default_indicator_has_the_most_times_then_the_most_cities_then_the_first_id() -> None:
    most_times = frame(
        report("a", 1, indicator_id="zeta", as_of="2023-01"),
        report("b", 2, indicator_id="zeta", as_of="2024-01"),
        report("c", 3, indicator_id="alpha", city="baotou"),
        report("d", 4, indicator_id="alpha", city="ordos"),
    )
    assert trends.default_indicator(most_times) == "zeta"
    most_cities = frame(
        report("a", 1, indicator_id="zeta", as_of="2023-01"),
        report("b", 2, indicator_id="zeta", as_of="2024-01"),
        report("c", 3, indicator_id="mid", city="baotou", as_of="2023-01"),
        report("d", 4, indicator_id="mid", city="ordos", as_of="2024-01"),
    )
    assert trends.default_indicator(most_cities) == "mid"
    tie = frame(report("a", 1, indicator_id="zeta"), report("b", 2, indicator_id="beta"))
    assert trends.default_indicator(tie) == "beta"
    assert trends.default_indicator(frame(report("a", 1)).iloc[:0]) is None


def test_the_trend_page_opens_on_the_four_city_service_items() -> None:
    # figures.csv: several indicators stand at two times; only the four-city items are reported for two cities.
    assert trends.default_indicator(joined()) == "four_city_service_items"


def test_place_cards_are_the_four_cities_in_order_then_the_other_places() -> None:
    figures = frame(
        report("a", 1, city="region"),
        report("b", 2, city="ulanqab"),
        report("c", 3, city="hohhot;baotou"),
        report("d", 4, city="hohhot"),
        report("e", 5, city="hohhot", as_of="2025-02"),
        report("f", 6, indicator_id="other", city="baotou"),
    )
    assert trends.place_cards(figures, "items") == [
        ("items", "hohhot"),
        ("items", "ulanqab"),
        ("items", "hohhot;baotou"),
        ("items", "region"),
    ]
    assert trends.place_cards(joined(), "four_city_service_items") == [
        ("four_city_service_items", "hohhot"),
        ("four_city_service_items", "baotou"),
    ]
    assert trends.place_cards(joined(), "no_such_indicator") == []


# --- the KPI cards say what changed (views/cards), on the real series ----------------------------------------------

# The series of figures.csv, each two reports of one article: (card, value, change, spark, direction, stale, outlets).
SERIES = {
    "emu-zh": (
        ("jining_baotou_emu_minutes", "hohhot;baotou;ulanqab"),
        "zh",
        "134分钟",
        "144分钟（2015年1月8日）→ 134分钟（2016年1月24日）",
        (144.0, 134.0),
        -1,
        "数据截至2016年1月，已逾10年",
        "来源：新华网",
    ),
    "emu-en": (
        ("jining_baotou_emu_minutes", "hohhot;baotou;ulanqab"),
        "en",
        "134 minutes",
        "144 minutes (8 Jan 2015) → 134 minutes (24 Jan 2016)",
        (144.0, 134.0),
        -1,
        "Data as of Jan 2016, over 10 years old",
        "Source: Xinhuanet",
    ),
    "pairs-zh": (
        ("hohhot_bureau_local_train_pairs", "region"),
        "zh",
        "60对",
        "56对（2016年5月）→ 60对（2016年5月15日）",
        (56.0, 60.0),
        1,
        "数据截至2016年5月，已逾9年",
        "来源：铁路网",
    ),
    "pairs-en": (
        ("hohhot_bureau_local_train_pairs", "region"),
        "en",
        "60 pairs",
        "56 pairs (May 2016) → 60 pairs (15 May 2016)",
        (56.0, 60.0),
        1,
        "Data as of May 2016, over 9 years old",
        "Source: Tielu.cn (railway news)",
    ),
    "beijing-north-zh": (
        ("beijing_north_terminating_trains", "region"),
        "zh",
        "10趟",
        "8趟（2020年12月）→ 10趟（2021年1月20日）",
        (8.0, 10.0),
        1,
        "数据截至2020年12月，已逾5年",
        "来源：正北方网",
    ),
    "beijing-north-en": (
        ("beijing_north_terminating_trains", "region"),
        "en",
        "10 trains",
        "8 trains (Dec 2020) → 10 trains (20 Jan 2021)",
        (8.0, 10.0),
        1,
        "Data as of Dec 2020, over 5 years old",
        "Source: Northnews (northnews.cn)",
    ),
}


@pytest.mark.parametrize(
    ("request_", "lang", "value", "change", "spark", "direction", "stale", "outlets"),
    SERIES.values(),
    ids=SERIES.keys(),
)
def test_a_card_of_a_series_says_what_changed_from_when_to_when(
    request_: tuple[str, str],
    lang: str,
    value: str,
    change: str,
    spark: tuple[float, ...],
    direction: int,
    stale: str,
    outlets: str,
) -> None:
    (kpi,) = cards.build_kpis(joined(), [request_], Filters(lang=lang), TODAY)
    assert kpi.value == value
    assert kpi.change == change
    assert kpi.spark == spark
    assert kpi.direction == direction
    assert kpi.stale == stale
    assert kpi.outlets == outlets
    assert kpi.conflict is None and kpi.agree is None  # two reports, two values: a change, not agreement
    assert kpi.city_id == request_[1] and kpi.sector == "transport"


def test_a_card_of_the_beijing_north_trains_carries_its_change_size_and_both_reports() -> None:
    (kpi,) = cards.build_kpis(joined(), [("beijing_north_terminating_trains", "region")], Filters(lang="zh"), TODAY)
    assert kpi.change_size == pytest.approx(0.25)  # 8 → 10
    assert kpi.figure_ids == ("northnews-202012-beijing-north-before", "northnews-202012-beijing-north-after")
    assert kpi.period == "2021年1月20日"
    assert kpi.as_of == "截至 2020年12月"


def test_a_card_whose_reports_disagree_shows_both_and_no_change() -> None:
    # Hohhot's four-city items: 561 (as of 2024-12) and 1412 (2025-02) disagree; the latest as-of ends 2025-02-28.
    zh, en = (
        cards.build_kpis(joined(), [("four_city_service_items", "hohhot")], Filters(lang=lang), TODAY)[0]
        for lang in ("zh", "en")
    )
    assert zh.value == "561 / 1412项" and en.value == "561 / 1,412 items"
    assert zh.conflict == "⚠ 来源不一致：561（第八届市长联席会议专访 · 2024-12）；1412（青橙融媒 · 2025-02-01）"
    assert (zh.change, zh.spark, zh.direction, zh.change_size) == (None, (), 0, 0.0)
    assert (en.change, en.spark, en.direction) == (None, (), 0)
    assert zh.stale == "数据截至2025年2月，已逾一年"
    assert en.stale == "Data as of Feb 2025, over a year old"
    assert zh.outlets == "来源：第八届市长联席会议专访、青橙融媒"
    assert en.outlets == "Sources: 8th Mayors' Meeting interviews, Qingcheng Media"


def test_a_card_within_a_year_of_today_is_not_stale() -> None:
    (kpi,) = cards.build_kpis(joined(), [("four_city_service_items", "hohhot")], Filters(lang="zh"), date(2025, 6, 1))
    assert kpi.stale is None


def test_a_card_counts_the_reports_agreeing_since_the_change() -> None:
    records = [report("a", 10, as_of="2019-06"), report("b", 12, as_of="2020-06"), report("c", 12, as_of="2021-06")]
    kpi = cards.make_kpi(records, "hohhot", "zh", date(2021, 7, 1))
    assert kpi.value == "12项"
    assert kpi.change == "10项（2019年6月）→ 12项（2021年6月）"
    assert kpi.agree == "2 条报告一致"
    assert kpi.spark == (10.0, 12.0, 12.0)
    assert kpi.direction == 1 and kpi.change_size == pytest.approx(0.2)
    assert kpi.stale is None
    assert kpi.outlets == "来源：s1日报"
    assert kpi.figure_ids == ("a", "b", "c")


def test_a_card_of_a_fall_points_down() -> None:
    records = [report("a", 12, as_of="2019-06"), report("b", 9, as_of="2020-06")]
    kpi = cards.make_kpi(records, "hohhot", "en", date(2020, 7, 1))
    assert kpi.change == "12 items (Jun 2019) → 9 items (Jun 2020)"
    assert kpi.direction == -1 and kpi.change_size == pytest.approx(0.25)
