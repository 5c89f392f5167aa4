"""The offline briefing: how long the HTML and the PDF take to build, in zh and en, against their budgets.

Runs in its own process (`python -m bench.briefing REPEATS`; it prints one JSON line) so the app's imports stay out
of the benchmark's process. Each sample is what `hbeu briefing` does: read data/, build the briefing
and render the HTML (the HTML figure); then print that HTML to PDF with a freshly launched /usr/bin/chromium (the
PDF figure). The first HTML build of the process (template compiled, plotly.js read) is reported apart.
"""

import json
import sys
import time
from datetime import date

from bench.common import Settings, median, ms, row, run_json_subprocess

LANGS = ("zh", "en")
HTML_BUDGET_MS = 3_000
PDF_BUDGET_MS = 10_000


def measure(repeats: int) -> dict:
    """Build times (ms) of the HTML and of the PDF per language, interleaved repeat by repeat, and their sizes."""
    from hbeu_dash.documents.briefing.build import load_scope
    from hbeu_dash.documents.briefing.html import render_html
    from hbeu_dash.documents.briefing.pdf import render_pdf
    from hbeu_dash.paths import DATA_DIR
    from hbeu_dash.views.briefing import build_briefing
    from hbeu_dash.views.filters import Filters

    out: dict = {lang: {"html": [], "pdf": [], "cold_html": None, "html_bytes": 0, "pdf_bytes": 0} for lang in LANGS}
    for i in range(repeats + 1):  # round 0: the cold build of each language, then `repeats` timed rounds
        for lang in LANGS:
            start = time.perf_counter()
            html = render_html(build_briefing(load_scope(DATA_DIR, Filters(lang=lang)), date.today()))
            html_ms = ms(time.perf_counter() - start)
            if i == 0:
                out[lang]["cold_html"] = html_ms
                continue
            out[lang]["html"].append(html_ms)
            start = time.perf_counter()
            pdf = render_pdf(html)
            out[lang]["pdf"].append(ms(time.perf_counter() - start))
            out[lang]["html_bytes"], out[lang]["pdf_bytes"] = len(html.encode("utf-8")), len(pdf)
    return out


def run(settings: Settings) -> dict:
    """One fresh process builds the briefing `settings.repeats` times per language."""
    repeats = max(1, settings.repeats)
    budget = max(300.0, settings.timeout * 4 * repeats)
    found = run_json_subprocess(["bench.briefing", str(repeats)], budget)
    rows = []
    for lang in LANGS:
        got = found[lang]
        sizes = f"HTML {got['html_bytes'] / 1e6:.1f} MB, PDF {got['pdf_bytes'] / 1e6:.1f} MB"
        rows.append(
            row(
                "briefing",
                f"briefing HTML ({lang})",
                median(got["html"]),
                limit=HTML_BUDGET_MS,
                n=len(got["html"]),
                note=f"first build of the process {got['cold_html']:.0f} ms; {sizes}",
            )
        )
        rows.append(
            row(
                "briefing",
                f"briefing PDF ({lang})",
                median(got["pdf"]),
                limit=PDF_BUDGET_MS,
                n=len(got["pdf"]),
                note="Playwright start + Chromium launch + load + draw + print",
            )
        )
    return {"rows": rows, "samples": found, "errors": []}


if __name__ == "__main__":
    print(json.dumps(measure(int(sys.argv[1]) if len(sys.argv) > 1 else 3)))
