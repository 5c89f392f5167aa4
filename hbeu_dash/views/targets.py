"""Targets against what was measured: the 1-hour rail circle beside the latest travel time of each pair of cities.

An indicator names in `target_id` the target it is measured against (indicators.csv: the Hohhot–Ulanqab HSR's
minutes against `rail_circle_target_hours`). A target here is a ceiling, an N-hour circle: every pair of the four
cities within N hours of each other. Per pair of cities the latest measurement of the linked indicators is read in the
target's unit (hbeu_dash.model.units) with the words that bound it (两个多小时 is more than two hours, 40分钟左右 about
forty minutes), and judged: within the target, over it, about at it, or not to be told ("more than 40 minutes"
against an hour). The pairs of the cluster that no measurement covers are named. Every figure is cited, the target's
as well as the measurement's: its source and its verbatim evidence.

Renderers read `TargetCheck`: `summary(lang)`, `citations(lang)`, `rows(lang)` / `table(lang)` (the table twin),
`figure(lang)` / `chart(lang)` (hbeu_dash.graphics.target_chart). Plain text: each renderer escapes it.
"""

import itertools
import math
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from hbeu_dash.graphics import target_chart
from hbeu_dash.graphics.attribution import evidence_columns, format_citations
from hbeu_dash.graphics.charts import Chart
from hbeu_dash.i18n import city_label, col, format_date, format_value, format_values, join, quote_evidence, t
from hbeu_dash.model import schema, units
from hbeu_dash.views import trends

# A measurement against a ceiling: within it, over it, about at it (约 a value near the target), or not to be told.
MET, OVER, ABOUT, UNKNOWN = "met", "over", "about", "unknown"
VERDICTS = (MET, OVER, ABOUT, UNKNOWN)
# "About X" reads as at the target when X is within this share of it (约1小时 against 1 hour; 约40分钟 is within).
ABOUT_TOLERANCE = 0.1
# The pairs of the four cities, in the schema's order: what a circle of the cluster covers.
CLUSTER_PAIRS: tuple[tuple[str, str], ...] = tuple(itertools.combinations(schema.CITY_IDS, 2))
# Decimals a value keeps once converted (134 minutes → 2.23 hours).
CONVERTED_DECIMALS = 2

_VERDICT_KEYS = {MET: "verdict_met", OVER: "verdict_over", ABOUT: "verdict_about", UNKNOWN: "verdict_unknown"}
_BOUND_KEYS = {units.ABOUT: "bound_about", units.MORE: "bound_more", units.LESS: "bound_less"}


def judge(value: float, bound: str, target: float) -> str:
    """A measurement (in the target's unit, with the bound its words give it) against a ceiling: MET, OVER, ABOUT
    or UNKNOWN. More than 2 hours against 2 hours is over; more than 40 minutes against an hour cannot be told."""
    if bound == units.MORE:
        return OVER if value >= target else UNKNOWN
    if bound == units.LESS:
        return MET if value <= target else UNKNOWN
    if bound == units.ABOUT and abs(value - target) <= ABOUT_TOLERANCE * target:
        return ABOUT
    return MET if value <= target else OVER


def combine(verdicts: list[str]) -> str:
    """One verdict from several (reports of one time, or targets that disagree): theirs when they agree, ABOUT when
    one says about and the others one side, UNKNOWN when they point both ways."""
    found = set(verdicts)
    if len(found) == 1:
        return found.pop()
    if found in ({MET, ABOUT}, {OVER, ABOUT}):
        return ABOUT
    return UNKNOWN


def bounded_value(value: float, unit_zh: str, unit_en: str, bound: str, lang: str) -> str:
    """A value with its unit and bound: '约40分钟' / 'about 40 minutes', '多于2小时' / 'more than 2 hours'."""
    text = format_value(value, unit_zh, unit_en, lang)
    return t(_BOUND_KEYS[bound], lang, value=text) if bound in _BOUND_KEYS else text


