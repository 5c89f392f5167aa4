"""The headline band (views/headline): what changed most, the newest report, the open conflicts and the latest
meeting, each cited, from the real data of data/ in zh and en, under filters, and the rows each links to."""

from functools import cache

import pandas as pd
import pytest

from hbeu_dash.documents.briefing.build import load_scope
from hbeu_dash.model import checks
from hbeu_dash.paths import DATA_DIR
from hbeu_dash.views import headline
from hbeu_dash.views.citations import CitationRequest
from hbeu_dash.views.filters import Filters
from hbeu_dash.views.scope import Scope
from tests.real_data import tables
from tests.test_views_trends import frame, report


@cache
def scope(lang: str, cities: tuple[str, ...] | None = None, sectors: tuple[str, ...] | None = None) -> Scope:
    """data/ under the filters (read once per set of filters)."""
    chosen = {"cities": cities} if cities is not None else {}
    chosen |= {"sectors": sectors} if sectors is not None else {}
    return load_scope(DATA_DIR, Filters(lang=lang, **chosen))


def figure_refs(*ids: str) -> tuple:
    """The citation refs of figures.csv rows, by id."""
    return tuple(("figures", (i,)) for i in ids)


# The 8th mayors' meeting (events.csv: 2024-12-07, reported by three sources) and the two agreements of its day.
MEETING_REFS = (
    ("events", ("mayors-meeting-8", "meeting8-interviews")),
    ("events", ("mayors-meeting-8", "0471tv-2025-02-01")),
    ("events", ("mayors-meeting-8", "people-20241207")),
    ("events", ("meeting8-gov-agreements", "0471tv-2025-02-01")),
    ("events", ("meeting8-dept-agreements", "0471tv-2025-02-01")),
)
BEIJING_NORTH = figure_refs("northnews-202012-beijing-north-before", "northnews-202012-beijing-north-after")
NEWEST = figure_refs("northnews-20250807-uniform-items")
HOHHOT_ITEMS = figure_refs("hohhot-service-items-a", "hohhot-service-items-b")

# What figures.csv and events.csv say, written out: Beijing North's trains 8 → 10 is the largest change (25%; the
# local train pairs 56 → 60 and the EMU's 144 → 134 minutes are about 7%); the newest as-of is 2025-08, four figures of
# one Inner Mongolia Daily article, the joint list's 547 items named; Hohhot's 561 / 1412 items is the one conflict.
EXPECTED = {
    "zh": [
        (
            "change",
            "变化最大",
            "终到北京北站的内蒙古列车数（四市）：8趟（2020年12月）→ 10趟（2021年1月20日）",
            "来源：正北方网 · 2020-12",
        ),
        (
            "newest",
            "最新报告",
            "截至2025年8月：四地联合公布“无差别受理、同标准办理”政务服务事项（四市）547项，另有3项同期数字",
            "来源：内蒙古日报 · 2025-08-07",
        ),
        (
            "conflicts",
            "待核冲突",
            "1处来源不一致，待核：“四城通办”事项数（呼和浩特）",
            "来源：第八届市长联席会议专访 · 2024-12、青橙融媒 · 2025-02-01",
        ),
        (
            "meeting",
            "最近一次会议",
            "第八届呼包鄂乌一体化发展市长联席会议(呼和浩特)（2024年12月7日）："
            "四市政府签署交通、能源互济、物流业降本增效、黄河流域联防联控4项合作协议；"
            "四市相关部门围绕生态、教育、科技、文旅、智慧城市等领域签署10项协议",
            "来源：人民网-内蒙古频道 · 2024-12-07、第八届市长联席会议专访 · 2024-12、青橙融媒 · 2025-02-01",
        ),
    ],
    "en": [
        (
            "change",
            "Biggest change",
            "Inner Mongolia trains terminating at Beijing North (Four cities): 8 trains (Dec 2020) → 10 trains "
            "(20 Jan 2021)",
            "Source: Northnews (northnews.cn) · 2020-12",
        ),
        (
            "newest",
            "Newest report",
            "As of Aug 2025: Service items handled alike in all four cities (joint list) (Four cities) 547 items; "
            "3 more figures of that date",
            "Source: Inner Mongolia Daily · 2025-08-07",
        ),
        (
            "conflicts",
            "Open conflicts",
            "Disagreements between sources still open: 1 — Four-city service items (Hohhot)",
            "Sources: 8th Mayors' Meeting interviews · 2024-12, Qingcheng Media · 2025-02-01",
        ),
        (
            "meeting",
            "Latest meeting",
            "8th Mayors' Joint Meeting on Hohhot–Baotou–Ordos–Ulanqab Integration (Hohhot) (7 Dec 2024): "
            "City governments sign 4 agreements: transport, energy mutual aid, logistics costs, Yellow River joint "
            "prevention; City departments sign 10 agreements (ecology, education, S&T, culture & tourism, smart city, "
            "...)",
            "Sources: 8th Mayors' Meeting interviews · 2024-12, People's Daily Online, Inner Mongolia · 2024-12-07, "
            "Qingcheng Media · 2025-02-01",
        ),
    ],
}
NO_CONFLICTS = {"zh": "各来源之间没有不一致", "en": "No disagreement between sources"}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_headline_of_all_the_data(lang: str) -> None:
    statements = headline.build_headline(scope(lang))
    assert [(s.kind, s.label, s.text, s.sources) for s in statements] == EXPECTED[lang]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_statement_links_to_the_rows_it_stands_on_and_the_page_that_tells_more(lang: str) -> None:
    change, newest, conflicts, meeting = headline.build_headline(scope(lang))
    assert change.request.refs == BEIJING_NORTH
    assert (change.indicator_id, change.page) == ("beijing_north_terminating_trains", "")
    assert newest.request.refs == NEWEST
    assert (newest.indicator_id, newest.page) == ("four_city_uniform_items", "")
    assert conflicts.request.refs == HOHHOT_ITEMS
    assert (conflicts.indicator_id, conflicts.page) == ("", "quality")
    assert meeting.request.refs == MEETING_REFS
    assert (meeting.indicator_id, meeting.page) == ("", "")


