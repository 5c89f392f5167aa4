"""Which existing indicator a number measures: the same unit, and the most of its name's words near the number."""

import re
from dataclasses import dataclass

import pandas as pd

# 个 is the all-purpose classifier: 312个高频事项 may count an indicator kept in 项.
COUNT_UNITS = ("项", "件", "家", "个", "条", "座", "批", "名", "人", "所", "部", "处", "类", "种")
# The least share of an indicator's name (as character pairs) that must occur near the number.
MIN_NAME_SHARE = 0.25
MIN_PAIRS = 2
_NOT_WORDS = re.compile(r"[^\u4e00-\u9fff0-9A-Za-z]+")


@dataclass(frozen=True)
class IndicatorKey:
    """What an indicator is matched by: its unit and the character pairs of its Chinese name."""

    indicator_id: str
    unit: str
    pairs: frozenset[str]
    measure: str


def pairs_of(text: str) -> set[str]:
    """The overlapping character pairs of a text's words (a cheap stand-in for Chinese word segmentation)."""
    out: set[str] = set()
    for word in _NOT_WORDS.split(text):
        out.update(word[i : i + 2] for i in range(len(word) - 1))
    return out


def indicator_keys(indicators: pd.DataFrame | None) -> list[IndicatorKey]:
    """The match keys of every indicator (none when the table is missing)."""
    if indicators is None or indicators.empty:
        return []
    rows = indicators[["indicator_id", "unit_zh", "name_zh", "measure"]].astype(str).itertuples(index=False)
    return [IndicatorKey(i, unit, frozenset(pairs_of(name)), measure) for i, unit, name, measure in rows]


def _unit_fit(unit: str, indicator_unit: str) -> float:
    if not unit:
        return 0.0
    if unit == indicator_unit or indicator_unit.startswith(unit + "/"):
        return 1.0  # 班次 ~ 班次/日
    if unit == "个" and indicator_unit in COUNT_UNITS:
        return 0.8
    return 0.0


def match_indicator(
    unit: str, before: str, counted: str, keys: list[IndicatorKey], in_period: bool
) -> tuple[str, float]:
    """The indicator with this unit whose name shares the most with the words before the number and what it
    counts (those count twice), and its score; ("", 0) when none shares enough."""
    near, noun = pairs_of(before + counted), pairs_of(counted)
    best, best_score = "", 0.0
    for key in keys:
        fit = _unit_fit(unit, key.unit)
        if not fit or not key.pairs:
            continue
        hits = len(key.pairs & near)
        share = min(1.0, (hits + len(key.pairs & noun)) / len(key.pairs))
        if hits < min(MIN_PAIRS, len(key.pairs)) or share < MIN_NAME_SHARE:
            continue
        score = fit * share + 0.01 * hits + (0.05 if in_period == (key.measure == "count_in_period") else 0.0)
        if score > best_score:
            best, best_score = key.indicator_id, score
    return best, round(best_score, 2)
