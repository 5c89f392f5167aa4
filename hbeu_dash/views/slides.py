"""The presenter's slides: headline figures, services, innovation, the map, the projects, the timeline, the conflicts.

Each slide is built from the same view models as the pages (cards, charts, map values, conflicts), with a title and
a citation footer (sources by name with their as-of, and the data version) and the rows it shows (`cited`: what its
footer's link opens, each row's paragraph in its source). Plain text: each renderer escapes it.
"""

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from hbeu_dash import transforms
from hbeu_dash.charts import Chart, format_citations, latest_citations
from hbeu_dash.i18n import STATUS_COLORS, col, format_date, format_value, join, label, quote_evidence, t
from hbeu_dash.views import cards as card_views
from hbeu_dash.views import charts as chart_views
from hbeu_dash.views import maps as map_views
from hbeu_dash.views import quality as quality_views
from hbeu_dash.views.cards import Kpi
from hbeu_dash.views.citations import CitationRequest, figures_request, merge_requests, request_of
from hbeu_dash.views.scope import Scope

Citations = dict[str, str]  # source cited by name → latest as-of it reports ('' when undated)
NO_ROWS = CitationRequest()
# Each slide's title (an i18n key).
SLIDE_TITLE_KEYS = {
    "headline": "slide_headline",
    "service_items": "chart_service_items_by_source",
    "hb_items": "slide_hb_items",
    "consortia": "chart_consortia",
    "ordos_plan": "chart_ordos_plan",
    "map": "slide_map",
    "projects": "tracker_title",
    "timeline": "page_timeline",
    "conflicts": "section_conflicts",
}


@dataclass(frozen=True)
class TextTable:
    """A small table of text for a slide or the briefing: a header row and rows of cells (quoted evidence is a
    `Quoted` cell, its parts kept for HTML)."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    original: tuple[int, ...] = ()  # the columns holding a source's own words (its Chinese evidence), by position


@dataclass(frozen=True)
class Block:
    """A titled piece of text on a slide: a heading, a sentence and an optional table (e.g. one conflict)."""

    heading: str
    text: str
    table: TextTable | None = None
    color: str | None = None  # a colour swatch beside the heading (a project stage), or None


@dataclass(frozen=True, eq=False)
class MapView:
    """What the map shows: the selected cities, the values markers are sized by, the project reports, the legend."""

    cities: pd.DataFrame
    values: pd.DataFrame | None
    reports: pd.DataFrame
    indicator: str  # the name of the indicator the markers are sized by ('' when none)
    indicator_id: str  # its id ('' when none)
    legend: tuple[map_views.LegendEntry, ...]
    note: str


@dataclass(frozen=True, eq=False)
class Slide:
    """One slide: its title, its content (any of cards, charts, a map, text blocks) and its citation footer."""

    slide_id: str
    title: str
    footer: str
    kpis: tuple[Kpi, ...] = ()
    charts: tuple[Chart, ...] = ()
    map: MapView | None = None
    blocks: tuple[Block, ...] = ()
    empty: str | None = None  # shown instead of content when the filters leave nothing for this slide
    cited: CitationRequest = NO_ROWS  # the rows the slide shows (its footer links to their paragraphs)


def footer_text(citations: Citations, scope: Scope) -> str:
    """'来源: 青橙融媒 · 2025-02-01(截至 2025年2月) · 数据版本 ab12cd3'."""
    parts = [format_citations(citations, scope.lang), t("data_version", scope.lang, version=scope.version)]
    return " · ".join(p for p in parts if p)


def merge_citations(*groups: Citations) -> Citations:
    """Several citation maps as one, each source with its latest as-of."""
    merged: Citations = {}
    for group in groups:
        for cite, as_of in group.items():
            merged[cite] = max(merged.get(cite, ""), as_of)
    return merged


def _slide(
    scope: Scope, slide_id: str, citations: Citations, cited: CitationRequest = NO_ROWS, **content: object
) -> Slide:
    has_content = any(content.get(k) for k in ("kpis", "charts", "map", "blocks"))
    return Slide(
        slide_id=slide_id,
        title=t(SLIDE_TITLE_KEYS[slide_id], scope.lang),
        footer=footer_text(citations, scope),
        empty=None if has_content else t("slide_empty", scope.lang),
        cited=cited if has_content else NO_ROWS,
        **content,  # type: ignore[arg-type]
    )


def project_reports_request(reports: pd.DataFrame) -> CitationRequest:
    """A request for these project reports (project_id, source_id)."""
    return request_of(
        ("projects", (str(p), str(s))) for p, s in zip(reports["project_id"], reports["source_id"], strict=True)
    )


def headline_slide(scope: Scope) -> Slide:
    """The headline figures: eight KPI cards, each with its source."""
    if scope.figures is None or scope.selected is None:
        return _slide(scope, "headline", {})
    kpis = tuple(card_views.build_kpis(scope.figures, card_views.HEADLINE_CARDS, scope.filters))
    wanted = set(card_views.HEADLINE_CARDS)
    rows = scope.selected[
        [(i, c) in wanted for i, c in zip(scope.selected["indicator_id"], scope.selected["city"], strict=True)]
    ]
    cited = figures_request(f for k in kpis for f in k.figure_ids)
    return _slide(scope, "headline", latest_citations(rows, scope.lang), cited, kpis=kpis)


def _charts_slide(scope: Scope, slide_id: str, builders: list[Callable[[], Chart | None]]) -> Slide:
    charts = tuple(c for c in (b() for b in builders) if c is not None and not c.table.empty)
    cited = request_of(ref for c in charts for ref in c.refs)
    return _slide(scope, slide_id, merge_citations(*(c.citations for c in charts)), cited, charts=charts)


def service_items_slide(scope: Scope) -> Slide:
    """Four-city service items by city and source (disagreeing reports side by side)."""
    selected = scope.selected
    if selected is None:
        return _slide(scope, "service_items", {})
    return _charts_slide(
        scope, "service_items", [lambda: chart_views.service_items_chart(selected, scope.lang, by_source=True)]
    )


def hb_items_slide(scope: Scope) -> Slide:
    """The Hohhot–Baotou shared items: first batch + added this year = total, as a waterfall."""
    figures, identities = scope.figures, scope.table("identities")
    if figures is None or identities is None or "government_services" not in scope.filters.sectors:
        return _slide(scope, "hb_items", {})
    if not {"hohhot", "baotou"} & set(scope.filters.cities):
        return _slide(scope, "hb_items", {})
    return _charts_slide(
        scope,
        "hb_items",
        [lambda: chart_views.identity_chart(identities, figures, chart_views.HB_ITEMS_IDENTITY, scope.lang)],
    )


def consortia_slide(scope: Scope) -> Slide:
    """Ulanqab's innovation consortia and the major projects they lead."""
    selected = scope.selected
    if selected is None:
        return _slide(scope, "consortia", {})
    return _charts_slide(scope, "consortia", [lambda: chart_views.consortia_chart(selected, scope.lang)])


