"""The dashboard on a 390 × 844 phone (issue 19), in Chinese and in English: no page scrolls sideways or cuts
anything off at the right edge, the map shows the four cities, plotly's mode bar covers no chart title and a finger
reaches its download, the filter tags show whole names, and nothing leaves the machine.

Every page is visited once per language (one touch-screen browser context each) and what it shows is collected;
the tests below judge the collection, page by page."""

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from hbeu_dash.model import schema
from hbeu_dash.views.slides import SLIDES
from tests.e2e.conftest import ARTIFACTS, Watched, wait_settled
from tests.e2e.screen_checks import layout_problems

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}
PAGES = ["/", "/services", "/science", "/transport", "/timeline", "/trends", "/explorer", "/quality"]
# The slides are the presenter's (another screen's) concern: here they are only held to not scrolling sideways
# and to not leaving the machine; stepped through with the arrow key (a rerun, not a new session: faster).
SLIDE_PAGES = [f"/present?slide={n}" for n in range(1, len(SLIDES) + 1)]
SIDEWAYS = ("page scrolls sideways", "main area scrolls sideways")
# Each seat's marker and label (up to 28 px either side of it at the phone's zoom) must be inside the map.
SEAT_MARGIN_PX = 30

# Every chart: its mode bar after a hover (a touch screen shows it anyway), the text it must not cover, the PNG
# download button and what a finger touching the button's middle would touch.
CHARTS_JS = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].map((chart, i) => {
    const box = (e) => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
    const bar = chart.querySelector('.modebar');
    const shown = bar && [...bar.querySelectorAll('.modebar-group')].some(g => getComputedStyle(g).opacity !== '0');
    const png = bar && [...bar.querySelectorAll('.modebar-btn')].find(b => (b.dataset.title || '').includes('PNG'));
    let reached = false;
    if (png) {
        const r = png.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        reached = !!hit && png.contains(hit);
    }
    return {
        index: i,
        bar: shown ? box(bar) : null,
        titles: [...chart.querySelectorAll('.gtitle, .annotation-text')]
            .filter(t => (t.textContent || '').trim()).map(t => [t.textContent.trim().slice(0, 40), box(t)]),
        png: png ? box(png) : null,
        reached,
        others: bar ? [...bar.querySelectorAll('.modebar-btn[data-attr]')].map(b => b.dataset.title) : [],
    };
})"""

# The deck as the browser got it: its initial view and the city markers' positions, and the map's size on screen.
DECK_JS = """() => {
    const el = document.querySelector('[data-testid="stDeckGlJsonChart"]');
    if (!el) return null;
    for (let e = el; e; e = e.parentElement) {
        const key = Object.keys(e).find(k => k.startsWith('__reactFiber$'));
        for (let f = key ? e[key] : null; f; f = f.return) {
            const element = f.memoizedProps && f.memoizedProps.element;
            if (element && typeof element.json === 'string') {
                const spec = JSON.parse(element.json);
                const markers = spec.layers.find(l => l.id === 'city-markers');
                const canvas = el.querySelector('canvas').getBoundingClientRect();
                return {view: spec.initialViewState, seats: markers.data.map(m => [m.name, m.position]),
                        size: [canvas.width, canvas.height], left: canvas.left, right: canvas.right};
            }
        }
    }
    return null;
}"""

TAGS_JS = """() => {
    const bar = document.querySelector('[data-testid="stSidebar"]').getBoundingClientRect();
    const tags = [...document.querySelectorAll('[data-testid="stSidebar"] [data-testid="stMultiSelect"] [data-tag]')]
        .filter(t => t.getBoundingClientRect().width > 0);
    const out = tags.map(t => {
        const text = t.querySelector('span[title]'), r = t.getBoundingClientRect();
        return [text.title, text.scrollWidth <= text.clientWidth && r.right <= bar.right + 1];
    });
    const boxes = [...document.querySelectorAll('[data-testid="stSidebar"] [data-testid="stMultiSelectTagsContainer"]')]
        .filter(b => b.getBoundingClientRect().width > 0).map(b => b.scrollHeight <= b.clientHeight + 1);
    return {tags: out, boxes, sidebar: [bar.left, bar.right]};
}"""


@dataclass
class Visit:
    """What one page showed on the phone."""

    layout: list[str] = field(default_factory=list)
    charts: list[dict] = field(default_factory=list)
    deck: dict | None = None


@dataclass
class PhoneRun:
    """Every page of one language on the phone, and every request its browser context made."""

    lang: str
    visits: dict[str, Visit] = field(default_factory=dict)
    tags: dict | None = None
    watched: Watched | None = None


def _url(server: str, path: str, lang: str) -> str:
    return f"{server}{path}{'&' if '?' in path else '?'}lang={lang}"


def _visit(page: object, path: str) -> Visit:
    """Collect what the page shows; each chart hovered first (its mode bar shows as on a mouse screen)."""
    visit = Visit(layout=layout_problems(page))
    charts = page.locator('[data-testid="stPlotlyChart"]')
    for i in range(charts.count() if not path.startswith("/present") else 0):
        charts.nth(i).scroll_into_view_if_needed()
        charts.nth(i).hover(position={"x": 20, "y": 60})
        visit.charts.append(page.evaluate(CHARTS_JS)[i])
    if path == "/transport":
        page.locator('[data-testid="stDeckGlJsonChart"]').scroll_into_view_if_needed()
        visit.deck = page.evaluate(DECK_JS)
    return visit


@pytest.fixture(scope="module", params=["zh", "en"])
def run(request: pytest.FixtureRequest, browser: object, server: str) -> Iterator[PhoneRun]:
    """Every page in one language on a touch phone of 390 × 844 CSS px."""
    lang = request.param
    ctx = browser.new_context(viewport=PHONE, device_scale_factor=1, has_touch=True, locale="zh-CN")
    page = ctx.new_page()
    result = PhoneRun(lang, watched=Watched(page))
    page.on("request", lambda r: result.watched.requests.append(r.url))
    try:
        for path in PAGES:
            page.goto(_url(server, path, lang), wait_until="domcontentloaded", timeout=60_000)
            wait_settled(page)
            result.visits[path] = _visit(page, path)
        page.goto(_url(server, SLIDE_PAGES[0], lang), wait_until="domcontentloaded", timeout=60_000)
        for number, path in enumerate(SLIDE_PAGES, start=1):
            if number > 1:
                page.keyboard.press("ArrowRight")
                page.wait_for_function(f"() => document.querySelector('.slide-no')?.innerText.startsWith('{number} ')")
            wait_settled(page)
            result.visits[path] = Visit(layout=layout_problems(page))
        page.goto(_url(server, "/explorer", lang), wait_until="domcontentloaded", timeout=60_000)
        wait_settled(page)
        page.locator(
            '[data-testid="stExpandSidebarButton"], [data-testid="stSidebarCollapsedControl"] button'
        ).first.click()
        page.locator('[data-testid="stSidebar"] [data-tag]').first.wait_for(state="visible")
        page.wait_for_function(
            "() => document.querySelector('[data-testid=\"stSidebar\"]').getBoundingClientRect().left >= 0"
        )
        page.wait_for_timeout(600)  # the sidebar has slid in; its boxes of tags have grown
        result.tags = page.evaluate(TAGS_JS)
        page.screenshot(path=str(ARTIFACTS / f"phone-sidebar-{lang}.png"))
        yield result
    finally:
        ctx.close()


def _split(problems: list[str]) -> tuple[list[str], list[str]]:
    """The page-wide problems (sideways scrolling, cut off at the edge) and a chart's own labels over each other."""
    charts = [p for p in problems if p.startswith("chart ")]
    return [p for p in problems if p not in charts], charts


