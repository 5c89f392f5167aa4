"""Data entry in headless Chromium against a real server (its own secrets and copy of data/): anonymous readers
cannot open the data-entry pages by URL; an analyst logs in, uploads a table, sees the preview, commits, finds the
row on the explorer, and undoes it on the change history page; rows whose evidence does not stand in their own
source's archived text are refused naming row and column with the data folder byte-identical, and a source text
attached as a web page (the article kept, the page's menus not) proves them in the same commit; an analyst pastes an
article, reviews its candidates in the editable grids (unticks one, types the English, an evidence edited away from
the text is refused at once), previews, commits, finds it on the explorer and undoes it; an article whose figure
needs a new indicator shows the indicator the assistant proposes in its own grid, the analyst names it in English,
and the figure and its indicator are committed together.

The uploads cite the test sources of tests/test_entry_pages.py (a synthetic archived text, and a source with none).
Screenshots go to test-artifacts/e2e/."""

import csv
import hashlib
import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from hbeu_dash import auth
from hbeu_dash.model import schema
from tests.e2e.conftest import ARTIFACTS, _free_port, wait_settled
from tests.e2e.test_login import PASSWORD, app_server, context  # noqa: F401 (context is a fixture)
from tests.test_entry_pages import (  # the same article, English, test sources and rows as the AppTest flows
    ANALYST_FILLS,
    ARTICLE,
    FABRICATED,
    NO_TEXT,
    OTHER_SOURCE,
    TEXTED,
    UNTEXTED,
    add_test_sources,
    tree_digest,
)

pytestmark = pytest.mark.e2e


def _figure_rows(folder: Path) -> int:
    """The rows of a data folder's figures.csv, read with the csv module (not the app's loaders)."""
    with (folder / "figures.csv").open(encoding="utf-8-sig", newline="") as f:
        return sum(1 for _ in csv.DictReader(f))


HEADER = (
    "figure_id,indicator_id,city,value,value_text,period,as_of,source_id,speaker_zh,speaker_en,event_id,"
    "evidence,evidence_en,note_zh,note_en\n"
)
NEW_ROW = (
    f"ulanqab-items-browser,four_city_service_items,ulanqab,345,345项,,2025-02,{TEXTED},,,,"
    "乌兰察布市四城通办事项达345项,Ulanqab's four-city service items reach 345,,\n"
)
# The notice's page as a browser saves it: menus and a footer around the article (synthetic, like its text).
NOTICE_PAGE = """<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>测试公告</title></head><body>
<nav><ul><li><a href="/">首页</a></li><li><a href="/news">新闻中心</a></li><li><a href="/login">登录</a></li></ul></nav>
<div class="content"><article><h1>测试公告</h1>
<p>测试公告(为自动化测试编写的合成文本,不是真实报道)。本文用于检验看板从网页中只读取正文,而不读取菜单和页脚。</p>
<p>鄂尔多斯市已建成5G基站9876座,实现城区全覆盖。下一步将继续推进网络建设,方便四市群众办事。</p></article></div>
<footer><p>版权所有 © 测试网站 2025 备案号 测ICP备00000000号</p><p><a href="/about">关于我们</a></p></footer>
</body></html>"""
# The article editors' columns, as the grid shows them: "accept" first, the table's, the engine's confidence;
# figures' kind is hidden. The proposed indicators' grid has the table's columns only.
GRID_COLUMNS = {
    "figures": ["accept", *schema.TABLES_BY_NAME["figures"].columns, "confidence"],
    "indicators": list(schema.TABLES_BY_NAME["indicators"].columns),
    "events": ["accept", *schema.TABLES_BY_NAME["events"].columns, "confidence"],
}
EVENT_TITLE_ZH = "呼包鄂乌四城政务服务协同推进会在包头召开"
EDITED_EVIDENCE = "包头市已累计办理业务12.5万件"  # the number kept, the words changed: not in the article
RENAMED = "hohhot_ordos_daily_emu_trains"  # the id the analyst gives the proposed indicator


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.csv"))}


