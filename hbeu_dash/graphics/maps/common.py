"""What the map's two renderers share: the cities' markers (position, colour, radius by value, tooltip), the
projects' links by stage with their bends, the river's style and the view's bounds. Plain data, no renderer."""

import math
from itertools import pairwise

import pandas as pd

from hbeu_dash import i18n
from hbeu_dash.graphics import geo, palette
from hbeu_dash.model import schema, transforms

# Marker radii in metres. The seats are 117–300 km apart, so even two largest markers never touch.
MIN_RADIUS_M = 7_000
MAX_RADIUS_M = 28_000
FIXED_RADIUS_M = 14_000
NO_VALUE_RADIUS_M = 5_000
MARKER_ALPHA = 210
NO_VALUE_ALPHA = 90
# Several projects between one pair of cities fan out: each gets its own bend, alternating sides.
ARC_BEND_STEP = 0.09
MIN_SPAN_DEG = 0.5
# Rivers in a mid blue that reads on white and on the dark slides (#0f172a): contrast 3.9:1 and 4.6:1.
RIVER_COLOR = "#3A86C8"
RIVER_ALPHA = 230
RIVER_WIDTH_PX = 2
RIVER_LABEL_SIZE = 13


def hex_to_rgba(color: str, alpha: int = 255) -> list[int]:
    """'#0072B2' → [0, 114, 178, alpha]."""
    value = color.lstrip("#")
    return [int(value[i : i + 2], 16) for i in (0, 2, 4)] + [alpha]


def city_rgba(city_id: str, alpha: int = 255) -> list[int]:
    """The city's colour from palette.CITY_COLORS as RGBA."""
    return hex_to_rgba(palette.city_color(city_id), alpha)


def status_rgba(status: str, alpha: int = 255) -> list[int]:
    """The status colour from palette.STATUS_COLORS as RGBA; unknown statuses are the stageless grey."""
    return hex_to_rgba(palette.STATUS_COLORS.get(status, palette.STATUS_COLORS[schema.STAGELESS_STATUS]), alpha)


def scale_radii(values: pd.Series) -> pd.Series:
    """Radii in metres proportional to the square root of the values (area ∝ value), clamped to the min/max radius."""
    numbers = pd.to_numeric(values, errors="coerce")
    top = numbers.max(skipna=True)
    if pd.isna(top) or top <= 0:
        return numbers.map(lambda v: NO_VALUE_RADIUS_M if pd.isna(v) else MIN_RADIUS_M).astype(float)
    scaled = (numbers.clip(lower=0) / top).pow(0.5) * MAX_RADIUS_M
    return scaled.clip(lower=MIN_RADIUS_M).where(numbers.notna(), NO_VALUE_RADIUS_M).astype(float)


def tip_details(lines: list[str]) -> str:
    """The tooltip lines under the title as one plain text (never HTML: the renderer escapes it)."""
    return "\n".join(line for line in lines if line)


def city_name(cities: pd.DataFrame, lang: str) -> pd.Series:
    """Each city's display name in `lang` from cities.csv."""
    return cities[i18n.col("name", lang)]


def add_city_markers(cities: pd.DataFrame, city_values: pd.DataFrame | None, lang: str) -> pd.DataFrame:
    """One row per city with position, colour, radius and a tooltip, sized by `city_values` when given."""
    frame = cities[["city_id", "lat", "lon"]].copy()
    frame["name"] = city_name(cities, lang).to_numpy()
    if city_values is not None:
        values = city_values[["city_id", "value", "label", "source", "as_of"]].drop_duplicates("city_id")
        frame = frame.merge(values, on="city_id", how="left")
        frame["radius"] = scale_radii(frame["value"])
        has_value = frame["value"].notna()
    else:
        frame["radius"] = float(FIXED_RADIUS_M)
        has_value = pd.Series(True, index=frame.index)
    frame["color"] = [
        city_rgba(c, MARKER_ALPHA if ok else NO_VALUE_ALPHA) for c, ok in zip(frame["city_id"], has_value, strict=True)
    ]
    frame["position"] = [[lon, lat] for lon, lat in zip(frame["lon"], frame["lat"], strict=True)]
    frame["title"] = frame["name"]
    frame["details"] = [_city_details(row, city_values is not None, lang) for row in frame.to_dict("records")]
    return frame[["city_id", "name", "position", "radius", "color", "title", "details"]]


def _text(value: object) -> str:
    """A cell as text, '' for missing values."""
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)


def _city_details(row: dict, with_values: bool, lang: str) -> str:
    """The tooltip lines of one city marker."""
    if not with_values:
        return ""
    if not _text(row.get("label")):
        return i18n.t("no_data", lang)
    lines = [row["label"]]
    if _text(row.get("source")):
        lines.append(i18n.t("labelled", lang, label=i18n.t("source", lang), value=row["source"]))
    if _text(row.get("as_of")):
        lines.append(i18n.t("labelled", lang, label=i18n.t("as_of", lang), value=row["as_of"]))
    return tip_details(lines)


