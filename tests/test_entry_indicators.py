"""A figure that needs a new indicator brings it in the same commit, in the app (AppTest, a real login): the article
assistant shows the indicators it proposes in their own grid beside the figures, validated and previewed with them
and committed in the same commit; a proposed indicator no accepted figure cites is left out and the preview says so;
one without its English name is refused naming its row and column. The upload page takes a workbook of several
tables as one upload, one preview, one commit. The browser path is in tests/e2e/test_entry.py.

The article is a synthetic text written for these tests (no outlet says it)."""

from pathlib import Path

import pytest

from hbeu_dash.intake.uploads import read_workbook
from hbeu_dash.store import CsvStore
from hbeu_dash.ui.upload import WORKBOOK, template_workbook
from tests.test_entry_pages import (  # noqa: F401 (data_copy, stored and throttle are fixtures)
    data_copy,
    digest,
    fill_article_form,
    log_in,
    open_app,
    problem_rows,
    shown,
    stored,
    throttle,
)
from tests.test_workbook_import import FIGURE, INDICATOR, book, sheet

NEW_ARTICLE = (
    "测试快讯(为自动化测试编写的合成文本,不是真实报道)\n"
    "今年以来,呼和浩特至鄂尔多斯每日开行动车18趟,方便两地群众出行。\n"
)
FORM = {
    "标题（原文）": "呼鄂动车加密",
    "英文标题": "More EMU trains between Hohhot and Ordos",
    "媒体或发布机构（中文）": "测试快讯",
    "媒体或发布机构（英文）": "Test Wire",
    "发布日期（YYYY-MM-DD）": "2025-03-06",
}
SOURCE = "test-wire-2025-03-06"
NAME_EN = "Daily EMU trains, Hohhot to Ordos"


def extracted(stored: str):  # noqa: F811
    """The analyst has pasted the article and asked for candidates (zh page)."""
    at = log_in(open_app(stored, lang="zh"))
    at.switch_page("app_pages/add_data.py").run()
    at.text_area[0].input(NEW_ARTICLE)
    at = fill_article_form(at, FORM)
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_the_assistant_proposes_the_indicator_and_commits_it_with_its_figure(
    stored: str,  # noqa: F811
    data_copy: Path,  # noqa: F811
) -> None:
    before = digest(data_copy)
    at = extracted(stored)
    held = at.session_state["entry_article"]
    figures, indicators = held["figures"], held["indicators"]
    assert figures["value"].tolist() == ["18"]
    assert indicators[["indicator_id", "unit_zh", "unit_en", "sector", "measure"]].values.tolist() == [
        ["transport_trains_per_day", "趟/日", "trains per day", "transport", "daily_frequency"]
    ]
    assert figures["indicator_id"].tolist() == ["transport_trains_per_day"]
    assert "候选新指标" in shown(at), "the proposed indicators have their own grid"
    # Without its English name the indicator is refused, by row and column, in the analyst's language.
    figures.loc[0, "evidence_en"] = "18 EMU trains a day run from Hohhot to Ordos"
    held["events"]["confidence"] = 0.0
    at.run()
    at.button(key="article_check").click().run()
    problems = problem_rows(at)
    assert [p[:3] for p in problems] == [["候选新指标", "1", "name_en"]], problems
    assert "请给指标起英文名" in problems[0][4]
    assert not [b for b in at.button if b.key == "article-commit"]
    # The analyst names it: previewed with the figure (the new indicator listed), committed in one commit.
    indicators.loc[0, "name_en"] = NAME_EN
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    text = shown(at)
    assert "新增 3 行" in text, text[-2000:]  # the source, the indicator, the figure
    assert "新增的行：指标" in text and "transport_trains_per_day" in text
    assert digest(data_copy) == before, "a preview writes nothing"
    at.button(key="article-commit").click().run()
    assert any("已提交" in s.value for s in at.success), [e.value for e in at.error]
    [record] = CsvStore(data_copy).history()
    assert set(record.tables) == {"figures", "indicators", "sources"}
    indicators_csv = (data_copy / "indicators.csv").read_text(encoding="utf-8")
    assert (
        f'transport_trains_per_day,transport,呼和浩特至鄂尔多斯每日开行动车,"{NAME_EN}",趟/日,trains per day,'
        in indicators_csv
    )
    assert f"{SOURCE}-1,transport_trains_per_day,hohhot,18," in (data_copy / "figures.csv").read_text(encoding="utf-8")


