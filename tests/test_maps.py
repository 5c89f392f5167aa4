"""The city map, deck and plotly figure: no basemap unless configured, the Yellow River, markers, labels, project
arcs, tooltips, the initial view."""

import json
import math
import re

import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk
import pytest

from hbeu_dash import i18n
from hbeu_dash.graphics import charts, geo, maps, palette
from hbeu_dash.graphics.maps import common as map_common
from hbeu_dash.graphics.maps import deck as map_deck
from hbeu_dash.model import transforms
from hbeu_dash.model.loaders import load_dataset
from hbeu_dash.settings import Settings

TILE_URL = "http://tiles.intranet.example/{z}/{x}/{y}.png"


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    """The real, validated data/ tables; projects carry their citations, as the map page passes them."""
    tables = load_dataset()
    return tables | {"projects": transforms.add_citations(tables["projects"], tables["sources"])}


def city_values(values: dict[str, float]) -> pd.DataFrame:
    """Per-city values of one indicator as the map page passes them."""
    return pd.DataFrame(
        {
            "city_id": list(values),
            "value": list(values.values()),
            "label": [f"{v:g}项" for v in values.values()],
            "source": ["src"] * len(values),
            "as_of": ["2024-12"] * len(values),
        }
    )


def project(project_id: str, cities: str, status: str, as_of: str = "2024-12", **extra: str) -> dict[str, str]:
    """One projects.csv row with harmless defaults."""
    row = {
        "project_id": project_id,
        "name_zh": f"{project_id}中文",
        "name_en": f"{project_id} en",
        "kind": "expressway",
        "cities": cities,
        "status": status,
        "status_text": "x",
        "as_of": as_of,
        "source_id": "meeting8-interviews",
        "speaker_zh": "",
        "speaker_en": "",
        "evidence": "x",
        "evidence_en": "x",
        "note_zh": "",
        "note_en": "",
        "cite_zh": "第八届市长联席会议专访 · 2024-12",
        "cite_en": "8th Mayors' Meeting interviews · 2024-12",
    }
    return row | extra


def layer_types(deck: pdk.Deck) -> list[str]:
    """The deck.gl layer types of a deck, bottom first."""
    return [lay.type for lay in deck.layers]


def layer(deck: pdk.Deck, layer_id: str) -> pdk.Layer:
    """The deck's layer with this id."""
    return next(lay for lay in deck.layers if lay.id == layer_id)


def deck(tables: dict[str, pd.DataFrame], **kwargs: object) -> pdk.Deck:
    """The map of the real data with default arguments."""
    args = {"city_values": None, "projects": tables["projects"], "lang": "en", "settings": Settings()} | kwargs
    return maps.make_city_deck(tables["cities"], **args)


def test_default_deck_has_no_basemap_and_no_url(tables: dict[str, pd.DataFrame]) -> None:
    d = deck(tables)
    text = d.to_json()
    spec = json.loads(text)
    assert d.map_provider is None
    assert spec.get("mapProvider") is None
    # pydeck writes its "no style given" sentinel, which Streamlit drops; any real style would be a URL or a name.
    assert spec.get("mapStyle") in (None, "__MAP_STYLE__")
    assert not re.search(r"mapbox|carto|https?://", text, re.IGNORECASE)
    assert layer_types(d) == ["PathLayer", "ArcLayer", "ScatterplotLayer", "TextLayer", "TextLayer"]


def test_context_can_be_left_out(tables: dict[str, pd.DataFrame]) -> None:
    d = deck(tables, context=False)
    assert layer_types(d) == ["ArcLayer", "ScatterplotLayer", "TextLayer"]
    assert d.initial_view_state.longitude > 110  # fitted to the four seats alone (109.78–113.13° E)


