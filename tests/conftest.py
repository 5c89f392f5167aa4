"""Shared fixtures: a private copy of data/ that a test may break, and helpers to edit CSV files."""

import csv
import io
import os
import shutil
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from hbeu_dash.model.source_text import text_sha256
from hbeu_dash.paths import DATA_DIR, SOURCE_TEXT_DIRS
from hbeu_dash.store import CsvStore
from hbeu_dash.store.archive import fill_archive


@pytest.fixture(scope="session", autouse=True)
def source_archive() -> Path:
    """data/'s source archive filled from ../shared/seeds and ../shared/sources (a cache fill, as `make run` does).

    Without those folders the shipped rows cannot be proven: tests that need the texts then fail loudly, naming
    the source whose text is missing (CI always has them).
    """
    fill_archive(CsvStore(DATA_DIR), SOURCE_TEXT_DIRS)
    return CsvStore(DATA_DIR).texts_dir


def copy_data(target: Path, source: Path = DATA_DIR) -> Path:
    """A copy of a data folder's tables and its source archive (not its audit log, history or lock)."""
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(".*"))
    texts = CsvStore(source).texts_dir
    if texts.is_dir():
        shutil.copytree(texts, CsvStore(target).texts_dir)
    return target


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A copy of the real data/ folder with its source archive, free to modify."""
    return copy_data(tmp_path / "data")


def read_rows(path: Path) -> list[list[str]]:
    """The CSV file as a list of rows; rows[0] is the header, rows[r - 1] is Excel row r."""
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def write_rows(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> None:
    """Write rows back as CSV."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))


def set_cell(path: Path, excel_row: int, column: str, value: str) -> None:
    """Put `value` in one cell, addressed as in Excel (header = row 1) and by column name."""
    rows = read_rows(path)
    rows[excel_row - 1][rows[0].index(column)] = value
    write_rows(path, rows)


def edit_rows(path: Path, edit: Callable[[list[list[str]]], None]) -> None:
    """Apply an in-place edit to the rows of a CSV file."""
    rows = read_rows(path)
    edit(rows)
    write_rows(path, rows)


# Real rows of data/ whose English evidence the "pending" tests leave unwritten: (file, the cells naming them).
# Hohhot's 1412 four-city items (a KPI card, a chart bar, a conflict), the 4 agreements of the 8th mayors' meeting
# (a figure on its event card), the 14th five-year plan (an event card) and S43 (every report: the tracker's row).
PENDING_ROWS = (
    ("figures.csv", {"figure_id": "hohhot-service-items-b"}),
    ("figures.csv", {"figure_id": "gov-agreements-meeting8"}),
    ("events.csv", {"event_id": "plan-14th-fyp", "source_id": "0471tv-2025-02-01"}),
    ("projects.csv", {"project_id": "s43-airport-expressway"}),
)


def blank_evidence_en(folder: Path, rows: tuple[tuple[str, dict[str, str]], ...] = PENDING_ROWS) -> list[str]:
    """Empty the evidence_en cell of the rows named (each must exist); the Chinese evidence each row keeps."""
    kept = []
    for file, match in rows:
        table = read_rows(folder / file)
        header = table[0]
        hits = [r for r in table[1:] if all(r[header.index(c)] == v for c, v in match.items())]
        assert hits, f"no row of {file} has {match}"
        for row in hits:
            row[header.index("evidence_en")] = ""
            kept.append(row[header.index("evidence")])
        write_rows(folder / file, table)
    return kept


# --- PostgreSQL: one throwaway server per test session, a fresh database per test --------------------------------


@pytest.fixture(scope="session")
def postgres():
    """A throwaway PostgreSQL server on 127.0.0.1 for the whole session (hbeu_dash.cluster.postgres).

    Without PostgreSQL's server binaries the tests that need it are skipped with a loud reason, except when CI is
    set: there its absence fails the run (.ci/run installs it).
    """
    from hbeu_dash.cluster.postgres import find_pg_bin, running_postgres, temp_folder

    if find_pg_bin() is None:
        message = "PostgreSQL server binaries (initdb, pg_ctl) not found: PostgreSQL tests NOT RUN"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI is set, so this is a failure; .ci/run should install it)")
        pytest.skip(message + " — install them with: apt-get install -y postgresql")
    folder = temp_folder("hbeu-test-pg-")
    try:
        with running_postgres(folder) as server:
            yield server
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _admin(postgres):
    return postgres.connect_admin()


@pytest.fixture(scope="session")
def pg_template(postgres) -> str:
    """A database migrated to the newest schema once per session: the template of each test's database."""
    from hbeu_dash.store import migrations

    name = "hbeu_head_template"
    with _admin(postgres) as conn:
        conn.execute(f'CREATE DATABASE "{name}" OWNER hbeu TEMPLATE template0')
    migrations.upgrade(postgres.url_for(name))
    return name


def _fresh_database(postgres, template: str):
    """CREATE DATABASE from `template` for one test; yields its URL; drops it afterwards."""
    from hbeu_dash.store.sql_store import dispose_engines

    name = f"t_{uuid.uuid4().hex[:12]}"
    with _admin(postgres) as conn:
        conn.execute(f'CREATE DATABASE "{name}" OWNER hbeu TEMPLATE "{template}"')
    yield postgres.url_for(name)
    dispose_engines()
    with _admin(postgres) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_empty_url(postgres):
    """The URL of a fresh, empty database (no tables: never migrated), dropped after the test."""
    yield from _fresh_database(postgres, "template0")


@pytest.fixture
def pg_url(postgres, pg_template):
    """The URL of a fresh database migrated to the newest schema and holding no data, dropped after the test."""
    yield from _fresh_database(postgres, pg_template)


def extend_source_text(folder: Path, source_id: str, *sentences: str) -> str:
    """Give a source of a test's data copy a synthetic text: its archived text plus sentences of the test's own.

    For tests of the write path whose rows quote sentences no real source says: the copy's source then stands on
    a text that does say them (archived, and named by its sha256 in sources.csv), so the proof passes for those
    rows only. Returns the new text's sha256.
    """
    store = CsvStore(folder)
    rows = read_rows(folder / "sources.csv")
    header = rows[0]
    [row] = [r for r in rows[1:] if r[0] == source_id]
    old = store.source_text(row[header.index("text_sha256")]) or ""
    text = old + "\n\n" + "\n".join(sentences) + "\n"
    [sha] = store.add_texts([text]) or [text_sha256(text)]
    row[header.index("text_sha256")] = sha
    write_rows(folder / "sources.csv", rows)
    return sha