def test_the_band_s_request_is_every_row_once_in_reading_order() -> None:
    merged = headline.merged_request(headline.build_headline(scope("zh")))
    assert merged.refs == BEIJING_NORTH + NEWEST + HOHHOT_ITEMS + MEETING_REFS
    assert merged.params()["fig"] == (
        "northnews-202012-beijing-north-before,northnews-202012-beijing-north-after,northnews-20250807-uniform-items,"
        "hohhot-service-items-a,hohhot-service-items-b"
    )


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_only_ordos_keeps_what_concerns_ordos_and_has_no_conflict(lang: str) -> None:
    # Region figures and the region's meeting concern Ordos too; Hohhot's conflicting items are filtered out.
    statements = headline.build_headline(scope(lang, ("ordos",)))
    change, newest, conflicts, meeting = EXPECTED[lang]
    assert [(s.kind, s.label, s.text, s.sources) for s in statements] == [
        change,
        newest,
        ("conflicts", conflicts[1], NO_CONFLICTS[lang], ""),
        meeting,
    ]
    assert statements[2].request == CitationRequest() and not statements[2].request
    assert statements[2].page == ""


def test_only_ordos_government_services_has_no_change_to_tell() -> None:
    # Ordos and the region in government services: the service batches (5 and 5 agree), the joint list (one date).
    statements = headline.build_headline(scope("zh", ("ordos",), ("government_services",)))
    assert [s.kind for s in statements] == ["newest", "conflicts", "meeting"]
    assert statements[0].text == EXPECTED["zh"][1][2]
    assert statements[1].text == NO_CONFLICTS["zh"]


def test_nothing_selected_says_nothing() -> None:
    assert headline.build_headline(scope("en", ())) == ()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_conflicts_say_so_and_link_nothing(lang: str) -> None:
    empty = checks.find_conflicts(scope(lang).selected.iloc[:0])
    statement = headline.open_conflicts(empty, lang)
    assert statement.text == NO_CONFLICTS[lang]
    assert statement.label == {"zh": "待核冲突", "en": "Open conflicts"}[lang]
    assert (statement.sources, statement.page, statement.request) == ("", "", CitationRequest())
    assert headline.open_conflicts(pd.DataFrame(), lang).text == NO_CONFLICTS[lang]


def test_the_biggest_change_is_the_largest_relative_one() -> None:
    figures = frame(
        report("big-a", 1000, as_of="2020-06"),
        report("big-b", 1100, as_of="2021-06"),  # +100, 10%
        report("small-a", 8, city="baotou", as_of="2020-06"),
        report("small-b", 10, city="baotou", as_of="2021-06"),  # +2, 25%
        report("same-a", 3, city="ordos", as_of="2020-06"),
        report("same-b", 3, city="ordos", as_of="2021-06"),
    )
    statement = headline.biggest_change(figures, "en")
    assert statement.text == "Service items (Baotou): 8 items (Jun 2020) → 10 items (Jun 2021)"
    assert statement.request.refs == figure_refs("small-a", "small-b")
    assert statement.sources == "Source: s1 Daily · 2025-01-01"
    assert statement.indicator_id == "items"


def test_a_conflict_is_no_change_for_the_headline() -> None:
    conflicting = frame(report("a", 561, as_of="2024-12"), report("b", 1412, as_of="2025-02", source_id="s2"))
    assert headline.biggest_change(conflicting, "zh") is None


def test_the_newest_report_alone_at_its_date_has_nothing_more() -> None:
    figures = frame(report("old", 5, as_of="2025-01"), report("new", 7, city="baotou", as_of="2025-03"))
    statement = headline.newest_report(figures, "zh")
    assert statement.text == "截至2025年3月：事项数（包头）7项"
    assert statement.request.refs == figure_refs("new")
    assert statement.sources == "来源：s1日报 · 2025-01-01"


def test_a_meeting_without_agreements_that_day_says_so() -> None:
    events = tables()["events"]
    unsigned = events[events["kind"] != "agreement"]
    statement = headline.latest_meeting(unsigned, tables()["sources"], ("hohhot",), "zh")
    assert statement.text == (
        "第八届呼包鄂乌一体化发展市长联席会议(呼和浩特)（2024年12月7日）：数据中没有当日签署的协议"
    )
    assert statement.request.refs == MEETING_REFS[:3]