def main_text(page: object) -> str:
    return page.locator('[data-testid="stMain"]').inner_text()


def flash(page: object, start: str) -> object:
    """The success or error notice that starts with `start` (get_by_text alone would also match the page's intro,
    "...is committed only when you say so", at once: case-insensitive, anywhere in the text)."""
    return page.locator('[data-testid="stAlert"]').get_by_text(re.compile("^" + re.escape(start)))


def log_in(page: object, app: str, lang: str) -> None:
    """Open the app in `lang` and log in as the analyst through the sidebar's form."""
    page.goto(app + f"/?lang={lang}", wait_until="domcontentloaded", timeout=60_000)
    wait_settled(page)
    zh = lang == "zh"
    page.get_by_text("分析员登录" if zh else "Analyst sign-in").click()
    page.get_by_label("用户名" if zh else "User name").fill("wang")
    page.locator('input[type="password"]').fill(PASSWORD)
    page.get_by_role("button", name="登录" if zh else "Log in", exact=True).click()
    wait_settled(page)


def upload_table(page: object, path: Path) -> None:
    """Put a file in the table uploader (replacing the one there) and wait for the page to settle."""
    page.locator('input[type="file"][accept*=".xlsx"]').set_input_files(str(path))
    wait_settled(page)


PROBLEMS = re.compile(r"发现 \d+ 处问题|\d+ problem\(s\); nothing is written")


def problems_text(page: object) -> str:
    """The cells of the tables under the problems notice, as their accessibility tables hold them (a grid itself
    is a canvas; st.dataframe's key marks no element)."""
    page.locator('[data-testid="stAlert"]').get_by_text(PROBLEMS).wait_for(timeout=60_000)
    return "\n".join(page.locator('[data-testid="stDataFrame"] table').all_text_contents())


def problems_saying(page: object, expected: str, timeout_s: float = 60) -> str:
    """The problems' text once it holds `expected`: after a second upload the page can look settled before the new
    file's rerun has replaced the first file's problems (seen under load), so wait for the words, not for calm."""
    deadline = time.monotonic() + timeout_s
    text = problems_text(page)
    while expected not in text and time.monotonic() < deadline:
        page.wait_for_timeout(200)
        text = problems_text(page)
    return text


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
            # the stand-in: it names the page asked for and asks to sign in; none of the page's own parts
            assert "is for analysts: sign in to open it" in text, path
            assert page.locator('[data-testid="stFileUploader"]').count() == 0
            assert "Undo" not in text and "Commit" not in text, path
            nav = page.locator('[data-testid="stSidebarNav"]').inner_text()
            assert "Add data" not in nav and "Change history" not in nav
        assert digest(tmp_path / "data") == before
        assert refused == []


def test_an_analyst_uploads_previews_commits_and_undoes(context: tuple, tmp_path: Path) -> None:  # noqa: F811
    ctx, refused = context
    secrets_toml = f'[hbeu.accounts]\nwang = "{auth.hash_password(PASSWORD)}"\n'
    upload = tmp_path / "new-figures.csv"
    upload.write_bytes((HEADER + NEW_ROW).encode())
    with app_server(tmp_path, secrets_toml, _free_port(), "entry-analyst", add_test_sources) as app:
        data = tmp_path / "data"
        before = digest(data)
        page = ctx.new_page()
        page.goto(app + "/?lang=en", wait_until="domcontentloaded", timeout=60_000)
        wait_settled(page)
        page.get_by_text("Analyst sign-in").click()
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
        flash(page, "Committed ").wait_for(timeout=60_000)
        assert (data / "figures.csv").read_text(encoding="utf-8").endswith(NEW_ROW)

        open_nav(page, "Data explorer")
        assert f"{_figure_rows(data)} rows" in main_text(page)  # the one committed row among them
        open_nav(page, "Change history")
        page.get_by_role("button", name="Undo the latest commit").click()
        flash(page, "Undid ").wait_for(timeout=60_000)
        page.screenshot(path=str(ARTIFACTS / "entry-history.png"), full_page=True)
        assert digest(data) == before
        open_nav(page, "Data explorer")
        assert f"{_figure_rows(data)} rows" in main_text(page)  # undone
        assert refused == []


