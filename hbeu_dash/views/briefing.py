"""The offline briefing: a title page, a two-page summary (the headline statements, a trend, the four cities side by
side, the targets against their measurements), the key figures, every chart, the map, the tracker, the timeline, the
conflicts, a citation for every figure of the scope and, in its sources appendix, the paragraph of each source's
archived text that holds the figures' fragments.

Built only from the view models the pages and slides use (headline statements, cards, chart specs, target checks,
map view, tracker table, event cards, conflict blocks, citations): nothing is built twice. Plain text and numbers:
the HTML renderer escapes them and marks the fragments.
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

import pandas as pd

from hbeu_dash.graphics.attribution import format_citations
from hbeu_dash.graphics.charts import Chart
from hbeu_dash.i18n import (
    city_label,
    col,
    evidence_pending,
    format_date,
    format_value,
    join,
    label,
    original_columns,
    quote,
    t,
)
from hbeu_dash.model import schema
from hbeu_dash.model.verify import ELLIPSIS, MAX_PARAGRAPH_CONTEXT, TextLookup, paragraph_bounds
from hbeu_dash.views import cards as card_views
from hbeu_dash.views import charts as chart_views
from hbeu_dash.views import events as event_views
from hbeu_dash.views import headline as headline_views
from hbeu_dash.views import projects as project_views
from hbeu_dash.views import slides
from hbeu_dash.views import targets as target_views
from hbeu_dash.views import trends as trend_views
from hbeu_dash.views.blocks import Block, MapView, TextTable
from hbeu_dash.views.cards import Kpi
from hbeu_dash.views.citations import FOUND, NO_TEXT, Citation, make_citation
from hbeu_dash.views.events import EventCard
from hbeu_dash.views.headline import Statement
from hbeu_dash.views.scope import Scope

FILE_STEM = "hbeu-briefing"


@dataclass(frozen=True)
class TitlePage:
    """What the title page says: the app, the scope chosen, the data version and the day it was made."""

    app_title: str
    title: str  # '简报' / 'Briefing'
    scope: str  # '城市:全部;领域:交通、数字'
    version: str  # '数据版本 6a17c53'
    generated: str  # '生成日期:2026年11月26日'
    problems: str | None  # broken data files and what is left out, or None


@dataclass(frozen=True)
class QuotedLine:
    """One line citing a report: what and where ('目标：青橙融媒 · 2025-02-01 (2025年2月): '), then its words quoted
    (with their English rendering on an English briefing), kept apart so a renderer can mark their language."""

    lead: str
    quote: str  # a hbeu_dash.i18n.Quoted, or '' when the line could not be split (the lead then holds it all)

    def __str__(self) -> str:
        return self.lead + self.quote


@dataclass(frozen=True)
class SummaryTarget:
    """One target against its measurements, as the summary shows it: the chart, and the reports it stands on quoted
    one to a line (the target's, then each pair's latest; views/targets.py TargetCheck.citations)."""

    chart: Chart
    evidence: tuple[QuotedLine, ...]


@dataclass(frozen=True)
class BriefingSummary:
    """The briefing's opening, two pages with the contents beside it: the headline statements (each with its source
    line), then the charts that tell them — the trend of the biggest change beside the four cities (as on the
    overview), each target against its measurements — each chart with its source line and summary, its rows cited
    in the citations."""

    heading: str  # '摘要' / 'Summary' (in the contents too)
    statements: tuple[Statement, ...]  # views/headline.py: what changed, what is newest, what is open, what was signed
    comparison: tuple[Chart, ...]  # the trend and the four cities side by side (either left out when it has nothing)
    targets: tuple[SummaryTarget, ...]

    @property
    def charts(self) -> tuple[Chart, ...]:
        """Every chart of the summary, in reading order."""
        return (*self.comparison, *(target.chart for target in self.targets))


@dataclass(frozen=True)
class CitedFigure:
    """One figure with everything needed to cite it: where, how much, when, who said it, where it was written."""

    city: str
    value_text: str  # the number as the source writes it ('58.76万')
    value: str  # the number formatted with its unit ('58.76万件' / '587,600 cases')
    period: str
    as_of: str
    source: str  # the source cited by name ('青橙融媒 · 2025-02-01')
    source_title: str  # its original title (with the English rendering on an English briefing)
    url: str  # '' when the source has no URL
    speaker: str
    evidence: str  # the verbatim fragment
    evidence_en: str  # its English rendering on an English briefing, '' on a Chinese one or while not written
    note: str
    paragraph: int | None = None  # the number of its paragraph in the sources appendix (¶ 12), None when not shown
    paragraph_status: str = ""  # why no paragraph is shown ('… is not archived'), '' when one is
    evidence_pending: str = ""  # 'English evidence pending' on an English briefing whose row has no rendering yet


@dataclass(frozen=True)
class Segment:
    """A run of a paragraph's text: a cited fragment (`marked`) or the text around it."""

    text: str
    marked: bool