def ordos_plan_slide(scope: Scope) -> Slide:
    """Ordos' integration task plan, broken down."""
    selected = scope.selected
    if selected is None:
        return _slide(scope, "ordos_plan", {})
    return _charts_slide(scope, "ordos_plan", [lambda: chart_views.ordos_plan_chart(selected, scope.lang)])


def build_map_view(scope: Scope, indicator_id: str = map_views.DEFAULT_MAP_INDICATOR) -> MapView | None:
    """The map of the selected cities, projects in their current stage; markers sized by `indicator_id` only when
    it is in scope (its sector chosen) and a city shown has a value, so every value shown is a figure of the scope."""
    cities = scope.table("cities")
    if cities is None or scope.projects is None or not scope.filters.cities:
        return None
    shown = cities[cities["city_id"].isin(scope.filters.cities)]
    selected = scope.selected
    values, indicator = None, ""
    if selected is not None and selected["indicator_id"].eq(indicator_id).any():
        values = map_views.map_values(selected, indicator_id, scope.lang)
        if values["city_id"].isin(shown["city_id"]).any():
            names = dict(zip(selected["indicator_id"], selected[col("indicator", scope.lang)], strict=True))
            indicator = names[indicator_id]
        else:
            values = None
    return MapView(
        cities=shown,
        values=values,
        reports=scope.projects[0],
        indicator=indicator,
        indicator_id=indicator_id if values is not None else "",
        legend=tuple(map_views.legend(scope.lang)),
        note=map_views.map_note(scope.lang, None),
    )


def _map_value_rows(view: MapView, scope: Scope) -> pd.DataFrame | None:
    """Every report behind the map's city values (all of them when they disagree); None without values."""
    if view.values is None or scope.selected is None:
        return None
    selected = scope.selected
    return selected[selected["indicator_id"].eq(view.indicator_id) & selected["city"].isin(view.cities["city_id"])]


def map_citations(view: MapView, scope: Scope) -> Citations:
    """The sources of every report behind the map's city values (all of them when they disagree) and of its
    project reports, each with the latest as-of among those rows."""
    rows = _map_value_rows(view, scope)
    cited: Citations = {} if rows is None else latest_citations(rows, scope.lang)
    return merge_citations(cited, latest_citations(view.reports, scope.lang))


