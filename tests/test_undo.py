"""Undo step by step, redo, and revert of an older commit, on both stores (the CSV folder and PostgreSQL): three
undos in a row give back the data of three commits before byte for byte, redo brings each back, a new commit ends
what can be redone, an older commit is reverted while later commits on other rows stay, and refused (nothing
written, the rows and the later commits named) when a later commit changed the same rows. Which commit Undo and
Redo take back is hbeu_dash.model.history's, tested here on hand-made audit logs too."""

from pathlib import Path

import pytest

from hbeu_dash.model import history
from hbeu_dash.model.changes import ConflictError, RevertConflict, RowClash
from hbeu_dash.model.history import CommitRecord
from hbeu_dash.store import CsvStore, revert
from tests.store_contract import FIGURE_LINE, RIVAL_LINE, SOURCE_LINE
from tests.test_sql_store import data_files, folder_files, load, snapshot

FIGURES = data_files()["figures"]
SOURCES = data_files()["sources"]
LINES = FIGURES.decode("utf-8").splitlines(keepends=True)
# A real figure row whose line ends in a plain cell (not quoted), so a note can be appended to it by hand, and
# another one: the rows the tests change. Their ids are what the conflict names.
EDITABLE = [i for i, line in enumerate(LINES[1:], start=1) if not line.rstrip("\n").endswith('"')]
ROW_A, ROW_B = EDITABLE[3], EDITABLE[10]
ID_A, ID_B = LINES[ROW_A].split(",")[0], LINES[ROW_B].split(",")[0]


@pytest.fixture(params=["csv", "sql"])
def store(request, data_dir: Path):
    """The CSV store on a copy of data/, or the SQL store (a real PostgreSQL, tests/conftest.py) holding the same."""
    if request.param == "csv":
        return CsvStore(data_dir)
    from hbeu_dash.store.sql_store import SqlStore

    sql_store = SqlStore(request.getfixturevalue("pg_url"))
    load(sql_store)
    return sql_store


def figures_with(*, edits: dict[int, str] | None = None, drop: int | None = None, add: str = "") -> bytes:
    """figures.csv with text appended to some rows' last cell, one row left out, and lines added at the end."""
    lines = list(LINES)
    for index, suffix in (edits or {}).items():
        lines[index] = lines[index].rstrip("\n") + suffix + "\n"
    if drop is not None:
        del lines[drop]
    return "".join(lines).encode("utf-8") + add.encode("utf-8")


def commit(store, files: dict[str, bytes], author: str = "ana") -> CommitRecord:
    record = store.commit(files, store.data_version(), author)
    assert record is not None
    return record


def state(store) -> tuple:
    """Everything an undo must give back: every table's bytes, the version, the CSV folder's files."""
    return snapshot(store), store.data_version(), folder_files(store)


def undo_step(store, author: str = "ben") -> CommitRecord:
    """Press Undo: take back what hbeu_dash.store.revert says Undo takes back, from the version on screen."""
    target = history.undo_target(store.history())
    return store.undo(target.commit_id, author, base_version=store.data_version())


def redo_step(store, author: str = "ben") -> CommitRecord:
    target = history.redo_target(store.history())
    return store.undo(target.commit_id, author, base_version=store.data_version())


# --- undo, step by step, and redo ----------------------------------------------------------------------------------


def test_three_undos_in_a_row_give_back_the_data_of_three_commits_before(store) -> None:
    states = [state(store)]
    c1 = commit(store, {"figures": FIGURES + FIGURE_LINE.encode()})
    states.append(state(store))
    c2 = commit(store, {"sources": SOURCES + SOURCE_LINE.encode()}, author="ben")
    states.append(state(store))
    c3 = commit(store, {"figures": FIGURES + (FIGURE_LINE + RIVAL_LINE).encode()})
    undos = []
    for back in (2, 1, 0):
        undos.append(undo_step(store, author="chen"))
        assert state(store) == states[back], f"after {len(undos)} undo(s)"
    assert [(u.action, u.undo_of, u.author) for u in undos] == [
        ("undo", c3.commit_id, "chen"),
        ("undo", c2.commit_id, "chen"),
        ("undo", c1.commit_id, "chen"),
    ]
    assert store.history()[:6] == [*reversed(undos), c3, c2, c1]  # each undo its own audited commit


