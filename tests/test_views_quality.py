"""Quality view models: validation state, sources and their archived texts, conflicts, stage disagreements,
identities, staleness."""

import shutil
from datetime import date
from pathlib import Path

from hbeu_dash import quality
from hbeu_dash.loaders import read_dataset
from hbeu_dash.views import quality as views
from tests.conftest import set_cell
from tests.real_data import joined, tables


def test_validation_state_of_valid_data() -> None:
    state = views.build_validation_state(read_dataset(), "en")
    assert set(state.files["Status"]) == {"✓ valid"}
    assert state.files.set_index("File").loc["figures.csv", "Rows"] == 49
    assert state.problems.empty and state.banner is None


def test_validation_state_names_file_row_and_column_in_chinese(data_dir: Path) -> None:
    set_cell(data_dir / "projects.csv", 3, "status", "done")
    state = views.build_validation_state(read_dataset(data_dir), "zh")
    assert state.files.set_index("文件").loc["projects.csv", "状态"] == "✗ 有问题"
    row = state.problems.iloc[0]
    assert (row["文件"], row["行"], row["列"]) == ("projects.csv", 3, "status")
    assert row["问题"].startswith("projects.csv 第 3 行 “status”列")
    assert state.banner == "数据文件有 1 处问题(projects.csv),其余内容照常显示。"


def test_sources_are_cited_by_name_with_their_title_rendered_in_english() -> None:
    zh = views.sources_table(tables()["sources"], joined(), "zh").set_index("source_id")
    assert zh.loc["0471tv-2025-02-01", "引用"] == "青橙融媒 · 2025-02-01"
    assert "标题英译" not in zh.columns
    en = views.sources_table(tables()["sources"], joined(), "en").set_index("source_id")
    row = en.loc["0471tv-2025-02-01"]
    assert row["Citation"] == "Qingcheng Media · 2025-02-01"
    assert row["Title"] == "一体化推进 奏响呼包鄂乌协同发展新乐章" and row["Title (English)"]
    assert row["Language"] == "Chinese"
    assert en["Figures"].sum() == 49


# The archived texts of the two real sources (data/sources.csv names them; tests/conftest.py fills the archive).
MEETING_TEXT = "1cf05ff4a1d37dd937bebf32c30c658778d11ea352ab57388cde1124dcf8c8b3"
QINGCHENG_TEXT = "aa0be664796dbcace8e3bf108342f4516d41f982a2e189b42cbc838305eae572"


def test_sources_table_says_whether_each_source_has_its_text_archived() -> None:
    sources = tables()["sources"].copy()
    sources.loc[sources["source_id"] == "meeting8-interviews", "retrieved"] = "2025-02-03"
    table = views.sources_table(sources, joined(), "en", archived={MEETING_TEXT}).set_index("source_id")
    assert table.loc["meeting8-interviews", "Archived text"] == "✓ read on 3 Feb 2025"
    assert table.loc["0471tv-2025-02-01", "Archived text"] == "✗ its text is not in the archive"
    both = views.sources_table(tables()["sources"], joined(), "zh", archived={MEETING_TEXT, QINGCHENG_TEXT})
    assert set(both["存档原文"]) == {"✓ 已存档"}  # no `retrieved` date in data/ yet
    assert "Archived text" not in views.sources_table(sources, joined(), "en").columns, "only when asked"


def test_source_texts_name_every_source_without_an_archived_text() -> None:
    sources = tables()["sources"].copy()
    sources.loc[sources["source_id"] == "0471tv-2025-02-01", "text_sha256"] = ""
    view = views.build_source_texts(sources, {MEETING_TEXT, QINGCHENG_TEXT}, "en")
    assert view.sentence == "1 of 2 sources have an archived text."
    assert view.missing.to_dict("records") == [
        {
            "Citation": "Qingcheng Media · 2025-02-01",
            "Archived text": "✗ names no text",
            "source_id": "0471tv-2025-02-01",
        }
    ]
    assert "shows their figures as usual" in view.explanation and "Add data" in view.explanation


def test_source_texts_without_any_archive_and_with_every_text() -> None:
    none = views.build_source_texts(tables()["sources"], set(), "zh")
    assert none.sentence == "0 / 2 个来源有存档原文。"
    assert none.missing["source_id"].tolist() == ["meeting8-interviews", "0471tv-2025-02-01"]
    assert set(none.missing["存档原文"]) == {"✗ 所指原文不在存档中"}
    every = views.build_source_texts(tables()["sources"], {MEETING_TEXT, QINGCHENG_TEXT}, "en")
    assert every.sentence == "2 of 2 sources have an archived text." and every.missing.empty and not every.explanation


def test_source_texts_of_a_sources_table_without_the_text_columns() -> None:
    old = tables()["sources"].drop(columns=["text_sha256", "retrieved", "retrieved_from"])
    view = views.build_source_texts(old, set(), "en")
    assert set(view.missing["Archived text"]) == {"✗ names no text"}
    assert set(views.sources_table(old, joined(), "en", archived=set())["Archived text"]) == {"✗ names no text"}


def test_conflict_cards_keep_every_report_side_by_side() -> None:
    (card,) = [c for c in views.build_conflicts(quality.find_conflicts(joined()), "en") if "hohhot" in c.conflict_id]
    assert card.heading == "⚠ Four-city service items · Hohhot: 561 / 1,412 items"
    assert list(card.table["Value"]) == ["561", "1,412"]
    assert list(card.table["Source"]) == ["8th Mayors' Meeting interviews · 2024-12", "Qingcheng Media · 2025-02-01"]
    assert "Evidence (English)" in card.table.columns and "dashboard does not pick one" in card.explanation


def test_stage_disagreements_list_both_reports() -> None:
    table = views.stage_disagreements_table(tables()["projects"], tables()["sources"], "en")
    s43 = table[table["Name"] == "S43 Airport Expressway"]
    assert set(s43["Status"]) == {"Main works completed", "Under construction"}


def test_identities_hold_with_locale_numbers() -> None:
    evaluated = quality.evaluate_identities(tables()["identities"], tables()["figures"])
    table = views.identities_table(evaluated, "zh").set_index("标题")
    row = table.loc["呼包通办事项:首批 + 今年新增 = 总数(王惠)"]
    assert (row["部分之和"], row["总数"], row["状态"]) == ("312", "312", "✓ 成立")


def test_staleness_counts_figures_older_than_a_year_from_a_given_day() -> None:
    view = views.build_staleness(joined(), date(2025, 6, 30), "en")
    # As-ofs are Dec 2024 (meeting interviews) and Feb 2025 (Qingcheng Media): none is a year old on 30 Jun 2025.
    assert view.sentence == "0 of 49 figures are more than a year old (as of today, 30 Jun 2025)."
    later = views.build_staleness(joined(), date(2026, 1, 1), "zh")
    n_dec_2024 = int((joined()["as_of"] == "2024-12").sum())
    assert later.sentence.startswith(f"{n_dec_2024} / 49 条数字")
    assert set(later.table["过期"]) == {"是", "否"}


def test_banner_lists_every_broken_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(Path(__file__).resolve().parents[1] / "data", data)
    (data / "events.csv").write_text("", encoding="utf-8")
    assert "events.csv" in views.build_banner(read_dataset(data), "en")
