"""The city-cluster map, as a pydeck Deck (the app) and as a plotly Figure (offline HTML/PDF): the Yellow River for
context, markers sized by a value, name labels, project links by stage; no basemap by default."""

import html
import math
from itertools import pairwise

import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk

from hbeu_dash import i18n
from hbeu_dash.figures import geo
from hbeu_dash.figures.charts import FONT
from hbeu_dash.model import schema, transforms
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
# The initial view is fitted for the app's map (520 px high, 700–1200 px wide: the narrowest counts), keeping a margin
# for the labels above the markers; wider maps show more of the river around the same view. The server does not know
# the screen, so the same view must also show the four seats on a phone: its map is PHONE_WIDTH_PX wide (a 390 px
# screen less Streamlit's 16 px paddings), the seats PHONE_MARGIN_PX clear of its edges (label and marker).
FIT_WIDTH_PX = 700
FIT_HEIGHT_PX = 520
FIT_MARGIN_PX = 56
PHONE_WIDTH_PX = 358
PHONE_MARGIN_PX = 40
CONTEXT_MARGIN_PX = 8  # the river's bend needs no room for labels
ZOOM_STEP = 0.1
MIN_SPAN_DEG = 0.5
# Rivers in a mid blue that reads on white and on the dark slides (#0f172a): contrast 3.9:1 and 4.6:1.
RIVER_COLOR = "#3A86C8"
RIVER_ALPHA = 230
RIVER_WIDTH_PX = 2
RIVER_LABEL_SIZE = 13
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


def mercator_y(lat: float) -> float:
    """A latitude as Web Mercator's y, in degrees (equal to longitude degrees in pixels)."""
    return math.degrees(math.asinh(math.tan(math.radians(lat))))


def mercator_lat(y: float) -> float:
    """The latitude of a Web Mercator y given in degrees."""
    return math.degrees(math.atan(math.sinh(math.radians(y))))


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


def fit_view(cities: pd.DataFrame, bounds: tuple[float, float, float, float] | None = None) -> pdk.ViewState:
    """A top-down view of the cities and `bounds` (e.g. the river's bend) in a FIT_WIDTH_PX × FIT_HEIGHT_PX map that
    also shows every seat in a PHONE_WIDTH_PX wide map: the centre leans towards the seats as far as the wide map
    allows, and the zoom steps down until both fit."""
    west, south, east, north = view_bounds(cities, bounds)
    seat_west, _, seat_east, _ = view_bounds(cities) if len(cities) else (west, south, east, north)
    y_south, y_north = mercator_y(south), mercator_y(north)
    zoom = min(
        math.log2((FIT_WIDTH_PX - 2 * FIT_MARGIN_PX) * 360 / (WORLD_PX * (east - west))),
        math.log2((FIT_HEIGHT_PX - 2 * FIT_MARGIN_PX) * 360 / (WORLD_PX * (y_north - y_south))),
    )
    # rounded down, so the rounding never pushes a seat out of the frame
    zoom = math.floor(zoom / ZOOM_STEP) * ZOOM_STEP
    lon = (west + east) / 2
    while True:
        px_per_deg = WORLD_PX * 2**zoom / 360
        phone_half = (PHONE_WIDTH_PX / 2 - PHONE_MARGIN_PX) / px_per_deg  # seats this far either side of the centre
        seat_half = (FIT_WIDTH_PX / 2 - FIT_MARGIN_PX) / px_per_deg
        context_half = (FIT_WIDTH_PX / 2 - CONTEXT_MARGIN_PX) / px_per_deg
        lon = min(max((west + east) / 2, seat_east - phone_half), seat_west + phone_half)
        fits_phone = seat_east - seat_west <= 2 * phone_half
        fits_wide = max(lon - seat_west, seat_east - lon) <= seat_half and max(lon - west, east - lon) <= context_half
        if fits_phone and fits_wide:
            break
        zoom -= ZOOM_STEP
    lat = mercator_lat((y_south + y_north) / 2)
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


