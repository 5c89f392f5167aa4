"""Page chrome: style, sidebar filters, data banner, title, the guards that end a page early, the footer."""

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from hbeu_dash.i18n import LANGS, LANGUAGE_NAMES, label, t
from hbeu_dash.model import schema
from hbeu_dash.ui import auth, briefing, card_html, data, framework_text, phone_style, reconnect, screen, signin, state
from hbeu_dash.ui.widgets import escape_md
from hbeu_dash.views import quality as quality_views
from hbeu_dash.views.filters import Filters
from hbeu_dash.views.registry import PAGES, PRESENT

PRESENT_PATH = next(p.path for p in PAGES if p.url_path == PRESENT)

CSS = (
    card_html.CSS
    + """<style>
.event-card { border: 1px solid rgba(49, 51, 63, 0.2); border-radius: 0.5rem; padding: 1rem; margin-bottom: 1rem;
  line-height: 1.6; }
.event-heading { font-weight: 600; margin-bottom: 0.5rem; }
.event-meta, .event-note { font-size: 0.875rem; color: rgba(49, 51, 63, 0.8); margin-bottom: 0.75rem; }
.event-card blockquote { border-left: 3px solid rgba(49, 51, 63, 0.2); margin: 0 0 0.5rem; padding-left: 0.75rem;
  color: rgba(49, 51, 63, 0.75); }
.event-card ul { margin: 0.25rem 0 0; padding-left: 1.25rem; }
.evidence-pending { font-style: italic; font-size: 0.9em; color: #8a5300; }
/* captions: Streamlit's opacity 0.6 reads 4.4:1 on the sidebar's grey; 0.7 reads 5.8:1 (WCAG AA: 4.5:1) */
div[data-testid="stCaptionContainer"] { opacity: 0.7; }
/* a multiselect's type-in box squeezed beside its chips: at least 24 px wide (WCAG 2.2 target size) */
[data-testid="stMultiSelect"] input[role="combobox"] { min-width: 24px; }
/* the hidden helpers (framework text, screen probe, connection notice) take no gap in the page's column */
[data-testid="stLayoutWrapper"]:has(> .st-key-hbeu-framework-text, > .st-key-screen-probe,
  > .st-key-hbeu-connection) { display: contents; }
</style>"""
)


class PageEnded(Exception):
    """Raised by a guard when the rest of a page has nothing to show; app.py catches it and draws the footer."""


def end_page() -> None:
    """End this page here (its notice is already shown); the footer is still drawn."""
    raise PageEnded


def begin_run() -> Filters:
    """The start of every script run: fix the data version, read the URL on a session's first run (and see whether a
    password sign-in was lost with the server it reconnected from)."""
    data.begin_run()
    state.init_state()
    reconnect.check_lost_signin()
    return state.current_filters()


def make_pages(lang: str) -> list[st.Page]:
    """The pages of the registry, titled in `lang`. The data-entry pages' scripts only for a logged-in analyst; for
    anyone else their URL opens a stand-in at the same url_path, out of the navigation: the sign-in, or a viewer's
    notice (ui/signin.py)."""
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
        if analyst or not p.analyst_only
        else signin.stand_in(p, lang)
        for p in PAGES
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


def render_style(lang: str) -> None:
    """Local CSS for the KPI cards (nothing is fetched); the framework's own words in `lang`; the notice a lost
    connection shows, and the rerun once it is back."""
    reconnect.render(lang, auth.has_password_login())
    st.html(CSS)
    st.html(phone_style.CSS)
    framework_text.render(lang)
    screen.render_probe()  # the charts drawn for a phone or a wide screen


def render_sidebar(page: str | None = None) -> Filters:
    """Language, the analysts' sign-in (or who is logged in), city and sector filters in the sidebar, mirrored into
    the URL; ignored URL parameters told. `page`: the url_path about to run."""
    lang = state.current_lang()
    with st.sidebar:
        st.radio(
            t("language", lang), list(LANGS), key=state.KEYS["lang"], format_func=LANGUAGE_NAMES.get, horizontal=True
        )
        lang = state.current_lang()
        auth.render_account(lang, page)  # near the top: findable without scrolling, on a phone too
        st.multiselect(
            t("filter_cities", lang),
            list(schema.CITY_IDS),
            key=state.KEYS["cities"],
            format_func=lambda c: label("city", c, lang),
            placeholder=t("choose_options", lang),
        )
        st.multiselect(
            t("filter_sectors", lang),
            list(schema.SECTORS),
            key=state.KEYS["sectors"],
            format_func=lambda s: label("sector", s, lang),
            placeholder=t("choose_options", lang),
        )
        st.button(t("reset_filters", lang), on_click=state.reset_filters)
        st.caption(t("filter_help", lang))
        st.page_link(PRESENT_PATH, label=t("open_presenter", lang), icon=":material/slideshow:")
        briefing.render_briefing_downloads(state.current_filters())
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
    reconnect.render_lost_signin(lang, auth.current_login()[0] is not None, presenting)


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
