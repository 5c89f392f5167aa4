"""The overview answers in ten seconds: at 1920×1080 and 1366×768, in zh and en, the headline band and the figures
grouped by sector are on screen without scrolling; the trend page opens from a card and keeps its indicator."""

from urllib.parse import parse_qs, urlparse

import pytest

from tests.e2e.conftest import ARTIFACTS, wait_settled

pytestmark = pytest.mark.e2e

SIZES = [(1920, 1080), (1366, 768)]
# The headline band's labels and the sector groups' headings, as a reader sees them (i18n, written out here).
BAND = {
    "zh": ["变化最大", "最新报告", "待核冲突", "最近一次会议"],
    "en": ["Biggest change", "Newest report", "Open conflicts", "Latest meeting"],
}
GROUPS = {
    "zh": ["政务服务", "交通", "科技创新", "合作与规划"],
    "en": ["Government services", "Transport", "Science & innovation", "Cooperation & planning"],
}

BOXES_JS = """() => {
    const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
    return {
        height: window.innerHeight,
        width: document.documentElement.clientWidth,
        scrolled: document.querySelector('[data-testid="stMain"]').scrollTop || window.scrollY,
        band: [...document.querySelectorAll('.hl-item')].map(e => [e.querySelector('.hl-label').innerText, box(e)]),
        groups: [...document.querySelectorAll('.ov-group')].map(e => [e.querySelector('.ov-title').innerText, box(e)]),
        cards: [...document.querySelectorAll('.ov-group .kpi-card')].map(box),
    };
}"""


def _overlap(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] - 1 and b[1] < a[3] - 1


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_headline_band_and_the_groups_fit_the_first_screen(
    browser: object, server: str, lang: str, width: int, height: int
) -> None:
    ctx = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
    try:
        page = ctx.new_page()
        page.goto(f"{server}/?lang={lang}", wait_until="domcontentloaded", timeout=60_000)
        wait_settled(page)
        page.screenshot(path=str(ARTIFACTS / f"overview-first-screen-{lang}-{width}x{height}.png"))
        boxes = page.evaluate(BOXES_JS)
    finally:
        ctx.close()
    assert boxes["scrolled"] == 0
    assert [label for label, _ in boxes["band"]] == BAND[lang]
    assert [title for title, _ in boxes["groups"]] == GROUPS[lang]
    screen = boxes["height"]
    for label, (left, top, right, bottom) in boxes["band"] + boxes["groups"]:
        assert 0 <= top and bottom <= screen, (label, top, bottom, screen)
        assert 0 <= left and right <= boxes["width"], (label, left, right)
    placed = [b for _, b in boxes["band"]] + [b for _, b in boxes["groups"]]
    for i, a in enumerate(placed):
        for b in placed[i + 1 :]:
            assert not _overlap(a, b), (a, b)
    assert len(boxes["cards"]) == 11


def test_a_card_opens_its_trend_and_the_url_carries_the_indicator(open_page) -> None:
    watched = open_page("/?lang=en&city=hohhot,baotou")
    page = watched.page
    page.locator(".ov-group .kpi-lead").first.get_by_role("link", name="Trend →").click()
    page.wait_for_url("**/trends?**", timeout=30_000)
    wait_settled(page)
    query = parse_qs(urlparse(page.url).query)
    assert query["indicator"] == ["four_city_service_items"]
    assert query["lang"] == ["en"] and query["city"] == ["hohhot,baotou"]
    text = page.locator('[data-testid="stMain"]').inner_text()
    assert "Four-city service items over time" in text
    assert "Four-city service items: the four" in text and "cities side by side" in text  # its title wrapped
    # Ordos and Ulanqab are filtered out, yet keep their places in the comparison, marked as such
    comparison = page.locator('[data-testid="stPlotlyChart"]').nth(1)
    assert comparison.get_by_text("not selected (filter)").count() == 2
    assert comparison.get_by_text("not reported").count() == 0
    assert watched.external == []


def test_an_unknown_indicator_in_the_url_is_told_and_the_page_still_works(open_page) -> None:
    page = open_page("/trends?lang=zh&indicator=%3Cscript%3Ealert(1)%3C%2Fscript%3E").page
    text = page.locator('[data-testid="stMain"]').inner_text()
    assert "网址中的指标“<script>alert(1)</script>”不在所选城市和领域的数据中" in text
    assert page.locator('[data-testid="stPlotlyChart"] .main-svg').count() >= 2
    assert page.locator('[data-testid="stException"]').count() == 0


def test_the_overview_sends_a_chart_s_table_only_when_it_is_opened(open_page) -> None:
    page = open_page("/?lang=en").page
    grids = page.locator('[data-testid="stDataFrame"]')
    assert grids.count() == 0  # the first screen loads without a data grid
    page.get_by_text("Chart data as a table").first.click()  # the trend beside the comparison: one chart
    grids.first.wait_for(timeout=30_000)
    wait_settled(page)
    assert grids.count() == 1
    # the table's rows: Hohhot's two reports, Baotou's, then Ordos and Ulanqab not reported (canvas grid: its aria)
    cells = page.locator('[data-testid="stDataFrame"] [role="gridcell"]').all_inner_texts()
    assert sum("not reported" in c for c in cells) == 2, cells


def test_cards_draw_their_sparklines_and_say_what_changed(open_page) -> None:
    page = open_page("/transport?lang=en").page
    sparks = page.locator("img.kpi-spark")
    # three cards of the transport page have an earlier point: the EMU journey, the local trains, Beijing North
    assert sparks.count() == 3
    drawn = sparks.evaluate_all("els => els.map(e => e.complete && e.naturalWidth > 0 && e.offsetWidth > 0)")
    assert drawn == [True, True, True]
    changes = page.locator(".kpi-change").all_inner_texts()
    assert any("144 minutes (8 Jan 2015) → 134 minutes (24 Jan 2016)" in c for c in changes), changes
