"""Crash-safe file writes: a temporary file in the same folder, flushed and fsynced, then os.replace, then the
folder fsynced; and an append-only JSON-lines log.

A process killed at any point leaves either the old file or the new one, never a mix: os.replace is atomic on
POSIX, and the fsyncs order the new bytes before the rename and the rename before anything that follows.
"""

import json
import os
import secrets
from pathlib import Path


def crash_point(step: str) -> None:
    """A named step of a commit. Does nothing; the crash-safety tests replace it to kill the process there."""


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in `folder` durable."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def temp_path(target: Path, tag: str | None = None) -> Path:
    """A temporary name beside `target` (same folder, so os.replace never crosses file systems)."""
    return target.with_name(f".{target.name}.{tag or secrets.token_hex(6)}.tmp")


def write_synced(path: Path, content: bytes, mode: int | None = None) -> None:
    """Write `content` to `path` (a new or temporary file), flushed and fsynced before returning."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    fd = os.open(path, flags, 0o644 if mode is None else mode)
    try:
        view = memoryview(content)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    finally:
        os.close(fd)


def replace_file(target: Path, content: bytes, mode: int | None = None) -> None:
    """Atomically make `target` hold `content`: temp file → fsync → os.replace → fsync the folder."""
    temp = temp_path(target)
    try:
        write_synced(temp, content, mode)
        os.replace(temp, target)
    finally:
        if temp.exists():
            temp.unlink()
    fsync_dir(target.parent)


def _ends_torn(path: Path) -> bool:
    """True when the file's last line has no newline (an append cut short by a crash or a full disk)."""
    try:
        with open(path, "rb") as fh:
            fh.seek(-1, os.SEEK_END)
            return fh.read(1) != b"\n"
    except OSError:  # missing or empty
        return False


def append_line(path: Path, record: dict) -> None:
    """Append one JSON record as a line and fsync it (the audit log is only ever appended to).

    After a torn last line the record starts on a line of its own: glued to the torn bytes, it would be
    unreadable too, and a commit whose audit line is unreadable counts as never made (recovery drops its history).
    """
    line = (json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
    if _ends_torn(path):
        line = b"\n" + line
    new = not path.exists()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    try:
        view = memoryview(line)
        while view:  # os.write may write less than asked
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)
    if new:
        fsync_dir(path.parent)


def read_lines(path: Path) -> list[dict]:
    """Every complete JSON record of a log; a torn last line (a crash mid-append) is left out."""
    if not path.exists():
        return []
    records = []
    for line in path.read_bytes().splitlines():
        try:
            records.append(json.loads(line))
        except (json.JSONDecodeError, UnicodeDecodeError):
            continue
    return records
