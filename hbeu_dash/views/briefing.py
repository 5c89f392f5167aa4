"""The offline briefing: a title page, the key figures, every chart, the map, the tracker, the timeline, the
conflicts and a citation for every figure of the scope.

Built only from the view models the pages and slides use (cards, chart specs, map view, tracker table, event
cards, conflict blocks): nothing is built twice. Plain text and numbers: the HTML renderer escapes them.
"""

from dataclasses import dataclass
from datetime import date, datetime

import pandas as pd

from hbeu_dash import schema
from hbeu_dash.charts import Chart, format_citations
from hbeu_dash.i18n import city_label, col, format_date, format_value, join, label, original_columns, quote, t
from hbeu_dash.views import cards as card_views
from hbeu_dash.views import charts as chart_views
from hbeu_dash.views import events as event_views
from hbeu_dash.views import projects as project_views
from hbeu_dash.views import slides
from hbeu_dash.views.cards import Kpi
from hbeu_dash.views.events import EventCard
from hbeu_dash.views.scope import Scope
from hbeu_dash.views.slides import Block, MapView, TextTable

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
    evidence_en: str  # its English rendering on an English briefing, '' on a Chinese one
    note: str


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

    @property
    def charts(self) -> tuple[Chart, ...]:
        """Every plotly chart of the briefing (the map aside), in reading order."""
        return (*self.services, *self.science, *(c for c in (self.status, self.timeline) if c is not None))

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


def build_briefing_map(scope: Scope) -> tuple[MapView | None, str]:
    """The slides' map view and its source line; markers are sized only when their indicator's sector is in scope
    and a city shown has a value (every value shown is then a figure of the scope, cited below)."""
    view = slides.build_map_view(scope)
    if view is None:
        return None, ""
    return view, format_citations(slides.map_citations(view, scope), scope.lang)


def text_table(frame: pd.DataFrame) -> TextTable:
    """A table view model as plain text cells (the briefing prints tables, it does not sort them)."""
    rows = tuple(tuple("" if pd.isna(v) else str(v) for v in row) for row in frame.itertuples(index=False))
    return TextTable(tuple(str(c) for c in frame.columns), rows)


def build_tracker(scope: Scope) -> tuple[Chart | None, TextTable | None, str]:
    """Projects by stage (chart), every project with its current stage (table), and the disagreement note."""
    if scope.projects is None or scope.projects[1].empty:
        return None, None, ""
    latest = scope.projects[1]
    note = t("tracker_disagree_note", scope.lang) if latest["disagree"].any() else ""
    table = text_table(project_views.tracker_table(latest, scope.lang))
    return chart_views.status_chart(latest, scope.lang), table, note


def build_timeline(scope: Scope) -> tuple[Chart | None, tuple[EventCard, ...]]:
    """The milestones chart and every event card; the figures linked to an event are those of the scope."""
    timeline, events, sources = scope.timeline, scope.table("events"), scope.table("sources")
    if timeline is None or events is None or sources is None or timeline.empty:
        return None, ()
    cards = event_views.build_event_cards(timeline, events, sources, scope.selected, scope.lang)
    chart = chart_views.timeline_chart(timeline, scope.lang)
    return (chart if not chart.table.empty else None), tuple(cards)


def _cited(record: dict, lang: str) -> CitedFigure:
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
        evidence_en=evidence[1] if len(evidence) > 1 else "",
        note=str(record[col("note", lang)] or ""),
    )


def build_citations(selected: pd.DataFrame, lang: str) -> tuple[CitationGroup, ...]:
    """Every figure of the scope grouped by indicator (sectors in their order, then by name), each group's figures
    by city and as-of."""
    sector_rank = {s: i for i, s in enumerate(schema.SECTORS)}
    groups: dict[str, list[dict]] = {}
    for record in selected.sort_values(["city", "as_of", "source_id"]).to_dict("records"):
        groups.setdefault(record["indicator_id"], []).append(record)
    ordered = sorted(
        groups.values(), key=lambda rs: (sector_rank.get(rs[0]["sector"], 99), rs[0][col("indicator", lang)])
    )
    return tuple(
        CitationGroup(
            indicator=str(records[0][col("indicator", lang)]),
            unit=str(records[0][col("unit", lang)]),
            sector=label("sector", records[0]["sector"], lang),
            figures=tuple(_cited(r, lang) for r in records),
        )
        for records in ordered
    )


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
        citations=() if selected is None else build_citations(selected, lang),
        citations_intro=t("citations_intro", lang, version=scope.version),
    )
