"""Data entry, as plain tables: problems of a change set, its preview (new, changed, identical rows, the source
texts it archives), what an attached text was read as, the audit log; which of the assistant's proposed indicators
a change set keeps."""

from collections.abc import Collection, Mapping

import pandas as pd

from hbeu_dash.i18n import format_number, label, t
from hbeu_dash.intake.changeset import Attachment, Preview, Row, cell_text
from hbeu_dash.model import schema
from hbeu_dash.model.problems import Problem
from hbeu_dash.store import CommitRecord
from hbeu_dash.store.archive import TextRefused, text_sha256

SHA_SHOWN = 12  # characters of a sha256 shown to a reader: enough to tell texts apart, short enough to read
FIRST_LINES = 3
LINE_CHARS = 120


def used_indicators(proposals: dict[str, list[Row]], renamed: dict[str, str]) -> tuple[dict[str, list[Row]], list[str]]:
    """The proposals with the figures following their proposed indicators' new ids, and only the proposed
    indicators an accepted figure cites; and the ids of those left out."""
    figures = [
        (number, {**record, "indicator_id": renamed.get(record["indicator_id"], record["indicator_id"])})
        for number, record in proposals.get("figures", [])
    ]
    cited = {record["indicator_id"] for _, record in figures}
    indicators = proposals.get("indicators", [])
    kept = [(number, record) for number, record in indicators if record["indicator_id"] in cited]
    unused = [
        record["indicator_id"] or str(number) for number, record in indicators if record["indicator_id"] not in cited
    ]
    return {**proposals, "figures": figures, "indicators": kept}, unused


def problems_table(problems: list[Problem], lang: str) -> pd.DataFrame:
    """One row per problem: file, row (as Excel numbers it), column, value, and the full message."""
    return pd.DataFrame(
        {
            t("entry_file", lang): [p.file for p in problems],
            t("entry_row", lang): [p.row if p.row is not None else "" for p in problems],
            t("entry_column", lang): [p.column or "" for p in problems],
            t("entry_value", lang): [p.value if p.value is not None else "" for p in problems],
            t("entry_problem", lang): [p.message(lang) for p in problems],
        }
    ).astype("string")


def summary(preview: Preview, lang: str) -> str:
    """'3 new rows, 1 changed, 2 identical (data version ab12cd3)'."""
    return t(
        "entry_summary",
        lang,
        new=preview.count("new"),
        changed=preview.count("changed"),
        same=preview.count("same"),
        version=preview.version,
    )


def new_rows_table(preview: Preview, table: str, lang: str) -> pd.DataFrame:
    """The rows the commit adds to `table`, with the row number the analyst knows each by."""
    rows = [c for c in preview.changes.get(table, []) if c.kind == "new"]
    columns = schema.TABLES_BY_NAME[table].columns
    frame = pd.DataFrame([c.record for c in rows], columns=list(columns))
    frame.insert(0, t("entry_row", lang), [c.row for c in rows])
    return frame.astype("string")


def changed_rows_table(preview: Preview, lang: str) -> pd.DataFrame:
    """One line per changed cell: table, row, key, column, the current value and the new one."""
    records = [
        {
            t("entry_table", lang): label("table", table, lang),
            t("entry_row", lang): change.row,
            t("entry_key", lang): " / ".join(change.key),
            t("entry_column", lang): column,
            t("entry_old", lang): (change.old or {}).get(column, ""),
            t("entry_new", lang): change.record[column],
        }
        for table, changes in preview.changes.items()
        for change in changes
        if change.kind == "changed"
        for column in change.changed_columns
    ]
    keys = ("entry_table", "entry_row", "entry_key", "entry_column", "entry_old", "entry_new")
    return pd.DataFrame(records, columns=[t(k, lang) for k in keys]).astype("string")


def history_table(
    records: list[CommitRecord], lang: str, text_sources: Mapping[str, list[str]] | None = None
) -> pd.DataFrame:
    """The audit log, newest first: when, who, what, rows added/changed/removed per table, the source texts it
    archived (with the sources that name each now, from `text_sources`: sha256 -> source ids), versions."""
    text_sources = text_sources or {}

    def texts_text(record: CommitRecord) -> str:
        named = []
        for sha in record.texts or []:
            sources = ", ".join(text_sources.get(sha, []))
            named.append(f"{sha[:SHA_SHOWN]} ({sources})" if sources else sha[:SHA_SHOWN])
        return "; ".join(named)

    def rows_text(record: CommitRecord) -> str:
        parts = [
            t("entry_rows_changed", lang, table=label("table", table, lang), **counts)
            for table, counts in sorted(record.tables.items())
        ]
        return "; ".join(parts)

    return pd.DataFrame(
        {
            t("entry_when", lang): [r.time.replace("T", " ").replace("+00:00", " UTC") for r in records],
            t("entry_author", lang): [r.author for r in records],
            t("entry_action", lang): [label("commit_action", r.action, lang) for r in records],
            t("entry_rows", lang): [rows_text(r) for r in records],
            t("texts_history", lang): [texts_text(r) for r in records],
            t("entry_versions", lang): [f"{r.version_before} → {r.version_after}" for r in records],
            t("entry_commit_id", lang): [r.commit_id + (f" ← {r.undo_of}" if r.undo_of else "") for r in records],
        }
    ).astype("string")


def first_lines(text: str, lines: int = FIRST_LINES, width: int = LINE_CHARS) -> str:
    """The first non-blank lines of a text, each cut to `width` characters: what the analyst checks was read."""
    shown = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        shown.append(line if len(line) <= width else line[: width - 1] + "…")
        if len(shown) == lines:
            break
    return "\n".join(shown)


