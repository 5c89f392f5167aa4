"""The city-cluster map as a pydeck Deck: markers sized by a value, name labels, project arcs; no basemap by default."""

import math
from itertools import pairwise

import pandas as pd
import pydeck as pdk

from hbeu_dash import i18n, schema, transforms
from hbeu_dash.settings import Settings

# Marker radii in metres. The seats are 117–300 km apart, so even two largest markers never touch.
MIN_RADIUS_M = 7_000
MAX_RADIUS_M = 28_000
FIXED_RADIUS_M = 14_000
NO_VALUE_RADIUS_M = 5_000
MARKER_ALPHA = 210
NO_VALUE_ALPHA = 90
ARC_WIDTH_PX = 3
# Several projects between one pair of cities fan out: each gets its own bend, alternating sides.
ARC_BEND_STEP = 0.09
BOUNDARY_COLOR = [90, 90, 90, 160]
LABEL_COLOR = [34, 34, 34, 255]
LABEL_BACKGROUND = [255, 255, 255, 200]
# The view is fitted for a map at least this large (pixels); st.pydeck_chart is 500 px high by default.
FIT_WIDTH_PX = 600
FIT_HEIGHT_PX = 420
FIT_PADDING = 1.5
# deck.gl's world is 512 px wide at zoom 0 (raster tile servers count 256 px tiles).
WORLD_PX = 512
EARTH_CIRCUMFERENCE_M = 40_075_016.686
# Basemap tiles are laid out once around the view centre (degrees of longitude, latitude each way).
TILE_MARGIN_DEG = (5.0, 3.0)
MAX_TILE_ZOOM = 12

# Streamlit's pydeck_chart HTML-escapes every {field} it substitutes (measured, Streamlit 1.67), so the fields are
# plain text; the markup lives in this one template, shared by every pickable layer, and newlines become line breaks.
TOOLTIP_HTML = "<b>{title}</b><br/>{details}"
TOOLTIP_STYLE = {
    "whiteSpace": "pre-line",
    "backgroundColor": "white",
    "color": "#222",
    "fontSize": "12px",
    "lineHeight": "1.4",
    "maxWidth": "320px",
    "border": "1px solid #ccc",
    "padding": "6px 8px",
}
# deck.gl's TextLayer draws only ASCII unless told to build its atlas from the text; pydeck passes a quoted string
# as a literal (unquoted strings become @@= accessor expressions).
CJK_CHARACTER_SET = '"auto"'
CJK_FONT_FAMILY = '"Noto Sans CJK SC, sans-serif"'


def hex_to_rgba(color: str, alpha: int = 255) -> list[int]:
    """'#0072B2' → [0, 114, 178, alpha]."""
    value = color.lstrip("#")
    return [int(value[i : i + 2], 16) for i in (0, 2, 4)] + [alpha]


def city_rgba(city_id: str, alpha: int = 255) -> list[int]:
    """The city's colour from i18n.CITY_COLORS as RGBA."""
    return hex_to_rgba(i18n.city_color(city_id), alpha)


def status_rgba(status: str, alpha: int = 255) -> list[int]:
    """The status colour from i18n.STATUS_COLORS as RGBA; unknown statuses are the stageless grey."""
    return hex_to_rgba(i18n.STATUS_COLORS.get(status, i18n.STATUS_COLORS[schema.STAGELESS_STATUS]), alpha)


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


def fit_view(cities: pd.DataFrame) -> pdk.ViewState:
    """A top-down view centred on the cities' bounding box, zoomed so all of them fit with room for labels."""
    lat_min, lat_max = float(cities["lat"].min()), float(cities["lat"].max())
    lon_min, lon_max = float(cities["lon"].min()), float(cities["lon"].max())
    lat, lon = (lat_min + lat_max) / 2, (lon_min + lon_max) / 2
    lon_span = max(lon_max - lon_min, 0.5) * FIT_PADDING
    # Web Mercator stretches latitude by 1/cos(lat); compare both spans in the same units.
    lat_span = max(lat_max - lat_min, 0.5) * FIT_PADDING / math.cos(math.radians(lat))
    zoom = min(
        math.log2(FIT_WIDTH_PX * 360 / (WORLD_PX * lon_span)), math.log2(FIT_HEIGHT_PX * 360 / (WORLD_PX * lat_span))
    )
    return pdk.ViewState(latitude=round(lat, 4), longitude=round(lon, 4), zoom=round(zoom, 1), pitch=0, bearing=0)


def tile_index(lon: float, lat: float, z: int) -> tuple[int, int]:
    """The (x, y) of the Web Mercator tile at zoom z that holds the point (lon, lat)."""
    n = 2**z
    x = int((lon + 180) / 360 * n)
    y = int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)
    return min(max(x, 0), n - 1), min(max(y, 0), n - 1)


