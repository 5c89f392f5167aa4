"""Page sections: the map, the project tracker, conflicts, the event cards and the explorer."""

import html

import streamlit as st

from hbeu_dash.documents.markup import mixed_html, quote_html
from hbeu_dash.graphics import maps
from hbeu_dash.i18n import original_columns, t
from hbeu_dash.model import checks, transforms
from hbeu_dash.settings import load_boundaries, load_settings
from hbeu_dash.ui import citations, data
from hbeu_dash.ui.card_html import trend_href
from hbeu_dash.ui.widgets import SharedDeck, escape_md, render_chart, render_downloads, render_table
from hbeu_dash.views import charts as chart_views
from hbeu_dash.views import events as event_views
from hbeu_dash.views import explorer as explorer_views
from hbeu_dash.views import maps as map_views
from hbeu_dash.views import projects as project_views
from hbeu_dash.views import quality as quality_views
from hbeu_dash.views.citations import figures_request, request_of
from hbeu_dash.views.filters import Filters

MAP_HEIGHT_PX = 520


def render_map(filters: Filters) -> None:
    """The pydeck map: cities sized by an indicator the user picks, projects as arcs coloured by their stage."""
    lang = filters.lang
    cities, selected = data.get_table("cities"), data.selected_projects(filters)
    if cities is None or selected is None:
        return
    reports, _ = selected
    figures = data.get_figures()
    picked = ""
    if figures is not None:
        options, names, default = data.memo(("map-options", lang), lambda: map_views.indicator_options(figures, lang))
        picked = st.selectbox(
            t("map_size_by", lang), options, index=default, format_func=lambda i: names.get(i, "—"), key="map_indicator"
        )
    settings = load_settings()
    path = settings.boundaries_path
    stamp = path.stat().st_mtime_ns if path is not None and path.is_file() else None
    boundaries, error = data.memo(("boundaries", settings, stamp), lambda: load_boundaries(settings))
    for problem in [*settings.problems, *([error] if error else [])]:
        st.warning(escape_md(problem))

    def build() -> object:
        values = map_views.map_values(figures, picked, lang) if picked and figures is not None else None
        shown = cities[cities["city_id"].isin(filters.cities)]
        return maps.make_city_deck(shown, values, reports, lang, settings, boundaries)

    deck = data.memo(("deck", filters, picked, settings), lambda: SharedDeck(build()))
    st.pydeck_chart(deck, height=MAP_HEIGHT_PX, key="city-map")
    legend = " ".join(f"<span style='color:{e.color}'>■</span> {escape_md(e.name)}" for e in map_views.legend(lang))
    st.caption(legend, unsafe_allow_html=True)
    st.caption(escape_md(map_views.map_note(lang, settings.tile_attribution)))


def render_project_tracker(filters: Filters) -> None:
    """Every project with its current stage, as-of and source; every report in an expander, downloadable."""
    lang = filters.lang
    selected = data.selected_projects(filters)
    if selected is None:
        return
    reports, latest = selected
    st.subheader(t("tracker_title", lang))
    if latest.empty:
        st.info(t("empty_state", lang))
        return

    def linked(frame, rows) -> object:  # each row's link to its report's paragraph in the source
        keys = zip(rows["project_id"], rows["source_id"], strict=True)
        requests = [request_of([("projects", (str(p), str(s)))]) for p, s in keys]
        return citations.link_table(frame, requests, filters)

    tables = data.memo(
        ("tracker", filters, citations.current_page()),
        lambda: (
            linked(project_views.tracker_table(latest, lang), latest),
            linked(project_views.reports_table(reports, lang), reports),
        ),
    )
    links = citations.link_column_config(lang)
    render_table(tables[0], width="stretch", key="tracker", column_config=links)
    if latest["disagree"].any():
        st.caption(t("tracker_disagree_note", lang))
    with st.expander(t("every_project_report", lang, n=len(reports))):
        render_table(tables[1], width="stretch", column_config=links)
        export = data.memo(("tracker-export", filters), lambda: project_views.export_table(reports, lang))
        render_downloads(export, f"hbeu-projects-{lang}", lang)


def render_conflicts(filters: Filters) -> None:
    """The conflicts among the selected figures (see render_conflict_cards)."""
    conflicts = data.get_scope(filters).conflicts
    if conflicts is None:
        return
    cards = data.memo(("conflict-cards", filters), lambda: quality_views.build_conflicts(conflicts, filters.lang))
    render_conflict_cards(cards, filters.lang)


def render_all_conflicts(lang: str) -> None:
    """The conflicts among all figures, whatever the filters (see render_conflict_cards)."""
    figures = data.get_figures()
    if figures is None:
        return
    cards = data.memo(
        ("conflict-cards-all", lang), lambda: quality_views.build_conflicts(checks.find_conflicts(figures), lang)
    )
    render_conflict_cards(cards, lang, filtered=False)


def render_conflict_cards(cards: list[quality_views.ConflictCard], lang: str, filtered: bool = True) -> None:
    """Each conflict: every report side by side with source, speaker, as-of and evidence; none is chosen."""
    if not cards:
        st.caption("✓ " + t("no_conflicts_filtered" if filtered else "no_conflicts", lang))
        return
    for card in cards:
        with st.container(border=True):
            st.markdown(f"**{escape_md(card.heading)}**")
            st.markdown(escape_md(card.explanation))
            render_table(card.table, width="stretch", key=f"conflict-{card.conflict_id}")


