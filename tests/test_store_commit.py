"""CsvStore's own write path: a commit killed at any step leaves the old data or (after recovery) the new, never a
mix, and recovery keeps what undo needs. What both stores promise (stale commits refused, racing commits from one
preview end in one winner and one conflict, undo byte for byte, audited) is the Store contract in test_sql_store.py,
run on this store too."""

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from hbeu_dash.paths import ROOT
from hbeu_dash.store import CsvStore
from tests.store_contract import FIGURE_LINE, SOURCE_LINE, TABLE_FILES, audit, tables


def new_files(folder: Path) -> dict[str, bytes]:
    """A two-table change set: one new figure, one new source."""
    return {
        "figures": (folder / "figures.csv").read_bytes() + FIGURE_LINE.encode(),
        "sources": (folder / "sources.csv").read_bytes() + SOURCE_LINE.encode(),
    }


def leftovers(folder: Path) -> list[str]:
    """Temporary files anywhere in the data folder or the store's state folder."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*.tmp"))


# --- crash safety ------------------------------------------------------------------------------------------------

CRASH_SCRIPT = """
import os, signal, sys
from pathlib import Path

import hbeu_dash.store.csv_store as csv_store

folder, step = Path(sys.argv[1]), sys.argv[2]


def die(*_):
    os.kill(os.getpid(), signal.SIGKILL)


if step.startswith("fsync#"):  # killed inside durable's writes: the bytes written, not yet fsynced
    calls, real_fsync, target = [0], os.fsync, int(step.removeprefix("fsync#"))

    def fsync(fd):
        calls[0] += 1
        if calls[0] == target:
            die()
        real_fsync(fd)

    os.fsync = fsync
else:
    csv_store.crash_point = lambda name: die() if name == step else None