def verdict_label(verdict: str, lang: str) -> str:
    """'在目标之内' / 'within the target', and the other verdicts."""
    return t(_VERDICT_KEYS[verdict], lang)


@dataclass(frozen=True)
class Cited:
    """One figure row as a check cites it: the value as the source words it, in the target's unit, its source and
    its verbatim evidence."""

    figure_id: str
    indicator_id: str
    indicator_zh: str
    indicator_en: str
    cities: str  # the city cell: 'hohhot;ulanqab', 'region'
    value: float
    unit_zh: str
    unit_en: str
    value_text: str  # the number as written: '40分鐘左右'
    when: str  # the period, else the as-of
    as_of: str
    cite_zh: str
    cite_en: str
    evidence: str
    evidence_en: str
    bound: str  # units.EXACT / MORE / ABOUT / LESS, from the source's words
    in_target: float  # the value in the target's unit
    target_unit_zh: str
    target_unit_en: str
    verdict: str = ""  # against the target ('' for a report of the target itself)

    def name(self, lang: str) -> str:
        """The indicator's name."""
        return getattr(self, col("indicator", lang))

    def source(self, lang: str) -> str:
        """The source, cited by name: '人民网 · 2017-08-03'."""
        return getattr(self, col("cite", lang))

    def reads(self, lang: str) -> str:
        """The value as it reads, with its bound: '约40分钟' / 'about 40 minutes'."""
        return bounded_value(self.value, self.unit_zh, self.unit_en, self.bound, lang)

    def converted(self, lang: str) -> str:
        """The value in the target's unit ('约0.67小时'), '' when the units are the same."""
        if self.unit_en == self.target_unit_en:
            return ""
        rounded = round(self.in_target, CONVERTED_DECIMALS)
        return bounded_value(rounded, self.target_unit_zh, self.target_unit_en, self.bound, lang)

    def quote(self, lang: str) -> str:
        """The verbatim evidence, quoted (with its English rendering on an English page)."""
        return quote_evidence(self.evidence, self.evidence_en, lang)

    def citation(self, lang: str) -> str:
        """'人民网 · 2017-08-03 (2017年8月): “旅途時間將由一個多小時縮短至40分鐘左右”'."""
        return t(
            "cited_quote", lang, source=self.source(lang), as_of=format_date(self.as_of, lang), quote=self.quote(lang)
        )


