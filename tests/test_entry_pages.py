"""The data-entry pages through AppTest with a real login: who may see and reach them (every page × anonymous,
analyst, OIDC listed or not), upload → preview → commit → every page shows it → undo, a stale click after logout,
two sessions committing from the same data version. The browser paths are in tests/e2e/test_entry.py."""

import hashlib
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from hbeu_dash import auth, paths
from hbeu_dash.paths import ROOT
from hbeu_dash.store import CsvStore
from hbeu_dash.ui import auth as ui_auth
from hbeu_dash.views.registry import PAGES

APP = str(ROOT / "app.py")
PASSWORD = "correct horse battery"
ENTRY_PAGES = [p for p in PAGES if p.analyst_only]
PUBLIC_PAGES = [p for p in PAGES if not p.analyst_only]
OIDC = {
    "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
    "cookie_secret": "s" * 32,
    "client_id": "hbeu-dash",
    "client_secret": "secret",
    "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
}
HEADER = (
    "figure_id,indicator_id,city,value,value_text,period,as_of,source_id,speaker_zh,speaker_en,event_id,"
    "evidence,evidence_en,note_zh,note_en\n"
)
# A figure no page shows yet: Ulanqab's four-city service items, as a (made-up) later report would give them.
NEW_ROW = (
    "ulanqab-items-test,four_city_service_items,ulanqab,345,345项,,2025-02,0471tv-2025-02-01,,,,"
    "乌兰察布市四城通办事项达345项,Ulanqab's four-city service items reach 345,,\n"
)


@pytest.fixture(scope="module")
def stored() -> str:
    return auth.hash_password(PASSWORD)


@pytest.fixture
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app reads and writes a copy of data/ (never the repository's)."""
    folder = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, folder)
    monkeypatch.setattr(paths, "DATA_DIR", folder)
    return folder


