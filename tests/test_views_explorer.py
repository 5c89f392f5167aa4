"""The explorer's table: labelled per language, cited by name, with source_id and URL kept for machines."""

from hbeu_dash.model import transforms
from hbeu_dash.paths import DATA_DIR
from hbeu_dash.views import explorer
from tests.conftest import read_rows
from tests.real_data import joined


def test_table_has_every_figure_cited_by_name_and_by_id() -> None:
    table = explorer.figures_table(joined(), "en").set_index("figure_id")
    header, *rows = read_rows(DATA_DIR / "figures.csv")
    assert sorted(table.index) == sorted(r[header.index("figure_id")] for r in rows)  # each row of figures.csv once
    row = table.loc["hohhot-service-items-b"]
    assert (row["Value"], row["Unit"], row["As written"]) == (1412, "items", "1412")
    assert row["Source"] == "Qingcheng Media · 2025-02-01" and row["source_id"] == "0471tv-2025-02-01"
    assert row["url"].startswith("https://www.0471tv.org.cn/")
    assert row["Evidence"] == "实现“四城通办”事项1412项" and row["Evidence (English)"]
    assert row["Speaker"] == ""  # the Qingcheng Media figure quotes no one
    assert table.loc["baotou-service-items", "Speaker"].startswith("Wang Hui (Deputy Director")


def test_chinese_table_shows_chinese_notes_and_speakers() -> None:
    table = explorer.figures_table(joined(), "zh").set_index("figure_id")
    assert list(table.columns)[:4] == ["领域", "指标", "城市", "数值"]
    assert table.loc["hohhot-service-items-a", "发言人"].startswith("徐瑞")
    assert "原文英译" not in table.columns


def test_search_then_table() -> None:
    rows = transforms.search_figures(joined(), "包头市已实现五批")
    assert list(explorer.figures_table(rows, "zh")["figure_id"]) == ["baotou-service-items"]


def test_indicator_names_sorted_by_name() -> None:
    names = explorer.indicator_names(joined(), "en")
    assert list(names.values()) == sorted(names.values())
    assert names["four_city_service_items"] == "Four-city service items"