@dataclass(frozen=True)
class PairCheck:
    """One scope measured against the target: a pair of cities (or, when its ends cannot be told, the cities its
    figures name), its latest measurement(s) and the earlier ones."""

    ends: tuple[str, str] | None  # the two cities at the ends, in the schema's order; None when not a pair
    cities: str  # the city cell of its figures: 'hohhot;baotou;ulanqab' for a line through Hohhot
    latest: tuple[Cited, ...]  # the reports at the latest time (several when sources report it alike or not)
    earlier: tuple[Cited, ...]  # every earlier report, oldest first
    verdict: str

    @property
    def drawn(self) -> Cited:
        """The latest report a chart draws: the longest when the latest reports differ (the cautious reading)."""
        return max(self.latest, key=lambda c: c.in_target)

    @property
    def value(self) -> float:
        """The latest value in the target's unit (the longest when the latest reports differ)."""
        return self.drawn.in_target

    @property
    def bound(self) -> str:
        """The bound of the report behind `value` (units.EXACT, MORE, ABOUT or LESS)."""
        return self.drawn.bound

    def verdict_text(self, lang: str) -> str:
        """'在目标之内' / 'within the target', …"""
        return verdict_label(self.verdict, lang)

    def scope(self, lang: str) -> str:
        """'呼和浩特–乌兰察布', '包头–乌兰察布（途经呼和浩特）' / 'Baotou–Ulanqab (via Hohhot)'."""
        if self.ends is None:
            return city_label(self.cities, lang)
        ends = city_label(schema.LIST_SEP.join(self.ends), lang)
        via = [c for c in self.cities.split(schema.LIST_SEP) if c not in self.ends]
        if not via:
            return ends
        return t("scope_via", lang, ends=ends, via=join([city_label(c, lang) for c in via], lang))

    def name(self, lang: str) -> str:
        """What the latest measurement measures: '呼和浩特东至乌兰察布高铁运行时间'."""
        return join(list(dict.fromkeys(c.name(lang) for c in self.latest)), lang)

    def reads(self, lang: str) -> str:
        """The latest value(s) as they read: '约40分钟 / 40分钟' when two sources word it differently."""
        return " / ".join(dict.fromkeys(c.reads(lang) for c in self.latest))

    def converted(self, lang: str) -> str:
        """The latest value(s) in the target's unit, '' when already in it."""
        return " / ".join(dict.fromkeys(c.converted(lang) for c in self.latest if c.converted(lang)))

    def when(self, lang: str) -> str:
        """When the latest measurement stands: '2017年8月3日'."""
        return format_date(self.latest[-1].when, lang)

    def text(self, lang: str) -> str:
        """One pair in a sentence: its scope, latest value as it reads, in the target's unit, when, the verdict, and
        the earlier values ('…，在目标之内，此前为多于1小时（2017年8月）')."""
        converted = self.converted(lang)
        key = "target_pair_converted" if converted else "target_pair"
        params = {
            "scope": self.scope(lang),
            "name": self.name(lang),
            "value": self.reads(lang),
            "when": self.when(lang),
        }
        text = t(key, lang, converted=converted, verdict=verdict_label(self.verdict, lang), **params)
        if not self.earlier:
            return text
        before = [
            t("target_value_when", lang, value=c.reads(lang), when=format_date(c.when, lang)) for c in self.earlier
        ]
        return text + t("target_earlier", lang, values=join(before, lang))


