"""Every page in both languages under several filters, through Streamlit's AppTest; URL parameters in and out."""

import html
import re
import shutil
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from streamlit.testing.v1 import AppTest

from hbeu_dash import paths
from hbeu_dash.paths import ROOT
from hbeu_dash.store import CsvStore
from hbeu_dash.views.registry import PAGES as REGISTRY
from tests.conftest import set_cell
from tests.real_data import csv_rows

APP = str(ROOT / "app.py")
BY_NAME = {p.url_path: p for p in REGISTRY}
# Every page anyone can open, in navigation order; the analysts' data-entry pages are tested, logged in and not,
# in tests/test_entry_pages.py.
PAGES = [p.url_path for p in REGISTRY if not p.analyst_only]
FILTERS = {"all": {}, "ordos": {"city": "ordos"}, "empty": {"city": "none"}}
SOURCE_IDS = ("meeting8-interviews", "0471tv-2025-02-01")
# What a page opened by its link is asked for: the reader's paragraphs of Hohhot's 561 items (figures.csv).
PAGE_PARAMS = {"evidence": {"fig": "hohhot-service-items-a"}}
# Rows of data/figures.csv, counted by the csv module: what the explorer lists unfiltered.
FIGURE_ROWS = len(csv_rows("figures"))
# A link column's addresses are not shown (the column shows the words 'In the source'): left out of the text checks.
LINK_COLUMNS = ["原文段落", "In the source", "趋势", "Trend"]


def open_page(page: str, params: dict[str, str] | None = None) -> AppTest:
    """Run the app with URL parameters (and what the page is asked for), then switch to a page (by its URL path in
    the registry)."""
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in {**PAGE_PARAMS.get(page, {}), **(params or {})}.items():
        at.query_params[key] = value
    at.run()
    if not BY_NAME[page].default:
        at.switch_page(BY_NAME[page].path).run()
    return at


def test_every_page_file_is_registered_and_every_registered_page_is_tested() -> None:
    files = {f"app_pages/{p.name}" for p in (ROOT / "app_pages").glob("*.py")}
    assert files == {p.path for p in REGISTRY}, "register every page in hbeu_dash/views/registry.py"
    assert {page for page, _ in KEY_FIGURES} == set(PAGES), "give every registered page its key figures"
    assert {p.url_path for p in REGISTRY if p.analyst_only} == {"add-data", "history"}, "test it in test_entry_pages"
    assert sum(p.default for p in REGISTRY) == 1


def kpi_cards(at: AppTest) -> list[str]:
    """The HTML of each KPI card on the page."""
    return [card for h in at.html for card in re.split(r'<div class="kpi-card[ "]', h.proto.body)[1:]]


def texts(at: AppTest) -> str:
    """Everything a reader sees as text: headings, markdown, captions, KPI cards (HTML), notices."""
    parts = [e.value for e in [*at.title, *at.subheader, *at.markdown, *at.caption, *at.info, *at.warning, *at.error]]
    bodies = [re.sub(r"<style>.*?</style>|<script>.*?</script>", "", h.proto.body, flags=re.S) for h in at.html]
    parts += [html.unescape(re.sub(r"<[^>]+>", " ", body)) for body in bodies]
    # Markdown backslash escapes (58\.76万) are not what a reader sees.
    return re.sub(r"\\(.)", r"\1", "\n".join(str(p) for p in parts))


@pytest.mark.parametrize("filter_name", list(FILTERS))
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_page_renders(page: str, lang: str, filter_name: str) -> None:
    at = open_page(page, {"lang": lang, **FILTERS[filter_name]})
    assert not at.exception, [e.value for e in at.exception]
    shown = texts(at)
    if filter_name == "empty" and page not in ("quality", "evidence"):  # a link's paragraphs show under any filter
        expected = "当前筛选下没有数据" if lang == "zh" else "Nothing matches the current filters"
        if page == "present":  # a slide has no filters to reset on the left
            expected = "当前筛选下这一页没有内容" if lang == "zh" else "Nothing on this slide under the current filters"
        assert expected in shown
        assert not kpi_cards(at)


