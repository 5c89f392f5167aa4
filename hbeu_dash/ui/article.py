"""The article assistant: paste an article (or upload it), name its source, review the candidate rows the
extraction engine proposes in editable tables, then the same validation, preview and commit as an upload.

The article is the source's text: for a new source, or one whose text is not archived, it is attached to the
source and archived in the same commit as the rows; a source that has an archived text keeps it, and the rows are
proven against that. Once checked, every edit in the tables is checked again at once.
A figure no existing indicator fits brings the indicator the assistant proposes, in its own grid, committed with it.
"""

from datetime import date

import pandas as pd
import streamlit as st

from hbeu_dash.i18n import format_number, t
from hbeu_dash.intake.changeset import attach_texts, prepare, propose_source_id
from hbeu_dash.intake.extract import MAX_CANDIDATES, MAX_TEXT_CHARS, ArticleMeta, ArticleTooLong, extract_article
from hbeu_dash.intake.extract.indicators import propose_indicators
from hbeu_dash.intake.source_text import read_pasted_text, read_source_file
from hbeu_dash.model import schema, verify
from hbeu_dash.model.changes import Attachment, ConflictError
from hbeu_dash.model.source_text import TextRefused, text_sha256
from hbeu_dash.ui import data
from hbeu_dash.ui.entry import ARTICLE_ROUND, PREVIEW, SOURCES_LABEL, cached_preview, render_preview
from hbeu_dash.ui.widgets import escape_md, render_table
from hbeu_dash.views import entry as entry_views

ARTICLE = "entry_article"  # the extracted candidates under review: text, source row, figures, events, its text
# table -> its editor's title key, in the order the editors are shown
ARTICLE_TABLES = {"figures": "article_figures", "indicators": "article_indicators", "events": "article_events"}
ARTICLE_FILE_TYPES = ["txt", "html", "htm", "pdf"]


def _article_text(text: str, upload) -> str:
    """The pasted text, or the uploaded file's (.txt; .html: the article, not the page's menus; a text .pdf),
    checked as the archive keeps texts (TextRefused: empty, binary, oversize)."""
    if upload is None:
        return read_pasted_text(text)
    return read_source_file(upload.name, upload.getvalue())


def render_article(lang: str) -> None:
    """Paste an article (or upload it), name its source, get candidate rows, review them, preview, commit."""
    tables = data.get_data().tables
    sources = tables.get("sources")
    existing = sorted(sources["source_id"].astype(str)) if sources is not None else []
    with st.form("entry_article_form"):
        text = st.text_area(t("article_text", lang), height=240, max_chars=MAX_TEXT_CHARS)
        upload = st.file_uploader(
            t("article_file", lang),
            type=ARTICLE_FILE_TYPES,
            key=f"article_file_{st.session_state.get(ARTICLE_ROUND, 0)}",
        )
        source = st.selectbox(
            t("article_source", lang),
            ["", *existing],
            format_func=lambda s: s or t("article_new_source", lang),
        )
        left, right = st.columns(2)
        title = left.text_input(t("article_title", lang))
        title_en = right.text_input(t("article_title_en", lang))
        outlet_zh = left.text_input(t("article_outlet_zh", lang))
        outlet_en = right.text_input(t("article_outlet_en", lang))
        published = left.text_input(t("article_published", lang))
        url = right.text_input(t("article_url", lang))
        source_id = left.text_input(t("article_source_id", lang))
        retrieved_from = right.text_input(t("article_retrieved_from", lang))
        submitted = st.form_submit_button(t("article_extract", lang), type="primary")
    if submitted:
        meta = {
            "source": source,
            "title": title.strip(),
            "title_en": title_en.strip(),
            "outlet_zh": outlet_zh.strip(),
            "outlet_en": outlet_en.strip(),
            "published": published.strip(),
            "url": url.strip(),
            "source_id": source_id.strip(),
            "retrieved_from": retrieved_from.strip(),
        }
        if upload is None and not text.strip():
            st.session_state.pop(ARTICLE, None)
            st.session_state.pop(PREVIEW.format(flow="article"), None)
            st.warning(t("article_needs_text", lang))
            return
        try:
            article_text = _article_text(text, upload)
        except TextRefused as exc:
            origin = upload.name if upload is not None else t("texts_pasted", lang)
            st.error(escape_md(entry_views.text_refusal(origin, exc, lang)))
            return
        _extract(article_text, meta, set(existing), lang)
    held = st.session_state.get(ARTICLE)
    if held is not None:
        _render_candidates(held, lang)