def refocus(cell: object) -> None:
    """Focus an accessibility cell, blurring it first when it has the focus already: after a rerun the grid can
    drop its selection while the page's focus stays on the cell, and focusing it again would then do nothing."""
    cell.evaluate("td => { if (document.activeElement === td) td.blur(); td.focus(); }")


def select_cell(page: object, grid: object, table: str, name: str, row: int) -> object:
    """Select the cell of column `name` in `row` of an article editor and return its accessibility cell.

    Glide draws st.data_editor on a canvas and keeps an accessibility table beneath it, for the columns in view
    only: cells glide-cell-<column, 1 = the first>-<row, 0 = the first>, headers with aria-colindex. Focusing such a
    cell selects it (a grid's very first focus selects its first cell instead: focus again until it took); a column
    out of view is reached with the arrow keys from the nearest cell in view, the grid scrolling along."""
    col = GRID_COLUMNS[table].index(name) + 1
    header = grid.locator(f'th[role="columnheader"][aria-colindex="{col}"]')
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        cell = grid.locator(f'td[role="gridcell"][id="glide-cell-{col}-{row}"]')
        if cell.count():
            shown = "采用" if name == "accept" else name  # the checkbox column's label
            assert header.text_content() == shown, f"{table} column {col} is {header.text_content()!r}, not {shown}"
            if cell.get_attribute("aria-selected") == "true":
                return cell
            refocus(cell)
        else:
            in_view = grid.evaluate(
                "(g, row) => [...g.querySelectorAll('td[role=gridcell]')].map(td => td.id.split('-'))"
                ".filter(p => Number(p[3]) === row).map(p => Number(p[2]))",
                row,
            )
            if not in_view:  # the accessibility table is being drawn again (a rerun): look again
                page.wait_for_timeout(100)
                continue
            edge_col, key = (max(in_view), "ArrowRight") if col > max(in_view) else (min(in_view), "ArrowLeft")
            edge = grid.locator(f'td[role="gridcell"][id="glide-cell-{edge_col}-{row}"]')
            if edge.get_attribute("aria-selected") == "true":
                page.keyboard.press(key)
            else:
                refocus(edge)
        page.wait_for_timeout(100)
    raise AssertionError(f"could not select {table}.{name} in row {row}")


def wake_grid(page: object, grid: object) -> None:
    """Give a grid the keyboard again after a click elsewhere (a button): once a grid has lost the focus to the
    page, focusing its accessibility cells no longer moves its selection. A click on a cell of the first row, in
    the middle of the grid (a text column, never the checkbox column at the far left), only selects that cell."""
    grid.evaluate("e => e.scrollIntoView({block: 'center'})")
    box = grid.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + 52)  # the header row is 35 px, a row 35 px
    page.wait_for_timeout(300)


def read_cell(page: object, grid: object, table: str, name: str, row: int) -> str:
    """The text of a cell as the grid now holds it. The accessibility table is redrawn when the selection moves,
    not when a checkbox is toggled: select another column of the row first."""
    columns = GRID_COLUMNS[table]
    other = columns[columns.index(name) + (1 if name == columns[0] else -1)]  # a neighbour: no long walk
    select_cell(page, grid, table, other, row)
    return select_cell(page, grid, table, name, row).text_content()


