"""The map's geographic context: the shipped Natural Earth rivers (and lakes), the Yellow River's label, the view."""

import functools
import json
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from hbeu_dash import i18n
from hbeu_dash.paths import CONTEXT_FILE

# The feature id of the Yellow River in context.geojson (set by scripts/make_context.py) and the i18n key of its name.
YELLOW_RIVER = "yellow_river"
KINDS = ("river", "lake")
# The label sits above the bend's northernmost reach (Hetao, west of Baotou): no seat lies west of Baotou and Ordos,
# so no marker, city label or project line is there, and the river runs east–west below the whole label.
LABEL_LON = 108.1
# (west, south, east, north) of the part of the bend every initial view shows with the cities: the northern arm
# from the Wuhai reach of the western leg (106.8° E) to Hekou (111.2° E), and both legs down to about 38.5° N.
BEND_BOUNDS = (106.5, 38.5, 111.5, 40.9)

Point = tuple[float, float]


@dataclass(frozen=True)
class ContextLine:
    """One line of the context: a river's course or a lake's shore, as (lon, lat) points."""

    kind: str
    feature_id: str
    points: tuple[Point, ...]


@dataclass(frozen=True)
class MapLabel:
    """A name placed on the map at (lon, lat)."""

    lon: float
    lat: float
    text: str


def feature_lines(feature: dict) -> list[list[list[float]]]:
    """The lines of a GeoJSON river feature, or the rings of a lake feature, as lists of [lon, lat]."""
    geometry = feature.get("geometry") or {}
    kind, coordinates = geometry.get("type"), geometry.get("coordinates", [])
    if kind == "LineString":
        return [coordinates]
    if kind in ("MultiLineString", "Polygon"):
        return coordinates
    if kind == "MultiPolygon":
        return [ring for polygon in coordinates for ring in polygon]
    raise ValueError(f"geometry type {kind!r} is not a line or a polygon")


def read_context(path: Path) -> tuple[ContextLine, ...]:
    """Every line of a context GeoJSON file; a ValueError names the file and the feature that is wrong."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("type") != "FeatureCollection":
        raise ValueError(f"{path.name}: not a GeoJSON FeatureCollection")
    lines = []
    for number, feature in enumerate(data.get("features", []), start=1):
        kind = (feature.get("properties") or {}).get("kind")
        if kind not in KINDS:
            raise ValueError(f"{path.name}: feature {number} has kind {kind!r}, expected one of {', '.join(KINDS)}")
        try:
            parts = feature_lines(feature)
        except ValueError as exc:
            raise ValueError(f"{path.name}: feature {number}: {exc}") from None
        for part in parts:
            points = tuple((float(lon), float(lat)) for lon, lat in part)
            if len(points) >= 2:
                lines.append(ContextLine(kind, str(feature.get("id", "")), points))
    return tuple(lines)


@functools.cache
def load_context() -> tuple[ContextLine, ...]:
    """The shipped context, read once per process (a file that ships with the code, not data: no version to key on)."""
    return read_context(CONTEXT_FILE)


def yellow_river_anchor(lines: tuple[ContextLine, ...], lon: float = LABEL_LON) -> Point | None:
    """Where the Yellow River crosses the meridian `lon` farthest north (on the bend's northern arm), or None."""
    crossings = [
        (lon, a[1] + (lon - a[0]) / (b[0] - a[0]) * (b[1] - a[1]))
        for line in lines
        if line.feature_id == YELLOW_RIVER
        for a, b in pairwise(line.points)
        if min(a[0], b[0]) <= lon <= max(a[0], b[0]) and a[0] != b[0]
    ]
    return max(crossings, key=lambda p: p[1]) if crossings else None


def river_label(lines: tuple[ContextLine, ...], lang: str) -> MapLabel | None:
    """The Yellow River's name in `lang`, placed on its northern arm; None when the context has no Yellow River."""
    anchor = yellow_river_anchor(lines)
    if anchor is None:
        return None
    return MapLabel(round(anchor[0], 3), round(anchor[1], 3), i18n.t(YELLOW_RIVER, lang))
