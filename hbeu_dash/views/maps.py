"""The map's content: the indicators markers can be sized by, each city's value with its citation, the legend."""

from dataclasses import dataclass

import pandas as pd

from hbeu_dash.graphics.palette import STATUS_COLORS
from hbeu_dash.i18n import col, format_date, format_values, label, t
from hbeu_dash.model import transforms

DEFAULT_MAP_INDICATOR = "four_city_service_items"


@dataclass(frozen=True)
class LegendEntry:
    """One stage of the arcs' legend: its colour and its name."""

    color: str
    name: str


def indicator_options(figures: pd.DataFrame, lang: str) -> tuple[list[str], dict[str, str], int]:
    """The indicators the markers can be sized by ('' = none), their names, and the default's position."""
    options = ["", *transforms.indicators_with_city_values(figures)]
    names = dict(zip(figures["indicator_id"], figures[col("indicator", lang)], strict=False))
    default = options.index(DEFAULT_MAP_INDICATOR) if DEFAULT_MAP_INDICATOR in options else 0
    return options, names, default


def map_values(figures: pd.DataFrame, indicator_id: str, lang: str) -> pd.DataFrame:
    """Per-city values of one indicator, labelled for the map's tooltips (all values when sources disagree)."""
    rows = transforms.city_values(figures, indicator_id)
    return pd.DataFrame(
        {
            "city_id": rows["city_id"],
            "value": rows["value"],
            "label": [
                format_values(r["all_values"], r["unit_zh"], r["unit_en"], lang)
                + (f" ⚠ {t('conflict', lang)}" if r["n_values"] > 1 else "")
                for _, r in rows.iterrows()
            ],
            "source": rows[col("cite", lang)],
            "as_of": [format_date(a, lang) for a in rows["as_of"]],
        }
    )


def legend(lang: str) -> list[LegendEntry]:
    """The arcs' colours, one per project stage, in stage order."""
    return [LegendEntry(color, label("status", status, lang)) for status, color in STATUS_COLORS.items()]


def map_note(lang: str, attribution: str | None) -> str:
    """What the map loads (nothing external by default; its rivers ship with the app), with the tile attribution when
    tiles are configured."""
    note = t("map_offline_note", lang)
    return f"{note} {attribution}" if attribution else note