def test_tile_url_adds_bitmap_tiles_under_everything(tables: dict[str, pd.DataFrame]) -> None:
    d = deck(tables, settings=Settings(tile_url=TILE_URL))
    types = layer_types(d)
    n = types.count("BitmapLayer")
    assert n >= 4
    assert types[:n] == ["BitmapLayer"] * n
    assert "TileLayer" not in types  # cannot render in Streamlit: its renderSubLayers callback has no JSON form
    first = json.loads(d.layers[0].to_json())
    z, x, y = map(int, re.fullmatch(r"http://tiles\.intranet\.example/(\d+)/(\d+)/(\d+)\.png", first["image"]).groups())
    assert first["bounds"] == pytest.approx(map_deck.tile_bounds(z, x, y))
    for city in tables["cities"].itertuples():
        assert any(
            b[0] <= city.lon <= b[2] and b[1] <= city.lat <= b[3]
            for b in (json.loads(lay.to_json())["bounds"] for lay in d.layers[:n])
        ), f"no basemap tile under {city.city_id}"


def test_tile_url_without_dots_or_extension_stays_a_literal_url(tables: dict[str, pd.DataFrame]) -> None:
    d = deck(tables, settings=Settings(tile_url="http://tileserver:8080/{z}/{x}/{y}"))
    image = json.loads(d.layers[0].to_json())["image"]
    assert re.fullmatch(r"http://tileserver:8080/\d+/\d+/\d+", image)  # not an "@@=" expression


@pytest.mark.parametrize(
    ("z", "x", "y", "bounds"),
    [
        (0, 0, 0, [-180, -85.0511, 180, 85.0511]),
        (1, 1, 0, [0, 0, 180, 85.0511]),
        (2, 3, 1, [90, 0, 180, 66.51326]),  # the polar-circle latitude of Web Mercator's zoom-2 grid
    ],
)
def test_tile_bounds(z: int, x: int, y: int, bounds: list[float]) -> None:
    assert map_deck.tile_bounds(z, x, y) == pytest.approx(bounds, abs=1e-4)


def test_tile_index_of_hohhot() -> None:
    assert map_deck.tile_index(111.7490, 40.8424, 8) == (207, 96)
    west, south, east, north = map_deck.tile_bounds(8, 207, 96)
    assert west < 111.7490 < east
    assert south < 40.8424 < north


def test_boundaries_are_drawn_under_the_markers(tables: dict[str, pd.DataFrame]) -> None:
    geojson = {"type": "FeatureCollection", "features": []}
    d = deck(tables, boundaries=geojson)
    types = layer_types(d)
    assert types.index("GeoJsonLayer") < types.index("ArcLayer") < types.index("ScatterplotLayer")
    spec = json.loads(layer(d, "boundaries").to_json())
    assert spec["filled"] is False
    assert spec["data"] == geojson


def test_city_markers_have_the_city_colours(tables: dict[str, pd.DataFrame]) -> None:
    data = layer(deck(tables), "city-markers").data
    assert len(data) == 4
    for row in data:
        expected = map_common.hex_to_rgba(palette.CITY_COLORS[row["city_id"]])[:3]
        assert row["color"][:3] == expected
        assert row["position"] == pytest.approx(
            tables["cities"].set_index("city_id").loc[row["city_id"], ["lon", "lat"]].tolist()
        )


def test_hex_to_rgba() -> None:
    assert map_common.hex_to_rgba("#0072B2", 200) == [0, 114, 178, 200]


def test_marker_radius_grows_with_value(tables: dict[str, pd.DataFrame]) -> None:
    values = city_values({"hohhot": 1412.0, "baotou": 561.0, "ordos": 40.0, "ulanqab": 0.0})
    radius = {r["city_id"]: r["radius"] for r in layer(deck(tables, city_values=values), "city-markers").data}
    assert radius["hohhot"] > radius["baotou"] > radius["ordos"] >= radius["ulanqab"] >= map_common.MIN_RADIUS_M
    assert radius["hohhot"] == map_common.MAX_RADIUS_M
    # area, not radius, is proportional to the value (above the minimum radius)
    assert radius["baotou"] / radius["hohhot"] == pytest.approx(math.sqrt(561 / 1412))


