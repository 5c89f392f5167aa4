"""The cooperation timeline: one row per event, and an event card with its quoted reports and linked figures."""

from dataclasses import dataclass, field

import pandas as pd

from hbeu_dash.i18n import Quoted, city_label, col, format_date, format_value, join, label, quote_evidence, t
from hbeu_dash.model import transforms
from hbeu_dash.views.citations import CitationRequest, request_of


@dataclass(frozen=True)
class Report:
    """One source's words about an event, cited by name, with the note explaining how it was read."""

    quote: Quoted  # plain text; on an English page with the rendering beside it, or the mark that it is pending
    source: str
    note: str


@dataclass(frozen=True)
class LinkedFigure:
    """A figure signed or announced at an event (e.g. 4 agreements at the 8th mayors' meeting)."""

    name: str
    value: str
    quote: Quoted
    source: str


@dataclass(frozen=True)
class EventCard:
    """What one event card shows: plain text, escaped by each renderer."""

    event_id: str
    heading: str  # '2024年12月7日 · 第八届…市长联席会议'
    meta: str  # kind · cities · sources
    reports: tuple[Report, ...]
    figures: tuple[LinkedFigure, ...]
    request: CitationRequest = field(default_factory=CitationRequest)  # the rows behind it, for the paragraph link


def build_timeline(events: pd.DataFrame, sources: pd.DataFrame, cities: tuple[str, ...]) -> pd.DataFrame:
    """One row per event touching the selected cities, with the citations of every source reporting it."""
    cited = transforms.add_citations(events, sources)
    return transforms.timeline_events(transforms.filter_by_cities(cited, cities))


def build_event_cards(
    timeline: pd.DataFrame, events: pd.DataFrame, sources: pd.DataFrame, figures: pd.DataFrame | None, lang: str
) -> list[EventCard]:
    """Each event of the timeline in date order: heading, meta line, quoted reports with notes, linked figures."""
    cite = col("cite", lang)
    reports_by_event: dict[str, list[dict]] = {}
    for record in transforms.add_citations(events, sources).to_dict("records"):
        reports_by_event.setdefault(record["event_id"], []).append(record)
    cards = []
    for event in timeline.to_dict("records"):
        meta = [
            label("event_kind", event["kind"], lang),
            city_label(event["cities"], lang),
            t(
                "labelled",
                lang,
                label=t("sources", lang),
                value=join(event[col("sources", lang)].split(transforms.SOURCES_SEP), lang, "clause_sep"),
            ),
        ]
        reports = tuple(
            Report(quote_evidence(r["evidence"], r["evidence_en"], lang), r[cite], r[col("note", lang)])
            for r in reports_by_event.get(event["event_id"], [])
        )
        linked: tuple[LinkedFigure, ...] = ()
        if figures is not None:
            rows = transforms.figures_of_event(figures, event["event_id"]).drop_duplicates("indicator_id")
            linked = tuple(
                LinkedFigure(
                    name=f[col("indicator", lang)],
                    value=format_value(f["value"], f["unit_zh"], f["unit_en"], lang),
                    quote=quote_evidence(f["evidence"], f["evidence_en"], lang),
                    source=f[cite],
                )
                for f in rows.to_dict("records")
            )
        heading = f"{format_date(event['date'], lang)} · {event[col('title', lang)]}"
        refs = [("events", (event["event_id"], r["source_id"])) for r in reports_by_event.get(event["event_id"], [])]
        if figures is not None:
            refs += [("figures", (f,)) for f in transforms.figures_of_event(figures, event["event_id"])["figure_id"]]
        cards.append(EventCard(event["event_id"], heading, " · ".join(meta), reports, linked, request_of(refs)))
    return cards
