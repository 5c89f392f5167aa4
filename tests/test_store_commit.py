"""CsvStore's write path: a commit killed at any step leaves the old data or (after recovery) the new, never a mix;
commits racing from one preview end in one winner and one conflict; undo restores byte for byte, audited."""

import json
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from hbeu_dash import intake
from hbeu_dash.loaders import read_dataset
from hbeu_dash.paths import ROOT
from hbeu_dash.store import CommitRecord, ConflictError, CsvStore, UnknownCommit
from hbeu_dash.uploads import read_upload

# Two valid rows, written by hand as they must appear in the files (UTF-8, minimal quoting, LF).
FIGURE_LINE = (
    "ulanqab-service-items-t,four_city_service_items,ulanqab,300,300,,2025-02,0471tv-2025-02-01,,,,"
    "乌兰察布市通办事项300项,Ulanqab's shared service items number 300,,\n"
)
SOURCE_LINE = "test-source,测试来源,A test source,测试报,Test Daily,2025-03-01,https://example.org/a,zh,,\n"
TABLE_FILES = {
    "cities.csv",
    "events.csv",
    "figures.csv",
    "identities.csv",
    "indicators.csv",
    "projects.csv",
    "sources.csv",
}


def tables(folder: Path) -> dict[str, bytes]:
    """The bytes of every file directly in the data folder (hidden ones too: a leftover temp file shows)."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def new_files(folder: Path) -> dict[str, bytes]:
    """A two-table change set: one new figure, one new source."""
    return {
        "figures": (folder / "figures.csv").read_bytes() + FIGURE_LINE.encode(),
        "sources": (folder / "sources.csv").read_bytes() + SOURCE_LINE.encode(),
    }


def audit(folder: Path) -> list[dict]:
    log = folder / ".hbeu" / "audit.jsonl"
    return [json.loads(line) for line in log.read_bytes().splitlines()] if log.exists() else []


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


# --- racing commits ----------------------------------------------------------------------------------------------

RACE_SCRIPT = """
import json, sys, time
from pathlib import Path

from hbeu_dash import intake
from hbeu_dash.store import ConflictError, CsvStore
from hbeu_dash.uploads import read_upload

folder, upload, tag, start = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], Path(sys.argv[4])
store = CsvStore(folder)
table = read_upload(upload.name, upload.read_bytes())
rows, problems = intake.rows_from_upload("figures", table)
preview = intake.prepare(store, {"figures": rows}, upload.name, problems)
assert preview.ok and preview.changes_anything, preview.problems
(start.parent / f"ready-{tag}").touch()
while not start.exists():  # both previews made: commit together
    time.sleep(0.0005)
try:
    record = store.commit(preview.files, preview.version, tag)
    print(json.dumps({"won": record.commit_id, "base": preview.version}))
except ConflictError as exc:
    print(json.dumps({"conflict": exc.reason, "expected": exc.expected, "actual": exc.actual}))
