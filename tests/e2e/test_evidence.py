"""The reader's paragraph in headless Chromium: from a KPI card's link, a chart point's click and the explorer's link
column, in zh and in en, the paragraph opens with the quoted words highlighted, and nothing leaves 127.0.0.1; a row
whose English evidence is not written yet shows its Chinese words under lang="zh" with the pending mark."""

import os
from collections.abc import Iterator
from urllib.parse import parse_qs, urlparse

import pytest

from tests.conftest import blank_evidence_en, copy_data
from tests.e2e.conftest import ARTIFACTS, keep_on_loopback, streamlit_server, wait_settled

pytestmark = pytest.mark.e2e

# Hohhot's four-city service items (figures.csv): 561 in the 8th meeting interviews, 1412 in Qingcheng Media.
ITEMS_561 = "以首府为例,通办事项已达561项"
ITEMS_1412 = "实现“四城通办”事项1412项"
WORDS = {
    "zh": {"card": "561 / 1412项", "bar": "1412项", "clicked": "所点数据的原文段落", "open": "在单独页面打开这些段落"},
    "en": {
        "card": "561 / 1,412 items",
        "bar": "1,412 items",
        "clicked": "The paragraph behind the point you clicked",
        "open": "Open these paragraphs on their own page",
    },
}
SEARCH = {"zh": "搜索（名称、原文、说明）", "en": "Search (names, evidence, notes)"}
LINK_COLUMN = 8  # in the explorer: figure_id, sector, indicator, its trend, city, value, unit, as written, the link


def marked(page: object) -> list[str]:
    """The highlighted fragments on the page, in order."""
    return page.locator('[data-testid="stMain"] mark').all_inner_texts()


def open_paragraph_tab(page: object, click: object, lang: str, refused: list[str]) -> object:
    """Click a link that opens the reader's page in a new tab; that tab, settled, after checking its address."""
    with page.context.expect_page(timeout=30_000) as info:
        click()
    tab = info.value
    tab.wait_for_load_state("domcontentloaded")
    wait_settled(tab)
    assert urlparse(tab.url).path == "/evidence"
    assert parse_qs(urlparse(tab.url).query).get("lang", ["zh"]) == [lang]
    assert tab.locator('[data-testid="stException"]').count() == 0
    assert refused == [], f"requests left the machine: {refused}"
    return tab


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_card_opens_the_paragraphs_of_its_reports(open_page, lang: str) -> None:
    watched = open_page(f"/?lang={lang}")
    refused: list[str] = []
    keep_on_loopback(watched.page.context, refused)
    card = watched.page.locator(".kpi-card", has_text=WORDS[lang]["card"])
    tab = open_paragraph_tab(watched.page, card.locator("a.kpi-source").click, lang, refused)
    assert marked(tab) == [ITEMS_561, ITEMS_1412]  # both reports of the disagreement, each in its paragraph
    text = tab.locator('[data-testid="stMain"]').inner_text()
    assert "纳入通办范围。" in text  # the sentence before the fragment: its paragraph, not the fragment alone
    assert ("Taking the regional capital as an example" in text) == (lang == "en")
    tab.screenshot(path=str(ARTIFACTS / f"evidence-card-{lang}.png"))
    assert watched.console_errors == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_chart_point_shows_its_paragraph_and_opens_it_on_its_own_page(open_page, lang: str) -> None:
    watched = open_page(f"/services?lang={lang}")
    page = watched.page
    chart = page.locator('[data-testid="stPlotlyChart"]').first
    bar = chart.locator("g.trace.bars g.point", has_text=WORDS[lang]["bar"]).locator("path")
    bar.scroll_into_view_if_needed()
    box = bar.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)  # plotly takes the clicked point from the hover
    page.wait_for_timeout(300)
    page.mouse.click(x, y)
    page.get_by_text(WORDS[lang]["clicked"]).wait_for(timeout=30_000)
    wait_settled(page)
    assert marked(page) == [ITEMS_1412], "the paragraph of the bar clicked, under the chart"
    page.screenshot(path=str(ARTIFACTS / f"evidence-point-{lang}.png"))
    page.get_by_role("link", name=WORDS[lang]["open"]).click()
    page.wait_for_url("**/evidence?**", timeout=30_000)
    wait_settled(page)
    assert parse_qs(urlparse(page.url).query)["fig"] == ["hohhot-service-items-b"]
    assert marked(page) == [ITEMS_1412]
    assert page.locator('[data-testid="stException"]').count() == 0
    assert watched.external == [] and watched.console_errors == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_explorer_row_opens_its_paragraph(open_page, lang: str) -> None:
    watched = open_page(f"/explorer?lang={lang}")
    page = watched.page
    refused: list[str] = []
    keep_on_loopback(page.context, refused)
    page.get_by_label(SEARCH[lang]).fill("1412")
    page.keyboard.press("Enter")
    page.wait_for_function(  # the grid of one row (a header and a row: 73 px), not the 49 rows it showed before
        "() => { const g = document.querySelector('[data-testid=\"stDataFrame\"]');"
        " return g && g.getBoundingClientRect().height < 100; }",
        timeout=30_000,
    )
    wait_settled(page)
    grid = page.locator('[data-testid="stDataFrame"]').first.bounding_box()
    page.mouse.click(grid["x"] + 20, grid["y"] + 35 + 17)  # the first cell of the one row
    for _ in range(LINK_COLUMN):
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")  # the link cell opens with its link
    link = page.locator("a.gdg-link-area")
    assert link.inner_text().startswith("原文段落" if lang == "zh" else "In the source")
    tab = open_paragraph_tab(page, link.click, lang, refused)
    assert parse_qs(urlparse(tab.url).query)["fig"] == ["hohhot-service-items-b"]
    assert marked(tab) == [ITEMS_1412]
    assert watched.console_errors == []


