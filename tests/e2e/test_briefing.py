"""The briefing in headless Chromium: opened from file:// with every other request aborted it makes none and draws
every chart with the partial plotly.js (the summary's trend and four cities side by side); its text is set in
TrueType fonts; its PDF (printed by the machine's Chromium) holds the key figures as text, on A4, fonts embedded
(tests/test_briefing_files.py: no Type 3 font; the summary on pages 1-2).

Without pdftotext / pdffonts (poppler-utils) the PDF tests are skipped, except when CI is set: there they fail.
"""

import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from hbeu_dash.documents.briefing.build import load_scope
from hbeu_dash.documents.briefing.html import SUMMARY_FITS, bundle_traces, render_html
from hbeu_dash.documents.briefing.pdf import PdfError, render_pdf
from hbeu_dash.i18n import t
from hbeu_dash.paths import DATA_DIR
from hbeu_dash.views.briefing import build_briefing
from hbeu_dash.views.filters import Filters
from tests.conftest import blank_evidence_en, copy_data
from tests.e2e.conftest import ARTIFACTS
from tests.test_briefing import CASES, cited_figure, figure_row, hostile_scope, lines_of, squash
from tests.test_briefing_files import require_briefing_fonts

GENERATED = date(2026, 11, 26)
# The summary's 4 (the biggest change's trend, the four cities, the rail and the road targets), then 7 charts (service
# items, the Hohhot–Baotou identity, consortia, talent, Ordos' plan, projects by status, the timeline) and the map:
# every chart of the pages, for all cities and sectors.
N_SUMMARY_CHARTS = 4
N_CHARTS = N_SUMMARY_CHARTS + 8
DRAWN_JS = """() => {
    const charts = [...document.querySelectorAll('.plotly-graph-div')];
    return charts.length > 0 && charts.every(c => c.querySelector('.main-svg'));
}"""
# The key figures a reader must find in the PDF's text. hohhot-cases-2024: 58.76万 cross-city cases handled in Hohhot
# in 2024 (587,600 in English); hohhot-service-items-a/-b: Hohhot's four-city items, 561 and 1412 by two sources.
KEY_FIGURES = {
    "zh": ["呼包鄂乌一体化数据看板", "58.76万件", "561 / 1412项", "年内办理其他三市通办件数"],
    "en": ["Hohhot–Baotou–Ordos–Ulanqab Integration Dashboard", "587,600 cases", "561 / 1,412 items", "Hohhot"],
}
# The other language's formatting of those figures (the English briefing quotes the Chinese evidence verbatim, so
# '58.76万件' is in it, but never a Chinese-formatted value of ours).
NOT_IN = {"zh": ["587,600", "1,412 items", "Sources disagree"], "en": ["561 / 1412项", "来源不一致"]}


def _write(lang: str, folder: Path) -> tuple[Path, str]:
    scope = load_scope(DATA_DIR, Filters(lang=lang))
    b = build_briefing(scope, GENERATED)
    path = folder / b.filename("html")
    path.write_text(render_html(b), encoding="utf-8")
    return path, scope.version


@pytest.fixture(scope="module")
def briefings(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str]]:
    """The HTML briefing of all cities and sectors, per language, on disk: (path, data version); set in the
    TrueType fonts, which must be installed."""
    require_briefing_fonts()
    folder = tmp_path_factory.mktemp("briefing")
    return {lang: _write(lang, folder) for lang in ("zh", "en")}