def _extract(text: str, meta: dict, existing: set[str], lang: str) -> None:
    """Run the extraction engine and keep its candidates (and the new source row) for review."""

    st.session_state.pop(ARTICLE, None)
    st.session_state.pop(PREVIEW.format(flow="article"), None)
    sources = data.get_table("sources")
    source_row = None
    if meta["source"]:
        source_id = meta["source"]
        row = sources.loc[sources["source_id"] == source_id].iloc[0]
        published, url = meta["published"] or str(row["published"]), str(row["url"])
    else:
        published, url = meta["published"], meta["url"]
        source_id = meta["source_id"] or propose_source_id(meta["outlet_en"], published, existing)
    # `retrieved_from` is where the text was read when that is not the source's own address (a reprint).
    retrieved_from = meta["retrieved_from"] if meta["retrieved_from"] != url else ""
    if not schema.is_partial_date(published) or len(published) < 7:
        st.error(t("article_bad_date", lang, value=escape_md(published)))
        return
    if not meta["source"]:
        cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
        source_row = {
            "source_id": source_id,
            "title": meta["title"],
            "title_en": meta["title_en"],
            "outlet_zh": meta["outlet_zh"],
            "outlet_en": meta["outlet_en"],
            "published": published,
            "url": meta["url"],
            "language": "zh" if cjk * 5 > len(text.strip()) else "en",
            "note_zh": "",
            "note_en": "",
        }
    article = ArticleMeta(
        published=published, source_id=source_id, title=meta["title"], outlet=meta["outlet_zh"], url=meta["url"]
    )
    try:
        result = extract_article(text, article, data.get_data().tables)
    except ArticleTooLong as exc:
        st.error(t("article_too_long", lang, found=exc.found, limit=MAX_TEXT_CHARS))
        return
    if result.truncated:
        st.warning(t("article_truncated", lang, limit=MAX_CANDIDATES))
    figures, indicators = propose_indicators(result.figures, data.get_data().tables, source_id)
    st.session_state[ARTICLE] = {
        "text": text,
        "source_id": source_id,
        "source_row": source_row,
        "figures": figures,
        "indicators": indicators,
        "events": result.events,
        **_source_text(source_id, text, retrieved_from, is_new=source_row is not None),
    }


def _source_text(source_id: str, text: str, retrieved_from: str, is_new: bool) -> dict:
    """What becomes of the article as the source's text: {"attach": Attachment or None, "archived": the sha256 of
    the text the source keeps, or None}. A new source, or one whose text is not in the archive, gets the article."""
    attach = Attachment(source_id, text, date.today().isoformat(), retrieved_from)
    if is_new:
        return {"attach": attach, "archived": None}
    sources = data.get_table("sources")
    sha = verify.source_texts(sources).get(source_id, "") if sources is not None else ""
    if sha and sha in data.get_store().archived({sha}):
        return {"attach": None, "archived": sha}
    return {"attach": attach, "archived": None}