@dataclass(frozen=True)
class SourceParagraph:
    """One paragraph of a source's archived text, printed once however many figures quote it."""

    number: int  # ¶ number, running through the appendix; the figures' citations refer to it
    segments: tuple[Segment, ...]  # the paragraph with every fragment cited from it marked (very long ones cut)
    figures: tuple[str, ...]  # the figures quoting it ('呼和浩特 · 四城通办事项 · 561项'), in citation order

    @property
    def anchor(self) -> str:
        """The paragraph's id in the page ('para-12'): the figures' citations link to it."""
        return f"para-{self.number}"


@dataclass(frozen=True)
class SourceText:
    """One cited source in the appendix: by name, title, address, when and where its text was read, and the
    paragraphs of it the scope's figures quote, in the text's order."""

    source: str  # '青橙融媒 · 2025-02-01'
    title: str
    url: str
    read: str  # when and where the text was read, or that it is not recorded
    note: str  # the source's note (where the copy was found)
    status: str  # '' when its text is archived, else the one line saying it is not
    paragraphs: tuple[SourceParagraph, ...]
    unplaced: tuple[str, ...]  # figures whose fragment is not found in the archived text, each with why


@dataclass(frozen=True)
class CitationGroup:
    """The figures of one indicator, cited one by one."""

    indicator: str
    unit: str
    sector: str
    figures: tuple[CitedFigure, ...]


@dataclass(frozen=True, eq=False)
class Briefing:
    """Every section of the briefing, in reading order; an empty tuple or None is a section with nothing to show."""

    lang: str
    version: str
    title: TitlePage
    kpis: tuple[Kpi, ...]
    services: tuple[Chart, ...]  # service items by source, the Hohhot–Baotou items identity
    science: tuple[Chart, ...]  # consortia, talent, Ordos' task plan
    map: MapView | None
    map_note: str  # what the markers are sized by, or ''
    map_sources: str
    status: Chart | None
    tracker: TextTable | None
    tracker_note: str  # shown when a project's reports name different stages, else ''
    timeline: Chart | None
    events: tuple[EventCard, ...]
    conflicts: tuple[Block, ...]
    citations: tuple[CitationGroup, ...]
    citations_intro: str
    sources: tuple[SourceText, ...] = ()  # the appendix: each cited source and the paragraphs quoted from it
    summary: BriefingSummary | None = None  # the opening two pages; None when the scope has nothing to say

    @property
    def charts(self) -> tuple[Chart, ...]:
        """Every plotly chart of the pages in the briefing's body (the summary's and the map aside), in reading
        order."""
        return (*self.services, *self.science, *(c for c in (self.status, self.timeline) if c is not None))

    @property
    def all_charts(self) -> tuple[Chart, ...]:
        """Every plotly chart of the briefing (the map aside), in reading order: the summary's, then the body's."""
        return (*(self.summary.charts if self.summary else ()), *self.charts)

    @property
    def n_figures(self) -> int:
        """How many figures are cited."""
        return sum(len(g.figures) for g in self.citations)

    def filename(self, extension: str) -> str:
        """'hbeu-briefing-zh-6a17c53.html': language and data version in the name."""
        return briefing_filename(self.lang, self.version, extension)


def briefing_filename(lang: str, version: str, extension: str) -> str:
    """The file name of a briefing: 'hbeu-briefing-<lang>-<data version>.<extension>'."""
    return f"{FILE_STEM}-{lang}-{version}.{extension}"