@pytest.fixture(autouse=True)
def throttle(monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = auth.Throttle(free_per_user=50, free_per_address=50, clock=lambda: 1000.0)
    monkeypatch.setattr(ui_auth, "get_throttle", lambda: fresh)


def digest(folder: Path) -> dict[str, str]:
    """sha256 of every table file (the store's own .hbeu/ folder aside)."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.csv"))}


def open_app(stored: str, lang: str = "en") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["hbeu"] = {"accounts": {"wang": stored}}
    at.query_params["lang"] = lang
    return at.run()


def log_in(at: AppTest) -> AppTest:
    at.text_input(key="login_name").input("wang")
    at.text_input(key="login_password").input(PASSWORD)
    next(b for b in at.button if (b.key or "").startswith("FormSubmitter:login_form")).click()
    return at.run()


def reachable(at: AppTest, page_path: str) -> bool:
    """Whether the navigation of this session has the page (AppTest refuses to switch to an unregistered one)."""
    try:
        at.switch_page(page_path)
    except ValueError as exc:
        assert "Could not find a navigation page" in str(exc)
        return False
    return True


def shown(at: AppTest) -> str:
    parts = [e.value for e in [*at.title, *at.markdown, *at.caption, *at.info, *at.warning, *at.error, *at.success]]
    tables = [frame.value.to_csv() for frame in at.dataframe]
    return "\n".join(str(p) for p in parts + tables).replace("\\", "")


def upload(at: AppTest, name: str, content: bytes) -> AppTest:
    uploader = next(u for u in at.get("file_uploader") if (u.key or "").startswith("entry_upload_"))
    uploader.upload(name, content, "text/csv")
    return at.run()


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.url_path)
@pytest.mark.parametrize("who", ["anonymous", "analyst"])
def test_permission_matrix(page, who: str, stored: str, data_copy: Path) -> None:
    before = digest(data_copy)
    at = open_app(stored)
    if who == "analyst":
        log_in(at)
    can_reach = reachable(at, page.path)
    assert can_reach == (who == "analyst" or not page.analyst_only), (page.url_path, who)
    if can_reach:
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        uploaders = [u for u in at.get("file_uploader") if (u.key or "").startswith(("entry_upload_", "article_"))]
        assert bool(uploaders) == (page.url_path == "add-data"), "data entry only on the add-data page"
    if who == "anonymous":
        assert not any((b.key or "").endswith("-commit") or b.key == "history_undo" for b in at.button)
    assert digest(data_copy) == before


@pytest.mark.parametrize(("email", "analyst"), [("wang@example.org", True), ("li@example.org", False)])
def test_oidc_permission_follows_the_analyst_list(email: str, analyst: bool) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["auth"] = OIDC
    at.secrets["hbeu"] = {"analyst_emails": ["wang@example.org"]}
    at.user = {"is_logged_in": True, "email": email, "email_verified": True}
    at.run()
    for page in ENTRY_PAGES:
        assert reachable(at, page.path) == analyst, (page.url_path, email)


def test_upload_preview_commit_shows_everywhere_and_undo_restores(stored: str, data_copy: Path) -> None:
    before = digest(data_copy)
    at = log_in(open_app(stored))
    at.switch_page("app_pages/add_data.py").run()
    upload(at, "new.csv", (HEADER + NEW_ROW).encode())
    text = shown(at)
    assert "Preview (data version" in text and "1 new row(s), 0 changed" in text
    assert "ulanqab-items-test" in text
    assert digest(data_copy) == before, "nothing is written by a preview"
    at.button(key="upload-commit").click().run()
    assert not at.exception
    assert any("Committed " in s.value for s in at.success)
    assert not [m.value for m in at.toast], "the analyst's own commit is not told as news ('the data has changed')"
    after = digest(data_copy)
    assert after["figures.csv"] != before["figures.csv"]
    assert (data_copy / "figures.csv").read_text(encoding="utf-8").endswith(NEW_ROW)
    # Every page reads the new version on its next run: the explorer lists the row, the footer the version.
    version = CsvStore(data_copy).data_version()
    at.switch_page("app_pages/explorer.py").run()
    assert "50 rows" in shown(at) and f"Data version {version}" in shown(at)
    at.switch_page("app_pages/history.py").run()
    assert "wang" in shown(at) and "figures: 1 added, 0 changed, 0 removed" in shown(at)
    at.button(key="history_undo").click().run()
    assert any("Undid " in s.value for s in at.success)
    assert digest(data_copy) == before
    assert [r.action for r in CsvStore(data_copy).history()] == ["undo", "commit"]
    assert at.button(key="history_undo").label.startswith("Redo: undo the latest undo")


def test_problems_name_row_and_column_and_block_the_commit(stored: str, data_copy: Path) -> None:
    before = digest(data_copy)
    at = log_in(open_app(stored, lang="zh"))
    at.switch_page("app_pages/add_data.py").run()
    bad = NEW_ROW.replace(",ulanqab,345,", ",wulan,345,")
    upload(at, "bad.csv", (HEADER + NEW_ROW.replace("ulanqab-items-test", "ok-row") + bad).encode())
    problems = at.dataframe[0].value
    assert problems.iloc[0].tolist()[:4] == ["bad.csv", "3", "city", "wulan"]
    assert "第 3 行" in problems.iloc[0].tolist()[4]
    assert not [b for b in at.button if b.key == "upload-commit"], "no commit button while a problem remains"
    assert digest(data_copy) == before


def test_a_commit_click_after_the_login_ended_writes_nothing(stored: str, data_copy: Path) -> None:
    # The page was drawn for an analyst; then the deployer removed the account. The commit button the browser
    # still shows runs its callback before the page is drawn again: the login is checked there, and it is gone.
    before = digest(data_copy)
    at = log_in(open_app(stored))
    at.switch_page("app_pages/add_data.py").run()
    upload(at, "new.csv", (HEADER + NEW_ROW).encode())
    at.secrets["hbeu"] = {"accounts": {}}
    at.button(key="upload-commit").click().run()
    assert digest(data_copy) == before
    assert CsvStore(data_copy).history() == []
    assert not reachable(at, "app_pages/add_data.py")


def test_logout_drops_the_data_entry_pages(stored: str, data_copy: Path) -> None:
    at = log_in(open_app(stored))
    at.switch_page("app_pages/add_data.py").run()
    upload(at, "new.csv", (HEADER + NEW_ROW).encode())
    at.button(key="logout").click().run()
    assert not any(reachable(at, p.path) for p in ENTRY_PAGES)
    assert CsvStore(data_copy).history() == []


def test_two_analysts_commit_from_the_same_version_one_is_refused(stored: str, data_copy: Path) -> None:
    first, second = (log_in(open_app(stored)) for _ in range(2))
    for at, row in ((first, NEW_ROW), (second, NEW_ROW.replace("ulanqab-items-test", "ulanqab-items-other"))):
        at.switch_page("app_pages/add_data.py").run()
        upload(at, "new.csv", (HEADER + row).encode())
    first.button(key="upload-commit").click().run()
    second.button(key="upload-commit").click().run()
    assert any("Committed " in s.value for s in first.success)
    refused = " ".join(e.value for e in second.error)
    assert "Not committed: the data changed after this preview" in refused
    content = (data_copy / "figures.csv").read_text(encoding="utf-8")
    assert "ulanqab-items-test" in content and "ulanqab-items-other" not in content
    # The refused analyst sees a fresh preview against the new data and can commit it: nothing is lost.
    second.run()
    assert "1 new row(s)" in shown(second)
    second.button(key="upload-commit").click().run()
    assert "ulanqab-items-other" in (data_copy / "figures.csv").read_text(encoding="utf-8")
    assert len(CsvStore(data_copy).history()) == 2


ARTICLE = (
    "本报讯 2025年3月5日,呼包鄂乌四城政务服务协同推进会在包头召开。\n"
    "包头市政务服务局局长张某介绍,截至目前,包头市已累计办理“四城通办”业务12.5万件,“四城通办”事项达到236项。\n"
)
# What the analyst writes in the candidate tables: the English the engine cannot know.
ANALYST_FILLS = {
    "figures": {
        "evidence_en": "Baotou has handled 125,000 'four-city' cases in all",
        "speaker_en": "Zhang (Director, Baotou Government Services Bureau)",
    },
    "events": {"title_en": "Four-city government services meeting held in Baotou", "evidence_en": "On 5 March 2025"},
}


def test_an_analyst_turns_an_article_into_figures_commits_and_undoes(stored: str, data_copy: Path) -> None:
    # The "done when": log in, paste an article, accept its figures, preview with new conflicts, commit,
    # see them on the pages and in the briefing, undo.
    before = digest(data_copy)
    at = log_in(open_app(stored, lang="zh"))
    at.switch_page("app_pages/add_data.py").run()
    at.text_area[0].input(ARTICLE)
    for label, value in {
        "标题(原文)": "四城政务服务协同推进会召开",
        "英文标题": "Four-city government services meeting held",
        "媒体或发布机构(中文)": "测试日报",
        "媒体或发布机构(英文)": "Test Daily",
        "发布日期(YYYY-MM-DD)": "2025-03-06",
    }.items():
        next(w for w in at.text_input if w.label == label).input(value)
    next(b for b in at.button if (b.key or "").startswith("FormSubmitter:entry_article_form")).click().run()
    assert not at.exception, [e.value for e in at.exception]
    held = at.session_state["entry_article"]
    figures = held["figures"]
    assert figures["value_text"].tolist() == ["12.5万", "236"]
    assert figures["value"].astype(float).tolist() == [125_000, 236]
    assert figures["city"].tolist() == ["baotou", "baotou"]
    assert held["source_row"]["source_id"] == "test-daily-2025-03-06"
    # The analyst drops the second figure, writes the English of the first and of the event.
    figures.loc[0, list(ANALYST_FILLS["figures"])] = list(ANALYST_FILLS["figures"].values())
    figures.loc[1, "confidence"] = 0.0  # unticked ("accept" follows the engine's confidence until edited)
    held["events"].loc[0, list(ANALYST_FILLS["events"])] = list(ANALYST_FILLS["events"].values())
    held["events"].loc[0, "title_zh"] = "呼包鄂乌四城政务服务协同推进会在包头召开"
    at.run()
    at.button(key="article_check").click().run()
    assert not at.exception, [e.value for e in at.exception]
    text = shown(at)
    assert not at.error, [e.value for e in at.error]
    assert "新增 3 行" in text, text[-2000:]  # the source, one figure, one event
    assert digest(data_copy) == before
    at.button(key="article-commit").click().run()
    assert any("已提交" in s.value for s in at.success)
    figures_csv = (data_copy / "figures.csv").read_text(encoding="utf-8")
    assert "test-daily-2025-03-06-1" in figures_csv and "包头市已累计办理“四城通办”业务12.5万件" in figures_csv
    assert "test-daily-2025-03-06" in (data_copy / "sources.csv").read_text(encoding="utf-8")

    at.switch_page("app_pages/explorer.py").run()
    assert "共 50 行" in shown(at)
    at.switch_page("app_pages/services.py").run()
    assert "12.5万" in shown(at) or "125000" in shown(at)

    from hbeu_dash.filters import Filters
    from hbeu_dash.report.build import build_briefing_files
    from hbeu_dash.views.scope import load_scope

    briefing = build_briefing_files(load_scope(data_copy, Filters(lang="zh")), pdf=False)
    assert "包头市已累计办理“四城通办”业务12.5万件" in briefing.html.decode("utf-8")

    at.switch_page("app_pages/history.py").run()
    at.button(key="history_undo").click().run()
    assert digest(data_copy) == before


def test_html_in_committed_text_is_shown_as_text_on_every_page(stored: str, data_copy: Path) -> None:
    hostile = "<img src=x onerror=alert(1)><script>alert(2)</script>"
    row = NEW_ROW.removesuffix(",,\n") + f",备注{hostile},note {hostile}\n"
    at = log_in(open_app(stored))
    at.switch_page("app_pages/add_data.py").run()
    upload(at, "html.csv", (HEADER + row).encode())
    at.button(key="upload-commit").click().run()
    assert hostile in (data_copy / "figures.csv").read_text(encoding="utf-8"), "stored as written"
    for page in PUBLIC_PAGES:
        at.switch_page(page.path).run()
        assert not at.exception, (page.url_path, [e.value for e in at.exception])
        for element in at.markdown:
            assert "<script>" not in element.value and "<img" not in element.value, page.url_path
        for element in at.html:
            assert "<script>alert" not in element.proto.body and "<img src=x" not in element.proto.body
    at.switch_page("app_pages/explorer.py").run()
    assert any(hostile in frame.value.to_csv() for frame in at.dataframe), "shown as text in the explorer's table"
