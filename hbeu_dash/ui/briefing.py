"""The briefing downloads: one button builds the HTML and then the PDF (with progress); both then download."""

import threading
from collections import OrderedDict

import streamlit as st

from hbeu_dash.documents.briefing.build import BriefingFiles, build_briefing_files
from hbeu_dash.i18n import t
from hbeu_dash.ui import data
from hbeu_dash.ui.widgets import escape_md
from hbeu_dash.views.filters import Filters
from hbeu_dash.views.scope import Scope, with_texts

STATE_KEY = "_briefing"  # (data version, filters) → the files last built in this session
STEP_KEYS = {"html": "briefing_building_html", "pdf": "briefing_building_pdf"}
# One build at a time on this server (a PDF is a whole Chromium), and the last few builds shared by every session:
# the room asking for the same briefing after the meeting gets the file once built.
_BUILD_LOCK = threading.Lock()
_BUILT: OrderedDict[tuple, BriefingFiles] = OrderedDict()
BUILT_ENTRIES = 8


def _shared(key: tuple) -> BriefingFiles | None:
    """Files some session already built for (data version, filters)."""
    return _BUILT.get(key)


def _share(key: tuple, files: BriefingFiles) -> None:
    """Keep a build for every session (the least recently built dropped first)."""
    _BUILT[key] = files
    _BUILT.move_to_end(key)
    while len(_BUILT) > BUILT_ENTRIES:
        _BUILT.popitem(last=False)


def _kept(key: tuple) -> BriefingFiles | None:
    """The files built for `key` in this session, if the last build was for it."""
    kept = st.session_state.get(STATE_KEY)
    return kept[1] if kept is not None and kept[0] == key else None


def build_with_progress(filters: Filters, key: tuple) -> BriefingFiles | None:
    """Build both files under a status box that says which one is being made (after any build already running
    on the server), or take them from another session's build; None (and the error) on failure."""
    with _BUILD_LOCK:
        shared = _shared(key)
        if shared is not None:
            return shared
        files = _build(filters)
        if files is not None and files.pdf is not None:
            _share(key, files)
        return files


def briefing_scope(filters: Filters) -> Scope:
    """The scope a briefing is built from: this run's cached scope reading its source texts from the store, as
    `python -m hbeu_dash briefing` does through load_scope (the texts are content-addressed by the sha256s in
    sources.csv, which the data version covers, so builds shared per data version stay right)."""
    return with_texts(data.get_scope(filters), data.get_store().source_text)


def _build(filters: Filters) -> BriefingFiles | None:
    lang = filters.lang
    with st.status(t(STEP_KEYS["html"], lang), expanded=False) as status:

        def step(name: str) -> None:
            """Say which file is being made."""
            status.update(label=t(STEP_KEYS[name], lang), state="running")

        try:
            files = build_briefing_files(briefing_scope(filters), on_step=step)
        except Exception as exc:  # a broken template or figure must not take the page down with it
            status.update(label=t("briefing_failed", lang), state="error", expanded=True)
            st.error(escape_md(f"{type(exc).__name__}: {exc}"))
            return None
        status.update(label=t("briefing_ready", lang), state="complete", expanded=False)
    return files


def render_files(files: BriefingFiles, lang: str) -> None:
    """The two download buttons, named with the language and the data version; why the PDF is missing, if it is."""
    left, right = st.columns(2)
    left.download_button(
        t("download_html", lang),
        files.html,
        files.html_name,
        "text/html",
        key="briefing-html",
        on_click="ignore",
        icon=":material/download:",
    )
    if files.pdf is not None:
        right.download_button(
            t("download_pdf", lang),
            files.pdf,
            files.pdf_name,
            "application/pdf",
            key="briefing-pdf",
            on_click="ignore",
            icon=":material/download:",
        )
    else:
        st.warning(t("pdf_failed", lang, why=escape_md(files.pdf_error or "")))


def render_briefing_downloads(filters: Filters) -> None:
    """'Make briefing': builds the offline HTML briefing and its PDF for these filters, then offers both; kept in the
    session per data version and filters, so a rerun shows the files again instead of building them anew."""
    lang = filters.lang
    if filters.is_empty:
        return
    key = (data.data_version(), filters)
    files = _kept(key) or _shared(key)
    if files is None and st.button(t("make_briefing", lang), key="briefing-make", icon=":material/description:"):
        files = build_with_progress(filters, key)
        if files is not None:
            st.session_state[STATE_KEY] = (key, files)
    if files is not None:
        render_files(files, lang)