def attachment_summary(attachment: Attachment, lang: str) -> str:
    """'meeting8-interviews: 3,214 characters, sha256 1cf05ff4a1d3…, read on 2025-02-03 at https://…'."""
    where = t("texts_attached_from", lang, url=attachment.retrieved_from) if attachment.retrieved_from else ""
    return t(
        "texts_attached",
        lang,
        source=attachment.source_id,
        chars=format_number(len(attachment.text), lang),
        sha=text_sha256(attachment.text)[:SHA_SHOWN],
        retrieved=attachment.retrieved,
        where=where,
    )


def text_refusal(origin: str, refused: TextRefused, lang: str) -> str:
    """Why a text was refused, naming what it was read from: 'notes.pdf: no text could be read from this PDF ...'."""
    return Problem(origin, refused.code, params=dict(refused.params)).message(lang)


def sources_needing_text(problems: list[Problem]) -> list[str]:
    """The sources a change set's rows cannot be proven without (no archived text, or one the archive lost)."""
    found = [p.params.get("source", "") for p in problems if p.code in ("source_text_missing", "source_text_lost")]
    return list(dict.fromkeys(s for s in found if s))


def text_choices(
    in_upload: list[str], needing: list[str], named: Mapping[str, str], archived: Collection[str]
) -> list[str]:
    """The sources a text can be attached to, the likely ones first: those the rows need a text for, those of the
    uploaded sources table, those without an archived text, then the others (`named`: source_id -> sha256)."""
    without = sorted(s for s, sha in named.items() if sha not in archived)
    return list(dict.fromkeys([*needing, *in_upload, *without, *sorted(named)]))


def source_choice(source_id: str, has_text: bool, in_upload: bool, lang: str) -> str:
    """How a source is offered for a text: its id and whether it has an archived text (or comes with the upload)."""
    if in_upload:
        return t("texts_source_in_upload", lang, source=source_id)
    return t("texts_source_has_text" if has_text else "texts_source_no_text", lang, source=source_id)


def texts_table(preview: Preview, archived: Collection[str], lang: str) -> pd.DataFrame:
    """The source texts a commit archives: the sources that name each, its sha256 (short), length, first line,
    and whether the archive holds it already (content-addressed: a text archived before is kept as it is)."""
    named: dict[str, list[str]] = {}
    for change in preview.changes.get("sources", []):
        sha = change.record.get("text_sha256", "")
        if sha in preview.texts:
            named.setdefault(sha, []).append(change.record.get("source_id", ""))
    shas = sorted(preview.texts, key=lambda sha: (named.get(sha, [""]), sha))
    return pd.DataFrame(
        {
            t("texts_col_source", lang): [", ".join(named.get(sha, [])) for sha in shas],
            t("sha256_column", lang): [sha[:SHA_SHOWN] + "…" for sha in shas],
            t("texts_col_chars", lang): [format_number(len(preview.texts[sha]), lang) for sha in shas],
            t("texts_col_begins", lang): [first_lines(preview.texts[sha], lines=1, width=60) for sha in shas],
            t("texts_col_archive", lang): [
                t("texts_already" if sha in archived else "texts_new", lang) for sha in shas
            ],
        }
    ).astype("string")


# --- the article assistant's review grids ---------------------------------------------------------------------


def editor_frame(candidates: pd.DataFrame) -> pd.DataFrame:
    """The candidates with an "accept" column first, ticked where the engine is fairly sure (confidence ≥ 0.5)."""
    frame = candidates.copy()
    confidence = pd.to_numeric(frame.get("confidence", pd.Series(dtype=float)), errors="coerce").fillna(0)
    # bool even when there is no candidate: an empty column would be float, which a checkbox column refuses.
    frame.insert(0, "accept", (confidence >= 0.5).to_numpy(dtype=bool) if len(frame) else pd.array([], dtype=bool))
    return frame


def accepted_rows(edited: pd.DataFrame, table: str) -> list[Row]:
    """The accepted rows of an editor as (its row number, {column: text}) in the table's columns; every row that
    is not blank for an editor without an "accept" box (the proposed indicators)."""
    columns = schema.TABLES_BY_NAME[table].columns
    rows = []
    for number, record in enumerate(edited.to_dict("records"), start=1):
        values = {c: cell_text(record.get(c)) for c in columns}
        if record.get("accept") is True or ("accept" not in record and any(values.values())):
            rows.append((number, values))
    return rows


def proposed_indicators(proposed: pd.DataFrame | None) -> pd.DataFrame:
    """The new indicators the assistant proposed, in indicators.csv's columns, as text (none: an empty table)."""
    columns = schema.INDICATORS.columns
    if proposed is None:
        proposed = pd.DataFrame(columns=columns)
    return proposed.reindex(columns=columns).astype(object).fillna("").astype(str)


def renamed_indicators(state: object, proposed: pd.DataFrame) -> dict[str, str]:
    """Old id -> new id of the proposed indicators whose id the analyst edited in their grid: `state` is the
    editor's (st.data_editor keeps each edit by the row's position in the table it was given)."""
    if not isinstance(state, Mapping):
        return {}
    deleted = set(state.get("deleted_rows", []))
    renamed = {}
    for position, changes in state.get("edited_rows", {}).items():
        position = int(position)
        if "indicator_id" in changes and position not in deleted and position < len(proposed):
            renamed[str(proposed.iloc[position]["indicator_id"])] = cell_text(changes["indicator_id"])
    return renamed