# Key figures per page, as the data gives them (figures.csv): what a reader must find, by language.
KEY_FIGURES = {
    ("overview", "zh"): ["117班次/日", "561 / 1412项", "587项", "58.76万件"],
    ("overview", "en"): ["117 trains per day", "561 / 1,412 items", "587 items", "587,600 cases"],
    ("services", "zh"): ["5批", "423项", "19897件", "312项", "来源不一致"],
    ("services", "en"): ["5 batches", "423 items", "19,897 cases", "312 items", "Sources disagree"],
    ("science", "zh"): ["764人", "232家", "4900万元", "198人"],
    ("science", "en"): ["764 people", "232 organisations", "CNY 49,000,000", "198 people"],
    ("transport", "zh"): ["1小时", "2小时", "117班次/日", "4万座"],
    ("transport", "en"): ["1 hour", "2 hours", "117 trains per day", "40,000 stations"],
    ("timeline", "zh"): ["2024年12月7日", "第八届呼包鄂乌一体化发展市长联席会议", "60项", "2021年10月"],
    ("timeline", "en"): ["7 Dec 2024", "8th Mayors' Joint Meeting", "60 items", "Oct 2021"],
    ("quality", "zh"): ["数据校验", "561 / 1412项", "推导关系核对"],
    ("quality", "en"): ["Data validation", "561 / 1,412 items", "Derived identities"],
    # the trend page opens on the indicator reported at the most times: the service items, Hohhot's in dispute
    ("trends", "zh"): ["561 / 1412项", "587项", "鄂尔多斯 未报告", "乌兰察布 未报告", "来源不一致"],
    ("trends", "en"): ["561 / 1,412 items", "587 items", "Ordos not reported", "Ulanqab not reported", "disagree"],
    ("explorer", "zh"): [f"共 {FIGURE_ROWS} 行"],
    ("explorer", "en"): [f"{FIGURE_ROWS} rows"],
    ("present", "zh"): ["关键数字", "117班次/日", "561 / 1412项", "5批"],  # the headline slide
    ("present", "en"): ["Key figures", "117 trains per day", "561 / 1,412 items", "5 batches"],
    ("evidence", "zh"): ["原文段落", "呼和浩特 · “四城通办”事项数 · 561项", "以首府为例,通办事项已达561项"],
    ("evidence", "en"): [
        "In the source",
        "Hohhot · Four-city service items · 561 items",
        "以首府为例,通办事项已达561项",
    ],
}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_page_footer_shows_the_data_version_and_no_source_id(page: str, lang: str) -> None:
    at = open_page(page, {"lang": lang})
    shown = texts(at)
    version = CsvStore(paths.DATA_DIR).data_version()
    assert ("数据版本 " if lang == "zh" else "Data version ") + version in shown
    tables = " ".join(
        frame.value.drop(columns=["source_id", "来源编号", "Source ID", *LINK_COLUMNS], errors="ignore").to_csv()
        for frame in at.dataframe
    )
    # sources are cited by name on the page; only export columns keep the id, and the quality page's tables name
    # it in a labelled column (来源编号 / Source ID) for the analysts who fix the files
    for source_id in SOURCE_IDS:
        assert source_id not in shown and source_id not in tables, (page, source_id)


def test_footer_follows_a_page_that_ends_early() -> None:
    at = open_page("services", {"lang": "en", "sector": "transport"})  # not this page's sector
    shown = texts(at)
    assert "Nothing matches the current filters" in shown and "Data version " in shown


def test_chinese_timeline_shows_chinese_notes() -> None:
    # The note of the Hohhot–Baotou services agreement explains '去年年底'; a zh reader gets it in Chinese.
    shown = texts(open_page("timeline", {"lang": "zh"}))
    assert "“去年年底”出自2024年12月的文章" in shown
    assert "end of last year" not in shown


@pytest.mark.parametrize(("page", "lang"), list(KEY_FIGURES))
def test_page_shows_key_figures(page: str, lang: str) -> None:
    shown = texts(open_page(page, {"lang": lang}))
    for figure in KEY_FIGURES[(page, lang)]:
        assert figure in shown, f"{figure!r} missing on {page} ({lang})"


