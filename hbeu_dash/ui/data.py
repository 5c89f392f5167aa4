"""Data at the UI boundary: the store, one data version per script run, cached tables and a memo of view models."""

import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pandas as pd
import streamlit as st

from hbeu_dash import paths
from hbeu_dash.i18n import DEFAULT_LANG, LANGS, t
from hbeu_dash.model.loaders import LoadResult
from hbeu_dash.store import CsvStore, Store, StoreUnavailable, select
from hbeu_dash.views.filters import Filters
from hbeu_dash.views.scope import Scope, join_all

T = TypeVar("T")
MEMO_ENTRIES = 512
_RUN = threading.local()
_MEMO: OrderedDict[tuple, object] = OrderedDict()
_MEMO_LOCK = threading.Lock()


# The stores the cached readers read, by key: a cached function takes the key (hashable), not the store object.
_STORES: dict[str, Store] = {}


def configured_url() -> str | None:
    """$HBEU_STORE_URL, else `[store] url` of Streamlit's secrets (any file it was given); None: the CSV folder."""
    url = os.environ.get(select.ENV_VAR)
    if url is None:
        try:
            table = st.secrets.get("store")
        except FileNotFoundError:  # no secrets file at all (StreamlitSecretNotFoundError is one)
            table = None
        url = table.get("url") if hasattr(table, "get") else None
    return select.clean_url(url)


def get_store() -> Store:
    """The store the app reads and writes: PostgreSQL when a store URL is set, else the CSV folder."""
    store = select.store_for_url(configured_url())
    _STORES[store.key] = store
    return store


def _store_for(store_key: str) -> Store:
    """The store with this key: one get_store() returned, else the CSV folder of that name (a CsvStore's key)."""
    store = _STORES.get(store_key)
    return store if store is not None else CsvStore(Path(store_key))


def begin_run() -> None:
    """Fix this script run's data version: the data loaded and the memo keys of one run always agree, even if a
    file is saved mid-run. A database that cannot be reached ends the run with a message (not a traceback)."""
    try:
        store = get_store()
        _RUN.key, _RUN.setting = (store.key, _current_version(store)), _setting()
    except StoreUnavailable as exc:
        _RUN.key = None
        render_unavailable(exc)
        st.stop()
    except ValueError as exc:  # a store URL that cannot be used (unknown scheme, a port that is not a number)
        _RUN.key = None
        lang = _reader_lang()
        st.error(t("store_bad_setting", lang))
        with st.expander(t("store_details", lang)):
            st.code(t("store_setting_text", lang, why=str(exc)), language=None)
        st.stop()


# A shared database's data version is read at most once a second per server process: every new session starts a
# run, and a meeting opening the link at once would otherwise query it once per run. A commit through this server
# forgets it at once (forget_version); one through another server shows here within a second.
VERSION_TTL_S = 1.0
_VERSIONS: dict[str, tuple[float, str]] = {}
_VERSIONS_LOCK = threading.Lock()


def _current_version(store: Store) -> str:
    """The store's data version: a CSV folder's straight away (a stat per file), a database's at most a second old."""
    if isinstance(store, CsvStore):
        return store.data_version()
    now = time.monotonic()
    with _VERSIONS_LOCK:
        held = _VERSIONS.get(store.key)
    if held is not None and now - held[0] < VERSION_TTL_S:
        return held[1]
    version = store.data_version()
    with _VERSIONS_LOCK:
        _VERSIONS[store.key] = (now, version)
    return version


def _forget_version(store_key: str | None = None) -> None:
    with _VERSIONS_LOCK:
        if store_key is None:
            _VERSIONS.clear()
        else:
            _VERSIONS.pop(store_key, None)


def forget_version() -> None:
    """After a commit or an undo through this server: the next run reads the new version (no second of delay)."""
    _forget_version()


def _reader_lang() -> str:
    """The session's language, else the URL's (this runs before the filters are read)."""
    lang = st.session_state.get("lang") or st.query_params.get("lang")
    return lang if lang in LANGS else DEFAULT_LANG


def render_unavailable(exc: Exception) -> None:
    """The store is down: say so in the reader's language (the session's, else the URL's), with a retry button."""
    lang = _reader_lang()
    st.error(t("store_unavailable", lang))
    st.button(t("store_retry", lang), key="store_retry")
    # The driver's own words are for the administrator: kept out of the reader's message, folded away, as code.
    url, reason = getattr(exc, "url", "?"), getattr(exc, "reason", str(exc))
    with st.expander(t("store_details", lang)):
        st.code(t("store_details_text", lang, url=url, reason=reason), language=None)