PLAN = "2021年10月,内蒙古自治区印发《呼包鄂乌“十四五”一体化发展规划》"  # plan-14th-fyp's evidence begins so


@pytest.fixture(scope="module")
def pending_server(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on a copy of data/ whose rows named in tests/conftest.py PENDING_ROWS have no evidence_en (among them
    hohhot-service-items-b and plan-14th-fyp); yields its URL."""
    data = copy_data(tmp_path_factory.mktemp("pending") / "data")
    blank_evidence_en(data)
    with streamlit_server("server-pending", env={**os.environ, "HBEU_DATA_DIR": str(data)}) as base:
        yield base


def pending_mark(page: object, words: str) -> tuple[object, object]:
    """The element under lang="zh" holding `words` and the pending mark beside it, both visible on the page."""
    chinese = page.locator('[data-testid="stMain"] [lang="zh"]', has_text=words).first
    mark = page.locator('[data-testid="stMain"] .evidence-pending', has_text="English evidence pending").first
    chinese.scroll_into_view_if_needed()
    assert chinese.is_visible() and mark.is_visible()
    return chinese, mark


def test_an_english_page_shows_chinese_evidence_under_lang_zh_with_the_pending_mark(
    browser: object, pending_server: str
) -> None:
    ctx = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="en-GB")
    refused: list[str] = []
    keep_on_loopback(ctx, refused)
    page = ctx.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" and "404" not in m.text else None)
    try:
        # The paragraph page of Hohhot's 1412 items: the Chinese paragraph, the fragment marked, then the mark where
        # the English rendering would stand.
        page.goto(f"{pending_server}/evidence?fig=hohhot-service-items-b&lang=en", wait_until="domcontentloaded")
        wait_settled(page)
        chinese, mark = pending_mark(page, ITEMS_1412)
        assert chinese.locator("mark").inner_text() == ITEMS_1412
        assert mark.inner_text() == "English evidence pending"
        assert mark.evaluate("m => getComputedStyle(m).fontStyle") == "italic"  # set apart from a rendering
        assert page.locator('[data-testid="stMain"]').get_by_text("In English").count() == 0
        page.screenshot(path=str(ARTIFACTS / "evidence-pending-en.png"), full_page=True)
        # The timeline's event card quotes the plan: “<span lang=zh>…</span>” [English evidence pending].
        page.goto(f"{pending_server}/timeline?lang=en", wait_until="domcontentloaded")
        wait_settled(page)
        card = page.locator(".event-card", has_text=PLAN).first
        quote = card.locator("blockquote").first
        assert quote.locator('[lang="zh"]').inner_text().startswith(PLAN)
        assert quote.locator(".evidence-pending").inner_text() == "English evidence pending"
        assert "[English evidence pending]" in quote.inner_text()
        quote.scroll_into_view_if_needed()
        quote.screenshot(path=str(ARTIFACTS / "event-pending-en.png"))
        # In Chinese the same card reads as before: the words, no mark.
        page.goto(f"{pending_server}/timeline?lang=zh", wait_until="domcontentloaded")
        wait_settled(page)
        text = page.locator(".event-card", has_text=PLAN).first.inner_text()
        assert "英文译文待补" not in text and "English evidence pending" not in text
        assert page.locator('[data-testid="stException"]').count() == 0
        assert refused == [] and errors == []
    finally:
        ctx.close()
