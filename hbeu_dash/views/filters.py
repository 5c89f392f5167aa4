"""The sidebar filters and their URL form: parse query parameters safely, write them back."""

import re
from collections.abc import Mapping
from dataclasses import dataclass

from hbeu_dash.i18n import DEFAULT_LANG, LANGS
from hbeu_dash.model import schema

NONE = "none"  # the URL value of an empty selection
MAX_PARAM_CHARS = 200
# The view's own URL parameters (not filters): the data version a link was made with, and the presenter's slide,
# theme and seconds between slides.
VIEW_PARAMS = ("v", "slide", "theme", "every")
# The parameters of one page, read and checked by that page: the rows whose paragraphs the reader's page (/evidence)
# shows, and the page its link was followed from (hbeu_dash.views.citations).
PAGE_PARAMS = ("fig", "project", "event", "from", "indicator")
VERSION_PATTERN = re.compile(r"[0-9a-f]{7}")
THEMES = ("light", "dark")
ADVANCE_SECONDS = (0, 10, 15, 20, 30, 60)  # 0 = no auto-advance
MAX_SLIDE = 99


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


@dataclass(frozen=True)
class ViewParams:
    """A link's view parameters: the data version it was made with (None = not given), the slide (1-based), the
    presenter's theme and auto-advance interval (0 = off)."""

    version: str | None = None
    slide: int = 1
    theme: str = "light"
    advance: int = 0


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
        if name in VIEW_PARAMS or name in PAGE_PARAMS:
            continue  # parse_view_params reads (and reports) these; the page that takes the others, those
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


def _parse_int(raw: str, allowed: range | tuple[int, ...]) -> int | None:
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= 3 and int(raw) in allowed else None


def parse_view_params(params: Mapping[str, str | list[str]]) -> tuple[ViewParams, list[Notice]]:
    """The view parameters of a URL (v, slide, theme, every); malformed ones are ignored and reported, never raised."""
    notices: list[Notice] = []
    found: dict[str, object] = {}
    for name in VIEW_PARAMS:
        if name not in params:
            continue
        raw = _first(params[name]).strip()
        if name == "v":
            value: object = raw if VERSION_PATTERN.fullmatch(raw) else None
        elif name == "slide":
            value = _parse_int(raw, range(1, MAX_SLIDE + 1))
        elif name == "theme":
            value = raw if raw in THEMES else None
        else:
            value = _parse_int(raw, ADVANCE_SECONDS)
        if value is None:
            notices.append(Notice(name, raw[:40] + ("…" if len(raw) > 40 else ""), "bad_value"))
        else:
            found[{"v": "version", "every": "advance"}.get(name, name)] = value
    return ViewParams(**found), notices  # type: ignore[arg-type]


def to_view_params(view: ViewParams, presenting: bool = False) -> dict[str, str]:
    """The URL parameters of a view's data version (always, when known) and, when presenting, of the slide, theme
    and interval (defaults left out)."""
    params = {"v": view.version} if view.version else {}
    if presenting:
        if view.slide != 1:
            params["slide"] = str(view.slide)
        if view.theme != THEMES[0]:
            params["theme"] = view.theme
        if view.advance:
            params["every"] = str(view.advance)
    return params