def map_request(view: MapView, scope: Scope) -> CitationRequest:
    """The rows the map shows: the figures its markers are sized by, and its project reports."""
    rows = _map_value_rows(view, scope)
    values = NO_ROWS if rows is None else figures_request(rows["figure_id"])
    return merge_requests(values, project_reports_request(view.reports))


def map_slide(scope: Scope) -> Slide:
    """The map: the cities around the Yellow River bend, sized by service items, with the projects between them."""
    view = build_map_view(scope)
    if view is None:
        return _slide(scope, "map", {})
    return _slide(scope, "map", map_citations(view, scope), map_request(view, scope), map=view)


def tracker_summary(latest: pd.DataFrame, lang: str) -> tuple[Block, ...]:
    """One block per project stage, in stage order: the stage, how many projects, and their names."""
    blocks = []
    for status, count in transforms.count_projects_by_status(latest).itertuples(index=False):
        rows = latest[latest["status"] == status]
        names = [n + (" ⚠" if d else "") for n, d in zip(rows[col("name", lang)], rows["disagree"], strict=True)]
        heading = t("stage_count", lang, status=label("status", status, lang), n=count)
        blocks.append(Block(heading, join(names, lang), color=STATUS_COLORS.get(status)))
    return tuple(blocks)


def projects_slide(scope: Scope) -> Slide:
    """The project tracker in summary: each stage (in its chart colour) with how many projects and their names."""
    if scope.projects is None or scope.projects[1].empty:
        return _slide(scope, "projects", {})
    latest = scope.projects[1]
    blocks = tracker_summary(latest, scope.lang)
    cited = project_reports_request(latest)
    return _slide(scope, "projects", latest_citations(latest, scope.lang), cited, blocks=blocks)


def timeline_slide(scope: Scope) -> Slide:
    """The cooperation timeline: plans, meetings, agreements and launches on a time axis."""
    timeline = scope.timeline
    if timeline is None or timeline.empty:
        return _slide(scope, "timeline", {})
    chart = chart_views.timeline_chart(timeline, scope.lang)
    return _slide(scope, "timeline", chart.citations, request_of(chart.refs), charts=(chart,))


def conflict_blocks(conflicts: pd.DataFrame, lang: str) -> tuple[Block, ...]:
    """Each conflict as a block: every value with its source, as-of and verbatim evidence; none is chosen."""
    blocks = []
    for card in quality_views.build_conflicts(conflicts, lang):
        rows = conflicts[conflicts["conflict_id"].astype(str) == card.conflict_id].to_dict("records")
        table = TextTable(
            (t("value", lang), t("source", lang), t("as_of", lang), t("evidence", lang)),
            tuple(
                (
                    format_value(r["value"], r["unit_zh"], r["unit_en"], lang),
                    r[col("cite", lang)],
                    format_date(r["as_of"], lang),
                    quote_evidence(r["evidence"], r["evidence_en"], lang),
                )
                for r in rows
            ),
        )
        blocks.append(Block(card.heading, card.explanation, table))
    return tuple(blocks)


def conflicts_slide(scope: Scope) -> Slide:
    """Where the sources disagree: each conflict with every report side by side."""
    conflicts = scope.conflicts
    if conflicts is None:
        return _slide(scope, "conflicts", {})
    blocks = conflict_blocks(conflicts, scope.lang)
    if not blocks:
        blocks = (Block(t("no_conflicts_filtered", scope.lang), ""),)
    cited = figures_request(conflicts["figure_id"])
    return _slide(scope, "conflicts", latest_citations(conflicts, scope.lang), cited, blocks=blocks)


# The slides in the order shown: (id, builder). The `slide` URL parameter counts from 1 in this order.
SLIDES: tuple[tuple[str, Callable[[Scope], Slide]], ...] = (
    ("headline", headline_slide),
    ("service_items", service_items_slide),
    ("hb_items", hb_items_slide),
    ("consortia", consortia_slide),
    ("ordos_plan", ordos_plan_slide),
    ("map", map_slide),
    ("projects", projects_slide),
    ("timeline", timeline_slide),
    ("conflicts", conflicts_slide),
)


def slide_titles(lang: str) -> list[str]:
    """Every slide's title, in order (the slide picker)."""
    return [t(SLIDE_TITLE_KEYS[slide_id], lang) for slide_id, _ in SLIDES]


def build_slide(scope: Scope, number: int) -> Slide:
    """Slide `number` (1-based, clamped to the deck)."""
    index = min(max(number, 1), len(SLIDES)) - 1
    return SLIDES[index][1](scope)
