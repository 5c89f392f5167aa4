"""The briefing's files as the command and the app write them (report/build.py): an HTML file under 2 MB that
carries a partial plotly.js of plotly's own version able to draw every chart, and a PDF set in real (CID TrueType)
fonts whose extracted text keeps each key figure's value beside its name and city, and opens with the two pages of
the summary (its statements with the contents beside them, its charts) before the key figures.

The PDF tests need /usr/bin/chromium, poppler-utils and the fonts fonts-wqy-microhei and fonts-liberation; without
one they are skipped, except when CI is set: there they fail (.ci/run installs them).
"""

import json
import os
import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from functools import cache

import pandas as pd
import plotly.graph_objects as go
import pytest
from plotly.offline import get_plotlyjs, get_plotlyjs_version

from hbeu_dash.documents.briefing import html as report_html
from hbeu_dash.documents.briefing.build import BriefingFiles, build_briefing_files, load_scope
from hbeu_dash.graphics.charts import Chart
from hbeu_dash.i18n import t
from hbeu_dash.paths import DATA_DIR, PLOTLY_BUNDLE
from hbeu_dash.views.briefing import Briefing, BriefingSummary, build_briefing
from hbeu_dash.views.filters import Filters
from tests.e2e.conftest import chromium_path
from tests.test_briefing import resources, squash

GENERATED = date(2026, 11, 26)
MAX_HTML_BYTES = 2_000_000
# The TrueType-outline fonts the briefing is set in, and their Debian packages.
FONTS = {"WenQuanYi Micro Hei": "fonts-wqy-microhei", "Liberation Sans": "fonts-liberation"}
# What in a page could load something from the network: an attribute naming an absolute or protocol-relative URL,
# a style sheet's url() or @import (of anything: the page loads no file either).
LOADS = re.compile(
    r"""\b(?:src|href|srcset|poster|data|action|formaction|background|xlink:href)\s*=\s*["']?\s*(?:https?:)?//"""
    r"""|url\(|@import""",
    re.IGNORECASE,
)


def _needed(what: str, install: str) -> None:
    """Skip (fail when CI is set) for a missing tool or font."""
    message = f"{what} not found: briefing PDF tests NOT RUN"
    if os.environ.get("CI"):
        pytest.fail(message + " (CI is set, so this is a failure; .ci/run should install it)")
    pytest.skip(f"{message} — install it with: {install}")


def require_briefing_fonts() -> None:
    """The TrueType fonts the briefing is set in (Chromium would print a CFF font in their place as Type 3 glyphs),
    or a skip (a failure when CI is set)."""
    listed = subprocess.run(["fc-list"], capture_output=True, text=True).stdout if shutil.which("fc-list") else ""
    missing = {name: package for name, package in FONTS.items() if name not in listed}
    if missing:
        _needed(f"the font(s) {', '.join(missing)}", f"apt-get install -y {' '.join(missing.values())}")


@pytest.fixture(scope="session")
def briefing_fonts() -> None:
    """The briefing's fonts are installed."""
    require_briefing_fonts()


@pytest.fixture(scope="session")
def pdf_tools(briefing_fonts: None) -> None:
    """Chromium to print, poppler-utils to read the PDF."""
    if chromium_path() is None:
        _needed("Chromium (/usr/bin/chromium or $CHROMIUM)", "apt-get install -y chromium")
    missing = [tool for tool in ("pdftotext", "pdffonts") if shutil.which(tool) is None]
    if missing:
        _needed(", ".join(missing), "apt-get install -y poppler-utils")


@pytest.fixture(scope="module")
def html_files() -> dict[str, BriefingFiles]:
    """The default briefing (all cities and sectors) per language, HTML only."""
    return {
        lang: build_briefing_files(load_scope(DATA_DIR, Filters(lang=lang)), GENERATED, pdf=False)
        for lang in ("zh", "en")
    }


@pytest.fixture(scope="module")
def pdf_files(pdf_tools: None) -> dict[str, BriefingFiles]:
    """The default briefing per language, HTML and PDF, as `python -m hbeu_dash briefing --pdf` writes them."""
    out = {}
    for lang in ("zh", "en"):
        files = build_briefing_files(load_scope(DATA_DIR, Filters(lang=lang)), GENERATED)
        assert files.pdf is not None, files.pdf_error
        out[lang] = files
    return out


def _poppler(tool: str, pdf: bytes, *options: str) -> str:
    """A poppler tool's output on the PDF (read from standard input)."""
    args = [tool, *options, "-", *(["-"] if tool == "pdftotext" else [])]
    return subprocess.run(args, input=pdf, capture_output=True, check=True, timeout=60).stdout.decode("utf-8")