store = csv_store.CsvStore(folder)
files = {"figures": Path(sys.argv[3]).read_bytes(), "sources": Path(sys.argv[4]).read_bytes()}
store.commit(files, sys.argv[5], "crash-test")
sys.exit(3)  # never reached: every step named here kills the commit
"""

# Each step of a two-table commit (figures, then sources) and what must survive a SIGKILL there: the old data
# (killed before the journal, the commit point) or the new data once recovered. os.fsync calls of the commit, in
# order: 1-2 history files, 3-4 history folders, 5-6 temporary tables, 7 the journal's temporary file, 8 the state
# folder (journal in place), 9 the data folder (renames done), 10 the audit line.
CRASH_STEPS = [
    ("history_written", "old"),
    ("temps_written", "old"),
    ("journal_written", "new"),
    ("renamed:figures.csv", "new"),
    ("renamed:sources.csv", "new"),
    ("audited", "new"),
    # The commit's fsyncs in order: 1-2 history files, 3-4 their folders, 5-6 the temporary files, 7 the data
    # folder, 8 the journal's bytes, 9 its folder after the rename (the commit point), 10 the history folder's
    # final name, 11 the data folder after the renames, 12 the audit line.
    ("fsync#1", "old"),
    ("fsync#5", "old"),
    ("fsync#7", "old"),
    ("fsync#8", "old"),
    ("fsync#9", "new"),
    ("fsync#11", "new"),
]


@pytest.mark.parametrize(("step", "outcome"), CRASH_STEPS)
def test_a_commit_killed_at_any_step_leaves_the_old_data_or_recovers_the_new(
    step: str, outcome: str, data_dir: Path, tmp_path: Path
) -> None:
    old = tables(data_dir)
    old_version = CsvStore(data_dir).data_version()
    files = new_files(data_dir)
    (tmp_path / "figures.new").write_bytes(files["figures"])
    (tmp_path / "sources.new").write_bytes(files["sources"])
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            CRASH_SCRIPT,
            str(data_dir),
            step,
            *(str(tmp_path / f) for f in ("figures.new", "sources.new")),
            old_version,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr  # killed at that step, not finished nor failed
    if outcome == "old":
        assert {k: v for k, v in tables(data_dir).items() if k in TABLE_FILES} == old  # untouched, before recovery
    store = CsvStore(data_dir)
    version, result = store.read()  # recovers: finishes the commit after its journal, or clears what it left
    assert not result.problems
    assert leftovers(data_dir) == [] and not store.journal.exists()
    assert tables(data_dir).keys() == TABLE_FILES  # nothing else beside the tables
    if outcome == "old":
        assert tables(data_dir) == old and version == old_version and audit(data_dir) == []
        # The next commit works, and clears the history copy the killed one may have left.
        record = store.commit(files, version, "after-crash")
        assert [p.name for p in store.history_dir.iterdir()] == [record.commit_id]
        return
    expected = old | {"figures.csv": files["figures"], "sources.csv": files["sources"]}
    assert tables(data_dir) == expected
    [line] = audit(data_dir)
    assert line["author"] == "crash-test" and line["files"] == ["figures.csv", "sources.csv"]
    assert line["tables"] == {
        "figures": {"added": 1, "changed": 0, "removed": 0},
        "sources": {"added": 1, "changed": 0, "removed": 0},
    }
    assert line["version_before"] == old_version and line["version_after"] == version != old_version
    assert len(audit(data_dir)) == 1 and store.data_version() == version  # a second read recovers nothing more
    store.undo(line["commit_id"], "t")  # the history survived the crash: undo gives back the old bytes
    assert tables(data_dir) == old


def test_another_writers_temporary_file_is_left_alone(data_dir: Path) -> None:
    foreign = data_dir / ".secrets.toml.k2j3.tmp"  # e.g. an atomic write of some other file, mid-way
    foreign.write_bytes(b"not ours")
    store = CsvStore(data_dir)
    store.commit(new_files(data_dir), store.data_version(), "t")
    store.read()
    assert foreign.read_bytes() == b"not ours"


def test_a_torn_audit_line_does_not_swallow_the_next_commit(data_dir: Path) -> None:
    store = CsvStore(data_dir)
    first = store.commit({"figures": new_files(data_dir)["figures"]}, store.data_version(), "t")
    with open(store.audit_log, "ab") as log:
        log.write(b'{"commit_id": "torn", "auth')  # an append cut short by a crash or a full disk
    second = store.commit({"sources": new_files(data_dir)["sources"]}, store.data_version(), "t")
    assert [r.commit_id for r in store.history()] == [second.commit_id, first.commit_id]
    store.commit({"figures": (data_dir / "figures.csv").read_bytes() + b"\n"}, store.data_version(), "t")
    assert (store.history_dir / second.commit_id / "sources.csv").exists()  # not dropped as never audited
    store.undo(store.history()[0].commit_id, "t")
    store.undo(second.commit_id, "t")  # still undoable
    assert not (data_dir / "sources.csv").read_bytes().endswith(SOURCE_LINE.encode())


# --- recovery ----------------------------------------------------------------------------------------------------


def test_a_journal_whose_temporary_file_was_lost_rolls_every_table_back(data_dir: Path, tmp_path: Path) -> None:
    # After a power loss the journal can survive while a temporary file's name does not: finishing the other table
    # alone would leave a mix, so every table goes back to its bytes before the commit, and nothing is audited.
    old = tables(data_dir)
    old_version = CsvStore(data_dir).data_version()
    files = new_files(data_dir)
    for name in ("figures", "sources"):
        (tmp_path / f"{name}.new").write_bytes(files[name])
    args = [str(tmp_path / "figures.new"), str(tmp_path / "sources.new"), old_version]
    proc = subprocess.run([sys.executable, "-c", CRASH_SCRIPT, str(data_dir), "renamed:figures.csv", *args], cwd=ROOT)
    assert proc.returncode == -signal.SIGKILL
    [lost] = [p for p in data_dir.iterdir() if p.name.startswith(".sources.csv.")]  # sources not renamed yet
    lost.unlink()
    store = CsvStore(data_dir)
    version, result = store.read()
    assert tables(data_dir) == old and version == old_version and not result.problems
    assert audit(data_dir) == [] and not store.journal.exists()


def test_recovery_keeps_finished_history_even_without_the_audit_log(data_dir: Path) -> None:
    store = CsvStore(data_dir)
    record = store.commit(new_files(data_dir), store.data_version(), "t")
    store.audit_log.unlink()  # lost or removed by hand: the undo copies must not go with it
    store.commit({"figures": (data_dir / "figures.csv").read_bytes() + b""}, store.data_version(), "t")
    store.read()
    assert (store.history_dir / record.commit_id / "figures.csv").exists()