def _render_candidates(held: dict, lang: str) -> None:
    """The candidates in editable tables; 'check and preview' validates the accepted rows (each proven against its
    source's text) and shows the preview; from then on every edit is checked again at once."""

    st.info(t("article_candidates", lang, figures=len(held["figures"]), events=len(held["events"])))
    _render_source_text(held, lang)
    if held["source_row"] is not None:
        st.caption(t("article_source_row", lang))
        render_table(pd.DataFrame([held["source_row"]]).astype("string"), width="stretch", key="article-source")
    edited = {}
    proposed = entry_views.proposed_indicators(held.get("indicators"))
    round_ = st.session_state.get(ARTICLE_ROUND, 0)
    for table in ARTICLE_TABLES:
        st.caption(t(ARTICLE_TABLES[table], lang))
        if table == "indicators":
            st.caption(t("article_indicators_help", lang))
        edited[table] = st.data_editor(
            proposed if table == "indicators" else entry_views.editor_frame(held[table]),
            key=f"article_editor_{table}_{round_}",
            num_rows="dynamic",
            hide_index=True,
            width="stretch",
            column_config=_columns(table, lang),
        )
    proposals = {table: entry_views.accepted_rows(edited[table], table) for table in ARTICLE_TABLES}
    renamed = entry_views.renamed_indicators(st.session_state.get(f"article_editor_indicators_{round_}"), proposed)
    proposals, unused = entry_views.used_indicators(proposals, renamed)
    if held["source_row"] is not None:
        proposals["sources"] = [(1, held["source_row"])]
    source_label = t("article_source_row", lang) if held["source_row"] is not None else SOURCES_LABEL
    labels = {table: t(key, lang) for table, key in ARTICLE_TABLES.items()} | {"sources": source_label}
    attach = held.get("attach")
    text_key = (attach.source_id, text_sha256(attach.text), attach.retrieved_from) if attach else None
    signature = ("article", repr(sorted(proposals.items())), text_key, data.data_version())
    if st.button(t("article_check", lang), key="article_check"):
        held["checked"] = True
    if not held.get("checked"):
        return
    st.caption(t("article_rechecks", lang))
    if unused:
        st.caption(escape_md(t("article_indicators_unused", lang, ids=", ".join(unused))))
    try:
        preview = cached_preview("article", signature, lambda: _prepare(proposals, labels, held))
    except ConflictError as exc:
        st.warning(t("entry_conflict", lang, expected=exc.expected, actual=exc.actual))
        return
    render_preview(preview, lang, key="article")


def _columns(table: str, lang: str) -> dict:
    """An editor's columns: the candidates' accept box and confidence (figures' kind is always "figure", hidden;
    events' is data), the proposed indicators' vocabularies as choices."""
    if table == "indicators":
        choices = {"sector": schema.SECTORS, "measure": schema.MEASURES}
        return {name: st.column_config.SelectboxColumn(options=list(values)) for name, values in choices.items()}
    return {
        "accept": st.column_config.CheckboxColumn(t("article_accept", lang), default=True),
        "confidence": st.column_config.NumberColumn(disabled=True, format="%.2f"),
    } | ({"kind": None} if table == "figures" else {})


def _render_source_text(held: dict, lang: str) -> None:
    """Say what becomes of the article: the source's text, archived with the rows, or checked against the one the
    source has already."""
    attach, archived = held.get("attach"), held.get("archived")
    if attach is not None:
        sha = text_sha256(attach.text)[: entry_views.SHA_SHOWN]
        chars = format_number(len(attach.text), lang)
        st.caption(escape_md(t("article_text_attached", lang, source=attach.source_id, sha=sha, chars=chars)))
    elif archived:
        sha = archived[: entry_views.SHA_SHOWN]
        st.caption(escape_md(t("article_text_archived", lang, source=held["source_id"], sha=sha)))


def _prepare(proposals: dict, labels: dict[str, str], held: dict):
    """The preview of the accepted rows: new rows only (an existing source changes only in its text columns), the
    article attached as its source's text when it becomes one, every row proven against its source's text."""
    store = data.get_store()
    attach = held.get("attach")
    texts: dict[str, str] = {}
    found = []
    if attach is not None:
        proposals, texts, found = attach_texts(proposals, [attach], store.file_bytes("sources"), labels["sources"])
    new_only = True if held["source_row"] is not None else frozenset(ARTICLE_TABLES)  # new indicators too
    return prepare(store, proposals, labels, found, new_only=new_only, texts=texts)
