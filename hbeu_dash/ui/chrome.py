"""Page chrome: style, sidebar filters, data banner, title, the guards that end a page early, the footer."""

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from hbeu_dash import schema
from hbeu_dash.filters import Filters
from hbeu_dash.i18n import LANGS, LANGUAGE_NAMES, label, t
from hbeu_dash.ui import auth, briefing, data, state
from hbeu_dash.ui.widgets import escape_md
from hbeu_dash.views import quality as quality_views
from hbeu_dash.views.registry import PAGES, PRESENT

PRESENT_PATH = next(p.path for p in PAGES if p.url_path == PRESENT)

CSS = """<style>
.kpi-grid { display: grid; grid-template-columns: repeat(var(--kpi-per-row, 4), minmax(0, 1fr)); gap: 1rem;
  margin-bottom: 1rem; }
@media (max-width: 900px) { .kpi-grid { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
@media (max-width: 520px) { .kpi-grid { grid-template-columns: minmax(0, 1fr); } }
.kpi-card { border: 1px solid rgba(49, 51, 63, 0.2); border-radius: 0.5rem; padding: 1rem; line-height: 1.4; }
.kpi-name { font-weight: 600; margin-bottom: 0.75rem; }
.kpi-city { font-size: 0.875rem; }
.kpi-help { color: rgba(49, 51, 63, 0.75); cursor: help; margin-left: 0.15rem; }
.kpi-value { font-size: 1.9rem; line-height: 1.25; margin: 0.1rem 0 0.6rem; overflow-wrap: anywhere; }
.kpi-meta, .kpi-agree { font-size: 0.875rem; color: rgba(49, 51, 63, 0.8); }
.kpi-agree { margin-top: 0.6rem; }
.kpi-conflict { color: #bd4043; font-weight: 600; margin: 0.2rem 0 0.4rem; }
.kpi-change { display: flex; flex-wrap: wrap; align-items: center; gap: 0.3rem 0.45rem; font-size: 0.875rem;
  margin: 0.1rem 0 0.45rem; }
.kpi-arrow { font-weight: 700; }
.kpi-spark { color: #0072B2; flex: none; }
.kpi-stale { font-size: 0.8rem; color: #8a5300; margin-top: 0.35rem; border-left: 3px solid #E69F00;
  padding-left: 0.35rem; }
.kpi-links { display: flex; flex-wrap: wrap; gap: 0 1rem; }
.kpi-links a { display: inline-block; margin-top: 0.5rem; font-size: 0.875rem; }
.hl-band { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 0.75rem; margin-bottom: 0; }
@media (max-width: 1100px) { .hl-band { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
@media (max-width: 520px) { .hl-band { grid-template-columns: minmax(0, 1fr); } }
.hl-item { border-left: 4px solid #0072B2; background: rgba(0, 114, 178, 0.06); border-radius: 0.25rem;
  padding: 0.5rem 0.75rem; line-height: 1.4; min-width: 0; }
.hl-conflicts { border-left-color: #bd4043; background: rgba(189, 64, 67, 0.06); }
.hl-label { font-size: 0.8rem; font-weight: 700; letter-spacing: 0.02em; }
.hl-text { font-size: 0.9rem; margin: 0.1rem 0 0.15rem; display: -webkit-box; -webkit-line-clamp: 3;
  -webkit-box-orient: vertical; overflow: hidden; }
.hl-source { font-size: 0.75rem; color: rgba(49, 51, 63, 0.8); overflow-wrap: anywhere; display: -webkit-box;
  -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
.hl-head { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0 0.6rem; align-items: baseline; }
.hl-links { font-size: 0.78rem; }
.hl-links a { margin-left: 0.6rem; white-space: nowrap; }
.ov-groups { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 0.75rem; margin-bottom: 1rem;
  align-items: start; }
@media (max-width: 1100px) { .ov-groups { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
@media (max-width: 520px) { .ov-groups { grid-template-columns: minmax(0, 1fr); } }
.ov-group { display: flex; flex-direction: column; gap: 0.35rem; min-width: 0; }
.ov-title { font-size: 1rem; font-weight: 700; margin: 0; padding: 0 0 0.1rem; border-bottom: 2px solid #0072B2; }
.ov-group .kpi-card { padding: 0.5rem 0.75rem; }
.ov-group .kpi-name { margin-bottom: 0.15rem; }
.ov-group .kpi-value { font-size: 1.5rem; margin: 0 0 0.1rem; }
.ov-group .kpi-lead .kpi-name { font-size: 0.95rem; line-height: 1.35; }
.ov-group .kpi-meta, .ov-group .kpi-links a, .ov-group .kpi-stale, .ov-group .kpi-change, .ov-group .kpi-conflict {
  font-size: 0.78rem; margin-top: 0.15rem; margin-bottom: 0; }
.kpi-compact { padding: 0.4rem 0.7rem; line-height: 1.3; }
.ov-group .kpi-compact .kpi-name { font-size: 0.85rem; margin-bottom: 0.05rem; }
.ov-group .kpi-compact .kpi-value { font-size: 1.15rem; margin: 0; }
.kpi-place { font-size: 0.8rem; color: rgba(49, 51, 63, 0.8); }
.kpi-compact .kpi-meta .kpi-source { margin-top: 0; font-size: inherit; }
.ov-group .kpi-compact .kpi-meta, .ov-group .kpi-compact .kpi-stale, .ov-group .kpi-compact .kpi-change,
.ov-group .kpi-compact .kpi-conflict { font-size: 0.72rem; margin-top: 0.05rem; }
[data-testid="stApp"]:has(.hl-band) [data-testid="stMainBlockContainer"] { padding-top: 2.25rem !important; }
[data-testid="stApp"]:has(.hl-band) [data-testid="stMain"] h1 { font-size: 1.75rem; padding-bottom: 0.6rem; }
.event-card { border: 1px solid rgba(49, 51, 63, 0.2); border-radius: 0.5rem; padding: 1rem; margin-bottom: 1rem;
  line-height: 1.6; }
.event-heading { font-weight: 600; margin-bottom: 0.5rem; }
.event-meta, .event-note { font-size: 0.875rem; color: rgba(49, 51, 63, 0.6); margin-bottom: 0.75rem; }
.event-card blockquote { border-left: 3px solid rgba(49, 51, 63, 0.2); margin: 0 0 0.5rem; padding-left: 0.75rem;
  color: rgba(49, 51, 63, 0.75); }
.event-card ul { margin: 0.25rem 0 0; padding-left: 1.25rem; }
.evidence-pending { font-style: italic; font-size: 0.9em; color: #8a5300; }
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


def make_pages(lang: str) -> list[st.Page]:
    """The pages of the registry, titled in `lang`; the data-entry pages only for a logged-in analyst (for anyone
    else they are not registered at all, so their URL opens the default page)."""
    analyst = auth.current_analyst() is not None
    return [
        st.Page(
            p.path,
            title=t(p.title_key, lang),
            icon=p.icon,
            url_path=p.url_path,
            default=p.default,
            visibility="hidden" if p.hidden else "visible",
        )
        for p in PAGES
        if analyst or not p.analyst_only
    ]


def requested_url_path(pages: list[st.Page]) -> str | None:
    """The url_path of the page this run was asked for, before st.navigation resolves it (None when unknown).

    The presenter's page needs `st.navigation(position="hidden")`, which must be decided before the call; Streamlit
    has no public API for the requested page, so this reads its pages manager and falls back to None.
    """
    ctx = get_script_run_ctx()
    manager = getattr(ctx, "pages_manager", None)
    wanted_hash = getattr(manager, "intended_page_script_hash", None)
    wanted_name = getattr(manager, "intended_page_name", None)
    for page in pages:
        page_hash = getattr(page, "_script_hash", None)
        if (wanted_hash and page_hash == wanted_hash) or (wanted_name and page.url_path == wanted_name):
            return page.url_path
    return None


def make_navigation(lang: str) -> tuple[st.navigation, bool]:
    """The navigation over the page registry, titled in `lang`, and whether the presenter's slides run: then it
    is hidden (no sidebar, no expand arrow)."""
    pages = make_pages(lang)
    presenting = requested_url_path(pages) == PRESENT
    navigation = st.navigation(pages, position="hidden" if presenting else "sidebar")
    return navigation, presenting or navigation.url_path == PRESENT


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
        st.page_link(PRESENT_PATH, label=t("open_presenter", lang), icon=":material/slideshow:")
        briefing.render_briefing_downloads(state.current_filters())
        auth.render_account(lang)
    filters = state.current_filters()
    state.sync_url(filters, state.current_view(data.data_version()))
    render_notices(lang)
    return filters


def render_notices(lang: str, presenting: bool = False) -> None:
    """The URL parameters that were ignored (told once; as a toast on the presenter's slides)."""
    for n in state.pop_notices():
        why = t("param_unknown" if n.reason == "unknown" else "param_bad_value", lang)
        message = t("param_ignored", lang, name=escape_md(n.name), value=escape_md(n.value), why=why)
        if presenting:
            st.toast(message, icon="⚠️")
        else:
            st.warning(message, icon="⚠️")


def render_version_notices(lang: str, presenting: bool = False) -> None:
    """Say when a link was made with other data than is shown now (once, at the session's start), and when the
    data changes while a session is open. The current data is shown either way: never an error, never silently."""
    version = data.data_version()
    changed = state.changed_since_last_run(version)
    stale = state.take_stale_link_notice(version)
    if stale:
        message = t("link_version_stale", lang, linked=stale, version=version)
        if presenting:
            st.toast(message, icon="ℹ️")
        else:
            st.info(message, icon="ℹ️")
    if changed:
        st.toast(t("data_changed", lang, before=changed, version=version), icon="ℹ️")


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
    """The data version this page shows (and the one its link was made with, when older), under every page."""
    version = data.data_version()
    line = t("data_version", lang, version=version)
    stale = state.stale_link_version(version)
    if stale:
        line += " · " + t("link_version", lang, linked=stale)
    st.divider()
    st.caption(line)


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