def _chosen(values: tuple[str, ...], everything: tuple[str, ...], vocabulary: str, lang: str) -> str:
    """The names of the values chosen, or 'all' when every one is."""
    if values == everything:
        return t("all_selected", lang)
    return join([label(vocabulary, v, lang) for v in values], lang)


def build_title_page(scope: Scope, generated: datetime | date) -> TitlePage:
    """The title page: app title, the cities and sectors chosen ('all' when every one is), version and date."""
    lang, filters = scope.lang, scope.filters
    day = generated.date() if isinstance(generated, datetime) else generated
    problems = None
    if scope.result.problems:
        files = ", ".join(sorted({p.file for p in scope.result.problems}))
        problems = t("briefing_broken", lang, n=len(scope.result.problems), files=files)
    return TitlePage(
        app_title=t("app_title", lang),
        title=t("briefing_title", lang),
        scope=t(
            "briefing_scope",
            lang,
            cities=_chosen(filters.cities, schema.CITY_IDS, "city", lang),
            sectors=_chosen(filters.sectors, schema.SECTORS, "sector", lang),
        ),
        version=t("data_version", lang, version=scope.version),
        generated=t("generated_on", lang, date=format_date(day.isoformat(), lang)),
        problems=problems,
    )


def _keep(*charts: Chart | None) -> tuple[Chart, ...]:
    """The charts that exist and have something to draw."""
    return tuple(c for c in charts if c is not None and not c.table.empty)


def _identity_in_scope(identities: pd.DataFrame, selected: pd.DataFrame, identity_id: str) -> bool:
    """True when every figure of the identity (its parts and total) is in the scope: a briefing on Ulanqab shows
    no Hohhot–Baotou sum."""
    rows = identities[identities["identity_id"] == identity_id]
    if rows.empty:
        return False
    row = rows.iloc[0]
    wanted = {*str(row["parts"]).split(schema.LIST_SEP), str(row["total"])}
    return wanted <= set(selected["figure_id"])


def build_service_charts(scope: Scope) -> tuple[Chart, ...]:
    """Service items by city and source, and the Hohhot–Baotou items identity when all its figures are in scope."""
    selected, figures, identities = scope.selected, scope.figures, scope.table("identities")
    if selected is None or figures is None:
        return ()
    identity = None
    if identities is not None and _identity_in_scope(identities, selected, chart_views.HB_ITEMS_IDENTITY):
        identity = chart_views.identity_chart(identities, figures, chart_views.HB_ITEMS_IDENTITY, scope.lang)
    return _keep(chart_views.service_items_chart(selected, scope.lang, by_source=True), identity)


def build_science_charts(scope: Scope) -> tuple[Chart, ...]:
    """Ulanqab's consortia, talent, and Ordos' task plan (each left out when the filters leave it empty)."""
    selected = scope.selected
    if selected is None:
        return ()
    return _keep(
        chart_views.consortia_chart(selected, scope.lang),
        chart_views.talent_chart(selected, scope.lang),
        chart_views.ordos_plan_chart(selected, scope.lang),
    )


def summary_trend(scope: Scope, statements: Sequence[Statement]) -> Chart | None:
    """The trend of the biggest change's indicator (the trends page's default when nothing changed)."""
    selected = scope.selected
    if selected is None or selected.empty:
        return None
    indicator = next((s.indicator_id for s in statements if s.kind == "change" and s.indicator_id), None)
    indicator = indicator or trend_views.default_indicator(selected)
    return chart_views.trend_chart(selected, indicator, scope.lang) if indicator else None


def summary_targets(scope: Scope) -> list[target_views.TargetCheck]:
    """Each target against what the scope's figures measure; of the pairs nothing measures, only those touching a
    chosen city are named (a briefing on Ulanqab does not say Hohhot–Baotou is unmeasured: its figures are not in
    it). Every figure shown is one of the scope's, so cited in the citations."""
    selected, indicators = scope.selected, scope.table("indicators")
    if selected is None or indicators is None:
        return []
    checks = target_views.build_target_checks(selected, indicators, scope.table("cities"))
    chosen = set(scope.filters.cities)
    return [replace(c, missing=tuple(p for p in c.missing if chosen & set(p))) for c in checks]


