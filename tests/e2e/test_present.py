"""The presenter's slides in headless Chromium at 1080 p and 720 p: every slide in zh and en, arrow keys, big type,
nothing cut off or overlapping (a slide's message, chart and quoted evidence included), no sidebar, the dark theme,
nothing leaving the machine."""

import contextlib
import itertools
import re
import time
from collections.abc import Iterator
from urllib.parse import parse_qs, urlparse

import pytest

from tests.e2e.conftest import ARTIFACTS, wait_settled

pytestmark = pytest.mark.e2e

SLIDES = 13
SIZES = {"1080p": (1920, 1080), "720p": (1280, 720)}
# A text each slide must show (zh, en): from data/figures.csv, projects.csv, events.csv and the slide titles.
EXPECTED = {
    1: ("117班次/日", "117 trains per day"),  # daily trains from Hohhot (figures.csv hohhot-daily-trains)
    2: ("8趟（2020年12月）→ 10趟", "8 trains (Dec 2020) → 10 trains"),  # the biggest change: trains to Beijing North
    3: ("鄂尔多斯 未报告", "Ordos not reported"),  # the four cities side by side: Ordos reports no service items
    4: ("呼和浩特–乌兰察布40分钟", "Hohhot–Ulanqab 40 minutes"),  # the HSR within the 1-hour rail circle
    5: ("单程需两个多小时", "more than two hours"),  # the Hohhot–Baotou drive, over the 2-hour road circle
    6: ("四城通办", "Four-city service items"),
    7: ("呼包两地通办事项", "Hohhot–Baotou shared service items"),
    8: ("创新联合体", "innovation consortia"),
    9: ("鄂尔多斯", "Ordos"),
    10: ("四市位置", "Where the four cities are"),
    11: ("运营中", "In operation"),  # a stage of the tracker summary
    12: ("合作进程", "Cooperation timeline"),
    13: ("来源不一致", "disagree"),
}
# The slides whose message stands above a chart (and, for the targets, the quoted evidence under it).
MESSAGE_SLIDES = (2, 3, 4, 5)

LAYOUT_JS = """() => {
    const main = document.querySelector('[data-testid="stMain"]');
    const box = (sel) => { const e = document.querySelector(sel); if (!e) return null;
        const r = e.getBoundingClientRect(); return {top: r.top, bottom: r.bottom, left: r.left, right: r.right}; };
    const out = [];
    for (const e of main.querySelectorAll('h1, .kpi-card, .slide-foot, .slide-block, [data-testid="stPlotlyChart"],'
                                          + ' [data-testid="stButton"], [data-testid="stSelectbox"]')) {
        const r = e.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (r.bottom > window.innerHeight + 1 || r.right > window.innerWidth + 1 || r.top < -1 || r.left < -1)
            out.push(e.className || e.dataset.testid || e.tagName);
    }
    const clipped = [];
    const body = document.querySelector('.st-key-slide-body');
    if (body) {
        const limit = body.getBoundingClientRect().bottom + 1;
        for (const e of body.querySelectorAll('.kpi-card, .slide-block, h3, td, .slide-message, .slide-notes li,'
                                              + ' [data-testid="stPlotlyChart"]'))
            if (e.getBoundingClientRect().bottom > limit) clipped.push(e.className || e.tagName);
    }
    const px = (sel) => { const e = document.querySelector(sel);
        return e ? parseFloat(getComputedStyle(e).fontSize) : null; };
    return {
        outside: out,
        clipped: clipped,
        scrolls: main.scrollHeight > main.clientHeight + 2,
        head: box('.slide-head'), body: box('.st-key-slide-body'), foot: box('.slide-foot'),
        controls: box('.st-key-slide-controls'),
        footPx: px('.slide-foot'), valuePx: px('.slide .kpi-value'), blockPx: px('.slide-block p, .slide-block td'),
        messagePx: px('.slide-message'), notesPx: px('.slide-notes'),
        message: box('.slide-message'), plot: box('.st-key-slide-body [data-testid="stPlotlyChart"]'),
        notes: box('.slide-notes'),
        sidebar: document.querySelectorAll('[data-testid="stSidebar"], [data-testid="stExpandSidebarButton"],'
                                           + ' [data-testid="stSidebarCollapsedControl"]').length,
        background: getComputedStyle(document.querySelector('[data-testid="stApp"]')).backgroundColor,
    };
}"""


@contextlib.contextmanager
def slides_page(browser, server: str, query: str, size: tuple[int, int] = (1920, 1080)) -> Iterator:
    """A fresh browser page on /present?<query>, settled; closed afterwards."""
    ctx = browser.new_context(viewport={"width": size[0], "height": size[1]}, locale="zh-CN")
    try:
        page = ctx.new_page()
        page.goto(f"{server}/present?{query}", wait_until="domcontentloaded", timeout=60_000)
        wait_settled(page)
        yield page
    finally:
        ctx.close()


def _slide_number(page) -> int:
    text = page.locator(".slide-no").inner_text()
    return int(re.match(r"(\d+)", text).group(1))


