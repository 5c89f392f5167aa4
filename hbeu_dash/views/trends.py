"""Change over time: the reports of one indicator in one place read as a history, told apart from a disagreement.

A report stands at its period, else its as-of (`when`). Reports of one indicator and place that `quality`'s rule
calls a conflict (same period, different values, reported within half a year) are a conflict, shown side by side and
never read as a change; otherwise an earlier point with another value is a change (the earlier value → the latest).
A figure whose latest as-of ended more than a year before today is stale. Pages, slides and the briefing read these
view models; the trend and four-city charts are drawn from the rows they select (hbeu_dash.graphics.charts).
"""

from dataclasses import dataclass
from datetime import date

import pandas as pd

from hbeu_dash.i18n import format_date, format_value, t
from hbeu_dash.model import checks, schema

# Measures whose value holds until the next report (a timetable, a total to date, a target): drawn as steps.
# The others (what happened in a period, money, growth, shares) are flows, drawn as lines between reports.
STEP_MEASURES = frozenset(
    {"count_to_date", "count", "daily_frequency", "target", "ordinal", "duration", "length", "speed"}
)
# The places a four-city comparison always shows, in order; the region's slot follows when it has reports.
CITY_SLOTS = schema.CITY_IDS


def when_of(record: dict) -> str:
    """The time a report stands at: its period, else its as-of."""
    return record["period"] or record["as_of"]


def time_key(when: str) -> tuple[int, int, int]:
    """The order of partial dates: by their first day, a month before a day inside it (2016-05 before 2016-05-15:
    a timetable's new value carries the day it holds from as its period, the value before it only an as-of)."""
    parts = [int(p) for p in when.split("-")]
    return (*parts, *([0] * (3 - len(parts))))  # type: ignore[return-value]


def is_step(measure: str) -> bool:
    """True when a value holds until the next report (steps), False for a flow (lines)."""
    return measure in STEP_MEASURES


@dataclass(frozen=True)
class Change:
    """An earlier point of the same indicator and place and the latest one: plain text, with the numbers to rank."""

    earlier_value: str  # '144分钟' / '144 minutes'
    latest_value: str
    earlier_when: str  # '2015年1月8日' / '8 Jan 2015'
    latest_when: str
    earlier: float
    latest: float
    figure_ids: tuple[str, str]  # the earlier report, the latest one

    @property
    def relative(self) -> float:
        """The size of the change relative to the earlier value (0 when that is 0)."""
        return abs(self.latest - self.earlier) / abs(self.earlier) if self.earlier else 0.0

    def text(self, lang: str) -> str:
        """'144分钟(2015年1月8日)→ 134分钟(2016年1月24日)'."""
        return t(
            "change_text",
            lang,
            earlier=self.earlier_value,
            earlier_when=self.earlier_when,
            latest=self.latest_value,
            latest_when=self.latest_when,
        )


@dataclass(frozen=True)
class History:
    """The reports of one indicator in one place, read in time order (oldest first)."""

    records: tuple[dict, ...]  # every report, in time order
    conflicting: tuple[dict, ...]  # the reports that disagree (quality's rule), in time order; () when none
    latest: tuple[dict, ...]  # the reports standing at the latest time, or in conflict with the latest report
    earlier: dict | None  # the report before the latest point with another value (a change), None without

    @property
    def is_conflict(self) -> bool:
        return bool(self.conflicting)

    @property
    def spark(self) -> tuple[float, ...]:
        """One value per point in time (the points whose reports agree), oldest first: the sparkline."""
        points: dict[str, set[float]] = {}
        for record in self.records:
            points.setdefault(when_of(record), set()).add(float(record["value"]))
        return tuple(next(iter(v)) for w, v in points.items() if len(v) == 1)

    def change(self, lang: str) -> Change | None:
        """The earlier value → the latest, when the reports do not conflict and an earlier point differs."""
        if self.is_conflict or self.earlier is None or not self.latest:
            return None
        last, first = self.latest[-1], self.earlier
        return Change(
            earlier_value=format_value(first["value"], first["unit_zh"], first["unit_en"], lang),
            latest_value=format_value(last["value"], last["unit_zh"], last["unit_en"], lang),
            earlier_when=format_date(when_of(first), lang),
            latest_when=format_date(when_of(last), lang),
            earlier=float(first["value"]),
            latest=float(last["value"]),
            figure_ids=(str(first["figure_id"]), str(last["figure_id"])),
        )


def read_history(records: list[dict]) -> History:
    """The history of one indicator in one place from its reports (any order).

    A conflict is the latest point's: the latest reports and every report that disagrees with one of them (quality's
    rule) stand side by side, and no change is read. An older conflict, settled by a later report, is the quality
    page's to show: the latest report stands, and a disputed point is never the start of a change."""
    ordered = sorted(records, key=lambda r: (time_key(when_of(r)), r["as_of"], str(r["source_id"])))
    if not ordered:
        return History((), (), (), None)
    keyed = [(i, r["period"], float(r["value"]), r["as_of"]) for i, r in enumerate(ordered)]
    members = checks.conflict_members(keyed)
    last_when = time_key(when_of(ordered[-1]))
    last = [i for i, r in enumerate(ordered) if time_key(when_of(r)) == last_when]
    touching = {i for i in last if i in members}
    for i in members - set(last):
        if i in checks.conflict_members([keyed[j] for j in last] + [keyed[i]]):
            touching.add(i)
    if touching:  # the latest report and every report it disagrees with stand side by side
        conflicting = tuple(r for i, r in enumerate(ordered) if i in touching)
        latest = tuple(r for i, r in enumerate(ordered) if i in touching or i in last)
        return History(tuple(ordered), conflicting, latest, None)
    latest = tuple(ordered[i] for i in last)
    value = float(latest[-1]["value"])
    earlier = next(
        (
            r
            for i, r in reversed(list(enumerate(ordered)))
            if time_key(when_of(r)) < last_when and float(r["value"]) != value and i not in members
        ),
        None,
    )
    return History(tuple(ordered), (), latest, earlier)


