"""The article assistant: paste an article (or upload it), name its source, review the candidate rows the
extraction engine proposes in editable tables, then the same validation, preview and commit as an upload."""

import pandas as pd
import streamlit as st

from hbeu_dash import schema
from hbeu_dash.extract import (
    MAX_CANDIDATES,
    MAX_TEXT_CHARS,
    ArticleMeta,
    ArticleTooLong,
    evidence_in_text,
    extract_article,
    html_to_text,
)
from hbeu_dash.i18n import t
from hbeu_dash.intake import cell_text, prepare, propose_source_id
from hbeu_dash.problems import DataError, Problem
from hbeu_dash.store import ConflictError
from hbeu_dash.ui import data
from hbeu_dash.ui.entry import ARTICLE_ROUND, PREVIEW, render_preview
from hbeu_dash.ui.widgets import escape_md, render_table
from hbeu_dash.uploads import decode_text

ARTICLE = "entry_article"  # the extracted candidates under review: text, source row, figures, events
ARTICLE_TABLES = {"figures": "article_figures", "events": "article_events"}  # table -> its editor's title key


def _article_text(text: str, upload) -> str:
    """The pasted text, or the uploaded .txt/.html file's text (read like an upload; HTML reduced to its text)."""
    if upload is None:
        return text

    content, _ = decode_text(upload.name, upload.getvalue())
    return html_to_text(content) if upload.name.lower().endswith((".html", ".htm")) else content


def render_article(lang: str) -> None:
    """Paste an article (or upload it), name its source, get candidate rows, review them, preview, commit."""
    tables = data.get_data().tables
    sources = tables.get("sources")
    existing = sorted(sources["source_id"].astype(str)) if sources is not None else []
    with st.form("entry_article_form"):
        text = st.text_area(t("article_text", lang), height=240, max_chars=MAX_TEXT_CHARS)
        upload = st.file_uploader(
            t("article_file", lang),
            type=["txt", "html", "htm"],
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
        }
        try:
            article_text = _article_text(text, upload)
        except DataError as exc:
            st.error(escape_md(exc.format(lang)))
            return
        _extract(article_text, meta, set(existing), lang)
    held = st.session_state.get(ARTICLE)
    if held is not None:
        _render_candidates(held, lang)


def _extract(text: str, meta: dict, existing: set[str], lang: str) -> None:
    """Run the extraction engine and keep its candidates (and the new source row) for review."""

    st.session_state.pop(ARTICLE, None)
    st.session_state.pop(PREVIEW.format(flow="article"), None)
    if not text.strip():
        st.warning(t("article_needs_text", lang))
        return
    sources = data.get_table("sources")
    source_row = None
    if meta["source"]:
        source_id = meta["source"]
        published = meta["published"] or str(sources.loc[sources["source_id"] == source_id, "published"].iloc[0])
    else:
        published = meta["published"]
        source_id = meta["source_id"] or propose_source_id(meta["outlet_en"], published, existing)
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
    st.session_state[ARTICLE] = {
        "text": result.text,
        "source_row": source_row,
        "figures": result.figures,
        "events": result.events,
    }


def _editor_frame(candidates: pd.DataFrame, lang: str) -> pd.DataFrame:
    frame = candidates.copy()
    confidence = pd.to_numeric(frame.get("confidence", pd.Series(dtype=float)), errors="coerce").fillna(0)
    frame.insert(0, "accept", (confidence >= 0.5).to_numpy() if len(frame) else [])
    return frame


def _accepted_rows(edited: pd.DataFrame, table: str) -> list[tuple[int, dict[str, str]]]:
    """The accepted rows of an editor as (its row number, {column: text}) in the table's columns."""
    columns = schema.TABLES_BY_NAME[table].columns
    rows = []
    for number, record in enumerate(edited.to_dict("records"), start=1):
        if record.get("accept") is True:
            rows.append((number, {c: cell_text(record.get(c)) for c in columns}))
    return rows


def _render_candidates(held: dict, lang: str) -> None:
    """The candidates in editable tables; 'check and preview' validates the accepted rows and shows the preview."""

    st.info(t("article_candidates", lang, figures=len(held["figures"]), events=len(held["events"])))
    if held["source_row"] is not None:
        st.caption(t("article_source_row", lang))
        render_table(pd.DataFrame([held["source_row"]]).astype("string"), width="stretch", key="article-source")
    edited = {}
    for table in ARTICLE_TABLES:
        st.caption(t(ARTICLE_TABLES[table], lang))
        edited[table] = st.data_editor(
            _editor_frame(held[table], lang),
            key=f"article_editor_{table}_{st.session_state.get(ARTICLE_ROUND, 0)}",
            num_rows="dynamic",
            hide_index=True,
            width="stretch",
            column_config={
                "accept": st.column_config.CheckboxColumn(t("article_accept", lang), default=True),
                "confidence": st.column_config.NumberColumn(disabled=True, format="%.2f"),
            }
            | ({"kind": None} if table == "figures" else {}),  # figures' kind is always "figure"; events' is data
        )
    proposals = {table: _accepted_rows(edited[table], table) for table in ARTICLE_TABLES}
    if held["source_row"] is not None:
        proposals["sources"] = [(1, held["source_row"])]
    labels = {table: t(key, lang) for table, key in ARTICLE_TABLES.items()} | {"sources": t("article_source_row", lang)}
    signature = ("article", repr(sorted(proposals.items())), data.data_version())
    if st.button(t("article_check", lang), key="article_check"):
        problems = [
            Problem(labels[table], "evidence_not_in_article", number, "evidence", record["evidence"])
            for table in ARTICLE_TABLES
            for number, record in proposals[table]
            if not evidence_in_text(record["evidence"], held["text"])
        ]
        try:
            preview = prepare(data.get_store(), proposals, labels, problems, new_only=True)
        except ConflictError as exc:
            st.warning(t("entry_conflict", lang, expected=exc.expected, actual=exc.actual))
            return
        st.session_state[PREVIEW.format(flow="article")] = (signature, preview)
    shown = st.session_state.get(PREVIEW.format(flow="article"))
    if shown is None:
        return
    if shown[0] != signature:
        st.caption(t("article_edited", lang))
        return
    render_preview(shown[1], lang, key="article")
