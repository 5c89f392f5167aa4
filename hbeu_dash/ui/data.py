"""Data at the UI boundary: the store, one data version per script run, cached tables and a memo of view models."""

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import TypeVar

import pandas as pd
import streamlit as st

from hbeu_dash import paths
from hbeu_dash.filters import Filters
from hbeu_dash.loaders import LoadResult
from hbeu_dash.store import CsvStore
from hbeu_dash.views.scope import Scope, join_all

T = TypeVar("T")
MEMO_ENTRIES = 512
_RUN = threading.local()
_MEMO: OrderedDict[tuple, object] = OrderedDict()
_MEMO_LOCK = threading.Lock()


def get_store() -> CsvStore:
    """The store the app reads (the CSV folder at paths.DATA_DIR)."""
    return CsvStore(paths.DATA_DIR)


def begin_run() -> None:
    """Fix this script run's data version: the data loaded and the memo keys of one run always agree, even if a
    file is saved mid-run."""
    store = get_store()
    _RUN.key = (str(store.folder), store.data_version())


def _run_key() -> tuple[str, str]:
    key = getattr(_RUN, "key", None)
    if key is None or key[0] != str(paths.DATA_DIR):  # outside a run (or the folder changed): read afresh
        store = get_store()
        key = (str(store.folder), store.data_version())
    return key


def data_version() -> str:
    """The short content hash of the data this run shows (the page footer prints it)."""
    return _run_key()[1]


class _VersionMoved(Exception):
    """The data changed between fixing the run's version and reading it: the result is not that version's."""

    def __init__(self, result: LoadResult):
        self.result = result


@st.cache_resource(show_spinner=False, max_entries=4)
def _read_cached(folder: str, version: str) -> LoadResult:
    read_version, result = CsvStore(folder).read()
    if read_version != version:  # never cache another version's tables under this key (an exception is not cached)
        raise _VersionMoved(result)
    return result


def _read(folder: str, version: str) -> LoadResult:
    """The tables of `version`, cached; if a commit landed since this run began, the newer tables, uncached."""
    try:
        return _read_cached(folder, version)
    except _VersionMoved as moved:
        return moved.result


@st.cache_resource(show_spinner=False, max_entries=4)
def _joined_cached(folder: str, version: str) -> pd.DataFrame | None:
    return join_all(_read_cached(folder, version))


def _joined(folder: str, version: str) -> pd.DataFrame | None:
    try:
        return _joined_cached(folder, version)
    except _VersionMoved as moved:
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
