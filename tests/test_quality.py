"""Conflicts, derived identities and staleness, on small frames built here and on the real data."""

from datetime import date

import pandas as pd
import pytest

from hbeu_dash.model.checks import as_of_end, evaluate_identities, find_conflicts, find_stale, find_status_conflicts
from hbeu_dash.model.loaders import load_dataset


def _figures(*rows: tuple) -> pd.DataFrame:
    return pd.DataFrame(
        rows, columns=["figure_id", "indicator_id", "city", "period", "value", "as_of", "source_id", "speaker"]
    )


def test_conflict_keeps_both_figures_side_by_side() -> None:
    figures = _figures(
        ("a", "items", "hohhot", "", 561.0, "2024-12", "s1", "x"),
        ("b", "items", "hohhot", "", 1412.0, "2025-02", "s2", ""),
        ("c", "items", "baotou", "", 587.0, "2024-12", "s1", "y"),
    )
    conflicts = find_conflicts(figures)
    assert list(conflicts["figure_id"]) == ["a", "b"]
    assert list(conflicts["value"]) == [561.0, 1412.0]
    assert conflicts["conflict_id"].nunique() == 1


@pytest.mark.parametrize(
    ("second", "why"),
    [
        (("b", "items", "hohhot", "", 561.0, "2025-02", "s2", ""), "same value is corroboration"),
        (("b", "items", "baotou", "", 1412.0, "2024-12", "s2", ""), "other city"),
        (("b", "items", "hohhot", "2023", 1412.0, "2024-12", "s2", ""), "other period"),
        (("b", "items", "hohhot", "", 1412.0, "2026-12", "s2", ""), "two years later is growth, not conflict"),
        (("b", "other", "hohhot", "", 1412.0, "2024-12", "s2", ""), "other indicator"),
    ],
)
def test_no_conflict(second: tuple, why: str) -> None:
    figures = _figures(("a", "items", "hohhot", "", 561.0, "2024-12", "s1", "x"), second)
    assert find_conflicts(figures).empty, why


def test_real_data_conflict_hohhot_service_items() -> None:
    # Hohhot's four-city service items: 561 (徐瑞, meeting8-interviews) vs 1412 (0471tv-2025-02-01).
    conflicts = find_conflicts(load_dataset()["figures"])
    hohhot = conflicts[conflicts["conflict_id"] == "four_city_service_items|hohhot|"]
    assert sorted(hohhot["value"]) == [561, 1412]
    assert set(hohhot["source_id"]) == {"meeting8-interviews", "0471tv-2025-02-01"}


def _identities(*rows: tuple) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["identity_id", "kind", "parts", "total", "title_zh", "title_en", "note"])


@pytest.mark.parametrize(
    ("kind", "parts", "total", "status"),
    [
        ("sum", "a;b", "t", "holds"),
        ("sum", "a", "t", "fails"),
        ("part_of", "a", "t", "holds"),
        ("part_of", "t", "a", "fails"),
        ("sum", "a;zz", "t", "missing"),
    ],
)
def test_identity_status(kind: str, parts: str, total: str, status: str) -> None:
    figures = pd.DataFrame({"figure_id": ["a", "b", "t"], "value": [192.0, 120.0, 312.0]})
    result = evaluate_identities(_identities(("i", kind, parts, total, "", "", "")), figures)
    assert result.loc[0, "status"] == status


def test_sum_identity_reports_lhs_and_difference() -> None:
    figures = pd.DataFrame({"figure_id": ["a", "b", "t"], "value": [192.0, 100.0, 312.0]})
    row = evaluate_identities(_identities(("i", "sum", "a;b", "t", "", "", "")), figures).iloc[0]
    assert (row["lhs"], row["total"], row["difference"]) == (292.0, 312.0, -20.0)


def test_real_data_hohhot_baotou_batches_add_up() -> None:
    # 王惠: first batch 192 + 120 added this year = 312 in total.
    tables = load_dataset()
    result = evaluate_identities(tables["identities"], tables["figures"]).set_index("identity_id")
    assert result.loc["hb-items-sum", "status"] == "holds"
    assert result.loc["hb-items-sum", "lhs"] == 312


@pytest.mark.parametrize(
    ("as_of", "end"),
    [
        ("2024", date(2024, 12, 31)),
        ("2024-02", date(2024, 2, 29)),
        ("2024-12", date(2024, 12, 31)),
        ("2025-02-01", date(2025, 2, 1)),
    ],
)
def test_as_of_end(as_of: str, end: date) -> None:
    assert as_of_end(as_of) == end


def test_stale_flags_only_old_figures() -> None:
    figures = _figures(
        ("old", "x", "hohhot", "", 1.0, "2024-12", "s", ""), ("new", "x", "hohhot", "", 1.0, "2026-10", "s", "")
    )
    stale = find_stale(figures, today=date(2026, 11, 25), max_age_days=365).set_index("figure_id")
    assert bool(stale.loc["old", "stale"]) and not bool(stale.loc["new", "stale"])
    assert stale.loc["new", "age_days"] == 25


def test_status_conflicts_ignore_reports_without_a_stage() -> None:
    projects = pd.DataFrame(
        {
            "project_id": ["p", "p", "q", "q"],
            "status": ["main_works_completed", "under_construction", "preliminary_work", "promoted"],
            "as_of": ["2024-12", "2025-02", "2024-12", "2024-12"],
        }
    )
    assert list(find_status_conflicts(projects)["project_id"]) == ["p", "p"]


def test_real_data_s43_status_differs_between_sources() -> None:
    # S43: main works completed (meeting8-interviews) vs '加快建设' (0471tv-2025-02-01).
    result = find_status_conflicts(load_dataset()["projects"])
    assert set(result[result["project_id"] == "s43-airport-expressway"]["status"]) == {
        "main_works_completed",
        "under_construction",
    }