def test_a_proposed_indicator_no_accepted_figure_cites_is_left_out(
    stored: str,  # noqa: F811
    data_copy: Path,  # noqa: F811
) -> None:
    at = extracted(stored)
    held = at.session_state["entry_article"]
    held["figures"]["confidence"] = 0.0  # the analyst drops the figure: its indicator goes with it
    held["events"]["confidence"] = 0.0
    at.run()
    at.button(key="article_check").click().run()
    assert not at.exception, [e.value for e in at.exception]
    text = shown(at)
    assert "以下提议的新指标没有被采用的候选数字引用，不会提交：transport_trains_per_day" in text
    assert "新增 1 行" in text and "新增的行：指标" not in text, "only the source"


def test_a_workbook_upload_is_one_preview_and_one_commit(
    stored: str,  # noqa: F811
    data_copy: Path,  # noqa: F811
) -> None:
    from tests.conftest import extend_source_text
    from tests.test_workbook_import import SENTENCES

    extend_source_text(data_copy, FIGURE["source_id"], *SENTENCES)
    at = log_in(open_app(stored))
    at.switch_page("app_pages/add_data.py").run()
    at.selectbox(key="entry_upload_table").set_value(WORKBOOK).run()
    assert "Name each sheet after its table" in shown(at)
    uploader = next(u for u in at.get("file_uploader") if (u.key or "").startswith("entry_upload_"))
    data = book({"indicators": sheet("indicators", INDICATOR), "figures": sheet("figures", FIGURE)})
    uploader.upload("book.xlsx", data, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    text = shown(at)
    assert "2 new row(s), 0 changed" in text and "New rows: indicators" in text, text[-2000:]
    at.button(key="upload-commit").click().run()
    assert any("Committed " in s.value for s in at.success), [e.value for e in at.error]
    [record] = CsvStore(data_copy).history()
    assert set(record.tables) == {"figures", "indicators"}
    # A bad row names the sheet, the row and the column.
    bad = book({"indicators": sheet("indicators", INDICATOR | {"indicator_id": "x2"}), "Sheet1": [["a"]]})
    uploader = next(u for u in at.get("file_uploader") if (u.key or "").startswith("entry_upload_"))
    uploader.upload("bad.xlsx", bad, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    at.run()
    assert [p[:2] for p in problem_rows(at)] == [["bad.xlsx [Sheet1]", ""]]
    assert len(CsvStore(data_copy).history()) == 1


def test_the_template_workbook_has_a_sheet_per_table_and_reads_back_empty() -> None:
    sheets = read_workbook("t.xlsx", template_workbook())
    assert [title for title, _ in sheets] == ["sources", "indicators", "figures", "events", "projects"]
    assert all(table.rows and table.rows[0][0].startswith("#") for _, table in sheets), "the explanation rows"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_indicators_table_is_offered_for_upload(lang: str, stored: str, data_copy: Path) -> None:  # noqa: F811
    at = log_in(open_app(stored, lang=lang))
    at.switch_page("app_pages/add_data.py").run()
    options = at.selectbox(key="entry_upload_table").options
    assert ("指标" if lang == "zh" else "indicators") in options
    at.selectbox(key="entry_upload_table").set_value("indicators").run()
    assert not at.exception, [e.value for e in at.exception]


def test_a_csv_uploaded_as_a_workbook_is_told_to_choose_its_table(stored: str, data_copy: Path) -> None:  # noqa: F811
    before = digest(data_copy)
    at = log_in(open_app(stored))
    at.switch_page("app_pages/add_data.py").run()
    at.selectbox(key="entry_upload_table").set_value(WORKBOOK).run()
    uploader = next(u for u in at.get("file_uploader") if (u.key or "").startswith("entry_upload_"))
    uploader.upload("rows.csv", b"figure_id\nx\n", "text/csv")
    at.run()
    [problem] = problem_rows(at)
    assert problem[0] == "rows.csv" and "is not an .xlsx workbook; a CSV holds one table: choose which" in problem[4]
    assert digest(data_copy) == before
