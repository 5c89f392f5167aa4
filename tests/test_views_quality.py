"""Quality view models: validation state, sources and their archived texts, conflicts, stage disagreements,
identities, staleness."""

import calendar
import shutil
from collections import Counter
from datetime import date
from pathlib import Path

from hbeu_dash.model import checks
from hbeu_dash.model.loaders import read_dataset
from hbeu_dash.paths import DATA_DIR
from hbeu_dash.views import quality as views
from tests.conftest import read_rows, set_cell
from tests.real_data import joined, tables


def csv_records(name: str) -> list[dict[str, str]]:
    """The rows of data/<name> as the csv module reads them (not the loader under test)."""
    header, *rows = read_rows(DATA_DIR / name)
    return [dict(zip(header, row, strict=True)) for row in rows]


def test_validation_state_of_valid_data() -> None:
    state = views.build_validation_state(read_dataset(), "en")
    assert set(state.files["Status"]) == {"✓ valid"}
    assert state.files.set_index("File").loc["figures.csv", "Rows"] == len(csv_records("figures.csv"))
    assert state.problems.empty and state.banner is None


def test_validation_state_names_file_row_and_column_in_chinese(data_dir: Path) -> None:
    set_cell(data_dir / "projects.csv", 3, "status", "done")
    state = views.build_validation_state(read_dataset(data_dir), "zh")
    assert state.files.set_index("文件").loc["projects.csv", "状态"] == "✗ 有问题"
    row = state.problems.iloc[0]
    assert (row["文件"], row["行"], row["列"]) == ("projects.csv", 3, "status")
    assert row["问题"].startswith("projects.csv 第 3 行“status”列")
    assert state.banner == "数据文件有 1 处问题（projects.csv），其余内容照常显示。"


def test_sources_are_cited_by_name_with_their_title_rendered_in_english() -> None:
    zh = views.sources_table(tables()["sources"], joined(), "zh").set_index("来源编号")
    assert zh.loc["0471tv-2025-02-01", "引用"] == "青橙融媒 · 2025-02-01"
    assert "标题英译" not in zh.columns
    en = views.sources_table(tables()["sources"], joined(), "en").set_index("Source ID")
    row = en.loc["0471tv-2025-02-01"]
    assert row["Citation"] == "Qingcheng Media · 2025-02-01"
    assert row["Title"] == "一体化推进 奏响呼包鄂乌协同发展新乐章" and row["Title (English)"]
    assert row["Language"] == "Chinese"
    cited = Counter(f["source_id"] for f in csv_records("figures.csv"))
    assert en["Figures"].to_dict() == {s["source_id"]: cited[s["source_id"]] for s in csv_records("sources.csv")}


# The archived text of the meeting interviews, and the texts every source of data/sources.csv names
# (tests/conftest.py fills the archive with them).
MEETING_TEXT = "1cf05ff4a1d37dd937bebf32c30c658778d11ea352ab57388cde1124dcf8c8b3"
SOURCES = csv_records("sources.csv")
EVERY_TEXT = {s["text_sha256"] for s in SOURCES}


def test_sources_table_says_whether_each_source_has_its_text_archived() -> None:
    sources = tables()["sources"].copy()
    sources.loc[sources["source_id"] == "meeting8-interviews", "retrieved"] = "2025-02-03"
    table = views.sources_table(sources, joined(), "en", archived={MEETING_TEXT}).set_index("Source ID")
    assert table.loc["meeting8-interviews", "Archived text"] == "✓ read on 3 Feb 2025"
    assert table.loc["0471tv-2025-02-01", "Archived text"] == "✗ its text is not in the archive"
    every = views.sources_table(tables()["sources"], joined(), "zh", archived=EVERY_TEXT).set_index("来源编号")
    # The first two sources of data/ have no `retrieved` date; the 13 added later were read on 2 Dec 2026.
    assert {s["source_id"]: s["retrieved"] for s in SOURCES}["people-20241207"] == "2026-12-02"
    assert every["存档原文"].to_dict() == {
        s["source_id"]: "✓ 2026年12月2日 读取" if s["retrieved"] == "2026-12-02" else "✓ 已存档" for s in SOURCES
    }
    assert every.loc[["meeting8-interviews", "0471tv-2025-02-01"], "存档原文"].tolist() == ["✓ 已存档"] * 2
    assert "Archived text" not in views.sources_table(sources, joined(), "en").columns, "only when asked"


def test_source_texts_name_every_source_without_an_archived_text() -> None:
    sources = tables()["sources"].copy()
    sources.loc[sources["source_id"] == "0471tv-2025-02-01", "text_sha256"] = ""
    view = views.build_source_texts(sources, EVERY_TEXT, "en")
    assert view.sentence == f"{len(SOURCES) - 1} of {len(SOURCES)} sources have an archived text."
    assert view.missing.to_dict("records") == [
        {
            "Citation": "Qingcheng Media · 2025-02-01",
            "Archived text": "✗ names no text",
            "Source ID": "0471tv-2025-02-01",
        }
    ]
    assert "shows their figures as usual" in view.explanation and "Add data" in view.explanation


