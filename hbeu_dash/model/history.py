"""The change history's rules, for every store: the audit log's record of a commit, and which commits are in effect,
what Undo and Redo take back (hbeu_dash.store.revert does it; the history page shows it).

Every undo, redo and revert is a commit of its own whose `undo_of` names the commit it takes back. A commit is *in
effect* unless a later commit that is itself in effect took it back (so a redo, taking back an undo, puts the undone
commit back in effect). From that:

- Undo takes back the newest commit in effect that is not itself an undo, whoever made it; pressed again, the one
  before it, and so on back to the first.
- Redo takes back the newest undo in effect, as long as nothing but undos and redos came after it (a new commit
  ends what can be redone, as in an editor).
"""

from collections.abc import Sequence
from dataclasses import dataclass, field

UNDO, REDO, REVERT = "undo", "redo", "revert"


@dataclass(frozen=True)
class CommitRecord:
    """One line of the audit log."""

    commit_id: str
    time: str  # ISO 8601, UTC
    author: str
    action: str  # "commit", "import", or one that takes back `undo_of`: "undo", "redo", "revert"
    tables: dict[str, dict[str, int]]  # table -> {"added": n, "changed": n, "removed": n}
    version_before: str
    version_after: str
    undo_of: str | None = None
    note: str = ""
    files: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)  # sha256s of the source texts this commit attached (archived)

    @classmethod
    def from_json(cls, record: dict) -> "CommitRecord":
        return cls(**{k: record.get(k) for k in cls.__dataclass_fields__ if k in record})


def kinds(records: Sequence[CommitRecord]) -> dict[str, str]:
    """Each commit's kind by id: its action ("commit", "import", "undo", "redo", "revert"), except that an undo of
    an undo is a redo (audit logs written before "redo" had a name of its own say "undo")."""
    found: dict[str, str] = {}
    for record in reversed(records):  # oldest first: what a record takes back is older than it
        kind = record.action
        if kind == UNDO and found.get(record.undo_of or "") == UNDO:
            kind = REDO
        found[record.commit_id] = kind
    return found


def taken_back(records: Sequence[CommitRecord]) -> dict[str, str]:
    """The commits no longer in effect, each with the commit (in effect) that took it back. `records` newest first."""
    by: dict[str, str] = {}
    for record in records:
        if record.commit_id not in by and record.undo_of:
            by.setdefault(record.undo_of, record.commit_id)
    return by


def undo_target(records: Sequence[CommitRecord]) -> CommitRecord | None:
    """What Undo takes back: the newest commit in effect that is not an undo (any author's). `records` newest first."""
    gone, kind = taken_back(records), kinds(records)
    return next((r for r in records if r.commit_id not in gone and kind[r.commit_id] != UNDO), None)


def redo_target(records: Sequence[CommitRecord]) -> CommitRecord | None:
    """What Redo takes back: the newest undo in effect, while only undos and redos came after it; else None."""
    gone, kind = taken_back(records), kinds(records)
    for record in records:
        if kind[record.commit_id] not in (UNDO, REDO):
            return None
        if kind[record.commit_id] == UNDO and record.commit_id not in gone:
            return record
    return None


def original(record: CommitRecord, records: Sequence[CommitRecord]) -> CommitRecord:
    """The change an undo or redo is about in the end (an undo's commit, a redo's undone commit); else the record."""
    by_id, kind = {r.commit_id: r for r in records}, kinds(records)
    seen = set()
    while kind.get(record.commit_id) in (UNDO, REDO) and record.undo_of in by_id and record.commit_id not in seen:
        seen.add(record.commit_id)
        record = by_id[record.undo_of]
    return record


def undo_action(record: CommitRecord, records: Sequence[CommitRecord]) -> str:
    """How taking back `record` at once is audited: "redo" when it is an undo, else "undo"."""
    return REDO if kinds(records).get(record.commit_id) == UNDO else UNDO