def test_redo_brings_back_each_undone_commit_and_undo_goes_back_again(store) -> None:
    start = state(store)
    c1 = commit(store, {"figures": FIGURES + FIGURE_LINE.encode()})
    after_c1 = state(store)
    c2 = commit(store, {"sources": SOURCES + SOURCE_LINE.encode()})
    after_c2 = state(store)
    u2, u1 = undo_step(store), undo_step(store)
    assert state(store) == start
    r1 = redo_step(store)
    assert state(store) == after_c1 and (r1.action, r1.undo_of) == ("redo", u1.commit_id)
    r2 = redo_step(store)
    assert state(store) == after_c2 and (r2.action, r2.undo_of) == ("redo", u2.commit_id)
    assert history.redo_target(store.history()) is None  # nothing left to redo
    again = undo_step(store)  # the redo of c2 is taken back: c2 undone once more
    assert state(store) == after_c1 and again.undo_of == r2.commit_id
    assert history.original(store.history()[0], store.history()) == c2
    assert history.undo_target(store.history()) == r1 and history.original(r1, store.history()) == c1


def test_a_new_commit_ends_what_can_be_redone(store) -> None:
    commit(store, {"figures": FIGURES + FIGURE_LINE.encode()})
    undone = undo_step(store)
    assert history.redo_target(store.history()) == undone
    newer = commit(store, {"sources": SOURCES + SOURCE_LINE.encode()})
    assert history.redo_target(store.history()) is None
    assert history.undo_target(store.history()) == newer


def test_undo_of_a_commit_the_data_has_moved_on_from_is_still_refused(store) -> None:
    first = commit(store, {"figures": FIGURES + FIGURE_LINE.encode()})
    commit(store, {"sources": SOURCES + SOURCE_LINE.encode()})
    before, count = state(store), len(store.history())
    with pytest.raises(ConflictError) as raised:
        store.undo(first.commit_id, "t")
    assert raised.value.reason == "not_latest"
    assert state(store) == before and len(store.history()) == count


# --- revert of an older commit --------------------------------------------------------------------------------------


def test_revert_of_an_older_commit_keeps_later_commits_on_other_rows(store) -> None:
    start = state(store)
    older = commit(store, {"figures": figures_with(edits={ROW_A: " checked"}, add=FIGURE_LINE)})
    later = commit(store, {"figures": figures_with(edits={ROW_A: " checked"}, add=FIGURE_LINE + RIVAL_LINE)})
    commit(store, {"sources": SOURCES + SOURCE_LINE.encode()}, author="ben")
    reverted = store.revert(older.commit_id, "chen", base_version=store.data_version())
    assert snapshot(store)["figures"] == FIGURES + RIVAL_LINE.encode()  # the later row stays, byte for byte
    assert snapshot(store)["sources"] == SOURCES + SOURCE_LINE.encode()
    assert (reverted.action, reverted.undo_of, reverted.author) == ("revert", older.commit_id, "chen")
    assert reverted.tables == {"figures": {"added": 0, "changed": 1, "removed": 1}}
    assert store.history()[0] == reverted
    assert later.commit_id not in history.taken_back(store.history())
    assert older.commit_id in history.taken_back(store.history())
    undo_step(store)  # a revert is undone like any commit
    assert snapshot(store)["figures"] == figures_with(edits={ROW_A: " checked"}, add=FIGURE_LINE + RIVAL_LINE)
    for _ in range(3):
        undo_step(store)
    assert state(store) == start


def test_revert_puts_a_removed_row_back_where_it_was(store) -> None:
    removal = commit(store, {"figures": figures_with(drop=ROW_A)})
    commit(store, {"figures": figures_with(drop=ROW_A, edits={ROW_B: " checked"})})
    store.revert(removal.commit_id, "chen")
    assert snapshot(store)["figures"] == figures_with(edits={ROW_B: " checked"})


def test_revert_of_a_commit_whose_rows_a_later_commit_changed_is_refused_naming_them(store) -> None:
    older = commit(store, {"figures": figures_with(edits={ROW_A: " one", ROW_B: " one"})})
    later = commit(store, {"figures": figures_with(edits={ROW_A: " two", ROW_B: " one"})}, author="ben")
    before, history = state(store), store.history()
    with pytest.raises(RevertConflict) as raised:
        store.revert(older.commit_id, "chen", base_version=store.data_version())
    assert raised.value.clashes == [RowClash("figures", (ID_A,), (later.commit_id,))]
    assert raised.value.commit_id == older.commit_id and isinstance(raised.value, ConflictError)
    assert later.commit_id in str(raised.value) and ID_A in str(raised.value)
    assert state(store) == before and store.history() == history  # nothing written, nothing audited


