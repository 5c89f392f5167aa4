"""URL and session state: the filters a session starts from (the URL) and the ones it has chosen since."""

import streamlit as st

from hbeu_dash.i18n import DEFAULT_LANG
from hbeu_dash.model import schema
from hbeu_dash.views.filters import (
    PAGE_PARAMS,
    Filters,
    Notice,
    ViewParams,
    parse_query_params,
    parse_view_params,
    to_query_params,
    to_view_params,
)

KEYS = {
    "lang": "lang",
    "cities": "f_cities",
    "sectors": "f_sectors",
    "slide": "slide",
    "theme": "present_theme",
    "advance": "present_every",
}
_INIT = "_init"
_NOTICES = "_notices"
_LINK_VERSION = "_link_version"  # the data version the opening link was made with (None when it named none)
_LINK_TOLD = "_link_told"
_SEEN_VERSION = "_seen_version"  # the data version this session last showed


def init_state() -> None:
    """On a session's first run, take the filters and view from the URL (and keep what was wrong with it to tell)."""
    if st.session_state.get(_INIT):
        for key in KEYS.values():  # keep values whose widget this page does not draw (slides have no sidebar)
            if key in st.session_state:
                st.session_state[key] = st.session_state[key]
        return
    params = st.query_params.to_dict()
    filters, notices = parse_query_params(params)
    view, view_notices = parse_view_params(params)
    st.session_state[KEYS["lang"]] = filters.lang
    st.session_state[KEYS["cities"]] = list(filters.cities)
    st.session_state[KEYS["sectors"]] = list(filters.sectors)
    st.session_state[KEYS["slide"]] = view.slide
    st.session_state[KEYS["theme"]] = view.theme
    st.session_state[KEYS["advance"]] = view.advance
    st.session_state[_LINK_VERSION] = view.version
    st.session_state[_NOTICES] = notices + view_notices
    st.session_state[_INIT] = True


def current_lang() -> str:
    """The language chosen in the sidebar (zh by default)."""
    return st.session_state.get(KEYS["lang"], DEFAULT_LANG)


def current_filters() -> Filters:
    """The filters chosen in the sidebar."""
    return Filters(
        lang=current_lang(),
        cities=tuple(c for c in schema.CITY_IDS if c in st.session_state.get(KEYS["cities"], schema.CITY_IDS)),
        sectors=tuple(s for s in schema.SECTORS if s in st.session_state.get(KEYS["sectors"], schema.SECTORS)),
    )


def current_view(version: str) -> ViewParams:
    """The view shown now: the current data version, the presenter's slide, theme and interval."""
    return ViewParams(
        version=version,
        slide=int(st.session_state.get(KEYS["slide"], 1)),
        theme=st.session_state.get(KEYS["theme"], "light"),
        advance=int(st.session_state.get(KEYS["advance"], 0)),
    )


def reset_filters() -> None:
    """Every city and every sector selected again (the language stays)."""
    st.session_state[KEYS["cities"]] = list(schema.CITY_IDS)
    st.session_state[KEYS["sectors"]] = list(schema.SECTORS)


def sync_url(filters: Filters, view: ViewParams, presenting: bool = False) -> None:
    """Mirror the filters, the data version (and the presenter's slide) into the URL: a copied link reproduces the
    view and says which data it showed. A page's own parameters stay (the rows of /evidence); Streamlit drops them
    when the reader moves to another page."""
    page = {k: v for k, v in st.query_params.to_dict().items() if k in PAGE_PARAMS}
    wanted = {**to_query_params(filters), **to_view_params(view, presenting), **page}
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)


def pop_notices() -> list[Notice]:
    """The URL parameters ignored on this session's first run (told once)."""
    return st.session_state.pop(_NOTICES, [])


def stale_link_version(version: str) -> str | None:
    """The data version the opening link was made with, when it is not `version` (the data changed since)."""
    linked = st.session_state.get(_LINK_VERSION)
    return linked if linked and linked != version else None


def take_stale_link_notice(version: str) -> str | None:
    """The opening link's older data version, asked once per session (on its first run): later changes of the data
    are told by changed_since_last_run, not as an old link."""
    if st.session_state.get(_LINK_TOLD):
        return None
    st.session_state[_LINK_TOLD] = True
    return stale_link_version(version)


def changed_since_last_run(version: str) -> str | None:
    """The data version this session showed on its previous run, when the data has changed since; else None."""
    seen = st.session_state.get(_SEEN_VERSION)
    st.session_state[_SEEN_VERSION] = version
    return seen if seen and seen != version else None


def saw_version(version: str) -> None:
    """This session made the data `version` itself (a commit or an undo): its own change is not news to it."""
    st.session_state[_SEEN_VERSION] = version
