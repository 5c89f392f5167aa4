"""The presenter's slides in headless Chromium at 1080 p, 720 p and 768 p: every slide in zh and en, arrow keys, big
type, nothing cut off or overlapping (a slide's message, chart and quoted evidence included), every slide's content
filling the screen, the timeline's labels and the map's names legible and clear of each other, the controls stepping
back while the mouse rests, the slide menu whole, no sidebar, the dark theme, nothing leaving the machine."""

import contextlib
import itertools
import re
import time
from collections.abc import Iterator
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.e2e.conftest import ARTIFACTS, wait_settled

pytestmark = pytest.mark.e2e

SLIDES = 13
SIZES = {"1080p": (1920, 1080), "720p": (1280, 720), "768p": (1366, 768)}
# One browser page per (size, language), stepping through the deck: 768 p in English only (the longest titles).
RUNS = [("1080p", "zh"), ("1080p", "en"), ("720p", "zh"), ("720p", "en"), ("768p", "en")]
FILL = 0.85  # of the height between the title and the foot (and of the body's width) a slide's content spans
TIMELINE, MAP = 12, 10
# The dated events of data/events.csv, one dot each (an event reported by several sources is one event).
TIMELINE_EVENTS = 21
CITY_NAMES = {"zh": {"呼和浩特", "包头", "鄂尔多斯", "乌兰察布"}, "en": {"Hohhot", "Baotou", "Ordos", "Ulanqab"}}
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
        content: (() => {  // the box around what the body shows: cards, blocks, charts, message, notes
            const parts = [...document.querySelectorAll('.st-key-slide-body .kpi-card, .st-key-slide-body .slide-block,'
                + ' .st-key-slide-body [data-testid="stPlotlyChart"], .st-key-slide-body .slide-message,'
                + ' .st-key-slide-body .slide-notes, .st-key-slide-body .chart-title')]
                .map(e => e.getBoundingClientRect()).filter(r => r.width > 0 && r.height > 0);
            if (!parts.length) return null;
            return {top: Math.min(...parts.map(r => r.top)), bottom: Math.max(...parts.map(r => r.bottom)),
                    left: Math.min(...parts.map(r => r.left)), right: Math.max(...parts.map(r => r.right))};
        })(),
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
    head, body, foot, controls = (layout[k] for k in ("head", "body", "foot", "controls"))
    assert head and body and foot and controls, f"{where}: a part of the slide is missing: {layout}"
    # The title, the body, then the sources with the controls at their right.
    for upper, lower in ((head, body), (body, foot), (body, controls)):
        assert upper["bottom"] <= lower["top"] + 1, f"{where}: parts overlap: {layout}"
    assert foot["right"] <= controls["left"] + 1, f"{where}: the controls cover the sources: {layout}"
    content, room = layout["content"], foot["top"] - head["bottom"]
    assert content, f"{where}: the slide shows nothing"
    assert content["bottom"] - content["top"] >= FILL * room, f"{where}: content fills under {FILL:.0%} of {room}"
    assert content["right"] - content["left"] >= FILL * (body["right"] - body["left"]), f"{where}: content too narrow"
    assert layout["footPx"] >= height / 50, f"{where}: footer text {layout['footPx']} px < 1/50 of {height}"
    assert layout["sidebar"] == 0, f"{where}: the sidebar or its expand arrow is on the slide"
    return layout


# The texts a slide's last chart draws (plotly's scatter text: timeline labels, city names), its dots, and points
# every 3 px along its lines but the river (the map's links), all in page pixels.
CHART_JS = """() => {
    const RIVER = 'rgb(58, 134, 200)';  // graphics/maps/common.py RIVER_COLOR
    const plot = [...document.querySelectorAll('.st-key-slide-body .js-plotly-plot')].pop();
    if (!plot) return null;
    const box = (e) => { const r = e.getBoundingClientRect();
        return {top: r.top, bottom: r.bottom, left: r.left, right: r.right}; };
    const texts = [...plot.querySelectorAll('.textpoint text')].filter(e => e.textContent.trim())
        .map(e => ({text: e.textContent.trim(), px: parseFloat(getComputedStyle(e).fontSize), ...box(e)}));
    const dots = [...plot.querySelectorAll('.scatterlayer .point')]  // drawn ones: not a name's invisible marker
        .filter(e => parseFloat(getComputedStyle(e).fillOpacity) > 0).map(box);
    const lines = [];
    for (const path of plot.querySelectorAll('.scatterlayer .trace.scatter .js-line')) {
        if (getComputedStyle(path).stroke === RIVER) continue;  // the map's backdrop, not a link
        const matrix = path.getScreenCTM(), length = path.getTotalLength();
        for (let at = 0; at <= length; at += 3) {
            const p = path.getPointAtLength(at);
            lines.push([matrix.a * p.x + matrix.c * p.y + matrix.e, matrix.b * p.x + matrix.d * p.y + matrix.f]);
        }
    }
    return {texts, dots, lines, plot: box(plot)};
}"""