def make_context_layer(lines: tuple[geo.ContextLine, ...]) -> pdk.Layer:
    """The rivers (and any lake shores) of the geographic context as thin blue lines, not pickable."""
    return pdk.Layer(
        "PathLayer",
        data=[{"path": [list(p) for p in line.points], "kind": line.kind} for line in lines],
        id="context",
        get_path="path",
        get_color=hex_to_rgba(RIVER_COLOR, RIVER_ALPHA),
        get_width=RIVER_WIDTH_PX,
        width_units='"pixels"',
        joint_rounded=True,
        cap_rounded=True,
        pickable=False,
    )


def make_river_label_layer(label: geo.MapLabel) -> pdk.Layer:
    """The Yellow River's name just above its line, in the river's blue, not pickable."""
    return pdk.Layer(
        "TextLayer",
        data=[{"position": [label.lon, label.lat], "text": label.text}],
        id="river-labels",
        get_position="position",
        get_text="text",
        get_pixel_offset=[0, -4],
        get_size=RIVER_LABEL_SIZE,
        get_color=hex_to_rgba(RIVER_COLOR),
        get_alignment_baseline='"bottom"',
        character_set=CJK_CHARACTER_SET,
        font_family=CJK_FONT_FAMILY,
        pickable=False,
    )


def make_city_deck(
    cities: pd.DataFrame,
    city_values: pd.DataFrame | None,
    projects: pd.DataFrame,
    lang: str,
    settings: Settings,
    boundaries: dict | None = None,
    *,
    context: bool = True,
) -> pdk.Deck:
    """The map: optional basemap, the Yellow River (`context`), optional boundaries, project arcs by status, city
    markers sized by value, labels; the view shows the cities and, with the context, the river's bend."""
    markers = add_city_markers(cities, city_values, lang)
    arcs = add_project_arcs(projects, cities, lang)
    lines = geo.load_context() if context else ()
    river = geo.river_label(lines, lang)
    view = fit_view(cities, geo.BEND_BOUNDS if context else None)

    layers: list[pdk.Layer] = []
    if settings.tile_url:
        layers.extend(make_tile_layers(settings.tile_url, view))
    if lines:
        layers.append(make_context_layer(lines))
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
    if river is not None:
        layers.append(make_river_label_layer(river))
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


# The plotly twin, for offline HTML/PDF where pydeck cannot go (its HTML template loads CDN scripts). Cartesian axes
# only: plotly's geo traces fetch their topojson from a CDN.
FIGURE_HEIGHT_PX = 520
FIGURE_MARGIN = {"l": 8, "r": 8, "t": 8, "b": 64}
FIGURE_PAD_DEG = 0.4
FIGURE_LINK_WIDTH_PX = 3
# Points per drawn link: straight ones too, so hovering anywhere along a link shows its tooltip.
LINK_STEPS = 24
LIGHT = {"background": "#FFFFFF", "text": "#222222", "outline": "#FFFFFF"}
DARK = {"background": "#0f172a", "text": "#E2E8F0", "outline": "#0f172a"}
NO_VALUE_ALPHA_DARK = 150  # a city without a value stays visible on the dark background
METRES_PER_DEG_LAT = 111_320
MIN_MARKER_PX = 6


def hover_text(title: str, details: str) -> str:
    """The tooltip of the deck (title in bold, then the details) as plotly hover markup, escaped."""
    lines = [f"<b>{html.escape(title, quote=False)}</b>", *(html.escape(d, quote=False) for d in details.splitlines())]
    return "<br>".join(lines)


def _screen_color(color: str, dark: bool) -> str:
    """A city or stage colour, swapped for its high-contrast twin on the dark big screen."""
    return i18n.DARK_COLORS.get(color, color) if dark else color


def rgba_css(rgba: list[int]) -> str:
    """[r, g, b, a] with a in 0–255 as a CSS rgba() colour."""
    r, g, b, a = rgba
    return f"rgba({r},{g},{b},{a / 255:.3f})"