def _status_history(reports: list[dict], status: str, lang: str) -> str:
    """'Under construction (Feb 2025)': a status with the dates it was reported."""
    dates = sorted({r["as_of"] for r in reports if r["status"] == status})
    when = i18n.join([i18n.format_date(d, lang) for d in dates], lang)
    return i18n.t("status_history", lang, status=i18n.label("status", status, lang), dates=when)


def _project_details(report: dict, reports: list[dict], lang: str) -> str:
    """The tooltip lines of one project arc: kind, cities, current stage, every stage reported, source, speaker."""
    statuses = report["statuses"].split(schema.LIST_SEP)
    lines = [
        f"{i18n.label('project_kind', report['kind'], lang)} · {i18n.city_label(report['cities'], lang)}",
        i18n.t("labelled", lang, label=i18n.t("status", lang), value=i18n.label("status", report["status"], lang)),
    ]
    if len(statuses) > 1:
        history = " / ".join(_status_history(reports, s, lang) for s in statuses)
        lines.append(i18n.t("conflict_marker", lang, values=history) if report["disagree"] else history)
    lines.append(i18n.t("labelled", lang, label=i18n.t("source", lang), value=report[i18n.col("cite", lang)]))
    speaker = _text(report.get(i18n.col("speaker", lang)))
    if speaker:
        lines.append(i18n.t("labelled", lang, label=i18n.t("speaker", lang), value=speaker))
    lines.append(i18n.t("labelled", lang, label=i18n.t("as_of", lang), value=i18n.format_date(report["as_of"], lang)))
    return tip_details(lines)


def add_project_arcs(projects: pd.DataFrame, cities: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per drawn segment of a project between two city seats: positions, colour, bend and tooltip.

    `projects` are the reports (with their `cite_*` columns); each project is drawn in its current stage, chosen
    by `transforms.latest_project_reports`, the rule the tracker and the status chart use.
    """
    columns = ["project_id", "status", "source", "target", "color", "tilt", "height", "title", "details"]
    if projects.empty:
        return pd.DataFrame(columns=columns)
    seats = {row.city_id: [row.lon, row.lat] for row in cities.itertuples()}
    by_project: dict[str, list[dict]] = {}
    for record in projects.to_dict("records"):  # one pass, not one filter per project
        by_project.setdefault(record["project_id"], []).append(record)

    segments = []
    for report in transforms.latest_project_reports(projects).to_dict("records"):
        ids = report["cities"].split(schema.LIST_SEP)
        if report["cities"] == schema.REGION or len(ids) < 2:
            continue  # within one city or the whole region: shown in the project tracker, not as a line
        title = report[i18n.col("name", lang)]
        details = _project_details(report, by_project[report["project_id"]], lang)
        for a, b in pairwise(ids):
            if a in seats and b in seats:
                segments.append(
                    {
                        "project_id": report["project_id"],
                        "status": report["status"],
                        "a": a,
                        "b": b,
                        "title": title,
                        "details": details,
                    }
                )
    if not segments:
        return pd.DataFrame(columns=columns)

    frame = pd.DataFrame(segments)
    frame["pair"] = [tuple(sorted(p)) for p in zip(frame["a"], frame["b"], strict=True)]
    frame["rank"] = frame.groupby("pair").cumcount()
    frame["count"] = frame.groupby("pair")["rank"].transform("size")
    frame["source"] = frame["a"].map(seats)
    frame["target"] = frame["b"].map(seats)
    frame["color"] = frame["status"].map(status_rgba)
    bends = [_bend(rank, count) for rank, count in zip(frame["rank"], frame["count"], strict=True)]
    # Tilt is measured from the source→target direction, so a pair drawn the other way round flips sides.
    flip = [1 if (a, b) == pair else -1 for a, b, pair in zip(frame["a"], frame["b"], frame["pair"], strict=True)]
    frame["tilt"] = [90 * side * f if h else 0 for (h, side), f in zip(bends, flip, strict=True)]
    frame["height"] = [h for h, _ in bends]
    return frame[columns]


def _bend(rank: int, count: int) -> tuple[float, int]:
    """(height, side) of the rank-th of `count` arcs between one pair: a lone arc is straight, others fan out."""
    if count == 1:
        return 0.0, 1
    if count % 2:  # odd: the first is straight, the rest pair up on either side
        level, side = (rank + 1) // 2, 1 if rank % 2 else -1
    else:
        level, side = rank // 2 + 1, 1 if rank % 2 == 0 else -1
    return ARC_BEND_STEP * level, side


def view_bounds(cities: pd.DataFrame, bounds: tuple[float, float, float, float] | None = None) -> list[float]:
    """[west, south, east, north] around the cities' seats and `bounds` (the river's bend), at least MIN_SPAN_DEG."""
    lons, lats = [float(v) for v in cities["lon"]], [float(v) for v in cities["lat"]]
    if bounds is not None or not lons:
        west, south, east, north = bounds or geo.BEND_BOUNDS
        lons, lats = [*lons, west, east], [*lats, south, north]
    box = [min(lons), min(lats), max(lons), max(lats)]
    for low, high in ((0, 2), (1, 3)):
        grow = max(MIN_SPAN_DEG - (box[high] - box[low]), 0) / 2
        box[low], box[high] = box[low] - grow, box[high] + grow
    return box
