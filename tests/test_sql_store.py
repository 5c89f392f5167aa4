"""The PostgreSQL store on a real throwaway server: migrations, `db import`/`db export` byte for byte, the same
reads, versions, commits, conflicts and undo as the CSV store, racing commits, and clear errors when the database
is down or not initialised. Choosing the store (select.py) is tested without a server."""

import json
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd
import psycopg
import pytest

from hbeu_dash.cli.main import main
from hbeu_dash.cluster.postgres import free_port, running_postgres, temp_folder
from hbeu_dash.intake import changeset
from hbeu_dash.intake.uploads import read_upload
from hbeu_dash.model import schema
from hbeu_dash.model.changes import ConflictError
from hbeu_dash.model.history import CommitRecord
from hbeu_dash.paths import DATA_DIR, ROOT
from hbeu_dash.store import CsvStore, UnknownCommit, migrations
from hbeu_dash.store.diff import parse_rows, write_rows
from hbeu_dash.store.select import open_store, store_for_url, store_url
from hbeu_dash.store.sql_store import SCHEMA_REVISION, SqlStore, StoreUnavailable, dispose_engines
from tests.conftest import set_cell
from tests.real_data import csv_rows
from tests.store_contract import (
    FIGURE_LINE,
    FIGURES_HEADER,
    PENDING_LINE,
    RIVAL_LINE,
    SOURCE_LINE,
    TABLE_FILES,
    tables,
)

# blake2b-128 of no files at all, first 7 hex digits: the version of a freshly migrated (empty) database.
EMPTY_VERSION = "cae6694"


def data_files(folder: Path = DATA_DIR) -> dict[str, bytes]:
    """table -> bytes of every table file in the folder."""
    return {spec.name: (folder / spec.file).read_bytes() for spec in schema.TABLES}


def archived_texts(folder: Path) -> dict[str, str]:
    """sha256 -> text of the archived texts the folder's sources name (what `db import` carries over)."""
    archive = CsvStore(folder)
    sources = pd.read_csv(folder / "sources.csv", dtype=str, keep_default_na=False)
    shas = sources["text_sha256"] if "text_sha256" in sources else []
    return {sha: archive.source_text(sha) for sha in shas if sha and archive.source_text(sha) is not None}


def load(store: SqlStore, folder: Path = DATA_DIR) -> CommitRecord:
    """Put the folder's tables and their sources' texts into an empty database (as `db import` does)."""
    files, texts = data_files(folder), archived_texts(folder)
    record = store.commit(files, store.data_version(), "setup", action="import", texts=texts)
    assert record is not None
    return record


def snapshot(store) -> dict[str, bytes]:
    """Every table's bytes as the store serves them."""
    return {spec.name: store.file_bytes(spec.name) for spec in schema.TABLES}


def sql(url: str, statement: str, params: tuple = ()) -> list[tuple]:
    """Run one statement on the test database outside the store (what another client would see or do)."""
    with psycopg.connect(url.replace("postgresql+psycopg", "postgresql"), autocommit=True) as conn:
        cursor = conn.execute(statement, params)
        return cursor.fetchall() if cursor.description else []


# --- migrations --------------------------------------------------------------------------------------------------


def test_the_code_expects_the_newest_migration() -> None:
    assert migrations.head() == SCHEMA_REVISION == "0004"


def test_migrations_create_every_table_on_an_empty_database_and_run_once(pg_empty_url: str) -> None:
    assert migrations.current(pg_empty_url) is None
    with pytest.raises(StoreUnavailable, match="not initialised: run `python -m hbeu_dash db init`"):
        SqlStore(pg_empty_url).data_version()
    assert main(["db", "init", "--url", pg_empty_url]) == 0
    assert main(["db", "init", "--url", pg_empty_url]) == 0  # idempotent
    assert migrations.current(pg_empty_url) == "0004"
    columns = sql(
        pg_empty_url,
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' "
        "ORDER BY table_name, ordinal_position",
    )
    by_table: dict[str, list[str]] = {}
    for table, column in columns:
        by_table.setdefault(table, []).append(column)
    for spec in schema.TABLES:
        assert by_table[spec.name] == ["hbeu_row", *spec.columns]
    assert {"hbeu_state", "hbeu_tables", "hbeu_commits", "hbeu_history", "hbeu_texts", "alembic_version"} <= set(
        by_table
    )
    dispose_engines()  # forget that this URL was found uninitialised
    store = SqlStore(pg_empty_url)
    assert store.data_version() == EMPTY_VERSION == CsvStore(Path("/nonexistent")).data_version()
    assert store.history() == [] and snapshot(store) == dict.fromkeys(snapshot(store), b"")


def test_two_upgrades_started_at_once_queue_instead_of_racing(pg_empty_url: str) -> None:
    # Two processes (as two `db init` on two machines; Alembic itself is not thread-safe): both succeed.
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "hbeu_dash", "db", "init", "--url", pg_empty_url],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    assert migrations.current(pg_empty_url) == "0004"
    assert sql(pg_empty_url, "SELECT count(*) FROM hbeu_state") == [(1,)]


