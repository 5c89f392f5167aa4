"""The offline briefing: its view model on the real data, the HTML it renders (offline, escaped, every figure cited)
and the file names. The browser half (drawing, requests, the PDF) is in tests/e2e/test_briefing.py."""

import csv
import html
import re
from datetime import date
from functools import cache
from html.parser import HTMLParser

import pytest
from markupsafe import escape

from hbeu_dash.documents.briefing import pdf
from hbeu_dash.documents.briefing.build import load_scope
from hbeu_dash.documents.briefing.html import CHART_WIDTH_PX, SUMMARY_FITS, SUMMARY_GAP_PX, render_html
from hbeu_dash.i18n import t
from hbeu_dash.model.verify import ELLIPSIS, MAX_PARAGRAPH_CONTEXT
from hbeu_dash.paths import DATA_DIR
from hbeu_dash.store import CsvStore
from hbeu_dash.views.briefing import Briefing, briefing_filename, build_briefing, mark_paragraph, paragraph_bounds
from hbeu_dash.views.filters import Filters
from hbeu_dash.views.scope import Scope
from tests.real_data import csv_rows

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


def urls_by_source() -> dict[str, str]:
    """Each source's URL ('' when it has none), from sources.csv."""
    with open(DATA_DIR / "sources.csv", encoding="utf-8-sig", newline="") as f:
        return {r["source_id"]: r["url"] for r in csv.DictReader(f)}


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
        (Filters(lang="zh"), "城市：全部；领域：全部", "生成日期：2026年11月26日"),
        (Filters(lang="en"), "Cities: all; sectors: all", "Generated on 26 Nov 2026"),
        (Filters(lang="zh", cities=("ulanqab",)), "城市：乌兰察布；领域：全部", "生成日期：2026年11月26日"),
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
                "各市“四城通办”事项数（按来源）",
                "呼包通办事项:首批 + 今年新增 = 总数(王惠)",
                "乌兰察布创新联合体与重大项目",
                "人才",
                "鄂尔多斯一体化任务分工方案",
                "重点项目进展（按状态）",
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
    # One tracker row per project and one entry per event, however many reports each has in its file.
    assert b.tracker is not None and len(b.tracker.rows) == len({r["project_id"] for r in csv_rows("projects")})
    assert len(b.events) == len({r["event_id"] for r in csv_rows("events")})


