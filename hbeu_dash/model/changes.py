"""A change to the data, as plain types: the rows an analyst proposes, the preview of what a commit of them would
do, the source texts attached to them, and why a commit or a revert is refused (ConflictError, RevertConflict).

Intake builds them, the store commits them and raises the conflicts, the views show them; this module imports only
the model."""

from dataclasses import dataclass, field

import pandas as pd

from hbeu_dash.model.problems import Problem

# A proposed row: (row number the analyst knows it by, {column: text}).
Row = tuple[int, dict[str, str]]


@dataclass(frozen=True)
class RowChange:
    """One proposed row against the current table."""

    kind: str  # "new", "changed" or "same"
    row: int  # the analyst's row number
    key: tuple[str, ...]
    record: dict[str, str]
    old: dict[str, str] | None = None  # the current row, for "changed" and "same"

    @property
    def changed_columns(self) -> list[str]:
        if self.old is None:
            return []
        return [c for c, v in self.record.items() if self.old.get(c, "") != v]


@dataclass
class Preview:
    """What a commit of this change set would do, computed against one data version."""

    version: str  # the data version the preview was made from (the commit's base: optimistic concurrency)
    label: str  # the upload's file name (or the assistant's table name), as problems name it
    files: dict[str, bytes]  # table -> the new file bytes, for the tables that change
    changes: dict[str, list[RowChange]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)  # sha256 -> text: the source texts the commit archives
    new_conflicts: pd.DataFrame = field(default_factory=pd.DataFrame)
    new_stage_conflicts: pd.DataFrame = field(default_factory=pd.DataFrame)
    failing_identities: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def ok(self) -> bool:
        """True when nothing blocks the commit."""
        return not self.problems

    def count(self, kind: str) -> int:
        return sum(1 for rows in self.changes.values() for c in rows if c.kind == kind)

    @property
    def changes_anything(self) -> bool:
        return bool(self.files)


@dataclass(frozen=True)
class Attachment:
    """A source text an analyst attaches to a source: the text (checked), when it was read and where."""

    source_id: str
    text: str
    retrieved: str = ""  # YYYY-MM-DD (the day it was read); the commit's day when empty
    retrieved_from: str = ""  # the address it was read at, when not the source's `url` (a reprint)


def cell_text(value: object) -> str:
    """An edited cell (text, number, None, NaN) as the text a data file holds (empty for a blank cell)."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


class ConflictError(Exception):
    """The data changed since the preview this commit was made from (or the undo is not of the latest commit)."""

    def __init__(self, expected: str, actual: str, reason: str = "changed"):
        super().__init__(f"data version is {actual}, the change was prepared against {expected} ({reason})")
        self.expected, self.actual, self.reason = expected, actual, reason


@dataclass(frozen=True)
class RowClash:
    """A row a revert would take back that a later change touched too: its table, its key (() for the whole table:
    its columns changed, or it was created or removed) and the later commits that changed it, oldest first (none:
    an edit outside the app)."""

    table: str
    key: tuple[str, ...]
    commits: tuple[str, ...]


class RevertConflict(ConflictError):
    """A revert of an older commit refused: later commits changed some of the same rows (`clashes`)."""

    def __init__(self, commit_id: str, version: str, clashes: list[RowClash]):
        super().__init__(version, version, reason="rows")
        self.commit_id, self.clashes = commit_id, list(clashes)
        rows = "; ".join(
            f"{c.table} {'/'.join(c.key) or '(whole table)'} by {', '.join(c.commits) or 'an edit outside the app'}"
            for c in self.clashes
        )
        self.args = (f"cannot revert {commit_id}: later changes to the same rows ({rows})",)
