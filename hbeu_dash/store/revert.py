"""Revert, for every store: take back an older commit's rows and keep every later change to other rows. A row the
commit changed that is no longer as it left it, or that a later commit still in effect changed too, stops the
revert: the RevertConflict names the rows and the later commits. Which commits are in effect, and what Undo and
Redo take back: hbeu_dash.model.history."""

from collections.abc import Callable, Mapping, Sequence

from hbeu_dash.model import schema
from hbeu_dash.model.changes import ConflictError, RevertConflict, RowClash
from hbeu_dash.model.history import UNDO, CommitRecord, kinds, taken_back
from hbeu_dash.store.diff import diff_tables, parse_rows, write_rows
from hbeu_dash.store.errors import UnknownCommit

TAKEN_BACK = "taken_back"  # ConflictError.reason: the commit to revert is no longer in effect
OUTSIDE = "outside"  # ConflictError.reason: the data changed outside the app after the commit to revert
WHOLE_TABLE: tuple[str, ...] = ()


def plan_revert(
    commit_id: str,
    records: Sequence[CommitRecord],
    before: Callable[[str, str], bytes],
    current: Mapping[str, bytes],
    version: str,
) -> dict[str, bytes]:
    """The tables (table -> bytes) that take back commit `commit_id` and keep every later change to other rows.

    `records` is the audit log, newest first; `before(commit_id, table)` a commit's copy of a table as it was
    before it (UnknownCommit when lost); `current` the tables the commit changed as they are now, at `version`.
    A table no later commit changed goes back to its bytes before the commit, byte for byte. ConflictError
    (reason "taken_back") when the commit is no longer in effect, (reason "outside") when the data changed outside
    the app since it; RevertConflict naming the rows and the later commits that changed them too.
    """
    positions = {r.commit_id: i for i, r in enumerate(records)}
    if commit_id not in positions:
        raise UnknownCommit(commit_id)
    if commit_id in (gone := taken_back(records)):
        raise ConflictError(version, version, reason=TAKEN_BACK)
    target = records[positions[commit_id]]
    later = list(reversed(records[: positions[commit_id]]))  # oldest first
    if edited_outside(target, later, version):
        raise ConflictError(version, version, reason=OUTSIDE)
    kind = kinds(records)
    active = {r.commit_id for r in later if r.commit_id not in gone and kind[r.commit_id] != UNDO}
    by_file = {spec.file: spec.name for spec in schema.TABLES}
    files, clashes = {}, []
    for name in target.files:
        table = by_file[name]
        touching = [r.commit_id for r in later if name in r.files]
        # Each version of the table from the commit on: before it, after it, after each later commit that changed it.
        states = [before(commit_id, table), *(before(c, table) for c in touching), current.get(table, b"")]
        result, found = _revert_table(table, states, touching, active)
        clashes += found
        if result is not None:
            files[table] = result
    if clashes:
        raise RevertConflict(commit_id, version, clashes)
    return files


def edited_outside(target: CommitRecord, later: Sequence[CommitRecord], version: str) -> bool:
    """Whether the data changed outside the app after `target` (`later`: the commits after it, oldest first): each
    commit starts at the version the one before it left, and the data is at the version the last one left. A hand
    edit of a data file would otherwise be overwritten unseen where no later commit kept a copy of its table."""
    expected = target.version_after
    for record in later:
        if record.version_before != expected:
            return True
        expected = record.version_after
    return version != expected


def _revert_table(
    table: str, states: list[bytes], touching: list[str], active: set[str]
) -> tuple[bytes | None, list[RowClash]]:
    """One table's reverted bytes (or the rows that stop it): `states` are the table before the commit, after it,
    after each of the later commits `touching` it (the last is now); `active` the later changes still in effect."""
    old, left, now = states[0], states[1], states[-1]
    # Untouched since, or changed and changed back by commits since taken back (plan_revert checked that nothing
    # outside the app changed the data): the table as it was before the commit, byte for byte.
    if now == left and not any(c in active for c in touching):
        return old, []
    key = schema.TABLES_BY_NAME[table].key
    parsed = {content: _rows(content) for content in states}
    (old_header, old_rows), (left_header, left_rows), (now_header, now_rows) = parsed[old], parsed[left], parsed[now]
    changed_by = {}  # later commit -> the keys of the rows it changed (WHOLE_TABLE too when it changed the columns)
    for commit, start, end in zip(touching, states[1:], states[2:], strict=False):
        diff = diff_tables(table, start, end)
        whole = {WHOLE_TABLE} if parsed[start][0] != parsed[end][0] else set()
        changed_by[commit] = {*diff.added, *diff.changed, *diff.removed} | whole

    def clash(row_key: tuple[str, ...], moved: bool) -> RowClash | None:
        """The row's clash: it is not as the commit left it (`moved`), or a later change in effect touched it."""
        by = [c for c in touching if row_key == WHOLE_TABLE or row_key in changed_by[c] or WHOLE_TABLE in changed_by[c]]
        if not moved and not any(c in active for c in by):
            return None
        return RowClash(table, row_key, tuple(c for c in by if c in active) or tuple(by))

    # Columns changed by the commit or after it, or the file created or removed since: no row-by-row revert.
    if old_header != left_header or left_header != now_header or not left or not now:
        return None, [RowClash(table, WHOLE_TABLE, tuple(c for c in touching if c in active) or tuple(touching))]
    own = diff_tables(table, old, left)
    index_left, index_now = _index(left_header, left_rows, key), _index(now_header, now_rows, key)
    found = [clash(k, index_now.get(k) != index_left.get(k)) for k in sorted({*own.added, *own.changed, *own.removed})]
    if any(found):
        return None, [c for c in found if c is not None]
    if now == left:  # the later commits changed other rows and back: the table as it was, byte for byte
        return old, []
    added, changed, removed = set(own.added), set(own.changed), set(own.removed)
    index_old = _index(old_header, old_rows, key)
    rows = [
        index_old[row_key] if row_key in changed else row
        for row, row_key in ((row, _key(now_header, row, key)) for row in now_rows)
        if row_key not in added
    ]
    kept = [_key(now_header, row, key) for row in rows]
    previous: tuple[str, ...] | None = None
    for row in old_rows:  # the commit's removed rows back in place: after the row before them in the old file
        row_key = _key(old_header, row, key)
        if row_key in removed:
            at = kept.index(previous) + 1 if previous in kept else 0
            rows.insert(at, row)
            kept.insert(at, row_key)
        if row_key in kept:
            previous = row_key
    return write_rows(now_header, rows), []


def _rows(content: bytes) -> tuple[list[str], list[list[str]]]:
    return parse_rows(content) if content else ([], [])


def _key(header: list[str], row: list[str], key: tuple[str, ...]) -> tuple[str, ...]:
    """A row's key, as hbeu_dash.store.diff.keyed reads it."""
    positions = [header.index(k) if k in header else None for k in key]
    return tuple(row[p] if p is not None and p < len(row) else "" for p in positions)


def _index(header: list[str], rows: list[list[str]], key: tuple[str, ...]) -> dict[tuple[str, ...], list[str]]:
    return {_key(header, row, key): row for row in rows}