@pytest.mark.parametrize(
    ("lang", "value", "conflict_heading"),
    [
        ("zh", "58.76万件", "“四城通办”事项数 · 呼和浩特：561 / 1412项"),
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
    assert len(cited) == len(expected)
    assert sorted(f.evidence for f in cited) == sorted(r["evidence"] for r in expected)
    # Each figure cites its own source by name in the reader's language, with that source's URL (if any).
    cites, urls = citations_by_source(lang), urls_by_source()
    assert sorted((f.source, f.url) for f in cited) == sorted(
        (cites[r["source_id"]], urls[r["source_id"]]) for r in expected
    )
    assert any(f.url for f in cited) and any(not f.url for f in cited)  # meeting8-interviews has no URL


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
    assert len(cited) == len(expected)
    assert sorted(f.evidence for f in cited) == sorted(r["evidence"] for r in expected)
    # Ulanqab's own, the four cities', and links through Ulanqab: the Hohhot–Ulanqab HSR (people-20170803,
    # ce-20170804) and the Baotou–Jining EMUs (people-20150109, xinhua-20160122), by hand from figures.csv.
    assert {f.city for f in cited} == {"乌兰察布", "四市", "呼和浩特–乌兰察布", "呼和浩特–包头–乌兰察布"}
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


# ---------------------------------------------------------------- the summary: the opening two pages

# The headline statements, in order, by hand (tests/test_views_headline.py reads them the same way): the biggest
# change is northnews-202012-beijing-north-before/-after (trains terminating at Beijing North, 8 → 10 from the
# timetable of 20 January 2021); the newest report is of Aug 2025 (northnews-20250807, Inner Mongolia Daily: 547 items);
# the one open conflict is Hohhot's four-city items (561 / 1412); the latest meeting is the 8th mayors' meeting.
SUMMARY_LABELS = {
    "zh": ["变化最大", "最新报告", "待核冲突", "最近一次会议"],
    "en": ["Biggest change", "Newest report", "Open conflicts", "Latest meeting"],
}
SUMMARY_CHANGE = {
    "zh": "终到北京北站的内蒙古列车数（四市）：8趟（2020年12月）→ 10趟（2021年1月20日）",
    "en": (
        "Inner Mongolia trains terminating at Beijing North (Four cities): 8 trains (Dec 2020) → 10 trains "
        "(20 Jan 2021)"
    ),
}
SUMMARY_CHARTS = {
    "zh": [
        "终到北京北站的内蒙古列车数：随时间变化",
        "“四城通办”事项数：四市对比",
        "铁路经济圈目标时长（1小时）与实测",
        "公路经济圈目标时长（2小时）与实测",
    ],
    "en": [
        "Inner Mongolia trains terminating at Beijing North over time",
        "Four-city service items: the four cities side by side",
        "Rail economic circle target (1 hour) against measurements",
        "Road economic circle target (2 hours) against measurements",
    ],
}
# The targets against what was measured, by hand from figures.csv: the 1-hour rail circle (0471tv-2025-02-01, the
# latest report of it) against ce-20170804-hsr-minutes (40分钟) and people-20170803-hsr-minutes (40分鐘左右, about
# 40), both of 3 Aug 2017, earlier people-20170803-rail-hours-before (一個多小時, more than an hour); and against the
# Jining South–Baotou EMUs through Hohhot (xinhua-20160122: 2小时14分 = 134 minutes from 24 Jan 2016, earlier
# 2小时24分 = 144). The 2-hour road circle against hb-drive-hours (两个多小时, more than two hours, Feb 2025).
TARGET_SUMMARIES = {
    "zh": [
        "铁路经济圈目标时长：1小时。实测：呼和浩特–乌兰察布40分钟 / 约40分钟（0.67小时 / 约0.67小时，2017年8月3日；"
        "呼和浩特东至乌兰察布高铁运行时间），在目标之内，此前为多于1小时（2017年8月）；包头–乌兰察布（途经呼和浩特）"
        "134分钟（2.23小时，2016年1月24日；集宁南至包头动车全程运行时间），超出目标，此前为144分钟（2015年1月8日）。"
        "没有实测数据的城市对：呼和浩特–包头、呼和浩特–鄂尔多斯、包头–鄂尔多斯、鄂尔多斯–乌兰察布。",
        "公路经济圈目标时长：2小时。实测：呼和浩特–包头多于2小时（2025年2月；呼包两城驾车单程时长(动车开通前)），"
        "超出目标。没有实测数据的城市对：呼和浩特–鄂尔多斯、呼和浩特–乌兰察布、包头–鄂尔多斯、包头–乌兰察布、"
        "鄂尔多斯–乌兰察布。",
    ],
    "en": [
        "Rail economic circle target: 1 hour. Measured: Hohhot–Ulanqab 40 minutes / about 40 minutes (0.67 hours / "
        "about 0.67 hours, 3 Aug 2017; HSR journey time, Hohhot East–Ulanqab), within the target; earlier more than "
        "1 hour (Aug 2017); Baotou–Ulanqab (via Hohhot) 134 minutes (2.23 hours, 24 Jan 2016; EMU journey time, "
        "Jining South–Baotou), over the target; earlier 144 minutes (8 Jan 2015). No measurement reported for: "
        "Hohhot–Baotou, Hohhot–Ordos, Baotou–Ordos, Ordos–Ulanqab.",
        "Road economic circle target: 2 hours. Measured: Hohhot–Baotou more than 2 hours (Feb 2025; Hohhot–Baotou "
        "drive, one way (before EMU trains)), over the target. No measurement reported for: Hohhot–Ordos, "
        "Hohhot–Ulanqab, Baotou–Ordos, Baotou–Ulanqab, Ordos–Ulanqab.",
    ],
}
# The quoted words of each target's lines: the target's report (0471tv-2025-02-01), then each pair's latest.
TARGET_QUOTES = [
    ["一小时铁路经济圈、两小时公路经济圈", "全长126公里,运行时间40分钟", "40分鐘左右", "全程运行时间仅需2小时14分"],
    ["一小时铁路经济圈、两小时公路经济圈", "单程需两个多小时"],
]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_summary_s_statements_in_order_each_cited(lang: str) -> None:
    summary = briefing(Filters(lang=lang)).summary
    assert summary is not None and summary.heading == {"zh": "摘要", "en": "Summary"}[lang]
    assert [s.label for s in summary.statements] == SUMMARY_LABELS[lang]
    assert summary.statements[0].text == SUMMARY_CHANGE[lang]
    cites = citations_by_source(lang)
    assert summary.statements[0].sources.endswith(cites["northnews-202012"])
    assert cites["northnews-20250807"] in summary.statements[1].sources
    assert cites["meeting8-interviews"] in summary.statements[2].sources
    assert cites["0471tv-2025-02-01"] in summary.statements[2].sources
    assert all(s.sources for s in summary.statements)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_summary_s_charts_the_trend_the_four_cities_and_the_targets(lang: str) -> None:
    summary = briefing(Filters(lang=lang)).summary
    assert [c.title for c in summary.charts] == SUMMARY_CHARTS[lang]
    trend, cities = summary.comparison
    # the biggest change's indicator over time: the two northnews-202012 figures, 8 then 10
    assert {tuple(trace.y) for trace in trend.figure.data if trace.y is not None} == {(8, 10)}
    # the four cities side by side: Hohhot's 561 and 1412, Baotou's 587, Ordos and Ulanqab not reported
    not_reported = {"zh": "未报告", "en": "not reported"}[lang]
    names = {"zh": ("鄂尔多斯", "乌兰察布"), "en": ("Ordos", "Ulanqab")}[lang]
    twin = cities.table
    empty = twin[twin[t("value_text", lang)] == not_reported][t("city", lang)].tolist()
    assert empty == list(names)
    assert [a.text for a in cities.figure.layout.annotations].count(not_reported) == 2
    for name in names:
        assert f"{name} {not_reported}" in cities.summary
    assert [target.chart.summary for target in summary.targets] == TARGET_SUMMARIES[lang]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_summary_s_targets_quote_their_reports(lang: str) -> None:
    summary = briefing(Filters(lang=lang)).summary
    cites = citations_by_source(lang)
    for target, quotes in zip(summary.targets, TARGET_QUOTES, strict=True):
        assert len(target.evidence) == len(quotes)
        for line, words in zip(target.evidence, quotes, strict=True):
            assert words in line.quote and words not in line.lead
        assert target.evidence[0].lead.startswith({"zh": "目标：", "en": "Target: "}[lang])
        assert cites["0471tv-2025-02-01"] in target.evidence[0].lead
    rail = [str(line) for line in summary.targets[0].evidence]
    assert (
        cites["ce-20170804"] in rail[1] and cites["people-20170803"] in rail[2] and cites["xinhua-20160122"] in rail[3]
    )
    if lang == "en":  # the English rendering beside the words
        assert "(126 km long, with a journey time of 40 minutes)" in rail[1]


@pytest.mark.parametrize("filters", [Filters(lang="zh"), Filters(lang="en"), ULANQAB])
def test_every_row_of_the_summary_s_charts_is_cited(filters: Filters) -> None:
    b = briefing(filters)
    by_id = {r["figure_id"]: r for r in figure_rows()}
    cited = {(f.evidence, f.source) for g in b.citations for f in g.figures}
    cites = citations_by_source(filters.lang)
    shown = [ref for c in b.summary.charts for table, ids in c.refs if table == "figures" for ref in ids]
    assert len(shown) > 5
    for figure_id in shown:
        row = by_id[figure_id]
        assert (row["evidence"], cites[row["source_id"]]) in cited, figure_id
    assert all(c.sources for c in b.summary.charts)  # and each chart has its source line


def test_a_ulanqab_summary_names_only_the_unmeasured_pairs_of_ulanqab() -> None:
    summary = briefing(ULANQAB).summary
    # no four-city items for Ulanqab: the trend stands alone; the targets' unmeasured pairs are Ulanqab's
    assert [c.title for c in summary.comparison] == ["终到北京北站的内蒙古列车数：随时间变化"]
    rail, road = (target.chart.summary for target in summary.targets)
    assert rail.endswith("没有实测数据的城市对：鄂尔多斯–乌兰察布。")
    assert "呼和浩特–包头" not in road  # hb-drive-hours is Hohhot–Baotou's: not in a briefing on Ulanqab
    assert road.endswith("没有实测数据的城市对：呼和浩特–乌兰察布、包头–乌兰察布、鄂尔多斯–乌兰察布。")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_summary_opens_the_html_with_the_contents_beside_it(lang: str) -> None:
    page = rendered(Filters(lang=lang))
    summary = briefing(Filters(lang=lang)).summary
    start, end = page.index('<section id="summary"'), page.index('<nav class="contents"')
    section = html.unescape(re.sub(r"<[^>]+>", "", page[start:end]))
    places = [section.index(s.text) for s in summary.statements]
    assert places == sorted(places)
    for s in summary.statements:  # each with its source line
        assert squash(s.text + s.sources) in squash(section), s.label
    for chart in summary.charts:
        assert chart.title in section and chart.sources in section and chart.summary in section
    assert page.index('<section class="title-page"') < start < end < page.index('<section id="kpis">')
    assert re.search(r'<ol>\s*<li><a href="#summary">' + summary.heading + "</a></li>", page)
    if lang == "en":  # the sources' own words marked as Chinese, beside their English
        assert '“<span lang="zh">全长126公里,运行时间40分钟</span>” (126 km long' in page[start:end]
    else:
        assert 'lang="zh"' not in page[start:end]


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
    n_charts = len(briefing(filters).all_charts) + 1  # the summary's, the pages' and the map
    assert page.count("Plotly.newPlot(") == n_charts == 4 + 8
    assert page.count('class="plotly-graph-div"') == n_charts
    widths = re.findall(r'<div style="height:\d+px; width:(\d+)px;">\s*<div id="[\w-]+" class="plotly-graph-div"', page)
    # fixed widths: the printed page shows the same layout; the summary's trend and four cities side by side
    narrow, wide = SUMMARY_FITS["narrow"]["width"], SUMMARY_FITS["wide"]["width"]
    assert narrow + wide + SUMMARY_GAP_PX == CHART_WIDTH_PX
    assert widths == [str(w) for w in (narrow, wide, *[CHART_WIDTH_PX] * (n_charts - 2))]
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
    from hbeu_dash.documents.briefing import build

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


# ---------------------------------------------------------------- the sources appendix: each figure's paragraph

# hohhot-cases-2024 (58.76万 cross-city cases handled in Hohhot in 2024), a key figure: its paragraph in the 8th mayors'
# meeting interviews holds five other figures (the five batches, Hohhot's 561 items, the 423 adjusted, the 312
# Hohhot–Baotou items, the two channels), so it shows the fragment marked and the paragraph printed once for all six;
# the channels' fragment ('开辟了线上线下两个\n\n通办渠道') crosses a line break: the paragraph takes the next line.
CASES = "hohhot-cases-2024"
QINGCHENG = "0471tv-2025-02-01"


def figure_row(figure_id: str) -> dict[str, str]:
    """One row of data/figures.csv."""
    return next(r for r in figure_rows() if r["figure_id"] == figure_id)


def source_rows(folder: object = DATA_DIR) -> dict[str, dict[str, str]]:
    """sources.csv by source_id, read with the csv module."""
    with open(folder / "sources.csv", encoding="utf-8-sig", newline="") as f:
        return {r["source_id"]: r for r in csv.DictReader(f)}


def squash(text: str) -> str:
    """The text without whitespace."""
    return "".join(text.split())


def lines_of(row: dict[str, str]) -> list[str]:
    """The non-empty lines of the row's archived source text, from the one holding its evidence on."""
    text = CsvStore(DATA_DIR).source_text(source_rows()[row["source_id"]]["text_sha256"])
    assert text is not None, f"the text of {row['source_id']} is not archived (see tests/conftest.py)"
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return lines[next(i for i, line in enumerate(lines) if row["evidence"] in line) :]


def paragraph_html(page: str, number: int) -> str:
    """The HTML of one paragraph of the appendix, up to the next one (or the section's end)."""
    start = page.index(f'<div class="para" id="para-{number}">')
    ends = [i for i in (page.find('<div class="para" id="para-', start + 1), page.find("</section>", start)) if i > 0]
    return page[start : min(ends)]


def plain(fragment: str) -> str:
    """The text of some HTML, tags removed, entities decoded, whitespace squashed."""
    return squash(html.unescape(re.sub(r"<[^>]+>", "", fragment)))


def cited_figure(b: Briefing, row: dict[str, str]) -> object:
    """The citation of a figure (by its evidence and source: two sources quote the same words)."""
    cite = citations_by_source(b.lang)[row["source_id"]]
    return next(f for g in b.citations for f in g.figures if f.evidence == row["evidence"] and f.source == cite)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_figure_s_paragraph_is_printed_once_with_its_fragment_marked(lang: str) -> None:
    row = figure_row(CASES)
    paragraph = squash("".join(lines_of(row)[:2]))  # its line and the next (see CASES)
    b = briefing(Filters(lang=lang))
    cited = cited_figure(b, row)
    assert cited.paragraph is not None and cited.paragraph_status == ""
    para = next(p for s in b.sources for p in s.paragraphs if p.number == cited.paragraph)
    assert squash("".join(s.text for s in para.segments)) == paragraph  # the whole paragraph: short, nothing cut
    assert row["evidence"] in [s.text for s in para.segments if s.marked]
    quoting = [r for r in figure_rows() if r["source_id"] == row["source_id"] and squash(r["evidence"]) in paragraph]
    assert len(para.figures) == len(quoting) == 6
    page = rendered(Filters(lang=lang))
    block = paragraph_html(page, cited.paragraph)
    assert f"<mark>{escape(row['evidence'])}</mark>" in block
    assert plain(block).startswith(f"¶{cited.paragraph}{paragraph}")
    assert page.count(f"<mark>{escape(row['evidence'])}</mark>") == 1  # printed once, not once per figure
    assert page.count(f'href="#para-{cited.paragraph}"') == 6  # each of its figures points to it


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_figure_points_to_a_paragraph_that_marks_its_fragment(lang: str) -> None:
    b = briefing(Filters(lang=lang))
    paragraphs = {p.number: p for s in b.sources for p in s.paragraphs}
    assert sorted(paragraphs) == list(range(1, len(paragraphs) + 1))
    cited = [f for g in b.citations for f in g.figures]
    for f in cited:
        marks = [squash(s.text) for s in paragraphs[f.paragraph].segments if s.marked]
        assert any(squash(f.evidence) in m for m in marks), f.evidence
    texts = ["".join(s.text for s in p.segments) for p in paragraphs.values()]
    assert len(set(texts)) == len(texts) < len(cited)  # no paragraph twice; fewer paragraphs than figures
    assert [s.source for s in b.sources] == list(dict.fromkeys(f.source for f in cited))  # in order of citation
    assert all(s.status == "" and s.unplaced == () for s in b.sources)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_source_without_archived_text_says_so_in_one_line_and_no_paragraph(data_dir: object, lang: str) -> None:
    from tests.conftest import edit_rows

    def blank(rows: list[list[str]]) -> None:
        header = rows[0]
        for r in rows[1:]:
            if r[header.index("source_id")] == QINGCHENG:
                r[header.index("text_sha256")] = ""

    edit_rows(data_dir / "sources.csv", blank)
    b = build_briefing(load_scope(data_dir, Filters(lang=lang)), GENERATED)
    line = t("citation_no_text", lang, source=citations_by_source(lang)[QINGCHENG])
    rows = [r for r in figure_rows() if r["source_id"] == QINGCHENG]
    for row in rows:
        cited = cited_figure(b, row)
        assert (cited.paragraph, cited.paragraph_status) == (None, line)
    source = next(s for s in b.sources if s.source == citations_by_source(lang)[QINGCHENG])
    assert source.status == line and source.paragraphs == ()
    assert all(s.paragraphs for s in b.sources if s is not source)  # the other source still prints its own
    page = render_html(b)
    appendix = page[page.index('<section id="paragraphs">') :]
    assert appendix.count(escape(line)) == 1  # one line for the source
    assert page.count(escape(line)) == len(rows) + 1  # and one in each of its figures' citations
    start = appendix.index(f"<h3>{escape(citations_by_source(lang)[QINGCHENG])}</h3>")
    end = appendix.find('<div class="source-text">', start)
    block = appendix[start : end if end > 0 else None]
    assert escape(line) in block and 'class="para"' not in block and "<mark>" not in block
    elsewhere = {r["evidence"] for r in figure_rows() if r["source_id"] != QINGCHENG}  # words both sources print
    for row in rows:
        if row["evidence"] not in elsewhere:
            assert f"<mark>{escape(row['evidence'])}" not in page, row["figure_id"]
    assert f"<mark>{escape(figure_row(CASES)['evidence'])}</mark>" in appendix


def test_an_archived_text_is_escaped_like_any_data_text(data_dir: object) -> None:
    from tests.conftest import edit_rows

    row = figure_row(CASES)
    store = CsvStore(data_dir)
    sha = source_rows(data_dir)[row["source_id"]]["text_sha256"]
    text = store.source_text(sha)
    hostile = text.replace("以首府为例", '<img src=x onerror=alert(5)>"{{ 7 * 7 }}以首府为例', 1)
    assert hostile != text
    (new_sha,) = store.add_texts([hostile])

    def point(rows: list[list[str]]) -> None:
        header = rows[0]
        for r in rows[1:]:
            if r[header.index("source_id")] == row["source_id"]:
                r[header.index("text_sha256")] = new_sha

    edit_rows(data_dir / "sources.csv", point)
    page = render_html(build_briefing(load_scope(data_dir, Filters(lang="zh")), GENERATED))
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(5)&gt;&#34;{{ 7 * 7 }}" in page
    assert f"<mark>{escape(row['evidence'])}</mark>" in page
    assert all(u.startswith("#") for u in resources(page).urls)


def spans(text: str, *quotes: str) -> list[tuple[int, int]]:
    """Where each quote stands in the text."""
    return [(text.index(q), text.index(q) + len(q)) for q in quotes]


@pytest.mark.parametrize(
    ("text", "quotes", "expected"),
    [
        # a short paragraph: whole, each fragment marked, overlapping quotes marked once
        ("x\n  abc DEF ghi JKL mno  \ny", ("DEF", "JKL", "KL", "DEF g"), "abc [DEF g]hi [JKL] mno"),
        # a long paragraph (a page read without line breaks) is cut beside its fragments
        ("a" * 500 + "MID" + "b" * 900 + "END" + "c" * 500, ("MID", "END"), None),
    ],
)
def test_paragraphs_are_marked_and_long_ones_cut(text: str, quotes: tuple[str, ...], expected: str | None) -> None:
    marks = spans(text, *quotes)
    bounds = paragraph_bounds(text, *marks[0])
    segments = mark_paragraph(text, bounds, marks)
    shown = "".join(f"[{s.text}]" if s.marked else s.text for s in segments)
    if expected is not None:
        assert shown == expected
        return
    context = "a" * MAX_PARAGRAPH_CONTEXT
    assert shown.startswith(ELLIPSIS + context + "[MID]")
    assert f"[MID]{'b' * MAX_PARAGRAPH_CONTEXT} {ELLIPSIS} {'b' * MAX_PARAGRAPH_CONTEXT}[END]" in shown
    assert shown.endswith("[END]" + "c" * MAX_PARAGRAPH_CONTEXT + ELLIPSIS)


def test_a_fragment_across_a_line_break_brings_both_lines() -> None:
    text = "one\nfirst half of a sen\n\ntence and the rest\nthree"
    start = text.index("sen")
    end = text.index("tence") + len("tence")
    assert text[slice(*paragraph_bounds(text, start, end))] == "first half of a sen\n\ntence and the rest"


def test_the_scope_reads_texts_from_its_store_and_the_app_gives_the_briefing_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from hbeu_dash.store import select
    from hbeu_dash.ui import briefing as ui_briefing
    from hbeu_dash.views.scope import with_texts

    sha = source_rows()[figure_row(CASES)["source_id"]]["text_sha256"]
    archived = CsvStore(DATA_DIR).source_text(sha)
    assert archived is not None and scope(Filters()).texts(sha) == archived
    bare = Scope(scope(Filters()).result, scope(Filters()).figures, Filters(), scope(Filters()).version)
    assert bare.texts is None
    selected = scope(Filters()).selected
    given = with_texts(scope(Filters()), CsvStore(DATA_DIR).source_text)
    assert given.selected is selected  # the selections already made are shared, not made again
    monkeypatch.delenv(select.ENV_VAR, raising=False)
    app = ui_briefing.briefing_scope(Filters())
    assert app.texts(sha) == archived and app.version == scope(Filters()).version


def test_a_scope_given_no_archive_prints_no_paragraph() -> None:
    real = scope(Filters(lang="en"))
    b = build_briefing(Scope(real.result, real.figures, real.filters, real.version), GENERATED)
    assert b.sources and all(s.paragraphs == () and s.status for s in b.sources)
    assert "<mark>" not in render_html(b)


def test_a_briefing_on_the_database_store_prints_the_paragraphs_from_its_archive(pg_url: str) -> None:
    from hbeu_dash.store.sql_store import SqlStore
    from tests.test_sql_store import load

    store = SqlStore(pg_url)
    load(store)
    csv_store = CsvStore(DATA_DIR)
    store.add_texts(csv_store.source_text(r["text_sha256"]) for r in source_rows().values() if r["text_sha256"])
    row = figure_row(CASES)
    b = build_briefing(load_scope(store, Filters(lang="en")), GENERATED)
    assert b.version == scope(Filters(lang="en")).version
    assert b.sources == briefing(Filters(lang="en")).sources  # the same appendix as from the CSV folder
    assert f"<mark>{escape(row['evidence'])}</mark>" in render_html(b)


def test_the_app_s_button_builds_the_briefing_with_the_paragraphs(monkeypatch: pytest.MonkeyPatch) -> None:
    from collections import OrderedDict

    from streamlit.testing.v1 import AppTest

    from hbeu_dash.documents.briefing import build
    from hbeu_dash.paths import ROOT
    from hbeu_dash.store import select
    from hbeu_dash.ui import briefing as ui_briefing

    monkeypatch.delenv(select.ENV_VAR, raising=False)
    monkeypatch.setattr(build, "render_pdf", lambda _html: b"%PDF-1.4 not printed in this test")
    monkeypatch.setattr(ui_briefing, "_BUILT", OrderedDict())  # nothing shared with another test's build
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    at.button(key="briefing-make").click().run()
    assert not at.exception
    files = at.session_state[ui_briefing.STATE_KEY][1]
    assert f"<mark>{escape(figure_row(CASES)['evidence'])}</mark>" in files.html.decode("utf-8")
