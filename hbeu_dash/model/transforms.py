"""Pure DataFrame → DataFrame steps: joins, filters by city and sector, the reports behind a figure."""

import pandas as pd

from hbeu_dash.model import schema

INDICATOR_COLUMNS = {
    "sector": "sector",
    "name_zh": "indicator_zh",
    "name_en": "indicator_en",
    "unit_zh": "unit_zh",
    "unit_en": "unit_en",
    "measure": "measure",
}
SOURCE_COLUMNS = {"title": "source_title", "title_en": "source_title_en", "published": "published", "url": "url"}
CITATION_SEP = " · "
SOURCES_SEP = "; "
SEARCH_COLUMNS = (
    "indicator_zh",
    "indicator_en",
    "evidence",
    "evidence_en",
    "note_zh",
    "note_en",
    "speaker_zh",
    "speaker_en",
    "figure_id",
)


def source_citations(sources: pd.DataFrame) -> pd.DataFrame:
    """Per source id, the short citation a reader uses in each language: outlet (or short title) · date."""
    dated = sources["published"].astype("string").fillna("")
    suffix = dated.map(lambda d: f"{CITATION_SEP}{d}" if d else "")
    return pd.DataFrame(
        {
            "cite_zh": (sources["outlet_zh"].astype("string") + suffix).to_numpy(),
            "cite_en": (sources["outlet_en"].astype("string") + suffix).to_numpy(),
        },
        index=pd.Index(sources["source_id"].astype("string"), name="source_id"),
    )