def old_form(folder: Path, target: Path) -> Path:
    """A copy of the folder's tables as revision 0002 held them: sources without the archive's three columns,
    indicators without the target they are measured against (0004)."""
    target.mkdir()
    for spec in schema.TABLES:
        header, rows = parse_rows((folder / spec.file).read_bytes())
        later = ("text_sha256", "retrieved", "retrieved_from", "target_id")
        keep = [i for i, c in enumerate(header) if c not in later]
        (target / spec.file).write_bytes(write_rows([header[i] for i in keep], [[r[i] for i in keep] for r in rows]))
    return target


def test_migrating_from_the_previous_revision_keeps_the_data(pg_url: str, tmp_path: Path) -> None:
    store = SqlStore(pg_url)
    old = old_form(DATA_DIR, tmp_path / "old")
    imported = load(store, old)
    commit = store.commit({"figures": data_files(old)["figures"] + FIGURE_LINE.encode()}, store.data_version(), "ana")
    version = store.data_version()
    migrations.downgrade(pg_url, "0001")
    dispose_engines()
    with pytest.raises(StoreUnavailable, match="revision 0001, this code needs 0004"):
        SqlStore(pg_url).read()
    assert sql(pg_url, "SELECT indexname FROM pg_indexes WHERE indexname = 'hbeu_commits_time'") == []
    assert main(["db", "upgrade", "--url", pg_url]) == 0
    assert migrations.current(pg_url) == "0004"
    dispose_engines()
    store = SqlStore(pg_url)
    assert store.data_version() == version
    assert snapshot(store)["figures"] == data_files(old)["figures"] + FIGURE_LINE.encode()
    assert snapshot(store)["sources"] == data_files(old)["sources"]  # the new columns are read as empty
    assert snapshot(store)["indicators"] == data_files(old)["indicators"]
    assert store.read()[1].problems == []
    assert [r.commit_id for r in store.history()] == [commit.commit_id, imported.commit_id]
    assert sql(pg_url, "SELECT indexname FROM pg_indexes WHERE indexname = 'hbeu_commits_time'") != []
    assert sql(pg_url, "SELECT column_default FROM information_schema.columns WHERE column_name = 'note'") == [
        ("''::text",)
    ]
    assert sql(pg_url, "SELECT count(*) FROM hbeu_texts") == [(0,)]
    store.undo(commit.commit_id, "ben")  # the history written before the upgrade still undoes
    assert snapshot(store) == data_files(old)


def test_downgrading_below_0004_refuses_while_indicators_name_their_targets(pg_url: str, tmp_path: Path) -> None:
    store = SqlStore(pg_url)
    load(store)  # data/indicators.csv names the targets its travel times are measured against
    assert "target_id" in parse_rows(snapshot(store)["indicators"])[0]
    refused = "cannot downgrade below 0004: the indicators table has the column target_id"
    with pytest.raises(RuntimeError, match=refused):
        migrations.downgrade(pg_url, "0003")
    assert migrations.current(pg_url) == "0004"
    dispose_engines()
    assert SqlStore(pg_url).read()[1].problems == []  # nothing was dropped


# --- db import / db export ---------------------------------------------------------------------------------------


def test_db_import_then_export_reproduces_data_byte_for_byte(pg_url: str, tmp_path: Path, capsys) -> None:
    assert main(["db", "import", str(DATA_DIR), "--url", pg_url]) == 0
    assert "imported" in capsys.readouterr().out
    assert main(["--lang", "zh", "db", "export", str(tmp_path / "out"), "--url", pg_url]) == 0
    assert "已将 7 个文件写入" in capsys.readouterr().out
    exported = sorted(p.name for p in (tmp_path / "out").iterdir() if p.is_file())
    assert exported == sorted(TABLE_FILES)  # no temporary file left behind
    for name in TABLE_FILES:
        assert (tmp_path / "out" / name).read_bytes() == (DATA_DIR / name).read_bytes(), name
    # The sources' archived texts came in with the tables and go out beside them (never into the tables).
    texts = archived_texts(DATA_DIR)
    assert set(texts) == {r["text_sha256"] for r in csv_rows("sources") if r["text_sha256"]}  # each text named
    assert {p.name for p in CsvStore(tmp_path / "out").texts_dir.iterdir()} == {f"{sha}.txt" for sha in texts}
    assert archived_texts(tmp_path / "out") == texts
    [record] = SqlStore(pg_url).history()
    assert sorted(record.texts) == sorted(texts)
    assert (record.action, record.author, record.note) == ("import", "db import", f"from {DATA_DIR}")
    assert record.tables["figures"] == {"added": len(csv_rows("figures")), "changed": 0, "removed": 0}
    assert main(["db", "import", str(DATA_DIR), "--url", pg_url]) == 0  # again: nothing changes
    assert "nothing changes" in capsys.readouterr().out and len(SqlStore(pg_url).history()) == 1