@pytest.fixture
def offline_page(browser: object) -> Iterator:
    """A page that records every request and aborts all but file: and data: ones; console errors recorded too."""
    contexts = []

    def _open(url: str) -> tuple[object, dict[str, list[str]]]:
        ctx = browser.new_context(viewport={"width": 900, "height": 1000})
        contexts.append(ctx)
        page = ctx.new_page()
        seen: dict[str, list[str]] = {"requests": [], "aborted": [], "errors": [], "dialogs": []}
        page.on("request", lambda r: seen["requests"].append(r.url))
        page.on("console", lambda m: seen["errors"].append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: seen["errors"].append(str(e)))
        page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))

        def route(r: object) -> None:
            if r.request.url.startswith(("file:", "data:")):
                r.continue_()
            else:
                seen["aborted"].append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.goto(url, wait_until="load", timeout=60_000)
        page.wait_for_function(DRAWN_JS, timeout=60_000, polling=100)
        return page, seen

    yield _open
    for ctx in contexts:
        ctx.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_opened_from_a_file_it_makes_no_request_and_draws_every_chart(
    briefings: dict[str, tuple[Path, str]], offline_page: object, lang: str
) -> None:
    path, _ = briefings[lang]
    page, seen = offline_page(path.as_uri())
    page.wait_for_timeout(300)  # anything plotly might fetch after drawing
    assert seen["requests"] == [path.as_uri()], seen["requests"]
    assert seen["aborted"] == [] and seen["errors"] == []
    drawn = page.evaluate("() => document.querySelectorAll('.plotly-graph-div .main-svg').length")
    charts = page.evaluate("() => document.querySelectorAll('.plotly-graph-div').length")
    # the summary's charts, the pages' charts and the map
    assert path.read_text(encoding="utf-8").count("Plotly.newPlot(") == charts == N_CHARTS and drawn >= charts
    summary = page.evaluate("() => document.querySelectorAll('#summary .plotly-graph-div .main-svg').length")
    assert summary >= N_SUMMARY_CHARTS
    widths = page.evaluate("() => [...document.querySelectorAll('.plotly-graph-div')].map(d => d.offsetWidth)")
    # the trend and the four cities side by side, every other chart 680 px wide
    assert widths == [SUMMARY_FITS["narrow"]["width"], SUMMARY_FITS["wide"]["width"]] + [680] * (charts - 2)
    boxes = page.evaluate(
        "() => [...document.querySelectorAll('#summary .summary-pair .chart')].map(f => f.getBoundingClientRect().top)"
    )
    assert len(boxes) == 2 and boxes[0] == boxes[1]  # side by side, not one under the other
    # The vendored partial plotly.js registers the trace types its header lists (the header is what the briefing
    # and tests/test_briefing_files.py read).
    registered = page.evaluate("() => Object.keys(Plotly.PlotSchema.get().traces).sort()")
    assert registered == sorted(bundle_traces()), registered
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"briefing-{lang}.png"), full_page=True)


# Where the briefing's text is set, per language: (selector, the font its words are set in). Chinese in WenQuanYi
# Micro Hei, English in Liberation Sans: TrueType outlines, embedded in the PDF as CID TrueType fonts (Chromium prints
# the CFF-outline Noto Sans CJK as Type 3 glyphs). The charts' SVG text too (report/html.py overrides their fonts).
TEXT_FONTS = {
    "zh": [
        ("h1", "WenQuanYi Micro Hei"),
        (".kpi-name", "WenQuanYi Micro Hei"),
        ("#citations .cited dd", "WenQuanYi Micro Hei"),
        ("#chart-1 .main-svg .xtick text", "WenQuanYi Micro Hei"),
    ],
    "en": [
        ("h1", "Liberation Sans"),
        (".kpi-name", "Liberation Sans"),
        ('#citations .cited dd[lang="zh"]', "WenQuanYi Micro Hei"),
        ("#chart-1 .main-svg .xtick text", "Liberation Sans"),
    ],
}
TRUETYPE_FONTS = {"WenQuanYi Micro Hei", "Liberation Sans", "DejaVu Sans"}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_its_text_is_set_in_truetype_fonts(
    briefings: dict[str, tuple[Path, str]], offline_page: object, lang: str
) -> None:
    page, _ = offline_page(briefings[lang][0].as_uri())
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    for selector, font in TEXT_FONTS[lang]:
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        assert node, selector
        names = {f["familyName"] for f in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]}
        assert font in names and names <= TRUETYPE_FONTS, (selector, names)


def test_hostile_data_stays_text_in_the_browser(offline_page: object, tmp_path: Path) -> None:
    path = tmp_path / "hostile.html"
    path.write_text(render_html(build_briefing(hostile_scope("zh"), GENERATED)), encoding="utf-8")
    page, seen = offline_page(path.as_uri())
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.__pwned") is None
    assert seen["dialogs"] == [] and seen["aborted"] == []
    assert "<script>window.__pwned = 1</script>" in page.inner_text("#citations")


# ---------------------------------------------------------------- the PDF