def edit_cell(page: object, grid: object, table: str, name: str, row: int, text: str) -> None:
    """Type `text` into a cell the way an analyst does: select it, Enter opens Glide's editor (a textarea in the
    page's overlay portal), the text replaces the cell's, Tab commits; then the app reruns with the edit. Again if
    the editor did not open (a rerun can drop the grid's selection just after it was made)."""
    for _ in range(3):
        select_cell(page, grid, table, name, row)
        page.keyboard.press("Enter")
        editor = page.locator("#portal textarea.gdg-input")
        try:
            editor.wait_for(timeout=5_000)
        except PlaywrightTimeout:
            continue
        editor.fill(text)
        page.keyboard.press("Tab")  # Enter would move down, onto the "add row" row after the last: no twin cell
        editor.wait_for(state="detached", timeout=10_000)
        wait_settled(page)
        break
    assert read_cell(page, grid, table, name, row) == text, f"{table}.{name} row {row}"


def set_checkbox(page: object, grid: object, table: str, name: str, row: int, value: bool) -> None:
    """Tick or untick a checkbox cell: select it, Space (a keyboard activation of a checkbox toggles it); read it
    back before pressing again, so a press lost to a rerun is made once more and a taken one never twice."""
    want = "true" if value else "false"
    for _ in range(3):
        if read_cell(page, grid, table, name, row) == want:
            return
        select_cell(page, grid, table, name, row)
        page.keyboard.press("Space")
        wait_settled(page)
    assert read_cell(page, grid, table, name, row) == want, f"{table}.{name} row {row}"