def stale_note(as_of: str, today: date, lang: str) -> str | None:
    """'数据截至2024年12月，已逾一年' when the as-of ended more than a year before today, else None."""
    if not as_of or (today - checks.as_of_end(as_of)).days <= checks.STALE_AFTER_DAYS:
        return None
    end = checks.as_of_end(as_of)
    years = today.year - end.year - ((today.month, today.day) <= (end.month, end.day))  # whole years strictly past
    return t("stale_note" if years < 2 else "stale_note_years", lang, as_of=format_date(as_of, lang), years=years)


def indicator_rows(figures: pd.DataFrame, indicator_id: str) -> pd.DataFrame:
    """Every report of one indicator with its `when`, in time order, then by place and source."""
    rows = figures[figures["indicator_id"] == indicator_id]
    if rows.empty:
        return rows.assign(when=pd.Series(dtype=object))
    when = [p or a for p, a in zip(rows["period"], rows["as_of"], strict=True)]
    order = sorted(
        range(len(rows)), key=lambda i: (time_key(when[i]), str(rows["city"].iloc[i]), rows["as_of"].iloc[i])
    )
    out = rows.assign(when=when).iloc[order].reset_index(drop=True)
    return out


def conflict_flags(rows: pd.DataFrame) -> list[bool]:
    """Per row of one indicator's reports: True when the report disagrees with another of its place."""
    flags = [False] * len(rows)
    for _city, group in rows.groupby("city", sort=False, observed=True):
        columns = (group.index, group["period"], group["value"], group["as_of"])
        keyed = [(i, p, float(v), a) for i, p, v, a in zip(*columns, strict=True)]
        for i in checks.conflict_members(keyed):
            flags[rows.index.get_loc(i)] = True
    return flags


@dataclass(frozen=True)
class Slot:
    """One place of a four-city comparison: its reports at its latest time (several when they disagree)."""

    city: str  # 'hohhot' … or 'region'
    reports: tuple[dict, ...]  # () when the place has no report: an empty, labelled slot
    conflict: bool
    selected: bool = True  # False: the reader's city filter leaves it out (labelled so, not "not reported")


def city_slots(figures: pd.DataFrame, indicator_id: str, shown: tuple[str, ...] = CITY_SLOTS) -> tuple[Slot, ...]:
    """The four cities, always, in order, then the region when it has reports: each with its latest reports; a city
    outside `shown` (the city filter) keeps its place, empty, marked as not selected (`figures` may hold it)."""
    rows = figures[figures["indicator_id"] == indicator_id]
    by_city: dict[str, list[dict]] = {}
    for record in rows.to_dict("records"):
        by_city.setdefault(str(record["city"]), []).append(record)
    places = [*CITY_SLOTS, *([schema.REGION] if schema.REGION in by_city else [])]
    slots = []
    for city in places:
        selected = city == schema.REGION or city in shown
        history = read_history(by_city.get(city, []) if selected else [])
        slots.append(Slot(city, history.latest, history.is_conflict, selected))
    return tuple(slots)


def points_in_time(figures: pd.DataFrame) -> dict[str, int]:
    """Per indicator: how many distinct times (period, else as-of) its reports stand at, in any place."""
    times: dict[str, set[str]] = {}
    for indicator, period, as_of in zip(figures["indicator_id"], figures["period"], figures["as_of"], strict=True):
        times.setdefault(str(indicator), set()).add(str(period or as_of))
    return {indicator: len(whens) for indicator, whens in times.items()}


def default_indicator(figures: pd.DataFrame) -> str | None:
    """The indicator the trend page opens on without one asked for: the one reported at the most times (then the
    one reported for the most cities, then by id), so the page opens on a history, not a single point."""
    if figures.empty:
        return None
    times = points_in_time(figures)
    cities = figures[figures["city"].isin(CITY_SLOTS)].groupby("indicator_id", observed=True)["city"].nunique()
    return min(times, key=lambda i: (-times[i], -int(cities.get(i, 0)), i))


def place_cards(figures: pd.DataFrame, indicator_id: str) -> list[tuple[str, str]]:
    """The cards of one indicator, one per place it is reported for (the four cities in order, then the others)."""
    places = list(dict.fromkeys(figures.loc[figures["indicator_id"] == indicator_id, "city"].astype(str)))
    order = {c: i for i, c in enumerate(CITY_SLOTS)}
    return [(indicator_id, c) for c in sorted(places, key=lambda c: (order.get(c, len(order)), c))]
