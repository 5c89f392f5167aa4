"""The pieces a slide and the briefing are built of beside cards and charts: a titled block of text, a small table of
text, and what the map shows. Plain text and tables: each renderer escapes them."""

from dataclasses import dataclass

import pandas as pd

from hbeu_dash.views import maps as map_views


@dataclass(frozen=True)
class TextTable:
    """A small table of text for a slide or the briefing: a header row and rows of cells (quoted evidence is a
    `Quoted` cell, its parts kept for HTML)."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    original: tuple[int, ...] = ()  # the columns holding a source's own words (its Chinese evidence), by position


@dataclass(frozen=True)
class Block:
    """A titled piece of text on a slide: a heading, a sentence and an optional table (e.g. one conflict)."""

    heading: str
    text: str
    table: TextTable | None = None
    color: str | None = None  # a colour swatch beside the heading (a project stage), or None


@dataclass(frozen=True, eq=False)
class MapView:
    """What the map shows: the selected cities, the values markers are sized by, the project reports, the legend."""

    cities: pd.DataFrame
    values: pd.DataFrame | None
    reports: pd.DataFrame
    indicator: str  # the name of the indicator the markers are sized by ('' when none)
    indicator_id: str  # its id ('' when none)
    legend: tuple[map_views.LegendEntry, ...]
    note: str