def test_an_analyst_reviews_article_candidates_in_the_grids_commits_and_undoes(
    context: tuple,  # noqa: F811
    tmp_path: Path,
) -> None:
    # The "done when", in the browser: log in, paste an article, untick one candidate and type the English
    # of the other and of the event in the grids, preview, commit, see it on the explorer, undo.
    ctx, refused = context
    secrets_toml = f'[hbeu.accounts]\nwang = "{auth.hash_password(PASSWORD)}"\n'
    with app_server(tmp_path, secrets_toml, _free_port(), "entry-article", add_test_sources) as app:
        data = tmp_path / "data"
        before = digest(data)
        page = ctx.new_page()
        page.goto(app + "/?lang=zh", wait_until="domcontentloaded", timeout=60_000)
        wait_settled(page)
        page.get_by_text("分析员登录").click()
        page.get_by_label("用户名").fill("wang")
        page.locator('input[type="password"]').fill(PASSWORD)
        page.get_by_role("button", name="登录", exact=True).click()
        wait_settled(page)
        expect(page.locator('[data-testid="stSidebar"]')).to_contain_text("已登录：wang（分析员）", timeout=30_000)
        open_nav(page, "添加数据")
        page.get_by_label("文章正文（粘贴）").fill(ARTICLE)
        page.get_by_label("标题（原文）").fill("四城政务服务协同推进会召开")
        page.get_by_label("英文标题").fill("Four-city government services meeting held")
        page.get_by_label("媒体或发布机构（中文）").fill("测试日报")
        page.get_by_label("媒体或发布机构（英文）").fill("Test Daily")
        page.get_by_label("发布日期（YYYY-MM-DD）").fill("2025-03-06")
        page.get_by_role("button", name="提取候选数字").click()
        page.get_by_text("找到 2 个候选数字和 1 个候选事件").wait_for(timeout=60_000)
        wait_settled(page)
        page.screenshot(path=str(ARTIFACTS / "entry-article.png"), full_page=True)
        frames = page.locator('[data-testid="stDataFrame"]')
        assert frames.count() == 4, "the source row, the figures, the proposed indicators (none here), the events"
        figures, events = frames.nth(1), frames.nth(3)
        assert [read_cell(page, figures, "figures", "value_text", row) for row in (0, 1)] == ["12.5万", "236"]
        assert [read_cell(page, figures, "figures", "accept", row) for row in (0, 1)] == ["true", "true"]
        set_checkbox(page, figures, "figures", "accept", 1, False)  # the analyst drops 236
        assert read_cell(page, figures, "figures", "accept", 0) == "true"
        for table, grid in (("figures", figures), ("events", events)):
            for name, text in ANALYST_FILLS[table].items():
                edit_cell(page, grid, table, name, 0, text)
        edit_cell(page, events, "events", "title_zh", 0, EVENT_TITLE_ZH)  # the engine left "本报讯 ," in front
        assert read_cell(page, figures, "figures", "accept", 1) == "false"  # and back to the first column in view
        figures.evaluate("e => e.scrollIntoView({block: 'center'})")  # the page scrolls inside stMain: not full_page
        page.screenshot(path=str(ARTIFACTS / "entry-article-grid.png"))

        page.get_by_role("button", name="检查并预览").click()
        page.get_by_role("button", name="提交", exact=True).wait_for(timeout=60_000)
        wait_settled(page)
        page.get_by_text("预览（数据版本").evaluate("e => e.scrollIntoView({block: 'start'})")
        page.screenshot(path=str(ARTIFACTS / "entry-article-preview.png"))
        text = main_text(page)
        assert "新增 3 行" in text, text[-2000:]  # the source, one figure, one event
        assert "提交后将出现新的数值冲突" in text, "12.5万 against the cases already reported for Baotou"
        assert "处问题" not in text
        assert "这篇文章就是来源 test-daily-2025-03-06 的原文" in text and "本次提交将存档以下来源原文" in text

        # An evidence edited to words the article does not have is refused at once (no button pressed), naming
        # its row and column; put back, it is committable again.
        wake_grid(page, figures)
        evidence = read_cell(page, figures, "figures", "evidence", 0)
        edit_cell(page, figures, "figures", "evidence", 0, EDITED_EVIDENCE)
        problems = problems_text(page)
        assert "候选数字 第 1 行“evidence”列" in problems, problems
        assert "未逐字出现在来源 test-daily-2025-03-06 的存档原文中" in problems, problems
        assert page.get_by_role("button", name="提交", exact=True).count() == 0
        page.locator('[data-testid="stAlert"]').get_by_text(PROBLEMS).scroll_into_view_if_needed()
        page.screenshot(path=str(ARTIFACTS / "entry-article-refused.png"))
        edit_cell(page, figures, "figures", "evidence", 0, evidence)
        page.get_by_role("button", name="提交", exact=True).wait_for(timeout=60_000)
        assert digest(data) == before, "a preview writes nothing"
        page.get_by_role("button", name="提交", exact=True).click()
        flash(page, "已提交 ").wait_for(timeout=60_000)
        wait_settled(page)
        figures_csv = (data / "figures.csv").read_text(encoding="utf-8")
        assert "test-daily-2025-03-06-1," in figures_csv and "test-daily-2025-03-06-2," not in figures_csv
        assert all(text in figures_csv for text in ANALYST_FILLS["figures"].values()), "the typed English is kept"
        events_csv = (data / "events.csv").read_text(encoding="utf-8")
        assert all(text in events_csv for text in [EVENT_TITLE_ZH, *ANALYST_FILLS["events"].values()])
        assert "本报讯 ," not in events_csv
        assert "test-daily-2025-03-06" in (data / "sources.csv").read_text(encoding="utf-8")

        open_nav(page, "数据")
        assert f"共 {_figure_rows(data)} 行" in main_text(page)  # the one accepted candidate among them
        open_nav(page, "修改记录")
        page.get_by_role("button", name="撤销最近一次提交").click()
        flash(page, "已撤销 ").wait_for(timeout=60_000)
        assert digest(data) == before
        assert refused == []