def test_db_export_removes_the_file_of_a_table_the_database_does_not_hold(pg_url: str, tmp_path: Path) -> None:
    store = SqlStore(pg_url)
    load(store)
    store.commit({"identities": b""}, store.data_version(), "ana")  # the table removed (an undo can do that)
    out = tmp_path / "out"
    shutil.copytree(DATA_DIR, out, ignore=shutil.ignore_patterns(".*"))  # an earlier export, with identities.csv
    assert main(["db", "export", str(out), "--url", pg_url]) == 0
    assert sorted(p.name for p in out.iterdir() if p.is_file()) == sorted(TABLE_FILES - {"identities.csv"})


def test_undoing_the_import_empties_the_database_again(pg_url: str) -> None:
    store = SqlStore(pg_url)
    record = load(store)
    undone = store.undo(record.commit_id, "ana")
    assert undone.version_after == EMPTY_VERSION == store.data_version()
    assert snapshot(store) == dict.fromkeys(snapshot(store), b"")
    assert sql(pg_url, "SELECT count(*) FROM hbeu_tables") == [(0,)]
    assert sql(pg_url, "SELECT count(*) FROM figures") == [(0,)]


def _bad_city(folder: Path) -> None:
    set_cell(folder / "figures.csv", 3, "city", "huhhot")


def _no_events(folder: Path) -> None:
    (folder / "events.csv").unlink()


def _gbk(folder: Path) -> None:
    (folder / "sources.csv").write_bytes((folder / "sources.csv").read_text(encoding="utf-8").encode("gb18030"))


@pytest.mark.parametrize(
    ("breakage", "message"),
    [
        (_bad_city, "figures.csv, row 3, column city: 'huhhot'"),
        (_no_events, "events.csv"),
        (_gbk, "sources.csv"),
    ],
)
def test_db_import_of_a_broken_folder_leaves_the_database_unchanged(
    breakage, message: str, pg_url: str, data_dir: Path, capsys
) -> None:
    store = SqlStore(pg_url)
    load(store)
    before, version, history = snapshot(store), store.data_version(), store.history()
    set_cell(data_dir / "figures.csv", 2, "note_en", "a change the import would bring")
    breakage(data_dir)
    assert main(["db", "import", str(data_dir), "--url", pg_url]) == 1
    err = capsys.readouterr().err
    assert "nothing imported, the database is unchanged" in err and message in err
    assert snapshot(store) == before and store.data_version() == version and store.history() == history


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["db", "init", "--url", "mysql://u:p@h/d"], 2, "unknown store URL scheme 'mysql'"),
        (["db", "init", "--url", "localhost/db"], 2, "the store URL has no scheme"),
        (["db", "current"], 2, "no database URL"),
        (["--lang", "zh", "db", "export", "x"], 2, "没有数据库地址"),
    ],
)
def test_db_commands_refuse_a_missing_or_unknown_url(argv, code: int, message: str, monkeypatch, capsys) -> None:
    monkeypatch.delenv("HBEU_STORE_URL", raising=False)
    monkeypatch.setattr("hbeu_dash.store.select.SECRETS_FILE", Path("/nonexistent/secrets.toml"))
    assert main(argv) == code
    assert message in capsys.readouterr().err


def test_db_export_of_an_empty_database_says_so(pg_url: str, tmp_path: Path, capsys) -> None:
    assert main(["db", "export", str(tmp_path / "out"), "--url", pg_url]) == 1
    assert "holds no tables" in capsys.readouterr().err and not (tmp_path / "out").exists()


# --- reading: the same as the CSV store --------------------------------------------------------------------------


def _as_is(files: dict[str, bytes]) -> dict[str, bytes]:
    return files


def _bad_value(files: dict[str, bytes]) -> dict[str, bytes]:
    # Row 3 of figures.csv (the second data row) gets a value that is not a number: a validation problem.
    lines = files["figures"].decode().split("\n")
    cells = lines[2].split(",")
    cells[3] = "five"
    lines[2] = ",".join(cells)
    return files | {"figures": "\n".join(lines).encode()}


def _missing_identities(files: dict[str, bytes]) -> dict[str, bytes]:
    return files | {"identities": b""}


@pytest.mark.parametrize("change", [_as_is, _bad_value, _missing_identities])
def test_read_gives_what_the_csv_store_gives_for_the_same_content(change, pg_url: str, tmp_path: Path) -> None:
    files = change(data_files())
    folder = tmp_path / "csv"
    folder.mkdir()
    for table, content in files.items():
        if content:
            (folder / schema.TABLES_BY_NAME[table].file).write_bytes(content)
    store = SqlStore(pg_url)
    store.commit(files, store.data_version(), "t", action="import")
    csv_version, csv_result = CsvStore(folder).read()
    sql_version, sql_result = store.read()
    assert sql_version == csv_version == store.data_version()
    assert sql_result.problems == csv_result.problems
    assert sql_result.tables.keys() == csv_result.tables.keys()
    for name, frame in csv_result.tables.items():
        pd.testing.assert_frame_equal(sql_result.tables[name], frame)


