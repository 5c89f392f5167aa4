"""Data entry in headless Chromium against a real server (its own secrets and copy of data/): anonymous readers
cannot open the data-entry pages by URL; an analyst logs in, uploads a table, sees the preview, commits, finds the
row on the explorer, and undoes it on the change history page; the article assistant proposes candidates."""

import hashlib
from pathlib import Path

import pytest

from hbeu_dash import auth
from tests.e2e.conftest import ARTIFACTS, _free_port, wait_settled
from tests.e2e.test_login import PASSWORD, app_server, context  # noqa: F401 (context is a fixture)

pytestmark = pytest.mark.e2e

HEADER = (
    "figure_id,indicator_id,city,value,value_text,period,as_of,source_id,speaker_zh,speaker_en,event_id,"
    "evidence,evidence_en,note_zh,note_en\n"
)
NEW_ROW = (
    "ulanqab-items-browser,four_city_service_items,ulanqab,345,345项,,2025-02,0471tv-2025-02-01,,,,"
    "乌兰察布市四城通办事项达345项,Ulanqab's four-city service items reach 345,,\n"
)
ARTICLE = (
    "本报讯 2025年3月5日,呼包鄂乌四城政务服务协同推进会在包头召开。\n"
    "包头市政务服务局局长张某介绍,截至目前,包头市已累计办理跨城通办业务12.5万件,同比增长30%。\n"
)


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.csv"))}


def main_text(page: object) -> str:
    return page.locator('[data-testid="stMain"]').inner_text()


def open_nav(page: object, name: str) -> None:
    """Go to a page through the sidebar navigation (a new URL would start a new session: logged out)."""
    page.locator('[data-testid="stSidebarNav"]').get_by_text(name, exact=True).click()
    wait_settled(page)


def test_anonymous_readers_cannot_open_data_entry(context: tuple, tmp_path: Path) -> None:  # noqa: F811
    ctx, refused = context
    secrets_toml = f'[hbeu.accounts]\nwang = "{auth.hash_password(PASSWORD)}"\n'
    with app_server(tmp_path, secrets_toml, _free_port(), "entry-anonymous") as app:
        before = digest(tmp_path / "data")
        page = ctx.new_page()
        for path in ("/add-data?lang=en", "/history?lang=en"):
            page.goto(app + path, wait_until="domcontentloaded", timeout=60_000)
            wait_settled(page)
            text = main_text(page)
            assert "Add data" not in text and "Change history" not in text, path
            assert page.locator('[data-testid="stFileUploader"]').count() == 0
            nav = page.locator('[data-testid="stSidebarNav"]').inner_text()
            assert "Add data" not in nav and "Change history" not in nav
        assert digest(tmp_path / "data") == before
        assert refused == []


def test_an_analyst_uploads_previews_commits_and_undoes(context: tuple, tmp_path: Path) -> None:  # noqa: F811
    ctx, refused = context
    secrets_toml = f'[hbeu.accounts]\nwang = "{auth.hash_password(PASSWORD)}"\n'
    upload = tmp_path / "new-figures.csv"
    upload.write_bytes((HEADER + NEW_ROW).encode())
    with app_server(tmp_path, secrets_toml, _free_port(), "entry-analyst") as app:
        data = tmp_path / "data"
        before = digest(data)
        page = ctx.new_page()
        page.goto(app + "/?lang=en", wait_until="domcontentloaded", timeout=60_000)
        wait_settled(page)
        page.get_by_text("Analyst login").click()
        page.get_by_label("User name").fill("wang")
        page.locator('input[type="password"]').fill(PASSWORD)
        page.get_by_role("button", name="Log in", exact=True).click()
        wait_settled(page)

        open_nav(page, "Add data")
        page.get_by_role("tab", name="Upload a table").click()
        page.locator('input[type="file"][accept*=".xlsx"]').set_input_files(str(upload))
        page.get_by_text("1 new row(s), 0 changed").wait_for(timeout=60_000)
        wait_settled(page)
        page.screenshot(path=str(ARTIFACTS / "entry-preview.png"), full_page=True)
        assert digest(data) == before, "a preview writes nothing"
        page.get_by_role("button", name="Commit", exact=True).click()
        page.get_by_text("Committed ").wait_for(timeout=60_000)
        assert (data / "figures.csv").read_text(encoding="utf-8").endswith(NEW_ROW)

        open_nav(page, "Data explorer")
        assert "50 rows" in main_text(page)
        open_nav(page, "Change history")
        page.get_by_role("button", name="Undo the latest commit").click()
        page.get_by_text("Undid ").wait_for(timeout=60_000)
        page.screenshot(path=str(ARTIFACTS / "entry-history.png"), full_page=True)
        assert digest(data) == before
        open_nav(page, "Data explorer")
        assert "49 rows" in main_text(page)
        assert refused == []


def test_the_article_assistant_proposes_candidates(context: tuple, tmp_path: Path) -> None:  # noqa: F811
    ctx, refused = context
    secrets_toml = f'[hbeu.accounts]\nwang = "{auth.hash_password(PASSWORD)}"\n'
    with app_server(tmp_path, secrets_toml, _free_port(), "entry-article") as app:
        page = ctx.new_page()
        page.goto(app + "/?lang=zh", wait_until="domcontentloaded", timeout=60_000)
        wait_settled(page)
        page.get_by_text("分析员登录").click()
        page.get_by_label("用户名").fill("wang")
        page.locator('input[type="password"]').fill(PASSWORD)
        page.get_by_role("button", name="登录", exact=True).click()
        wait_settled(page)
        open_nav(page, "添加数据")
        page.get_by_label("文章正文(粘贴)").fill(ARTICLE)
        page.get_by_label("标题(原文)").fill("四城政务服务协同推进会召开")
        page.get_by_label("英文标题").fill("Four-city government services meeting held")
        page.get_by_label("媒体或发布机构(中文)").fill("测试日报")
        page.get_by_label("媒体或发布机构(英文)").fill("Test Daily")
        page.get_by_label("发布日期(YYYY-MM-DD)").fill("2025-03-06")
        page.get_by_role("button", name="提取候选数字").click()
        page.get_by_text("个候选数字").wait_for(timeout=60_000)
        wait_settled(page)
        page.screenshot(path=str(ARTIFACTS / "entry-article.png"), full_page=True)
        text = main_text(page)
        assert "找到 " in text
        assert page.locator('[data-testid="stDataFrame"]').count() >= 2, "the source row and the candidates"
        assert refused == []
