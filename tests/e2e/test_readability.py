"""Every page read whole, in zh and en, at 1920×1080, 1366×768 and on a 390×844 phone, every expander open (the
charts' table twins, the tracker's reports): no text under 4.5:1 against its background and no target under 24 px
(axe-core, over the whole page: Streamlit scrolls its main area inside itself, so axe, which skips what that scroller
clips, sees the page only when the window is as tall as it); no axis label turned aslant and no chart label over
another; every table header a reader sees labelled in the page's language, never a data file's column name."""

import re

import pytest

from tests.e2e import screen_checks
from tests.e2e.conftest import ARTIFACTS, wait_settled

pytestmark = pytest.mark.e2e

SIZES = {"1080p": (1920, 1080), "768p": (1366, 768), "phone": (390, 844)}
PAGES = ["/", "/services", "/science", "/transport", "/timeline", "/trends", "/explorer", "/quality"]
RULES = ["color-contrast", "target-size"]
TALLEST_PX = 16_000

AXE_JS = """async (rules) => {
    const r = await axe.run(document, {runOnly: {type: 'rule', values: rules}, resultTypes: ['violations']});
    return r.violations.flatMap(v => v.nodes.slice(0, 4).map(n => v.id + ': ' + n.target.join(' ') + ' — '
        + (n.any[0] && n.any[0].message ? n.any[0].message.slice(0, 160) : '')));
}"""
# A tick label plotly turned (it does when labels would not fit level): its own or its group's rotate().
TURNED_JS = """() => [...document.querySelectorAll('.js-plotly-plot')].flatMap((plot, i) =>
    [...plot.querySelectorAll('.xtick text, .ytick text')].flatMap(t => {
        const turn = ((t.getAttribute('transform') || '') + (t.parentElement.getAttribute('transform') || ''))
            .match(/rotate\\((-?[\\d.]+)/);
        const turned = turn && Math.abs(parseFloat(turn[1])) > 0.5;
        return turned ? [`chart ${i}: "${t.textContent.slice(0, 30)}" turned ${turn[1]}°`] : [];
    }))"""
HEADERS_JS = """() => [...document.querySelectorAll('[data-testid="stDataFrame"] [role="columnheader"]')]
    .map(h => h.textContent.trim()).filter(Boolean)"""
# A data file's column name as a header: snake_case (figure_id, data_version) or a lower-case word (url, sha256).
RAW = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")


@pytest.fixture(scope="module")
def axe_source() -> str:
    return screen_checks.axe_path().read_text(encoding="utf-8")


@pytest.fixture(scope="module", params=list(SIZES))
def sized(request, browser) -> object:
    """One browser context per screen size (each page in a fresh tab: a new session)."""
    width, height = SIZES[request.param]
    ctx = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
    ctx.size_name = request.param
    yield ctx
    ctx.close()


def open_whole(page: object, url: str) -> None:
    """Open `url`, open every expander (a lazy one reruns the page), then make the window as tall as the page."""
    page.goto(url, wait_until="domcontentloaded", timeout=60_000)
    wait_settled(page, 120_000)
    for summary in page.locator('[data-testid="stExpander"] summary').all():
        summary.click()
    wait_settled(page, 120_000)
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": page.viewport_size["width"], "height": min(height + 50, TALLEST_PX)})
    page.wait_for_timeout(1_000)  # plotly and the grids redraw for the new size


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_the_whole_page_is_readable(sized, server, axe_source, path: str, lang: str) -> None:
    page = sized.new_page()
    url = f"{server}{path}?lang={lang}"
    try:
        open_whole(page, url)
        if not page.evaluate("() => typeof window.axe !== 'undefined'"):
            page.add_script_tag(content=axe_source)
        found = {
            "axe": page.evaluate(AXE_JS, RULES),
            "turned": page.evaluate(TURNED_JS),
            "layout": screen_checks.layout_problems(page),
            "raw headers": [h for h in page.evaluate(HEADERS_JS) if RAW.match(h)],
        }
        found = {k: v for k, v in found.items() if v}
        if found:
            page.screenshot(path=str(ARTIFACTS / f"readability{path.replace('/', '-')}-{sized.size_name}-{lang}.png"))
        assert found == {}, f"{url} at {sized.size_name}"
    finally:
        page.close()