def test_the_real_data_has_the_csv_stores_version(pg_url: str) -> None:
    store = SqlStore(pg_url)
    load(store)
    assert store.data_version() == CsvStore(DATA_DIR).data_version()


# --- commits and undo: one contract, both stores -----------------------------------------------------------------


@pytest.fixture(params=["csv", "sql"])
def store(request, data_dir: Path):
    """The CSV store on a copy of data/, or the SQL store holding the same tables."""
    if request.param == "csv":
        return CsvStore(data_dir)
    sql_store = SqlStore(request.getfixturevalue("pg_url"))
    load(sql_store)
    return sql_store


def new_files() -> dict[str, bytes]:
    """A two-table change set: one new figure, one new source."""
    files = data_files()
    return {"figures": files["figures"] + FIGURE_LINE.encode(), "sources": files["sources"] + SOURCE_LINE.encode()}


def folder_files(store) -> dict[str, bytes] | None:
    """The CSV store's data folder, every file in it (a temporary file left behind shows); None for the SQL store."""
    return tables(store.folder) if isinstance(store, CsvStore) else None


def test_a_commit_writes_the_bytes_and_gives_the_csv_stores_version(store, tmp_path: Path) -> None:
    before = store.data_version()
    record = store.commit(new_files(), before, "ana", note="two rows")
    assert snapshot(store) == data_files() | new_files()
    assert (record.author, record.action, record.note, record.undo_of) == ("ana", "commit", "two rows", None)
    assert record.files == ["figures.csv", "sources.csv"] and record.version_before == before
    assert record.tables == {
        "figures": {"added": 1, "changed": 0, "removed": 0},
        "sources": {"added": 1, "changed": 0, "removed": 0},
    }
    copy = tmp_path / "same"
    copy.mkdir()
    for table, content in (data_files() | new_files()).items():
        (copy / schema.TABLES_BY_NAME[table].file).write_bytes(content)
    assert record.version_after == store.data_version() == CsvStore(copy).data_version() != before
    assert store.history()[0] == record


def test_a_commit_from_a_stale_version_is_refused_and_writes_nothing(store) -> None:
    old, history, files = snapshot(store), store.history(), folder_files(store)
    with pytest.raises(ConflictError) as raised:
        store.commit(new_files(), "0000000", "t")
    assert raised.value.reason == "changed" and raised.value.expected == "0000000"
    assert raised.value.actual == store.data_version()
    assert snapshot(store) == old and store.history() == history and folder_files(store) == files


def test_a_commit_needs_an_author_and_known_tables(store) -> None:
    with pytest.raises(ValueError, match="author"):
        store.commit(new_files(), store.data_version(), "  ")
    with pytest.raises(ValueError, match="not tables: users"):
        store.commit({"users": b"x"}, store.data_version(), "t")


def test_a_commit_that_changes_nothing_writes_nothing(store) -> None:
    history = store.history()
    assert store.commit({"figures": data_files()["figures"]}, store.data_version(), "t") is None
    assert store.history() == history
    if isinstance(store, CsvStore):
        assert not store.history_dir.exists()  # not even an undo copy


def test_undo_restores_the_tables_byte_for_byte_and_is_audited(store) -> None:
    old, old_version, history, files = snapshot(store), store.data_version(), store.history(), folder_files(store)
    record = store.commit(new_files(), old_version, "ana")
    assert snapshot(store) != old
    undone = store.undo(record.commit_id, "ben")
    assert snapshot(store) == old and store.data_version() == old_version and folder_files(store) == files
    assert (undone.action, undone.undo_of, undone.author) == ("undo", record.commit_id, "ben")
    assert undone.version_before == record.version_after and undone.version_after == old_version
    assert undone.tables == {
        "figures": {"added": 0, "changed": 0, "removed": 1},
        "sources": {"added": 0, "changed": 0, "removed": 1},
    }
    assert store.history() == [undone, record, *history]
    assert [(r.action, r.undo_of) for r in store.history()[:2]] == [("undo", record.commit_id), ("commit", None)]


def test_only_the_latest_commit_can_be_undone(store) -> None:
    files = new_files()
    first = store.commit({"figures": files["figures"]}, store.data_version(), "t")
    second = store.commit({"sources": files["sources"]}, store.data_version(), "t")
    after, count, after_files = snapshot(store), len(store.history()), folder_files(store)
    with pytest.raises(ConflictError) as raised:
        store.undo(first.commit_id, "t")
    assert raised.value.reason == "not_latest"
    with pytest.raises(ConflictError) as stale:
        store.undo(second.commit_id, "t", base_version="0000000")  # undo pressed on an old page
    assert stale.value.reason == "changed"
    assert snapshot(store) == after and len(store.history()) == count and folder_files(store) == after_files


def lose_undo_copy(store, commit_id: str) -> None:
    """Delete what undo restores from: the CSV store's history files, the SQL store's history rows."""
    if isinstance(store, CsvStore):
        for path in (store.history_dir / commit_id).iterdir():
            path.unlink()
    else:
        sql(store.url, "DELETE FROM hbeu_history WHERE commit_id = %s", (commit_id,))