def quoted_lines(check: target_views.TargetCheck, lang: str) -> tuple[QuotedLine, ...]:
    """The check's citation lines (TargetCheck.citations: the target's reports, then each pair's latest), each split
    into its lead and the report's quoted words (every line ends with them)."""
    reports = [*check.target, *(c for pair in check.pairs for c in pair.latest)]
    lines = []
    for line, report in zip(check.citations(lang), reports, strict=True):
        quote = report.quote(lang)
        lines.append(QuotedLine(line[: -len(quote)], quote) if line.endswith(quote) else QuotedLine(line, ""))
    return tuple(lines)


def build_summary(scope: Scope) -> BriefingSummary | None:
    """The opening: the headline statements, the biggest change's trend beside the four cities on the overview's
    comparison, each target against its measurements; None when there is nothing of them to show."""
    lang = scope.lang
    statements = headline_views.build_headline(scope)
    figures, shown = scope.in_sectors, scope.filters.cities
    comparison_id = card_views.OVERVIEW_COMPARISON
    cities = None if figures is None else chart_views.cities_chart(figures, comparison_id, lang, shown)
    if cities is not None and not cities.refs:  # no chosen city reports it: a page says so, a summary leaves it out
        cities = None
    comparison = _keep(summary_trend(scope, statements), cities)
    targets = tuple(SummaryTarget(c.chart(lang), quoted_lines(c, lang)) for c in summary_targets(scope))
    if not (statements or comparison or targets):
        return None
    return BriefingSummary(t("briefing_summary", lang), statements, comparison, targets)


def build_briefing_map(scope: Scope) -> tuple[MapView | None, str]:
    """The slides' map view and its source line; markers are sized only when their indicator's sector is in scope
    and a city shown has a value (every value shown is then a figure of the scope, cited below)."""
    view = slides.build_map_view(scope)
    if view is None:
        return None, ""
    return view, format_citations(slides.map_citations(view, scope), scope.lang)


def text_table(frame: pd.DataFrame, original: tuple[str, ...] = ()) -> TextTable:
    """A table view model as plain text cells (the briefing prints tables, it does not sort them); `original` names
    the columns holding a source's own words."""
    rows = tuple(tuple("" if pd.isna(v) else str(v) for v in row) for row in frame.itertuples(index=False))
    header = tuple(str(c) for c in frame.columns)
    return TextTable(header, rows, tuple(i for i, c in enumerate(header) if c in original))


def build_tracker(scope: Scope) -> tuple[Chart | None, TextTable | None, str]:
    """Projects by stage (chart), every project with its current stage (table), and the disagreement note."""
    if scope.projects is None or scope.projects[1].empty:
        return None, None, ""
    latest = scope.projects[1]
    note = t("tracker_disagree_note", scope.lang) if latest["disagree"].any() else ""
    table = text_table(project_views.tracker_table(latest, scope.lang), original=(t("evidence", scope.lang),))
    return chart_views.status_chart(latest, scope.lang), table, note


def build_timeline(scope: Scope) -> tuple[Chart | None, tuple[EventCard, ...]]:
    """The milestones chart and every event card; the figures linked to an event are those of the scope."""
    timeline, events, sources = scope.timeline, scope.table("events"), scope.table("sources")
    if timeline is None or events is None or sources is None or timeline.empty:
        return None, ()
    cards = event_views.build_event_cards(timeline, events, sources, scope.selected, scope.lang)
    chart = chart_views.timeline_chart(timeline, scope.lang)
    return (chart if not chart.table.empty else None), tuple(cards)


def _cited(record: dict, lang: str, paragraph: int | None = None, paragraph_status: str = "") -> CitedFigure:
    """One joined figure as a citation."""
    period = format_date(record["period"], lang) if record["period"] else label("measure", record["measure"], lang)
    evidence = [str(record[c] or "") for c in original_columns("evidence", lang)]
    return CitedFigure(
        city=city_label(record["city"], lang),
        value_text=str(record["value_text"]),
        value=format_value(record["value"], record["unit_zh"], record["unit_en"], lang),
        period=period,
        as_of=format_date(record["as_of"], lang),
        source=str(record[col("cite", lang)]),
        source_title=quote(str(record["source_title"]), str(record["source_title_en"] or ""), lang),
        url=str(record["url"] or ""),
        speaker=str(record[col("speaker", lang)] or ""),
        evidence=evidence[0],
        evidence_en=evidence[1].strip() if len(evidence) > 1 else "",
        evidence_pending=evidence_pending(record.get("evidence_en"), lang),
        note=str(record[col("note", lang)] or ""),
        paragraph=paragraph,
        paragraph_status=paragraph_status,
    )


