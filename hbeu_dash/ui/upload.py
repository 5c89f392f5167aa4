"""The upload flow of the Add data page: choose a table (or a workbook of several tables, one sheet each), get its
template, upload a file, attach the source texts its rows are proven against (hbeu_dash.ui.texts), see the problems
or the preview, commit (hbeu_dash.ui.entry). A workbook is one change set: one preview, one commit."""

import hashlib
from dataclasses import dataclass, field

import pandas as pd
import streamlit as st

from hbeu_dash.documents import exports
from hbeu_dash.i18n import COLUMN_HELP, TABLE_NAMES, label, t
from hbeu_dash.intake.changeset import (
    UPLOAD_TABLES,
    attach_texts,
    prepare,
    rows_from_upload,
    rows_from_workbook,
    template_rows,
    workbook_bytes,
)
from hbeu_dash.intake.uploads import OLE_MAGIC, ZIP_MAGIC, read_upload, read_workbook
from hbeu_dash.model.changes import Attachment, ConflictError, Preview, Row
from hbeu_dash.model.problems import DataError, Problem
from hbeu_dash.model.source_text import text_sha256
from hbeu_dash.ui import data, texts
from hbeu_dash.ui.entry import SOURCES_LABEL, UPLOADS, cached_preview, render_preview
from hbeu_dash.views import entry as entry_views

UPLOAD_READ = "entry_upload_read"  # (signature, UploadRead) of the uploaded file, read once
WORKBOOK = "workbook"  # the table choice that reads every sheet of an .xlsx, each named after its table


def template_frame(table: str) -> pd.DataFrame:
    """A blank template: the table's columns and the explanation row (zh / en) under the header."""
    columns, notes = template_rows(table, COLUMN_HELP)
    return pd.DataFrame([notes], columns=columns)


@dataclass(frozen=True)
class UploadRead:
    """An uploaded table (or workbook) as rows: its name, the rows by table, the problems of reading it."""

    label: str
    proposals: dict[str, list[Row]]
    problems: list[Problem]
    readable: bool = True  # False: the file itself could not be read (its problems are all there is)
    labels: dict[str, str] = field(default_factory=dict)  # table -> how problems name it (a workbook's sheet)
    ignored: list[str] = field(default_factory=list)  # the assistant's columns read past ('book.xlsx [figures] …')


def template_workbook() -> bytes:
    """A blank workbook of every table an analyst may add rows to, one sheet each with its explanation row."""
    # The order a change set is read in: sources and indicators before the rows that cite them.
    order = ("sources", "indicators", "figures", "events", "projects")
    return workbook_bytes({table: template_frame(table) for table in order if table in UPLOAD_TABLES})


def render_upload(lang: str) -> None:
    """Choose a table, get its template, upload a file and attach source texts, see the problems or the preview,
    commit."""
    table = st.selectbox(
        t("entry_table_choice", lang),
        [*UPLOAD_TABLES, WORKBOOK],
        format_func=lambda name: t("entry_workbook", lang) if name == WORKBOOK else label("table", name, lang),
        key="entry_upload_table",
    )
    if table == WORKBOOK:
        names = ", ".join(f"{name} / {TABLE_NAMES[name][0]}" for name in UPLOAD_TABLES)
        st.caption(t("entry_workbook_help", lang, tables=names))
        st.download_button(
            t("entry_template_workbook", lang),
            template_workbook(),
            file_name="hbeu-template-workbook.xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key="entry_template_workbook",
            on_click="ignore",
        )
    else:
        _render_templates(table, lang)
    upload = st.file_uploader(
        t("entry_upload", lang),
        type=["csv", "tsv", "txt", "xlsx"],
        key=f"entry_upload_{st.session_state.get(UPLOADS, 0)}",
    )
    read, content_sha = None, ""
    if upload is not None:
        content = upload.getvalue()
        content_sha = hashlib.sha256(content).hexdigest()
        read = _read_upload(table, upload.name, content, content_sha)
    # The preview is made before the texts' section is drawn (the text form's callback has run already): a source
    # the rows need a text for is offered first, with the form open.
    attachments = texts.attached()
    preview, conflict = None, None
    if read is not None or attachments:
        signature = (
            "upload",
            table,
            read.label if read else "",
            content_sha,
            tuple((a.source_id, text_sha256(a.text), a.retrieved, a.retrieved_from) for a in attachments),
            data.data_version(),
        )
        try:
            preview = cached_preview("upload", signature, lambda: preview_upload(read, attachments))
        except ConflictError as exc:
            conflict = exc
    texts.render_texts(
        lang, uploaded_sources(read), entry_views.sources_needing_text(preview.problems if preview else [])
    )
    if read is not None and read.ignored:
        st.caption(t("entry_ignored_columns", lang, columns=", ".join(read.ignored)))
    if conflict is not None:
        st.warning(t("entry_conflict", lang, expected=conflict.expected, actual=conflict.actual))
    elif preview is not None:
        render_preview(preview, lang, key="upload")


