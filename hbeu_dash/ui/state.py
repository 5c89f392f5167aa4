"""URL and session state: the filters a session starts from (the URL) and the ones it has chosen since."""

import streamlit as st

from hbeu_dash import schema
from hbeu_dash.filters import Filters, Notice, parse_query_params, to_query_params
from hbeu_dash.i18n import DEFAULT_LANG

KEYS = {"lang": "lang", "cities": "f_cities", "sectors": "f_sectors"}
_INIT = "_init"
_NOTICES = "_notices"


def init_state() -> None:
    """On a session's first run, take the filters from the URL (and keep what was wrong with it to tell)."""
    if st.session_state.get(_INIT):
        return
    filters, notices = parse_query_params(st.query_params.to_dict())
    st.session_state[KEYS["lang"]] = filters.lang
    st.session_state[KEYS["cities"]] = list(filters.cities)
    st.session_state[KEYS["sectors"]] = list(filters.sectors)
    st.session_state[_NOTICES] = notices
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


def reset_filters() -> None:
    """Every city and every sector selected again (the language stays)."""
    st.session_state[KEYS["cities"]] = list(schema.CITY_IDS)
    st.session_state[KEYS["sectors"]] = list(schema.SECTORS)


def sync_url(filters: Filters) -> None:
    """Mirror the filters into the URL, so a copied link reproduces the view."""
    wanted = to_query_params(filters)
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)


def pop_notices() -> list[Notice]:
    """The URL parameters ignored on this session's first run (told once)."""
    return st.session_state.pop(_NOTICES, [])
