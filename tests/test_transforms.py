"""Filters by city and sector, latest project reports, timeline order."""

import pandas as pd

from hbeu_dash.model import transforms
from hbeu_dash.model.loaders import load_dataset
from hbeu_dash.paths import DATA_DIR
from tests.conftest import read_rows


def csv_records(name: str) -> list[dict[str, str]]:
    """The rows of data/<name> as the csv module reads them (not the loader under test)."""
    header, *rows = read_rows(DATA_DIR / name)
    return [dict(zip(header, row, strict=True)) for row in rows]


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
    # city_matches: a figure is shown when its cities touch a selected one ('hohhot;baotou;ordos' for Ordos), or
    # when it concerns the region; 'hohhot' and 'hohhot;baotou' are not shown.
    planning = {i["indicator_id"] for i in csv_records("indicators.csv") if i["sector"] == "cooperation_planning"}
    expected = {
        f["figure_id"]
        for f in csv_records("figures.csv")
        if f["indicator_id"] in planning and (f["city"] == "region" or "ordos" in f["city"].split(";"))
    }
    assert set(ordos_plan["figure_id"]) == expected


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
    # The 8th meeting: '12月7日' (no year) and '2024年12月7日'; all give 2024-12-07, every reporting source listed.
    timeline = transforms.timeline_events(load_dataset()["events"]).set_index("event_id")
    assert timeline.loc["mayors-meeting-8", "date"] == "2024-12-07"
    reporting = {e["source_id"] for e in csv_records("events.csv") if e["event_id"] == "mayors-meeting-8"}
    assert {"meeting8-interviews", "0471tv-2025-02-01"} <= reporting  # the two dates above (and people-20241207)
    assert timeline.loc["mayors-meeting-8", "sources"] == ";".join(sorted(reporting))
    assert pd.isna(timeline.loc["ordos-task-plan", "sort_date"])


def test_city_values_keep_every_reported_value() -> None:
    t = load_dataset()
    joined = transforms.join_figures(t["figures"], t["indicators"], t["sources"])
    values = transforms.city_values(joined, "four_city_service_items").set_index("city_id")
    assert values.loc["hohhot", "all_values"] == [561, 1412] and values.loc["hohhot", "n_values"] == 2
    assert values.loc["baotou", "value"] == 587


def test_same_date_reports_one_current_stage_whatever_the_row_order() -> None:
    # Two sources report the same project on the same date with different stages: the later stage is current,
    # in every row order, and the disagreement is flagged (tracker, status chart and map share this rule).
    rows = pd.DataFrame(
        {
            "project_id": ["p", "p"],
            "status": ["under_construction", "preliminary_work"],
            "as_of": ["2025-02", "2025-02"],
            "source_id": ["b", "a"],
            "speaker_zh": ["", ""],
        }
    )
    for frame in (rows, rows.iloc[::-1]):
        latest = transforms.latest_project_reports(frame).set_index("project_id")
        assert latest.loc["p", "status"] == "under_construction"
        assert latest.loc["p", "statuses"] == "preliminary_work;under_construction"
        assert bool(latest.loc["p", "disagree"]) is True


def test_citations_name_the_outlet_and_date_in_both_languages() -> None:
    t = load_dataset()
    cites = transforms.source_citations(t["sources"])
    assert cites.loc["0471tv-2025-02-01", "cite_zh"] == "青橙融媒 · 2025-02-01"
    assert cites.loc["0471tv-2025-02-01", "cite_en"] == "Qingcheng Media · 2025-02-01"
    joined = transforms.join_figures(t["figures"], t["indicators"], t["sources"]).set_index("figure_id")
    assert joined.loc["hohhot-service-items-b", "cite_en"] == "Qingcheng Media · 2025-02-01"


def test_citation_without_a_date_is_the_outlet_alone() -> None:
    sources = pd.DataFrame({"source_id": ["s"], "outlet_zh": ["某报"], "outlet_en": ["A paper"], "published": [""]})
    assert transforms.source_citations(sources).loc["s"].tolist() == ["某报", "A paper"]


def test_search_figures_over_names_evidence_translations_and_speakers() -> None:
    t = load_dataset()
    joined = transforms.join_figures(t["figures"], t["indicators"], t["sources"])
    assert set(transforms.search_figures(joined, "1412")["figure_id"]) == {"hohhot-service-items-b"}
    assert len(transforms.search_figures(joined, "  XU RUI ")) == 7  # speaker_en, any case, trimmed
    assert len(transforms.search_figures(joined, "徐瑞")) == 7
    only = transforms.search_figures(joined, "", ["service_batches"])
    assert set(only["indicator_id"]) == {"service_batches"}
    assert transforms.search_figures(joined, "no-such-text").empty
