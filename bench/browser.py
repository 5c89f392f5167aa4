"""Groups 2 and 3 (browser half): page ready per page, and filter change → redrawn, in headless Chromium."""

import contextlib
from collections.abc import Iterator
from urllib.parse import urlparse

from playwright.sync_api import Browser, Locator, Page, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from bench.common import LOG_DIR, Server, Settings, median, row, streamlit_server

# The one list of Chromium flags, shared by the briefing's PDF, the tests and the benchmark: headless, and none of
# Chromium's own network chatter.
from hbeu_dash.documents.briefing.pdf import CHROMIUM, CHROMIUM_ARGS
from hbeu_dash.views.slides import SLIDES

VIEWPORT = {"width": 1280, "height": 900}
SLIDE_COUNT = len(SLIDES)

# Installed before any page script: records script-state changes and plotly redraws against performance.now(),
# whose zero is the start of the navigation, and the first moment the page is drawn.
PROBE_JS = """
(() => {
  if (window.__bench) return;
  const b = window.__bench = {states: [], plots: [], ready: null, clickAt: null, lastMutation: 0};
  const PLOT = '[data-testid="stPlotlyChart"]';
  const DECK = '[data-testid="stDeckGlJsonChart"]';
  const SKELETON = '[data-testid="stElementContainer"] [data-testid="stSkeleton"]';
  const RUNNING = '[data-testid="stStatusWidgetRunningIcon"], [data-testid="stStatusWidgetRunningManIcon"]';
  b.state = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    return app ? app.getAttribute('data-test-script-state') : null;
  };
  b.missing = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    if (!app) return 'no stApp';
    if (app.getAttribute('data-test-connection-state') !== 'CONNECTED') return 'not connected';
    if (b.state() !== 'notRunning') return 'script state ' + b.state();
    if (document.querySelector(RUNNING)) return 'status widget running';
    const loading = document.querySelectorAll(SKELETON).length;
    if (loading) return loading + ' elements still loading (stSkeleton)';
    const plots = [...document.querySelectorAll(PLOT)];
    const undrawn = plots.filter(p => !p.querySelector('.main-svg')).length;
    if (undrawn) return undrawn + '/' + plots.length + ' plotly charts not drawn';
    const decks = [...document.querySelectorAll(DECK)];
    const nocanvas = decks.filter(d => !d.querySelector('canvas')).length;
    if (nocanvas) return nocanvas + '/' + decks.length + ' deck.gl maps without canvas';
    return '';
  };
  b.counts = () => ({
    plotly: document.querySelectorAll(PLOT).length,
    deck: document.querySelectorAll(DECK).length,
    exceptions: document.querySelectorAll('[data-testid="stException"]').length,
  });
  let last = null;
  // A rerun can go running → notRunning between two callbacks: replay every state the batch passed through.
  const watch = (records) => {
    const now = performance.now();
    b.lastMutation = now;
    const seen = (records || []).filter(m => m.type === 'attributes' && m.attributeName === 'data-test-script-state');
    const values = [...seen.slice(1).map(m => m.oldValue), b.state()];
    for (const s of values) if (s !== last) { last = s; b.states.push([now, s]); }
    for (const gd of document.querySelectorAll('.js-plotly-plot')) {
      if (!gd.__benchHooked && typeof gd.on === 'function') {
        gd.__benchHooked = true;
        gd.on('plotly_afterplot', () => b.plots.push(performance.now()));
      }
    }
    if (b.ready === null && b.missing() === '') b.ready = now;
  };
  new MutationObserver(watch).observe(document, {
    subtree: true, childList: true, attributes: true, attributeOldValue: true,
    attributeFilter: ['data-test-script-state'],
  });
  const tick = () => { watch(); if (b.ready === null) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  document.addEventListener('pointerdown', () => { b.clickAt = performance.now(); }, true);
  // Redrawn after a click: a script-state change after it, then idle and everything drawn, then 250 ms quiet.
  b.redrawn = () => {
    if (b.clickAt === null) return null;
    const after = b.states.filter(([t]) => t >= b.clickAt);
    if (!after.length || b.missing() !== '') return null;
    const idle = after.filter(([, s]) => s === 'notRunning').map(([t]) => t);
    if (!idle.length) return null;
    const now = performance.now();
    if (now - Math.max(b.lastMutation, idle[idle.length - 1]) < 250) return null;
    const plots = b.plots.filter(t => t >= b.clickAt);
    const end = Math.max(idle[idle.length - 1], ...plots);
    return {ms: end - b.clickAt, plot_events: plots.length, states: after.map(([, s]) => s)};
  };
})();
"""

REMOVE_CHIP = (
    "[data-tag] button",
    "button[aria-label^='Remove']",
    "[data-baseweb='tag'] [role='presentation']",
    "[data-baseweb='tag'] span[role='button']",
)


