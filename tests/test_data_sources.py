"""What issue 17 promised of data/: fifteen sources, series a reader can see change, and honest scopes.

Read with the csv module, not the loaders: these are facts of the data, checked independently of the code that
shows them.
"""

from collections import defaultdict

from hbeu_dash.paths import SOURCES_DIR
from tests.real_data import csv_rows


def _points(figures: list[dict]) -> dict[tuple[str, str], dict[str, set[str]]]:
    """(indicator, city) -> {time (period, else as-of) -> values}."""
    series: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for row in figures:
        series[row["indicator_id"], row["city"]][row["period"] or row["as_of"]].add(row["value"])
    return series


def test_at_least_fifteen_sources_every_text_of_the_shared_folder_among_them() -> None:
    ids = {row["source_id"] for row in csv_rows("sources")}
    assert len(ids) >= 15
    shared = {path.stem for path in SOURCES_DIR.glob("*.txt")}
    assert shared <= ids, shared - ids


def test_every_source_is_cited_by_a_row_and_has_its_text() -> None:
    cited = {row["source_id"] for table in ("figures", "events", "projects") for row in csv_rows(table)}
    for source in csv_rows("sources"):
        assert source["source_id"] in cited, source["source_id"]
        assert len(source["text_sha256"]) == 64, source["source_id"]


def test_three_indicators_change_over_time() -> None:
    # A reader can see a change: the same indicator and city at two or more times, with different values.
    changing = [
        key
        for key, times in _points(csv_rows("figures")).items()
        if len(times) >= 2 and len({v for values in times.values() for v in values}) >= 2
    ]
    assert len(changing) >= 3, changing
    assert ("jining_baotou_emu_minutes", "hohhot;baotou;ulanqab") in changing  # 144 → 134 minutes


def test_the_unverified_outlet_says_so() -> None:
    wechat = next(row for row in csv_rows("sources") if row["source_id"] == "wechat-201705")
    assert "未核实" in wechat["outlet_zh"] and "unverified" in wechat["outlet_en"]
    assert wechat["retrieved_from"].startswith("https://")


def test_a_reprint_names_where_it_was_read() -> None:
    # Cite the original outlet; say where the copy was read when that is elsewhere.
    by_id = {row["source_id"]: row for row in csv_rows("sources")}
    for source_id, outlet in (("cnr-20260107", "央广网"), ("xinhua-20160122", "新华网")):
        assert by_id[source_id]["outlet_zh"] == outlet
        assert by_id[source_id]["retrieved_from"] and by_id[source_id]["retrieved_from"] != by_id[source_id]["url"]
