"""The reader's paragraph as a view model: what a link asks for (parsed safely, written back), each row's paragraph
in its source's archived text with the source's particulars, and the HTML the app renders it as."""

import html
from urllib.parse import parse_qs, urlparse

import pandas as pd
import pytest

from hbeu_dash.paths import DATA_DIR
from hbeu_dash.store import CsvStore
from hbeu_dash.ui import citations as citation_ui
from hbeu_dash.ui.evidence import mark_spans
from hbeu_dash.views import citations
from hbeu_dash.views.citations import (
    FOUND,
    MAX_REFS,
    NO_TEXT,
    NOT_FOUND,
    CitationRequest,
    Ignored,
    evidence_href,
    figures_request,
    find_citations,
    parse_request,
    request_of,
)
from tests.real_data import tables

HOHHOT_561 = "hohhot-service-items-a"  # 以首府为例,通办事项已达561项 (8th meeting interviews, no URL)
HOHHOT_1412 = "hohhot-service-items-b"  # 实现“四城通办”事项1412项 (Qingcheng Media, with a URL)
S43 = ("s43-airport-expressway", "meeting8-interviews")
PLAN = ("plan-14th-fyp", "0471tv-2025-02-01")


def lookup(sha: str) -> str | None:
    return CsvStore(DATA_DIR).source_text(sha)


PARSE_CASES = {
    "one figure": ({"fig": HOHHOT_561}, [("figures", (HOHHOT_561,))], []),
    "two figures, a blank and a repeat": (
        {"fig": f"{HOHHOT_561},,{HOHHOT_1412},{HOHHOT_561}"},
        [("figures", (HOHHOT_561,)), ("figures", (HOHHOT_1412,))],
        [],
    ),
    "a project and an event name their source": (
        {"project": ":".join(S43), "event": ":".join(PLAN)},
        [("projects", S43), ("events", PLAN)],
        [],
    ),
    "a repeated parameter: the last one": ({"fig": ["a", "b"]}, [("figures", ("b",))], []),
    "markup is not an id": ({"fig": "<script>alert(1)</script>"}, [], [Ignored("fig", "<script>alert(1)</script>")]),
    "a figure has no source part": ({"fig": "a:b"}, [], [Ignored("fig", "a:b")]),
    "a project needs its source": ({"project": "s43"}, [], [Ignored("project", "s43")]),
    "upper case is not an id": ({"event": "Plan:src"}, [], [Ignored("event", "Plan:src")]),
    "a markdown link": ({"fig": "[x](http://evil.example)"}, [], [Ignored("fig", "[x](http://evil.example)")]),
    "nothing asked": ({"lang": "en", "city": "ordos"}, [], []),
}


@pytest.mark.parametrize(("params", "refs", "ignored"), PARSE_CASES.values(), ids=PARSE_CASES.keys())
def test_a_link_is_parsed_into_rows_and_what_is_wrong_is_named(params: dict, refs: list, ignored: list) -> None:
    request, told = parse_request(params)
    assert list(request.refs) == refs
    assert told == ignored


def test_an_oversized_link_is_refused_and_a_long_list_is_cut_with_a_notice() -> None:
    request, told = parse_request({"fig": "a" * 10_000})
    assert not request and told[0].name == "fig" and told[0].value.endswith("…") and len(told[0].value) < 80
    many = ",".join(f"f{i}" for i in range(MAX_REFS + 5))
    request, told = parse_request({"fig": many})
    assert len(request.refs) == MAX_REFS
    assert [i.name for i in told] == ["fig"] and told[0].value.startswith(f"f{MAX_REFS},")