def test_an_analyst_commits_a_figure_with_the_new_indicator_the_assistant_proposes(
    context: tuple,  # noqa: F811
    tmp_path: Path,
) -> None:
    # A figure no existing indicator fits: the assistant proposes one in its own grid beside the figures; the analyst
    # names it in English there and writes the figure's English; both are previewed and committed in one commit.
    from tests.test_entry_indicators import FORM, NAME_EN, NEW_ARTICLE, SOURCE

    ctx, refused = context
    secrets_toml = f'[hbeu.accounts]\nwang = "{auth.hash_password(PASSWORD)}"\n'
    with app_server(tmp_path, secrets_toml, _free_port(), "entry-indicator", add_test_sources) as app:
        data = tmp_path / "data"
        before = digest(data)
        page = ctx.new_page()
        log_in(page, app, "zh")
        open_nav(page, "添加数据")
        page.get_by_label("文章正文（粘贴）").fill(NEW_ARTICLE)
        for name, value in FORM.items():
            page.get_by_label(name).fill(value)
        page.get_by_role("button", name="提取候选数字").click()
        page.get_by_text("找到 1 个候选数字").wait_for(timeout=60_000)
        wait_settled(page)
        assert "候选新指标" in main_text(page)
        frames = page.locator('[data-testid="stDataFrame"]')
        assert frames.count() == 4, "the source row, the figures, the proposed indicators, the events"
        figures, indicators = frames.nth(1), frames.nth(2)
        assert read_cell(page, figures, "figures", "indicator_id", 0) == "transport_trains_per_day"
        assert read_cell(page, indicators, "indicators", "indicator_id", 0) == "transport_trains_per_day"
        assert read_cell(page, indicators, "indicators", "unit_en", 0) == "trains per day"
        assert read_cell(page, indicators, "indicators", "name_en", 0) == "", "no invented English name"
        edit_cell(page, indicators, "indicators", "name_en", 0, NAME_EN)
        # The analyst gives it a better id: the figure citing it follows (its grid still shows the proposed id).
        edit_cell(page, indicators, "indicators", "indicator_id", 0, RENAMED)
        edit_cell(page, figures, "figures", "evidence_en", 0, "18 EMU trains a day run from Hohhot to Ordos")
        indicators.evaluate("e => e.scrollIntoView({block: 'center'})")
        page.screenshot(path=str(ARTIFACTS / "entry-article-indicator-grid.png"))

        page.get_by_role("button", name="检查并预览").click()
        page.get_by_role("button", name="提交", exact=True).wait_for(timeout=60_000)
        wait_settled(page)
        text = main_text(page)
        assert "新增 3 行" in text, text[-2000:]  # the source, the indicator, the figure
        assert "新增的行：指标" in text and "处问题" not in text, "the renamed indicator is cited: no dangling id"
        page.get_by_text("新增的行：指标").scroll_into_view_if_needed()
        page.screenshot(path=str(ARTIFACTS / "entry-article-indicator-preview.png"))
        assert digest(data) == before, "a preview writes nothing"
        page.get_by_role("button", name="提交", exact=True).click()
        flash(page, "已提交 ").wait_for(timeout=60_000)
        indicators_csv = (data / "indicators.csv").read_text(encoding="utf-8")
        assert f'{RENAMED},transport,呼和浩特至鄂尔多斯每日开行动车,"{NAME_EN}",趟/日,' in indicators_csv
        assert f"{SOURCE}-1,{RENAMED},hohhot,18," in (data / "figures.csv").read_text(encoding="utf-8")
        open_nav(page, "修改记录")
        history = "\n".join(page.locator('[data-testid="stDataFrame"] table').all_text_contents())
        assert "指标：新增 1，修改 0，删除 0" in history, "one commit: the indicator with the figure and the source"
        assert "数字：新增 1，修改 0，删除 0" in history, history
        assert refused == []


def choose(page: object, key: str, option: str) -> None:
    """Pick an option of a select box by its key (Streamlit marks a keyed widget's container with st-key-<key>)."""
    page.locator(f".st-key-{key}").click()
    page.get_by_role("option", name=option, exact=True).click()