@pytest.mark.parametrize("path", PAGES)
def test_no_page_scrolls_sideways_or_is_cut_off_at_the_edge(run: PhoneRun, path: str) -> None:
    page_wide, _ = _split(run.visits[path].layout)
    assert page_wide == [], f"{path} ({run.lang})"


def test_no_slide_scrolls_sideways(run: PhoneRun) -> None:
    sideways = {p: v.layout for p, v in run.visits.items() if p in SLIDE_PAGES}
    assert len(sideways) == len(SLIDES)
    assert {
        p: [x for x in found if x.startswith(SIDEWAYS)]
        for p, found in sideways.items()
        if any(x.startswith(SIDEWAYS) for x in found)
    } == {}


@pytest.mark.parametrize("path", list(PAGES))
def test_chart_labels_fit_a_phone(run: PhoneRun, path: str) -> None:
    _, charts = _split(run.visits[path].layout)
    assert charts == [], f"{path} ({run.lang})"


def _overlap(a: list[float], b: list[float]) -> bool:
    return min(a[2], b[2]) - max(a[0], b[0]) > 0 and min(a[3], b[3]) - max(a[1], b[1]) > 0


@pytest.mark.parametrize("path", PAGES)
def test_the_mode_bar_covers_no_chart_title_and_a_finger_reaches_its_download(run: PhoneRun, path: str) -> None:
    for chart in run.visits[path].charts:
        where = f"{path} ({run.lang}) chart {chart['index']}"
        assert chart["bar"] is not None, f"{where}: no mode bar after a hover"
        assert [t for t, box in chart["titles"] if _overlap(chart["bar"], box)] == [], where
        assert chart["png"] is not None and chart["reached"], f"{where}: the PNG download is covered or missing"
        left, _, right, _ = chart["png"]
        assert 0 <= left and right <= PHONE["width"] and right - left >= 20, where
        assert chart["others"] == [], f"{where}: zoom or pan buttons back in the mode bar"


def test_the_map_shows_the_four_cities(run: PhoneRun) -> None:
    import math

    deck = run.visits["/transport"].deck
    assert deck is not None, "no deck on /transport"
    view, (width, height) = deck["view"], deck["size"]
    assert deck["left"] >= 0 and deck["right"] <= PHONE["width"]
    scale = 512 * 2 ** view["zoom"] / 360  # deck.gl's Web Mercator: 512 px of world at zoom 0

    def mercator(lat: float) -> float:
        return math.degrees(math.asinh(math.tan(math.radians(lat))))

    assert len(deck["seats"]) == len(schema.CITY_IDS)
    for name, (lon, lat) in deck["seats"]:
        x = width / 2 + (lon - view["longitude"]) * scale
        y = height / 2 - (mercator(lat) - mercator(view["latitude"])) * scale
        assert SEAT_MARGIN_PX <= x <= width - SEAT_MARGIN_PX and SEAT_MARGIN_PX <= y <= height, (name, x, y)


def test_the_filter_tags_show_whole_names(run: PhoneRun) -> None:
    tags = run.tags
    assert tags["sidebar"][0] >= 0 and tags["sidebar"][1] <= PHONE["width"]
    assert len(tags["tags"]) == len(schema.CITY_IDS) + len(schema.SECTORS)  # every city and sector is selected
    assert [name for name, whole in tags["tags"] if not whole] == []
    assert all(tags["boxes"]), "a box of tags scrolls inside itself"


def test_nothing_leaves_the_machine(run: PhoneRun) -> None:
    assert run.watched.requests, "no request recorded"
    assert run.watched.external == []
