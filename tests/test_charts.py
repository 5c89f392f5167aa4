"""Chart builders: traces, values, colours per city, summaries and source lines, from the real data."""

import pandas as pd
import pytest

from hbeu_dash import charts, quality, transforms
from hbeu_dash.i18n import CITY_COLORS, STATUS_COLORS
from hbeu_dash.loaders import load_dataset


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return load_dataset()


@pytest.fixture(scope="module")
def figures(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    return transforms.join_figures(tables["figures"], tables["indicators"], tables["sources"])


def test_city_reports_one_trace_per_city_in_its_colour(figures: pd.DataFrame) -> None:
    # Four-city service items: Baotou 587; Hohhot 561 and 1412 from two sources.
    chart = charts.make_city_reports_figure(transforms.reports_of(figures, "four_city_service_items"), "en", "t", "f")
    by_name = {trace.name: trace for trace in chart.figure.data}
    assert set(by_name) == {"Hohhot", "Baotou"}
    assert list(by_name["Hohhot"].y) == [561, 1412]
    assert by_name["Hohhot"].marker.color == CITY_COLORS["hohhot"]
    assert by_name["Baotou"].marker.color == CITY_COLORS["baotou"]
    assert all("⚠" in text for text in by_name["Hohhot"].text)
    assert "Sources disagree" in chart.summary and "561 / 1,412" in chart.summary
    assert "As of" in chart.sources and "协同联动" in chart.sources
    assert chart.figure.layout.yaxis.title.text == "Unit: items"


def test_table_twin_carries_source_and_evidence(figures: pd.DataFrame) -> None:
    chart = charts.make_city_reports_figure(transforms.reports_of(figures, "four_city_service_items"), "zh", "t", "f")
    assert len(chart.table) == 3
    assert "实现“四城通办”事项1412项" in set(chart.table["原文"])
    assert set(chart.table["来源"]) == {"meeting8-interviews", "0471tv-2025-02-01"}


def test_identity_waterfall(tables: dict[str, pd.DataFrame], figures: pd.DataFrame) -> None:
    evaluated = quality.evaluate_identities(tables["identities"], tables["figures"]).set_index("identity_id")
    row = evaluated.loc["hb-items-sum"].copy()
    row["identity_id"] = "hb-items-sum"
    chart = charts.make_identity_figure(row, figures, "zh", "f")
    trace = chart.figure.data[0]
    assert trace.type == "waterfall"
    assert list(trace.y) == [192, 120, 312] and list(trace.measure) == ["relative", "relative", "total"]
    assert chart.summary.startswith("192 + 120 = 312")


def test_status_chart_in_stage_order_with_status_colours(tables: dict[str, pd.DataFrame]) -> None:
    latest = transforms.latest_project_reports(tables["projects"])
    counts = transforms.count_projects_by_status(latest)
    chart = charts.make_status_figure(latest, counts, "en", "t", "f")
    bar = chart.figure.data[0]
    assert sum(bar.y) == latest["project_id"].nunique()
    assert list(bar.marker.color) == [STATUS_COLORS[s] for s in counts["status"]]
    assert bar.x[0] == "Proposed"  # earliest stage first


def test_timeline_leaves_undated_events_out_of_the_axis(tables: dict[str, pd.DataFrame]) -> None:
    timeline = transforms.timeline_events(tables["events"])
    chart = charts.make_timeline_figure(timeline, "en", "t", "f")
    points = sum(len(trace.x) for trace in chart.figure.data)
    assert points == int(timeline["sort_date"].notna().sum()) < len(timeline)
    assert "from Oct 2021" in chart.summary


def test_png_file_name_and_toolbar() -> None:
    config = charts.png_config("hbeu-service-items-zh")
    assert config["toImageButtonOptions"] == {"format": "png", "filename": "hbeu-service-items-zh", "scale": 2}


def test_empty_input_gives_an_empty_chart_not_an_error(figures: pd.DataFrame) -> None:
    chart = charts.make_city_reports_figure(figures.iloc[0:0], "zh", "t", "f")
    assert len(chart.figure.data) == 0 and chart.summary == "暂无数据"