def test_city_without_value_keeps_a_small_faint_marker(tables: dict[str, pd.DataFrame]) -> None:
    values = city_values({"hohhot": 10.0, "baotou": 5.0})
    rows = {r["city_id"]: r for r in layer(deck(tables, city_values=values, lang="zh"), "city-markers").data}
    assert len(rows) == 4
    assert 0 < rows["ordos"]["radius"] == map_common.NO_VALUE_RADIUS_M < map_common.MIN_RADIUS_M
    assert rows["ordos"]["color"][3] < rows["hohhot"]["color"][3]
    assert rows["ordos"]["details"] == i18n.t("no_data", "zh")
    assert rows["hohhot"]["details"].splitlines() == ["10项", "来源：src", "截至：2024-12"]


def test_fixed_radius_without_values(tables: dict[str, pd.DataFrame]) -> None:
    radii = {r["radius"] for r in layer(deck(tables), "city-markers").data}
    assert radii == {map_common.FIXED_RADIUS_M}


@pytest.mark.parametrize(("lang", "name"), [("zh", "呼和浩特"), ("en", "Hohhot")])
def test_city_labels_in_language(tables: dict[str, pd.DataFrame], lang: str, name: str) -> None:
    labels = layer(deck(tables, lang=lang), "city-labels")
    assert name in [row["name"] for row in labels.data]
    spec = json.loads(labels.to_json())
    assert spec["getText"] == "@@=name"
    # a literal 'auto' (pydeck strips the quotes); unquoted it would become the accessor expression "@@=auto"
    assert spec["characterSet"] == "auto"
    assert spec["fontFamily"] == "Noto Sans CJK SC, sans-serif"


def test_layer_order_tiles_context_boundaries_arcs_markers_labels(tables: dict[str, pd.DataFrame]) -> None:
    boundaries = {"type": "FeatureCollection", "features": []}
    ids = [lay.id for lay in deck(tables, settings=Settings(tile_url=TILE_URL), boundaries=boundaries).layers]
    n = sum(i.startswith("basemap-") for i in ids)
    assert n >= 4 and all(i.startswith("basemap-") for i in ids[:n])
    assert ids[n:] == ["context", "boundaries", "project-arcs", "city-markers", "river-labels", "city-labels"]


def test_context_layer_draws_the_yellow_river_in_blue(tables: dict[str, pd.DataFrame]) -> None:
    context = layer(deck(tables), "context")
    assert context.type == "PathLayer"
    assert context.pickable is False  # no tooltip: the template needs title/details, rivers have none
    spec = json.loads(context.to_json())
    assert spec["getColor"][:3] == [0x3A, 0x86, 0xC8]
    assert spec["widthUnits"] == "pixels"
    points = [tuple(p) for row in context.data for p in row["path"]]
    assert (108.069, 40.88) in points  # the bend's northernmost point (Hetao), from context.geojson
    assert all(row["kind"] == "river" for row in context.data)


@pytest.mark.parametrize(("lang", "name"), [("zh", "黄河"), ("en", "Yellow River")])
def test_river_label_in_language(tables: dict[str, pd.DataFrame], lang: str, name: str) -> None:
    label = layer(deck(tables, lang=lang), "river-labels")
    (row,) = label.data
    assert row["text"] == name
    lon, lat = row["position"]
    assert 107.5 < lon < 108.8 and 40.8 < lat < 40.9  # on the northern arm, west of Baotou (109.84° E)
    spec = json.loads(label.to_json())
    assert spec["characterSet"] == "auto"
    assert spec["fontFamily"] == "Noto Sans CJK SC, sans-serif"
    assert spec["getColor"][:3] == [0x3A, 0x86, 0xC8]
    assert label.pickable is False


SEATS = {  # data/cities.csv
    "hohhot": (111.7490, 40.8424),
    "baotou": (109.8403, 40.6574),
    "ordos": (109.7813, 39.6086),
    "ulanqab": (113.1329, 41.0341),
}
# Points of the Yellow River every initial view must show (context.geojson): the bend's top (Hetao), its reach
# south of Baotou, the turn south at Hekou, and the upper legs on either side of Ordos (Wuhai; the Jin–Shaan gorge).
NORTHERN_ARM = [(107.145, 40.388), (108.069, 40.88), (109.835, 40.49), (111.403, 40.016)]
LEGS = [(106.766, 39.491), (111.436, 39.575)]