def _grouped(selected: pd.DataFrame, lang: str) -> list[list[dict]]:
    """The joined figures grouped by indicator (sectors in their order, then by name), each group's figures by city
    and as-of: the citations' reading order."""
    sector_rank = {s: i for i, s in enumerate(schema.SECTORS)}
    groups: dict[str, list[dict]] = {}
    for record in selected.sort_values(["city", "as_of", "source_id"]).to_dict("records"):
        groups.setdefault(record["indicator_id"], []).append(record)
    return sorted(groups.values(), key=lambda rs: (sector_rank.get(rs[0]["sector"], 99), rs[0][col("indicator", lang)]))


def _citation_groups(
    ordered: list[list[dict]], lang: str, paragraphs: Sequence[tuple[int | None, str]] | None
) -> tuple[CitationGroup, ...]:
    """The citation groups of `_grouped`, each figure with (when given, one per figure in reading order) the number
    of its paragraph in the sources appendix or why none is shown."""
    refs = iter(paragraphs if paragraphs is not None else [(None, "")] * sum(len(rs) for rs in ordered))
    return tuple(
        CitationGroup(
            indicator=str(records[0][col("indicator", lang)]),
            unit=str(records[0][col("unit", lang)]),
            sector=label("sector", records[0]["sector"], lang),
            figures=tuple(_cited(r, lang, *next(refs)) for r in records),
        )
        for records in ordered
    )


def _no_text(_sha256: str) -> str | None:
    """The lookup of a scope given no archive: no text at all."""
    return None


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching spans made one (two figures quoting overlapping words mark them once)."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def mark_paragraph(text: str, bounds: tuple[int, int], marks: list[tuple[int, int]]) -> tuple[Segment, ...]:
    """The paragraph text[bounds] as segments, the fragments `marks` (spans of `text`) marked. Long unmarked runs
    are cut as find_passage cuts them: MAX_PARAGRAPH_CONTEXT characters kept beside a fragment, an ellipsis for
    the rest (a page read without line breaks is one paragraph; the briefing prints only what is around the quotes)."""
    first, last = bounds
    marks = _merged(marks)
    segments: list[Segment] = []
    at = first
    for index, (start, end) in enumerate(marks):
        plain = text[at:start]
        if index == 0 and len(plain) > MAX_PARAGRAPH_CONTEXT:
            plain = ELLIPSIS + plain[-MAX_PARAGRAPH_CONTEXT:]
        elif index > 0 and len(plain) > 2 * MAX_PARAGRAPH_CONTEXT:
            plain = plain[:MAX_PARAGRAPH_CONTEXT] + f" {ELLIPSIS} " + plain[-MAX_PARAGRAPH_CONTEXT:]
        if plain:
            segments.append(Segment(plain, False))
        segments.append(Segment(text[start:end], True))
        at = end
    plain = text[at:last]
    if len(plain) > MAX_PARAGRAPH_CONTEXT:
        plain = plain[:MAX_PARAGRAPH_CONTEXT] + ELLIPSIS
    if plain:
        segments.append(Segment(plain, False))
    return tuple(segments)


def _source_paragraphs(text: str, found: list[Citation], number: int) -> tuple[list[SourceParagraph], list[int]]:
    """The paragraphs of one source's text that its found citations quote, in the text's order and numbered from
    `number`, and the paragraph number of each citation (in the order given)."""
    spans = [(c.passage.start, c.passage.end) for c in found if c.passage is not None]
    bounds = [paragraph_bounds(text, start, end) for start, end in spans]
    # Paragraphs that overlap (a fragment across a line break brings the next line) are one paragraph.
    merged = _merged(bounds)
    which = [next(i for i, (a, b) in enumerate(merged) if a <= first and last <= b) for first, last in bounds]
    paragraphs = []
    for i, paragraph in enumerate(merged):
        members = [k for k, w in enumerate(which) if w == i]
        paragraphs.append(
            SourceParagraph(
                number=number + i,
                segments=mark_paragraph(text, paragraph, [spans[k] for k in members]),
                figures=tuple(dict.fromkeys(found[k].heading for k in members)),
            )
        )
    return paragraphs, [number + w for w in which]


