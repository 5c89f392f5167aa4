"""Evidence whose English rendering is not written yet (`evidence_en` empty): every reader surface in English shows
the Chinese words as they are, marked lang="zh" in HTML, with the visible mark 'English evidence pending'; Chinese
pages show the Chinese words and no mark; data exports keep the cell empty; the quality page lists the rows.

The data is a copy of data/ with the evidence_en of a few real rows blanked (tests/conftest.py PENDING_ROWS)."""

import html
import io
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from hbeu_dash import i18n
from hbeu_dash.documents import exports
from hbeu_dash.documents.briefing.build import load_scope
from hbeu_dash.documents.briefing.html import render_html
from hbeu_dash.documents.markup import quote_html
from hbeu_dash.model import checks
from hbeu_dash.ui.card_html import make_kpi_html
from hbeu_dash.ui.citations import make_citation_html
from hbeu_dash.ui.present import make_blocks_html
from hbeu_dash.ui.sections import make_event_card_html
from hbeu_dash.views import cards, explorer, projects, slides
from hbeu_dash.views import charts as chart_views
from hbeu_dash.views import events as event_views
from hbeu_dash.views import quality as quality_views
from hbeu_dash.views.briefing import build_briefing
from hbeu_dash.views.citations import figures_request, find_citations, request_of
from hbeu_dash.views.filters import Filters
from hbeu_dash.views.scope import Scope
from tests.conftest import blank_evidence_en, copy_data
from tests.real_data import tables

MARK = {"zh": "英文译文待补", "en": "English evidence pending"}
ITEMS_1412 = "实现“四城通办”事项1412项"  # hohhot-service-items-b (Qingcheng Media), its English now blank
# gov-agreements-meeting8, a figure on the 8th mayors' meeting's event card
AGREEMENTS = "四市政府签署了交通、能源互济、物流业降本增效、黄河流域联防联控4项一体化发展合作协议"
PLAN = "2021年10月,内蒙古自治区印发《呼包鄂乌“十四五”一体化发展规划》"  # plan-14th-fyp, the start of its evidence
ITEMS_561 = "以首府为例,通办事项已达561项"  # hohhot-service-items-a: its English stays


def english_of(figure_id: str) -> str:
    """The evidence_en a figure has in data/ (the copy blanks it)."""
    figures = tables()["figures"]
    return str(figures.loc[figures["figure_id"] == figure_id, "evidence_en"].iloc[0])


@pytest.fixture(scope="module")
def pending_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = copy_data(tmp_path_factory.mktemp("pending") / "data")
    blank_evidence_en(folder)
    return folder


@pytest.fixture(scope="module")
def scopes(pending_dir: Path) -> dict[str, Scope]:
    out = {lang: load_scope(pending_dir, Filters(lang=lang)) for lang in ("zh", "en")}
    assert not out["en"].result.problems  # an empty evidence_en is valid data
    return out


class Runs(HTMLParser):
    """Each text run of an HTML fragment, with the nearest lang attribute around it and every class around it."""

    VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr"})

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None, set[str]]] = []
        self.runs: list[tuple[str, str | None, set[str]]] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag not in self.VOID:
            found = dict(attrs)
            self.stack.append((tag, found.get("lang"), set((found.get("class") or "").split())))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        lang = next((lang for _, lang, _ in reversed(self.stack) if lang), None)
        classes = set().union(*(c for _, _, c in self.stack))
        self.runs.append((data, lang, classes))

    def in_lang(self, words: str, lang: str) -> bool:
        """True when the words stand in one text run inside an element marked lang=`lang`."""
        return any(words in data and found == lang for data, found, _ in self.runs)

    def marked(self, mark: str) -> bool:
        """True when the mark stands as the text of an element of class evidence-pending."""
        return any(data.strip() == mark and "evidence-pending" in classes for data, _, classes in self.runs)