def on_screen(view: pdk.ViewState, lon: float, lat: float, width: int, height: int) -> tuple[float, float]:
    """Where (lon, lat) lands in a width × height map at the view, in pixels from the centre (Web Mercator)."""
    scale = map_deck.WORLD_PX * 2**view.zoom / 360
    dx = (lon - view.longitude) * scale
    dy = math.asinh(math.tan(math.radians(lat))) - math.asinh(math.tan(math.radians(view.latitude)))
    return dx, math.degrees(dy) * scale


@pytest.mark.parametrize("width", [700, 1200])
def test_view_shows_the_cities_and_the_rivers_bend(tables: dict[str, pd.DataFrame], width: int) -> None:
    # The app's map is 520 px high and 700–1200 px wide. Seats keep 40 px clear of the edges for their labels.
    view = deck(tables).initial_view_state
    assert view.pitch == 0 and view.bearing == 0
    assert 5.5 <= view.zoom <= 7.0
    for lon, lat in SEATS.values():
        dx, dy = on_screen(view, lon, lat, width, 520)
        assert abs(dx) < width / 2 - 40 and abs(dy) < 260 - 40, (lon, lat)
    for lon, lat in NORTHERN_ARM + LEGS:
        dx, dy = on_screen(view, lon, lat, width, 520)
        assert abs(dx) < width / 2 and abs(dy) < 260, (lon, lat)


@pytest.mark.parametrize("with_context", [True, False])
def test_view_shows_every_seat_on_a_phone(tables: dict[str, pd.DataFrame], with_context: bool) -> None:
    # A 390 px phone's map is 358 px wide (issue 19): the same view must keep every seat 40 px clear of its edges.
    view = map_deck.fit_view(tables["cities"], geo.BEND_BOUNDS if with_context else None)
    for lon, lat in SEATS.values():
        dx, dy = on_screen(view, lon, lat, map_deck.PHONE_WIDTH_PX, 520)
        assert abs(dx) <= map_deck.PHONE_WIDTH_PX / 2 - 40 and abs(dy) < 260 - 40, (lon, lat)


def test_fit_view_steps_down_only_as_far_as_the_phone_needs(tables: dict[str, pd.DataFrame]) -> None:
    # One step closer and a seat leaves the phone's map, or the bend the desktop's: the view is as close as it can be.
    view = map_deck.fit_view(tables["cities"], geo.BEND_BOUNDS)
    closer = pdk.ViewState(latitude=view.latitude, longitude=view.longitude, zoom=view.zoom + map_deck.ZOOM_STEP)
    phone = [abs(on_screen(closer, lon, lat, map_deck.PHONE_WIDTH_PX, 520)[0]) for lon, lat in SEATS.values()]
    desktop = [abs(on_screen(closer, lon, lat, 700, 520)[0]) for lon, lat in NORTHERN_ARM + LEGS]
    assert max(phone) > map_deck.PHONE_WIDTH_PX / 2 - 40 or max(desktop) > 350 - map_deck.CONTEXT_MARGIN_PX


def test_fit_view_of_the_seats_alone_centres_on_them(tables: dict[str, pd.DataFrame]) -> None:
    view = map_deck.fit_view(tables["cities"])
    assert 109.7813 < view.longitude < 113.1329 and 39.6086 < view.latitude < 41.0341
    assert view.zoom > deck(tables).initial_view_state.zoom  # closer than with the bend


def test_fit_view_of_one_city_keeps_a_minimum_span(tables: dict[str, pd.DataFrame]) -> None:
    one = tables["cities"][tables["cities"]["city_id"] == "ordos"]
    view = map_deck.fit_view(one)
    assert (view.longitude, view.latitude) == pytest.approx(SEATS["ordos"], abs=1e-3)
    assert view.zoom < 9


def arcs_by_project(d: pdk.Deck) -> dict[str, list[dict]]:
    """The arc rows of a deck grouped by project id."""
    rows: dict[str, list[dict]] = {}
    for row in layer(d, "project-arcs").data:
        rows.setdefault(row["project_id"], []).append(row)
    return rows


