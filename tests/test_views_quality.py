"""Quality view models: validation state, sources, conflicts, stage disagreements, identities, staleness."""

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