def _check_layout(page, height: int, where: str) -> dict:
    layout = page.evaluate(LAYOUT_JS)
    assert layout["outside"] == [], f"{where}: cut off at the screen's edge: {layout['outside']}"
    assert layout["clipped"] == [], f"{where}: content cut off at the bottom of the slide: {layout['clipped']}"
    assert not layout["scrolls"], f"{where}: the slide is taller than the screen"
    order = [layout[k] for k in ("head", "body", "foot", "controls")]
    assert all(order), f"{where}: a part of the slide is missing: {layout}"
    for upper, lower in itertools.pairwise(order):
        assert upper["bottom"] <= lower["top"] + 1, f"{where}: parts overlap: {layout}"
    assert layout["footPx"] >= height / 50, f"{where}: footer text {layout['footPx']} px < 1/50 of {height}"
    assert layout["sidebar"] == 0, f"{where}: the sidebar or its expand arrow is on the slide"
    return layout


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", list(SIZES))
def test_every_slide_fits_the_screen_and_the_arrow_keys_step_through(browser, server: str, lang: str, size: str):
    width, height = SIZES[size]
    ctx = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
    page = ctx.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    try:
        page.goto(f"{server}/present?lang={lang}", wait_until="domcontentloaded", timeout=60_000)
        wait_settled(page)
        for number in range(1, SLIDES + 1):
            where = f"{size} {lang} slide {number}"
            page.screenshot(path=str(ARTIFACTS / f"present-{size}-{lang}-{number}.png"))
            assert _slide_number(page) == number, where
            assert page.locator('[data-testid="stException"]').count() == 0, where
            layout = _check_layout(page, height, where)
            if number == 1:
                assert layout["valuePx"] >= 2.5 * layout["footPx"], f"{where}: KPI numbers not much larger"
            if number in MESSAGE_SLIDES:  # message, chart and notes one under the other, none over another
                parts = [layout[k] for k in ("message", "plot", "notes") if layout[k]]
                assert layout["message"] and layout["plot"], f"{where}: the message or the chart is missing"
                for upper, lower in itertools.pairwise(parts):
                    assert upper["bottom"] <= lower["top"] + 1, f"{where}: message, chart and notes overlap: {layout}"
                assert layout["plot"]["bottom"] - layout["plot"]["top"] >= height / 4, f"{where}: chart squeezed"
                for text in ("messagePx", "notesPx"):
                    assert layout[text] is None or layout[text] >= height / 50, f"{where}: {text} below 1/50"
            charts = page.locator('[data-testid="stPlotlyChart"]')
            for i in range(charts.count()):
                assert charts.nth(i).locator(".main-svg").count() >= 1, f"{where}: chart {i} not drawn"
            assert EXPECTED[number][0 if lang == "zh" else 1] in page.locator('[data-testid="stMain"]').inner_text()
            assert "v=" in page.url and (number == 1 or parse_qs(urlparse(page.url).query)["slide"] == [str(number)])
            if number < SLIDES:
                page.keyboard.press("ArrowRight")
                page.wait_for_function(
                    f"() => document.querySelector('.slide-no')?.innerText.startsWith('{number + 1} ')"
                )
                wait_settled(page)
        page.keyboard.press("ArrowLeft")
        page.wait_for_function(f"() => document.querySelector('.slide-no')?.innerText.startsWith('{SLIDES - 1} ')")
    finally:
        ctx.close()
    external = [u for u in requests if not u.startswith(("data:", "blob:")) and "127.0.0.1" not in u]
    assert external == [], f"requests left the machine: {external}"


def test_dark_theme_and_a_slide_link(browser, server: str) -> None:
    with slides_page(browser, server, "lang=en&slide=11&theme=dark&v=0000000&embed=true") as page:
        toast = page.locator('[data-testid="stToast"]').first.inner_text()  # an old link says so, quietly
        assert "This link was made with data version 0000000" in toast
        toasts = page.locator('[data-testid="stToast"]').all_inner_texts()
        assert not any("embed" in t for t in toasts), "Streamlit's own embed parameter is not ours to flag"
        assert (
            page.locator('[data-testid="stToolbar"]').count() == 0
            or not page.locator('[data-testid="stToolbar"]').first.is_visible()
        )
        page.screenshot(path=str(ARTIFACTS / "present-dark-11.png"))
        assert _slide_number(page) == 11
        layout = _check_layout(page, 1080, "dark slide 11")
        assert layout["background"] == "rgb(15, 23, 42)"  # i18n.DARK_BACKGROUND


def test_auto_advance_moves_to_the_next_slide_on_its_own(browser, server: str) -> None:
    with slides_page(browser, server, "lang=en&slide=12&every=10", (1280, 720)) as page:
        assert _slide_number(page) == 12
        shown_at = time.monotonic()
        page.wait_for_function(
            "() => document.querySelector('.slide-no')?.innerText.startsWith('13 ')", timeout=25_000, polling=250
        )
        waited = time.monotonic() - shown_at  # the slide was on screen since about the start of the 10 s timer
        assert 7 <= waited <= 14, f"advanced after {waited:.1f} s, not about 10 s"
        # The URL follows once the run that drew the slide ends: a moment after the slide number shows.
        page.wait_for_function("() => location.search.includes('slide=13')", timeout=5_000, polling=100)
        assert "every=10" in page.url and "slide=13" in page.url
        # The last slide loops to the first (a kiosk left running keeps cycling).
        page.wait_for_function(
            "() => document.querySelector('.slide-no')?.innerText.startsWith('1 ')", timeout=25_000, polling=250
        )


def test_the_slide_menu_jumps_and_the_arrow_keys_still_work_after_it(browser, server: str) -> None:
    with slides_page(browser, server, "lang=en") as page:
        page.locator('[data-testid="stPopoverButton"]:visible', has_text="1 / 13 · Key figures").first.click()
        page.get_by_role("button", name="8 · Ulanqab: innovation consortia and major projects").click()
        page.wait_for_function("() => document.querySelector('.slide-no')?.innerText.startsWith('8 ')")
        wait_settled(page)
        assert not page.get_by_role("button", name="8 · Ulanqab: innovation consortia and major projects").is_visible()
        page.keyboard.press("ArrowRight")
        page.wait_for_function("() => document.querySelector('.slide-no')?.innerText.startsWith('9 ')")
        wait_settled(page)
        page.screenshot(path=str(ARTIFACTS / "present-after-menu.png"))
        _check_layout(page, 1080, "after the slide menu")