def test_a_request_written_as_a_link_reads_back_the_same() -> None:
    request = request_of([("figures", (HOHHOT_561,)), ("projects", S43), ("figures", (HOHHOT_1412,)), ("events", PLAN)])
    href = evidence_href(request, {"lang": "en", "v": "ab12cd3", "from": "services"}, "evidence")
    assert href == (
        f"evidence?fig={HOHHOT_561},{HOHHOT_1412}&project=s43-airport-expressway:meeting8-interviews"
        "&event=plan-14th-fyp:0471tv-2025-02-01&lang=en&v=ab12cd3&from=services"
    )
    parsed = urlparse(href)
    assert parsed.path == "evidence" and not parsed.scheme and not parsed.netloc  # relative: any base path
    again, told = parse_request({k: v[-1] for k, v in parse_qs(parsed.query).items()})
    assert not told
    assert set(again.refs) == set(request.refs)  # (grouped by table in the URL)


def test_requests_merge_in_order_each_row_once() -> None:
    merged = citations.merge_requests(figures_request(["a", "b"]), figures_request(["b", "c"]), CitationRequest())
    assert merged.params() == {"fig": "a,b,c"}
    assert not CitationRequest() and figures_request(["a"])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_figure_opens_on_its_paragraph_with_the_fragment_and_its_source(lang: str) -> None:
    (c,), missing = find_citations(tables(), lookup, figures_request([HOHHOT_561]), lang)
    assert not missing and c.status == FOUND and c.status_text == ""
    # The paragraph of the interview that holds the fragment, not the whole article.
    assert c.passage.match == "以首府为例,通办事项已达561项" == c.evidence
    assert c.passage.before.endswith("纳入通办范围。") and c.passage.after.startswith(",今年动态调整423项")
    whole = lookup(c.sha256)
    assert len(c.passage.before + c.passage.match + c.passage.after) < len(whole) / 3
    assert whole[c.passage.start : c.passage.end] == c.passage.match
    expected = {
        "zh": ("呼和浩特 · “四城通办”事项数 · 561项", "第八届市长联席会议专访 · 2024-12"),
        "en": ("Hohhot · Four-city service items · 561 items", "8th Mayors' Meeting interviews · 2024-12"),
    }
    assert (c.heading, c.cite) == expected[lang]
    assert c.speaker.startswith({"zh": "徐瑞(呼和浩特市", "en": "Xu Rui (Deputy Director"}[lang])  # whose words
    assert c.url == ""  # the interviews have no address (sources.csv)


def test_the_original_title_has_its_english_rendering_on_an_english_page_only() -> None:
    (zh,), _ = find_citations(tables(), lookup, figures_request([HOHHOT_1412]), "zh")
    (en,), _ = find_citations(tables(), lookup, figures_request([HOHHOT_1412]), "en")
    assert zh.title == "一体化推进 奏响呼包鄂乌协同发展新乐章"
    assert en.title.startswith("“一体化推进 奏响呼包鄂乌协同发展新乐章” (Integration advancing")
    assert en.url == "https://www.0471tv.org.cn/content/2025-02/01/content_80311095.html"


def test_projects_and_events_are_cited_by_report_in_the_order_asked_and_unknown_rows_named() -> None:
    request = request_of(
        [
            ("events", PLAN),
            ("figures", ("no-such-figure",)),
            ("projects", S43),
            ("projects", ("s43-airport-expressway", "no-such-source")),
        ]
    )
    found, missing = find_citations(tables(), lookup, request, "en")
    assert [(c.table, c.key) for c in found] == [("events", PLAN), ("projects", S43)]
    assert found[1].heading == "S43 Airport Expressway" and "S43机场高速" in found[1].passage.match
    assert missing == [Ignored("fig", "no-such-figure"), Ignored("project", "s43-airport-expressway:no-such-source")]