def _newplot_data(page: str) -> list[list[dict]]:
    """The traces of each chart, read from the JSON of the page's Plotly.newPlot(div, data, layout, config) calls."""
    decoder = json.JSONDecoder()
    charts = []
    for call in re.finditer(r"Plotly\.newPlot\(\s*\"[\w-]+\",\s*", page):
        data, _ = decoder.raw_decode(page, call.end())
        charts.append(data)
    return charts


# ---------------------------------------------------------------- the HTML file


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_html_file_is_under_2_mb(html_files: dict[str, BriefingFiles], lang: str) -> None:
    size = len(html_files[lang].html)
    assert size < MAX_HTML_BYTES, f"{size:,} bytes"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_html_file_loads_nothing(html_files: dict[str, BriefingFiles], lang: str) -> None:
    page = html_files[lang].html.decode("utf-8")
    bundle = PLOTLY_BUNDLE.read_text(encoding="utf-8")
    assert page.count(bundle) == 1  # embedded once, as vendored
    # plotly.js names its own site (the hidden logo's link, the docs) in its code: read everything else.
    rest = page.replace(bundle, "")
    assert not LOADS.findall(rest), LOADS.findall(rest)[:5]
    found = resources(page)
    assert not [s for s in found.scripts if s[2]] and not {"link", "img", "iframe", "object", "embed"} & set(found.tags)


def test_the_bundle_is_plotly_s_own_version() -> None:
    assert report_html.bundle_version() == get_plotlyjs_version()
    assert {"bar", "scatter", "waterfall"} <= report_html.bundle_traces()
    # The full bundle holds every trace type; the partial one a small part of it.
    assert len(PLOTLY_BUNDLE.read_bytes()) < len(get_plotlyjs()) / 3


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_chart_s_trace_type_is_in_the_bundle(html_files: dict[str, BriefingFiles], lang: str) -> None:
    charts = _newplot_data(html_files[lang].html.decode("utf-8"))
    assert len(charts) >= 8  # the pages' 7 charts and the map (tests/test_briefing.py), and the summary's
    types = {trace.get("type", "scatter") for data in charts for trace in data}
    assert {"bar", "waterfall", "scatter"} <= types  # what the data draws today
    assert types <= report_html.bundle_traces(), types - report_html.bundle_traces()


def test_a_trace_type_the_bundle_lacks_brings_the_full_plotly_js() -> None:
    assert report_html.plotly_js_for({"bar", "scatter"}) == report_html.plotly_js(partial=True)
    full = report_html.plotly_js_for({"bar", "pie"})
    assert full == report_html.plotly_js(partial=False) and len(full) > 4_000_000


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_charts_and_the_page_are_set_in_the_briefing_s_fonts(
    html_files: dict[str, BriefingFiles], lang: str
) -> None:
    page = html_files[lang].html.decode("utf-8")
    family = report_html.chart_font_family(lang)
    layouts = re.findall(r'"font":\{[^{}]*"family":"([^"]*)"', page.replace(": ", ":").replace(", ", ","))
    assert layouts and set(layouts) == {family.replace(", ", ",")}
    assert "Noto Sans CJK" not in page.replace(PLOTLY_BUNDLE.read_text(encoding="utf-8"), "")
    assert f"font-family: {report_html.css_font_family(lang)};" in page


def test_the_fonts_are_set_on_a_copy_of_the_figure() -> None:
    figure = go.Figure(go.Bar(x=["a"], y=[1], textfont={"family": "Noto Sans CJK SC"}))
    figure.update_layout(font_family="Noto Sans CJK SC", hoverlabel_font_family="Noto Sans CJK SC")
    spec = report_html.figure_spec(figure, "zh")
    family = report_html.chart_font_family("zh")
    assert spec["layout"]["font"]["family"] == spec["layout"]["hoverlabel"]["font"]["family"] == family
    assert spec["data"][0]["textfont"]["family"] == family
    assert figure.layout.font.family == figure.data[0].textfont.family == "Noto Sans CJK SC"  # unchanged


@cache
def _briefing(lang: str) -> Briefing:
    """The default briefing (all cities and sectors) of `lang`."""
    return build_briefing(load_scope(DATA_DIR, Filters(lang=lang)), GENERATED)


def _pie() -> Chart:
    """A chart of a trace type the partial bundle does not hold."""
    return Chart(go.Figure(go.Pie(labels=["a", "b"], values=[1, 2])), "", pd.DataFrame({"a": [1]}), "", "pie")