def build_sources_appendix(
    citations: Sequence[Citation], lookup: TextLookup, lang: str
) -> tuple[tuple[SourceText, ...], list[tuple[int | None, str]]]:
    """The sources appendix: each source the citations name (in the order first cited), its particulars and every
    paragraph of its archived text the figures quote, each printed once with all the fragments quoted from it
    marked and the figures quoting it listed; and, per citation, its paragraph's number or why none is shown."""
    by_source: dict[str, list[int]] = {}
    for index, citation in enumerate(citations):
        by_source.setdefault(citation.source_id, []).append(index)
    refs: list[tuple[int | None, str]] = [(None, c.status_text) for c in citations]
    sources, number = [], 1
    for indices in by_source.values():
        first = citations[indices[0]]
        found = [i for i in indices if citations[i].status == FOUND]
        paragraphs: list[SourceParagraph] = []
        if found:
            text = lookup(first.sha256) or ""
            paragraphs, numbers = _source_paragraphs(text, [citations[i] for i in found], number)
            number += len(paragraphs)
            for i, n in zip(found, numbers, strict=True):
                refs[i] = (n, "")
        missing = [citations[i] for i in indices if citations[i].status not in (FOUND, NO_TEXT)]
        no_text = next((citations[i] for i in indices if citations[i].status == NO_TEXT), None)
        sources.append(
            SourceText(
                source=first.cite,
                title=first.title,
                url=first.url,
                read=first.read or t("briefing_read_unknown", lang),
                note=first.note,
                status=no_text.status_text if no_text is not None else "",
                paragraphs=tuple(paragraphs),
                unplaced=tuple(dict.fromkeys(f"{c.heading}: {c.status_text}" for c in missing)),
            )
        )
    return tuple(sources), refs


def build_figure_citations(
    scope: Scope, selected: pd.DataFrame
) -> tuple[tuple[CitationGroup, ...], tuple[SourceText, ...]]:
    """Every figure of the scope cited, grouped by indicator (sectors in their order, then by name; each group's
    figures by city and as-of), and the sources appendix with the paragraphs they quote, linked by ¶ number."""
    lang = scope.lang
    sources = scope.table("sources")
    groups = _grouped(selected, lang)
    if sources is None or not groups:
        return _citation_groups(groups, lang, None), ()
    lookup = scope.texts or _no_text
    indicators = scope.table("indicators")
    citations = [make_citation("figures", r, sources, lookup, lang, indicators) for rs in groups for r in rs]
    appendix, refs = build_sources_appendix(citations, lookup, lang)
    return _citation_groups(groups, lang, refs), appendix


def build_briefing(scope: Scope, generated: datetime | date) -> Briefing:
    """Every section of the briefing for one scope, from the pages' and slides' view models."""
    lang = scope.lang
    selected = scope.selected
    kpis = (
        ()
        if scope.figures is None
        else tuple(card_views.build_kpis(scope.figures, card_views.ALL_CARDS, scope.filters))
    )
    map_view, map_sources = build_briefing_map(scope)
    status, tracker, tracker_note = build_tracker(scope)
    timeline, events = build_timeline(scope)
    conflicts = () if scope.conflicts is None else slides.conflict_blocks(scope.conflicts, lang)
    citations, sources = ((), ()) if selected is None else build_figure_citations(scope, selected)
    return Briefing(
        lang=lang,
        version=scope.version,
        title=build_title_page(scope, generated),
        kpis=kpis,
        services=build_service_charts(scope),
        science=build_science_charts(scope),
        map=map_view,
        map_note=t("map_sized_by", lang, indicator=map_view.indicator) if map_view and map_view.indicator else "",
        map_sources=map_sources,
        status=status,
        tracker=tracker,
        tracker_note=tracker_note,
        timeline=timeline,
        events=events,
        conflicts=conflicts,
        citations=citations,
        citations_intro=t("citations_intro", lang, version=scope.version),
        sources=sources,
        summary=build_summary(scope),
    )
