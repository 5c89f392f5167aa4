"""The timeline and its event cards: dates per locale, quoted reports cited by name, notes in the reader's
language, linked figures."""

import pandas as pd

from hbeu_dash.model import schema
from hbeu_dash.views import events
from tests.real_data import joined, tables


def cards(lang: str, cities: tuple[str, ...] = schema.CITY_IDS) -> dict[str, events.EventCard]:
    t = tables()
    timeline = events.build_timeline(t["events"], t["sources"], cities)
    return {c.event_id: c for c in events.build_event_cards(timeline, t["events"], t["sources"], joined(), lang)}


def test_meeting_card_heading_sources_and_signed_figures() -> None:
    # data/events.csv: three reports of the 8th meeting (meeting interviews, Qingcheng Media, People's Daily Online),
    # cited in the meta line in citation order and each quoted on the card.
    card = cards("zh")["mayors-meeting-8"]
    assert card.heading.startswith("2024年12月7日 · 第八届呼包鄂乌一体化发展市长联席会议")
    assert card.meta.endswith(
        "来源：人民网-内蒙古频道 · 2024-12-07；第八届市长联席会议专访 · 2024-12；青橙融媒 · 2025-02-01"
    )
    assert sorted(r.source for r in card.reports) == [
        "人民网-内蒙古频道 · 2024-12-07",
        "第八届市长联席会议专访 · 2024-12",
        "青橙融媒 · 2025-02-01",
    ]
    # data/figures.csv links 10 figures of 6 indicators to it: the card shows each indicator once (the agreements,
    # 4 and 10, are reported by Qingcheng Media and People's Daily Online alike; the shares by the latter only).
    signed = {f.name: (f.value, f.source) for f in cards("en")["mayors-meeting-8"].figures}
    people = "People's Daily Online, Inner Mongolia · 2024-12-07"
    assert len(signed) == 6
    assert signed["Agreements signed by the four city governments"][0] == "4 agreements"
    assert signed["Agreements signed by city departments"][0] == "10 agreements"
    assert signed["Four cities' share of the region's land area"][1] == people
    assert signed["Four cities' share of the region's population"][1] == people
    assert signed["Four cities' share of the region's economy"][1] == people


def test_notes_follow_the_language() -> None:
    # hb-services-agreement is dated from '去年年底' in a December 2024 article: its note explains it.
    zh = cards("zh")["hb-services-agreement"].reports[0]
    en = cards("en")["hb-services-agreement"].reports[0]
    assert zh.note.startswith("“去年年底”出自2024年12月的文章")
    assert not any("a" <= ch.lower() <= "z" for ch in zh.note)  # no English on a zh page
    assert en.note.startswith("'去年年底' (end of last year) in an article of December 2024")


def test_english_quotes_carry_their_translation() -> None:
    report = cards("en")["plan-14th-fyp"].reports[0]
    assert report.quote.startswith("“2021年10月,内蒙古自治区印发")
    assert report.quote.endswith(
        "” (In October 2021, Inner Mongolia Autonomous Region issued the Hohhot–Baotou–"
        "Ordos–Ulanqab 14th Five-Year Integrated Development Plan)"
    )
    assert report.source == "Qingcheng Media · 2025-02-01"


def test_city_filter_keeps_region_events() -> None:
    shown = cards("en", ("ordos",))
    assert "ordos-task-plan" in shown and "plan-14th-fyp" in shown  # Ordos' own and the region's
    assert "hb-integration-agreement" not in shown  # Hohhot–Baotou only


def test_timeline_lists_citations_per_event() -> None:
    t = tables()
    timeline = events.build_timeline(t["events"], t["sources"], schema.CITY_IDS).set_index("event_id")
    assert (
        timeline.loc["mayors-meeting-8", "sources_en"]
        == "8th Mayors' Meeting interviews · 2024-12; People's Daily Online, Inner Mongolia · 2024-12-07; "
        "Qingcheng Media · 2025-02-01"
    )
    assert pd.isna(timeline.loc["ordos-task-plan", "sort_date"])
