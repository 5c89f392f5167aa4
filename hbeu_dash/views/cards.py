"""KPI cards: one indicator in one city, from every report of it, with its citations and evidence."""

from dataclasses import dataclass

import pandas as pd

from hbeu_dash import transforms
from hbeu_dash.filters import Filters
from hbeu_dash.i18n import city_label, col, format_date, format_number, format_values, join, label, quote_evidence, t

# What a page asks for: (indicator_id, city cell), e.g. ("four_city_service_items", "hohhot").
CardRequest = tuple[str, str]

# The cards each page asks for, (indicator_id, city cell), in the order shown.
OVERVIEW_CARDS: list[CardRequest] = [
    ("daily_trains_from_hohhot", "hohhot"),
    ("four_city_service_items", "hohhot"),
    ("four_city_service_items", "baotou"),
    ("service_batches", "region"),
    ("cross_city_cases_in_period", "hohhot"),
    ("cross_city_cases_to_date", "baotou"),
    ("mengkeju_subcentres", "region"),
    ("mengkeju_registered_people", "ulanqab"),
    ("mengkeju_registered_orgs", "ulanqab"),
    ("gov_agreements_signed", "region"),
    ("dept_agreements_signed", "region"),
    ("rail_circle_target_hours", "region"),
]
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
]


@dataclass(frozen=True)
class Kpi:
    """What one KPI card shows: plain text, escaped by each renderer."""

    indicator_id: str
    name: str
    city: str
    value: str
    period: str
    as_of: str  # '截至 2024年12月' / 'As of Dec 2024'
    sources: str  # '来源:青橙融媒 · 2025-02-01' / 'Source: Qingcheng Media · 2025-02-01'
    evidence: tuple[str, ...]  # one cited quote per report
    conflict: str | None = None
    agree: str | None = None
    figure_ids: tuple[str, ...] = ()  # the reports behind the card (figures.csv ids), in the order of `evidence`

    @property
    def meta(self) -> str:
        """The line beneath the value: period · as of · sources."""
        return " · ".join([self.period, self.as_of, self.sources])


def make_kpi(records: list[dict], city: str, lang: str) -> Kpi | None:
    """The card of one indicator in one city from all its reports (oldest first), or None without any."""
    if not records:
        return None
    first = records[-1]
    values = sorted({r["value"] for r in records})
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
    if len(values) > 1:
        detail = join(
            [t("value_of_source", lang, value=format_number(r["value"], lang), source=r[cite]) for r in records],
            lang,
            "clause_sep",
        )
        conflict = t("conflict_marker", lang, values=detail)
    return Kpi(
        indicator_id=first["indicator_id"],
        name=first[col("indicator", lang)],
        city=city_label(city, lang),
        value=format_values(values, first["unit_zh"], first["unit_en"], lang),
        period=period,
        as_of=f"{t('as_of', lang)} {format_date(max(r['as_of'] for r in records), lang)}",
        sources=t("labelled", lang, label=t("source", lang), value=join(sorted({r[cite] for r in records}), lang)),
        evidence=evidence,
        conflict=conflict,
        agree=t("agree", lang, n=len(records)) if len(values) == 1 and len(records) > 1 else None,
        figure_ids=tuple(str(r["figure_id"]) for r in records),
    )


def build_kpis(figures: pd.DataFrame, cards: list[CardRequest], filters: Filters) -> list[Kpi]:
    """The cards of the selected cities and sectors, in the order asked; cards without a report are left out."""
    keep = transforms.filter_figures(figures, filters.cities, filters.sectors)
    wanted = keep[keep["indicator_id"].isin([i for i, _ in cards])].sort_values(["as_of", "source_id"])
    reports: dict[tuple, list[dict]] = {}
    for record in wanted.to_dict("records"):  # one pass instead of a filter per card
        reports.setdefault((record["indicator_id"], record["city"]), []).append(record)
    kpis = (make_kpi(reports.get((i, c), []), c, filters.lang) for i, c in cards)
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
# Every card of every page once, in page order: the briefing's key figures.
ALL_CARDS: list[CardRequest] = list(dict.fromkeys([*OVERVIEW_CARDS, *SERVICES_CARDS, *SCIENCE_CARDS, *TRANSPORT_CARDS]))
