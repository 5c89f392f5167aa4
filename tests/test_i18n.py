"""Locale formatting and the string table."""

import pytest

from hbeu_dash import i18n, schema


@pytest.mark.parametrize(
    ("value", "zh", "en"),
    [
        (587_600, "58.76万", "587,600"),
        (49_000_000, "4900万", "49,000,000"),
        (6_030_000_000, "60.3亿", "6,030,000,000"),
        (40_000, "4万", "40,000"),
        (19_897, "19897", "19,897"),
        (1_234_567, "约123.46万", "1,234,567"),
        (561, "561", "561"),
        (None, "–", "–"),
    ],
)
def test_format_number(value: float | None, zh: str, en: str) -> None:
    assert i18n.format_number(value, "zh") == zh
    assert i18n.format_number(value, "en") == en


@pytest.mark.parametrize(
    ("value", "units", "zh", "en"),
    [
        (49_000_000, ("元", "yuan"), "4900万元", "CNY 49,000,000"),
        (1, ("小时", "hours"), "1小时", "1 hour"),
        (2, ("小时", "hours"), "2小时", "2 hours"),
    ],
)
def test_format_value(value: float, units: tuple[str, str], zh: str, en: str) -> None:
    assert i18n.format_value(value, *units, "zh") == zh
    assert i18n.format_value(value, *units, "en") == en


def test_format_values_shares_the_unit() -> None:
    assert i18n.format_values([561, 1412], "项", "items", "zh") == "561 / 1412项"
    assert i18n.format_values([561, 1412], "项", "items", "en") == "561 / 1,412 items"


@pytest.mark.parametrize(
    ("value", "zh", "en"),
    [("2024-12-07", "2024年12月7日", "7 Dec 2024"), ("2021-10", "2021年10月", "Oct 2021"), ("2025", "2025年", "2025")],
)
def test_format_date(value: str, zh: str, en: str) -> None:
    assert (i18n.format_date(value, "zh"), i18n.format_date(value, "en")) == (zh, en)


def test_every_string_has_both_languages() -> None:
    for key, (zh, en) in i18n.STRINGS.items():
        assert zh.strip() and en.strip(), key
        assert sorted(_fields(zh)) == sorted(_fields(en)), key


def _fields(text: str) -> list[str]:
    import string

    return [f for _, f, _, _ in string.Formatter().parse(text) if f]


@pytest.mark.parametrize(
    ("vocabulary", "values"),
    [
        ("city", (*schema.CITY_IDS, schema.REGION)),
        ("sector", schema.SECTORS),
        ("status", schema.PROJECT_STATUSES),
        ("project_kind", schema.PROJECT_KINDS),
        ("event_kind", schema.EVENT_KINDS),
        ("measure", schema.MEASURES),
    ],
)
def test_every_vocabulary_value_has_a_label(vocabulary: str, values: tuple[str, ...]) -> None:
    for value in values:
        zh, en = i18n.VOCABULARIES[vocabulary][value]
        assert zh.strip() and en.strip()
        assert i18n.label(vocabulary, value, "zh") == zh


def test_city_colours_are_distinct_and_cover_every_status() -> None:
    assert len({i18n.CITY_COLORS[c] for c in schema.CITY_IDS}) == 4
    assert set(i18n.STATUS_COLORS) == set(schema.PROJECT_STATUSES)
    assert i18n.city_label("hohhot;baotou", "zh") == "呼和浩特–包头"
