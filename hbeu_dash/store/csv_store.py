"""The CSV folder as a store: the data version is a content hash of its files; commits are atomic and audited.

Beside the tables, the store keeps its own folder `.hbeu/` inside the data folder (not part of the version):

    lock            the filelock every commit holds
    journal.json    present only while a commit renames its files (or after a crash there): recovery finishes it
    history/<id>/   the previous bytes of each file commit <id> changed (what undo, redo and revert restore)
    audit.jsonl     one JSON line per commit, undo, redo or revert: who, when, tables, rows added/changed/removed,
                    versions, and which commit it takes back (undo_of)
    texts/<sha256>.txt  the source archive (hbeu_dash.store.archive): each source's text, by its sha256
"""

import hashlib
import json
import os
import re
import secrets
import shutil
import threading
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import ClassVar

from filelock import FileLock, Timeout

from hbeu_dash.model import schema
from hbeu_dash.model.changes import ConflictError
from hbeu_dash.model.history import REVERT, CommitRecord, undo_action
from hbeu_dash.model.loaders import LoadResult, read_dataset
from hbeu_dash.model.source_text import text_sha256
from hbeu_dash.store import revert
from hbeu_dash.store.archive import pending_texts
from hbeu_dash.store.base import hash_files
from hbeu_dash.store.diff import diff_tables
from hbeu_dash.store.durable import append_line, crash_point, fsync_dir, read_lines, replace_file, write_synced
from hbeu_dash.store.errors import UnknownCommit

READ_ATTEMPTS = 3
PENDING = ".pending-"
# The name of a commit's temporary file beside a table (.figures.csv.20261126T174209445074Z-23aba5.tmp).
COMMIT_TEMP_RE = re.compile(r"\.\d{8}T\d{12}Z-[0-9a-f]{6}\.tmp$")
STATE_DIR = ".hbeu"
LOCK_TIMEOUT_S = 30
# A reader finishing a crashed commit waits this long for the lock; a live commit holds it for milliseconds.
RECOVER_TIMEOUT_S = 10


def _stat_key(path: Path) -> tuple:
    stat = path.stat()
    return (path.name, stat.st_size, stat.st_mtime_ns, stat.st_ino)


