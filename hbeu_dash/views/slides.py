"""The presenter's slides: headline figures, change over time, the four cities side by side, targets against
measurements, services, innovation, the map, the projects, the timeline, the conflicts.

Each slide is built from the same view models as the pages (cards, headline, charts, targets, map values, conflicts),
with a title, at most one message (the sentence the room should take away), and a citation footer (sources by name
with their as-of, and the data version) and the rows it shows (`cited`: what its footer's link opens, each row's
paragraph in its source). Plain text: each renderer escapes it.
"""

from collections.abc import Callable
from dataclasses import dataclass, replace

import pandas as pd

from hbeu_dash.graphics.attribution import format_citations, latest_citations
from hbeu_dash.graphics.charts import Chart
from hbeu_dash.graphics.palette import STATUS_COLORS
from hbeu_dash.i18n import col, format_date, format_value, join, label, quote_evidence, t
from hbeu_dash.model import transforms
from hbeu_dash.views import cards as card_views
from hbeu_dash.views import charts as chart_views
from hbeu_dash.views import headline as headline_views
from hbeu_dash.views import maps as map_views
from hbeu_dash.views import quality as quality_views
from hbeu_dash.views import targets as target_views
from hbeu_dash.views import trends as trend_views
from hbeu_dash.views.blocks import Block, MapView, TextTable
from hbeu_dash.views.cards import Kpi
from hbeu_dash.views.citations import CitationRequest, figures_request, merge_requests, request_of
from hbeu_dash.views.scope import Scope

Citations = dict[str, str]  # source cited by name → latest as-of it reports ('' when undated)
NO_ROWS = CitationRequest()
# Each slide's title (an i18n key).
SLIDE_TITLE_KEYS = {
    "headline": "slide_headline",
    "change": "slide_change",
    "cities": "slide_cities",
    "target_rail": "slide_target_rail",
    "target_road": "slide_target_road",
    "service_items": "chart_service_items_by_source",
    "hb_items": "slide_hb_items",
    "consortia": "chart_consortia",
    "ordos_plan": "chart_ordos_plan",
    "map": "slide_map",
    "projects": "tracker_title",
    "timeline": "page_timeline",
    "conflicts": "section_conflicts",
}
# The targets the deck checks, one slide each so that the chart, its summary and its evidence are legible on a big
# screen (indicators.csv ids: the 1-hour rail circle, the 2-hour road circle).
TARGET_SLIDES = {"target_rail": "rail_circle_target_hours", "target_road": "road_circle_target_hours"}


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
    message: str = ""  # the one sentence above the content (the biggest change, a chart's summary), '' for none
    notes: tuple[str, ...] = ()  # the words the content is read from, under it: a cited report with its evidence
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
    scope: Scope,
    slide_id: str,
    citations: Citations,
    cited: CitationRequest = NO_ROWS,
    message: str = "",
    notes: tuple[str, ...] = (),
    **content: object,
) -> Slide:
    has_content = any(content.get(k) for k in ("kpis", "charts", "map", "blocks"))
    return Slide(
        slide_id=slide_id,
        title=t(SLIDE_TITLE_KEYS[slide_id], scope.lang),
        footer=footer_text(citations, scope),
        message=message if has_content else "",
        notes=notes if has_content else (),
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


def _charts_slide(
    scope: Scope,
    slide_id: str,
    builders: list[Callable[[], Chart | None]],
    message: str = "",
    notes: tuple[str, ...] = (),
) -> Slide:
    charts = tuple(c for c in (b() for b in builders) if c is not None and not c.table.empty)
    cited = request_of(ref for c in charts for ref in c.refs)
    citations = merge_citations(*(c.citations for c in charts))
    return _slide(scope, slide_id, citations, cited, message, notes, charts=charts)


def change_slide(scope: Scope) -> Slide:
    """Change over time: the headline's biggest change as the slide's message, over the trend of its indicator (the
    trend page's default indicator, with its chart's summary, when nothing has changed)."""
    selected = scope.selected
    if selected is None or selected.empty:
        return _slide(scope, "change", {})
    statement = headline_views.biggest_change(selected, scope.lang)
    indicator = statement.indicator_id if statement is not None else trend_views.default_indicator(selected)
    chart = None if indicator is None else chart_views.trend_chart(selected, indicator, scope.lang)
    if chart is None:
        return _slide(scope, "change", {})
    message = statement.text if statement is not None else chart.summary
    return _charts_slide(scope, "change", [lambda: chart], message)


def cities_slide(scope: Scope) -> Slide:
    """The four cities side by side on the overview's comparison, as the overview draws it: always four places (one
    with no report says so, one the city filter leaves out says that), disagreeing reports as two sub-bars, and the
    chart's summary as the message."""
    figures = scope.in_sectors
    if figures is None:
        return _slide(scope, "cities", {})
    chart = chart_views.cities_chart(figures, card_views.OVERVIEW_COMPARISON, scope.lang, scope.filters.cities)
    if chart is None:
        return _slide(scope, "cities", {})
    return _charts_slide(scope, "cities", [lambda: chart], chart.summary)


def target_slide(scope: Scope, slide_id: str) -> Slide:
    """One target against what the scope's figures measure (the targets page's check): the bars against the target's
    line, its summary as the message, and under the chart the target's and each latest measurement's source with its
    verbatim words (the verdict is read from them: '两个多小时' is more than two hours). Of the pairs nothing measures,
    only those touching a chosen city are named, as in the briefing: every figure shown is one of the scope's."""
    selected, indicators = scope.selected, scope.table("indicators")
    if selected is None or indicators is None:
        return _slide(scope, slide_id, {})
    checks = target_views.build_target_checks(selected, indicators, scope.table("cities"))
    check = next((c for c in checks if c.target_id == TARGET_SLIDES[slide_id]), None)
    if check is None:
        return _slide(scope, slide_id, {})
    chosen = set(scope.filters.cities)
    check = replace(check, missing=tuple(p for p in check.missing if chosen & set(p)))
    chart, notes = check.chart(scope.lang), tuple(check.citations(scope.lang))
    return _charts_slide(scope, slide_id, [lambda: chart], check.summary(scope.lang), notes=notes)


def rail_target_slide(scope: Scope) -> Slide:
    """The 1-hour rail circle against the latest rail journey times."""
    return target_slide(scope, "target_rail")


def road_target_slide(scope: Scope) -> Slide:
    """The 2-hour road circle against the latest drives."""
    return target_slide(scope, "target_road")


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
    ("change", change_slide),
    ("cities", cities_slide),
    ("target_rail", rail_target_slide),
    ("target_road", road_target_slide),
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