@dataclass(frozen=True)
class TargetCheck:
    """A target and what was measured against it: the target's latest reports, each measured scope, and the pairs
    of the cluster that nothing measures."""

    target_id: str
    target: tuple[Cited, ...]  # the target's latest reports (several sources stating it)
    pairs: tuple[PairCheck, ...]  # measured pairs in the schema's order, then scopes that are not a pair
    missing: tuple[tuple[str, str], ...]  # the pairs of the four cities with no measurement

    @property
    def values(self) -> tuple[float, ...]:
        """The target's value(s), distinct, ascending (one unless its sources disagree)."""
        return tuple(sorted({c.value for c in self.target}))

    @property
    def value(self) -> float:
        """The target's value (the tightest when its sources disagree)."""
        return self.values[0]

    def name(self, lang: str) -> str:
        """The target indicator's name: '铁路经济圈目标时长'."""
        return self.target[-1].name(lang)

    def target_text(self, lang: str) -> str:
        """The target with its unit: '1小时' / '1 hour' ('1 / 2小时' when its sources disagree)."""
        first = self.target[-1]
        return format_values(list(self.values), first.unit_zh, first.unit_en, lang)

    def title(self, lang: str) -> str:
        """'铁路经济圈目标时长（1小时）与实测'."""
        return t("chart_target", lang, name=self.name(lang), value=self.target_text(lang))

    def missing_scopes(self, lang: str) -> list[str]:
        """The pairs nothing measures: ['呼和浩特–包头', …]."""
        return [city_label(schema.LIST_SEP.join(p), lang) for p in self.missing]

    def summary(self, lang: str) -> str:
        """The check in a few sentences: the target, each pair's latest measurement and verdict, the pairs with
        no measurement."""
        parts = [t("target_line", lang, name=self.name(lang), value=self.target_text(lang))]
        if self.pairs:
            parts.append(
                t("target_measured", lang, pairs=join([p.text(lang) for p in self.pairs], lang, "target_clause_sep"))
            )
        else:
            parts.append(t("target_nothing_measured", lang))
        if self.missing:
            parts.append(t("target_missing", lang, pairs=join(self.missing_scopes(lang), lang)))
        text = parts[0]
        for part in parts[1:]:  # sentence after sentence: nothing between them in Chinese, a space in English
            text = t("target_then", lang, before=text, after=part)
        return text

    def citations(self, lang: str) -> list[str]:
        """One line per cited report: the target's, then each pair's latest measurement, with source and evidence."""
        lines = [
            t("target_cited", lang, what=t("target_kind_target", lang), citation=c.citation(lang)) for c in self.target
        ]
        for pair in self.pairs:
            lines += [t("target_cited", lang, what=pair.scope(lang), citation=c.citation(lang)) for c in pair.latest]
        return lines

    def cited_rows(self) -> list[tuple[str, Cited | None, str]]:
        """The rows of the table twin, in order: (kind, report, scope key) — the target's reports, each pair's latest
        then earlier reports, then one row per pair nothing measures (no report)."""
        rows: list[tuple[str, Cited | None, str]] = [("target", c, "") for c in self.target]
        for index, pair in enumerate(self.pairs):
            rows += [("latest", c, str(index)) for c in pair.latest]
            rows += [("earlier", c, str(index)) for c in pair.earlier]
        rows += [("missing", None, schema.LIST_SEP.join(p)) for p in self.missing]
        return rows

    def rows(self, lang: str) -> list[dict[str, object]]:
        """The table twin as plain rows (column name → cell), for any renderer: scope, kind, indicator, value and
        unit, as written, as it reads, in the target's unit, verdict, when, as of, source and evidence."""
        kinds = {
            "target": "target_kind_target",
            "latest": "target_kind_latest",
            "earlier": "target_kind_earlier",
            "missing": "target_kind_missing",
        }
        target_unit = getattr(self.target[-1], col("unit", lang))
        records = []
        cited = [c for _, c, _ in self.cited_rows() if c is not None]
        evidence = evidence_columns([{"evidence": c.evidence, "evidence_en": c.evidence_en} for c in cited], lang)
        position = 0
        for kind, report, scope_key in self.cited_rows():
            if kind == "target":
                scope = city_label(report.cities, lang)
            elif kind == "missing":
                scope = city_label(scope_key, lang)
            else:
                scope = self.pairs[int(scope_key)].scope(lang)
            row: dict[str, object] = {t("target_scope", lang): scope, t("target_kind", lang): t(kinds[kind], lang)}
            if report is None:
                row |= {t("indicator", lang): "", t("value", lang): math.nan, t("unit", lang): ""}
                row |= {t("value_text", lang): "", t("target_reads", lang): t("target_not_measured", lang)}
                row |= {t("target_in_unit", lang, unit=target_unit): math.nan, t("target_verdict", lang): ""}
                row |= {t("target_when", lang): "", t("as_of", lang): "", t("source", lang): ""}
                row |= {name: "" for name in evidence}
            else:
                row |= {
                    t("indicator", lang): report.name(lang),
                    t("value", lang): report.value,
                    t("unit", lang): getattr(report, col("unit", lang)),
                    t("value_text", lang): report.value_text,
                    t("target_reads", lang): report.reads(lang),
                    t("target_in_unit", lang, unit=target_unit): round(report.in_target, CONVERTED_DECIMALS),
                    t("target_verdict", lang): verdict_label(report.verdict, lang) if report.verdict else "",
                    t("target_when", lang): format_date(report.when, lang),
                    t("as_of", lang): format_date(report.as_of, lang),
                    t("source", lang): report.source(lang),
                }
                row |= {name: values[position] for name, values in evidence.items()}
                position += 1
            records.append(row)
        return records

    def table(self, lang: str) -> pd.DataFrame:
        """The table twin as a DataFrame (for a chart's twin, the downloads, the briefing)."""
        return pd.DataFrame(self.rows(lang))

    def row_refs(self) -> tuple[tuple[tuple[str, tuple[str, ...]], ...], ...]:
        """Per row of the table twin, the figures row it shows (none for a pair nothing measures)."""
        return tuple(((("figures", (c.figure_id,)),) if c is not None else ()) for _, c, _ in self.cited_rows())

    def source_citations(self, lang: str) -> dict[str, str]:
        """Every source cited, by name, with the latest as-of it reports (the source line of the chart)."""
        latest: dict[str, str] = {}
        for _, report, _ in self.cited_rows():
            if report is not None:
                latest[report.source(lang)] = max(latest.get(report.source(lang), ""), report.as_of)
        return latest

    def figure(self, lang: str) -> go.Figure:
        """Horizontal bars of each pair's latest time in the target's unit, the target as a vertical line, bounds
        marked (an arrow for 'more than'), the pairs nothing measures labelled (hbeu_dash.graphics.target_chart)."""
        return target_chart.make_target_figure(self, lang)

    def chart(self, lang: str) -> Chart:
        """The figure with its summary, table twin, source line and download name: a Chart for any renderer."""
        cited = self.source_citations(lang)
        return Chart(
            figure=self.figure(lang),
            summary=self.summary(lang),
            table=self.table(lang),
            sources=format_citations(cited, lang),
            filename=f"hbeu-target-{self.target_id}-{lang}",
            title=self.title(lang),
            citations=cited,
            row_refs=self.row_refs(),
        )