class CsvStore:
    """The data/ folder of CSV files (the embedded default)."""

    # A file's hash is kept while its size, mtime and inode stay the same, so a large folder is not read on every
    # script run; the version itself is always a hash of the content.
    _hashes: ClassVar[dict[tuple, str]] = {}
    # Archived texts by (file, sha256): content-addressed, so an entry is right while its file exists.
    _texts: ClassVar[dict[tuple[str, str], str]] = {}
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.state = self.folder / STATE_DIR
        self.journal = self.state / "journal.json"
        self.audit_log = self.state / "audit.jsonl"
        self.history_dir = self.state / "history"
        self.texts_dir = self.state / "texts"

    @property
    def key(self) -> str:
        """The store's identity in cache keys and messages: its folder."""
        return str(self.folder)

    def files(self) -> list[Path]:
        """The data files the dataset is read from, in table order (missing ones left out)."""
        return [p for p in (self.folder / spec.file for spec in schema.TABLES) if p.is_file()]

    def _temps(self) -> list[Path]:
        """The temporary files commits write beside the tables (`.<file>.<commit id>.tmp`), and no one else's."""
        names = tuple(f".{spec.file}." for spec in schema.TABLES)
        try:
            entries = list(os.scandir(self.folder))
        except OSError:
            return []
        return [
            Path(e.path)
            for e in entries
            if e.name.startswith(names) and e.name.endswith(".tmp") and COMMIT_TEMP_RE.search(e.name)
        ]

    def data_version(self) -> str:
        """A content hash of every data file; unchanged when a file is only touched, changed when a byte is."""
        # A journal: a commit is renaming files, or crashed while it did (never show a mix). Temporary files
        # without one: a commit is writing, or was killed before its commit point (clear what it left).
        if self.journal.exists() or self._temps():
            self._recover_quietly()
        paths = self.files()
        key = (str(self.folder), *(_stat_key(p) for p in paths))
        with self._lock:
            cached = self._hashes.get(key)
        if cached is not None:
            return cached
        version = hash_files(paths)
        with self._lock:
            if len(self._hashes) > 64:
                self._hashes.clear()
            self._hashes[key] = version
        return version

    def read(self) -> tuple[str, LoadResult]:
        """The validated tables with the version they were read at (re-read if a file changed meanwhile)."""
        version = self.data_version()
        for _ in range(READ_ATTEMPTS):
            result = read_dataset(self.folder)
            after = self.data_version()
            if after == version:
                return version, result
            version = after
        return version, result

    # --- writing -------------------------------------------------------------------------------------------

    def _file_lock(self, timeout: float = LOCK_TIMEOUT_S) -> FileLock:
        self.state.mkdir(exist_ok=True)
        return FileLock(self.state / "lock", timeout=timeout)

    def file_bytes(self, table: str) -> bytes:
        """The current bytes of a table's file (empty when it is missing)."""
        path = self.folder / schema.TABLES_BY_NAME[table].file
        return path.read_bytes() if path.is_file() else b""

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
        """Replace the named tables' files with `files` (table -> bytes) in one atomic, audited step.

        Refused with ConflictError when the data is no longer at `base_version` (the version the preview was
        made from): never a silent overwrite. A change set identical to the current files writes nothing and
        returns None. Validation is the caller's job (intake.changeset); the store only writes. `texts` (sha256 ->
        text) are the source texts the change set cites: archived before the commit point (a crash leaves at most
        an uncited text, which changes nothing), and named in the audit line.
        """
        texts = pending_texts(texts or {})
        if not author.strip():
            raise ValueError("a commit needs an author")
        unknown = set(files) - set(schema.TABLES_BY_NAME)
        if unknown:
            raise ValueError(f"not tables: {', '.join(sorted(unknown))}")
        with self._file_lock():
            self._recover()
            current = hash_files(self.files())  # under the lock: no stat cache, no recovery (it would re-lock)
            if current != base_version:
                raise ConflictError(base_version, current)
            old = {t: self.file_bytes(t) for t in files}
            changed = {t: content for t, content in files.items() if content != old[t]}
            if not changed:
                return None
            self._write_texts(texts)
            commit_id = f"{datetime.now(UTC):%Y%m%dT%H%M%S%fZ}-{secrets.token_hex(3)}"
            # Written under a pending name; it becomes history/<id> after the commit point (a crash before leaves
            # only a .pending-* folder, which recovery removes).
            history = self.history_dir / f"{PENDING}{commit_id}"
            history.mkdir(parents=True)
            names = {t: schema.TABLES_BY_NAME[t].file for t in changed}
            for table, name in names.items():
                write_synced(history / name, old[table])
            fsync_dir(history)
            fsync_dir(history.parent)
            crash_point("history_written")
            temps = {}
            for table, name in names.items():
                temps[name] = f".{name}.{commit_id}.tmp"
                write_synced(self.folder / temps[name], changed[table])
            fsync_dir(self.folder)  # the temporary files' names are durable before the journal names them
            crash_point("temps_written")
            record = {
                "commit_id": commit_id,
                "time": datetime.now(UTC).isoformat(timespec="seconds"),
                "author": author.strip(),
                "action": action,
                "tables": {t: diff_tables(t, old[t], changed[t]).counts for t in changed},
                "version_before": current,
                "undo_of": undo_of,
                "note": note,
                "files": sorted(names.values()),
                "texts": sorted(texts),
            }
            # The commit point: once the journal is on disk, recovery finishes the renames; before, nothing changed.
            hashes = {name: hashlib.sha256(changed[t]).hexdigest() for t, name in names.items()}
            journal = {"record": record, "temps": temps, "sha256": hashes}
            replace_file(self.journal, json.dumps(journal, ensure_ascii=False).encode())
            crash_point("journal_written")
            return self._finish(record, temps, hashes)

    def _finish(self, record: dict, temps: dict[str, str], hashes: dict[str, str] | None = None) -> CommitRecord | None:
        """Rename the temporary files over the tables, append the audit line, drop the journal.

        Every file must be either its temporary file or already renamed (its bytes are the new ones). If one is
        neither (a disk lost a name the journal counted on), nothing is half-done: every table goes back to its
        previous bytes from history and the commit is not audited.
        """
        pending = self.history_dir / f"{PENDING}{record['commit_id']}"
        if pending.exists():
            os.replace(pending, self.history_dir / record["commit_id"])
            fsync_dir(self.history_dir)
        if hashes is not None:
            for name, temp in temps.items():
                target = self.folder / name
                renamed = target.exists() and hashlib.sha256(target.read_bytes()).hexdigest() == hashes[name]
                if not (self.folder / temp).exists() and not renamed:
                    self._roll_back(record, temps)
                    return None
        for name, temp in temps.items():
            if (self.folder / temp).exists():
                os.replace(self.folder / temp, self.folder / name)
                crash_point(f"renamed:{name}")
        fsync_dir(self.folder)
        done = {r.get("commit_id") for r in read_lines(self.audit_log)}
        record = record | {"version_after": hash_files(self.files())}
        if record["commit_id"] not in done:
            append_line(self.audit_log, record)
        crash_point("audited")
        self.journal.unlink()
        fsync_dir(self.state)
        return CommitRecord.from_json(record)

    def _roll_back(self, record: dict, temps: dict[str, str]) -> None:
        """Put every file of an unfinishable commit back to its bytes before it (kept in its history folder)."""
        history = self.history_dir / record["commit_id"]
        for name in temps:  # (_finish moved the pending folder to its final name first)
            replace_file(self.folder / name, (history / name).read_bytes())
        for temp in temps.values():
            (self.folder / temp).unlink(missing_ok=True)
        self.journal.unlink()
        fsync_dir(self.state)

    def _recover(self) -> None:
        """Under the lock: finish a commit whose journal survived a crash; drop what a crash left before it."""
        if self.journal.exists():
            try:
                pending = json.loads(self.journal.read_bytes())
                self._finish(pending["record"], pending["temps"], pending.get("sha256"))
            except (json.JSONDecodeError, KeyError, TypeError):
                self.journal.unlink()  # a journal is only ever written whole (replace_file): cannot happen
        # Only the commit's own temporary files: another writer's hidden .tmp in the folder is not ours to delete.
        for temp in [*self._temps(), *self.state.glob(f".{self.journal.name}.*.tmp")]:
            temp.unlink(missing_ok=True)
        # A commit killed before its commit point leaves only a .pending-* history folder; finished commits' history
        # is never removed (whatever the audit log says).
        if self.history_dir.is_dir():
            for folder in self.history_dir.glob(f"{PENDING}*"):
                shutil.rmtree(folder, ignore_errors=True)

    def _recover_quietly(self) -> None:
        try:
            with self._file_lock(RECOVER_TIMEOUT_S):
                self._recover()
        except (Timeout, OSError):
            pass  # a read-only folder or a stuck lock: read what is there

    def history(self) -> list[CommitRecord]:
        """Every commit, undo, redo and revert, newest first."""
        return [CommitRecord.from_json(r) for r in reversed(read_lines(self.audit_log))]

    # --- the source archive ---------------------------------------------------------------------------------

    def _text_path(self, sha256: str) -> Path:
        return self.texts_dir / f"{sha256}.txt"

    def source_text(self, sha256: str) -> str | None:
        """The archived text with this sha256 (None when absent, or when its file no longer has that hash)."""
        if not sha256 or "/" in sha256 or "." in sha256:
            return None
        path = self._text_path(sha256)
        with self._lock:
            hit = self._texts.get((str(path), sha256))
        if hit is not None and path.is_file():
            return hit
        try:
            text = path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        if text_sha256(text) != sha256:  # a file edited by hand is not the text the rows were proven against
            return None
        with self._lock:
            if len(self._texts) > 256:
                self._texts.clear()
            self._texts[(str(path), sha256)] = text
        return text

    def archived(self, shas) -> set[str]:
        """Which of these sha256s the archive holds."""
        return {s for s in shas if s and "/" not in s and "." not in s and self._text_path(s).is_file()}

    def _write_texts(self, texts: Mapping[str, str]) -> list[str]:
        """Write the texts the archive lacks (each atomically); their sha256s."""
        new = [sha for sha in sorted(texts) if not self._text_path(sha).is_file()]
        if new:
            self.texts_dir.mkdir(parents=True, exist_ok=True)
            for sha in new:
                replace_file(self._text_path(sha), texts[sha].encode("utf-8"))
        return new

    def add_texts(self, texts) -> list[str]:
        """Archive texts outside any commit (a cache fill: content-addressed, no data changes); the new sha256s."""
        return self._write_texts(pending_texts(list(texts)))

    def undo(self, commit_id: str, author: str, base_version: str | None = None) -> CommitRecord:
        """Take back commit `commit_id` byte for byte, through the same commit path (audited).

        The data must still be as that commit left it (its version_after): Undo and Redo pick such a commit
        (hbeu_dash.store.revert), so an undo never silently drops a later change; otherwise ConflictError (reason
        "not_latest"). Audited as "redo" when `commit_id` is itself an undo, else as "undo".
        """
        records = self.history()
        target = next((r for r in records if r.commit_id == commit_id), None)
        if target is None:
            raise UnknownCommit(commit_id)
        current = self.data_version()
        if base_version is not None and base_version != current:
            raise ConflictError(base_version, current)
        if current != target.version_after:
            raise ConflictError(target.version_after, current, reason="not_latest")
        folder = self.history_dir / commit_id
        by_file = {spec.file: spec.name for spec in schema.TABLES}
        try:
            files = {by_file[name]: (folder / name).read_bytes() for name in target.files}
        except OSError as exc:
            raise UnknownCommit(commit_id) from exc
        action = undo_action(target, records)
        record = self.commit(files, current, author, action=action, undo_of=commit_id)
        if record is None:  # the files are already as they were: nothing to undo
            raise ConflictError(target.version_after, current, reason="nothing_to_undo")
        return record

    def revert(self, commit_id: str, author: str, base_version: str | None = None) -> CommitRecord:
        """Take back an older commit's rows and keep every later change to other rows (hbeu_dash.store.revert),
        through the same commit path, audited as "revert". RevertConflict names the rows a later commit changed
        too; ConflictError when the data moved on from `base_version` or the commit was already taken back."""
        current = self.data_version()  # before the files are read: a commit in between makes commit() refuse
        if base_version is not None and base_version != current:
            raise ConflictError(base_version, current)
        records = self.history()
        target = next((r for r in records if r.commit_id == commit_id), None)
        if target is None:
            raise UnknownCommit(commit_id)

        def before(commit: str, table: str) -> bytes:
            try:
                return (self.history_dir / commit / schema.TABLES_BY_NAME[table].file).read_bytes()
            except OSError as exc:
                raise UnknownCommit(commit) from exc

        by_file = {spec.file: spec.name for spec in schema.TABLES}
        now = {by_file[name]: self.file_bytes(by_file[name]) for name in target.files}
        files = revert.plan_revert(commit_id, records, before, now, current)
        record = self.commit(files, current, author, action=REVERT, undo_of=commit_id)
        if record is None:  # the rows are already as they were before it
            raise ConflictError(current, current, reason="nothing_to_undo")
        return record

    def __repr__(self) -> str:
        return f"CsvStore({str(self.folder)!r})"