def test_s27_arc_joins_hohhot_and_ordos_in_its_status_colour(tables: dict[str, pd.DataFrame]) -> None:
    # S27 is reported as preliminary_work (2024-12, 2025-02) and as "promoted" (2024-12): the stage wins.
    seats = tables["cities"].set_index("city_id")
    (arc,) = arcs_by_project(deck(tables))["s27-hohhot-ordos"]
    assert arc["source"] == pytest.approx(seats.loc["hohhot", ["lon", "lat"]].tolist())
    assert arc["target"] == pytest.approx(seats.loc["ordos", ["lon", "lat"]].tolist())
    assert arc["status"] == "preliminary_work"
    assert arc["color"] == map_common.hex_to_rgba(palette.STATUS_COLORS["preliminary_work"])
    assert "Preliminary work" in arc["details"]
    assert "Sources disagree" not in arc["details"]  # "promoted" states no stage, so it does not contradict


def test_single_city_and_region_projects_are_not_arcs(tables: dict[str, pd.DataFrame]) -> None:
    arcs = arcs_by_project(deck(tables))
    projects = tables["projects"]
    not_lines = set(projects.loc[~projects["cities"].str.contains(";"), "project_id"])
    assert {"s43-airport-expressway", "four-city-bus-coach"} <= not_lines
    assert not not_lines & set(arcs)
    lines = set(projects.loc[projects["cities"].str.contains(";"), "project_id"])
    assert set(arcs) == lines


def test_arcs_between_the_same_cities_are_distinguishable(tables: dict[str, pd.DataFrame]) -> None:
    rows = layer(deck(tables), "project-arcs").data
    by_pair: dict[tuple[str, ...], list[tuple[float, float]]] = {}
    for row in rows:
        pair = tuple(sorted((tuple(row["source"]), tuple(row["target"]))))
        forward = tuple(row["source"]) == pair[0]
        # the side an arc bends to, seen from the pair's first city
        bend = row["height"] * (1 if row["tilt"] >= 0 else -1) * (1 if forward else -1)
        by_pair.setdefault(pair, []).append(round(bend, 6))
    assert max(len(b) for b in by_pair.values()) >= 5  # Hohhot–Baotou has many projects
    for bends in by_pair.values():
        assert len(set(bends)) == len(bends)


def test_reversed_pair_bends_to_its_own_side() -> None:
    cities = load_dataset()["cities"]
    projects = pd.DataFrame([project("a", "hohhot;baotou", "planned"), project("b", "baotou;hohhot", "planned")])
    rows = map_common.add_project_arcs(projects, cities, "en")
    a, b = rows.iloc[0], rows.iloc[1]
    assert a["height"] == b["height"] > 0
    assert a["tilt"] == b["tilt"]  # opposite sides of the chord, because b runs the other way


def test_arcs_use_the_trackers_rule_for_the_current_stage() -> None:
    # Two reports of the same date name different stages: the map must draw what the tracker says (the later
    # stage, by transforms.latest_project_reports), whatever the row order.
    cities = load_dataset()["cities"]
    rows = [
        project("p", "hohhot;baotou", "under_construction", "2025-02", source_id="0471tv-2025-02-01"),
        project("p", "hohhot;baotou", "preliminary_work", "2025-02"),
    ]
    for ordered in (rows, rows[::-1]):
        projects = pd.DataFrame(ordered)
        (arc,) = map_common.add_project_arcs(projects, cities, "en").to_dict("records")
        assert arc["status"] == transforms.latest_project_reports(projects).loc[0, "status"] == "under_construction"
        assert "⚠ Sources disagree" in arc["details"]


def test_disagreeing_reports_are_flagged_in_the_tooltip(tables: dict[str, pd.DataFrame]) -> None:
    # Hohhot–Baotou HSR: "proposed" (2024-12, 2025-02) and "preliminary_work" (2024-12) in the current data.
    (arc,) = arcs_by_project(deck(tables))["hohhot-baotou-hsr"]
    assert arc["status"] == "proposed"
    assert arc["color"] == map_common.hex_to_rgba(palette.STATUS_COLORS["proposed"])
    assert "⚠ Sources disagree: Proposed (Dec 2024, Feb 2025) / Preliminary work (Dec 2024)" in arc["details"]


