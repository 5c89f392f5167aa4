"""The city-cluster map as a pydeck Deck, for the app: optional basemap tiles and boundaries, the Yellow River,
project arcs by stage, city markers sized by a value, name labels; the view fitted for a desktop and a phone."""

import math

import pandas as pd
import pydeck as pdk

from hbeu_dash.graphics import geo
from hbeu_dash.graphics.maps.common import (
    RIVER_ALPHA,
    RIVER_COLOR,
    RIVER_LABEL_SIZE,
    RIVER_WIDTH_PX,
    add_city_markers,
    add_project_arcs,
    hex_to_rgba,
    view_bounds,
)
from hbeu_dash.settings import Settings

ARC_WIDTH_PX = 3
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


def mercator_y(lat: float) -> float:
    """A latitude as Web Mercator's y, in degrees (equal to longitude degrees in pixels)."""
    return math.degrees(math.asinh(math.tan(math.radians(lat))))


def mercator_lat(y: float) -> float:
    """The latitude of a Web Mercator y given in degrees."""
    return math.degrees(math.atan(math.sinh(math.radians(y))))


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