"""

HEADER = (
    "figure_id,indicator_id,city,value,value_text,period,as_of,source_id,speaker_zh,speaker_en,event_id,"
    "evidence,evidence_en,note_zh,note_en\n"
)
RIVAL_LINE = (
    "ordos-service-items-t,four_city_service_items,ordos,250,250,,2025-02,0471tv-2025-02-01,,,,"
    "鄂尔多斯市通办事项250项,Ordos' shared service items number 250,,\n"
)
LINES = {"a": FIGURE_LINE, "b": RIVAL_LINE}


def wait_for(paths: list[Path], procs: list[subprocess.Popen]) -> None:
    """Until every path exists (a stuck or failed helper ends the test instead of hanging it)."""
    deadline = time.monotonic() + 120
    while not all(p.exists() for p in paths):
        for proc in procs:
            if proc.poll() is not None:
                raise AssertionError(proc.stderr.read())
        if time.monotonic() > deadline:
            raise AssertionError("the racing processes never got ready")
        time.sleep(0.01)


def test_two_processes_committing_from_one_preview_one_wins_one_is_told(data_dir: Path, tmp_path: Path) -> None:
    old_figures = (data_dir / "figures.csv").read_bytes()
    start = tmp_path / "go"
    procs = {}
    for tag, line in LINES.items():
        upload = tmp_path / f"{tag}.csv"
        upload.write_text(HEADER + line, encoding="utf-8")
        procs[tag] = subprocess.Popen(
            [sys.executable, "-c", RACE_SCRIPT, str(data_dir), str(upload), tag, str(start)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
    wait_for([tmp_path / f"ready-{tag}" for tag in LINES], list(procs.values()))
    start.touch()
    results = {}
    for tag, proc in procs.items():
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        results[tag] = json.loads(out)
    winners = [tag for tag, r in results.items() if "won" in r]
    losers = [tag for tag, r in results.items() if "conflict" in r]
    assert len(winners) == 1 and len(losers) == 1, results
    winner, loser = winners[0], losers[0]
    assert results[loser]["conflict"] == "changed" and results[loser]["expected"] == results[winner]["base"]
    assert (data_dir / "figures.csv").read_bytes() == old_figures + LINES[winner].encode()
    [line] = audit(data_dir)
    assert line["author"] == winner and line["commit_id"] == results[winner]["won"]
    # Nothing lost: the loser previews again against the new data and commits.
    store = CsvStore(data_dir)
    upload = tmp_path / f"{loser}.csv"
    preview = _preview(store, LINES[loser])
    assert store.commit(preview.files, preview.version, loser) is not None
    assert (data_dir / "figures.csv").read_bytes() == old_figures + (LINES[winner] + LINES[loser]).encode()
    assert len(audit(data_dir)) == 2


def _preview(store: CsvStore, line: str) -> intake.Preview:
    """The preview of an upload holding one figures row."""
    table = read_upload("rows.csv", (HEADER + line).encode())
    rows, problems = intake.rows_from_upload("figures", table)
    preview = intake.prepare(store, {"figures": rows}, "rows.csv", problems)
    assert preview.ok and preview.changes_anything
    return preview


def test_two_sessions_in_one_process_committing_from_one_preview_one_wins(data_dir: Path) -> None:
    old_figures = (data_dir / "figures.csv").read_bytes()
    previews = {tag: _preview(CsvStore(data_dir), line) for tag, line in LINES.items()}
    assert previews["a"].version == previews["b"].version
    barrier = threading.Barrier(2)
    results: dict[str, object] = {}

    def session(tag: str) -> None:
        store = CsvStore(data_dir)  # each session (a Streamlit thread) has its own store object
        barrier.wait()
        try:
            results[tag] = store.commit(previews[tag].files, previews[tag].version, tag)
        except ConflictError as exc:
            results[tag] = exc

    threads = [threading.Thread(target=session, args=(tag,)) for tag in LINES]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    records = [tag for tag, r in results.items() if isinstance(r, CommitRecord)]
    conflicts = [tag for tag, r in results.items() if isinstance(r, ConflictError)]
    assert len(records) == 1 and len(conflicts) == 1, results
    assert results[conflicts[0]].reason == "changed"
    assert (data_dir / "figures.csv").read_bytes() == old_figures + LINES[records[0]].encode()
    [line] = audit(data_dir)
    assert line["author"] == records[0]


# --- commit and undo ---------------------------------------------------------------------------------------------


def test_a_commit_from_a_stale_version_is_refused_and_writes_nothing(data_dir: Path) -> None:
    store = CsvStore(data_dir)
    old = tables(data_dir)
    with pytest.raises(ConflictError) as raised:
        store.commit(new_files(data_dir), "0000000", "t")
    assert raised.value.reason == "changed" and raised.value.expected == "0000000"
    assert raised.value.actual == store.data_version()
    assert tables(data_dir) == old and audit(data_dir) == []


def test_a_commit_needs_an_author_and_known_tables(data_dir: Path) -> None:
    store = CsvStore(data_dir)
    with pytest.raises(ValueError, match="author"):
        store.commit(new_files(data_dir), store.data_version(), "  ")
    with pytest.raises(ValueError, match="not tables: users"):
        store.commit({"users": b"x"}, store.data_version(), "t")


def test_a_commit_that_changes_nothing_writes_nothing(data_dir: Path) -> None:
    store = CsvStore(data_dir)
    same = {"figures": (data_dir / "figures.csv").read_bytes()}
    assert store.commit(same, store.data_version(), "t") is None
    assert audit(data_dir) == [] and not store.history_dir.exists()


def test_undo_restores_the_files_byte_for_byte_and_is_audited(data_dir: Path) -> None:
    store = CsvStore(data_dir)
    old, old_version = tables(data_dir), store.data_version()
    record = store.commit(new_files(data_dir), old_version, "ana")
    assert tables(data_dir) != old
    undone = store.undo(record.commit_id, "ben")
    assert tables(data_dir) == old and store.data_version() == old_version
    assert (undone.action, undone.undo_of, undone.author) == ("undo", record.commit_id, "ben")
    assert undone.version_before == record.version_after and undone.version_after == old_version
    assert undone.tables == {
        "figures": {"added": 0, "changed": 0, "removed": 1},
        "sources": {"added": 0, "changed": 0, "removed": 1},
    }
    assert [r.commit_id for r in store.history()] == [undone.commit_id, record.commit_id]
    assert [(line["action"], line["undo_of"]) for line in audit(data_dir)] == [
        ("commit", None),
        ("undo", record.commit_id),
    ]


def test_only_the_latest_commit_can_be_undone(data_dir: Path) -> None:
    store = CsvStore(data_dir)
    files = new_files(data_dir)
    first = store.commit({"figures": files["figures"]}, store.data_version(), "t")
    second = store.commit({"sources": files["sources"]}, store.data_version(), "t")
    after = tables(data_dir)
    with pytest.raises(ConflictError) as raised:
        store.undo(first.commit_id, "t")
    assert raised.value.reason == "not_latest"
    assert tables(data_dir) == after and len(audit(data_dir)) == 2
    with pytest.raises(ConflictError) as stale:
        store.undo(second.commit_id, "t", base_version="0000000")  # undo pressed on an old page
    assert stale.value.reason == "changed" and tables(data_dir) == after


def test_undo_of_an_unknown_commit_raises(data_dir: Path) -> None:
    store = CsvStore(data_dir)
    with pytest.raises(UnknownCommit):
        store.undo("20990101T000000000000Z-abcdef", "t")
    record = store.commit(new_files(data_dir), store.data_version(), "t")
    for path in (store.history_dir / record.commit_id).iterdir():
        path.unlink()  # its history is gone
    with pytest.raises(UnknownCommit):
        store.undo(record.commit_id, "t")


def test_undoing_an_undo_redoes_the_commit(data_dir: Path) -> None:
    store = CsvStore(data_dir)
    old = tables(data_dir)
    record = store.commit(new_files(data_dir), store.data_version(), "t")
    after = tables(data_dir)
    undone = store.undo(record.commit_id, "t")
    assert tables(data_dir) == old
    redone = store.undo(undone.commit_id, "t")
    assert tables(data_dir) == after and redone.undo_of == undone.commit_id
    assert after["figures.csv"] == old["figures.csv"] + FIGURE_LINE.encode()
    assert len(audit(data_dir)) == 3
    assert not read_dataset(data_dir).problems


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