def _setting() -> tuple[str, str | None]:
    """What the run's store was chosen by and can change cheaply between runs (the folder, the environment)."""
    return str(paths.DATA_DIR), os.environ.get(select.ENV_VAR)


def _run_key() -> tuple[str, str]:
    """This run's (store key, data version), fixed by begin_run(); afresh outside a run or when the setting changed.

    Called by every memo lookup, so it must not choose the store again (st.secrets takes a lock and looks for its
    files on every access: about a tenth of a new session's server CPU)."""
    key = getattr(_RUN, "key", None)
    if key is not None and getattr(_RUN, "setting", None) == _setting():
        return key
    store = get_store()
    return (store.key, store.data_version())


def data_version() -> str:
    """The short content hash of the data this run shows (the page footer prints it)."""
    return _run_key()[1]


class _VersionMoved(Exception):
    """The data changed between fixing the run's version and reading it: the result is not that version's."""

    def __init__(self, result: LoadResult, version: str):
        self.result, self.version = result, version


@st.cache_resource(show_spinner=False, max_entries=4)
def _read_cached(store_key: str, version: str) -> LoadResult:
    read_version, result = _store_for(store_key).read()
    if read_version != version:  # never cache another version's tables under this key (an exception is not cached)
        raise _VersionMoved(result, read_version)
    return result


def _moved_on(store_key: str, version: str, moved: _VersionMoved) -> None:
    """A commit landed since this run fixed its version: the run goes on at the version it actually read, so its
    footer, its links and its memo keys name the tables it shows (never one version's key on another's tables)."""
    if getattr(_RUN, "key", None) == (store_key, version):
        _RUN.key = (store_key, moved.version)
    _forget_version(store_key)


def _read(store_key: str, version: str) -> LoadResult:
    """The tables of `version`, cached; if a commit landed since this run began, the newer tables, uncached."""
    try:
        return _read_cached(store_key, version)
    except _VersionMoved as moved:
        _moved_on(store_key, version, moved)
        return moved.result


@st.cache_resource(show_spinner=False, max_entries=4)
def _joined_cached(store_key: str, version: str) -> pd.DataFrame | None:
    return join_all(_read_cached(store_key, version))


def _joined(store_key: str, version: str) -> pd.DataFrame | None:
    try:
        return _joined_cached(store_key, version)
    except _VersionMoved as moved:
        _moved_on(store_key, version, moved)
        return join_all(moved.result)


def get_data() -> LoadResult:
    """The validated tables and the problems of the broken ones (shared, read-only: never mutate)."""
    return _read(*_run_key())


def get_figures() -> pd.DataFrame | None:
    """Figures joined with indicators and sources; None when one of those tables is broken."""
    return _joined(*_run_key())


def get_table(name: str) -> pd.DataFrame | None:
    """One validated table, or None when its file is broken."""
    return get_data().tables.get(name)


def memo(key: tuple, build: Callable[[], T]) -> T:
    """Compute `build()` once per key and data version, shared by all sessions (values are never mutated).

    Pages are pure functions of the data and the filters, so reruns with the same filters reuse the view
    models instead of recomputing them; the least recently used entries are dropped.
    """
    full = (*_run_key(), *key)
    with _MEMO_LOCK:
        if full in _MEMO:
            _MEMO.move_to_end(full)
            return _MEMO[full]  # type: ignore[return-value]
    value = build()
    if _run_key() != full[:2]:  # the data moved on while building: the value is not that version's to keep
        return value
    with _MEMO_LOCK:
        _MEMO[full] = value
        while len(_MEMO) > MEMO_ENTRIES:
            _MEMO.popitem(last=False)
    return value


def get_scope(filters: Filters) -> Scope:
    """The data under `filters` at this run's data version: the pages, the slides and the briefing all take their
    selections from it, each computed once per data version and filters (memoised)."""
    return memo(("scope", filters), lambda: Scope(get_data(), get_figures(), filters, data_version()))


def selected_figures(filters: Filters) -> pd.DataFrame | None:
    """The joined figures of the selected cities and sectors; None when a joined table is broken."""
    return get_scope(filters).selected


def selected_projects(filters: Filters) -> tuple[pd.DataFrame, pd.DataFrame] | None:
    """The project reports under the filters (cited) and each project's current stage; None when broken."""
    return get_scope(filters).projects
