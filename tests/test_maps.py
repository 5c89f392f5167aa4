"""The city map: no basemap unless configured, markers, labels, project arcs, tooltips."""

import json
import math
import re

import pandas as pd
import pydeck as pdk
import pytest

from hbeu_dash import i18n, maps, transforms
from hbeu_dash.loaders import load_dataset
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
    assert layer_types(d) == ["ArcLayer", "ScatterplotLayer", "TextLayer"]


def test_tile_url_adds_bitmap_tiles_under_everything(tables: dict[str, pd.DataFrame]) -> None:
    d = deck(tables, settings=Settings(tile_url=TILE_URL))
    types = layer_types(d)
    n = types.count("BitmapLayer")
    assert n >= 4
    assert types[:n] == ["BitmapLayer"] * n
    assert "TileLayer" not in types  # cannot render in Streamlit: its renderSubLayers callback has no JSON form
    first = json.loads(d.layers[0].to_json())
    z, x, y = map(int, re.fullmatch(r"http://tiles\.intranet\.example/(\d+)/(\d+)/(\d+)\.png", first["image"]).groups())
    assert first["bounds"] == pytest.approx(maps.tile_bounds(z, x, y))
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
    assert maps.tile_bounds(z, x, y) == pytest.approx(bounds, abs=1e-4)


def test_tile_index_of_hohhot() -> None:
    assert maps.tile_index(111.7490, 40.8424, 8) == (207, 96)
    west, south, east, north = maps.tile_bounds(8, 207, 96)
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
        expected = maps.hex_to_rgba(i18n.CITY_COLORS[row["city_id"]])[:3]
        assert row["color"][:3] == expected
        assert row["position"] == pytest.approx(
            tables["cities"].set_index("city_id").loc[row["city_id"], ["lon", "lat"]].tolist()
        )


def test_hex_to_rgba() -> None:
    assert maps.hex_to_rgba("#0072B2", 200) == [0, 114, 178, 200]


def test_marker_radius_grows_with_value(tables: dict[str, pd.DataFrame]) -> None:
    values = city_values({"hohhot": 1412.0, "baotou": 561.0, "ordos": 40.0, "ulanqab": 0.0})
    radius = {r["city_id"]: r["radius"] for r in layer(deck(tables, city_values=values), "city-markers").data}
    assert radius["hohhot"] > radius["baotou"] > radius["ordos"] >= radius["ulanqab"] >= maps.MIN_RADIUS_M
    assert radius["hohhot"] == maps.MAX_RADIUS_M
    # area, not radius, is proportional to the value (above the minimum radius)
    assert radius["baotou"] / radius["hohhot"] == pytest.approx(math.sqrt(561 / 1412))


def test_city_without_value_keeps_a_small_faint_marker(tables: dict[str, pd.DataFrame]) -> None:
    values = city_values({"hohhot": 10.0, "baotou": 5.0})
    rows = {r["city_id"]: r for r in layer(deck(tables, city_values=values, lang="zh"), "city-markers").data}
    assert len(rows) == 4
    assert 0 < rows["ordos"]["radius"] == maps.NO_VALUE_RADIUS_M < maps.MIN_RADIUS_M
    assert rows["ordos"]["color"][3] < rows["hohhot"]["color"][3]
    assert rows["ordos"]["details"] == i18n.t("no_data", "zh")
    assert rows["hohhot"]["details"].splitlines() == ["10项", "来源: src", "截至: 2024-12"]


def test_fixed_radius_without_values(tables: dict[str, pd.DataFrame]) -> None:
    radii = {r["radius"] for r in layer(deck(tables), "city-markers").data}
    assert radii == {maps.FIXED_RADIUS_M}


@pytest.mark.parametrize(("lang", "name"), [("zh", "呼和浩特"), ("en", "Hohhot")])
def test_city_labels_in_language(tables: dict[str, pd.DataFrame], lang: str, name: str) -> None:
    labels = layer(deck(tables, lang=lang), "city-labels")
    assert name in [row["name"] for row in labels.data]
    spec = json.loads(labels.to_json())
    assert spec["getText"] == "@@=name"
    # a literal 'auto' (pydeck strips the quotes); unquoted it would become the accessor expression "@@=auto"
    assert spec["characterSet"] == "auto"
    assert spec["fontFamily"] == "Noto Sans CJK SC, sans-serif"


def test_view_is_centred_on_the_cities_and_fits_them(tables: dict[str, pd.DataFrame]) -> None:
    view = deck(tables).initial_view_state
    cities = tables["cities"]
    assert cities["lat"].min() < view.latitude < cities["lat"].max()
    assert cities["lon"].min() < view.longitude < cities["lon"].max()
    assert 5.5 <= view.zoom <= 7.5
    assert view.pitch == 0
    # every seat lies inside a 600 × 420 px map at this zoom (Web Mercator, 512 px world)
    scale = maps.WORLD_PX * 2**view.zoom / 360
    for city in cities.itertuples():
        dx = (city.lon - view.longitude) * scale
        dy = math.asinh(math.tan(math.radians(city.lat))) - math.asinh(math.tan(math.radians(view.latitude)))
        assert abs(dx) < 300
        assert abs(math.degrees(dy) * scale) < 210


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
    assert arc["color"] == maps.hex_to_rgba(i18n.STATUS_COLORS["preliminary_work"])
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
    rows = maps.add_project_arcs(projects, cities, "en")
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
        (arc,) = maps.add_project_arcs(projects, cities, "en").to_dict("records")
        assert arc["status"] == transforms.latest_project_reports(projects).loc[0, "status"] == "under_construction"
        assert "⚠ Sources disagree" in arc["details"]


def test_disagreeing_reports_are_flagged_in_the_tooltip(tables: dict[str, pd.DataFrame]) -> None:
    # Hohhot–Baotou HSR: "proposed" (2024-12, 2025-02) and "preliminary_work" (2024-12) in the current data.
    (arc,) = arcs_by_project(deck(tables))["hohhot-baotou-hsr"]
    assert arc["status"] == "proposed"
    assert arc["color"] == maps.hex_to_rgba(i18n.STATUS_COLORS["proposed"])
    assert "⚠ Sources disagree: Proposed (Dec 2024, Feb 2025) / Preliminary work (Dec 2024)" in arc["details"]


def test_project_tooltip_fields(tables: dict[str, pd.DataFrame]) -> None:
    (arc,) = arcs_by_project(deck(tables, lang="zh"))["s27-hohhot-ordos"]
    assert arc["title"] == "S27呼和浩特至鄂尔多斯高速公路"
    lines = arc["details"].splitlines()
    assert lines[0] == "高速公路 · 呼和浩特–鄂尔多斯"
    assert lines[1] == "状态: 前期工作"
    assert "来源: 青橙融媒 · 2025-02-01" in lines  # cited by name, never by id
    assert not any("0471tv-2025-02-01" in line for line in lines)
    assert lines[-1] == "截至: 2025年2月"


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