def test_project_tooltip_fields(tables: dict[str, pd.DataFrame]) -> None:
    (arc,) = arcs_by_project(deck(tables, lang="zh"))["s27-hohhot-ordos"]
    assert arc["title"] == "S27呼和浩特至鄂尔多斯高速公路"
    lines = arc["details"].splitlines()
    assert lines[0] == "高速公路 · 呼和浩特–鄂尔多斯"
    assert lines[1] == "状态：前期工作"
    # The latest report: northnews-20250807 (内蒙古日报, 2025-08-07; row 38 of projects.csv, as of 2025-08).
    assert "来源：内蒙古日报 · 2025-08-07" in lines  # cited by name, never by id
    assert not any("northnews-20250807" in line for line in lines)
    assert lines[-1] == "截至：2025年8月"


def test_one_tooltip_template_for_every_pickable_layer(tables: dict[str, pd.DataFrame]) -> None:
    d = deck(tables, city_values=city_values({"hohhot": 1.0}))
    fields = set(re.findall(r"{(\w+)}", d._tooltip["html"]))
    assert fields == {"title", "details"}
    assert d._tooltip["style"]["whiteSpace"] == "pre-line"
    for lay in d.layers:
        if getattr(lay, "pickable", False):
            assert all(fields <= set(row) for row in lay.data), lay.id


def test_html_in_a_project_name_stays_text(tables: dict[str, pd.DataFrame]) -> None:
    # Streamlit escapes each {field} it puts in the tooltip (measured, 1.67): fields must be plain text, so the
    # name arrives there as written and is shown as text; the only markup is the template's own.
    evil = '<img src=x onerror="alert(1)"> S27 & Co'
    projects = tables["projects"].copy()
    projects.loc[projects["project_id"] == "s27-hohhot-ordos", "name_en"] = evil
    d = deck(tables, projects=projects)
    (arc,) = arcs_by_project(d)["s27-hohhot-ordos"]
    assert arc["title"] == evil
    assert "<" not in arc["details"]
    assert d._tooltip["html"] == "<b>{title}</b><br/>{details}"


def test_no_projects_gives_an_empty_arc_layer(tables: dict[str, pd.DataFrame]) -> None:
    d = deck(tables, projects=tables["projects"].iloc[0:0])
    assert layer(d, "project-arcs").data == []


# The plotly twin (offline HTML/PDF briefings).


def figure(tables: dict[str, pd.DataFrame], **kwargs: object) -> go.Figure:
    """The plotly map of the real data with default arguments."""
    args = {"city_values": None, "projects": tables["projects"], "lang": "en"} | kwargs
    return maps.make_city_figure(tables["cities"], **args)


def markers_trace(fig: go.Figure) -> go.Scatter:
    """The figure's city-marker trace."""
    (trace,) = [t for t in fig.data if "markers" in (t.mode or "")]
    return trace


def link_traces(fig: go.Figure) -> list[go.Scatter]:
    """The project-link traces (one per stage drawn)."""
    return [t for t in fig.data if t.legendgroup in palette.STATUS_COLORS]


@pytest.mark.parametrize(("lang", "names"), [("zh", ["呼和浩特", "包头", "鄂尔多斯", "乌兰察布"]), ("en", None)])
def test_figure_has_one_marker_per_city_at_its_seat(
    tables: dict[str, pd.DataFrame], lang: str, names: list[str] | None
) -> None:
    trace = markers_trace(figure(tables, lang=lang))
    assert list(trace.customdata) == list(SEATS)
    assert list(trace.x) == pytest.approx([lon for lon, _ in SEATS.values()])
    assert list(trace.y) == pytest.approx([lat for _, lat in SEATS.values()])
    assert list(trace.text) == (names or ["Hohhot", "Baotou", "Ordos", "Ulanqab"])
    assert trace.marker.color[0] == "rgba(0,114,178,0.824)"  # Hohhot's #0072B2 at the deck's marker alpha
    assert trace.marker.sizemode == "diameter"


