"""The analysts' pages as anyone else reaches them. The URL of a data-entry page (/add-data, /history) opens, in the
page's place, its sign-in (a reader not signed in) or a plain notice that the page is for analysts (a viewer); the
page's own script is registered only for an analyst (chrome.make_pages), so none of it runs for anyone else. A
stand-in has the page's url_path, hence its script hash: after a password sign-in the same run request, its URL
and parameters unchanged, runs the real page."""

import functools

import streamlit as st

from hbeu_dash.i18n import t
from hbeu_dash.ui import auth, state
from hbeu_dash.ui.widgets import escape_md
from hbeu_dash.views.registry import PAGES, PageSpec

HOME = next(p for p in PAGES if p.default)
FORM_WIDTH = 480  # px


def stand_in(spec: PageSpec, lang: str) -> st.Page:
    """The page registered at `spec`'s URL for anyone but an analyst: its title, out of the navigation."""
    return st.Page(
        functools.partial(render_stand_in, spec),
        title=t(spec.title_key, lang),
        icon=":material/lock:",
        url_path=spec.url_path,
        visibility="hidden",
    )


def render_stand_in(spec: PageSpec) -> None:
    """The page's title, then: the sign-in for a reader not signed in; a notice for a viewer (no form: no loop)."""
    lang = state.current_lang()
    config = auth.load_config()
    who, _ = auth.current_login()  # never an analyst here: an analyst's navigation runs the real page
    page = t(spec.title_key, lang)
    st.title(page)
    if who:
        st.info(t("signin_analysts_only", lang, page=page, name=escape_md(who)), icon=":material/lock:")
    elif not config.has_logins:
        st.info(t("signin_none_here", lang, page=page), icon=":material/lock:")
    else:
        st.warning(t("signin_asked", lang, page=page), icon=":material/lock:")
        with st.container(width=FORM_WIDTH):  # a form's width, not the page's (a phone's screen is narrower)
            st.subheader(t("signin_entry", lang))
            auth.render_login(config, lang)
            if config.oidc:  # the provider sends the browser back to the app's root, not to this URL
                st.caption(t("signin_oidc_return", lang, home=t(HOME.title_key, lang), page=page))
    st.page_link(HOME.path, label=t("signin_back", lang, page=t(HOME.title_key, lang)), icon=":material/arrow_back:")