def test_city_filter_hides_other_cities_figures() -> None:
    # 117 daily trains are Hohhot's; 764 registrations are Ulanqab's; with only Ordos selected neither shows.
    shown = texts(open_page("overview", {"city": "ordos"}))
    assert "117班次/日" not in shown and "764人" not in shown
    assert "4项" in shown  # agreements signed by the four city governments concern Ordos too


def test_page_charts_and_map_are_drawn() -> None:
    at = open_page("transport", {"lang": "en"})
    assert len(at.get("plotly_chart")) >= 1
    assert len(at.get("deck_gl_json_chart")) == 1


def test_explorer_lists_every_figure_with_sources() -> None:
    at = open_page("explorer", {"lang": "en"})
    table = at.dataframe[0].value
    assert len(table) == FIGURE_ROWS  # every row of data/figures.csv
    assert {"Source", "Evidence", "Unit"} <= set(table.columns)
    buttons = at.get("download_button")
    assert len(buttons) == 2
    # Deferred files (made on click) with a rerun on click race: the rerun can drop the callable before it runs.
    assert [(b.proto.label, bool(b.proto.deferred_file_id), b.proto.ignore_rerun) for b in buttons] == [
        ("Download CSV", True, True),
        ("Download Excel", True, True),
    ]


def test_url_parameters_set_the_filters() -> None:
    at = open_page("overview", {"lang": "en", "city": "baotou,ordos", "sector": "transport"})
    assert at.session_state["f_cities"] == ["baotou", "ordos"]
    assert at.session_state["f_sectors"] == ["transport"]
    assert at.sidebar.radio[0].value == "en"


def test_changing_a_filter_writes_the_url() -> None:
    at = open_page("overview")
    at.sidebar.multiselect[0].set_value(["ulanqab"]).run()
    assert at.query_params["city"] == "ulanqab"
    assert "117班次/日" not in texts(at)  # Hohhot's trains leave the view with Hohhot
    at.sidebar.radio[0].set_value("en").run()
    assert at.query_params["lang"] == "en"
    assert at.title[0].value == "Hohhot–Baotou–Ordos–Ulanqab Integration Dashboard"


@pytest.mark.parametrize(
    ("params", "ignored"),
    [
        ({"city": "paris"}, "paris"),
        ({"lang": "fr"}, "fr"),
        ({"utm_source": "mail"}, "utm\\_source"),
        ({"city": "<script>alert(1)</script>"}, "script"),
        ({"sector": "![x](http://evil.example/x.png)"}, "evil"),
        ({"city": "x" * 5000}, "city"),
    ],
)
def test_bad_url_parameters_are_ignored_with_a_notice(params: dict[str, str], ignored: str) -> None:
    at = open_page("overview", params)
    assert not at.exception
    notices = " ".join(w.value for w in at.warning)
    assert ignored in notices
    assert "](" not in notices.replace("\\](", "").replace("\\(", "")  # no live markdown link or image
    assert kpi_cards(at)  # the page still shows its figures with the default filters


def test_broken_data_file_shows_banner_and_keeps_other_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, data)
    set_cell(data / "projects.csv", 3, "status", "done")
    monkeypatch.setattr(paths, "DATA_DIR", data)
    at = open_page("quality", {"lang": "en"})
    assert not at.exception
    shown = texts(at)
    assert "projects.csv" in shown
    problems = at.dataframe[1].value if len(at.dataframe) > 1 else None
    assert problems is not None and "projects.csv, row 3, column status: 'done'" in " ".join(problems["Problem"])
    overview = open_page("overview", {"lang": "en"})
    assert "117 trains per day" in texts(overview)  # figures.csv is fine, so the overview still works
    assert "1 problem(s) in the data files" in texts(overview)  # the banner, on every page
    transport = open_page("transport", {"lang": "en"})
    assert not transport.exception
    assert "projects.csv has problems" in texts(transport)


@pytest.mark.parametrize(
    ("query", "expected_rows"), [("1412", 1), ("包头市已实现五批", 1), ("徐瑞", 7), ("no-such-text", 0)]
)
def test_explorer_search_finds_figures(query: str, expected_rows: int) -> None:
    # Rows of data/figures.csv: 1412 once (0471tv); 王惠's 587 sentence once; 徐瑞 speaks in 7 rows.
    at = open_page("explorer", {"lang": "zh"})
    at.text_input(key="explorer_q").set_value(query).run()
    assert not at.exception, [e.value for e in at.exception]
    rows = at.dataframe[0].value if at.dataframe else []
    assert len(rows) == expected_rows