def test_a_later_commit_on_the_same_row_that_was_undone_does_not_stop_a_revert(store) -> None:
    start = state(store)
    older = commit(store, {"figures": figures_with(edits={ROW_A: " one"})})
    commit(store, {"figures": figures_with(edits={ROW_A: " two"})})
    undo_step(store)
    store.revert(older.commit_id, "chen")
    assert snapshot(store) == start[0]


def test_a_row_changed_back_by_a_later_commit_still_stops_a_revert(store) -> None:
    # The row is as the older commit left it, but a later commit in effect set it so: its author meant that value.
    older = commit(store, {"figures": figures_with(edits={ROW_A: " one"})})
    commit(store, {"figures": figures_with(edits={ROW_A: " two"})})
    back = commit(store, {"figures": figures_with(edits={ROW_A: " one"})}, author="ben")
    with pytest.raises(RevertConflict) as raised:
        store.revert(older.commit_id, "chen")
    assert raised.value.clashes[0].key == (ID_A,) and back.commit_id in raised.value.clashes[0].commits


def test_revert_of_a_commit_already_taken_back_or_from_a_stale_page_is_refused(store) -> None:
    older = commit(store, {"figures": figures_with(edits={ROW_A: " one"})})
    commit(store, {"sources": SOURCES + SOURCE_LINE.encode()})
    store.revert(older.commit_id, "t")
    before = state(store)
    with pytest.raises(ConflictError) as taken:
        store.revert(older.commit_id, "t")
    assert taken.value.reason == revert.TAKEN_BACK
    with pytest.raises(ConflictError) as stale:
        store.revert(store.history()[1].commit_id, "t", base_version="0000000")
    assert stale.value.reason == "changed"
    assert state(store) == before


# --- which commit each button takes back, on hand-made logs ---------------------------------------------------------


def record(commit_id: str, action: str = "commit", undo_of: str | None = None) -> CommitRecord:
    return CommitRecord(commit_id, "2026-12-03T10:00:00+00:00", "ana", action, {}, "v0", "v1", undo_of)


@pytest.mark.parametrize(
    ("log", "undo", "redo"),
    [
        ([], None, None),
        (["c1"], "c1", None),
        (["c1", "c2", "u2:undo>c2"], "c1", "u2"),
        (["c1", "c2", "u2:undo>c2", "u1:undo>c1"], None, "u1"),
        (["c1", "c2", "c3", "u3:undo>c3", "u2:undo>c2", "r2:redo>u2"], "r2", "u3"),
        (["c1", "u1:undo>c1", "c2"], "c2", None),  # a new commit: nothing to redo
        (["c1", "c2", "v1:revert>c1"], "v1", None),
        (["c1", "c2", "v1:revert>c1", "uv:undo>v1"], "c2", "uv"),
        (["c1", "u1:undo>c1", "x:undo>u1"], "x", None),  # an old log's redo: an undo of an undo
    ],
)
def test_undo_and_redo_targets(log: list[str], undo: str | None, redo: str | None) -> None:
    records = []
    for entry in log:
        commit_id, _, rest = entry.partition(":")
        action, _, undo_of = rest.partition(">")
        records.insert(0, record(commit_id, action or "commit", undo_of or None))
    assert getattr(history.undo_target(records), "commit_id", None) == undo
    assert getattr(history.redo_target(records), "commit_id", None) == redo


def test_an_old_logs_undo_of_an_undo_reads_as_a_redo() -> None:
    records = [record("x", "undo", "u1"), record("u1", "undo", "c1"), record("c1")]
    assert history.kinds(records) == {"c1": "commit", "u1": "undo", "x": "redo"}
    assert history.original(records[0], records).commit_id == "c1"
    assert history.undo_action(records[1], records) == "redo" and history.undo_action(records[2], records) == "undo"


def test_a_revert_after_an_edit_outside_the_app_is_refused(data_dir: Path) -> None:
    # No later commit kept a copy of figures.csv: reverting would overwrite the hand edit unseen, so it is refused.
    store = CsvStore(data_dir)
    older = commit(store, {"figures": figures_with(edits={ROW_A: " one"})})
    commit(store, {"sources": SOURCES + SOURCE_LINE.encode()})
    by_hand = figures_with(edits={ROW_A: " one", ROW_B: " by hand"})
    (data_dir / "figures.csv").write_bytes(by_hand)
    with pytest.raises(ConflictError) as raised:
        store.revert(older.commit_id, "t")
    assert raised.value.reason == revert.OUTSIDE
    assert (data_dir / "figures.csv").read_bytes() == by_hand