@contextlib.contextmanager
def chromium() -> Iterator[Browser]:
    """Headless Debian Chromium through Playwright; closed on exit."""
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@contextlib.contextmanager
def fresh_page(browser: Browser) -> Iterator[Page]:
    """A page in a new context (empty cache, new Streamlit session) with the probe installed."""
    context = browser.new_context(viewport=VIEWPORT)
    try:
        context.add_init_script(PROBE_JS)
        yield context.new_page()
    finally:
        context.close()


def _shot(page: Page, name: str) -> str:
    """Save a screenshot for a failure and return its path."""
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    path = LOG_DIR / f"{name}.png"
    with contextlib.suppress(PlaywrightError):
        page.screenshot(path=str(path), full_page=True)
    return str(path)


def load(page: Page, url: str, timeout: float) -> tuple[float | None, str]:
    """Navigate and wait until everything is drawn; return (ms since navigation start, reason if not)."""
    try:
        page.goto(url, wait_until="commit", timeout=timeout * 1000)
        page.wait_for_function("() => window.__bench && window.__bench.ready !== null", timeout=timeout * 1000)
    except PlaywrightError as exc:
        missing = ""
        with contextlib.suppress(PlaywrightError):
            missing = page.evaluate("() => window.__bench ? window.__bench.missing() : 'probe not installed'")
        shot = _shot(page, "ready-" + (urlparse(url).path.strip("/") or "main"))
        return None, f"not ready ({missing or type(exc).__name__}); screenshot {shot}"
    ready, counts = page.evaluate("() => [window.__bench.ready, window.__bench.counts()]")
    shown = f"page shows {counts['exceptions']} exception(s)" if counts["exceptions"] else ""
    return round(ready, 1), shown


def discover_pages(browser: Browser, server: Server, timeout: float) -> tuple[list[str], str]:
    """URLs of the app's pages from the sidebar (or top) navigation links; the root alone if there are none."""
    with fresh_page(browser) as page:
        _, reason = load(page, server.url, timeout)
        view_more = page.locator("[data-testid='stSidebarNavViewButton']")
        if view_more.count() and "less" not in (view_more.first.inner_text() or "").lower():
            with contextlib.suppress(PlaywrightError):
                view_more.first.click(timeout=2000)
                page.wait_for_timeout(200)
        hrefs = page.eval_on_selector_all(
            "[data-testid='stSidebarNavLink'], [data-testid='stTopNavLink'], [data-testid='stTopNavDropdownLink']",
            "links => links.map(a => a.href).filter(Boolean)",
        )
    base = server.url.rstrip("/")
    urls, seen = [], set()
    for href in [server.url, *hrefs]:
        parsed = urlparse(href)
        if parsed.hostname not in ("127.0.0.1", "localhost"):
            continue  # an external link in the nav: never followed
        path = parsed.path.rstrip("/")
        if path not in seen:
            seen.add(path)
            urls.append(base + path + "/" if not path else base + path)
    if reason.startswith("not ready"):
        return urls, reason
    return urls, "" if hrefs else "no navigation links found: only the root page"


def page_name(url: str) -> str:
    """Short name of a page URL: its path, or / for the root."""
    return urlparse(url).path or "/"


def _label(widget: Locator, index: int) -> str:
    """A widget's label text, quoted, or its position when it has none."""
    label = widget.locator("[data-testid='stWidgetLabel']")
    try:
        text = label.first.inner_text(timeout=5000).strip() if label.count() else ""
    except PlaywrightError:  # a label re-rendering under load is not worth failing the group for
        text = ""
    return repr(text[:30]) if text else f"#{index + 1}"


def _find_control(page: Page) -> tuple[Locator | None, str]:
    """The first sidebar filter the benchmark can change: a multiselect chip to remove, else a radio option."""
    sidebar = page.locator("[data-testid='stSidebar']")
    for i in range(sidebar.locator("[data-testid='stMultiSelect']").count()):
        box = sidebar.locator("[data-testid='stMultiSelect']").nth(i)
        for selector in REMOVE_CHIP:
            chips = box.locator(selector)
            if chips.count() >= 2:
                return chips.first, f"multiselect {_label(box, i)}: remove first chip"
    radios = sidebar.locator("[data-testid='stRadio']")
    for i in range(radios.count()):
        options = radios.nth(i).locator("label:has(input:not(:checked))")
        if options.count():
            return options.first, f"radio {_label(radios.nth(i), i)}: pick another option"
    return None, "no sidebar multiselect with 2+ chips and no radio"