def make_event_card_html(card: event_views.EventCard, link: tuple[str, str] | None = None) -> str:
    """One event card as HTML (every text escaped): heading, kind · cities · sources, the quoted reports with their
    notes, the figures signed or announced there; `link` (address, words): to their paragraphs in the sources."""
    parts = [f'<div class="event-card"><div class="event-heading">{mixed_html(card.heading)}</div>']
    parts.append(f'<div class="event-meta">{mixed_html(card.meta)}</div>')
    for report in card.reports:
        parts.append(f"<blockquote>{quote_html(report.quote)} — <em>{mixed_html(report.source)}</em></blockquote>")
        if report.note:
            parts.append(f'<div class="event-note">{mixed_html(report.note)}</div>')
    if card.figures:
        items = "".join(
            f"<li>{mixed_html(f.name)}: <strong>{html.escape(f.value)}</strong> — {quote_html(f.quote)} "
            f"({mixed_html(f.source)})</li>"
            for f in card.figures
        )
        parts.append(f"<ul>{items}</ul>")
    if link is not None:
        href, words = (html.escape(part, quote=True) for part in link)
        parts.append(f'<a class="kpi-source" href="{href}" target="_blank" rel="noopener">{words} ↗</a>')
    return "".join(parts) + "</div>"


def render_event_cards(cards: list[event_views.EventCard], filters: Filters) -> None:
    """Every event card, as one HTML element: fourteen cards of Streamlit containers and markdown cost the browser
    about as much on a filter change as the chart above them. Each links its reports' paragraphs in the sources."""
    if cards:
        words = t("evidence_link", filters.lang)

        def link(card: event_views.EventCard) -> tuple[str, str] | None:
            return (citations.evidence_href(card.request, filters), words) if card.request else None

        st.html("".join(make_event_card_html(card, link(card)) for card in cards))


def render_explorer(filters: Filters) -> None:
    """Search and indicator picker over the selected figures, the table (each row with a link to its paragraph in
    its source), and its CSV / Excel downloads (without the links: they are addresses of this app)."""
    lang = filters.lang
    selected = data.selected_figures(filters)
    if selected is None:
        return
    left, right = st.columns([2, 3])
    query = left.text_input(t("explorer_search", lang), key="explorer_q")
    names = data.memo(("indicator-names", filters), lambda: explorer_views.indicator_names(selected, lang))
    picked = right.multiselect(
        t("indicator", lang),
        list(names),
        format_func=lambda i: names.get(i, i),
        key="explorer_ind",
        placeholder=t("all_indicators", lang),
    )
    table = data.memo(
        ("explorer", filters, query.strip()[:100], tuple(picked)),
        lambda: explorer_views.figures_table(transforms.search_figures(selected, query, picked), lang),
    )
    st.caption(t("rows_shown", lang, n=len(table)))
    if table.empty:
        st.info(t("empty_state", lang))
    else:
        shown = data.memo(
            ("explorer-links", filters, query.strip()[:100], tuple(picked)),
            lambda: explorer_views.with_trend_links(
                citations.link_table(
                    explorer_views.shown_table(table, lang), [figures_request([f]) for f in table["figure_id"]], filters
                ),
                [trend_href(i, filters) for i in explorer_views.indicators_of(selected, table["figure_id"])],
                lang,
            ),
        )
        render_table(
            shown,
            width="stretch",
            height=min(600, 38 + 35 * len(table)),
            column_config={
                t("value", lang): st.column_config.NumberColumn(
                    t("value", lang), help=t("base_units", lang), width="medium", format="localized"
                ),
                **{
                    t(c, lang): st.column_config.TextColumn(t(c, lang), width="large", help=t("evidence_help", lang))
                    for c in original_columns("evidence", lang)
                },
                "url": st.column_config.LinkColumn(t("url", lang), display_text="↗"),
                t("source", lang): st.column_config.TextColumn(t("source", lang), width="medium"),
                **citations.link_column_config(lang),
                t("trend_column", lang): st.column_config.LinkColumn(
                    t("trend_column", lang), display_text=t("trend_link", lang) + " →", width="medium"
                ),
            },
            key="figures-table",
        )
    render_downloads(table, f"hbeu-figures-{lang}", lang)


def render_timeline(filters: Filters) -> None:
    """The milestones chart, then every event as a card with its reports and the figures signed there."""
    lang = filters.lang
    events, sources = data.get_table("events"), data.get_table("sources")
    if events is None or sources is None:
        return
    timeline = data.memo(
        ("timeline", filters.cities), lambda: event_views.build_timeline(events, sources, filters.cities)
    )
    render_chart("tl-chart", lambda: chart_views.timeline_chart(timeline, lang), filters)
    figures = data.get_figures()
    cards = data.memo(
        ("event-cards", filters), lambda: event_views.build_event_cards(timeline, events, sources, figures, lang)
    )
    render_event_cards(cards, filters)
