"""The briefing as a PDF: the machine's own Chromium (through Playwright) prints the HTML to A4, offline."""

import os
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
# Headless, and none of Chromium's own network chatter (the benchmark and the browser tests use these flags too).
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")
# True once every plotly chart of the page has drawn its SVG (plotly draws after the page's load event).
CHARTS_DRAWN_JS = """() => {
    const charts = [...document.querySelectorAll('.plotly-graph-div')];
    return charts.every(c => c.querySelector('.main-svg') !== null);
}"""
TIMEOUT_MS = 60_000
# What the PDF needs from Debian: Chromium, and the TrueType fonts the briefing is set in (report/html.py FONTS).
APT_HINT = "apt-get install -y chromium fonts-wqy-microhei fonts-liberation fonts-dejavu-core"


class PdfError(RuntimeError):
    """The PDF could not be made (no Chromium, a chart that never drew, a blocked request ...)."""


def chromium_path() -> str:
    """The Chromium binary to print with: $CHROMIUM, else /usr/bin/chromium, else `chromium` on the PATH."""
    candidate = os.environ.get("CHROMIUM") or CHROMIUM
    found = candidate if Path(candidate).exists() else shutil.which("chromium")
    if found is None:
        raise PdfError(f"Chromium not found at {candidate} ({APT_HINT})")
    return found


def render_pdf(html: str) -> bytes:
    """The HTML printed to an A4 PDF with backgrounds, once every chart has drawn; any request leaving the page
    (anything but file:, data:, blob:) is aborted and makes this fail.

    Runs Playwright in a worker thread of its own: its sync API refuses to run in a thread with an asyncio loop (a
    test with a browser open, a server), and one print needs nothing shared.
    """
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="briefing-pdf") as pool:
        return pool.submit(_print, html, chromium_path()).result()


def _print(html: str, executable: str) -> bytes:
    """Print the HTML from a temporary file."""
    # Opened from a file: page.set_content() sends the whole document (1.6 MB, 5 MB with the full plotly.js) through
    # the DevTools protocol, which took 1.5-3 s longer on the 2-core machine.
    with tempfile.TemporaryDirectory(prefix="hbeu-briefing-") as folder:
        path = Path(folder) / "briefing.html"
        path.write_text(html, encoding="utf-8")
        return _print_file(path, executable)


def _print_file(path: Path, executable: str) -> bytes:
    """Open the file in a fresh Chromium with the network cut off, wait for the charts, print A4."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    blocked: list[str] = []

    def route(r: object) -> None:
        """Let local requests through; abort and record any other."""
        url = r.request.url
        if url.startswith(LOCAL_SCHEMES):
            r.continue_()
        else:
            blocked.append(url)
            r.abort()

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.route("**/*", route)
            page.goto(path.as_uri(), wait_until="load", timeout=TIMEOUT_MS)
            page.wait_for_function(CHARTS_DRAWN_JS, timeout=TIMEOUT_MS, polling=50)
            page.evaluate("() => document.fonts.ready.then(() => true)")
            pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
        except PlaywrightError as exc:
            raise PdfError(str(exc).splitlines()[0]) from exc
        finally:
            browser.close()
    if blocked:
        raise PdfError(f"the briefing asked for {len(blocked)} external resource(s), e.g. {blocked[0][:120]}")
    return pdf