def link_points(
    source: list[float],
    target: list[float],
    tilt: float,
    height: float,
    aspect: float,
    trim: tuple[float, float] = (0.0, 0.0),
) -> tuple[list[float], list[float]]:
    """A project link's points (lon, lat): the arc's bend as a quadratic curve whose apex is `height` × the chord
    away from it, on the side the tilt's sign says; straight when the height is 0. `aspect` is cos(latitude); `trim`
    leaves out those fractions of the link at its source and target ends (under the markers)."""
    (x0, y0), (x1, y1) = (source[0] * aspect, source[1]), (target[0] * aspect, target[1])
    side = 1 if tilt > 0 else -1 if tilt < 0 else 0
    bend = 2 * height * side  # a quadratic curve's apex is halfway to its control point
    cx, cy = (x0 + x1) / 2 - (y1 - y0) * bend, (y0 + y1) / 2 + (x1 - x0) * bend
    start, stop = trim[0], 1 - trim[1]
    steps = [start + (stop - start) * i / LINK_STEPS for i in range(LINK_STEPS + 1)]
    xs = [((1 - t) ** 2 * x0 + 2 * (1 - t) * t * cx + t**2 * x1) / aspect for t in steps]
    ys = [(1 - t) ** 2 * y0 + 2 * (1 - t) * t * cy + t**2 * y1 for t in steps]
    return xs, ys


def ground_metres(a: list[float], b: list[float], aspect: float) -> float:
    """The distance between two (lon, lat) points in metres, flat-earth (fine across a few hundred kilometres)."""
    return math.hypot((b[0] - a[0]) * aspect, b[1] - a[1]) * METRES_PER_DEG_LAT


def _joined(parts: list[list]) -> list:
    """Lists joined with None between them: several lines in one plotly trace."""
    out: list = []
    for part in parts:
        out.extend([*([None] if out else []), *part])
    return out


# The map on a slide: city names at 1/40 of a 1080 p screen's height or more, links drawn wider, the view fitted to
# the cities and their links (the bend's whole river would leave them small) in the shape of a slide's plot area.
SLIDE_CITY_LABEL_PX = 30
SLIDE_LINK_WIDTH_PX = 5
SLIDE_MARKER_SCALE = 1.6
SLIDE_PAD = 0.2  # of the cities' and links' span, around them (room for the names at the edges)
SLIDE_ASPECT = 2.6  # width / height of the map's plot area on a 16:9 slide (1808 × 683 px at 1080 p)
SLIDE_PLOT_WIDTH_PX = 1050  # at 720 p, the smallest screen: where a name covers the most ground
LABEL_SIDES = (
    "top center",
    "middle right",
    "middle left",
    "bottom center",
    "top left",
    "top right",
    "bottom left",
    "bottom right",
)
RIVER_WEIGHT = 0.2  # a name over the river costs less than over a link (the river is the map's backdrop)
LABEL_ROOM_PX = 10  # kept clear of lines around a name (its size is estimated)
NAME_GAP_PX = 10  # between a marker's rim and its name (its line box: the letters stand a little further)


def _slide_ranges(xs: list[float], ys: list[float], aspect: float) -> tuple[list[float], list[float]]:
    """Longitude and latitude ranges around these points, padded, widened or heightened to SLIDE_ASPECT (on the
    ground: a degree of longitude is `aspect` of one of latitude)."""
    west, east, south, north = min(xs), max(xs), min(ys), max(ys)
    width = max((east - west) * aspect, MIN_SPAN_DEG) * (1 + 2 * SLIDE_PAD)
    height = max(north - south, MIN_SPAN_DEG) * (1 + 2 * SLIDE_PAD)
    width, height = max(width, height * SLIDE_ASPECT), max(height, width / SLIDE_ASPECT)
    mid_x, mid_y = (west + east) / 2, (south + north) / 2
    half_x, half_y = width / aspect / 2, height / 2
    return [mid_x - half_x, mid_x + half_x], [mid_y - half_y, mid_y + half_y]


