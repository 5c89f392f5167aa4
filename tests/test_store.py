"""The CSV store: the data version is a short content hash, and reading gives the tables of that version."""

import os
import re
import shutil
from pathlib import Path

from hbeu_dash.store import CsvStore, Store
from tests.conftest import set_cell
from tests.real_data import csv_rows


def test_version_is_a_short_hex_hash_and_stable(data_dir: Path) -> None:
    version = CsvStore(data_dir).data_version()
    assert re.fullmatch(r"[0-9a-f]{7}", version)
    assert CsvStore(data_dir).data_version() == version


def test_version_ignores_mtimes_and_copies(data_dir: Path, tmp_path: Path) -> None:
    store = CsvStore(data_dir)
    before = store.data_version()
    for path in data_dir.glob("*.csv"):
        stat = path.stat()
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    assert store.data_version() == before  # touched only
    copy = tmp_path / "copy"
    shutil.copytree(data_dir, copy)
    assert CsvStore(copy).data_version() == before  # same content elsewhere, other mtimes


def test_version_changes_with_one_byte_of_content(data_dir: Path) -> None:
    store = CsvStore(data_dir)
    before = store.data_version()
    set_cell(data_dir / "figures.csv", 2, "note_en", "edited")
    after = store.data_version()
    assert after != before
    (data_dir / "figures.csv").unlink()
    assert store.data_version() not in (before, after)  # a missing file is another dataset too


def test_read_returns_the_version_it_read(data_dir: Path) -> None:
    store: Store = CsvStore(data_dir)
    version, result = store.read()
    assert version == store.data_version()
    assert not result.problems and len(result.tables["figures"]) == len(csv_rows("figures"))  # a copy of data/