def test_without_a_summary_the_contents_follow_the_title() -> None:
    env = report_html.environment()
    source = env.loader.get_source(env, report_html.TEMPLATE)[0]
    # the summary's place: right after the title, before the contents and the key figures
    assert source.count("{% block summary %}") == 1
    assert source.index('<section class="title-page"') < source.index("{% block summary %}")
    assert source.index("{% block summary %}") < source.index('<nav class="contents"') < source.index('id="kpis"')
    page = report_html.render_html(replace(_briefing("zh"), summary=None))
    opening = page[page.index("</section>") : page.index('<section id="kpis">')]
    assert '<section id="summary"' not in page and 'class="opening with-summary"' not in page
    assert '<a href="#summary">' not in page
    assert (
        re.sub(r"\s+", "", re.sub(r"<nav .*</nav>", "", opening, flags=re.DOTALL))
        == '</section><divclass="opening"></div>'
    )


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_summary_s_charts_are_drawn_by_the_same_partial_plotly_js(
    html_files: dict[str, BriefingFiles], lang: str
) -> None:
    page = html_files[lang].html.decode("utf-8")
    assert '<div class="opening with-summary">' in page
    summary = page[page.index('<section id="summary"') : page.index('<nav class="contents"')]
    ids = re.findall(r'<div id="([\w-]+)" class="plotly-graph-div"', page)
    assert len(ids) == len(set(ids)) == len(_newplot_data(page)) == 4 + 8  # the summary's 4, the pages' 7, the map
    assert re.findall(r'<div id="([\w-]+)" class="plotly-graph-div"', summary) == ids[:4]
    assert page.count(report_html.plotly_js(partial=True)) == 1
    # the targets' charts: bars and the target's line and marks (scatter), both in the bundle
    types = {trace.get("type", "scatter") for data in _newplot_data(summary) for trace in data}
    assert types == {"bar", "scatter"} and types <= report_html.bundle_traces()


def test_a_summary_chart_the_bundle_cannot_draw_brings_the_full_plotly_js() -> None:
    summary = BriefingSummary("摘要", (), (_pie(),), ())
    page = report_html.render_html(replace(_briefing("zh"), summary=summary))
    assert page.count(report_html.plotly_js(partial=False)) == 1
    assert report_html.plotly_js(partial=True) not in page
    assert len(page.encode()) > MAX_HTML_BYTES  # and its size test would say so


# ---------------------------------------------------------------- the PDF


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_pdf_embeds_truetype_fonts_and_no_type_3(pdf_files: dict[str, BriefingFiles], lang: str) -> None:
    listing = _poppler("pdffonts", pdf_files[lang].pdf)
    rows = listing.splitlines()[2:]
    assert rows, listing
    assert not [r for r in rows if " Type 3 " in r], listing
    embedded = [r for r in rows if " CID TrueType " in r and r.split()[-5] == "yes"]
    assert embedded, listing
    assert any("WenQuanYiMicroHei" in r for r in embedded), listing  # the Chinese text's font, a real one


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("layout", [True, False], ids=["layout", "reading-order"])
def test_each_key_figure_s_value_stands_beside_its_name_and_city(
    pdf_files: dict[str, BriefingFiles], lang: str, layout: bool
) -> None:
    text = _poppler("pdftotext", pdf_files[lang].pdf, "-enc", "UTF-8", *(["-layout"] if layout else []))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    squashed = "".join(text.split())
    kpis = build_briefing(load_scope(DATA_DIR, Filters(lang=lang)), GENERATED).kpis
    assert len(kpis) > 10
    for kpi in kpis:
        # one line "name · city value" (a long name may wrap; the city and the value never part)
        assert "".join(f"{kpi.name} · {kpi.city} {kpi.value}".split()) in squashed, (kpi.name, kpi.value)
        assert any(f"{kpi.city} {kpi.value}" in line for line in lines), (kpi.city, kpi.value)
        # then period · as of · source
        assert "".join(f"{kpi.city} {kpi.value} {kpi.meta}".split()) in squashed, (kpi.name, kpi.meta)