def test_figure_marker_area_grows_with_value(tables: dict[str, pd.DataFrame]) -> None:
    values = city_values({"hohhot": 1412.0, "baotou": 561.0, "ordos": 40.0, "ulanqab": 0.0})
    sizes = dict(zip(SEATS, markers_trace(figure(tables, city_values=values)).marker.size, strict=True))
    assert sizes["baotou"] / sizes["hohhot"] == pytest.approx(math.sqrt(561 / 1412))
    assert 30 < sizes["hohhot"] < 80  # a 28 km radius at the figure's scale, in pixels


def test_figure_draws_the_yellow_river_and_its_label(tables: dict[str, pd.DataFrame]) -> None:
    fig = figure(tables, lang="zh")
    (river,) = [t for t in fig.data if t.mode == "lines" and t.line.color == map_common.RIVER_COLOR]
    assert (108.069, 40.88) in set(zip(river.x, river.y, strict=True))
    assert river.hoverinfo == "skip" and river.showlegend is False
    (label,) = [t for t in fig.data if t.mode == "text"]
    assert list(label.text) == ["黄河"]
    assert 107.5 < label.x[0] < 108.8 and 40.8 < label.y[0] < 40.9
    assert label.textfont.color == map_common.RIVER_COLOR


def test_figure_links_are_coloured_and_named_by_stage(tables: dict[str, pd.DataFrame]) -> None:
    traces = link_traces(figure(tables))
    assert len(traces) >= 3
    for trace in traces:
        assert trace.line.color == palette.STATUS_COLORS[trace.legendgroup]
        assert trace.name == i18n.label("status", trace.legendgroup, "en")
    # S27 Hohhot–Ordos is in preliminary work (see test_s27_arc_joins_hohhot_and_ordos_in_its_status_colour)
    (preliminary,) = [t for t in traces if t.legendgroup == "preliminary_work"]
    assert any(text and text.startswith("<b>S27 Hohhot") for text in preliminary.hovertext)


def link_runs(fig: go.Figure) -> list[list[tuple[float, float]]]:
    """Every drawn link of a figure as its (lon, lat) points (the runs between Nones of the link traces)."""
    runs: list[list[tuple[float, float]]] = []
    for trace in link_traces(fig):
        run: list[tuple[float, float]] = []
        for x, y in zip(trace.x, trace.y, strict=True):
            if x is None:
                runs.append(run)
                run = []
            else:
                run.append((x, y))
        runs.append(run)
    return runs


def nearest_seat(point: tuple[float, float]) -> tuple[str, float]:
    """The seat nearest a point and its distance in degrees of latitude (longitude scaled by cos 40°)."""
    return min(
        (
            (c, math.hypot((point[0] - lon) * math.cos(math.radians(40)), point[1] - lat))
            for c, (lon, lat) in SEATS.items()
        ),
        key=lambda pair: pair[1],
    )


def test_figure_links_end_at_the_markers_rims(tables: dict[str, pd.DataFrame]) -> None:
    # A link stops where its marker begins (not at the seat), so hovering a marker shows the city.
    for run in link_runs(figure(tables)):
        for end in (run[0], run[-1]):
            _, distance = nearest_seat(end)
            assert 0.03 < distance < 0.4  # 3–45 km: outside the seat, inside reach of its marker