def assert_pending_html(page: str, words: str) -> None:
    """On an English page: the Chinese words under lang="zh", and the visible pending mark."""
    runs = Runs(page)
    assert runs.in_lang(words, "zh"), f"{words!r} is not inside an element with lang='zh'"
    assert runs.marked(MARK["en"]), "no visible 'English evidence pending' mark"


def assert_chinese_page(page: str, words: str) -> None:
    """On a Chinese page: the words as they are, no mark, nothing marked as another language."""
    assert words in html.unescape(page)
    assert MARK["zh"] not in page and MARK["en"] not in page
    assert 'lang="zh"' not in page


# --- the quotation itself (i18n.quote_evidence, markup.quote_html) -------------------------------------------------


def test_a_quotation_without_its_english_rendering_is_marked_pending() -> None:
    pending = i18n.quote_evidence("实现1412项", "", "en")
    assert pending == "“实现1412项” [English evidence pending]"
    assert i18n.quote_evidence("实现1412项", "  ", "en") == pending  # blank is not a rendering
    assert i18n.quote_evidence("实现1412项", None, "en") == pending
    assert i18n.quote_evidence("实现1412项", "1,412 items", "en") == "“实现1412项” (1,412 items)"
    assert i18n.quote_evidence("实现1412项", "", "zh") == "“实现1412项”"  # a Chinese page needs no rendering
    assert i18n.quote_evidence("实现1412项", "1,412 items", "zh") == "“实现1412项”"


def test_a_quotation_in_html_reads_as_its_text_with_the_chinese_marked() -> None:
    pending = i18n.quote_evidence("实现<1412>项", "", "en")
    page = quote_html(pending)
    assert page == (
        '“<span lang="zh">实现&lt;1412&gt;项</span>” [<span class="evidence-pending">English evidence pending</span>]'
    )
    assert "".join(data for data, _, _ in Runs(page).runs) == pending  # the same words as the plain text
    translated = quote_html(i18n.quote_evidence("实现1412项", "1,412 items", "en"))
    assert translated == '“<span lang="zh">实现1412项</span>” (1,412 items)'
    assert quote_html(i18n.quote_evidence("实现1412项", "", "zh")) == "“实现1412项”"
    assert quote_html("<b>plain</b>") == "&lt;b&gt;plain&lt;/b&gt;"  # any other text: escaped as it is


# --- each surface a reader in English sees -------------------------------------------------------------------------


def test_the_card_tooltip_and_the_chart_hover_say_it_in_text(scopes: dict[str, Scope]) -> None:
    # A title attribute and a plotly hover hold text only: the mark is in the words.
    for lang in ("zh", "en"):
        scope = scopes[lang]
        [kpi] = cards.build_kpis(scope.figures, [("four_city_service_items", "hohhot")], scope.filters)
        tooltip = next(e for e in kpi.evidence if ITEMS_1412 in e)
        pending = f"“{ITEMS_1412}” [{MARK['en']}]"
        assert (pending in tooltip) == (lang == "en"), tooltip
        assert (html.escape(pending) in make_kpi_html(kpi)) == (lang == "en")
        other = next(e for e in kpi.evidence if ITEMS_561 in e)
        assert MARK["en"] not in other  # the other report has its English
        chart = chart_views.service_items_chart(scope.selected, lang, by_source=True)
        hovers = [h for trace in chart.figure.data for h in trace.hovertext if html.escape(ITEMS_1412) in h]
        assert hovers and all((MARK["en"] in h) == (lang == "en") for h in hovers)


