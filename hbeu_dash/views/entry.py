"""Data entry, as plain tables: problems of a change set, its preview (new, changed, identical rows), the audit log."""

import pandas as pd

from hbeu_dash import schema
from hbeu_dash.i18n import label, t
from hbeu_dash.intake import Preview
from hbeu_dash.problems import Problem
from hbeu_dash.store import CommitRecord


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


def history_table(records: list[CommitRecord], lang: str) -> pd.DataFrame:
    """The audit log, newest first: when, who, what, rows added/changed/removed per table, versions."""

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
            t("entry_versions", lang): [f"{r.version_before} → {r.version_after}" for r in records],
            t("entry_commit_id", lang): [r.commit_id + (f" ← {r.undo_of}" if r.undo_of else "") for r in records],
        }
    ).astype("string")
