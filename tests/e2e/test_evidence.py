"""The reader's paragraph in headless Chromium: from a KPI card's link, a chart point's click and the explorer's link
column, in zh and in en, the paragraph opens with the quoted words highlighted, and nothing leaves 127.0.0.1."""

from urllib.parse import parse_qs, urlparse

import pytest

from tests.e2e.conftest import ARTIFACTS, keep_on_loopback, wait_settled

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
SEARCH = {"zh": "搜索(名称、原文、说明)", "en": "Search (names, evidence, notes)"}
LINK_COLUMN = 7  # in the explorer: figure_id, sector, indicator, city, value, unit, as written, then the link


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