def test_language_switch_changes_memoised_cards() -> None:
    # The KPI cards are memoised; the key must include the language or English would show Chinese units.
    at = open_page("overview")
    assert "587项" in texts(at)
    at.sidebar.radio[0].set_value("en").run()
    assert "587 items" in texts(at) and "587项" not in texts(at)


def test_markup_in_a_unit_is_shown_as_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, data)
    evil = '<img src="http://evil.example/x.png">![x](http://evil.example/x.png)'
    set_cell(data / "indicators.csv", 2, "unit_en", evil)  # service_batches
    monkeypatch.setattr(paths, "DATA_DIR", data)
    at = open_page("services", {"lang": "en"})
    card = next(c for c in kpi_cards(at) if "&lt;img" in c)
    assert "<img" not in card  # the unit is text in the card, never an element that fetches
    assert 'kpi-value">5 &lt;img src=&quot;http://evil.example/x.png&quot;&gt;' in card
    assert "evil.example" not in "".join(e.value for e in [*at.markdown, *at.caption])


CODES = re.compile(
    r"https?://\S+|<span[^>]*>|</span>|:red\[|\b\w+\.(?:csv|toml)\b|\bURL\b"
    r"|(?<![A-Za-z])[a-z0-9]+(?:[-_][a-z0-9]+)+|(?<![A-Za-z])[A-Z]+\d+"  # ids (hb-items-total-xu), codes (S27)
    r"|\b[0-9a-f]{7}\b"  # the data version (2ab724b: its letters are not English)
)


@pytest.mark.parametrize("page", PAGES)
def test_chinese_pages_show_no_english_words(page: str) -> None:
    # On a zh page nothing is English except proper names and codes: ids, file names, URLs, road codes.
    at = open_page(page, {"lang": "zh"})
    hidden = ["source_id", "url", "figure_id", *LINK_COLUMNS]  # machine columns, kept for exports; link addresses
    tables = [f.value.drop(columns=hidden, errors="ignore").to_csv(index=False) for f in at.dataframe]
    words = re.findall(r"[A-Za-z]{2,}", CODES.sub(" ", "\n".join([texts(at), *tables])))
    assert not words, words


def slide_title(at: AppTest) -> str:
    """The title of the slide shown."""
    heads = [h.proto.body for h in at.html if 'class="slide-title"' in h.proto.body]
    assert len(heads) == 1
    return html.unescape(re.search(r'class="slide-title">(.*?)</h1>', heads[0]).group(1))


def test_presenter_has_no_sidebar_and_steps_through_every_slide_with_the_url_following() -> None:
    at = open_page("present", {"lang": "en"})
    assert not at.exception
    assert len(at.sidebar) == 0, "nothing in the sidebar, so no expand arrow on the big screen"
    titles = [slide_title(at)]
    while not at.button(key="slide-next").disabled:
        at.button(key="slide-next").click().run()
        assert not at.exception
        titles.append(slide_title(at))
        assert at.query_params["slide"] == str(len(titles))
        assert at.query_params["v"] == CsvStore(paths.DATA_DIR).data_version()
    assert titles[0] == "Key figures" and titles[-1] == "Figures the sources disagree on"
    assert len(titles) == len(set(titles)) == 13
    at.button(key="slide-prev").click().run()
    assert slide_title(at) == titles[-2]


def test_slide_link_opens_that_slide_in_the_dark_theme_and_keeps_the_filters() -> None:
    at = open_page("present", {"lang": "zh", "slide": "10", "theme": "dark", "city": "ordos,baotou"})
    assert slide_title(at) == "四市位置与互联项目"
    assert any("#0f172a" in h.proto.body for h in at.html)  # the dark theme's style
    version = CsvStore(paths.DATA_DIR).data_version()
    assert dict(at.query_params) == {"slide": "10", "theme": "dark", "city": "baotou,ordos", "v": version}
    at.switch_page(BY_NAME["overview"].path).run()  # leaving the slides keeps the cities chosen by the link
    assert at.session_state["f_cities"] == ["baotou", "ordos"]