def tile_bounds(z: int, x: int, y: int) -> list[float]:
    """[west, south, east, north] in degrees of the Web Mercator tile z/x/y."""
    n = 2**z

    def lat(row: int) -> float:
        return math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * row / n))))

    return [x / n * 360 - 180, lat(y + 1), (x + 1) / n * 360 - 180, lat(y)]


def make_tile_layers(tile_url: str, view: pdk.ViewState) -> list[pdk.Layer]:
    """A raster basemap from an XYZ tile server: one BitmapLayer per tile around the view, at one zoom level.

    deck.gl's TileLayer needs a JavaScript renderSubLayers callback that Streamlit's JSON converter cannot express
    (without it every tile fails as "GeoJSON does not have type"), so the tiles are laid out here instead.
    """
    z = min(math.ceil(view.zoom) + 1, MAX_TILE_ZOOM)  # 256 px tiles one level finer than the 512 px view: crisp
    d_lon, d_lat = TILE_MARGIN_DEG
    x0, y0 = tile_index(view.longitude - d_lon, min(view.latitude + d_lat, 85), z)
    x1, y1 = tile_index(view.longitude + d_lon, max(view.latitude - d_lat, -85), z)
    return [
        pdk.Layer(
            "BitmapLayer",
            id=f"basemap-{z}-{x}-{y}",
            image=pdk.types.String(tile_url.replace("{z}", str(z)).replace("{x}", str(x)).replace("{y}", str(y))),
            bounds=tile_bounds(z, x, y),
            pickable=False,
        )
        for x in range(x0, x1 + 1)
        for y in range(y0, y1 + 1)
    ]


def make_boundary_layer(boundaries: dict) -> pdk.Layer:
    """Administrative outlines from the configured GeoJSON: thin grey lines, no fill."""
    return pdk.Layer(
        "GeoJsonLayer",
        data=boundaries,
        id="boundaries",
        stroked=True,
        filled=False,
        get_line_color=BOUNDARY_COLOR,
        line_width_units='"pixels"',
        get_line_width=1,
        pickable=False,
    )


def make_city_deck(
    cities: pd.DataFrame,
    city_values: pd.DataFrame | None,
    projects: pd.DataFrame,
    lang: str,
    settings: Settings,
    boundaries: dict | None = None,
) -> pdk.Deck:
    """The map: optional basemap and boundaries, project arcs by status, city markers sized by value, city labels."""
    markers = add_city_markers(cities, city_values, lang)
    arcs = add_project_arcs(projects, cities, lang)
    view = fit_view(cities)

    layers: list[pdk.Layer] = []
    if settings.tile_url:
        layers.extend(make_tile_layers(settings.tile_url, view))
    if boundaries is not None:
        layers.append(make_boundary_layer(boundaries))
    layers.append(
        pdk.Layer(
            "ArcLayer",
            data=arcs,
            id="project-arcs",
            get_source_position="source",
            get_target_position="target",
            get_source_color="color",
            get_target_color="color",
            get_tilt="tilt",
            get_height="height",
            get_width=ARC_WIDTH_PX,
            width_units='"pixels"',
            pickable=True,
            auto_highlight=True,
        )
    )
    layers.append(
        pdk.Layer(
            "ScatterplotLayer",
            data=markers,
            id="city-markers",
            get_position="position",
            get_radius="radius",
            get_fill_color="color",
            get_line_color=[255, 255, 255, 255],
            stroked=True,
            line_width_min_pixels=1,
            radius_min_pixels=3,
            pickable=True,
            auto_highlight=True,
        )
    )
    labels = markers.assign(offset=[[0, -_radius_px(r, view) - 4] for r in markers["radius"]])
    layers.append(
        pdk.Layer(
            "TextLayer",
            data=labels,
            id="city-labels",
            get_position="position",
            get_text="name",
            get_pixel_offset="offset",
            get_size=14,
            get_color=LABEL_COLOR,
            get_alignment_baseline='"bottom"',
            background=True,
            get_background_color=LABEL_BACKGROUND,
            background_padding=[3, 1],
            character_set=CJK_CHARACTER_SET,
            font_family=CJK_FONT_FAMILY,
            pickable=True,
        )
    )
    return pdk.Deck(
        layers=layers,
        initial_view_state=view,
        map_provider=None,  # no basemap, and no map_style at all: even map_style=None fetches one
        tooltip={"html": TOOLTIP_HTML, "style": TOOLTIP_STYLE},
    )


def _radius_px(radius_m: float, view: pdk.ViewState) -> float:
    """A radius in metres as pixels at the initial view, so the label sits just above its marker."""
    metres_per_px = EARTH_CIRCUMFERENCE_M * math.cos(math.radians(view.latitude)) / (WORLD_PX * 2**view.zoom)
    return round(max(radius_m / metres_per_px, 3), 1)
