"""The change history page through AppTest with a real login: after an undo it offers Undo of the next older commit
beside Redo, three undos give back the data files of three commits before byte for byte, Redo brings them back,
an older commit is reverted from the page while a later one on other rows stays, and a revert on the same rows is
refused with a message naming the row and the later commit (in English and in Chinese). The store's rules are
tested on both stores in test_undo.py; the messages' text in test_history_views.py."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from hbeu_dash import auth, paths
from hbeu_dash.model.history import CommitRecord
from hbeu_dash.store import CsvStore
from hbeu_dash.ui import auth as ui_auth
from tests.conftest import copy_data
from tests.store_contract import FIGURE_LINE, RIVAL_LINE, SOURCE_LINE, tables
from tests.test_entry_pages import APP, PASSWORD, shown

LINES = (paths.DATA_DIR / "figures.csv").read_text(encoding="utf-8").splitlines(keepends=True)
ROW = next(i for i, line in enumerate(LINES[1:], start=1) if line.endswith(",,\n"))  # both notes empty
ROW_ID = LINES[ROW].split(",")[0]


@pytest.fixture(scope="module")
def stored() -> str:
    return auth.hash_password(PASSWORD)


@pytest.fixture
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app reads and writes a copy of data/ (never the repository's)."""
    folder = copy_data(tmp_path / "data")
    monkeypatch.setattr(paths, "DATA_DIR", folder)
    return folder


