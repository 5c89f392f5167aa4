"""Change over time in the app: the trend page (one indicator over time, the four cities side by side, its cards)
and the overview's headline band (statements from views/headline, each cited and linked)."""

import html
from urllib.parse import urlencode

import streamlit as st

from hbeu_dash.i18n import t
from hbeu_dash.model import transforms
from hbeu_dash.ui import citations, data
from hbeu_dash.ui.card_html import trend_href
from hbeu_dash.ui.widgets import render_chart, render_kpis
from hbeu_dash.views import charts as chart_views
from hbeu_dash.views import explorer as explorer_views
from hbeu_dash.views import headline as headline_views
from hbeu_dash.views import trends as trend_views
from hbeu_dash.views.filters import Filters
from hbeu_dash.views.registry import TREND_PARAM


def render_trends(filters: Filters) -> None:
    """One indicator (from the URL's `indicator`, else a picker's default): its card per place with what changed,
    its values over time, and the four cities side by side; the URL carries the indicator shown."""
    lang = filters.lang
    selected = data.selected_figures(filters)
    if selected is None:
        return
    names = data.memo(("indicator-names", filters), lambda: explorer_views.indicator_names(selected, lang))
    if not names:
        st.info(t("empty_state", lang), icon="🔎")
        return
    asked = str(st.query_params.get(TREND_PARAM, ""))
    if asked and asked not in names:
        st.warning(t("trend_unknown_indicator", lang, value=asked[:60]))
    key = "trend_indicator"
    if asked in names and st.session_state.get("trend_asked") != asked:
        st.session_state[key] = asked  # a link followed (or a new URL typed) chooses, once
    st.session_state["trend_asked"] = asked
    if st.session_state.get(key) not in names:
        st.session_state[key] = data.memo(("trend-default", filters), lambda: trend_views.default_indicator(selected))
    indicator = st.selectbox(t("indicator", lang), list(names), format_func=lambda i: names.get(i, i), key=key)
    if asked != indicator:
        st.query_params[TREND_PARAM] = indicator
        st.session_state["trend_asked"] = indicator
    render_kpis(trend_views.place_cards(selected, indicator), filters)
    widgets_row = st.columns(2)
    with widgets_row[0]:
        render_chart("trend", lambda: chart_views.trend_chart(selected, indicator, lang), filters, indicator)
    with widgets_row[1]:
        in_sectors = data.get_scope(filters).in_sectors  # every city's place, those the filter leaves out marked
        per_city = data.memo(
            ("city-indicators", filters.sectors), lambda: set(transforms.indicators_with_city_values(in_sectors))
        )
        if indicator in per_city:
            cities = filters.cities
            build = lambda: chart_views.cities_chart(in_sectors, indicator, lang, cities)  # noqa: E731
            render_chart("cities", build, filters, indicator)
        else:
            st.info(t("trend_not_per_city", lang, name=names[indicator]))


def headline_html(statements: tuple[headline_views.Statement, ...], filters: Filters, origin: str) -> str:
    """The headline band: each statement's label, sentence, sources and links (its paragraphs; its trend or the
    quality page where one tells more)."""
    lang, items = filters.lang, []
    for statement in statements:
        links = []
        if statement.request:
            href = html.escape(citations.evidence_href(statement.request, filters, origin), quote=True)
            links.append(
                f'<a href="{href}" target="_blank" rel="noopener">{html.escape(t("evidence_link", lang))} ↗</a>'
            )
        if statement.indicator_id:
            href = html.escape(trend_href(statement.indicator_id, filters, origin), quote=True)
            links.append(f'<a href="{href}" target="_self">{html.escape(t("trend_short", lang))} →</a>')
        if statement.page:
            query = urlencode(citations.carried_params(filters, origin))
            href = html.escape(f"{statement.page}?{query}", quote=True)
            links.append(f'<a href="{href}" target="_self">{html.escape(t("headline_more", lang))} →</a>')
        items.append(
            f'<div class="hl-item hl-{html.escape(statement.kind)}" role="listitem">'
            f'<div class="hl-head"><span class="hl-label">{html.escape(statement.label)}</span>'
            f'<span class="hl-links">{"".join(links)}</span></div>'
            f'<div class="hl-text" title="{html.escape(statement.text)}">{html.escape(statement.text)}</div>'
            f'<div class="hl-source" title="{html.escape(statement.sources)}">{html.escape(statement.sources)}</div>'
            "</div>"
        )
    label = html.escape(t("headline_band", lang), quote=True)
    return f'<div class="hl-band" role="list" aria-label="{label}">{"".join(items)}</div>' if items else ""


def render_headline(filters: Filters) -> None:
    """Three or four statements from the data, each cited, above everything else on the overview."""
    origin = citations.current_page()

    def build() -> str:
        statements = headline_views.build_headline(data.get_scope(filters))
        return citations.CSS + headline_html(statements, filters, origin)

    band = data.memo(("headline", filters, origin), build)
    if band:
        st.html(band)