@pytest.fixture(scope="session")
def poppler() -> None:
    """pdftotext, pdffonts and pdfinfo (poppler-utils), or a skip (a failure when CI is set)."""
    missing = [tool for tool in ("pdftotext", "pdffonts", "pdfinfo") if shutil.which(tool) is None]
    if missing:
        message = f"{', '.join(missing)} not found: PDF tests NOT RUN"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI is set, so this is a failure; .ci/run should install poppler-utils)")
        pytest.skip(message + " — install them with: apt-get install -y poppler-utils")


@pytest.fixture(scope="module")
def pdfs(briefings: dict[str, tuple[Path, str]], poppler: None) -> dict[str, Path]:
    """Each briefing printed to PDF (kept in test-artifacts/e2e/ to look at)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    out = {}
    for lang, (path, _) in briefings.items():
        target = ARTIFACTS / path.with_suffix(".pdf").name
        target.write_bytes(render_pdf(path.read_text(encoding="utf-8")))
        out[lang] = target
    return out


def _run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True, timeout=60).stdout


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_pdf_holds_the_key_figures_as_text(
    pdfs: dict[str, Path], briefings: dict[str, tuple[Path, str]], lang: str
) -> None:
    text = " ".join(_run("pdftotext", "-enc", "UTF-8", str(pdfs[lang]), "-").split())
    version = briefings[lang][1]
    for wanted in [*KEY_FIGURES[lang], version]:
        assert wanted in text, wanted
    for unwanted in NOT_IN[lang]:
        assert unwanted not in text, unwanted


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_pdf_is_a4_with_every_font_embedded(pdfs: dict[str, Path], lang: str) -> None:
    info = _run("pdfinfo", str(pdfs[lang]))
    assert re.search(r"Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)", info), info
    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) >= 10
    rows = [line.split() for line in _run("pdffonts", str(pdfs[lang])).splitlines()[2:]]
    assert rows
    # Columns from the right: emb sub uni object-id generation. Every font is embedded and maps back to Unicode
    # (so the Chinese text can be searched and copied).
    assert all(r[-5] == "yes" and r[-3] == "yes" for r in rows), rows
    # Real fonts, no Type 3 glyph programs (what Chromium makes of CFF-outline fonts and of synthesized bold).
    assert not [r for r in rows if r[1:3] == ["Type", "3"]], rows


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_pdf_prints_a_figure_s_paragraph_from_its_source(pdfs: dict[str, Path], lang: str) -> None:
    # hohhot-cases-2024 (58.76万 cases): its paragraph in the 8th mayors' meeting interviews, as archived, printed in
    # the sources appendix with a ¶ number its citation points to (tests/test_briefing.py: CASES).
    row = figure_row(CASES)
    paragraph = squash("".join(lines_of(row)[:2]))
    text = _run("pdftotext", "-enc", "UTF-8", str(pdfs[lang]), "-")
    cited = cited_figure(build_briefing(load_scope(DATA_DIR, Filters(lang=lang)), GENERATED), row)
    assert f"¶{cited.paragraph}{paragraph}" in squash(text)
    assert squash(t("briefing_paragraphs", lang)) in squash(text)


def test_an_english_pdf_marks_the_evidence_whose_english_is_pending(
    chromium: str, poppler: None, tmp_path: Path
) -> None:
    # A copy of data/ without the English of plan-14th-fyp's evidence (the 14th five-year plan, an event card):
    # its event card prints the Chinese words as they are, then the mark; the Chinese PDF has no mark.
    data = copy_data(tmp_path / "data")
    plan = blank_evidence_en(data, (("events.csv", {"event_id": "plan-14th-fyp"}),))[0]
    texts = {}
    for lang in ("zh", "en"):
        pdf = tmp_path / f"pending-{lang}.pdf"
        pdf.write_bytes(render_pdf(render_html(build_briefing(load_scope(data, Filters(lang=lang)), GENERATED))))
        texts[lang] = squash(_run("pdftotext", "-enc", "UTF-8", str(pdf), "-"))
    assert squash(f"“{plan}” [English evidence pending]") in texts["en"]
    assert squash(plan) in texts["zh"] and "英文译文待补" not in texts["zh"] and "pending" not in texts["zh"]


def test_the_pdf_refuses_a_page_that_asks_for_the_network(chromium: str) -> None:
    page = '<!DOCTYPE html><html><body><img src="https://example.invalid/x.png"><p>x</p></body></html>'
    with pytest.raises(PdfError, match="external"):
        render_pdf(page)