def _label_box(x: float, y: float, side: str, size: tuple[float, float], radius: float) -> tuple[float, ...]:
    """(left, bottom, right, top) in pixels of a name of `size` (w, h) set on `side` of a marker of `radius` at x, y."""
    w, h = size
    gap = radius + 4
    if side == "top center":
        return x - w / 2, y + gap, x + w / 2, y + gap + h
    if side == "bottom center":
        return x - w / 2, y - gap - h, x + w / 2, y - gap
    if side == "middle right":
        return x + gap, y - h / 2, x + gap + w, y + h / 2
    if side == "middle left":
        return x - gap - w, y - h / 2, x - gap, y + h / 2
    corner = 0.75 * gap  # a corner: set off diagonally
    left = x + corner if side.endswith("right") else x - corner - w
    bottom = y + corner if side.startswith("top") else y - corner - h
    return left, bottom, left + w, bottom + h


def _crossings(box: tuple[float, ...], points: list[tuple[float, float]]) -> int:
    left, bottom, right, top = box
    return sum(left <= px <= right and bottom <= py <= top for px, py in points)


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _link_pixels(
    fig: go.Figure, origin: tuple[float, float], scale: tuple[float, float], links: bool = True
) -> list[tuple[float, float]]:
    """The figure's links (or, not `links`, its other lines: the river) as points about 2 px apart, in pixels from
    `origin` at `scale` px per degree."""
    pixels = []
    for trace in fig.data:
        if trace.mode != "lines" or bool(trace.legendgroup) != links:
            continue
        for a, b in pairwise(zip(trace.x, trace.y, strict=True)):
            if a[0] is None or b[0] is None:
                continue
            ax, ay = (a[0] - origin[0]) * scale[0], (a[1] - origin[1]) * scale[1]
            bx, by = (b[0] - origin[0]) * scale[0], (b[1] - origin[1]) * scale[1]
            steps = max(int(math.hypot(bx - ax, by - ay) / 2), 1)
            pixels += [(ax + (bx - ax) * i / steps, ay + (by - ay) * i / steps) for i in range(steps + 1)]
    return pixels


def place_city_names(fig: go.Figure, names: go.Scatter, aspect: float) -> list[str]:
    """For each city, the side of its marker where its name crosses the fewest links and no marker or name placed
    before it (at the smallest screen's scale: there a name covers the most ground)."""
    (west, east), (south, _) = fig.layout.xaxis.range, fig.layout.yaxis.range
    scale_x = SLIDE_PLOT_WIDTH_PX / (east - west)
    links = _link_pixels(fig, (west, south), (scale_x, scale_x / aspect))
    river = _link_pixels(fig, (west, south), (scale_x, scale_x / aspect), links=False)
    centres = [((x - west) * scale_x, (y - south) * scale_x / aspect) for x, y in zip(names.x, names.y, strict=True)]
    radii = [d / 2 for d in names.marker.size]
    taken = [(cx - r, cy - r, cx + r, cy + r) for (cx, cy), r in zip(centres, radii, strict=True)]
    sides = []
    for i, ((cx, cy), r, text) in enumerate(zip(centres, radii, names.text, strict=True)):
        wide = sum(1.0 if "\u4e00" <= ch <= "\u9fff" else 0.6 for ch in html.unescape(text))
        size = (wide * SLIDE_CITY_LABEL_PX, 1.3 * SLIDE_CITY_LABEL_PX)
        costs = {}
        for side in LABEL_SIDES:  # in order of preference: the first of the cheapest wins
            box = _label_box(cx, cy, side, size, r)
            clash = sum(_overlap(box, other) for j, other in enumerate(taken) if j != i)
            room = (box[0] - LABEL_ROOM_PX, box[1] - LABEL_ROOM_PX, box[2] + LABEL_ROOM_PX, box[3] + LABEL_ROOM_PX)
            costs[side] = _crossings(room, links) + RIVER_WEIGHT * _crossings(room, river) + 1000 * clash
        sides.append(min(LABEL_SIDES, key=costs.__getitem__))
        taken.append(_label_box(cx, cy, sides[-1], size, r))
    return sides