def test_the_tables_a_reader_sees_mark_it_and_the_downloads_keep_the_cell_empty(scopes: dict[str, Scope]) -> None:
    scope = scopes["en"]
    column = i18n.t("evidence_en", "en")
    twin = chart_views.service_items_chart(scope.selected, "en", by_source=True).table
    assert twin.loc[twin["Evidence"] == ITEMS_1412, column].tolist() == [MARK["en"]]
    assert MARK["en"] not in twin.loc[twin["Evidence"] == ITEMS_561, column].tolist()
    exported = explorer.figures_table(scope.selected, "en")
    shown = explorer.shown_table(exported, "en")
    assert exported.loc[exported["figure_id"] == "hohhot-service-items-b", column].tolist() == [""]
    downloaded = pd.read_csv(io.BytesIO(exports.to_csv_bytes(exported)), encoding="utf-8-sig", keep_default_na=False)
    assert downloaded.loc[downloaded["figure_id"] == "hohhot-service-items-b", column].tolist() == [""]
    sheet = pd.read_excel(io.BytesIO(exports.to_excel_bytes(exported)), keep_default_na=False)
    assert sheet.loc[sheet["figure_id"] == "hohhot-service-items-b", column].tolist() == [""]
    assert shown.loc[shown["Figure ID"] == "hohhot-service-items-b", column].tolist() == [MARK["en"]]
    assert (shown[column] == MARK["en"]).sum() == 2  # the two figures blanked, nothing else
    reports, latest = scope.projects
    s43 = latest["project_id"] == "s43-airport-expressway"
    assert projects.tracker_table(latest, "en").loc[s43.to_numpy(), column].tolist() == [MARK["en"]]
    export = projects.export_table(reports, "en")
    assert set(export.loc[export["project_id"] == "s43-airport-expressway", column]) == {""}
    zh = explorer.shown_table(explorer.figures_table(scopes["zh"].selected, "zh"), "zh")
    assert column not in zh.columns and i18n.t("evidence_en", "zh") not in zh.columns
    assert not zh.isin([MARK["zh"], MARK["en"]]).any().any()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_event_card_quotes_the_chinese_and_marks_it(scopes: dict[str, Scope], lang: str) -> None:
    scope = scopes[lang]
    built = event_views.build_event_cards(
        scope.timeline, scope.table("events"), scope.table("sources"), scope.figures, lang
    )
    by_id = {c.event_id: c for c in built}
    plan = make_event_card_html(by_id["plan-14th-fyp"])
    meeting = make_event_card_html(by_id["mayors-meeting-8"])
    if lang == "zh":
        assert_chinese_page(plan, PLAN)
        assert_chinese_page(meeting, AGREEMENTS)
        return
    assert_pending_html(plan, PLAN)
    assert_pending_html(meeting, AGREEMENTS)  # a figure signed there, its English blank too
    assert html.escape(english_of("gov-agreements-meeting8")) not in meeting  # blank means blank: nothing stands in


@pytest.mark.parametrize(
    ("table", "key", "words"),
    [
        ("figures", ("hohhot-service-items-b",), ITEMS_1412),
        ("events", ("plan-14th-fyp", "0471tv-2025-02-01"), PLAN),
        ("projects", ("s43-airport-expressway", "meeting8-interviews"), "S43机场高速"),
    ],
)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_paragraph_page_marks_it(
    scopes: dict[str, Scope], pending_dir: Path, table: str, key: tuple[str, ...], words: str, lang: str
) -> None:
    scope = scopes[lang]
    found, missing = find_citations(scope.result.tables, scope.texts, request_of([(table, key)]), lang)
    assert found and not missing
    page = make_citation_html(found[0], lang)
    if lang == "zh":
        assert_chinese_page(page, words)
    else:
        assert_pending_html(page, words)
        assert i18n.t("evidence_translation", "en") not in page  # no 'In English' label over nothing


