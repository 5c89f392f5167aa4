"""Page chrome: style, sidebar filters, data banner, title, the guards that end a page early, the footer."""

import streamlit as st

from hbeu_dash import schema
from hbeu_dash.filters import Filters
from hbeu_dash.i18n import LANGS, LANGUAGE_NAMES, label, t
from hbeu_dash.ui import data, state
from hbeu_dash.ui.widgets import escape_md
from hbeu_dash.views import quality as quality_views
from hbeu_dash.views.registry import PAGES

CSS = """<style>
.kpi-grid { display: grid; grid-template-columns: repeat(var(--kpi-per-row, 4), minmax(0, 1fr)); gap: 1rem;
  margin-bottom: 1rem; }
@media (max-width: 900px) { .kpi-grid { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
@media (max-width: 520px) { .kpi-grid { grid-template-columns: minmax(0, 1fr); } }
.kpi-card { border: 1px solid rgba(49, 51, 63, 0.2); border-radius: 0.5rem; padding: 1rem; line-height: 1.4; }
.kpi-name { font-weight: 600; margin-bottom: 0.75rem; }
.kpi-city { font-size: 0.875rem; }
.kpi-help { color: rgba(49, 51, 63, 0.6); cursor: help; margin-left: 0.15rem; }
.kpi-value { font-size: 1.9rem; line-height: 1.25; margin: 0.1rem 0 0.6rem; overflow-wrap: anywhere; }
.kpi-meta, .kpi-agree { font-size: 0.875rem; color: rgba(49, 51, 63, 0.6); }
.kpi-agree { margin-top: 0.6rem; }
.kpi-conflict { color: #bd4043; font-weight: 600; margin-top: 0.6rem; }
.event-card { border: 1px solid rgba(49, 51, 63, 0.2); border-radius: 0.5rem; padding: 1rem; margin-bottom: 1rem;
  line-height: 1.6; }
.event-heading { font-weight: 600; margin-bottom: 0.5rem; }
.event-meta, .event-note { font-size: 0.875rem; color: rgba(49, 51, 63, 0.6); margin-bottom: 0.75rem; }
.event-card blockquote { border-left: 3px solid rgba(49, 51, 63, 0.2); margin: 0 0 0.5rem; padding-left: 0.75rem;
  color: rgba(49, 51, 63, 0.75); }
.event-card ul { margin: 0.25rem 0 0; padding-left: 1.25rem; }
</style>"""


class PageEnded(Exception):
    """Raised by a guard when the rest of a page has nothing to show; app.py catches it and draws the footer."""


def end_page() -> None:
    """End this page here (its notice is already shown); the footer is still drawn."""
    raise PageEnded


def begin_run() -> Filters:
    """The start of every script run: fix the data version, read the URL on a session's first run."""
    data.begin_run()
    state.init_state()
    return state.current_filters()


def make_navigation(lang: str) -> st.navigation:
    """The sidebar navigation over the page registry, titled in `lang`."""
    return st.navigation(
        [
            st.Page(p.path, title=t(p.title_key, lang), icon=p.icon, url_path=p.url_path, default=p.default)
            for p in PAGES
        ]
    )


def render_style() -> None:
    """Local CSS for the KPI cards (nothing is fetched)."""
    st.html(CSS)


def render_sidebar() -> Filters:
    """Language, city and sector filters in the sidebar, mirrored into the URL; ignored URL parameters told."""
    lang = state.current_lang()
    with st.sidebar:
        st.radio(
            t("language", lang), list(LANGS), key=state.KEYS["lang"], format_func=LANGUAGE_NAMES.get, horizontal=True
        )
        lang = state.current_lang()
        st.multiselect(
            t("filter_cities", lang),
            list(schema.CITY_IDS),
            key=state.KEYS["cities"],
            format_func=lambda c: label("city", c, lang),
        )
        st.multiselect(
            t("filter_sectors", lang),
            list(schema.SECTORS),
            key=state.KEYS["sectors"],
            format_func=lambda s: label("sector", s, lang),
        )
        st.button(t("reset_filters", lang), on_click=state.reset_filters)
        st.caption(t("filter_help", lang))
    filters = state.current_filters()
    state.sync_url(filters)
    for n in state.pop_notices():
        why = t("param_unknown" if n.reason == "unknown" else "param_bad_value", lang)
        st.warning(t("param_ignored", lang, name=escape_md(n.name), value=escape_md(n.value), why=why), icon="⚠️")
    return filters


def render_data_banner(lang: str) -> None:
    """A banner on every page when a data file is broken; the rest keeps working."""
    banner = quality_views.build_banner(data.get_data(), lang)
    if banner:
        st.error(escape_md(banner), icon="🚨")


def render_header(title_key: str, lang: str, intro_key: str | None = None) -> None:
    """Page title (and an optional one-line introduction)."""
    st.title(t(title_key, lang))
    if intro_key:
        st.caption(t(intro_key, lang))


def render_footer(lang: str) -> None:
    """The data version this page shows, under every page."""
    st.divider()
    st.caption(t("data_version", lang, version=data.data_version()))


def begin_page(title_key: str, sector: str | None = None, intro_key: str | None = None) -> Filters:
    """Title, then end the page with a friendly notice when nothing (or not this page's sector) is selected."""
    filters = state.current_filters()
    render_header(title_key, filters.lang, intro_key)
    if filters.is_empty or (sector is not None and sector not in filters.sectors):
        st.info(t("empty_state", filters.lang), icon="🔎")
        end_page()
    return filters


def require_table(name: str, lang: str) -> None:
    """End the page with a notice when the table `name` is broken (its problems are on the quality page)."""
    if data.get_table(name) is None or (name == "figures" and data.get_figures() is None):
        render_unavailable(name, lang)
        end_page()


def render_unavailable(name: str, lang: str) -> None:
    """The notice shown in place of content whose data file is broken."""
    st.info(t("table_unavailable", lang, file=f"{name}.csv"))
