"""KPI cards: one indicator in one city, from every report of it, with its citations and evidence."""

from dataclasses import dataclass
from datetime import date

import pandas as pd

from hbeu_dash.i18n import city_label, col, format_date, format_number, format_values, join, label, quote_evidence, t
from hbeu_dash.model import transforms
from hbeu_dash.views import trends
from hbeu_dash.views.filters import Filters

# What a page asks for: (indicator_id, city cell), e.g. ("four_city_service_items", "hohhot").
CardRequest = tuple[str, str]

# The cards each page asks for, (indicator_id, city cell), in the order shown.
# The overview's figures by sector, the most important of each first (drawn larger), in the order shown.
OVERVIEW_GROUPS: list[tuple[str, list[CardRequest]]] = [
    (
        "government_services",
        [
            ("four_city_service_items", "hohhot"),
            ("four_city_service_items", "baotou"),
            ("cross_city_cases_in_period", "hohhot"),
        ],
    ),
    (
        "transport",
        [
            ("daily_trains_from_hohhot", "hohhot"),
            ("hohhot_ulanqab_hsr_minutes", "hohhot;ulanqab"),
            ("rail_circle_target_hours", "region"),
        ],
    ),
    (
        "science_innovation",
        [
            ("mengkeju_registered_people", "ulanqab"),
            ("mengkeju_subcentres", "region"),
            ("mengkeju_registered_orgs", "ulanqab"),
        ],
    ),
    ("cooperation_planning", [("gov_agreements_signed", "region"), ("dept_agreements_signed", "region")]),
]
OVERVIEW_CARDS: list[CardRequest] = [card for _, cards in OVERVIEW_GROUPS for card in cards]
SERVICES_CARDS: list[CardRequest] = [
    ("service_batches", "region"),
    ("four_city_service_items", "hohhot"),
    ("four_city_service_items", "baotou"),
    ("service_items_adjusted", "hohhot"),
    ("cross_city_cases_in_period", "hohhot"),
    ("cross_city_cases_to_date", "baotou"),
    ("hb_service_items", "hohhot;baotou"),
    ("hb_service_channels", "hohhot;baotou"),
    ("four_city_uniform_items", "region"),
    ("four_city_uniform_item_departments", "region"),
]
SCIENCE_CARDS: list[CardRequest] = [
    ("mengkeju_subcentres", "region"),
    ("mengkeju_registered_people", "ulanqab"),
    ("mengkeju_registered_orgs", "ulanqab"),
    ("innovation_consortia", "ulanqab"),
    ("consortia_major_projects", "ulanqab"),
    ("consortia_funding", "ulanqab"),
    ("major_special_project_leads", "ulanqab"),
    ("innovation_circle_hours", "hohhot"),
    ("academicians_recruited", "ulanqab"),
    ("sanqu_talents_dispatched", "ulanqab"),
    ("skill_training_bases", "hohhot;baotou"),
]
TRANSPORT_CARDS: list[CardRequest] = [
    ("rail_circle_target_hours", "region"),
    ("road_circle_target_hours", "region"),
    ("city_circle_target_hours", "region"),
    ("daily_trains_from_hohhot", "hohhot"),
    ("car_commute_hours", "hohhot;baotou"),
    ("base_stations_5g", "hohhot"),
    # issue 17's sources: the rail links among the four cities and to Beijing, the first high-speed line
    ("four_city_emu_pairs_daily", "region"),
    ("cluster_emu_pairs_added", "region"),
    ("hohhot_baotou_beijing_pairs_daily", "hohhot;baotou"),
    ("hohhot_ulanqab_hsr_minutes", "hohhot;ulanqab"),
    ("hohhot_ulanqab_hsr_speed", "hohhot;ulanqab"),
    ("hohhot_ulanqab_hsr_km", "hohhot;ulanqab"),
    # the series in time: each card says what changed, from when to when
    ("jining_baotou_emu_minutes", "hohhot;baotou;ulanqab"),
    ("hohhot_bureau_local_train_pairs", "region"),
    ("beijing_north_terminating_trains", "region"),
]


@dataclass(frozen=True)
class Kpi:
    """What one KPI card shows: plain text, escaped by each renderer."""

    indicator_id: str
    name: str
    city: str
    value: str  # the latest value; every value when the reports disagree ('561 / 1412项')
    period: str
    as_of: str  # '截至 2024年12月' / 'As of Dec 2024'
    sources: str  # '来源:青橙融媒 · 2025-02-01' / 'Source: Qingcheng Media · 2025-02-01'
    evidence: tuple[str, ...]  # one cited quote per report
    conflict: str | None = None
    agree: str | None = None
    figure_ids: tuple[str, ...] = ()  # the reports behind the card (figures.csv ids), in the order of `evidence`
    change: str | None = None  # '144分钟(2015年1月8日)→ 134分钟(2016年1月24日)' where an earlier point differs
    spark: tuple[float, ...] = ()  # one value per point in time, oldest first (a sparkline from two points)
    stale: str | None = None  # '数据截至2024年12月,已逾一年' when the latest as-of is over a year old
    city_id: str = ""  # the city cell ('hohhot', 'hohhot;baotou', 'region')
    sector: str = ""
    change_size: float = 0.0  # the change relative to the earlier value (to rank changes), 0 without one
    direction: int = 0  # +1 the latest value is higher than the earlier one, -1 lower, 0 no change shown
    outlets: str = ""  # '来源:青橙融媒' — the sources by name only (the overview's smaller cards)

    @property
    def meta(self) -> str:
        """The line beneath the value: period · as of · sources."""
        return " · ".join([self.period, self.as_of, self.sources])