def test_a_row_with_its_english_keeps_it_on_the_paragraph_page(scopes: dict[str, Scope]) -> None:
    scope = scopes["en"]
    [citation], _ = find_citations(scope.result.tables, scope.texts, figures_request(["hohhot-service-items-a"]), "en")
    page = make_citation_html(citation, "en")
    assert MARK["en"] not in page and html.escape(citation.evidence_en) in page
    assert Runs(page).in_lang(ITEMS_561, "zh")  # the Chinese paragraph is marked on an English page either way


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_conflicts_slide_marks_it(scopes: dict[str, Scope], lang: str) -> None:
    blocks = slides.conflict_blocks(scopes[lang].conflicts, lang)
    page = make_blocks_html(blocks)
    if lang == "zh":
        assert_chinese_page(page, ITEMS_1412)
        return
    assert_pending_html(page, ITEMS_1412)
    assert Runs(page).in_lang(ITEMS_561, "zh") and "(Taking the regional capital as an example" in page


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_briefing_marks_it_in_its_citations_event_cards_conflicts_and_tracker(
    scopes: dict[str, Scope], lang: str
) -> None:
    briefing = build_briefing(scopes[lang], date(2026, 12, 1))
    cited = next(f for g in briefing.citations for f in g.figures if f.evidence == ITEMS_1412)
    assert (cited.evidence_en, cited.evidence_pending) == ("", MARK["en"] if lang == "en" else "")
    page = render_html(briefing)
    body = page[page.index("<main>") :]
    if lang == "zh":
        assert MARK["zh"] not in body and MARK["en"] not in body and 'lang="zh"' not in body
        return
    for section, words in [
        ("citations", ITEMS_1412),
        ("timeline", PLAN),
        ("timeline", AGREEMENTS),
        ("conflicts", ITEMS_1412),
    ]:
        start = body.index(f'<section id="{section}">')
        assert_pending_html(body[start : body.index("</section>", start)], words)
    transport = body[body.index('<section id="transport">') :]
    transport = transport[: transport.index("</section>")]
    table = transport[transport.index('<table class="tracker">') :]
    runs = Runs(table)
    assert runs.in_lang("S43机场高速", "zh")  # the tracker's evidence column is Chinese
    assert MARK["en"] in [data for data, _, _ in runs.runs]  # its English column: the mark, a cell of its own


# --- the quality page ------------------------------------------------------------------------------------------


def test_the_quality_page_lists_the_pending_rows_with_their_count(scopes: dict[str, Scope]) -> None:
    tables = scopes["en"].result.tables
    pending = checks.find_pending_translations(tables)
    assert sorted(zip(pending["table"], pending["row_id"], pending["source_id"], strict=True)) == [
        ("events", "plan-14th-fyp", "0471tv-2025-02-01"),
        ("figures", "gov-agreements-meeting8", "0471tv-2025-02-01"),
        ("figures", "hohhot-service-items-b", "0471tv-2025-02-01"),
        ("projects", "s43-airport-expressway", "0471tv-2025-02-01"),
        ("projects", "s43-airport-expressway", "meeting8-interviews"),
    ]
    en = quality_views.build_pending_translations(tables, "en")
    zh = quality_views.build_pending_translations(tables, "zh")
    assert en.count == zh.count == 5
    assert en.sentence.startswith("Rows whose evidence has no English rendering yet (evidence_en is empty): 5.")
    assert zh.sentence.startswith("evidence 尚无英文译文（evidence_en 为空）的行：5。")
    assert list(en.table.columns) == ["File", "Row id", "Source", "Evidence", "Source ID"]
    assert list(zh.table.columns) == ["文件", "行 id", "来源", "原文", "来源编号"]
    row = en.table[en.table["Row id"] == "hohhot-service-items-b"].iloc[0]
    assert (row["File"], row["Source"], row["Evidence"]) == ("figures.csv", "Qingcheng Media · 2025-02-01", ITEMS_1412)
    assert zh.table.loc[zh.table["行 id"] == "hohhot-service-items-b", "来源"].tolist() == ["青橙融媒 · 2025-02-01"]


def test_the_real_data_lists_exactly_its_rows_without_english_evidence() -> None:
    real = tables()
    expected = sum(int((real[n]["evidence_en"].str.strip() == "").sum()) for n in ("figures", "projects", "events"))
    assert len(checks.find_pending_translations(real)) == expected
    none = quality_views.build_pending_translations({"sources": real["sources"]}, "en")
    assert (none.count, none.sentence, len(none.table)) == (0, "✓ Every row has its English evidence.", 0)