MENU_JS = """() => {
    const body = document.querySelector('[data-testid="stPopoverBody"]');
    if (!body) return null;
    const W = window.innerWidth, H = window.innerHeight;
    return [...body.querySelectorAll('button')].map(b => {
        const p = b.querySelector('p') || b, r = p.getBoundingClientRect();
        const clipped = p.scrollWidth > p.clientWidth + 1 || p.scrollHeight > p.clientHeight + 1;
        return {text: b.innerText.trim(), clipped, inside: r.left >= 0 && r.top >= 0 && r.right <= W && r.bottom <= H,
                ellipsis: getComputedStyle(p).textOverflow === 'ellipsis' && p.scrollWidth > p.clientWidth};
    });
}"""


def _overlap(a: dict, b: dict, margin: float = 0.5) -> bool:
    return (
        min(a["right"], b["right"]) - max(a["left"], b["left"]) > margin
        and min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > margin
    )


def _check_timeline(page, where: str) -> None:
    """A label beside every dot, with its date; no label over another or over a dot; all inside the chart."""
    chart = page.evaluate(CHART_JS)
    assert chart, f"{where}: no timeline chart"
    labels, dots = chart["texts"], chart["dots"]
    assert len(dots) == TIMELINE_EVENTS, f"{where}: {len(dots)} dots, not one per dated event ({TIMELINE_EVENTS})"
    assert len(labels) == len(dots), f"{where}: {len(labels)} labels for {len(dots)} dots"
    assert all(re.search(r"\d{4}", label["text"]) for label in labels), f"{where}: a label without its date"
    for a, b in itertools.combinations(labels, 2):
        assert not _overlap(a, b), f"{where}: label {a['text'][:30]!r} over {b['text'][:30]!r}"
    for label in labels:
        assert not any(_overlap(label, dot) for dot in dots), f"{where}: label {label['text'][:30]!r} over a dot"
        inside = chart["plot"]
        assert inside["left"] <= label["left"] and label["right"] <= inside["right"] + 1, f"{where}: label cut off"
        assert inside["top"] <= label["top"] and label["bottom"] <= inside["bottom"] + 1, f"{where}: label cut off"


def _check_map(page, height: int, lang: str, where: str) -> None:
    """Each city's name at 1/40 of the screen's height or more, clear of the links, the markers and the other names."""
    chart = page.evaluate(CHART_JS)
    assert chart, f"{where}: no map"
    names = [n for n in chart["texts"] if n["text"] in CITY_NAMES[lang]]
    assert {n["text"] for n in names} == CITY_NAMES[lang], f"{where}: city names missing: {names}"
    assert len(chart["lines"]) > 100, f"{where}: the project links are not drawn"
    for name in names:
        assert name["px"] >= height / 40, f"{where}: {name['text']} at {name['px']} px < 1/40 of {height}"
        crossing = [
            pt
            for pt in chart["lines"]
            if name["left"] <= pt[0] <= name["right"] and name["top"] <= pt[1] <= name["bottom"]
        ]
        assert not crossing, f"{where}: a link crosses the name {name['text']} at {crossing[:3]}"
        assert not any(_overlap(name, dot) for dot in chart["dots"]), f"{where}: {name['text']} over a marker"
        box = chart["plot"]
        assert box["left"] <= name["left"] and name["right"] <= box["right"], f"{where}: {name['text']} cut off"
        assert box["top"] <= name["top"] and name["bottom"] <= box["bottom"], f"{where}: {name['text']} cut off"
    for a, b in itertools.combinations(names, 2):
        assert not _overlap(a, b), f"{where}: {a['text']} over {b['text']}"