def make_kpi(records: list[dict], city: str, lang: str, today: date | None = None) -> Kpi | None:
    """The card of one indicator in one city from all its reports, or None without any: the latest value and its
    change since an earlier point, or every value when the reports disagree; stale when over a year old."""
    if not records:
        return None
    history = trends.read_history(records)
    records = list(history.records)
    latest = history.latest
    first = latest[-1]
    cite = col("cite", lang)
    evidence = tuple(
        t(
            "cited_quote",
            lang,
            source=r[cite],
            as_of=format_date(r["as_of"], lang),
            quote=quote_evidence(r["evidence"], r.get("evidence_en"), lang),
        )
        for r in records
    )
    period = format_date(first["period"], lang) if first["period"] else label("measure", first["measure"], lang)
    conflict = None
    if history.is_conflict:
        detail = join(
            [
                t("value_of_source", lang, value=format_number(r["value"], lang), source=r[cite])
                for r in history.conflicting
            ],
            lang,
            "clause_sep",
        )
        conflict = t("conflict_marker", lang, values=detail)
        values = sorted({r["value"] for r in history.conflicting} | {r["value"] for r in latest})
    else:
        values = sorted({r["value"] for r in latest})
    change = history.change(lang)
    as_of = max(r["as_of"] for r in records)
    since = trends.time_key(trends.when_of(history.earlier)) if history.earlier else None
    agreeing = [
        r
        for r in records
        if r["value"] == first["value"] and (since is None or trends.time_key(trends.when_of(r)) > since)
    ]
    outlets = {str(r[cite]).split(transforms.CITATION_SEP)[0] for r in records}
    outlet_label = "source" if len(outlets) == 1 else "sources"
    return Kpi(
        indicator_id=first["indicator_id"],
        name=first[col("indicator", lang)],
        city=city_label(city, lang),
        value=format_values(values, first["unit_zh"], first["unit_en"], lang),
        period=period,
        as_of=f"{t('as_of', lang)} {format_date(as_of, lang)}",
        sources=t("labelled", lang, label=t("source", lang), value=join(sorted({r[cite] for r in records}), lang)),
        outlets=t("labelled", lang, label=t(outlet_label, lang), value=join(sorted(outlets), lang)),
        evidence=evidence,
        conflict=conflict,
        agree=t("agree", lang, n=len(agreeing)) if not conflict and len(agreeing) > 1 else None,
        figure_ids=tuple(str(r["figure_id"]) for r in records),
        change=change.text(lang) if change else None,
        spark=history.spark if change else (),
        stale=trends.stale_note(as_of, today or date.today(), lang),
        city_id=city,
        sector=str(first.get("sector", "")),
        change_size=change.relative if change else 0.0,
        direction=(change.latest > change.earlier) - (change.latest < change.earlier) if change else 0,
    )


def build_kpis(
    figures: pd.DataFrame, cards: list[CardRequest], filters: Filters, today: date | None = None
) -> list[Kpi]:
    """The cards of the selected cities and sectors, in the order asked; cards without a report are left out."""
    keep = transforms.filter_figures(figures, filters.cities, filters.sectors)
    wanted = keep[keep["indicator_id"].isin([i for i, _ in cards])].sort_values(["as_of", "source_id"])
    reports: dict[tuple, list[dict]] = {}
    for record in wanted.to_dict("records"):  # one pass instead of a filter per card
        reports.setdefault((record["indicator_id"], record["city"]), []).append(record)
    kpis = (make_kpi(reports.get((i, c), []), c, filters.lang, today) for i, c in cards)
    return [k for k in kpis if k is not None]


# The headline figures of the presenter's first slide: eight cards, readable from the back of a room.
HEADLINE_CARDS: list[CardRequest] = [
    ("daily_trains_from_hohhot", "hohhot"),
    ("four_city_service_items", "hohhot"),
    ("service_batches", "region"),
    ("cross_city_cases_to_date", "baotou"),
    ("mengkeju_subcentres", "region"),
    ("mengkeju_registered_people", "ulanqab"),
    ("gov_agreements_signed", "region"),
    ("rail_circle_target_hours", "region"),
]
# The overview's one trend and one comparison: the service items, over time and in the four cities side by side.
OVERVIEW_TREND = "four_city_service_items"
OVERVIEW_COMPARISON = "four_city_service_items"


def build_groups(
    figures: pd.DataFrame, groups: list[tuple[str, list[CardRequest]]], filters: Filters, today: date | None = None
) -> list[tuple[str, list[Kpi]]]:
    """The cards of each sector group under the filters (a group with none left is left out), most important first."""
    built = [(sector, build_kpis(figures, cards, filters, today)) for sector, cards in groups]
    return [(sector, kpis) for sector, kpis in built if kpis]


# Every card of every page once, in page order: the briefing's key figures.
ALL_CARDS: list[CardRequest] = list(dict.fromkeys([*OVERVIEW_CARDS, *SERVICES_CARDS, *SCIENCE_CARDS, *TRANSPORT_CARDS]))
