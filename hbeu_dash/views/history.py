"""The change history as plain text: what Undo and Redo take back, the older commits a revert may take back, each
commit's state (in effect, or taken back by which), what a write did, and why a revert was refused.

The rules (which commit each button takes back) are the model's, in hbeu_dash.model.history."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from hbeu_dash.i18n import join, label, t
from hbeu_dash.model import history
from hbeu_dash.model.changes import RevertConflict
from hbeu_dash.model.history import CommitRecord
from hbeu_dash.views import entry as entry_views

CLASHES_SHOWN = 8  # rows named in a refused revert's message; the rest are counted


@dataclass(frozen=True)
class Step:
    """A button's commit (the one the store takes back) and its label."""

    commit_id: str
    label: str


@dataclass(frozen=True)
class Actions:
    """What the history page offers: Undo and Redo (one step each, when the data is at their commit), and the older
    commits in effect a revert may take back (newest first)."""

    undo: Step | None
    redo: Step | None
    revertable: tuple[Step, ...]


def when(record: CommitRecord) -> str:
    """'2026-12-03 10:04:05 UTC'."""
    return record.time.replace("T", " ").replace("+00:00", " UTC")


def rows_text(record: CommitRecord, lang: str) -> str:
    """'figures: 1 added, 0 changed, 0 removed; sources: …'."""
    parts = [
        t("entry_rows_changed", lang, table=label("table", table, lang), **counts)
        for table, counts in sorted(record.tables.items())
    ]
    return t("clause_sep", lang).join(parts)


def describe(record: CommitRecord, lang: str) -> str:
    """A commit as a reader tells it apart: '20261203T…-1a2b3c (ana, commit, 2026-12-03 10:04:05 UTC; figures: …)'."""
    return t(
        "history_commit",
        lang,
        commit_id=record.commit_id,
        author=record.author,
        action=label("commit_action", record.action, lang),
        when=when(record),
        rows=rows_text(record, lang),
    )


def build_actions(records: Sequence[CommitRecord], version: str, lang: str) -> Actions:
    """The Undo and Redo steps and the revertable commits of the audit log (newest first) at data `version`."""
    undo, redo = history.undo_target(records), history.redo_target(records)
    undo_step = redo_step = None
    if undo is not None and undo.version_after == version:
        change = history.original(undo, records)
        if records and undo is records[0] and change is undo:
            text = t("history_undo", lang, commit_id=undo.commit_id)
        else:
            text = t("history_undo_step", lang, what=describe(change, lang))
        undo_step = Step(undo.commit_id, text)
    if redo is not None and redo.version_after == version:
        if redo is records[0]:
            text = t("history_redo", lang, commit_id=redo.commit_id)
        else:
            text = t("history_redo_step", lang, what=describe(history.original(redo, records), lang))
        redo_step = Step(redo.commit_id, text)
    gone, kind = history.taken_back(records), history.kinds(records)
    revertable = tuple(
        Step(r.commit_id, describe(r, lang))
        for r in records
        if r.commit_id not in gone
        and kind[r.commit_id] != history.UNDO
        and (undo_step is None or r.commit_id != undo_step.commit_id)
    )
    return Actions(undo_step, redo_step, revertable)


def log_table(
    records: Sequence[CommitRecord], lang: str, text_sources: Mapping[str, list[str]] | None = None
) -> pd.DataFrame:
    """The audit log (views.entry.history_table) with each commit's state: in effect, or taken back by which."""
    table = entry_views.history_table(list(records), lang, text_sources)
    gone = history.taken_back(records)
    states = [
        t("history_taken_back_by", lang, commit_id=gone[r.commit_id])
        if r.commit_id in gone
        else t("history_in_effect", lang)
        for r in records
    ]
    table.insert(3, t("history_state", lang), pd.Series(states, dtype="string"))
    return table


def done_message(record: CommitRecord, records: Sequence[CommitRecord], lang: str) -> str:
    """What an undo, redo or revert just did, with the data versions."""
    key = {"redo": "history_redone", "revert": "history_reverted"}.get(record.action, "history_undone")
    taken = next((r for r in records if r.commit_id == record.undo_of), record)
    undo_of = history.original(taken, records).commit_id if record.action == "redo" else record.undo_of
    return t(key, lang, undo_of=undo_of, before=record.version_before, after=record.version_after)


def conflict_message(exc: RevertConflict, records: Sequence[CommitRecord], lang: str) -> str:
    """Why a revert was refused: each row (table and key) and the later commits that changed it (id, who, what)."""
    by_id = {r.commit_id: r for r in records}

    def commit_text(commit_id: str) -> str:
        record = by_id.get(commit_id)
        if record is None:
            return commit_id
        action = label("commit_action", record.action, lang)
        return t("history_clash_commit", lang, commit_id=commit_id, author=record.author, action=action)

    parts = []
    for clash in exc.clashes[:CLASHES_SHOWN]:
        commits = join([commit_text(c) for c in clash.commits], lang) or t("history_clash_outside", lang)
        table = label("table", clash.table, lang)
        if clash.key:
            parts.append(t("history_clash_row", lang, table=table, row=" / ".join(clash.key), commits=commits))
        else:
            parts.append(t("history_clash_table", lang, table=table, commits=commits))
    if len(exc.clashes) > CLASHES_SHOWN:
        parts.append(t("history_clash_more", lang, n=len(exc.clashes) - CLASHES_SHOWN))
    rows = t("clause_sep", lang).join(parts)
    return t("history_revert_conflict", lang, commit_id=exc.commit_id, rows=rows)


def taken_back_message(commit_id: str, records: Sequence[CommitRecord], lang: str) -> str:
    """A revert of a commit that is no longer in effect: which commit took it back."""
    by = history.taken_back(records).get(commit_id, "?")
    return t("history_already_taken_back", lang, commit_id=commit_id, by=by)
