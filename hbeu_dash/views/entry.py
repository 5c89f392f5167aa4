"""Data entry, as plain tables: problems of a change set, its preview (new, changed, identical rows, the source
texts it archives), what an attached text was read as, the audit log; which of the assistant's proposed indicators
a change set keeps."""

from collections.abc import Collection, Mapping
from dataclasses import dataclass

import pandas as pd

from hbeu_dash.i18n import format_number, label, t
from hbeu_dash.model import schema
from hbeu_dash.model.changes import Attachment, Preview, Row, RowChange, cell_text
from hbeu_dash.model.history import CommitRecord
from hbeu_dash.model.problems import Problem
from hbeu_dash.model.source_text import TextRefused, text_sha256

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


def new_rows_table(changes: "TableChanges", lang: str) -> pd.DataFrame:
    """The rows the commit adds to one table (of the preview's view model), with the row number the analyst knows
    each by."""
    rows = changes.new
    columns = schema.TABLES_BY_NAME[changes.table].columns
    frame = pd.DataFrame([dict(r.record) for r in rows], columns=list(columns))
    frame.insert(0, t("entry_row", lang), [r.row for r in rows])
    return frame.astype("string")


def changed_rows_table(view: "PreviewView", lang: str) -> pd.DataFrame:
    """One line per changed cell (of the preview's view model): table, row, key, column, the current value and the
    new one."""
    records = [
        {
            t("entry_table", lang): label("table", changes.table, lang),
            t("entry_row", lang): row.row,
            t("entry_key", lang): row.key,
            t("entry_column", lang): column,
            t("entry_old", lang): old,
            t("entry_new", lang): new,
        }
        for changes in view.tables
        for row in changes.changed
        for column, old, new in row.cells
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


# --- the preview as one view model: the app's tables and the terminal's lines render it ----------------------


@dataclass(frozen=True)
class NewRow:
    """A row the commit adds: its row number in the upload, its key ("a / b"), its cells."""

    row: int
    key: str
    record: Mapping[str, str]


@dataclass(frozen=True)
class ChangedRow:
    """A row the commit changes: its row number, its key, and (column, current value, new value) per changed cell."""

    row: int
    key: str
    cells: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True)
class TableChanges:
    """One table of a change set: what problems name it by (a workbook's sheet, or the table), and its new and
    changed rows in the upload's order (a table whose rows all equal the data has none)."""

    table: str
    origin: str
    rows: tuple[NewRow | ChangedRow, ...]

    @property
    def new(self) -> tuple[NewRow, ...]:
        return tuple(r for r in self.rows if isinstance(r, NewRow))

    @property
    def changed(self) -> tuple[ChangedRow, ...]:
        return tuple(r for r in self.rows if isinstance(r, ChangedRow))


@dataclass(frozen=True)
class NewConflict:
    """A conflict group the commit would bring: (value, source_id, figure_id) of each of its reports."""

    conflict_id: str
    reports: tuple[tuple[float, str, str], ...]


@dataclass(frozen=True)
class PreviewView:
    """What a commit would do, for any renderer: the summary line, the counts, each table's new and changed rows,
    the new conflicts between figures, the new project stage disagreements, the identities it would break."""

    summary: str
    counts: Mapping[str, int]  # new, changed, same
    tables: tuple[TableChanges, ...]  # the tables the change set has rows for, in its order
    conflicts: tuple[NewConflict, ...]
    stage_conflicts: tuple[str, ...]  # project ids
    failing_identities: tuple[str, ...]  # identity ids


def _row_view(change: RowChange) -> NewRow | ChangedRow:
    key = " / ".join(change.key)
    if change.kind == "new":
        return NewRow(change.row, key, change.record)
    old = change.old or {}
    return ChangedRow(change.row, key, tuple((c, old.get(c, ""), change.record[c]) for c in change.changed_columns))


def preview_view(preview: Preview, lang: str, origins: Mapping[str, str] | None = None) -> PreviewView:
    """The preview as one view model; `origins` names each table as problems do (a workbook's sheets)."""
    origins = origins or {}
    tables = tuple(
        TableChanges(
            table,
            origins.get(table, table),
            tuple(_row_view(c) for c in changes if c.kind in ("new", "changed")),
        )
        for table, changes in preview.changes.items()
        if changes
    )
    conflicts = tuple(
        NewConflict(str(conflict_id), tuple(map(tuple, group[["value", "source_id", "figure_id"]].to_numpy().tolist())))
        for conflict_id, group in (
            preview.new_conflicts.groupby("conflict_id", sort=True) if not preview.new_conflicts.empty else ()
        )
    )
    stages = preview.new_stage_conflicts
    identities = preview.failing_identities
    return PreviewView(
        summary=summary(preview, lang),
        counts={kind: preview.count(kind) for kind in ("new", "changed", "same")},
        tables=tables,
        conflicts=conflicts,
        stage_conflicts=tuple(sorted(set(stages["project_id"]))) if not stages.empty else (),
        failing_identities=tuple(identities["identity_id"]) if not identities.empty else (),
    )


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