def test_unproven_rows_are_refused_and_a_source_text_attached_in_the_browser_proves_them(
    context: tuple,  # noqa: F811
    tmp_path: Path,
) -> None:
    ctx, refused = context
    secrets_toml = f'[hbeu.accounts]\nwang = "{auth.hash_password(PASSWORD)}"\n'
    files = {name: tmp_path / f"{name}.csv" for name in ("fabricated", "other", "untexted")}
    for name, row in zip(files, (FABRICATED, OTHER_SOURCE, NO_TEXT), strict=True):
        files[name].write_bytes((HEADER + row).encode())
    page_file = tmp_path / "notice.html"
    page_file.write_text(NOTICE_PAGE, encoding="utf-8")
    with app_server(tmp_path, secrets_toml, _free_port(), "entry-texts", add_test_sources) as app:
        data = tmp_path / "data"
        before = tree_digest(data)
        page = ctx.new_page()
        log_in(page, app, "zh")
        open_nav(page, "添加数据")
        page.get_by_role("tab", name="上传表格").click()

        # Refused before any preview, naming row and column in the analyst's language; nothing written.
        upload_table(page, files["fabricated"])
        text = problems_text(page)
        assert "fabricated.csv 第 2 行“evidence”列" in text
        assert "未逐字出现在来源 meeting8-interviews 的存档原文中" in text, text
        page.locator('[data-testid="stAlert"]').get_by_text(PROBLEMS).scroll_into_view_if_needed()
        page.screenshot(path=str(ARTIFACTS / "entry-refused-fabricated.png"))
        upload_table(page, files["other"])
        assert "却出现在 meeting8-interviews 的原文中" in problems_saying(page, "却出现在")
        upload_table(page, files["untexted"])
        untexted = f"来源 {UNTEXTED} 没有存档原文；请先附上来源原文"
        assert untexted in problems_saying(page, untexted)
        assert page.get_by_role("button", name="提交", exact=True).count() == 0
        assert tree_digest(data) == before, "refused: the data folder is byte-identical"

        # The analyst attaches the notice as the web page it was saved as: only its article is read.
        choose(page, "entry_text_source_0", f"{UNTEXTED}（没有存档原文）")
        page.locator('.st-key-entry_text_file_0 input[type="file"]').set_input_files(str(page_file))
        page.get_by_role("button", name="读取原文").click()
        wait_settled(page)
        main = main_text(page)
        assert f"{UNTEXTED}：" in main and "来自：notice.html" in main
        assert "鄂尔多斯市已建成5G基站9876座" in main and "首页" not in main and "版权所有" not in main
        page.get_by_text("本次提交将存档以下来源原文").wait_for(timeout=60_000)
        assert "新增 1 行，修改 1 行" in main_text(page)
        page.get_by_text("读到的开头几行").scroll_into_view_if_needed()
        page.screenshot(path=str(ARTIFACTS / "entry-text-attached.png"))
        assert tree_digest(data) == before, "a preview writes nothing"
        page.get_by_role("button", name="提交", exact=True).click()
        flash(page, "已提交 ").wait_for(timeout=60_000)
        assert (data / "figures.csv").read_text(encoding="utf-8").endswith(NO_TEXT)
        archived = sorted((data / ".hbeu" / "texts").glob("*.txt"))
        assert len(archived) == len([p for p in before if p.startswith(".hbeu/texts/")]) + 1

        open_nav(page, "修改记录")
        history = "\n".join(page.locator('[data-testid="stDataFrame"] table').all_text_contents())
        assert "存档原文" in history and f"({UNTEXTED})" in history, history
        page.screenshot(path=str(ARTIFACTS / "entry-history-texts.png"))
        page.get_by_role("button", name="撤销最近一次提交").click()
        flash(page, "已撤销 ").wait_for(timeout=60_000)
        assert digest(data) == {k: v for k, v in before.items() if k.endswith(".csv") and "/" not in k}
        assert refused == []
