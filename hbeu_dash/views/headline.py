"""The headline band: three or four statements generated from the data, each cited, that answer in ten seconds what
changed, what is newest, what is in dispute and what was signed at the latest meeting (the overview, the first slide
and the briefing's summary read the same statements)."""

from dataclasses import dataclass

import pandas as pd

from hbeu_dash.i18n import city_label, col, format_date, format_value, join, t
from hbeu_dash.model import transforms
from hbeu_dash.views import trends
from hbeu_dash.views.citations import CitationRequest, figures_request, merge_requests, request_of
from hbeu_dash.views.scope import Scope

MEETING_KIND = "meeting"
AGREEMENT_KIND = "agreement"


@dataclass(frozen=True)
class Statement:
    """One headline: what kind it is (its label), the sentence, its citation and the rows it stands on."""

    kind: str  # 'change', 'newest', 'conflicts', 'meeting'
    label: str  # '变化最大' / 'Biggest change'
    text: str
    sources: str  # '来源:新华网 · 2016-01-22' / 'Source: …'
    request: CitationRequest  # the rows whose paragraphs its link opens
    page: str = ""  # the page that tells more ('quality' for the conflicts), '' for the evidence only
    indicator_id: str = ""  # the indicator whose trend page tells more (the change, the newest report)


def _cited(records: list[dict], lang: str) -> str:
    names = sorted({r[col("cite", lang)] for r in records})
    return t("labelled", lang, label=t("source" if len(names) == 1 else "sources", lang), value=join(names, lang))


def biggest_change(selected: pd.DataFrame, lang: str) -> Statement | None:
    """The indicator and place whose value changed most (relative to its earlier point), with both points."""
    best: tuple[float, trends.Change, list[dict]] | None = None
    groups: dict[tuple[str, str], list[dict]] = {}
    for record in selected.to_dict("records"):
        groups.setdefault((str(record["indicator_id"]), str(record["city"])), []).append(record)
    for _key, records in sorted(groups.items()):
        if len(records) < 2:
            continue
        history = trends.read_history(records)
        change = history.change(lang)
        if change is not None and (best is None or change.relative > best[0]):
            best = (change.relative, change, [r for r in records if str(r["figure_id"]) in change.figure_ids])
    if best is None:
        return None
    _size, change, rows = best
    first = rows[0]
    text = t(
        "headline_change",
        lang,
        name=first[col("indicator", lang)],
        city=city_label(str(first["city"]), lang),
        change=change.text(lang),
    )
    request = figures_request(change.figure_ids)
    label = t("headline_change_label", lang)
    return Statement("change", label, text, _cited(rows, lang), request, indicator_id=str(first["indicator_id"]))


def newest_report(selected: pd.DataFrame, lang: str) -> Statement | None:
    """The latest report (by as-of, then the source's publication date): what it says and who says it."""
    if selected.empty:
        return None
    records = selected.to_dict("records")
    latest = max(trends.time_key(r["as_of"]) for r in records)
    newest = [r for r in records if trends.time_key(r["as_of"]) == latest]
    newest.sort(key=lambda r: (str(r.get("published") or ""), str(r["figure_id"])))
    record = newest[-1]
    text = t(
        "headline_newest",
        lang,
        as_of=format_date(record["as_of"], lang),
        name=record[col("indicator", lang)],
        city=city_label(str(record["city"]), lang),
        value=format_value(record["value"], record["unit_zh"], record["unit_en"], lang),
        more=t("headline_newest_more", lang, n=len(newest) - 1) if len(newest) > 1 else "",
    )
    request = figures_request([record["figure_id"]])
    label = t("headline_newest_label", lang)
    return Statement("newest", label, text, _cited([record], lang), request, indicator_id=str(record["indicator_id"]))


def open_conflicts(conflicts: pd.DataFrame, lang: str) -> Statement:
    """How many disagreements among the sources are open, and on what (each shown on the quality page)."""
    if conflicts.empty:
        return Statement(
            "conflicts", t("headline_conflicts_label", lang), t("headline_no_conflicts", lang), "", CitationRequest()
        )
    groups = conflicts.groupby("conflict_id", sort=True)
    names = []
    for _cid, group in groups:
        first = group.iloc[0]
        names.append(
            t("name_in_place", lang, name=first[col("indicator", lang)], city=city_label(str(first["city"]), lang))
        )
    text = t("headline_conflicts", lang, n=len(names), what=join(names, lang))
    records = conflicts.to_dict("records")
    request = figures_request([str(r["figure_id"]) for r in records])
    return Statement("conflicts", t("headline_conflicts_label", lang), text, _cited(records, lang), request, "quality")


def latest_meeting(events: pd.DataFrame, sources: pd.DataFrame, cities: tuple[str, ...], lang: str) -> Statement | None:
    """The latest dated meeting among the selected cities and what was signed there (the agreements of its day)."""
    shown = transforms.filter_by_cities(events, cities)
    meetings = shown[(shown["kind"] == MEETING_KIND) & (shown["date"].astype(str) != "")]
    if meetings.empty:
        return None
    day = max(meetings["date"].astype(str), key=trends.time_key)
    meeting = meetings[meetings["date"].astype(str) == day]
    signed = shown[(shown["kind"] == AGREEMENT_KIND) & (shown["date"].astype(str) == day)]
    title = col("title", lang)
    first = meeting.iloc[0]
    agreements = list(dict.fromkeys(signed[title].astype(str)))
    if agreements:
        text = t(
            "headline_meeting",
            lang,
            meeting=first[title],
            date=format_date(day, lang),
            signed=join(agreements, lang, "clause_sep"),
        )
    else:
        text = t("headline_meeting_nothing", lang, meeting=first[title], date=format_date(day, lang))
    rows = pd.concat([meeting, signed])
    cited = transforms.add_citations(rows, sources)
    request = request_of(("events", (str(e), str(s))) for e, s in zip(rows["event_id"], rows["source_id"], strict=True))
    return Statement(
        "meeting", t("headline_meeting_label", lang), text, _cited(cited.to_dict("records"), lang), request
    )


def build_headline(scope: Scope) -> tuple[Statement, ...]:
    """The statements of the scope that have something to say, in reading order."""
    lang, selected = scope.lang, scope.selected
    found: list[Statement | None] = []
    if selected is not None and not selected.empty:
        found += [biggest_change(selected, lang), newest_report(selected, lang)]
        if scope.conflicts is not None:
            found.append(open_conflicts(scope.conflicts, lang))
    events, sources = scope.table("events"), scope.table("sources")
    if events is not None and sources is not None:
        found.append(latest_meeting(events, sources, scope.filters.cities, lang))
    return tuple(s for s in found if s is not None)


def merged_request(statements: tuple[Statement, ...]) -> CitationRequest:
    """Every row the statements stand on."""
    return merge_requests(*(s.request for s in statements))
