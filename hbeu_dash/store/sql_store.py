"""PostgreSQL as a store shared by several servers: the same tables, version, commits, history, undo, redo and revert
as CsvStore.

Layout (created by the Alembic migrations in store/migrations, never by this module):

    <table>        one per data table (sources, figures, ...): the CSV header's columns, every cell TEXT as written,
                   and `hbeu_row`, the row's position in the file, so an export reproduces the file byte for byte
    hbeu_tables    the tables present, each one's header (column order) and stamp (the commit that last changed
                   it: the key of a per-process cache of its bytes); a table not listed is a missing file
    hbeu_state     one row: the data version, updated in the commit's transaction (data_version() is one SELECT)
    hbeu_commits   the audit log (the fields of CommitRecord)
    hbeu_history   the bytes of each table before each commit (what undo, redo and revert restore)
    hbeu_texts     the source archive (hbeu_dash.store.archive): each source's text by its sha256

A table is kept in its canonical form (`write_rows(parse_rows(bytes))`, the form of every file under data/), and
the data version is `hash_contents` of those bytes: the same content gives the same version as CsvStore. Validation
stays in Python: read() writes the tables to a temporary folder and reads it with the same `read_dataset`.
"""

import json
import os
import secrets
import tempfile
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

import psycopg
from psycopg import sql as pgsql
from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy import exc as sa_exc

from hbeu_dash.model import schema
from hbeu_dash.model.changes import ConflictError
from hbeu_dash.model.history import REVERT, CommitRecord, undo_action
from hbeu_dash.model.loaders import LoadResult, read_dataset
from hbeu_dash.store import revert
from hbeu_dash.store.archive import pending_texts
from hbeu_dash.store.base import hash_contents
from hbeu_dash.store.diff import RowDiff, keyed, parse_rows, same_row, write_rows
from hbeu_dash.store.errors import StoreUnavailable, UnknownCommit, mask_url

SCHEMA_REVISION = "0004"  # the migration this code reads and writes (tests check it is the scripts' head)
ROW = "hbeu_row"
POOL_SIZE = 2  # a Streamlit process runs one script at a time per session; a few connections serve them all
MAX_OVERFLOW = 4
CONNECT_TIMEOUT_S = 5


# --- engines: one per URL per process ----------------------------------------------------------------------------

_ENGINES: dict[str, Engine] = {}
_ENGINES_LOCK = threading.Lock()
_READY: set[str] = set()  # URLs whose schema revision was checked in this process
# (url, table) -> (stamp, canonical bytes): a table is fetched again only after a commit changed it, so a preview,
# a commit and the next read do not each pull every table over the network. One entry per table and URL.
_BYTES: dict[tuple[str, str], tuple[str, bytes]] = {}
_BYTES_LOCK = threading.Lock()
# Archived source texts by sha256 (content-addressed: an entry is never stale).
_TEXTS: dict[str, str] = {}
_TEXTS_LOCK = threading.Lock()