def test_undo_of_an_unknown_commit_or_one_whose_copy_is_lost_raises(store) -> None:
    with pytest.raises(UnknownCommit):
        store.undo("20990101T000000000000Z-abcdef", "t")
    record = store.commit(new_files(), store.data_version(), "t")
    lose_undo_copy(store, record.commit_id)
    with pytest.raises(UnknownCommit):
        store.undo(record.commit_id, "t")


def test_undoing_an_undo_redoes_the_commit(store) -> None:
    old, count, old_files = snapshot(store), len(store.history()), folder_files(store)
    record = store.commit(new_files(), store.data_version(), "t")
    after, after_files = snapshot(store), folder_files(store)
    undone = store.undo(record.commit_id, "t")
    assert snapshot(store) == old and folder_files(store) == old_files
    redone = store.undo(undone.commit_id, "t")
    assert snapshot(store) == after and folder_files(store) == after_files and redone.undo_of == undone.commit_id
    assert after["figures"] == old["figures"] + FIGURE_LINE.encode()
    assert len(store.history()) == count + 3
    assert not store.read()[1].problems


# --- the SQL store's own rules -----------------------------------------------------------------------------------

HEADER = FIGURES_HEADER.rstrip("\n").split(",")


def _rows() -> list[str]:
    return data_files()["figures"].decode().splitlines(keepends=True)[1:]


# Each edit is written out as the exact file it must give back; the stored rows are rewritten in place.
EDITS = {
    "append a row": FIGURES_HEADER + "".join(_rows()) + FIGURE_LINE,
    "edit a middle row": FIGURES_HEADER + "".join(_rows()[:20]) + FIGURE_LINE + "".join(_rows()[21:]),
    "remove a middle row": FIGURES_HEADER + "".join(_rows()[:20]) + "".join(_rows()[21:]),
    "keep only two rows": FIGURES_HEADER + "".join(_rows()[:2]),
    "header only": FIGURES_HEADER,
    "another column order": ",".join([HEADER[1], HEADER[0], *HEADER[2:]]) + "\nind,fig" + "," * 13 + "\n",
    "no file": "",
    # a lone CR inside a quoted cell (finding 2 of issue 20): kept, and quoted on the way out like the CSV store's
    "a note with a lone carriage return": FIGURES_HEADER
    + "".join(_rows()[:2])
    + FIGURE_LINE.replace(",,\n", ',,"line one\rline two"\n'),
}


@pytest.mark.parametrize("edit", list(EDITS))
def test_a_table_is_stored_and_served_exactly(edit: str, pg_url: str) -> None:
    store = SqlStore(pg_url)
    load(store)
    expected = EDITS[edit].encode()
    store.commit({"figures": expected}, store.data_version(), "t")
    assert store.file_bytes("figures") == expected
    dispose_engines()  # a new process's view
    assert SqlStore(pg_url).file_bytes("figures") == expected
    count = sql(pg_url, "SELECT count(*) FROM figures")[0][0]
    assert count == max(expected.count(b"\n") - 1, 0)


def test_a_row_without_its_english_evidence_round_trips_as_an_empty_cell(pg_url: str) -> None:
    # evidence_en may wait for its writer: the TEXT column holds '' (not NULL), the bytes come back as written and
    # the row loads, as from the CSV folder.
    store = SqlStore(pg_url)
    load(store)
    expected = (FIGURES_HEADER + "".join(_rows()) + PENDING_LINE).encode()
    store.commit({"figures": expected}, store.data_version(), "t")
    dispose_engines()  # a new process's view
    again = SqlStore(pg_url)
    assert again.file_bytes("figures") == expected
    assert sql(pg_url, "SELECT evidence_en FROM figures WHERE figure_id = 'hohhot-daily-trains-t'") == [("",)]
    _, result = again.read()
    assert result.problems == []
    figures = result.tables["figures"]
    assert figures.loc[figures["figure_id"] == "hohhot-daily-trains-t", "evidence_en"].tolist() == [""]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ((FIGURES_HEADER.replace("note_en", "remark") + "a" + "," * 14 + "\n").encode(), "must name columns"),
        ((FIGURES_HEADER + "a,b\n").encode(), "row 2 has 2 cells, the header has 15"),
        (b"figure_id,figure_id\na,b\n", "each once"),
        (b"figure_id\n\xff\xfe\n", "not a UTF-8 CSV file"),
        (b"figure_id,note_en\na,nul\x00here\n", "a NUL character"),
    ],
)
def test_content_no_table_can_hold_is_refused_and_writes_nothing(content: bytes, message: str, pg_url: str) -> None:
    store = SqlStore(pg_url)
    load(store)
    before, version = snapshot(store), store.data_version()
    with pytest.raises(ValueError, match=message):
        store.commit({"figures": content}, version, "t")
    assert snapshot(store) == before and store.data_version() == version