def test_source_texts_without_any_archive_and_with_every_text() -> None:
    none = views.build_source_texts(tables()["sources"], set(), "zh")
    assert none.sentence == f"0 / {len(SOURCES)} 个来源有存档原文。"
    assert none.missing["来源编号"].tolist() == [s["source_id"] for s in SOURCES]
    assert set(none.missing["存档原文"]) == {"✗ 所指原文不在存档中"}  # every source of data/ names a text
    every = views.build_source_texts(tables()["sources"], EVERY_TEXT, "en")
    assert every.sentence == f"{len(SOURCES)} of {len(SOURCES)} sources have an archived text."
    assert every.missing.empty and not every.explanation


def test_source_texts_of_a_sources_table_without_the_text_columns() -> None:
    old = tables()["sources"].drop(columns=["text_sha256", "retrieved", "retrieved_from"])
    view = views.build_source_texts(old, set(), "en")
    assert set(view.missing["Archived text"]) == {"✗ names no text"}
    assert set(views.sources_table(old, joined(), "en", archived=set())["Archived text"]) == {"✗ names no text"}


def test_conflict_cards_keep_every_report_side_by_side() -> None:
    (card,) = [c for c in views.build_conflicts(checks.find_conflicts(joined()), "en") if "hohhot" in c.conflict_id]
    assert card.heading == "⚠ Four-city service items · Hohhot: 561 / 1,412 items"
    assert list(card.table["Value"]) == ["561", "1,412"]
    assert list(card.table["Source"]) == ["8th Mayors' Meeting interviews · 2024-12", "Qingcheng Media · 2025-02-01"]
    assert "Evidence (English)" in card.table.columns and "dashboard does not pick one" in card.explanation


def test_stage_disagreements_list_both_reports() -> None:
    table = views.stage_disagreements_table(tables()["projects"], tables()["sources"], "en")
    s43 = table[table["Name"] == "S43 Airport Expressway"]
    assert set(s43["Status"]) == {"Main works completed", "Under construction"}


def test_identities_hold_with_locale_numbers() -> None:
    evaluated = checks.evaluate_identities(tables()["identities"], tables()["figures"])
    table = views.identities_table(evaluated, "zh").set_index("标题")
    row = table.loc["呼包通办事项:首批 + 今年新增 = 总数(王惠)"]
    assert (row["部分之和"], row["总数"], row["状态"]) == ("312", "312", "✓ 成立")


def test_staleness_counts_figures_older_than_a_year_from_a_given_day() -> None:
    # A figure is stale when the last day its as-of can mean is more than 365 days before the given day: worked out
    # here from data/figures.csv. On 30 Jun 2025 that is every as-of before June 2024; those of Aug 2025 lie after
    # that day and are not stale either. The figures as of Dec 2024 are stale a year and a day later, on 1 Jan 2026.
    figures = csv_records("figures.csv")

    def stale_ids(day: date) -> set[str]:
        return {f["figure_id"] for f in figures if (day - period_end(f["as_of"])).days > 365}

    mid_2025, new_year_2026 = date(2025, 6, 30), date(2026, 1, 1)
    dec_2024 = {f["figure_id"] for f in figures if f["as_of"] == "2024-12"}
    assert dec_2024 and not dec_2024 & stale_ids(mid_2025) and dec_2024 <= stale_ids(new_year_2026)
    view = views.build_staleness(joined(), mid_2025, "en")
    assert view.sentence == (
        f"{len(stale_ids(mid_2025))} of {len(figures)} figures are more than a year old (as of today, 30 Jun 2025)."
    )
    assert set(view.table.loc[view.table["Stale"] == "yes", "Figure ID"]) == stale_ids(mid_2025)
    later = views.build_staleness(joined(), new_year_2026, "zh")
    assert later.sentence.startswith(f"{len(stale_ids(new_year_2026))} / {len(figures)} 条数字")
    assert set(later.table.loc[later.table["过期"] == "是", "数字编号"]) == stale_ids(new_year_2026)
    assert set(later.table["过期"]) == {"是", "否"}


def period_end(as_of: str) -> date:
    """The last day a YYYY, YYYY-MM or YYYY-MM-DD as-of can mean (worked out here, apart from checks.as_of_end)."""
    parts = [int(p) for p in as_of.split("-")]
    if len(parts) == 3:
        return date(*parts)
    year, month = parts[0], parts[1] if len(parts) == 2 else 12
    return date(year, month, calendar.monthrange(year, month)[1])


def test_banner_lists_every_broken_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(Path(__file__).resolve().parents[1] / "data", data)
    (data / "events.csv").write_text("", encoding="utf-8")
    assert "events.csv" in views.build_banner(read_dataset(data), "en")