def test_a_slide_number_past_the_deck_shows_the_last_slide() -> None:
    at = open_page("present", {"slide": "42"})
    assert not at.exception and slide_title(at) == "来源不一致的数字"


def test_a_link_made_with_older_data_says_so_and_shows_the_current_data() -> None:
    # (On the slides it is a toast: tests/e2e/test_present.py opens /present with an old version.)
    current = CsvStore(paths.DATA_DIR).data_version()
    at = open_page("overview", {"lang": "en", "v": "0000000"})
    assert not at.exception
    told = [e.value for e in at.info]
    expected = "This link was made with data version 0000000; the data has changed since. Showing the current data "
    assert any(m.startswith(expected) and current in m for m in told), told
    assert kpi_cards(at), "the current data is shown"
    assert at.query_params["v"] == current  # the URL now names the data shown
    assert f"Data version {current} · link made with data version 0000000" in texts(at)  # the footer keeps it


def test_a_link_with_the_current_version_says_nothing() -> None:
    current = CsvStore(paths.DATA_DIR).data_version()
    at = open_page("overview", {"v": current})
    assert not at.info and not at.toast and not at.warning


def test_data_changing_during_a_session_is_told_once_as_a_change_not_as_an_old_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, data)
    monkeypatch.setattr(paths, "DATA_DIR", data)
    before = CsvStore(data).data_version()
    at = open_page("overview", {"lang": "en", "v": before})  # a link made with the data shown: nothing to say
    assert not at.info and not at.toast
    set_cell(data / "sources.csv", 2, "note_en", "An analyst's correction.")  # a commit while the page is open
    after = CsvStore(data).data_version()
    assert after != before
    at.run()
    assert [t.value for t in at.toast] == [
        f"The data has changed (version {before} → {after}); showing the current data."
    ]
    assert not at.info, "the link was current when opened: no 'old link' notice"
    at.run()
    assert not at.toast, "told once"
    assert at.query_params["v"] == after


# --- the reader's paragraph (/evidence) and the links to it -------------------------------------------------------

HOHHOT_561 = "hohhot-service-items-a"  # 以首府为例,通办事项已达561项: the 8th meeting interviews (sources.csv row 2)


def marked(at: AppTest) -> list[str]:
    """The highlighted fragments on the page (the <mark> of each paragraph)."""
    return [html.unescape(m) for h in at.html for m in re.findall(r"<mark>(.*?)</mark>", h.proto.body)]


def page_links(at: AppTest) -> list[tuple[str, str, dict[str, list[str]]]]:
    """(label, page, query parameters) of every st.page_link."""
    return [(p.proto.label, p.proto.page, parse_qs(p.proto.query_string)) for p in at.get("page_link")]


@pytest.mark.parametrize(
    ("lang", "source", "back"),
    [
        ("zh", "第八届市长联席会议专访 · 2024-12", "返回政务服务"),
        ("en", "8th Mayors' Meeting interviews · 2024-12", "Back to Government services"),
    ],
)
def test_the_readers_page_shows_the_paragraph_with_the_fragment_marked(lang: str, source: str, back: str) -> None:
    at = open_page("evidence", {"lang": lang, "fig": HOHHOT_561, "from": "services", "city": "hohhot"})
    assert not at.exception and not at.warning
    assert marked(at) == ["以首府为例,通办事项已达561项"]
    shown = texts(at)
    assert "纳入通办范围。" in shown and ",今年动态调整423项" in shown  # the paragraph around it, not the article
    assert "协同联动 破题起势" in shown and source in shown  # the original title; the source by name and date
    assert ("Taking the regional capital as an example" in shown) == (lang == "en")  # the English rendering
    (page, params), *_ = [(page, params) for label, page, params in page_links(at) if label == back]
    assert page == "services" and params["city"] == ["hohhot"]  # back where the link came from, the view kept
    assert at.query_params["fig"] == HOHHOT_561, "the URL keeps what it shows (a copied link reproduces it)"
    assert not at.expander, "the whole text is for a logged-in analyst only"