def add_citations(table: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """The table with `cite_zh` / `cite_en` columns: how a reader cites the source of each row."""
    cites = source_citations(sources)
    ids = table["source_id"]
    return table.assign(**{c: ids.map(cites[c]).astype(object) for c in cites.columns})


def join_figures(figures: pd.DataFrame, indicators: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Figures with their indicator (sector, names, units, measure) and source (title, citation, url).

    A lookup per column rather than a merge: the figures are not copied, and on a categorical id the
    lookup runs once per category.
    """
    added = {}
    for table, key, columns in (
        (indicators, "indicator_id", INDICATOR_COLUMNS),
        (sources, "source_id", SOURCE_COLUMNS),
    ):
        lookup = table.set_index(key)
        for column, name in columns.items():
            added[name] = figures[key].map(lookup[column])
    cites = source_citations(sources)
    for column in cites.columns:
        added[column] = figures["source_id"].map(cites[column])
    return figures.assign(**added)


def city_matches(cities: pd.Series, selected: tuple[str, ...]) -> pd.Series:
    """True where a cities cell ('hohhot', 'hohhot;baotou', 'region') touches a selected city.

    Figures for the four cities together ('region') concern every city, so they match any non-empty selection.
    """
    wanted = set(selected)
    if not wanted:
        return pd.Series(False, index=cities.index)
    lookup = {
        value: value == schema.REGION or bool(wanted & set(value.split(schema.LIST_SEP))) for value in cities.unique()
    }
    return cities.map(lookup).astype(bool)


def filter_figures(figures: pd.DataFrame, cities: tuple[str, ...], sectors: tuple[str, ...]) -> pd.DataFrame:
    """Joined figures of the selected cities and sectors."""
    keep = city_matches(figures["city"], cities) & figures["sector"].isin(sectors)
    return figures[keep]


def filter_by_cities(table: pd.DataFrame, cities: tuple[str, ...], column: str = "cities") -> pd.DataFrame:
    """Rows of projects or events that touch a selected city (or concern the region)."""
    return table[city_matches(table[column], cities)]


def filter_projects(projects: pd.DataFrame, cities: tuple[str, ...], sectors: tuple[str, ...]) -> pd.DataFrame:
    """Project reports touching a selected city whose kind belongs to a selected sector."""
    in_sector = projects["kind"].map(schema.PROJECT_KIND_SECTOR).isin(sectors)
    return projects[city_matches(projects["cities"], cities) & in_sector]


def search_figures(figures: pd.DataFrame, query: str, indicator_ids: list[str] | None = None) -> pd.DataFrame:
    """Figures whose names, evidence (original or English), notes, speakers or id contain `query` (any case),
    optionally only of the indicators named. At most the first 100 characters of the query count."""
    rows = figures
    if indicator_ids:
        rows = rows[rows["indicator_id"].isin(indicator_ids)]
    needle = query.strip().lower()[:100]
    if not needle:
        return rows
    columns = [c for c in SEARCH_COLUMNS if c in rows.columns]
    text = rows[columns[0]].astype("string").fillna("")
    for column in columns[1:]:  # categorical columns do not concatenate; as text they do
        text = text + "\n" + rows[column].astype("string").fillna("")
    return rows[text.str.lower().str.contains(needle, regex=False).to_numpy(dtype=bool)]


def city_values(figures: pd.DataFrame, indicator_id: str) -> pd.DataFrame:
    """Per single city, the latest report of one indicator, with every value reported (for the map)."""
    rows = figures[(figures["indicator_id"] == indicator_id) & figures["city"].isin(schema.CITY_IDS)]
    rows = rows.sort_values(["city", "as_of", "source_id"])
    latest = rows.groupby("city", sort=False).tail(1).set_index("city")
    latest["n_values"] = rows.groupby("city")["value"].nunique()
    latest["all_values"] = rows.groupby("city")["value"].agg(lambda v: sorted(set(v)))
    return latest.reset_index().rename(columns={"city": "city_id"})


def indicators_with_city_values(figures: pd.DataFrame) -> list[str]:
    """Indicators reported for at least one single city (what the map can size markers by)."""
    return sorted(figures.loc[figures["city"].isin(schema.CITY_IDS), "indicator_id"].unique())


def reports_of(figures: pd.DataFrame, indicator_id: str, city: str | None = None) -> pd.DataFrame:
    """Every report of one indicator (optionally for one city cell), oldest as-of first."""
    rows = figures[figures["indicator_id"] == indicator_id]
    if city is not None:
        rows = rows[rows["city"] == city]
    return rows.sort_values(["as_of", "source_id"])


def latest_project_reports(projects: pd.DataFrame) -> pd.DataFrame:
    """One row per project: its current stage, by the one rule the tracker, the status chart and the map share.

    The current report is the latest one (by as-of) that names a stage, else the latest report. Two reports of the
    same date that name different stages: the later stage wins (then source id and speaker, so the choice never
    depends on row order); the disagreement stays visible through `disagree`.
    Adds `statuses` (every distinct status reported, in stage order, ';'-joined), `n_reports` and `disagree`
    (reports name different stages). Sorted by stage, then project id.
    """
    if projects.empty:
        return projects.assign(statuses=[], n_reports=[], disagree=[])
    order = {s: i for i, s in enumerate(schema.PROJECT_STATUSES)}
    ranked = projects.assign(
        _staged=projects["status"] != schema.STAGELESS_STATUS,
        _stage=projects["status"].map(order).fillna(-1),
    )
    tie_break = [c for c in ("source_id", "speaker_zh") if c in projects.columns]
    chosen = (
        ranked.sort_values(["project_id", "_staged", "as_of", "_stage", *tie_break], kind="stable")
        .groupby("project_id", sort=False)
        .tail(1)
        .set_index("project_id")
    )
    grouped = projects.groupby("project_id")["status"]
    statuses = grouped.agg(lambda s: ";".join(sorted(set(s), key=order.get)))
    stages = projects[projects["status"] != schema.STAGELESS_STATUS].groupby("project_id")["status"].nunique()
    chosen = chosen.drop(columns=["_staged", "_stage"])
    chosen["statuses"] = statuses
    chosen["n_reports"] = grouped.size()
    chosen["disagree"] = stages.reindex(chosen.index).fillna(0) > 1
    chosen["stage_order"] = chosen["status"].map(order)
    return (
        chosen.reset_index()
        .sort_values(["stage_order", "project_id"])
        .drop(columns="stage_order")
        .reset_index(drop=True)
    )


def count_projects_by_status(latest: pd.DataFrame) -> pd.DataFrame:
    """Number of projects per status, in stage order, zero rows left out."""
    counts = latest["status"].value_counts()
    rows = [(s, int(counts[s])) for s in schema.PROJECT_STATUSES if s in counts]
    return pd.DataFrame(rows, columns=["status", "count"])


def figures_by_id(figures: pd.DataFrame, figure_ids: list[str]) -> pd.DataFrame:
    """The figures named, in the order named (those filtered out are skipped)."""
    order = {f: i for i, f in enumerate(figure_ids)}
    rows = figures[figures["figure_id"].isin(order)]
    return rows.sort_values("figure_id", key=lambda s: s.map(order))


def figures_of_event(figures: pd.DataFrame, event_id: str) -> pd.DataFrame:
    """The figures linked to one event (e.g. agreements signed at a meeting)."""
    return figures[figures["event_id"] == event_id]


def timeline_events(events: pd.DataFrame) -> pd.DataFrame:
    """One row per event: its most precise dated report, sorted by date; undated events last.

    Adds `sources` (every source reporting it) and `sort_date` (the first day the date can mean).
    """
    if events.empty:
        return events.assign(sources=[], sources_zh=[], sources_en=[], sort_date=[])
    ranked = events.assign(_precision=events["date"].str.len())
    best = ranked.sort_values(["event_id", "_precision"]).groupby("event_id", sort=False).tail(1).set_index("event_id")
    by_event = events.groupby("event_id")
    best["sources"] = by_event["source_id"].agg(lambda s: ";".join(sorted(set(s))))
    for lang in schema.LANGUAGES:  # the citations of every source reporting it, when the events carry them
        if f"cite_{lang}" in events.columns:
            best[f"sources_{lang}"] = by_event[f"cite_{lang}"].agg(lambda s: SOURCES_SEP.join(sorted(set(s))))
    best["sort_date"] = pd.to_datetime(best["date"].map(_first_day), errors="coerce")
    best = best.drop(columns="_precision").reset_index()
    return best.sort_values(["sort_date", "event_id"], na_position="last").reset_index(drop=True)


def _first_day(value: str) -> str:
    if not value:
        return ""
    parts = value.split("-")
    return "-".join(parts + ["01"] * (3 - len(parts)))
