"""URL parameters ⇄ filters: round trip, and hostile input ignored with a notice."""

import pytest

from hbeu_dash.model import schema
from hbeu_dash.views.filters import (
    Filters,
    ViewParams,
    parse_query_params,
    parse_view_params,
    to_query_params,
    to_view_params,
)


@pytest.mark.parametrize(
    "filters",
    [
        Filters(),
        Filters(lang="en"),
        Filters(cities=("ordos",)),
        Filters(lang="en", cities=("hohhot", "ulanqab"), sectors=("transport", "digital")),
        Filters(cities=(), sectors=schema.SECTORS),
        Filters(sectors=()),
    ],
)
def test_round_trip(filters: Filters) -> None:
    parsed, notices = parse_query_params(to_query_params(filters))
    assert parsed == filters and notices == []


def test_defaults_make_a_short_url() -> None:
    assert to_query_params(Filters()) == {}
    assert to_query_params(Filters(cities=())) == {"city": "none"}


def test_order_and_repeats_do_not_matter() -> None:
    parsed, _ = parse_query_params({"city": "ulanqab,hohhot,ulanqab"})
    assert parsed.cities == ("hohhot", "ulanqab")


@pytest.mark.parametrize(
    ("params", "notice"),
    [
        ({"city": "paris"}, ("city", "paris", "bad_value")),
        ({"city": "hohhot,paris"}, ("city", "paris", "bad_value")),
        ({"lang": "fr"}, ("lang", "fr", "bad_value")),
        ({"sector": "tourism"}, ("sector", "tourism", "bad_value")),
        ({"debug": "1"}, ("debug", "1", "unknown")),
    ],
)
def test_bad_parameters_are_reported_not_raised(params: dict, notice: tuple) -> None:
    _, notices = parse_query_params(params)
    assert [(n.name, n.value, n.reason) for n in notices] == [notice]


def test_bad_values_keep_the_good_ones() -> None:
    parsed, _ = parse_query_params({"city": "hohhot,paris"})
    assert parsed.cities == ("hohhot",)


def test_nothing_usable_falls_back_to_everything() -> None:
    parsed, _ = parse_query_params({"city": "paris,london"})
    assert parsed.cities == schema.CITY_IDS


def test_huge_parameter_is_cut_and_ignored() -> None:
    parsed, notices = parse_query_params({"city": "hohhot," * 10_000})
    assert parsed.cities == schema.CITY_IDS
    assert len(notices) == 1 and len(notices[0].value) <= 41


def test_repeated_parameter_uses_the_last_value() -> None:
    parsed, _ = parse_query_params({"lang": ["zh", "en"]})
    assert parsed.lang == "en"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ViewParams()),
        ({"v": "ab12cd3"}, ViewParams(version="ab12cd3")),
        ({"slide": "4", "theme": "dark", "every": "15"}, ViewParams(slide=4, theme="dark", advance=15)),
        ({"slide": ["2", "3"]}, ViewParams(slide=3)),  # repeated: the last one, as for filters
    ],
)
def test_view_parameters_are_read(params: dict, expected: ViewParams) -> None:
    view, notices = parse_view_params(params)
    assert view == expected and notices == []
    _, filter_notices = parse_query_params(params)
    assert filter_notices == []  # v, slide, theme and every are known parameters, not 'unknown'


@pytest.mark.parametrize(
    ("params", "name"),
    [
        ({"v": "AB12CD3"}, "v"),  # versions are lowercase hex
        ({"v": "ab12cd"}, "v"),
        ({"v": "<script>"}, "v"),
        ({"slide": "0"}, "slide"),
        ({"slide": "-1"}, "slide"),
        ({"slide": "１"}, "slide"),  # a full-width digit is not a slide number
        ({"slide": "9" * 400}, "slide"),
        ({"theme": "neon"}, "theme"),
        ({"every": "7"}, "every"),  # only the intervals offered
    ],
)
def test_bad_view_parameters_fall_back_with_a_notice(params: dict, name: str) -> None:
    view, notices = parse_view_params(params)
    assert view == ViewParams()
    assert [(n.name, n.reason) for n in notices] == [(name, "bad_value")]
    assert all(len(n.value) <= 41 for n in notices)


def test_view_url_carries_the_version_always_and_slide_settings_only_when_presenting() -> None:
    view = ViewParams(version="ab12cd3", slide=3, theme="dark", advance=20)
    assert to_view_params(view) == {"v": "ab12cd3"}
    assert to_view_params(view, presenting=True) == {"v": "ab12cd3", "slide": "3", "theme": "dark", "every": "20"}
    assert to_view_params(ViewParams(version="ab12cd3"), presenting=True) == {"v": "ab12cd3"}  # defaults left out


def test_an_over_long_view_parameter_is_reported_once() -> None:
    params = {"v": "a" * 300}
    _, filter_notices = parse_query_params(params)
    _, view_notices = parse_view_params(params)
    assert filter_notices == [] and [n.name for n in view_notices] == ["v"]
