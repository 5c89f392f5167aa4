"""The timeline and its event cards: dates per locale, quoted reports cited by name, notes in the reader's
language, linked figures."""

import pandas as pd

from hbeu_dash import schema
from hbeu_dash.views import events
from tests.real_data import joined, tables


def cards(lang: str, cities: tuple[str, ...] = schema.CITY_IDS) -> dict[str, events.EventCard]:
    t = tables()
    timeline = events.build_timeline(t["events"], t["sources"], cities)
    return {c.event_id: c for c in events.build_event_cards(timeline, t["events"], t["sources"], joined(), lang)}


def test_meeting_card_heading_sources_and_signed_figures() -> None:
    card = cards("zh")["mayors-meeting-8"]
    assert card.heading.startswith("2024年12月7日 · 第八届呼包鄂乌一体化发展市长联席会议")
    assert card.meta.endswith("来源: 第八届市长联席会议专访 · 2024-12; 青橙融媒 · 2025-02-01")
    assert {r.source for r in card.reports} == {"第八届市长联席会议专访 · 2024-12", "青橙融媒 · 2025-02-01"}
    signed = {f.name: f.value for f in cards("en")["mayors-meeting-8"].figures}
    assert signed["Agreements signed by the four city governments"] == "4 agreements"
    assert signed["Agreements signed by city departments"] == "10 agreements"


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
        == "8th Mayors' Meeting interviews · 2024-12; Qingcheng Media · 2025-02-01"
    )
    assert pd.isna(timeline.loc["ordos-task-plan", "sort_date"])