def test_figure_links_between_one_pair_fan_out(tables: dict[str, pd.DataFrame]) -> None:
    # Each link's middle point shows which way (and how far) it bends.
    middles = [
        (round(run[len(run) // 2][0], 3), round(run[len(run) // 2][1], 3))
        for run in link_runs(figure(tables))
        if {nearest_seat(run[0])[0], nearest_seat(run[-1])[0]} == {"hohhot", "baotou"}
    ]
    assert len(middles) >= 5  # Hohhot–Baotou has many projects
    assert len(set(middles)) == len(middles)


def test_figure_hover_texts_match_the_deck_tooltips(tables: dict[str, pd.DataFrame]) -> None:
    values = city_values({"hohhot": 10.0, "baotou": 5.0})
    fig = figure(tables, lang="zh", city_values=values)
    hover = dict(zip(SEATS, markers_trace(fig).hovertext, strict=True))
    assert hover["hohhot"] == "<b>呼和浩特</b><br>10项<br>来源：src<br>截至：2024-12"
    (preliminary,) = [t for t in link_traces(fig) if t.legendgroup == "preliminary_work"]
    s27 = next(text for text in preliminary.hovertext if text and "S27" in text)
    assert s27.startswith("<b>S27呼和浩特至鄂尔多斯高速公路</b><br>高速公路 · 呼和浩特–鄂尔多斯<br>状态：前期工作")
    assert "<br>来源：内蒙古日报 · 2025-08-07<br>" in s27  # its latest report, by name, as in the deck's tooltip
    assert s27.endswith("<br>截至：2025年8月")


def test_figure_escapes_names_in_hover_text(tables: dict[str, pd.DataFrame]) -> None:
    projects = tables["projects"].copy()
    projects.loc[projects["project_id"] == "s27-hohhot-ordos", "name_en"] = '<img src=x onerror="alert(1)"> S27 & Co'
    texts = [t for trace in link_traces(figure(tables, projects=projects)) for t in trace.hovertext if t]
    assert any(t.startswith('<b>&lt;img src=x onerror="alert(1)"&gt; S27 &amp; Co</b>') for t in texts)
    assert not any("<img" in t for t in texts)


def test_figure_needs_no_network(tables: dict[str, pd.DataFrame]) -> None:
    fig = figure(tables)
    assert {trace.type for trace in fig.data} == {"scatter"}  # no scattergeo/choropleth/mapbox: they fetch topojson
    text = fig.to_json()
    assert not re.search(r"https?://", text)
    layout = fig.to_plotly_json()["layout"]
    assert not {"geo", "mapbox", "map"} & set(layout)


def test_figure_axes_are_hidden_and_latitude_is_scaled(tables: dict[str, pd.DataFrame]) -> None:
    layout = figure(tables).layout
    assert layout.xaxis.visible is False and layout.yaxis.visible is False
    assert layout.yaxis.scaleanchor == "x"
    # 1/cos(latitude) around the cities (~39.7° N): a degree of latitude is ~1.3 degrees of longitude long
    assert layout.yaxis.scaleratio == pytest.approx(1 / math.cos(math.radians(39.7)), abs=0.02)
    west, east = layout.xaxis.range
    south, north = layout.yaxis.range
    for lon, lat in [*SEATS.values(), *NORTHERN_ARM, *LEGS]:
        assert west < lon < east and south < lat < north
    assert layout.height == 520
    assert layout.font.family == charts.FONT


def test_figure_light_and_dark(tables: dict[str, pd.DataFrame]) -> None:
    light, dark = figure(tables).layout, figure(tables, dark=True).layout
    assert light.paper_bgcolor == light.plot_bgcolor == "#FFFFFF"
    assert dark.paper_bgcolor == dark.plot_bgcolor == "#0f172a"
    assert dark.font.color == "#E2E8F0"


def test_figure_without_projects_has_no_links_and_no_legend(tables: dict[str, pd.DataFrame]) -> None:
    fig = figure(tables, projects=tables["projects"].iloc[0:0])
    assert link_traces(fig) == []
    assert fig.layout.showlegend is False
    assert len(markers_trace(fig).x) == 4


def test_plotly_map_in_the_dark_theme_swaps_light_colours_and_escapes_names() -> None:
    from tests.real_data import tables

    t = tables()
    cities = t["cities"].assign(name_zh=lambda f: f["name_zh"].where(f["city_id"] != "ordos", "<b>鄂尔多斯</b>"))
    projects = transforms.add_citations(t["projects"], t["sources"])
    fig = maps.make_city_figure(cities, None, projects, "zh", dark=True)
    markers = next(tr for tr in fig.data if tr.customdata is not None and "hohhot" in tr.customdata)
    hohhot = markers.marker.color[list(markers.customdata).index("hohhot")]
    assert hohhot.startswith("rgba(86,180,233,")  # #56B4E9, not the light theme's #0072B2 (3.4:1 on dark)
    lines = {tr.line.color for tr in fig.data if tr.mode == "lines" and tr.line.color}
    assert "#440154" not in lines  # 'in operation' deep purple is invisible on the dark background
    assert "&lt;b&gt;鄂尔多斯&lt;/b&gt;" in markers.text
