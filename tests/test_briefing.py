"""The offline briefing: its view model on the real data, the HTML it renders (offline, escaped, every figure cited)
and the file names. The browser half (drawing, requests, the PDF) is in tests/e2e/test_briefing.py."""

import csv
import html
import re
from datetime import date
from functools import cache
from html.parser import HTMLParser

import pytest

from hbeu_dash.filters import Filters
from hbeu_dash.paths import DATA_DIR
from hbeu_dash.report import pdf
from hbeu_dash.report.html import CHART_WIDTH_PX, render_html
from hbeu_dash.views.briefing import Briefing, briefing_filename, build_briefing
from hbeu_dash.views.scope import Scope, load_scope

GENERATED = date(2026, 11, 26)
ULANQAB = Filters(cities=("ulanqab",))


def figure_rows() -> list[dict[str, str]]:
    """data/figures.csv read with the csv module: the expected figures, independent of the code under test."""
    with open(DATA_DIR / "figures.csv", encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def citations_by_source(lang: str) -> dict[str, str]:
    """How a reader cites each source ('青橙融媒 · 2025-02-01'), from sources.csv."""
    with open(DATA_DIR / "sources.csv", encoding="utf-8-sig", newline="") as f:
        return {r["source_id"]: f"{r[f'outlet_{lang}']} · {r['published']}" for r in csv.DictReader(f)}


def in_ulanqab_scope(row: dict[str, str]) -> bool:
    """A figure of Ulanqab, or of the four cities together (shown under any city)."""
    return row["city"] == "region" or "ulanqab" in row["city"].split(";")


@cache
def scope(filters: Filters) -> Scope:
    """The real data under `filters` (read-only, shared by the tests)."""
    return load_scope(DATA_DIR, filters)


@cache
def briefing(filters: Filters) -> Briefing:
    """The briefing of the real data under `filters`, generated on GENERATED."""
    return build_briefing(scope(filters), GENERATED)


@cache
def rendered(filters: Filters) -> str:
    """The briefing's HTML."""
    return render_html(briefing(filters))


# ---------------------------------------------------------------- the view model


@pytest.mark.parametrize(
    ("filters", "scope_text", "generated"),
    [
        (Filters(lang="zh"), "城市:全部;领域:全部", "生成日期:2026年11月26日"),
        (Filters(lang="en"), "Cities: all; sectors: all", "Generated on 26 Nov 2026"),
        (Filters(lang="zh", cities=("ulanqab",)), "城市:乌兰察布;领域:全部", "生成日期:2026年11月26日"),
        (
            Filters(lang="en", cities=("hohhot", "baotou"), sectors=("transport",)),
            "Cities: Hohhot, Baotou; sectors: Transport",
            "Generated on 26 Nov 2026",
        ),
    ],
)
def test_title_page_names_the_scope_the_version_and_the_day(filters: Filters, scope_text: str, generated: str) -> None:
    page = briefing(filters).title
    assert page.scope == scope_text
    assert page.generated == generated
    assert scope(filters).version in page.version and len(scope(filters).version) == 7
    assert page.problems is None


@pytest.mark.parametrize(
    ("lang", "names"),
    [
        (
            "zh",
            [
                "各市“四城通办”事项数(按来源)",
                "呼包通办事项:首批 + 今年新增 = 总数(王惠)",
                "乌兰察布创新联合体与重大项目",
                "人才",
                "鄂尔多斯一体化任务分工方案",
                "重点项目进展(按状态)",
                "呼包鄂乌一体化合作进程",
            ],
        ),
        (
            "en",
            [
                "Four-city service items, by city and source",
                "Hohhot–Baotou shared items: first batch + added this year = total (Wang Hui)",
                "Ulanqab: innovation consortia and major projects",
                "Talent",
                "Ordos: integration task plan, broken down",
                "Projects by status",
                "Integration milestones",
            ],
        ),
    ],
)
def test_every_chart_of_the_pages_is_in_the_briefing(lang: str, names: list[str]) -> None:
    b = briefing(Filters(lang=lang))
    assert [c.title for c in b.charts] == names
    assert b.map is not None and set(b.map.cities["city_id"]) == {"hohhot", "baotou", "ordos", "ulanqab"}
    assert b.tracker is not None and len(b.tracker.rows) == 23  # 23 projects in projects.csv
    assert len(b.events) == 14  # 14 events in events.csv (one row per event)


@pytest.mark.parametrize(
    ("lang", "value", "conflict_heading"),
    [
        ("zh", "58.76万件", "“四城通办”事项数 · 呼和浩特:561 / 1412项"),
        ("en", "587,600 cases", "Hohhot: 561 / 1,412 items"),
    ],
)
def test_key_figures_and_the_conflict_with_its_explanation(lang: str, value: str, conflict_heading: str) -> None:
    # hohhot-cases-2024: 58.76万 cross-city cases handled in Hohhot in 2024; Hohhot's four-city items are 561 in the
    # 8th mayors' meeting interviews and 1412 in Qingcheng Media: the one conflict of the data.
    b = briefing(Filters(lang=lang))
    assert value in [k.value for k in b.kpis]
    assert len(b.conflicts) == 1
    block = b.conflicts[0]
    assert conflict_heading in block.heading
    assert block.text  # the explanation: shown side by side, none chosen
    assert block.table is not None
    values = [r[0].replace(",", "") for r in block.table.rows]
    assert values[0].startswith("561") and values[1].startswith("1412"), values
    cites = citations_by_source(lang)
    assert [r[1] for r in block.table.rows] == [cites["meeting8-interviews"], cites["0471tv-2025-02-01"]]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_figure_of_the_scope_is_cited_once(lang: str) -> None:
    b = briefing(Filters(lang=lang))
    cited = [f for g in b.citations for f in g.figures]
    expected = figure_rows()
    assert len(cited) == len(expected) == 49
    assert sorted(f.evidence for f in cited) == sorted(r["evidence"] for r in expected)
    cites = citations_by_source(lang)
    assert sorted(f.source for f in cited) == sorted(cites[r["source_id"]] for r in expected)
    with_url = [f for f in cited if f.url]
    assert with_url and all(f.url.startswith("https://www.0471tv.org.cn/") for f in with_url)
    assert all(f.source.startswith("青橙融媒") for f in with_url) == (lang == "zh")


def test_an_english_briefing_carries_the_english_rendering_of_the_evidence() -> None:
    english = {f.evidence: f.evidence_en for g in briefing(Filters(lang="en")).citations for f in g.figures}
    chinese = [f.evidence_en for g in briefing(Filters(lang="zh")).citations for f in g.figures]
    row = next(r for r in figure_rows() if r["figure_id"] == "hohhot-cases-2024")
    assert english[row["evidence"]] == row["evidence_en"]
    assert set(chinese) == {""}


def test_a_ulanqab_briefing_leaves_out_the_other_cities_figures() -> None:
    b = briefing(ULANQAB)
    cited = [f for g in b.citations for f in g.figures]
    expected = [r for r in figure_rows() if in_ulanqab_scope(r)]
    assert len(cited) == len(expected) == 24
    assert sorted(f.evidence for f in cited) == sorted(r["evidence"] for r in expected)
    assert {f.city for f in cited} == {"乌兰察布", "四市"}
    assert "58.76万件" not in [k.value for k in b.kpis]  # hohhot-cases-2024 is Hohhot's alone
    titles = [c.title for c in b.charts]
    assert "乌兰察布创新联合体与重大项目" in titles
    assert not any("呼包通办" in t for t in titles)  # the Hohhot–Baotou identity needs Hohhot–Baotou figures
    assert not any("四城通办" in t for t in titles)  # no four-city items are reported for Ulanqab
    assert b.map is not None and list(b.map.cities["city_id"]) == ["ulanqab"]
    assert b.map.values is None and b.map_note == ""  # no four-city items are reported for Ulanqab
    assert b.conflicts == ()


def test_map_markers_are_sized_only_by_a_figure_in_scope() -> None:
    transport = Filters(lang="en", sectors=("transport",))
    assert briefing(transport).map is not None and briefing(transport).map.values is None
    assert briefing(transport).map_note == ""
    assert briefing(Filters(lang="en")).map_note == "City markers are sized by: Four-city service items"


@pytest.mark.parametrize(
    ("lang", "version", "extension", "name"),
    [
        ("zh", "6a17c53", "html", "hbeu-briefing-zh-6a17c53.html"),
        ("en", "ab12cd3", "pdf", "hbeu-briefing-en-ab12cd3.pdf"),
    ],
)
def test_file_names_carry_the_language_and_the_data_version(lang: str, version: str, extension: str, name: str) -> None:
    assert briefing_filename(lang, version, extension) == name


def test_file_names_of_a_briefing() -> None:
    b = briefing(Filters(lang="zh"))
    assert b.filename("html") == f"hbeu-briefing-zh-{scope(Filters(lang='zh')).version}.html"


# ---------------------------------------------------------------- the HTML


class Resources(HTMLParser):
    """Everything in a page that could load something: attributes naming a URL, style sheets, scripts."""

    URL_ATTRIBUTES = frozenset(
        {"src", "href", "srcset", "poster", "data", "action", "formaction", "background", "xlink:href"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []  # values of URL attributes
        self.styles: list[str] = []  # <style> contents and style="" attributes
        self.tags: list[str] = []
        self.scripts: list[tuple[bool, int, bool]] = []  # (in <head>, length, has src)
        self._open: str | None = None
        self._in_head = False
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        values = dict(attrs)
        self.urls += [v or "" for k, v in attrs if k in self.URL_ATTRIBUTES]
        if values.get("style"):
            self.styles.append(values["style"] or "")
        if tag == "head":
            self._in_head = True
        if tag in ("style", "script"):
            self._open, self._text = tag, []
            self._src = "src" in values

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self._in_head = False
        if tag == self._open:
            body = "".join(self._text)
            if tag == "style":
                self.styles.append(body)
            else:
                self.scripts.append((self._in_head, len(body), self._src))
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open:
            self._text.append(data)


def resources(page: str) -> Resources:
    """The page parsed for anything it could load."""
    parser = Resources()
    parser.feed(page)
    return parser


@pytest.mark.parametrize("filters", [Filters(lang="zh"), Filters(lang="en"), ULANQAB])
def test_the_html_loads_nothing_from_anywhere(filters: Filters) -> None:
    found = resources(rendered(filters))
    assert found.urls and all(u.startswith("#") for u in found.urls), found.urls  # only in-page links
    assert not [u for u in found.urls if re.search(r"https?:", u)]
    for css in found.styles:
        assert not re.search(r"url\(|@import|https?:", css), css[:200]
    assert not {"link", "img", "iframe", "object", "embed", "video", "audio", "source", "base"} & set(found.tags)
    assert not [s for s in found.scripts if s[2]], "no <script src>"


@pytest.mark.parametrize("filters", [Filters(lang="zh"), Filters(lang="en")])
def test_plotly_js_is_embedded_once_in_the_head_and_every_chart_is_drawn_by_it(filters: Filters) -> None:
    page = rendered(filters)
    found = resources(page)
    big = [s for s in found.scripts if s[1] > 1_000_000]
    assert len(big) == 1 and big[0][0], "plotly.js, once, in <head>"
    n_charts = len(briefing(filters).charts) + 1  # and the map
    assert page.count("Plotly.newPlot(") == n_charts == 8
    assert page.count('class="plotly-graph-div"') == n_charts
    widths = re.findall(r'<div style="height:\d+px; width:(\d+)px;">\s*<div id="[\w-]+" class="plotly-graph-div"', page)
    assert widths == [str(CHART_WIDTH_PX)] * n_charts  # fixed widths: the printed page shows the same layout
    assert '"displaylogo": false' in page


@pytest.mark.parametrize(("filters", "html_lang"), [(Filters(lang="zh"), "zh-CN"), (Filters(lang="en"), "en")])
def test_the_page_says_its_language(filters: Filters, html_lang: str) -> None:
    assert f'<html lang="{html_lang}">' in rendered(filters)


def _citations_text(page: str) -> str:
    """The text of the citations section, tags removed and entities decoded."""
    section = page[page.index('<section id="citations">') :]
    return html.unescape(re.sub(r"<[^>]+>", " ", section))


@pytest.mark.parametrize(
    ("filters", "rows"),
    [
        (Filters(lang="zh"), figure_rows),
        (Filters(lang="en"), figure_rows),
        (ULANQAB, lambda: [r for r in figure_rows() if in_ulanqab_scope(r)]),
    ],
)
def test_every_figure_of_the_scope_appears_with_its_citation(filters: Filters, rows: object) -> None:
    text = _citations_text(rendered(filters))
    cites = citations_by_source(filters.lang)
    for row in rows():
        assert f"“{row['evidence']}”" in text, row["figure_id"]
        assert cites[row["source_id"]] in text, row["figure_id"]
        if filters.lang == "en":
            assert row["evidence_en"] in text, row["figure_id"]
    hohhot_only = [r for r in figure_rows() if r["city"] == "hohhot"]
    if filters == ULANQAB:
        assert not [r["figure_id"] for r in hohhot_only if f"“{r['evidence']}”" in text]


def hostile_scope(lang: str) -> Scope:
    """The real data with markup in a figure's evidence, an indicator name, a source's citation and a speaker."""
    real = scope(Filters(lang=lang))
    figures = real.figures.copy()
    for column in ("indicator_zh", "indicator_en", "cite_zh", "cite_en", "speaker_zh", "speaker_en", "url"):
        figures[column] = figures[column].astype(object)
    row = figures.index[figures["figure_id"] == "hohhot-cases-2024"][0]
    figures.loc[row, "evidence"] = '<script>window.__pwned = 1</script>58.76万"><img src=x onerror=alert(1)>'
    figures.loc[row, ["indicator_zh", "indicator_en"]] = "<b onmouseover=alert(2)>指标</b>"
    figures.loc[row, ["cite_zh", "cite_en"]] = "</script><script>alert(3)</script>"
    figures.loc[row, ["speaker_zh", "speaker_en"]] = "{{ 7 * 7 }}"
    figures.loc[row, "url"] = "javascript:alert(4)"
    return Scope(real.result, figures, real.filters, real.version)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_data_texts_are_escaped(lang: str) -> None:
    page = render_html(build_briefing(hostile_scope(lang), GENERATED))
    for raw in ("<script>window.__pwned", "<img src=x", "<b onmouseover", "<script>alert(3)"):
        assert raw not in page
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in page
    assert "&lt;b onmouseover=alert(2)&gt;" in page
    assert "{{ 7 * 7 }}" in page and ">49<" not in page  # data is not template code
    found = resources(page)
    assert all(u.startswith("#") for u in found.urls)  # the URL is printed as text, never linked
    assert "javascript:alert(4)" in _citations_text(page)


def test_render_html_refuses_another_language() -> None:
    with pytest.raises(ValueError, match="'zh'"):
        render_html(briefing(Filters(lang="zh")), "en")


def test_broken_data_is_left_out_and_said_on_the_title_page(data_dir: object) -> None:
    from tests.conftest import set_cell

    set_cell(data_dir / "events.csv", 4, "date", "2024/12/07")
    b = build_briefing(load_scope(data_dir, Filters(lang="en")), GENERATED)
    assert b.title.problems is not None and "events.csv" in b.title.problems
    assert b.timeline is None and b.events == ()
    assert b.kpis and len(b.charts) == 6  # everything else is still there
    assert "events.csv" in render_html(b)


def test_a_missing_chromium_is_a_pdf_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHROMIUM", "/nowhere/chromium")
    monkeypatch.setattr(pdf.shutil, "which", lambda _name: None)
    with pytest.raises(pdf.PdfError, match="/nowhere/chromium"):
        pdf.render_pdf("<html></html>")


def test_a_pdf_failure_keeps_the_html(monkeypatch: pytest.MonkeyPatch) -> None:
    from hbeu_dash.report import build

    def fail(_html: str) -> bytes:
        raise pdf.PdfError("Chromium not found")

    monkeypatch.setattr(build, "render_pdf", fail)
    files = build.build_briefing_files(scope(ULANQAB), GENERATED)
    assert files.pdf is None and files.pdf_error == "Chromium not found"
    assert files.html.startswith(b"<!DOCTYPE html>") and files.html_name == files.pdf_name[:-3] + "html"
    assert files.html_name == f"hbeu-briefing-zh-{scope(ULANQAB).version}.html"


def test_tables_are_plain_text() -> None:
    b = briefing(Filters(lang="en"))
    assert b.tracker is not None
    assert all(isinstance(cell, str) for row in b.tracker.rows for cell in row)


def test_the_resource_scan_sees_external_references() -> None:
    page = (
        '<html><head><link rel="stylesheet" href="https://cdn.example/x.css"><style>@import "https://a.example/y.css";'
        ' body { background: url(https://b.example/z.png) }</style><script src="https://c.example/p.js"></script>'
        '</head><body><img src="http://d.example/i.png"></body></html>'
    )
    found = resources(page)
    assert found.urls == ["https://cdn.example/x.css", "https://c.example/p.js", "http://d.example/i.png"]
    assert re.search(r"url\(|@import", found.styles[0])
    assert {"link", "img"} <= set(found.tags) and found.scripts[0][2]
