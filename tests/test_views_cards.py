"""KPI cards as plain view models: values per locale, citations by name, conflicts and agreement."""

from hbeu_dash.views import cards
from hbeu_dash.views.filters import Filters
from tests.real_data import joined

HOHHOT_ITEMS = ("four_city_service_items", "hohhot")


def card(request: tuple[str, str], lang: str, **filters: object) -> cards.Kpi | None:
    shown = cards.build_kpis(joined(), [request], Filters(lang=lang, **filters))
    return shown[0] if shown else None


def test_conflicting_reports_show_both_values_and_both_citations() -> None:
    # Hohhot's four-city items: 561 (8th meeting interviews, Dec 2024) vs 1412 (Qingcheng Media, Feb 2025).
    zh = card(HOHHOT_ITEMS, "zh")
    assert zh.value == "561 / 1412项"
    assert zh.conflict == "⚠ 来源不一致：561（第八届市长联席会议专访 · 2024-12）；1412（青橙融媒 · 2025-02-01）"
    en = card(HOHHOT_ITEMS, "en")
    assert en.value == "561 / 1,412 items"
    assert en.conflict == (
        "⚠ Sources disagree: 561 (8th Mayors' Meeting interviews · 2024-12); 1,412 (Qingcheng Media · 2025-02-01)"
    )
    assert en.agree is None


def test_meta_line_names_period_as_of_and_sources_never_ids() -> None:
    kpi = card(("daily_trains_from_hohhot", "hohhot"), "en")
    assert kpi.value == "117 trains per day"
    assert kpi.meta == "per day · As of Feb 2025 · Source: Qingcheng Media · 2025-02-01"
    assert "0471tv" not in kpi.meta + "".join(kpi.evidence)


def test_evidence_is_quoted_with_its_translation_in_english_only() -> None:
    (quote,) = card(("daily_trains_from_hohhot", "hohhot"), "zh").evidence
    assert quote.startswith("青橙融媒 · 2025-02-01（2025年2月）：“") and "117班次" in quote
    (quote_en,) = card(("daily_trains_from_hohhot", "hohhot"), "en").evidence
    assert "117班次" in quote_en and "117" in quote_en.split("”", 1)[1]  # the English rendering after the quote


def test_agreeing_reports_are_counted() -> None:
    # Service batches: 五批 in both articles.
    kpi = card(("service_batches", "region"), "zh")
    assert kpi.value == "5批" and kpi.agree == "2 条报告一致" and kpi.conflict is None


def test_cards_follow_the_city_filter_and_keep_the_order_asked() -> None:
    requests = [("mengkeju_registered_people", "ulanqab"), HOHHOT_ITEMS, ("service_batches", "region")]
    shown = cards.build_kpis(joined(), requests, Filters(lang="en", cities=("ordos",)))
    assert [k.indicator_id for k in shown] == ["service_batches"]  # region figures concern Ordos too
    shown = cards.build_kpis(joined(), requests, Filters(lang="en"))
    assert [k.indicator_id for k in shown] == [r[0] for r in requests]


def test_a_card_names_the_reports_behind_it_for_its_paragraph_link() -> None:
    # Hohhot's four-city items: 561 (Dec 2024, the interviews) then 1412 (Feb 2025, Qingcheng Media).
    assert card(HOHHOT_ITEMS, "zh").figure_ids == ("hohhot-service-items-a", "hohhot-service-items-b")
    assert card(("daily_trains_from_hohhot", "hohhot"), "en").figure_ids == ("hohhot-daily-trains",)
