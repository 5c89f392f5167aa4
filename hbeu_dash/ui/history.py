"""The change history page's parts: Undo and Redo (one step each, as many times as the log allows), a revert of an
older commit, what they mean, and the audit log with each commit's state.

Every write is a button callback (it runs before the page is drawn again, with the data version the analyst saw),
which checks the login again and goes through the store's one commit path: each undo, redo and revert is a commit
of its own, audited with its author and the commit it takes back.
"""

import streamlit as st

from hbeu_dash.i18n import t
from hbeu_dash.model import verify
from hbeu_dash.model.changes import ConflictError, RevertConflict
from hbeu_dash.store import StoreUnavailable, UnknownCommit, revert
from hbeu_dash.ui import auth, data, state
from hbeu_dash.ui.entry import FLASH
from hbeu_dash.ui.widgets import escape_md, render_table
from hbeu_dash.views import history as history_views

UNDO, REDO, REVERT = "history_undo", "history_redo", "history_revert"  # the buttons' keys
REVERT_PICK = "history_revert_pick"  # the selectbox of the commit to revert


def _take_back(button: str, commit_id: str | None, shown_version: str, lang: str) -> None:
    """Undo, redo or revert `commit_id` (button callback): login checked again, refused if the data moved on."""
    analyst = auth.current_analyst()
    if analyst is None:
        st.session_state[FLASH] = ("error", t("entry_needs_login", lang))
        return
    commit_id = st.session_state.get(REVERT_PICK) if button == REVERT else commit_id
    if not commit_id:
        return
    store = data.get_store()
    try:
        if button == REVERT:
            record = store.revert(commit_id, analyst, base_version=shown_version)
        else:
            record = store.undo(commit_id, analyst, base_version=shown_version)
    except RevertConflict as exc:
        st.session_state[FLASH] = ("error", history_views.conflict_message(exc, store.history(), lang))
        return
    except ConflictError as exc:
        data.forget_version()
        if exc.reason == revert.TAKEN_BACK:
            message = history_views.taken_back_message(commit_id, store.history(), lang)
        elif exc.reason == revert.OUTSIDE:
            message = t("history_edited_outside", lang, commit_id=commit_id, actual=exc.actual)
        elif exc.reason in ("not_latest", "nothing_to_undo"):
            message = t("history_not_latest", lang, actual=exc.actual)
        else:
            message = t("history_data_changed", lang, actual=exc.actual)
        st.session_state[FLASH] = ("error", message)
        return
    except UnknownCommit:
        st.session_state[FLASH] = ("error", t("history_not_latest", lang, actual=store.data_version()))
        return
    except StoreUnavailable as exc:
        st.session_state[FLASH] = ("error", t("entry_store_unavailable", lang, url=exc.url))
        return
    data.forget_version()
    state.saw_version(record.version_after)
    st.session_state[FLASH] = ("success", history_views.done_message(record, store.history(), lang))


def render_history(lang: str) -> None:
    """Undo and Redo when the log offers them, what they mean, a revert of an older commit, then the audit log."""
    store = data.get_store()
    records = store.history()
    if not records:
        st.info(t("history_empty", lang))
        return
    version = data.data_version()
    actions = history_views.build_actions(records, version, lang)
    for key, step in ((UNDO, actions.undo), (REDO, actions.redo)):
        if step is not None:
            st.button(step.label, key=key, on_click=_take_back, args=(key, step.commit_id, version, lang))
    st.caption(escape_md(t("history_help", lang)))
    if actions.revertable:
        with st.expander(t("history_revert_heading", lang)):
            labels = {step.commit_id: step.label for step in actions.revertable}
            st.selectbox(t("history_revert_pick", lang), list(labels), format_func=labels.__getitem__, key=REVERT_PICK)
            st.button(t("history_revert", lang), key=REVERT, on_click=_take_back, args=(REVERT, None, version, lang))
    sources = data.get_table("sources")
    text_sources: dict[str, list[str]] = {}
    for source_id, sha in (verify.source_texts(sources) if sources is not None else {}).items():
        if sha:
            text_sources.setdefault(sha, []).append(source_id)
    render_table(history_views.log_table(records, lang, text_sources), width="stretch", key="history-table")