def ends_of(cities: str, places: dict[str, tuple[float, float]]) -> tuple[str, str] | None:
    """The two cities a travel time runs between, in the schema's order: the two a cell names, or of three or more
    (a line through Hohhot) the two farthest apart by `places` (city → lat, lon); None otherwise."""
    named = cities.split(schema.LIST_SEP)
    if len(named) < 2 or not set(named) <= set(schema.CITY_IDS):
        return None
    if len(named) > 2:
        if not all(c in places for c in named):
            return None
        named = list(max(itertools.combinations(named, 2), key=lambda p: _distance(places[p[0]], places[p[1]])))
    return tuple(sorted(named, key=schema.CITY_IDS.index))  # type: ignore[return-value]


def _distance(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Degrees apart, longitude shrunk by latitude: enough to tell which two of four cities are farthest apart."""
    lat = math.radians((a[0] + b[0]) / 2)
    return math.hypot(a[0] - b[0], (a[1] - b[1]) * math.cos(lat))


def _cited(record: dict, target: dict, target_values: tuple[float, ...] = ()) -> Cited:
    value = float(record["value"])
    bound = units.read_bound(str(record["value_text"]), str(record["evidence"]), str(record["unit_zh"]))
    in_target = units.convert(value, str(record["unit_en"]), str(target["unit_en"]))
    verdict = combine([judge(in_target, bound, v) for v in target_values]) if target_values else ""
    return Cited(
        figure_id=str(record["figure_id"]),
        indicator_id=str(record["indicator_id"]),
        indicator_zh=str(record["indicator_zh"]),
        indicator_en=str(record["indicator_en"]),
        cities=str(record["city"]),
        value=value,
        unit_zh=str(record["unit_zh"]),
        unit_en=str(record["unit_en"]),
        value_text=str(record["value_text"]),
        when=trends.when_of(record),
        as_of=str(record["as_of"]),
        cite_zh=str(record["cite_zh"]),
        cite_en=str(record["cite_en"]),
        evidence=str(record["evidence"]),
        evidence_en=_text(record.get("evidence_en")),
        bound=bound,
        in_target=in_target,
        target_unit_zh=str(target["unit_zh"]),
        target_unit_en=str(target["unit_en"]),
        verdict=verdict,
    )


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _places(cities: pd.DataFrame | None) -> dict[str, tuple[float, float]]:
    if cities is None or not {"city_id", "lat", "lon"} <= set(cities.columns):
        return {}
    return {
        str(c): (float(lat), float(lon))
        for c, lat, lon in zip(cities["city_id"], cities["lat"], cities["lon"], strict=True)
    }


def _records(figures: pd.DataFrame, indicator_ids: list[str]) -> list[dict]:
    rows = figures[figures["indicator_id"].isin(indicator_ids)]
    records = rows.to_dict("records")
    for record in records:  # categorical cells come back as their categories; the rest as plain text
        for key, value in record.items():
            if key != "value" and not isinstance(value, str):
                record[key] = "" if pd.isna(value) else str(value)
    return records


def build_target_check(
    figures: pd.DataFrame, indicators: pd.DataFrame, target_id: str, cities: pd.DataFrame | None = None
) -> TargetCheck | None:
    """The check of one target: its latest reports, the latest measurement of each scope the indicators naming it
    in `target_id` report, the pairs with none. None when the figures hold no report of the target.

    `figures`: figures joined with indicators and sources (transforms.join_figures); `cities`: the cities table,
    whose coordinates tell the two ends of a line through three cities."""
    target_rows = _records(figures, [target_id])
    if not target_rows:
        return None
    target_history = trends.read_history(target_rows)
    target_info = target_rows[0]
    target = tuple(_cited(r, target_info) for r in target_history.latest)
    values = tuple(sorted({c.value for c in target}))
    linked = indicators[indicators["target_id"] == target_id]["indicator_id"].astype(str).tolist()
    measured = [
        r for r in _records(figures, linked) if units.convertible(str(r["unit_en"]), str(target_info["unit_en"]))
    ]
    places = _places(cities)
    by_scope: dict[str, list[dict]] = {}
    for record in measured:
        by_scope.setdefault(str(record["city"]), []).append(record)
    # Each city cell is a scope of its own: a line through Hohhot (hohhot;baotou;ulanqab) measures its two ends, not
    # the pairs it passes through, and stays apart from a journey between those two ends alone.
    pairs = []
    for cell, records in by_scope.items():
        converted = [
            {**r, "value": units.convert(float(r["value"]), str(r["unit_en"]), str(target_info["unit_en"]))}
            for r in records
        ]
        history = trends.read_history(converted)
        original = {id(c): r for c, r in zip(converted, records, strict=True)}
        latest = tuple(_cited(original[id(r)], target_info, values) for r in history.latest)
        latest_ids = {id(r) for r in history.latest}
        earlier = tuple(
            _cited(original[id(r)], target_info, values) for r in history.records if id(r) not in latest_ids
        )
        verdict = combine([c.verdict for c in latest])
        pairs.append(PairCheck(ends_of(cell, places), cell, latest, earlier, verdict))
    order = {p: i for i, p in enumerate(CLUSTER_PAIRS)}
    pairs.sort(key=lambda p: (order.get(p.ends, len(order)), p.cities))
    measured_ends = {p.ends for p in pairs}
    missing = tuple(p for p in CLUSTER_PAIRS if p not in measured_ends)
    return TargetCheck(target_id, target, tuple(pairs), missing)


def target_ids(indicators: pd.DataFrame) -> list[str]:
    """The targets some indicator is measured against, in the order of indicators.csv."""
    if "target_id" not in indicators.columns:
        return []
    named = set(indicators["target_id"].astype(str)) - {""}
    return [i for i in indicators["indicator_id"].astype(str) if i in named]


def build_target_checks(
    figures: pd.DataFrame, indicators: pd.DataFrame, cities: pd.DataFrame | None = None
) -> list[TargetCheck]:
    """Every target some indicator is measured against, with what was measured, in the order of indicators.csv
    (targets the figures hold no report of are left out). Language-free: render with `lang` at the end."""
    checks = (build_target_check(figures, indicators, i, cities) for i in target_ids(indicators))
    return [c for c in checks if c is not None]
