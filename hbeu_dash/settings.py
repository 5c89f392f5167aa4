"""Deployment settings for the map: an optional basemap tile server and boundary file, from settings.toml or env."""

import json
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from hbeu_dash.paths import ROOT

SETTINGS_FILE = ROOT / "settings.toml"
# Environment variable → key of the [map] table in settings.toml; the variable wins over the file.
ENV_KEYS = {
    "HBEU_TILE_URL": "tile_url",
    "HBEU_TILE_ATTRIBUTION": "tile_attribution",
    "HBEU_BOUNDARIES": "boundaries",
}
MAP_KEYS = tuple(ENV_KEYS.values())
TILE_PLACEHOLDERS = ("{z}", "{x}", "{y}")


@dataclass(frozen=True)
class Settings:
    """Where the map gets its optional basemap and boundaries; all None means a map with no basemap."""

    tile_url: str | None = None
    tile_attribution: str | None = None
    boundaries_path: Path | None = None
    # Problems found while reading the settings (a bad tile URL, an unreadable file): shown to the admin, never fatal.
    problems: tuple[str, ...] = field(default=(), compare=False)


def tile_url_problem(url: str) -> str | None:
    """Why `url` cannot be a tile URL template, or None when it is a usable http(s) {z}/{x}/{y} template."""
    if not url.startswith(("http://", "https://")):
        return f"tile_url must start with http:// or https://, got {url!r}"
    missing = [p for p in TILE_PLACEHOLDERS if p not in url]
    if missing:
        return f"tile_url must contain {', '.join(TILE_PLACEHOLDERS)}; {', '.join(missing)} missing in {url!r}"
    return None


def read_settings_file(path: Path) -> tuple[dict[str, str], list[str]]:
    """The [map] table of a settings TOML file as text values, and the problems found; a missing file is no problem."""
    if not path.is_file():
        return {}, []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        return {}, [f"{path.name} is not valid TOML and was ignored: {exc}"]
    table = data.get("map", {})
    if not isinstance(table, dict):
        return {}, [f"{path.name}: [map] must be a table; the file was ignored"]
    values: dict[str, str] = {}
    problems: list[str] = []
    for key, value in table.items():
        if key not in MAP_KEYS:
            problems.append(f"{path.name}: unknown key map.{key} ignored (known keys: {', '.join(MAP_KEYS)})")
        elif not isinstance(value, str):
            problems.append(f"{path.name}: map.{key} must be a text value; ignored")
        else:
            values[key] = value
    return values, problems


def resolve_path(value: str) -> Path:
    """A path from the settings: relative paths are relative to the project root, ~ is expanded."""
    path = Path(value).expanduser()
    return path if path.is_absolute() else ROOT / path


def load_settings(env: Mapping[str, str] | None = None, path: Path = SETTINGS_FILE) -> Settings:
    """Settings from `path` ([map] table) overridden by HBEU_* environment variables; bad values are dropped."""
    env = os.environ if env is None else env
    values, problems = read_settings_file(path)
    for var, key in ENV_KEYS.items():
        if var in env:
            values[key] = env[var]
    values = {k: v.strip() for k, v in values.items() if v.strip()}  # an empty value switches the key off

    tile_url = values.get("tile_url")
    if tile_url is not None:
        problem = tile_url_problem(tile_url)
        if problem:
            problems.append(f"{problem}; the map is shown without a basemap")
            tile_url = None
    boundaries = values.get("boundaries")
    return Settings(
        tile_url=tile_url,
        tile_attribution=values.get("tile_attribution") if tile_url else None,
        boundaries_path=resolve_path(boundaries) if boundaries else None,
        problems=tuple(problems),
    )


def geojson_problem(data: object) -> str | None:
    """Why `data` is not a GeoJSON object the map can draw, or None."""
    if not isinstance(data, dict):
        return "is not a GeoJSON object"
    kind = data.get("type")
    if kind == "FeatureCollection":
        return None if isinstance(data.get("features"), list) else "is a FeatureCollection without a features list"
    if kind in ("Feature", "Polygon", "MultiPolygon", "LineString", "MultiLineString", "GeometryCollection"):
        return None
    return f"has no GeoJSON type (found type={kind!r})"


def load_boundaries(settings: Settings) -> tuple[dict | None, str | None]:
    """The boundaries GeoJSON named in the settings and None, or None and a message naming the file."""
    path = settings.boundaries_path
    if path is None:
        return None, None
    if not path.is_file():
        return None, f"Boundary file {path} not found; the map is shown without boundaries."
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return None, f"Boundary file {path} is not valid JSON ({exc}); the map is shown without boundaries."
    problem = geojson_problem(data)
    if problem:
        return None, f"Boundary file {path} {problem}; the map is shown without boundaries."
    return data, None