@pytest.mark.parametrize(
    ("params", "told"),
    [
        ({"fig": f"{HOHHOT_561},no-such-figure"}, "fig=no-such-figure"),
        ({"fig": HOHHOT_561, "project": "<img src=x onerror=alert(1)>"}, "project=<img src=x onerror=alert(1)>"),
        ({"fig": HOHHOT_561, "event": "plan-14th-fyp"}, "event=plan-14th-fyp"),  # an event report names its source
        ({"fig": HOHHOT_561, "from": "](http://evil.example)"}, "from="),
        ({"fig": HOHHOT_561, "from": "add-data"}, "from=add-data"),  # not registered for a reader: no way back there
        ({"fig": HOHHOT_561 + ",x" * 3000}, "fig="),
    ],
)
def test_the_readers_page_tells_what_in_its_link_it_cannot_show(params: dict[str, str], told: str) -> None:
    at = open_page("evidence", {"lang": "en", **params})
    assert not at.exception
    notices = [html.unescape(re.sub(r"\\(.)", r"\1", w.value)) for w in at.warning]
    assert any(told in n and "left out" in n for n in notices), notices
    assert "](" not in "".join(w.value for w in at.warning).replace("\\](", "").replace("\\(", "")
    assert marked(at) == ["以首府为例,通办事项已达561项"], "the rows it can show are still shown"


@pytest.mark.parametrize(("lang", "expected"), [("zh", "这个链接没有指定数字"), ("en", "This link names no figure")])
def test_the_readers_page_without_rows_says_how_to_get_some(lang: str, expected: str) -> None:
    at = open_page("evidence", {"lang": lang, "fig": ""})
    assert not at.exception and expected in texts(at) and not marked(at)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("zh", "第八届市长联席会议专访 · 2024-12 的原文没有存档，无法显示所在段落。"),
        ("en", "The text of 8th Mayors' Meeting interviews · 2024-12 is not archived: its paragraph cannot be shown."),
    ],
)
def test_a_source_without_archived_text_says_so_with_the_quoted_words(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, lang: str, expected: str
) -> None:
    set_cell(data_dir / "sources.csv", 2, "text_sha256", "")  # meeting8-interviews names no text any more
    monkeypatch.setattr(paths, "DATA_DIR", data_dir)
    at = open_page("evidence", {"lang": lang, "fig": f"{HOHHOT_561},hohhot-service-items-b"})
    assert not at.exception
    shown = texts(at)
    assert expected in shown
    # The quoted words still show, marked; the other source's figure keeps its paragraph.
    assert marked(at) == ["以首府为例,通办事项已达561项", "实现“四城通办”事项1412项"]
    assert "纳入通办范围。" not in shown


def test_a_logged_in_analyst_can_open_the_whole_archived_text(monkeypatch: pytest.MonkeyPatch) -> None:
    from hbeu_dash import auth
    from hbeu_dash.ui import auth as ui_auth

    monkeypatch.setattr(ui_auth, "get_throttle", lambda: auth.Throttle(free_per_user=50, free_per_address=50))
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["hbeu"] = {"accounts": {"wang": auth.hash_password("correct horse battery")}}
    at.query_params.update({"lang": "en", "fig": f"{HOHHOT_561},hohhot-service-items-b"})
    at.run()
    at.text_input(key="login_name").input("wang")
    at.text_input(key="login_password").input("correct horse battery")
    next(b for b in at.button if (b.key or "").startswith("FormSubmitter:login_form")).click()
    at.run()
    at.switch_page(BY_NAME["evidence"].path).run()
    assert not at.exception
    labels = [e.label for e in at.expander]
    assert len(labels) == 2 and all("Whole archived text" in label for label in labels)  # one per source text
    whole = [html.unescape(h.proto.body) for h in at.html if 'class="cite-whole"' in h.proto.body]
    assert len(whole) == 2
    # The whole interview (its Hohhot services paragraph and its roads paragraph), the quoted words marked.
    assert any("<mark>以首府为例,通办事项已达561项</mark>" in body and "S43机场高速" in body for body in whole)
    assert any("<mark>实现“四城通办”事项1412项</mark>" in body for body in whole)


