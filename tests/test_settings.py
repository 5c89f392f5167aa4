"""Map settings: settings.toml and HBEU_* variables, tile URL validation, boundary files that may be broken."""

import json
from pathlib import Path

import pytest

from hbeu_dash.paths import ROOT
from hbeu_dash.settings import ENV_KEYS, MAP_KEYS, Settings, load_boundaries, load_settings, tile_url_problem

INTRANET = "http://tiles.intranet.example/{z}/{x}/{y}.png"
NO_FILE = Path("/nonexistent/settings.toml")


def write_toml(tmp_path: Path, text: str) -> Path:
    """A settings.toml with `text` in a temporary folder."""
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_are_no_basemap_and_no_boundaries() -> None:
    assert load_settings(env={}, path=NO_FILE) == Settings(None, None, None)


def test_file_values_are_read(tmp_path: Path) -> None:
    boundary = tmp_path / "b.geojson"
    path = write_toml(
        tmp_path, f'[map]\ntile_url = "{INTRANET}"\ntile_attribution = "© Intranet"\nboundaries = "{boundary}"\n'
    )
    settings = load_settings(env={}, path=path)
    assert settings.tile_url == INTRANET
    assert settings.tile_attribution == "© Intranet"
    assert settings.boundaries_path == boundary
    assert settings.problems == ()


def test_environment_overrides_file(tmp_path: Path) -> None:
    path = write_toml(tmp_path, f'[map]\ntile_url = "{INTRANET}"\ntile_attribution = "file"\n')
    env = {"HBEU_TILE_URL": "https://other.example/t/{z}/{x}/{y}", "HBEU_TILE_ATTRIBUTION": "env"}
    settings = load_settings(env=env, path=path)
    assert settings.tile_url == "https://other.example/t/{z}/{x}/{y}"
    assert settings.tile_attribution == "env"


def test_empty_environment_variable_switches_file_value_off(tmp_path: Path) -> None:
    path = write_toml(tmp_path, f'[map]\ntile_url = "{INTRANET}"\n')
    assert load_settings(env={"HBEU_TILE_URL": ""}, path=path).tile_url is None


def test_relative_boundary_path_resolves_against_project_root() -> None:
    settings = load_settings(env={"HBEU_BOUNDARIES": "data/cities.csv"}, path=NO_FILE)
    assert settings.boundaries_path == ROOT / "data" / "cities.csv"


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("ftp://tiles.example/{z}/{x}/{y}.png", "http"),
        ("tiles.example/{z}/{x}/{y}.png", "http"),
        ("javascript:alert(1)//{z}/{x}/{y}", "http"),
        ("https://tiles.example/{z}/{x}.png", "{y} missing"),
        ("https://tiles.example/tile.png", "{z}, {x}, {y} missing"),
    ],
)
def test_bad_tile_url_is_ignored_with_a_message(url: str, why: str) -> None:
    settings = load_settings(env={"HBEU_TILE_URL": url, "HBEU_TILE_ATTRIBUTION": "x"}, path=NO_FILE)
    assert settings.tile_url is None
    assert settings.tile_attribution is None  # attribution of a basemap that is not shown
    assert len(settings.problems) == 1
    assert why in settings.problems[0]
    assert url in settings.problems[0]


def test_good_tile_url_has_no_problem() -> None:
    assert tile_url_problem(INTRANET) is None
    assert tile_url_problem("https://t.example/{z}/{y}/{x}@2x.webp?key=1") is None


def test_broken_toml_is_reported_not_raised(tmp_path: Path) -> None:
    path = write_toml(tmp_path, "[map\ntile_url = 1")
    settings = load_settings(env={}, path=path)
    assert settings.tile_url is None
    assert "settings.toml is not valid TOML" in settings.problems[0]


def test_unknown_key_is_reported(tmp_path: Path) -> None:
    path = write_toml(tmp_path, '[map]\ntile_ulr = "x"\n')
    settings = load_settings(env={}, path=path)
    assert settings == Settings()
    assert "map.tile_ulr" in settings.problems[0]


def test_missing_boundary_file_names_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "gone.geojson"
    geojson, error = load_boundaries(Settings(boundaries_path=missing))
    assert geojson is None
    assert str(missing) in error
    assert "not found" in error


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("{not json", "not valid JSON"),
        ('{"type": "Topology", "objects": {}}', "no GeoJSON type"),
        ("[1, 2]", "not a GeoJSON object"),
        ('{"type": "FeatureCollection"}', "without a features list"),
    ],
)
def test_invalid_boundary_file_names_the_file(tmp_path: Path, text: str, why: str) -> None:
    path = tmp_path / "bad.geojson"
    path.write_text(text, encoding="utf-8")
    geojson, error = load_boundaries(Settings(boundaries_path=path))
    assert geojson is None
    assert str(path) in error
    assert why in error


def test_valid_boundary_file_loads(tmp_path: Path) -> None:
    collection = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"name": "box"},
                "geometry": {"type": "Polygon", "coordinates": [[[109, 39], [114, 39], [114, 42], [109, 39]]]},
            }
        ],
    }
    path = tmp_path / "ok.geojson"
    path.write_text(json.dumps(collection), encoding="utf-8")
    assert load_boundaries(Settings(boundaries_path=path)) == (collection, None)


def test_no_boundaries_configured_is_not_an_error() -> None:
    assert load_boundaries(Settings()) == (None, None)


def test_every_setting_is_documented_in_the_example() -> None:
    example = (ROOT / "settings.example.toml").read_text(encoding="utf-8")
    for key in MAP_KEYS:
        assert f"# {key} = " in example, f"map.{key} is not documented in settings.example.toml"
    for variable in ENV_KEYS:
        assert variable in example, f"{variable} is not documented in settings.example.toml"


def test_example_settings_parse_once_uncommented(tmp_path: Path) -> None:
    example = (ROOT / "settings.example.toml").read_text(encoding="utf-8")
    lines = [
        line.removeprefix("# ") if " = " in line and "HBEU_" not in line else line for line in example.splitlines()
    ]
    settings = load_settings(env={}, path=write_toml(tmp_path, "\n".join(lines)))
    assert settings.problems == ()
    assert settings.tile_url == INTRANET
    assert settings.boundaries_path == ROOT / "data" / "boundaries.geojson"