def get_engine(url: str) -> Engine:
    """The process's engine for `url` (created once, shared by every session and store object)."""
    with _ENGINES_LOCK:
        engine = _ENGINES.get(url)
        if engine is None:
            engine = create_engine(
                url,
                pool_pre_ping=True,
                pool_size=POOL_SIZE,
                max_overflow=MAX_OVERFLOW,
                connect_args={"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "hbeu-dash"},
            )
            _ENGINES[url] = engine
        return engine


def dispose_engines() -> None:
    """Close every engine's connections and forget them (tests dropping their databases; shutdown)."""
    with _ENGINES_LOCK:
        for engine in _ENGINES.values():
            engine.dispose()
        _ENGINES.clear()
        _READY.clear()
    with _BYTES_LOCK:
        _BYTES.clear()


def _forget_engines_in_child() -> None:
    # A forked child must not use its parent's sockets: drop the pools without closing the parent's connections.
    for engine in _ENGINES.values():
        engine.dispose(close=False)
    _ENGINES.clear()


os.register_at_fork(after_in_child=_forget_engines_in_child)


# --- tables as rows ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Content:
    """One table in canonical form: header, rows (each as long as the header) and their bytes."""

    header: list[str]
    rows: list[list[str]]
    data: bytes


def canonical(table: str, content: bytes) -> Content | None:
    """The table's bytes as header and rows, or None for b"" (no file). ValueError for what no table can hold:
    not UTF-8 CSV, no header, a column the table does not have (or twice), a row with more or fewer cells."""
    if content == b"":
        return None
    try:
        header, rows = parse_rows(content)
    except (UnicodeDecodeError, ValueError) as exc:
        raise ValueError(f"{table}: not a UTF-8 CSV file ({exc})") from exc
    allowed = schema.TABLES_BY_NAME[table].columns
    unknown = [c for c in header if c not in allowed]
    if not header or unknown or len(set(header)) != len(header):
        raise ValueError(f"{table}: the header must name columns of the table, each once (got {header})")
    for number, row in enumerate(rows, start=2):
        if len(row) != len(header):
            raise ValueError(f"{table}: row {number} has {len(row)} cells, the header has {len(header)}")
    data = write_rows(header, rows)
    if parse_rows(data) != (header, rows):  # a guard: the writer quotes every CR and LF (csv_cells.write_csv)
        raise ValueError(f"{table}: a cell holds a character the CSV form cannot keep")
    if "\x00" in data.decode("utf-8"):
        raise ValueError(f"{table}: a cell holds a NUL character, which PostgreSQL text cannot store")
    return Content(header, rows, data)


@dataclass(frozen=True)
class Stored:
    """A present table's header and stamp (the id of the commit that last changed it: a cache key)."""

    header: list[str]
    stamp: str


def _present(conn: Connection) -> dict[str, Stored]:
    """The tables present, with their headers and stamps."""
    rows = conn.execute(text("SELECT name, header, stamp FROM hbeu_tables"))
    return {name: Stored(list(header), stamp) for name, header, stamp in rows}


def _fetch_rows(conn: Connection, table: str, header: list[str]) -> list[list[str]]:
    """A table's rows in file order, cells as text."""
    columns = ", ".join(f'"{c}"' for c in header)  # names from schema.TABLES / hbeu_tables, checked on write
    result = conn.exec_driver_sql(f'SELECT {columns} FROM "{table}" ORDER BY {ROW}')
    return [["" if cell is None else cell for cell in row] for row in result]


def _parsed(data: bytes | None) -> Content | None:
    """Stored bytes (canonical already) back as rows; None for an absent table."""
    if not data:
        return None
    header, rows = parse_rows(data)
    return Content(header, rows, data)


def _counts(table: str, old: Content | None, new: Content | None) -> dict[str, int]:
    """Rows added, changed and removed along the table's key (diff_tables, on rows already parsed)."""
    key = schema.TABLES_BY_NAME[table].key
    before = keyed(old.header, old.rows, key) if old else {}
    after = keyed(new.header, new.rows, key) if new else {}
    diff = RowDiff(
        added=[k for k in after if k not in before],
        changed=[k for k in after if k in before and not same_row(before[k], after[k])],
        removed=[k for k in before if k not in after],
    )
    return diff.counts


def _version_of(contents: Mapping[str, bytes]) -> str:
    """The data version of these tables (table -> bytes): the CSV store's hash of the same files."""
    return hash_contents({schema.TABLES_BY_NAME[t].file: data for t, data in contents.items()})


def _copy_rows(conn: Connection, table: str, header: list[str], numbered: list[tuple[int, list[str]]]) -> None:
    """Insert (position, cells) rows with COPY (fast for a whole table)."""
    if not numbered:
        return
    statement = pgsql.SQL("COPY {} ({}) FROM STDIN").format(
        pgsql.Identifier(table), pgsql.SQL(", ").join(pgsql.Identifier(c) for c in (ROW, *header))
    )
    with conn.connection.driver_connection.cursor() as cursor, cursor.copy(statement) as copy:
        for position, cells in numbered:
            copy.write_row((position, *cells))


def _write_table(conn: Connection, table: str, old: Content | None, new: Content | None, stamp: str) -> None:
    """Make the stored table `new`, stamped: only the rows whose position or cells changed are rewritten."""
    if new is None:
        conn.exec_driver_sql(f'DELETE FROM "{table}"')
        conn.execute(text("DELETE FROM hbeu_tables WHERE name = :t"), {"t": table})
        return
    conn.execute(
        text(
            "INSERT INTO hbeu_tables (name, header, stamp) VALUES (:t, :h, :s) "
            "ON CONFLICT (name) DO UPDATE SET header = EXCLUDED.header, stamp = EXCLUDED.stamp"
        ),
        {"t": table, "h": new.header, "s": stamp},
    )
    if old is None or old.header != new.header:
        conn.exec_driver_sql(f'DELETE FROM "{table}"')
        _copy_rows(conn, table, new.header, list(enumerate(new.rows)))
        return
    # Same header: an appended row or an edited cell rewrites that row only (a large table stays put).
    stale = [i for i, row in enumerate(new.rows) if i >= len(old.rows) or old.rows[i] != row]
    conn.exec_driver_sql(
        f'DELETE FROM "{table}" WHERE {ROW} >= %(n)s OR {ROW} = ANY(%(stale)s)', {"n": len(new.rows), "stale": stale}
    )
    _copy_rows(conn, table, new.header, [(i, new.rows[i]) for i in stale])


def _to_record(row: Mapping) -> CommitRecord:
    return CommitRecord(
        commit_id=row["commit_id"],
        time=row["time"].astimezone(UTC).isoformat(timespec="seconds"),
        author=row["author"],
        action=row["action"],
        tables=row["tables"],
        version_before=row["version_before"],
        version_after=row["version_after"],
        undo_of=row["undo_of"],
        note=row["note"],
        files=list(row["files"]),
        texts=list(row.get("texts") or []),
    )


def validate_contents(files: Mapping[str, bytes]) -> LoadResult:
    """Read table -> bytes with the loaders data/ is read with (a temporary folder, as CsvStore reads its own)."""
    with tempfile.TemporaryDirectory(prefix="hbeu-sql-read-") as folder:
        for table, content in files.items():
            (Path(folder) / schema.TABLES_BY_NAME[table].file).write_bytes(content)
        return read_dataset(Path(folder))


# --- the store ---------------------------------------------------------------------------------------------------


class SqlStore:
    """The data in a PostgreSQL database, shared by every server that opens the same URL."""

    def __init__(self, url: str) -> None:
        self.url = url

    @property
    def key(self) -> str:
        """A name for this store in cache keys and messages (the URL, password masked)."""
        return mask_url(self.url)

    @contextmanager
    def _connect(self, isolation: str | None = None, base_version: str = "") -> Iterator[Connection]:
        """A connection in one transaction; a database error becomes StoreUnavailable or ConflictError."""
        try:
            engine = get_engine(self.url)
            with engine.connect() as conn:
                if isolation is not None:
                    conn = conn.execution_options(isolation_level=isolation)
                self._check_schema(conn)
                with conn.begin():
                    yield conn
        except sa_exc.DBAPIError as exc:
            translated = self._translate(exc, base_version)
            if translated is exc:
                raise
            raise translated from exc
        except psycopg.OperationalError as exc:  # raised by the raw cursor of COPY, outside SQLAlchemy's wrapping
            raise StoreUnavailable(self.url, str(exc).strip().splitlines()[0] if str(exc).strip() else "lost") from exc
        except sa_exc.TimeoutError as exc:
            raise StoreUnavailable(self.url, "every connection of the pool is busy") from exc
        except sa_exc.ArgumentError as exc:
            raise StoreUnavailable(self.url, f"not a usable database URL ({exc})") from exc

    def _check_schema(self, conn: Connection) -> None:
        """Once per process and URL: the database is migrated to the revision this code expects."""
        if self.url in _READY:
            return
        try:
            with conn.begin():
                found = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except sa_exc.ProgrammingError:
            found = None
        if found is None:
            raise StoreUnavailable(self.url, "the database is not initialised: run `python -m hbeu_dash db init`")
        if found != SCHEMA_REVISION:
            why = f"the database schema is at revision {found}, this code needs {SCHEMA_REVISION}"
            raise StoreUnavailable(self.url, why + ": run `python -m hbeu_dash db upgrade`")
        _READY.add(self.url)

    def _translate(self, exc: sa_exc.DBAPIError, base_version: str) -> Exception:
        """Serialization failures and deadlocks are conflicts (retry from a new preview); losing the server is
        StoreUnavailable; anything else is a bug and stays as it is."""
        # Class 40, transaction rollback: 40001 serialization_failure, 40P01 deadlock_detected (psycopg's classes
        # for these derive from OperationalError, not from TransactionRollback: test the SQLSTATE).
        if (getattr(exc.orig, "sqlstate", None) or "").startswith("40"):
            return ConflictError(base_version, self._version_or_unknown(), reason="changed")
        if isinstance(exc, sa_exc.OperationalError | sa_exc.InterfaceError) or exc.connection_invalidated:
            first = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)
            return StoreUnavailable(self.url, first)
        return exc

    def _version_or_unknown(self) -> str:
        try:
            return self.data_version()
        except (StoreUnavailable, sa_exc.SQLAlchemyError):
            return "?"

    # --- reading -------------------------------------------------------------------------------------------------

    def data_version(self) -> str:
        """The data version, as the last commit stored it (one SELECT)."""
        with self._connect() as conn:
            return conn.execute(text("SELECT version FROM hbeu_state WHERE id = 1")).scalar_one()

    def _table_bytes(self, conn: Connection, table: str, stored: Stored) -> bytes:
        """A present table's canonical bytes: from the cache when its stamp is unchanged, else fetched."""
        with _BYTES_LOCK:
            hit = _BYTES.get((self.url, table))
        if hit is not None and hit[0] == stored.stamp:
            return hit[1]
        data = write_rows(stored.header, _fetch_rows(conn, table, stored.header))
        self._remember(table, stored.stamp, data)
        return data

    def _remember(self, table: str, stamp: str | None, data: bytes) -> None:
        with _BYTES_LOCK:
            if stamp is None:
                _BYTES.pop((self.url, table), None)
            else:
                _BYTES[(self.url, table)] = (stamp, data)

    def _all_bytes(self, conn: Connection) -> dict[str, bytes]:
        """Every present table's bytes (table -> bytes, schema order), as of this transaction."""
        present = _present(conn)
        return {s.name: self._table_bytes(conn, s.name, present[s.name]) for s in schema.TABLES if s.name in present}

    def contents(self) -> tuple[str, dict[str, bytes]]:
        """The version and the bytes of every present table, from one snapshot."""
        with self._connect("REPEATABLE READ") as conn:
            version = conn.execute(text("SELECT version FROM hbeu_state WHERE id = 1")).scalar_one()
            return version, self._all_bytes(conn)

    def read(self) -> tuple[str, LoadResult]:
        """The validated tables with the version they belong to (one REPEATABLE READ snapshot: never a mix)."""
        version, files = self.contents()
        return version, validate_contents(files)

    def file_bytes(self, table: str) -> bytes:
        """The table's canonical CSV bytes (empty when it is absent)."""
        spec = schema.TABLES_BY_NAME[table]
        with self._connect("REPEATABLE READ") as conn:
            stored = _present(conn).get(spec.name)
            return b"" if stored is None else self._table_bytes(conn, spec.name, stored)

    # --- writing -------------------------------------------------------------------------------------------------

    def commit(
        self,
        files: Mapping[str, bytes],
        base_version: str,
        author: str,
        action: str = "commit",
        undo_of: str | None = None,
        note: str = "",
        texts: Mapping[str, str] | None = None,
    ) -> CommitRecord | None:
        """Replace the named tables with `files` (table -> CSV bytes) in one transaction, audited.

        `texts` (sha256 -> text), the source texts the change set cites, are archived in the same transaction.

        The state row is locked (SELECT ... FOR UPDATE) first, so commits queue; one whose `base_version` is no
        longer the data version is refused with ConflictError and writes nothing. A change set equal to the
        current tables returns None. Validation is the caller's job (hbeu_dash.intake.changeset); b"" removes a table.
        """
        if not author.strip():
            raise ValueError("a commit needs an author")
        unknown = set(files) - set(schema.TABLES_BY_NAME)
        if unknown:
            raise ValueError(f"not tables: {', '.join(sorted(unknown))}")
        new = {t: canonical(t, content) for t, content in files.items()}
        texts = pending_texts(texts or {})
        with self._connect(base_version=base_version) as conn:
            current = conn.execute(text("SELECT version FROM hbeu_state WHERE id = 1 FOR UPDATE")).scalar_one()
            if current != base_version:
                raise ConflictError(base_version, current)
            before = self._all_bytes(conn)
            changed = {t: c for t, c in new.items() if _data(c) != before.get(t, b"")}
            if not changed:
                return None
            commit_id = f"{datetime.now(UTC):%Y%m%dT%H%M%S%fZ}-{secrets.token_hex(3)}"
            self._insert_texts(conn, texts)
            counts = {}
            for table, content in changed.items():
                old = _parsed(before.get(table))
                _write_table(conn, table, old, content, stamp=commit_id)
                counts[table] = _counts(table, old, content)
            after = {t: data for t, data in (before | {t: _data(c) for t, c in changed.items()}).items() if data}
            record = CommitRecord(
                commit_id=commit_id,
                time=datetime.now(UTC).isoformat(timespec="seconds"),
                author=author.strip(),
                action=action,
                tables=counts,
                version_before=current,
                version_after=_version_of(after),
                undo_of=undo_of,
                note=note,
                files=sorted(schema.TABLES_BY_NAME[t].file for t in changed),
                texts=sorted(texts),
            )
            self._audit(conn, record, {t: before.get(t, b"") for t in changed})
            conn.execute(text("UPDATE hbeu_state SET version = :v WHERE id = 1"), {"v": record.version_after})
        for table, content in changed.items():  # committed: the next preview or read needs no fetch
            self._remember(table, commit_id if content is not None else None, _data(content))
        return record

    @staticmethod
    def _audit(conn: Connection, record: CommitRecord, previous: Mapping[str, bytes]) -> None:
        """The audit row and the previous bytes of each changed table (in the commit's transaction)."""
        conn.execute(
            text(
                "INSERT INTO hbeu_commits (commit_id, time, author, action, tables, version_before, version_after,"
                " undo_of, note, files, texts) VALUES (:commit_id, :time, :author, :action, CAST(:tables AS jsonb),"
                " :version_before, :version_after, :undo_of, :note, CAST(:files AS jsonb), CAST(:texts AS jsonb))"
            ),
            {
                **asdict(record),
                "time": datetime.fromisoformat(record.time),
                "tables": _json(record.tables),
                "files": _json(record.files),
                "texts": _json(record.texts),
            },
        )
        conn.execute(
            text("INSERT INTO hbeu_history (commit_id, table_name, content) VALUES (:c, :t, :b)"),
            [{"c": record.commit_id, "t": t, "b": content} for t, content in previous.items()],
        )

    def history(self) -> list[CommitRecord]:
        """Every commit, undo, redo and revert, newest first."""
        with self._connect() as conn:
            return self._records(conn)

    def _records(self, conn: Connection) -> list[CommitRecord]:
        """The audit log, newest first, in the caller's transaction."""
        rows = conn.execute(text("SELECT * FROM hbeu_commits ORDER BY seq DESC")).mappings().all()
        return [_to_record(row) for row in rows]

    def undo(self, commit_id: str, author: str, base_version: str | None = None) -> CommitRecord:
        """Take back commit `commit_id` byte for byte (the data must be as it left it), through commit(); audited
        as "redo" when it is itself an undo, else "undo" (CsvStore.undo)."""
        with self._connect("REPEATABLE READ") as conn:
            records = self._records(conn)
            target = next((r for r in records if r.commit_id == commit_id), None)
            if target is None:
                raise UnknownCommit(commit_id)
            previous = dict(
                conn.execute(
                    text("SELECT table_name, content FROM hbeu_history WHERE commit_id = :c"), {"c": commit_id}
                ).all()
            )
            current = conn.execute(text("SELECT version FROM hbeu_state WHERE id = 1")).scalar_one()
        if base_version is not None and base_version != current:
            raise ConflictError(base_version, current)
        if current != target.version_after:
            raise ConflictError(target.version_after, current, reason="not_latest")
        by_file = {spec.file: spec.name for spec in schema.TABLES}
        tables = [by_file[name] for name in target.files]
        if set(tables) - set(previous):
            raise UnknownCommit(commit_id)
        files = {t: bytes(previous[t]) for t in tables}
        action = undo_action(target, records)
        record = self.commit(files, current, author, action=action, undo_of=commit_id)
        if record is None:  # the tables are already as they were: nothing to undo
            raise ConflictError(target.version_after, current, reason="nothing_to_undo")
        return record

    def revert(self, commit_id: str, author: str, base_version: str | None = None) -> CommitRecord:
        """Take back an older commit's rows and keep every later change to other rows, through commit(); audited
        as "revert" (CsvStore.revert). Read from one snapshot; commit() refuses if the data moved on since."""
        with self._connect("REPEATABLE READ") as conn:
            current = conn.execute(text("SELECT version FROM hbeu_state WHERE id = 1")).scalar_one()
            records = self._records(conn)
            target = next((r for r in records if r.commit_id == commit_id), None)
            if target is None:
                raise UnknownCommit(commit_id)
            by_file = {spec.file: spec.name for spec in schema.TABLES}
            tables = [by_file[name] for name in target.files]
            later = [r.commit_id for r in records[: records.index(target)]]
            copies = conn.execute(
                text(
                    "SELECT commit_id, table_name, content FROM hbeu_history"
                    " WHERE commit_id = ANY(:c) AND table_name = ANY(:t)"
                ),
                {"c": [commit_id, *later], "t": tables},
            ).all()
            now = self._all_bytes(conn)
        if base_version is not None and base_version != current:
            raise ConflictError(base_version, current)
        previous = {(commit, table): bytes(content) for commit, table, content in copies}

        def before(commit: str, table: str) -> bytes:
            if (commit, table) not in previous:
                raise UnknownCommit(commit)
            return previous[(commit, table)]

        files = revert.plan_revert(commit_id, records, before, {t: now.get(t, b"") for t in tables}, current)
        record = self.commit(files, current, author, action=REVERT, undo_of=commit_id)
        if record is None:  # the rows are already as they were before it
            raise ConflictError(current, current, reason="nothing_to_undo")
        return record

    # --- the source archive --------------------------------------------------------------------------------------

    def source_text(self, sha256: str) -> str | None:
        """The archived text with this sha256, or None."""
        with _TEXTS_LOCK:
            hit = _TEXTS.get(sha256)
        if hit is not None:
            return hit
        with self._connect() as conn:
            found = conn.execute(text("SELECT text FROM hbeu_texts WHERE sha256 = :s"), {"s": sha256}).scalar()
        if found is not None:
            with _TEXTS_LOCK:
                if len(_TEXTS) > 256:
                    _TEXTS.clear()
                _TEXTS[sha256] = found
        return found

    def archived(self, shas) -> set[str]:
        """Which of these sha256s the archive holds."""
        wanted = sorted({s for s in shas if s})
        if not wanted:
            return set()
        with self._connect() as conn:
            rows = conn.execute(text("SELECT sha256 FROM hbeu_texts WHERE sha256 = ANY(:s)"), {"s": wanted})
            return {row[0] for row in rows}

    @staticmethod
    def _insert_texts(conn: Connection, texts: Mapping[str, str]) -> list[str]:
        """Archive the texts the table lacks (in the caller's transaction); their sha256s."""
        added = []
        for sha, body in sorted(texts.items()):
            found = conn.execute(
                text("INSERT INTO hbeu_texts (sha256, text) VALUES (:s, :t) ON CONFLICT DO NOTHING RETURNING sha256"),
                {"s": sha, "t": body},
            ).scalar()
            if found:
                added.append(found)
        return added

    def add_texts(self, texts) -> list[str]:
        """Archive texts outside any commit (a cache fill: content-addressed, no data changes); the new sha256s."""
        checked = pending_texts(list(texts))
        with self._connect() as conn:
            return self._insert_texts(conn, checked)

    def __repr__(self) -> str:
        return f"SqlStore({self.key!r})"


def _data(content: Content | None) -> bytes:
    return b"" if content is None else content.data


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)