# Key figure cards as a reader must find them in the PDF's text, written out by hand from data/figures.csv (not from
# the code under test): (name, city, value with its unit, source). hohhot-cases-2024: 587600 (58.76万) cases in
# Hohhot in 2024; baotou-cases-to-date: 19897 in Baotou; hb-items-total-xu/-wang: 312 Hohhot–Baotou items;
# ulanqab-consortia-funding: 49000000 yuan (4900万元). All four from meeting8-interviews (2024-12).
HAND_CARDS = {
    "zh": [
        ("年内办理其他三市通办件数", "呼和浩特", "58.76万件", "第八届市长联席会议专访"),
        ("累计办理“跨市互办”件数", "包头", "19897件", "第八届市长联席会议专访"),
        ("呼包通办事项总数", "呼和浩特–包头", "312项", "第八届市长联席会议专访"),
        ("“揭榜挂帅”项目获批资金", "乌兰察布", "4900万元", "第八届市长联席会议专访"),
    ],
    "en": [
        ("Cross-city cases handled in the year", "Hohhot", "587,600 cases", "8th Mayors' Meeting interviews"),
        ("Cross-city cases handled to date", "Baotou", "19,897 cases", "8th Mayors' Meeting interviews"),
        ("Hohhot–Baotou shared service items", "Hohhot–Baotou", "312 items", "8th Mayors' Meeting interviews"),
        (
            "Funding approved for open-competition projects",
            "Ulanqab",
            "CNY 49,000,000",
            "8th Mayors' Meeting interviews",
        ),
    ],
}
NEAR = 12  # characters (spaces left out) between a card's name and its value: ' · ' and the city
SOURCE_NEAR = 60  # between the value and the source: the period and the as-of


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("layout", [True, False], ids=["layout", "reading-order"])
def test_a_card_reads_name_value_unit_source_in_the_pdf_s_text(
    pdf_files: dict[str, BriefingFiles], lang: str, layout: bool
) -> None:
    text = _poppler("pdftotext", pdf_files[lang].pdf, "-enc", "UTF-8", *(["-layout"] if layout else []))
    squashed = "".join(text.split())
    lines = [" ".join(line.split()) for line in text.splitlines()]
    for name, city, value, source in HAND_CARDS[lang]:
        name, city, value, source = ("".join(x.split()) for x in (name, city, value, source))
        at = squashed.index(name)  # the card: the first place the name stands (no summary line names these)
        after = squashed[at + len(name) :]
        assert after.index(city + value) <= NEAR, (name, after[:80])
        rest = after[after.index(city + value) + len(city + value) :]
        assert source in rest[: SOURCE_NEAR + len(source)], (name, rest[:120])
        # the name and the value on one line of the page
        assert any(name in "".join(line.split()) and value in "".join(line.split()) for line in lines), name


def _pages(pdf: bytes, *options: str) -> list[str]:
    """The PDF's text page by page (pdftotext ends each page with a form feed)."""
    return _poppler("pdftotext", pdf, "-enc", "UTF-8", *options).split("\f")[:-1]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_summary_has_the_first_two_pages_and_the_key_figures_start_the_third(
    pdf_files: dict[str, BriefingFiles], lang: str
) -> None:
    pdf = pdf_files[lang].pdf
    pages = _pages(pdf)
    assert len(pages) > 10
    b = _briefing(lang)
    # `pdftotext -f 1 -l 2`: the title, the contents, each statement
    opening = _poppler("pdftotext", pdf, "-enc", "UTF-8", "-f", "1", "-l", "2")
    assert squash(b.title.title) in squash(pages[0]) and {"zh": "目录", "en": "Contents"}[lang] in pages[0]
    for statement in b.summary.statements:
        assert squash(statement.text) in squash(opening), statement.label
    # In the page's own order (-raw): each statement with its source line, every chart of the summary with its
    # title, source line, summary and quoted reports (pdftotext's reading order puts a contents entry between a
    # statement and its smaller-set source line, and interleaves the lines of the trend and the four cities)
    raw = squash(_poppler("pdftotext", pdf, "-enc", "UTF-8", "-f", "1", "-l", "2", "-raw"))
    assert squash("".join(s.label + s.text + s.sources for s in b.summary.statements)) in raw
    for chart in b.summary.charts:
        assert squash(chart.title + chart.sources + chart.summary) in raw, chart.title
    for target in b.summary.targets:
        assert squash("".join(str(line) for line in target.evidence)) in raw, target.chart.title
    # the key figures begin on page 3, under their heading
    third = [line.strip() for line in pages[2].splitlines() if line.strip()]
    assert third[0] == t("slide_headline", lang)
    assert squash(f"{b.kpis[0].name} · {b.kpis[0].city} {b.kpis[0].value}") in squash(pages[2])
    assert squash(b.kpis[0].value) not in squash(pages[0] + pages[1])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_summary_s_first_page_has_the_statements_and_the_contents_beside_them(
    pdf_files: dict[str, BriefingFiles], lang: str
) -> None:
    first = _pages(pdf_files[lang].pdf, "-layout")[0]
    # the contents in a column beside the statements: its entries ('3. 政务服务') end lines of the statements
    beside = [line for line in first.splitlines() if re.search(r"\S\s{3,}\d\. \S", line)]
    assert len(beside) >= 3, first
    labels = [s.label for s in _briefing(lang).summary.statements]
    assert [label for label in labels if any(label in line for line in first.splitlines())] == labels
    assert {"zh": "1. 摘要", "en": "1. Summary"}[lang] in first
    assert not [r for r in _poppler("pdffonts", pdf_files[lang].pdf).splitlines()[2:] if " Type 3 " in r]
