"""Attaching a source's text on the Add data page: choose the source, paste the text or upload a .txt, .html (the
article, not the page's menus) or text .pdf, say when and where it was read; what was read is shown before the
preview, and the text is archived in the same commit as the rows it proves (hbeu_dash.ui.upload)."""

from datetime import date

import streamlit as st

from hbeu_dash.i18n import t
from hbeu_dash.intake.source_text import ACCEPTED_SUFFIXES, read_pasted_text, read_source_file
from hbeu_dash.model import verify
from hbeu_dash.model.changes import Attachment
from hbeu_dash.model.source_text import TextRefused, text_sha256
from hbeu_dash.ui import data
from hbeu_dash.ui.entry import SOURCES_LABEL, TEXTS
from hbeu_dash.ui.widgets import escape_md
from hbeu_dash.views import entry as entry_views

TEXT_ROUND = "entry_text_round"  # bumped after a text is read, so the text form starts empty again
TEXT_REFUSED = "entry_text_refused"  # why the last text was refused, shown once under the form


def attached() -> list[Attachment]:
    """The texts attached so far in this session's upload flow."""
    return [attachment for attachment, _ in st.session_state.get(TEXTS, {}).values()]


def render_texts(lang: str, in_upload: list[str], needing: list[str]) -> None:
    """Attach a source's text: choose the source (the data's, or one of the uploaded sources table), paste the text
    or upload a file, say when and where it was read; then what was read, before any preview. The form is folded
    away until the rows need a text (`needing`: the sources the preview asks a text for, offered first)."""
    st.subheader(t("texts_heading", lang))
    st.caption(t("texts_intro", lang))
    sources = data.get_table("sources")
    named = verify.source_texts(sources) if sources is not None else {}
    archived = data.get_store().archived({sha for sha in named.values() if sha})
    choices = entry_views.text_choices(in_upload, needing, named, archived)
    if not choices:
        st.info(t("table_unavailable", lang, file=SOURCES_LABEL))
        return
    if needing:
        st.warning(escape_md(t("texts_needed", lang, sources=", ".join(needing))))
    round_ = st.session_state.get(TEXT_ROUND, 0)
    expander = st.expander(t("texts_attach", lang), expanded=bool(needing) or TEXT_REFUSED in st.session_state)
    with expander, st.form("entry_text_form"):
        st.selectbox(
            t("texts_source", lang),
            choices,
            format_func=lambda s: entry_views.source_choice(s, named.get(s, "") in archived, s in in_upload, lang),
            key=f"entry_text_source_{round_}",
        )
        st.text_area(t("texts_paste", lang), height=120, key=f"entry_text_paste_{round_}")
        st.file_uploader(
            t("texts_file", lang),
            type=[suffix.removeprefix(".") for suffix in ACCEPTED_SUFFIXES],
            key=f"entry_text_file_{round_}",
        )
        left, right = st.columns([1, 2])
        left.date_input(
            t("texts_retrieved", lang),
            value=date.today(),
            max_value=date.today(),
            format="YYYY-MM-DD",
            key=f"entry_text_retrieved_{round_}",
        )
        right.text_input(t("texts_retrieved_from", lang), key=f"entry_text_from_{round_}")
        st.form_submit_button(t("texts_read", lang), on_click=_read_text, args=(round_, lang))
    refused = st.session_state.pop(TEXT_REFUSED, None)
    if refused is not None:
        st.error(escape_md(refused))
    for source_id, (attachment, origin) in st.session_state.get(TEXTS, {}).items():
        with st.container(border=True):
            st.markdown(escape_md(entry_views.attachment_summary(attachment, lang)))
            st.caption(escape_md(t("texts_origin", lang, origin=origin)))
            old = named.get(source_id, "")
            if old and old != text_sha256(attachment.text):
                st.caption(escape_md(t("texts_replaces", lang, source=source_id, sha=old[: entry_views.SHA_SHOWN])))
            st.caption(t("texts_first_lines", lang))
            st.code(entry_views.first_lines(attachment.text), language=None, wrap_lines=True)
            st.button(
                t("texts_remove", lang), key=f"entry_text_remove_{source_id}", on_click=_drop_text, args=(source_id,)
            )


def _read_text(round_: int, lang: str) -> None:
    """Read the text the form holds (form callback): the file if one was given, else the pasted text; checked as
    the archive keeps texts. Refused: why, in the analyst's language, and the form keeps what was typed."""

    def field(name: str) -> object:
        return st.session_state.get(f"entry_text_{name}_{round_}")

    source, upload = field("source"), field("file")
    origin = upload.name if upload is not None else t("texts_pasted", lang)
    try:
        if upload is not None:
            text = read_source_file(upload.name, upload.getvalue())
        else:
            text = read_pasted_text(str(field("paste") or ""))
    except TextRefused as exc:
        st.session_state[TEXT_REFUSED] = entry_views.text_refusal(origin, exc, lang)
        return
    retrieved = field("retrieved")
    attachment = Attachment(
        source_id=str(source),
        text=text,
        retrieved=retrieved.isoformat() if isinstance(retrieved, date) else "",
        retrieved_from=str(field("from") or "").strip(),
    )
    st.session_state[TEXTS] = {**st.session_state.get(TEXTS, {}), attachment.source_id: (attachment, origin)}
    st.session_state[TEXT_ROUND] = round_ + 1


def _drop_text(source_id: str) -> None:
    """Take an attached text off the change set (button callback)."""
    texts = dict(st.session_state.get(TEXTS, {}))
    texts.pop(source_id, None)
    st.session_state[TEXTS] = texts
