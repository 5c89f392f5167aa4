"""Chart specs: which rows each chart of the dashboard draws, under which title and file name."""

import pandas as pd

from hbeu_dash.graphics import charts
from hbeu_dash.graphics.charts import Chart
from hbeu_dash.i18n import col, t
from hbeu_dash.model import checks, transforms
from hbeu_dash.views import trends

# Figures shown together in one breakdown chart (figures.csv ids), in the order shown.
CONSORTIA = ("ulanqab-consortia", "ulanqab-consortia-major", "ulanqab-major-special-leads")
TALENT = ("ulanqab-academicians", "ulanqab-sanqu-talents", "hb-training-bases")
ORDOS_PLAN_EVENT = "ordos-task-plan"
HB_ITEMS_IDENTITY = "hb-items-sum"


def service_items_chart(selected: pd.DataFrame, lang: str, by_source: bool = False) -> Chart:
    """Four-city service items, one bar per city and report (disagreeing reports side by side)."""
    title = t("chart_service_items_by_source" if by_source else "chart_service_items", lang)
    rows = transforms.reports_of(selected, "four_city_service_items")
    return charts.make_city_reports_figure(rows, lang, title, f"hbeu-service-items-{lang}")


def status_chart(latest: pd.DataFrame, lang: str) -> Chart:
    """Projects counted by their current stage (the tracker's rule)."""
    counts = transforms.count_projects_by_status(latest)
    title = t("chart_projects_by_status", lang)
    return charts.make_status_figure(latest, counts, lang, title, f"hbeu-projects-by-status-{lang}")


def identity_chart(identities: pd.DataFrame, figures: pd.DataFrame, identity_id: str, lang: str) -> Chart | None:
    """The waterfall of one declared identity, or None when identities.csv does not declare it."""
    evaluated = checks.evaluate_identities(identities, figures)
    rows = evaluated[evaluated["identity_id"] == identity_id]
    if rows.empty:
        return None
    return charts.make_identity_figure(rows.iloc[0], figures, lang, f"hbeu-{identity_id}-{lang}")


def _breakdown(rows: pd.DataFrame, lang: str, title_key: str, stem: str) -> Chart | None:
    if rows.empty:
        return None
    return charts.make_breakdown_figure(rows, lang, t(title_key, lang), f"hbeu-{stem}-{lang}")


def consortia_chart(selected: pd.DataFrame, lang: str) -> Chart | None:
    """Ulanqab's innovation consortia and the major projects they lead (None when filtered out)."""
    return _breakdown(transforms.figures_by_id(selected, list(CONSORTIA)), lang, "chart_consortia", "ulanqab-consortia")


def talent_chart(selected: pd.DataFrame, lang: str) -> Chart | None:
    """Talent figures: academicians, dispatched talents, training bases (None when filtered out)."""
    return _breakdown(transforms.figures_by_id(selected, list(TALENT)), lang, "chart_talent", "talent")


def ordos_plan_chart(selected: pd.DataFrame, lang: str) -> Chart | None:
    """Ordos' integration task plan, broken down (None when filtered out)."""
    rows = transforms.figures_of_event(selected, ORDOS_PLAN_EVENT)
    return _breakdown(rows, lang, "chart_ordos_plan", "ordos-task-plan")


def timeline_chart(timeline: pd.DataFrame, lang: str) -> Chart:
    """Dated events on a time axis."""
    return charts.make_timeline_figure(timeline, lang, t("chart_timeline", lang), f"hbeu-timeline-{lang}")


def trend_chart(figures: pd.DataFrame, indicator_id: str, lang: str) -> Chart | None:
    """One indicator over time, every place in its colour (None when the figures hold no report of it)."""
    rows = trends.indicator_rows(figures, indicator_id)
    if rows.empty:
        return None
    first = rows.iloc[0]
    title = t("chart_trend", lang, name=first[col("indicator", lang)])
    step = trends.is_step(str(first["measure"]))
    filename = f"hbeu-trend-{indicator_id}-{lang}"
    return charts.make_trend_figure(rows, trends.conflict_flags(rows), lang, title, filename, step)


def cities_chart(
    figures: pd.DataFrame, indicator_id: str, lang: str, cities: tuple[str, ...] = trends.CITY_SLOTS
) -> Chart | None:
    """The four cities side by side on one indicator, empty places labelled — "not reported", or "not selected" for a
    city outside `cities` (the reader's city filter; `figures` may hold every city: Scope.in_sectors) — so that a
    filter on Ordos still shows Ordos's empty place. None when no single city reports the indicator."""
    rows = figures[figures["indicator_id"] == indicator_id]
    if not cities or rows.empty or not rows["city"].isin(trends.CITY_SLOTS).any():
        return None
    name = rows.iloc[0][col("indicator", lang)]
    slots = list(trends.city_slots(figures, indicator_id, cities))
    title = t("chart_city_slots", lang, name=name)
    return charts.make_city_slots_figure(slots, lang, title, f"hbeu-cities-{indicator_id}-{lang}", name)


def overview_chart(
    selected: pd.DataFrame, in_sectors: pd.DataFrame, indicator_id: str, lang: str, cities: tuple[str, ...]
) -> Chart | None:
    """The overview's one trend beside its one comparison, as one figure of two panels (one chart on the page: the
    first screen's speed); either alone when the other has nothing to show."""
    trend = trend_chart(selected, indicator_id, lang)
    compared = cities_chart(in_sectors, indicator_id, lang, cities)
    if trend is None or compared is None:
        return trend or compared
    title = t("overview_trend_heading", lang)
    return charts.side_by_side(trend, compared, lang, title, f"hbeu-overview-{indicator_id}-{lang}")