def _render_templates(table: str, lang: str) -> None:
    """The blank templates of one table, as CSV and as .xlsx."""
    st.caption(t("entry_templates", lang))
    template = template_frame(table)
    left, right, _ = st.columns([1, 1, 3])
    left.download_button(
        t("entry_template_csv", lang),
        exports.to_csv_bytes(template),
        file_name=f"hbeu-template-{table}.csv",
        mime="text/csv",
        key="entry_template_csv",
        on_click="ignore",
    )
    right.download_button(
        t("entry_template_xlsx", lang),
        exports.to_excel_bytes(template, sheet=table),
        file_name=f"hbeu-template-{table}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="entry_template_xlsx",
        on_click="ignore",
    )


def read_uploaded(table: str, name: str, content: bytes) -> UploadRead:
    """An uploaded file as the rows of `table`, or of every sheet's table when `table` is WORKBOOK."""
    if table == WORKBOOK and content and not content.startswith((ZIP_MAGIC, OLE_MAGIC)):
        return UploadRead(name, {}, [Problem(name, "upload_not_workbook")], readable=False)
    try:
        if table == WORKBOOK:
            book = rows_from_workbook(name, read_workbook(name, content))
            return UploadRead(name, book.proposals, book.problems, labels=book.labels, ignored=book.ignored)
        upload = read_upload(name, content)
    except DataError as exc:
        return UploadRead(name, {}, exc.problems, readable=False)
    rows, problems = rows_from_upload(table, upload)
    return UploadRead(upload.name, {table: rows}, problems, labels={table: upload.name})


def _read_upload(table: str, name: str, content: bytes, content_sha: str) -> UploadRead:
    """The uploaded file as rows of `table`, read once per file and table (the page reruns on every widget)."""
    signature = (table, name, content_sha)
    held = st.session_state.get(UPLOAD_READ)
    if held is not None and held[0] == signature:
        return held[1]
    read = read_uploaded(table, name, content)
    st.session_state[UPLOAD_READ] = (signature, read)
    return read


def uploaded_sources(read: UploadRead | None) -> list[str]:
    """The source ids of an uploaded sources table (a text can be attached to a source that comes with it)."""
    if read is None:
        return []
    return [record.get("source_id", "") for _, record in read.proposals.get("sources", []) if record.get("source_id")]


def preview_upload(read: UploadRead | None, attachments: list[Attachment]) -> Preview:
    """Validate and preview an uploaded table (or none) with the source texts attached to it, against the current
    data: every row it adds or changes is proven against its source's archived text, or the one attached here."""
    store = data.get_store()
    if read is not None and not read.readable:
        return prepare(store, {}, read.label, read.problems)
    proposals, problems = (dict(read.proposals), list(read.problems)) if read else ({}, [])
    labels = {table: read.labels.get(table, read.label) for table in proposals} if read else {}
    labels.setdefault("sources", SOURCES_LABEL)
    proposals, brought, found = attach_texts(proposals, attachments, store.file_bytes("sources"), labels["sources"])
    return prepare(store, proposals, labels, [*problems, *found], texts=brought)