def test_no_archived_text_and_a_fragment_not_in_the_text_are_said_in_the_readers_language() -> None:
    data = dict(tables())
    sources = data["sources"].copy()
    sources.loc[sources["source_id"] == "meeting8-interviews", "text_sha256"] = ""
    data["sources"] = sources
    (c,), _ = find_citations(data, lookup, figures_request([HOHHOT_561]), "zh")
    assert (c.status, c.passage) == (NO_TEXT, None)
    assert c.status_text == "第八届市长联席会议专访 · 2024-12 的原文没有存档，无法显示所在段落。"
    (c,), _ = find_citations(
        tables(), lambda sha: "另一篇文章的文字,没有这句话。" * 3, figures_request([HOHHOT_561]), "en"
    )
    assert c.status == NOT_FOUND and c.passage is None
    assert (
        c.status_text
        == "This fragment does not stand in the archived text of 8th Mayors' Meeting interviews · 2024-12."
    )


def test_a_link_column_goes_after_the_value_as_written_and_leaves_the_table_alone() -> None:
    table = pd.DataFrame({"Value": [1.0, 2.0], "As written": ["1", "2"], "Source": ["a", "b"]})
    linked = citations.with_link_column(table, ["evidence?fig=a", None], "In the source", "As written")
    assert list(linked.columns) == ["Value", "As written", "In the source", "Source"]
    assert linked["In the source"].tolist() == ["evidence?fig=a", pd.NA]
    assert list(table.columns) == ["Value", "As written", "Source"]  # the shared frame is never changed
    assert list(citations.with_link_column(table, ["x"], "L", "As written").columns) == list(table.columns)
    assert list(citations.with_link_column(table, ["x", "y"], "L", "Missing").columns)[-1] == "L"


# --- the app's HTML of a citation (hbeu_dash/ui/citations.py) ------------------------------------------------------


def test_the_paragraph_html_marks_the_fragment_and_names_the_source() -> None:
    (c,), _ = find_citations(tables(), lookup, figures_request([HOHHOT_1412]), "en")
    page = citation_ui.make_citation_html(c, "en")
    assert "<mark>实现“四城通办”事项1412项</mark>" in page
    assert "In English</span>“" in page and html.escape(c.evidence_en) in page
    assert "Qingcheng Media · 2025-02-01" in page
    assert f'<a href="{c.url}" target="_blank" rel="noopener noreferrer nofollow">' in page
    zh = citation_ui.make_citation_html(
        find_citations(tables(), lookup, figures_request([HOHHOT_1412]), "zh")[0][0], "zh"
    )
    assert "英译" not in zh and html.escape(c.evidence_en) not in zh


def test_the_paragraph_html_escapes_everything_and_links_only_web_addresses() -> None:
    (c,), _ = find_citations(tables(), lookup, figures_request([HOHHOT_561]), "en")
    evil = c.__class__(
        **{
            **c.__dict__,
            "heading": "<img src=x onerror=alert(1)>",
            "url": "javascript:alert(1)",
            "note": "<script>alert(2)</script>",
            "passage": c.passage.__class__("<b>", "</mark><i>", "&", 0, 1),
        }
    )
    page = citation_ui.make_citation_html(evil, "en")
    assert "<img" not in page and "<script" not in page and "<b>" not in page and "<i>" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<mark>&lt;/mark&gt;&lt;i&gt;</mark>&amp;" in page
    assert "href=" not in page and "javascript:alert(1)" in page  # shown as text, never a link


def test_the_status_is_shown_with_the_fragment_alone_when_no_paragraph_can_be() -> None:
    data = dict(tables())
    data["sources"] = data["sources"].assign(text_sha256="")
    (c,), _ = find_citations(data, lookup, figures_request([HOHHOT_561]), "en")
    page = citation_ui.make_citation_html(c, "en")
    assert "is not archived: its paragraph cannot be shown" in page
    assert "<mark>以首府为例,通办事项已达561项</mark></blockquote>" in page


def test_the_whole_text_marks_every_span_once() -> None:
    assert mark_spans("a<b>cdef", [(5, 7), (1, 4), (2, 3)]) == "a<mark>&lt;b&gt;</mark>c<mark>de</mark>f"