def test_canonical_form_is_stored_a_bom_and_crlf_are_dropped(pg_url: str) -> None:
    store = SqlStore(pg_url)
    load(store)
    crlf = b"\xef\xbb\xbf" + (FIGURES_HEADER + FIGURE_LINE).replace("\n", "\r\n").encode() + b"\r\n"
    record = store.commit({"figures": crlf}, store.data_version(), "t")
    assert store.file_bytes("figures") == (FIGURES_HEADER + FIGURE_LINE).encode()
    assert store.commit({"figures": (FIGURES_HEADER + FIGURE_LINE).encode()}, record.version_after, "t") is None


# --- racing commits: one contract, both stores -------------------------------------------------------------------

# One writer of a race in its own process: opens the store named by its first argument (a folder path: the CSV
# store; a postgresql URL: the SQL store), previews its upload, waits for the start file, commits.
RACE_SCRIPT = """
import json, sys, time
from pathlib import Path

from hbeu_dash.intake import changeset
from hbeu_dash.store import CsvStore
from hbeu_dash.model.changes import ConflictError
from hbeu_dash.store.select import store_for_url
from hbeu_dash.intake.uploads import read_upload

address, upload, tag, start = sys.argv[1], Path(sys.argv[2]), sys.argv[3], Path(sys.argv[4])
store = store_for_url(address) if "://" in address else CsvStore(Path(address))
table = read_upload(upload.name, upload.read_bytes())
rows, problems = changeset.rows_from_upload("figures", table)
preview = changeset.prepare(store, {"figures": rows}, upload.name, problems)
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
LINES = {"a": FIGURE_LINE, "b": RIVAL_LINE}


def address(store) -> str:
    """What names the store to another process or session: the CSV store's folder, the SQL store's URL."""
    return str(store.folder) if isinstance(store, CsvStore) else store.url


def reopen(store):
    """Another store object on the same data, as another session or process opens it (see RACE_SCRIPT)."""
    where = address(store)
    return store_for_url(where) if "://" in where else CsvStore(Path(where))


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


def _preview(store, line: str) -> changeset.Preview:
    """The preview of an upload holding one figures row."""
    table = read_upload("rows.csv", (FIGURES_HEADER + line).encode())
    rows, problems = changeset.rows_from_upload("figures", table)
    preview = changeset.prepare(store, {"figures": rows}, "rows.csv", problems)
    assert preview.ok and preview.changes_anything
    return preview


def test_two_processes_committing_from_one_preview_one_wins_one_is_told(store, tmp_path: Path) -> None:
    old_figures, history = store.file_bytes("figures"), store.history()
    start = tmp_path / "go"
    procs = {}
    for tag, line in LINES.items():
        upload = tmp_path / f"{tag}.csv"
        upload.write_text(FIGURES_HEADER + line, encoding="utf-8")
        procs[tag] = subprocess.Popen(
            [sys.executable, "-c", RACE_SCRIPT, address(store), str(upload), tag, str(start)],
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
    assert store.file_bytes("figures") == old_figures + LINES[winner].encode()
    if isinstance(store, SqlStore):  # the winner's row is the table's last, in file order
        last = sql(store.url, "SELECT figure_id FROM figures ORDER BY hbeu_row DESC LIMIT 1")
        assert last == [(LINES[winner].split(",")[0],)]
    [won, *rest] = store.history()  # the CSV store's audit log, the SQL store's commits table
    assert (won.author, won.commit_id) == (winner, results[winner]["won"]) and rest == history
    # Nothing lost: the loser previews again against the new data and commits.
    preview = _preview(store, LINES[loser])
    assert store.commit(preview.files, preview.version, loser) is not None
    assert store.file_bytes("figures") == old_figures + (LINES[winner] + LINES[loser]).encode()
    assert [(r.author, r.action) for r in store.history()[:2]] == [(loser, "commit"), (winner, "commit")]
    assert store.history()[2:] == history


def test_two_sessions_in_one_process_committing_from_one_preview_one_wins(store) -> None:
    old_figures, history = store.file_bytes("figures"), store.history()
    previews = {tag: _preview(reopen(store), line) for tag, line in LINES.items()}
    assert previews["a"].version == previews["b"].version
    barrier = threading.Barrier(2)
    results: dict[str, object] = {}

    def session(tag: str) -> None:
        session_store = reopen(store)  # each session (a Streamlit thread) has its own store object
        barrier.wait()
        try:
            results[tag] = session_store.commit(previews[tag].files, previews[tag].version, tag)
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
    assert reopen(store).file_bytes("figures") == old_figures + LINES[records[0]].encode()
    assert [r.author for r in store.history()] == [records[0]] + [r.author for r in history]


# --- racing commits, the SQL store's own case: a serialization failure -------------------------------------------


def test_a_serialization_failure_is_a_conflict_not_a_crash(pg_url: str) -> None:
    store = SqlStore(pg_url)
    load(store)
    version, before = store.data_version(), snapshot(store)
    dispose_engines()
    database = pg_url.rsplit("/", 1)[1]
    sql(pg_url, f"ALTER DATABASE \"{database}\" SET default_transaction_isolation = 'repeatable read'")
    blocker = psycopg.connect(pg_url.replace("postgresql+psycopg", "postgresql"))
    blocker.execute("UPDATE hbeu_state SET version = version")  # holds the state row, changes a row version
    outcome: list[object] = []
    thread = threading.Thread(
        target=lambda: outcome.append(_commit_or_error(SqlStore(pg_url), {"figures": new_files()["figures"]}, version))
    )
    thread.start()
    _wait_until_blocked(pg_url)
    blocker.commit()
    blocker.close()
    thread.join(timeout=120)
    [error] = outcome
    assert isinstance(error, ConflictError), error
    assert error.reason == "changed" and error.expected == version
    assert snapshot(store) == before
    assert store.commit({"figures": new_files()["figures"]}, store.data_version(), "t") is not None  # retry works


def _commit_or_error(store: SqlStore, files: dict[str, bytes], version: str) -> object:
    try:
        return store.commit(files, version, "t")
    except Exception as exc:  # the test looks at what came out, whatever it is
        return exc


def _wait_until_blocked(url: str) -> None:
    """Until a hbeu-dash session waits for a lock (the commit queued behind the blocker)."""
    deadline = time.monotonic() + 60
    query = "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'hbeu-dash' AND wait_event_type = 'Lock'"
    while sql(url, query)[0][0] == 0:
        assert time.monotonic() < deadline, "the commit never waited for the blocker's lock"
        time.sleep(0.02)


# --- the database is down --------------------------------------------------------------------------------------


def test_a_stopped_server_gives_store_unavailable_with_the_password_masked(postgres) -> None:
    # `postgres` only for its skip (or CI failure) without PostgreSQL: this test stops a server of its own.
    folder = temp_folder("hbeu-test-pg-stop-")
    try:
        with running_postgres(folder) as server:
            url = server.url
            assert server.password and f"hbeu:{server.password}@" in url  # every login needs its password
            migrations.upgrade(url)
            store = SqlStore(url)
            assert store.data_version() == EMPTY_VERSION  # a pooled connection exists
        for call in (store.data_version, store.read, store.history, lambda: store.file_bytes("figures")):
            with pytest.raises(StoreUnavailable) as raised:
                call()
            text = str(raised.value)
            assert server.password not in text and f"hbeu:***@127.0.0.1:{server.port}/hbeu" in text
            assert raised.value.url == f"postgresql+psycopg://hbeu:***@127.0.0.1:{server.port}/hbeu"
    finally:
        dispose_engines()
        shutil.rmtree(folder, ignore_errors=True)


# --- the upload command and the app's store go through the selected store ----------------------------------------


def test_the_import_command_commits_to_the_selected_store(pg_url: str, tmp_path: Path, monkeypatch, capsys) -> None:
    load(SqlStore(pg_url))
    monkeypatch.setenv("HBEU_STORE_URL", pg_url)
    upload = tmp_path / "rows.csv"
    upload.write_text(FIGURES_HEADER + FIGURE_LINE, encoding="utf-8")
    argv = ["import", str(upload), "--table", "figures", "--commit", "--author", "ana"]
    assert main(argv) == 0, capsys.readouterr().err
    assert SqlStore(pg_url).file_bytes("figures") == data_files()["figures"] + FIGURE_LINE.encode()
    assert SqlStore(pg_url).history()[0].author == "ana"
    assert (DATA_DIR / "figures.csv").read_bytes() == data_files()["figures"]  # the CSV folder untouched


def test_validate_reads_the_selected_store(pg_url: str, monkeypatch, capsys) -> None:
    store = SqlStore(pg_url)
    load(store)
    store.commit({"figures": data_files()["figures"] + FIGURE_LINE.encode()}, store.data_version(), "ana")
    monkeypatch.setenv("HBEU_STORE_URL", pg_url)
    assert main(["--lang", "en", "validate"]) == 0
    rows = len(csv_rows("figures"))
    assert f"figures {rows + 1}," in capsys.readouterr().out  # the database's figures (data/'s and one more)
    assert main(["--lang", "en", "--data", str(DATA_DIR), "validate"]) == 0
    assert f"figures {rows}," in capsys.readouterr().out


def test_validate_says_the_store_is_down(monkeypatch, capsys) -> None:
    port = free_port()
    monkeypatch.setenv("HBEU_STORE_URL", f"postgresql://hbeu:pw@127.0.0.1:{port}/hbeu")
    try:
        assert main(["--lang", "zh", "validate"]) == 1
    finally:
        dispose_engines()
    err = capsys.readouterr().err
    assert err.startswith("无法读取数据存储：") and f"hbeu:***@127.0.0.1:{port}/hbeu" in err and "pw@" not in err


def test_the_app_reads_the_store_named_in_the_secrets(pg_url: str, monkeypatch) -> None:
    from streamlit.testing.v1 import AppTest

    store = SqlStore(pg_url)
    load(store)
    record = store.commit({"figures": data_files()["figures"] + FIGURE_LINE.encode()}, store.data_version(), "ana")
    assert record.version_after != CsvStore(DATA_DIR).data_version()
    monkeypatch.delenv("HBEU_STORE_URL", raising=False)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.secrets["store"] = {"url": pg_url}
    at.run()
    assert not at.exception
    assert at.query_params["v"] == record.version_after  # the version the page shows is the database's
    assert any(record.version_after in c.value for c in at.caption)  # and the footer says so


@pytest.mark.parametrize(
    "url",
    ["postgresql+psycopg://hbeu:pw@127.0.0.1:notaport/hbeu", "mysql://hbeu:pw@127.0.0.1/hbeu", "postgres://h/d"],
)
def test_the_app_names_a_store_setting_it_cannot_use(url: str, monkeypatch) -> None:
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("HBEU_STORE_URL", url)
    try:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        at.query_params["lang"] = "en"
        at.run()
    finally:
        dispose_engines()
    assert not at.exception
    errors = [e.value for e in at.error]
    assert errors == ["The data store setting is wrong, so the data cannot be read. Tell the administrator."]
    [details] = [c.value for c in at.code]
    assert details.startswith("What is wrong with the setting: ") and ":pw@" not in details


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, "数据库：postgresql+psycopg://hbeu:***@127.0.0.1:{port}/hbeu\n原因"),
        ({"lang": "en"}, "Database: postgresql+psycopg://hbeu:***@127.0.0.1:{port}/hbeu\nReason"),
    ],
)
def test_the_app_says_the_database_is_down_in_the_readers_language(query: dict, expected: str, monkeypatch) -> None:
    from streamlit.testing.v1 import AppTest

    port = free_port()  # nothing listens there
    monkeypatch.setenv("HBEU_STORE_URL", f"postgresql+psycopg://hbeu:s3cret-pw@127.0.0.1:{port}/hbeu")
    try:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        for key, value in query.items():
            at.query_params[key] = value
        at.run()
        assert not at.exception
        errors = [e.value for e in at.error]
        zh = not query
        reader = {
            True: "暂时无法读取数据：数据库连接不上。请稍后重试；如持续出现，请联系系统管理员。",
            False: "The data cannot be read right now: the database is unavailable. Try again in a moment; "
            "if it persists, tell the administrator.",
        }
        assert errors == [reader[zh]]  # the reader's message in the reader's language only: no driver text
        [details] = [c.value for c in at.code]
        assert expected.format(port=port) in details and "s3cret-pw" not in details
        assert [e.label for e in at.expander] == [
            "技术细节（供系统管理员）" if zh else "Technical details (for the administrator)"
        ]
        assert [b.label for b in at.button] == ["重试" if zh else "Try again"]
    finally:
        dispose_engines()


# --- choosing the store (no server needed) -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("env", "secrets", "expected"),
    [
        ({}, None, None),
        ({}, '[store]\nurl = "postgresql+psycopg://u@h/d"\n', "postgresql+psycopg://u@h/d"),
        ({}, '[auth]\nredirect_uri = "x"\n', None),
        ({}, '[store]\nurl = ""\n', None),
        ({"HBEU_STORE_URL": "postgresql://e@h/d"}, '[store]\nurl = "postgresql://s@h/d"\n', "postgresql://e@h/d"),
        ({"HBEU_STORE_URL": ""}, '[store]\nurl = "postgresql://s@h/d"\n', None),  # set empty: the CSV folder
    ],
)
def test_store_url_comes_from_the_environment_then_the_secrets(env, secrets, expected, tmp_path: Path) -> None:
    path = tmp_path / "secrets.toml"
    if secrets is not None:
        path.write_text(secrets, encoding="utf-8")
    assert store_url(env, path) == expected


def test_a_broken_secrets_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "secrets.toml"
    path.write_text("[store\nurl = 1", encoding="utf-8")
    with pytest.raises(ValueError, match=r"secrets\.toml is not valid TOML"):
        store_url({}, path)


@pytest.mark.parametrize(
    ("url", "kind", "key"),
    [
        ("postgresql+psycopg://u:pw@h:5/d", "SqlStore", "postgresql+psycopg://u:***@h:5/d"),
        ("postgresql://u@h/d", "SqlStore", "postgresql+psycopg://u@h/d"),
        ("", "CsvStore", str(DATA_DIR)),
    ],
)
def test_open_store_picks_the_store_from_the_url(url: str, kind: str, key: str, monkeypatch) -> None:
    monkeypatch.delenv("HBEU_STORE_URL", raising=False)
    store = open_store(url)
    assert type(store).__name__ == kind and store.key == key


@pytest.mark.parametrize("url", ["mysql://u@h/d", "sqlite:///x.db", "postgres://u@h/d", "just-a-name"])
def test_open_store_refuses_an_unknown_scheme(url: str) -> None:
    with pytest.raises(ValueError, match="postgresql\\+psycopg://USER:PASSWORD@HOST:PORT/DB"):
        open_store(url)
