"""Data entry in the app, the parts both flows share (hbeu_dash.ui.upload: a table; hbeu_dash.ui.article: an
article; hbeu_dash.ui.texts: the source texts they are proven against): the login check, the preview, commit.
The change history's undo, redo and revert are hbeu_dash.ui.history.

Every write goes through `_commit` (a button callback, so it runs before the page is drawn again and always uses
the preview the analyst saw), which checks the login again and calls the store's one commit path. An attached
source text is archived in the same commit as the rows (`Preview.texts`).
"""

from collections.abc import Callable

import streamlit as st

from hbeu_dash.i18n import label, t
from hbeu_dash.model.changes import ConflictError, Preview
from hbeu_dash.store import StoreUnavailable
from hbeu_dash.ui import auth, chrome, data, state
from hbeu_dash.ui.widgets import escape_md, render_table
from hbeu_dash.views import entry as entry_views
from hbeu_dash.views import quality as quality_views

PREVIEW = "entry_preview_{flow}"  # per flow (upload, article): (signature, Preview) of the change set on screen
FLASH = "entry_flash"  # (kind, message) shown once at the top of the page after a write
# Bumped after a commit of that flow, so its file uploader (and the article's editors) start empty; the other
# flow's work in progress stays.
ROUNDS = {"upload": "entry_upload_round", "article": "entry_article_round"}
UPLOADS, ARTICLE_ROUND = ROUNDS["upload"], ROUNDS["article"]
TEXTS = "entry_texts"  # the upload flow's attached source texts: source_id -> (Attachment, where it was read from)
SOURCES_LABEL = "sources.csv"  # how problems name a data source row that an attachment changes


def require_analyst(lang: str) -> str:
    """The logged-in analyst's name; otherwise the page ends here with a notice (checked again before writing)."""
    analyst = auth.current_analyst()
    if analyst is None:
        st.warning(t("entry_needs_login", lang))
        chrome.end_page()
    return analyst


def render_flash() -> None:
    """The outcome of the last commit, undo, redo or revert, once."""
    flash = st.session_state.pop(FLASH, None)
    if flash is not None:
        kind, message = flash
        (st.success if kind == "success" else st.error)(message)


def cached_preview(flow: str, signature: tuple, build: Callable[[], Preview]) -> Preview:
    """The preview of this change set, built once per signature (the data version is part of it)."""
    held = st.session_state.get(PREVIEW.format(flow=flow))
    if held is not None and held[0] == signature:
        return held[1]
    preview = build()
    st.session_state[PREVIEW.format(flow=flow)] = (signature, preview)
    return preview


# --- writes ------------------------------------------------------------------------------------------------


def _commit(flow: str, lang: str) -> None:
    """Commit the preview on screen (button callback): login checked again, refused if the data moved on."""
    analyst = auth.current_analyst()
    key = PREVIEW.format(flow=flow)
    held = st.session_state.get(key)
    if analyst is None:
        st.session_state[FLASH] = ("error", t("entry_needs_login", lang))
        return
    if held is None or not held[1].ok or not held[1].changes_anything:
        return
    preview = held[1]
    try:
        record = data.get_store().commit(preview.files, preview.version, analyst, texts=preview.texts)
    except ConflictError as exc:
        data.forget_version()  # the data moved on: the next run shows it at once
        st.session_state[FLASH] = ("error", t("entry_conflict", lang, expected=exc.expected, actual=exc.actual))
        st.session_state.pop(key, None)  # the next run previews against the new data
        return
    except StoreUnavailable as exc:
        st.session_state[FLASH] = ("error", t("entry_store_unavailable", lang, url=exc.url))
        return
    data.forget_version()
    st.session_state.pop(key, None)
    st.session_state[ROUNDS[flow]] = st.session_state.get(ROUNDS[flow], 0) + 1
    if flow == "article":
        st.session_state.pop("entry_article", None)
    else:
        st.session_state.pop(TEXTS, None)
    if record is None:
        st.session_state[FLASH] = ("success", t("entry_no_change", lang))
        return
    state.saw_version(record.version_after)
    message = t(
        "entry_committed", lang, commit_id=record.commit_id, before=record.version_before, after=record.version_after
    )
    if record.texts:
        shas = ", ".join(sha[: entry_views.SHA_SHOWN] for sha in record.texts)
        message += " " + t("entry_committed_texts", lang, n=len(record.texts), shas=shas)
    st.session_state[FLASH] = ("success", message)


# --- preview -----------------------------------------------------------------------------------------------


def render_preview(preview: Preview, lang: str, key: str) -> None:
    """Problems (nothing can be committed while one remains), or what the commit would do (the source texts it
    archives among it), then the button. `key` is the flow ("upload" or "article"): it names the widgets and the
    preview the button commits."""
    if preview.problems:
        st.error(t("entry_problems", lang, count=len(preview.problems)))
        render_table(entry_views.problems_table(preview.problems, lang), width="stretch", key=f"{key}-problems")
        return
    if not preview.changes_anything:
        st.info(t("entry_no_change", lang))
        return
    view = entry_views.preview_view(preview, lang)  # the terminal's `hbeu import` renders the same view model
    st.markdown(escape_md(view.summary))
    if preview.texts:
        st.caption(t("texts_archived", lang))
        archived = data.get_store().archived(preview.texts)
        render_table(entry_views.texts_table(preview, archived, lang), width="stretch", key=f"{key}-texts")
    for changes in view.tables:
        if changes.new:
            st.caption(t("entry_new_rows", lang, table=label("table", changes.table, lang)))
            render_table(entry_views.new_rows_table(changes, lang), width="stretch", key=f"{key}-new-{changes.table}")
    if any(changes.changed for changes in view.tables):
        st.caption(t("entry_changed_rows", lang))
        render_table(entry_views.changed_rows_table(view, lang), width="stretch", key=f"{key}-changed")
    if view.conflicts:
        st.warning(t("entry_new_conflicts", lang))
        for card in quality_views.build_conflicts(preview.new_conflicts, lang):
            with st.container(border=True):
                st.markdown(f"**{escape_md(card.heading)}**")
                render_table(card.table, width="stretch", key=f"{key}-conflict-{card.conflict_id}")
    if view.stage_conflicts:
        st.warning(t("entry_new_stage_conflicts", lang))
        st.markdown(escape_md(", ".join(view.stage_conflicts)))
    if view.failing_identities:
        st.warning(t("entry_failing_identities", lang))
        st.markdown(escape_md(", ".join(view.failing_identities)))
    st.button(t("entry_commit", lang), type="primary", key=f"{key}-commit", on_click=_commit, args=(key, lang))