def make_city_slide_figure(
    cities: pd.DataFrame,
    city_values: pd.DataFrame | None,
    projects: pd.DataFrame,
    lang: str,
    *,
    dark: bool = False,
) -> go.Figure:
    """make_city_figure for a big screen: the view fitted to the cities and their links, each city's name in large
    type on the side of its marker where it crosses no link, markers and links drawn larger. The axes keep their
    ranges (constrained by domain: plotly would otherwise widen them at every resize of the slide)."""
    fig = make_city_figure(cities, city_values, projects, lang, dark=dark)
    markers = next(tr for tr in fig.data if tr.mode == "markers+text")
    aspect = math.cos(math.radians(float(cities["lat"].mean()))) if len(cities) else 1.0
    markers.marker.size = [s * SLIDE_MARKER_SCALE for s in markers.marker.size]
    # The names on markers of their own, invisible and a little larger: plotly sets a name off by its marker's radius.
    names = go.Scatter(
        x=markers.x,
        y=markers.y,
        mode="markers+text",
        text=markers.text,
        textfont={"color": markers.textfont.color, "size": SLIDE_CITY_LABEL_PX},
        marker={"size": [s + 2 * NAME_GAP_PX for s in markers.marker.size], "color": "rgba(0,0,0,0)", "line_width": 0},
        hoverinfo="skip",
        showlegend=False,
        name="",
    )
    markers.update(mode="markers", text=None)
    xs, ys = list(names.x), list(names.y)
    for trace in fig.data:
        if trace.legendgroup:  # a stage's links
            trace.line.width = SLIDE_LINK_WIDTH_PX
            xs += [x for x in trace.x if x is not None]
            ys += [y for y in trace.y if y is not None]
    fig.add_trace(names)
    names = fig.data[-1]
    if not xs:
        return fig
    x_range, y_range = _slide_ranges(xs, ys, aspect)
    fig.update_xaxes(range=x_range, constrain="domain")
    fig.update_yaxes(range=y_range, constrain="domain")
    names.textposition = place_city_names(fig, names, aspect)
    for trace in fig.data:  # names drawn whole, the river's set inside the view (or left out when it is outside)
        if trace.mode and "text" in trace.mode:
            trace.cliponaxis = False
        if trace.mode == "text" and trace.x:
            at = (trace.x[0] - x_range[0]) / (x_range[1] - x_range[0])
            trace.visible = 0 <= at <= 1 and y_range[0] <= trace.y[0] <= y_range[1]
            trace.textposition = "top right" if at < 0.2 else "top left" if at > 0.8 else trace.textposition
    return fig


