"""The sidebar filters and their URL form: parse query parameters safely, write them back."""

from collections.abc import Mapping
from dataclasses import dataclass

from hbeu_dash import schema
from hbeu_dash.i18n import DEFAULT_LANG, LANGS

NONE = "none"  # the URL value of an empty selection
MAX_PARAM_CHARS = 200


@dataclass(frozen=True)
class Filters:
    """What the user has chosen: language, cities and sectors (empty tuple = nothing selected)."""

    lang: str = DEFAULT_LANG
    cities: tuple[str, ...] = schema.CITY_IDS
    sectors: tuple[str, ...] = schema.SECTORS

    @property
    def is_empty(self) -> bool:
        """True when no city or no sector is selected."""
        return not self.cities or not self.sectors


@dataclass(frozen=True)
class Notice:
    """A URL parameter that was ignored, and why ('unknown' or 'bad_value')."""

    name: str
    value: str
    reason: str


def _first(value: str | list[str]) -> str:
    if isinstance(value, list):
        return value[-1] if value else ""
    return value


def _parse_list(name: str, raw: str, allowed: tuple[str, ...], notices: list[Notice]) -> tuple[str, ...]:
    if raw.strip() == NONE:
        return ()
    chosen = []
    for item in raw.split(","):
        item = item.strip()
        if not item:
            continue
        if item in allowed:
            if item not in chosen:
                chosen.append(item)
        else:
            notices.append(Notice(name, item[:40], "bad_value"))
    if not chosen:  # nothing usable: fall back to everything rather than an empty view
        return allowed
    return tuple(c for c in allowed if c in chosen)


def parse_query_params(params: Mapping[str, str | list[str]]) -> tuple[Filters, list[Notice]]:
    """Filters from URL parameters; anything unknown or malformed is ignored and reported, never raised."""
    notices: list[Notice] = []
    lang, cities, sectors = DEFAULT_LANG, schema.CITY_IDS, schema.SECTORS
    for name, value in params.items():
        raw = _first(value)
        if len(raw) > MAX_PARAM_CHARS:
            notices.append(Notice(str(name)[:40], raw[:40] + "…", "bad_value"))
            continue
        if name == "lang":
            if raw in LANGS:
                lang = raw
            else:
                notices.append(Notice(name, raw[:40], "bad_value"))
        elif name == "city":
            cities = _parse_list(name, raw, schema.CITY_IDS, notices)
        elif name == "sector":
            sectors = _parse_list(name, raw, schema.SECTORS, notices)
        else:
            notices.append(Notice(str(name)[:40], raw[:40], "unknown"))
    return Filters(lang, cities, sectors), notices


def to_query_params(filters: Filters) -> dict[str, str]:
    """The URL parameters of a view; defaults are left out so links stay short."""
    params = {}
    if filters.lang != DEFAULT_LANG:
        params["lang"] = filters.lang
    if filters.cities != schema.CITY_IDS:
        params["city"] = ",".join(filters.cities) or NONE
    if filters.sectors != schema.SECTORS:
        params["sector"] = ",".join(filters.sectors) or NONE
    return params