def test_every_card_links_to_the_paragraphs_of_its_reports_keeping_the_view() -> None:
    at = open_page("overview", {"lang": "en", "city": "hohhot,baotou"})
    cards = kpi_cards(at)
    assert cards
    version = CsvStore(paths.DATA_DIR).data_version()
    for card in cards:
        href = html.unescape(re.search(r'<a class="kpi-source" href="([^"]+)"', card).group(1))
        path, query = href.split("?", 1)
        params = {k: v[-1] for k, v in parse_qs(query).items()}
        assert path == "evidence"
        assert (params["lang"], params["city"], params["v"], params["from"]) == (
            "en",
            "hohhot,baotou",
            version,
            "overview",
        )
        assert params["fig"]
    items = next(c for c in cards if "561 / 1,412 items" in c)
    assert "fig=hohhot-service-items-a,hohhot-service-items-b&amp;" in items  # both reports of the conflict


def test_a_chart_links_its_paragraphs_and_its_table_twin_each_rows() -> None:
    at = open_page("services", {"lang": "zh"})
    links = [(page, params) for label, page, params in page_links(at) if label == "本图数据的原文段落"]
    assert len(links) == 2, "one under each chart"
    items, waterfall = (set(params["fig"][0].split(",")) for _, params in links)
    assert items == {HOHHOT_561, "hohhot-service-items-b", "baotou-service-items"}  # the four-city items by source
    assert {"hb-items-first-batch", "hb-items-added-2024"} <= waterfall  # 192 + 120 = 312
    assert all(page == "evidence" and params["from"] == ["services"] for page, params in links)
    twins = [f.value for f in at.dataframe if "原文段落" in f.value.columns]
    links = [link for twin in twins for link in twin["原文段落"]]
    assert f"evidence?fig={HOHHOT_561}&v={CsvStore(paths.DATA_DIR).data_version()}&from=services" in links
    assert at.get("plotly_chart")[0].proto.selection_mode, "a click on a point selects it"


def test_the_project_tracker_links_each_report_to_its_paragraph() -> None:
    at = open_page("transport", {"lang": "en"})
    tracker = next(f.value for f in at.dataframe if "In the source" in f.value.columns and "Status" in f.value.columns)
    links = list(tracker["In the source"])
    assert links and all(link.startswith("evidence?project=") and "&from=transport" in link for link in links)
    # S27 Hohhot–Ordos expressway: its latest report is northnews-20250807's (row 38 of projects.csv, 2025-08)
    assert any(link.startswith("evidence?project=s27-hohhot-ordos:northnews-20250807&") for link in links), links


def test_a_projects_link_shows_every_speakers_report_of_that_source() -> None:
    # rows 5 and 6 of projects.csv: meeting8-interviews reports the S27 twice, by Hu Weihua and by Huang Bowei
    at = open_page("evidence", {"lang": "zh", "project": "s27-hohhot-ordos:meeting8-interviews"})
    text = texts(at)
    assert "同步开展S27呼鄂高速前期工作" in text and "与呼和浩特市共同推动S27呼和浩特至鄂尔多斯高速公路项目" in text


def test_the_explorer_links_every_row_to_its_paragraph_and_exports_no_links() -> None:
    at = open_page("explorer", {"lang": "en"})
    table = at.dataframe[0].value
    assert list(table.columns).index("In the source") == list(table.columns).index("As written") + 1
    for figure, link in zip(table["Figure ID"], table["In the source"], strict=True):
        assert link.startswith(f"evidence?fig={figure}&lang=en&v=")
    assert "In the source" in at.dataframe[0].proto.columns  # shown as a link column with its words


def test_a_slide_footer_links_to_the_paragraphs_of_the_slide() -> None:
    at = open_page("present", {"lang": "en", "slide": "13"})  # the conflicts: Hohhot's 561 and 1412
    foot = next(h.proto.body for h in at.html if 'class="slide-foot"' in h.proto.body)
    href = html.unescape(re.search(r'href="([^"]+)"', foot).group(1))
    params = {k: v[-1] for k, v in parse_qs(href.split("?", 1)[1]).items()}
    assert params["fig"] == f"{HOHHOT_561},hohhot-service-items-b"
    assert (params["from"], params["slide"], params["lang"]) == ("present", "13", "en")
    assert "In the source" in foot