def make_city_figure(
    cities: pd.DataFrame,
    city_values: pd.DataFrame | None,
    projects: pd.DataFrame,
    lang: str,
    *,
    dark: bool = False,
) -> go.Figure:
    """The map as a plotly figure that needs no network: the Yellow River and its name, project links by stage
    (a legend of the stages shown), city markers sized like the deck's with their names, the deck's tooltips."""
    markers = add_city_markers(cities, city_values, lang)
    arcs = add_project_arcs(projects, cities, lang)
    lines = geo.load_context()
    west, south, east, north = view_bounds(cities, geo.BEND_BOUNDS)
    west, south, east, north = (
        west - FIGURE_PAD_DEG,
        south - FIGURE_PAD_DEG,
        east + FIGURE_PAD_DEG,
        north + FIGURE_PAD_DEG,
    )
    aspect = math.cos(math.radians((south + north) / 2))
    colours = DARK if dark else LIGHT
    fig = go.Figure()

    for kind in geo.KINDS:
        kind_lines = [line.points for line in lines if line.kind == kind]
        if kind_lines:
            fig.add_trace(
                go.Scatter(
                    x=_joined([[p[0] for p in points] for points in kind_lines]),
                    y=_joined([[p[1] for p in points] for points in kind_lines]),
                    mode="lines",
                    line={"color": RIVER_COLOR, "width": RIVER_WIDTH_PX},
                    hoverinfo="skip",
                    showlegend=False,
                    name=kind,
                )
            )
    river = geo.river_label(lines, lang)
    if river is not None:
        fig.add_trace(
            go.Scatter(
                x=[river.lon],
                y=[river.lat],
                mode="text",
                text=[river.text],
                textposition="top center",
                textfont={"color": RIVER_COLOR, "size": RIVER_LABEL_SIZE, "style": "italic"},
                hoverinfo="skip",
                showlegend=False,
                name=river.text,
            )
        )

    # Diameters in pixels at the figure's scale, so a marker covers the same ground as the deck's.
    plot_height = FIGURE_HEIGHT_PX - FIGURE_MARGIN["t"] - FIGURE_MARGIN["b"]
    px_per_metre = plot_height / ((north - south) * METRES_PER_DEG_LAT)
    diameters = [max(2 * r * px_per_metre, MIN_MARKER_PX) for r in markers["radius"]]
    # Links stop at the markers' rims, so hovering a marker shows the city, not a link ending under it.
    rims = {tuple(p): d / 2 / px_per_metre for p, d in zip(markers["position"], diameters, strict=True)}

    for status in i18n.STATUS_COLORS:
        rows = arcs[arcs["status"] == status]
        if rows.empty:
            continue
        curves = []
        for r in rows.itertuples():
            chord = max(ground_metres(r.source, r.target, aspect), 1.0)
            trim = (rims.get(tuple(r.source), 0) / chord, rims.get(tuple(r.target), 0) / chord)
            curves.append(link_points(r.source, r.target, r.tilt, r.height, aspect, trim))
        texts = [hover_text(r.title, r.details) for r in rows.itertuples()]
        fig.add_trace(
            go.Scatter(
                x=_joined([xs for xs, _ in curves]),
                y=_joined([ys for _, ys in curves]),
                hovertext=_joined([[text] * len(xs) for text, (xs, _) in zip(texts, curves, strict=True)]),
                hovertemplate="%{hovertext}<extra></extra>",
                mode="lines",
                line={"color": _screen_color(i18n.STATUS_COLORS[status], dark), "width": FIGURE_LINK_WIDTH_PX},
                name=i18n.label("status", status, lang),
                legendgroup=status,
            )
        )

    fig.add_trace(
        go.Scatter(
            x=[p[0] for p in markers["position"]],
            y=[p[1] for p in markers["position"]],
            mode="markers+text",
            marker={
                "size": diameters,
                "sizemode": "diameter",
                "color": [
                    rgba_css(hex_to_rgba(_screen_color(i18n.city_color(city), dark), max(c[3], NO_VALUE_ALPHA_DARK)))
                    if dark
                    else rgba_css(c)
                    for city, c in zip(markers["city_id"], markers["color"], strict=True)
                ],
                "opacity": 1,  # the colours carry the deck's alpha; plotly's default for sized markers is 0.7
                "line": {"color": colours["outline"], "width": 1},
            },
            text=[html.escape(str(n), quote=False) for n in markers["name"]],  # plotly renders some HTML
            textposition="top center",
            textfont={"color": colours["text"], "size": 14},
            hovertext=[hover_text(t, d) for t, d in zip(markers["title"], markers["details"], strict=True)],
            hovertemplate="%{hovertext}<extra></extra>",
            customdata=list(markers["city_id"]),
            showlegend=False,
            name="",
        )
    )

    hidden = {"visible": False, "showgrid": False, "zeroline": False}
    fig.update_layout(
        height=FIGURE_HEIGHT_PX,
        margin=FIGURE_MARGIN,
        font={"family": FONT, "size": 13, "color": colours["text"]},
        paper_bgcolor=colours["background"],
        plot_bgcolor=colours["background"],
        showlegend=not arcs.empty,
        legend={"orientation": "h", "x": 0, "y": 0, "yanchor": "top", "font": {"size": 12}},
        hovermode="closest",
        hoverlabel={"bgcolor": "white", "font": {"family": FONT, "color": "#222222", "size": 12}, "align": "left"},
        # lon as x, lat as y: one degree of latitude is 1/cos(latitude) degrees of longitude on the ground
        xaxis={**hidden, "range": [west, east]},
        yaxis={**hidden, "range": [south, north], "scaleanchor": "x", "scaleratio": 1 / aspect},
    )
    return fig