def filter_redraw(page: Page, url: str, timeout: float) -> tuple[float | None, str]:
    """Load the page, change one sidebar filter, and return ms from the click to idle and charts redrawn."""
    ready, reason = load(page, url, timeout)
    if ready is None:
        return None, reason
    control, how = _find_control(page)
    if control is None:
        return None, how
    try:
        control.click(timeout=5000)
        result = page.wait_for_function("() => window.__bench.redrawn()", timeout=timeout * 1000).json_value()
    except PlaywrightError as exc:
        shot = _shot(page, "filter-" + (urlparse(url).path.strip("/") or "main"))
        return None, f"{how}: no redraw ({type(exc).__name__}); screenshot {shot}"
    return round(result["ms"], 1), f"{how}; {result['plot_events']} plot redraws"


def slide_change(page: Page, url: str, timeout: float) -> tuple[float | None, str]:
    """Open a slide of the presenter's deck, press the right arrow, and return ms from the key to the next slide
    drawn (script idle, charts redrawn, 250 ms quiet)."""
    ready, reason = load(page, url, timeout)
    if ready is None:
        return None, reason
    try:
        page.evaluate("() => { window.__bench.clickAt = performance.now(); }")
        page.keyboard.press("ArrowRight")
        result = page.wait_for_function("() => window.__bench.redrawn()", timeout=timeout * 1000).json_value()
    except PlaywrightError as exc:
        shot = _shot(page, "slide-" + urlparse(url).query.replace("=", "-"))
        return None, f"no slide change ({type(exc).__name__}); screenshot {shot}"
    return round(result["ms"], 1), f"→ key; {result['plot_events']} plot redraws"


def _sample(browser: Browser, url: str, timeout: float, kind: str) -> tuple[float | None, str]:
    """One measurement (`ready`, `filter` or `slide`) of one URL on a fresh page."""
    with fresh_page(browser) as page:
        if kind == "ready":
            return load(page, url, timeout)
        return slide_change(page, url, timeout) if kind == "slide" else filter_redraw(page, url, timeout)


def _interleaved(browser: Browser, targets: dict[str, str], settings: Settings, kind: str) -> dict[str, dict]:
    """Each repeat measures every target once, floor first, so that load drift on the machine hits all alike."""
    found: dict[str, dict] = {name: {"values": [], "notes": []} for name in targets}
    for _ in range(settings.repeats):
        for name, url in targets.items():
            value, note = _sample(browser, url, settings.timeout, kind)
            if value is not None:
                found[name]["values"].append(value)
            if note and note not in found[name]["notes"]:
                found[name]["notes"].append(note)
    return found


def run(settings: Settings) -> dict:
    """Page ready of every page beside the floor app, then filter redraw; medians over fresh pages."""
    rows, samples, errors = [], {}, []
    with chromium() as browser, streamlit_server(settings.floor, settings.timeout, "browser") as floor:
        with streamlit_server(settings.app, settings.timeout, "browser") as app:
            pages, note = discover_pages(browser, app, settings.timeout)
            samples["discovery"] = note or "sidebar navigation links"
            if note.startswith("not ready"):
                errors.append(f"page discovery: {note}")
            for url in [floor.url, *pages]:  # warm-up: imports, st.cache_data, OS file cache
                _sample(browser, url, settings.timeout, "ready")
            targets = {"floor app": floor.url} | {page_name(url): url for url in pages}
            floor_filter_ms = None
            for kind, group, title, budget in (
                ("ready", "page", "page ready", {"ratio_limit": 1.5}),
                ("filter", "filter", "filter redraw", {"limit": 300}),
            ):
                found = _interleaved(browser, targets, settings, kind)
                floor_ms = median(found["floor app"]["values"])
                for name, result in found.items():
                    samples[f"{kind} {name}"] = result["values"]
                    extra = {} if name == "floor app" else {"floor": floor_ms, **budget}
                    rows.append(
                        row(
                            group,
                            f"{title}: {name}",
                            median(result["values"]),
                            n=len(result["values"]),
                            note="; ".join(result["notes"]),
                            **extra,
                        )
                    )
                if kind == "filter":
                    floor_filter_ms = floor_ms
            # The presenter's slides: each step of the deck with the right arrow, beside the floor's filter redraw.
            slides = {f"{n}→{n + 1}": f"{app.url.rstrip('/')}/present?slide={n}" for n in range(1, SLIDE_COUNT)}
            for n in range(1, SLIDE_COUNT + 1):  # warm-up: each slide's view model and figures built once
                _sample(browser, f"{app.url.rstrip('/')}/present?slide={n}", settings.timeout, "ready")
            found = _interleaved(browser, slides, settings, "slide")
            for name, result in found.items():
                samples[f"slide {name}"] = result["values"]
                rows.append(
                    row(
                        "slide",
                        f"slide change: {name}",
                        median(result["values"]),
                        n=len(result["values"]),
                        note="; ".join(result["notes"]),
                        floor=floor_filter_ms,
                        limit=300,
                    )
                )
    return {"rows": rows, "samples": samples, "pages": pages, "errors": errors}