def _open_menu(page) -> None:
    """Move the mouse (the controls rest hidden after a few still seconds, as for a presenter), open the menu."""
    page.mouse.move(300, 200)
    page.mouse.move(320, 210)
    page.locator('.st-key-slide-menu [data-testid="stPopoverButton"]:visible').first.click()


def _check_menu(page, where: str) -> None:
    """The slide menu opens with every title whole and on screen; Escape closes it."""
    _open_menu(page)
    page.wait_for_selector('[data-testid="stPopoverBody"] .st-key-slide-menu-items button')
    options = page.evaluate(MENU_JS)
    assert len(options) == SLIDES, f"{where}: {len(options)} titles in the slide menu"
    for option in options:
        assert not option["clipped"] and not option["ellipsis"], f"{where}: menu title cut off: {option['text']}"
        assert option["inside"], f"{where}: menu title off the screen: {option['text']}"
    for _ in range(10):  # under load the popover may not have taken the focus yet: Escape again until it closes
        page.keyboard.press("Escape")
        try:
            page.wait_for_selector('[data-testid="stPopoverBody"]', state="detached", timeout=3_000)
            break
        except PlaywrightTimeout:  # still open: press again
            continue
    assert page.locator('[data-testid="stPopoverBody"]').count() == 0, f"{where}: Escape does not close the menu"


@pytest.mark.parametrize(("size", "lang"), RUNS)
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
                _check_menu(page, where)
            if number == TIMELINE:
                _check_timeline(page, where)
            if number == MAP:
                _check_map(page, height, lang, where)
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
        assert layout["background"] == "rgb(15, 23, 42)"  # palette.DARK_BACKGROUND


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
        _open_menu(page)
        page.get_by_role("button", name="8 · Ulanqab: innovation consortia and major projects").click()
        page.wait_for_function("() => document.querySelector('.slide-no')?.innerText.startsWith('8 ')")
        wait_settled(page)
        assert not page.get_by_role("button", name="8 · Ulanqab: innovation consortia and major projects").is_visible()
        page.keyboard.press("ArrowRight")
        page.wait_for_function("() => document.querySelector('.slide-no')?.innerText.startsWith('9 ')")
        wait_settled(page)
        page.screenshot(path=str(ARTIFACTS / "present-after-menu.png"))
        _check_layout(page, 1080, "after the slide menu")


CONTROLS_OPACITY = "() => parseFloat(getComputedStyle(document.querySelector('.st-key-slide-controls')).opacity)"


def test_the_controls_step_back_while_the_mouse_rests_and_return_when_it_moves(browser, server: str) -> None:
    with slides_page(browser, server, "lang=en&slide=2", (1280, 720)) as page:
        page.mouse.move(400, 300)
        page.wait_for_function(f"() => ({CONTROLS_OPACITY})() > 0.95", timeout=3_000, polling=100)
        moved_at = time.monotonic()
        page.wait_for_function(f"() => ({CONTROLS_OPACITY})() < 0.05", timeout=8_000, polling=100)
        rested = time.monotonic() - moved_at
        assert 1.5 <= rested <= 5, f"the controls faded {rested:.1f} s after the mouse rested, not after 2–3 s"
        assert page.evaluate("() => document.body.classList.contains('slide-idle')")
        page.keyboard.press("ArrowRight")  # the arrow keys still step through the slides, the controls stay away
        page.wait_for_function("() => document.querySelector('.slide-no')?.innerText.startsWith('3 ')")
        wait_settled(page)
        assert page.evaluate(CONTROLS_OPACITY) < 0.05, "an arrow key brought the controls back"
        page.mouse.move(600, 400)  # movement anywhere brings them back
        page.wait_for_function(f"() => ({CONTROLS_OPACITY})() > 0.95", timeout=3_000, polling=100)
        page.wait_for_function(f"() => ({CONTROLS_OPACITY})() < 0.05", timeout=8_000, polling=100)
        page.keyboard.press("Tab")  # and so does the keyboard
        page.wait_for_function(f"() => ({CONTROLS_OPACITY})() > 0.95", timeout=3_000, polling=100)
