"""Filters by city and sector, latest project reports, timeline order."""

import pandas as pd

from hbeu_dash import transforms
from hbeu_dash.loaders import load_dataset


def test_city_matches_single_pair_and_region() -> None:
    cells = pd.Series(["hohhot", "hohhot;baotou", "region", "ordos"])
    assert list(transforms.city_matches(cells, ("baotou",))) == [False, True, True, False]
    assert list(transforms.city_matches(cells, ())) == [False] * 4


def test_filter_figures_by_sector_and_city() -> None:
    t = load_dataset()
    joined = transforms.join_figures(t["figures"], t["indicators"], t["sources"])
    ordos_plan = transforms.filter_figures(joined, ("ordos",), ("cooperation_planning",))
    assert "ordos-plan-tasks" in set(ordos_plan["figure_id"])
    assert set(ordos_plan["sector"]) == {"cooperation_planning"}
    assert not set(ordos_plan["city"]) - {"ordos", "region"}


def test_latest_project_report_prefers_a_stated_stage() -> None:
    projects = pd.DataFrame(
        {
            "project_id": ["p", "p", "q"],
            "status": ["preliminary_work", "promoted", "planned"],
            "as_of": ["2024-12", "2025-02", "2024-12"],
            "source_id": ["a", "b", "a"],
        }
    )
    latest = transforms.latest_project_reports(projects).set_index("project_id")
    assert latest.loc["p", "status"] == "preliminary_work"
    assert latest.loc["p", "n_reports"] == 2 and not latest.loc["p", "disagree"]


def test_timeline_uses_the_most_precise_report() -> None:
    # The 8th meeting: '12月7日' (no year) and '2024年12月7日'; both give 2024-12-07, both sources listed.
    timeline = transforms.timeline_events(load_dataset()["events"]).set_index("event_id")
    assert timeline.loc["mayors-meeting-8", "date"] == "2024-12-07"
    assert timeline.loc["mayors-meeting-8", "sources"] == "0471tv-2025-02-01;meeting8-interviews"
    assert pd.isna(timeline.loc["ordos-task-plan", "sort_date"])


def test_city_values_keep_every_reported_value() -> None:
    t = load_dataset()
    joined = transforms.join_figures(t["figures"], t["indicators"], t["sources"])
    values = transforms.city_values(joined, "four_city_service_items").set_index("city_id")
    assert values.loc["hohhot", "all_values"] == [561, 1412] and values.loc["hohhot", "n_values"] == 2
    assert values.loc["baotou", "value"] == 587