@pytest.fixture(autouse=True)
def throttle(monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = auth.Throttle(free_per_user=50, free_per_address=50, clock=lambda: 1000.0)
    monkeypatch.setattr(ui_auth, "get_throttle", lambda: fresh)


def history_page(stored: str, lang: str = "en") -> AppTest:
    """The history page, signed in as the analyst wang."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["hbeu"] = {"accounts": {"wang": stored}}
    at.query_params["lang"] = lang
    at.run()
    at.text_input(key="login_name").input("wang")
    at.text_input(key="login_password").input(PASSWORD)
    next(b for b in at.button if (b.key or "").startswith("FormSubmitter:login_form")).click()
    at.run()
    at.switch_page("app_pages/history.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def figures(note: str = "", add: str = "") -> bytes:
    """figures.csv with ROW's notes (zh and en) set to `note`, and lines added at the end."""
    lines = list(LINES)
    if note:
        lines[ROW] = lines[ROW].removesuffix(",,\n") + f",已核对{note},checked{note}\n"
    return ("".join(lines) + add).encode("utf-8")


def commit(folder: Path, files: dict[str, bytes], author: str) -> CommitRecord:
    store = CsvStore(folder)
    record = store.commit(files, store.data_version(), author)
    assert record is not None
    return record


def click(at: AppTest, key: str) -> AppTest:
    at.button(key=key).click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def keys(at: AppTest) -> set[str]:
    return {b.key for b in at.button if b.key}


def test_undo_goes_back_step_by_step_and_redo_brings_each_back(stored: str, data_copy: Path) -> None:
    states = [tables(data_copy)]
    c1 = commit(data_copy, {"figures": figures(add=FIGURE_LINE)}, "ana")
    states.append(tables(data_copy))
    c2 = commit(data_copy, {"sources": (paths.DATA_DIR / "sources.csv").read_bytes() + SOURCE_LINE.encode()}, "ben")
    states.append(tables(data_copy))
    c3 = commit(data_copy, {"figures": figures(add=FIGURE_LINE + RIVAL_LINE)}, "chen")
    at = history_page(stored)
    assert at.button(key="history_undo").label == f"Undo the latest commit ({c3.commit_id})"
    assert "history_redo" not in keys(at)
    assert any("Undo takes back the newest change still in effect" in c.value for c in at.caption)

    click(at, "history_undo")
    assert any(f"Undid {c3.commit_id}" in s.value for s in at.success)
    assert tables(data_copy) == states[2]
    # The finding: after one undo the page offered only "redo". Now it offers Undo of the next older commit too.
    assert at.button(key="history_undo").label.startswith(f"Undo: {c2.commit_id} (ben, commit, ")
    assert at.button(key="history_redo").label.startswith("Redo: undo the latest undo")

    click(at, "history_undo")
    assert tables(data_copy) == states[1]
    assert at.button(key="history_undo").label.startswith(f"Undo: {c1.commit_id} (ana, commit, ")
    click(at, "history_undo")
    assert tables(data_copy) == states[0], "three undos: the data files of three commits before, byte for byte"
    assert "history_undo" not in keys(at)
    history = CsvStore(data_copy).history()
    assert [(r.action, r.undo_of, r.author) for r in history[:3]] == [
        ("undo", c1.commit_id, "wang"),
        ("undo", c2.commit_id, "wang"),
        ("undo", c3.commit_id, "wang"),
    ]
    assert "taken back by" in shown(at) and "in effect" in shown(at)

    click(at, "history_redo")
    assert any(f"Redid {c1.commit_id}" in s.value for s in at.success)
    assert tables(data_copy) == states[1]
    assert at.button(key="history_redo").label.startswith(f"Redo: {c2.commit_id} (ben, commit, ")
    click(at, "history_redo")
    assert tables(data_copy) == states[2]
    assert CsvStore(data_copy).history()[0].action == "redo"


def test_an_older_commit_is_reverted_from_the_page_and_a_clash_is_named(stored: str, data_copy: Path) -> None:
    before = tables(data_copy)
    older = commit(data_copy, {"figures": figures(note=" one", add=FIGURE_LINE)}, "ana")
    later = commit(data_copy, {"figures": figures(note=" two", add=FIGURE_LINE)}, "ben")
    at = history_page(stored)
    at.selectbox(key="history_revert_pick").set_value(older.commit_id).run()
    click(at, "history_revert")
    message = " ".join(e.value for e in at.error)
    assert "problem" not in message, "the test's rows are valid: the only error is the refusal"
    assert f"Cannot revert {older.commit_id}: later commits changed some of the same rows" in message
    assert f"figures “{ROW_ID}”: changed by {later.commit_id} (ben, commit)" in message
    assert tables(data_copy)["figures.csv"] == figures(note=" two", add=FIGURE_LINE), "nothing written"

    other = commit(data_copy, {"figures": figures(note=" two", add=FIGURE_LINE + RIVAL_LINE)}, "chen")
    at.run()
    at.selectbox(key="history_revert_pick").set_value(later.commit_id).run()
    click(at, "history_revert")  # chen's commit added another row: ben's is reverted, chen's stays
    assert any(f"Reverted {later.commit_id}" in s.value for s in at.success)
    assert tables(data_copy)["figures.csv"] == figures(note=" one", add=FIGURE_LINE + RIVAL_LINE)
    revert = CsvStore(data_copy).history()[0]
    assert (revert.action, revert.undo_of, revert.author) == ("revert", later.commit_id, "wang")
    assert at.button(key="history_undo").label == f"Undo the latest commit ({revert.commit_id})"
    for _ in range(4):  # the revert, chen's, ben's and ana's commits
        click(at, "history_undo")
    assert tables(data_copy) == before
    undone = [r.undo_of for r in CsvStore(data_copy).history()[:4]]
    assert undone == [older.commit_id, later.commit_id, other.commit_id, revert.commit_id]


def test_the_refused_revert_speaks_chinese(stored: str, data_copy: Path) -> None:
    older = commit(data_copy, {"figures": figures(note=" one")}, "ana")
    later = commit(data_copy, {"figures": figures(note=" two")}, "ben")
    at = history_page(stored, lang="zh")
    assert at.button(key="history_undo").label == f"撤销最近一次提交（{later.commit_id}）"
    at.selectbox(key="history_revert_pick").set_value(older.commit_id).run()
    click(at, "history_revert")
    message = " ".join(e.value for e in at.error)
    assert f"无法撤回 {older.commit_id}：之后的提交也改过同样的行" in message
    assert f"数字“{ROW_ID}”：改动来自 {later.commit_id}（ben，提交）" in message


def test_after_an_edit_outside_the_app_undo_is_not_offered_and_a_revert_says_why(stored: str, data_copy: Path) -> None:
    older = commit(data_copy, {"figures": figures(note=" one")}, "ana")
    commit(data_copy, {"sources": (paths.DATA_DIR / "sources.csv").read_bytes() + SOURCE_LINE.encode()}, "ben")
    by_hand = figures(note=" by hand")
    (data_copy / "figures.csv").write_bytes(by_hand)
    at = history_page(stored)
    assert "history_undo" not in keys(at) and "history_redo" not in keys(at)
    at.selectbox(key="history_revert_pick").set_value(older.commit_id).run()
    click(at, "history_revert")
    message = " ".join(e.value for e in at.error)
    assert f"Cannot revert {older.commit_id}: the data was changed outside the app after it" in message
    assert (data_copy / "figures.csv").read_bytes() == by_hand
