"""Numbers, values with their units and dates as a reader of each language writes them (万/亿 in zh).

Babel (CLDR) does what it does as well as we would, and ours does the rest; function by function:
- format_number: digit grouping and the decimal point are Babel's `format_decimal` (en: 587,600; zh: no grouping).
  万/亿 are ours. Babel's `format_compact_decimal` writes the same 58.76万 / 60.3亿 when the number is exact in
  hundredths of its unit, but it always rounds (19897 → 1.99万, 1230001 → 123万) and says nothing of it: a figure
  the sources give to the unit would lose digits without a mark. Ours keeps every digit below a million, writes
  约 where it rounds, and stays in 亿 where Babel turns to 万亿 (10000亿, not 1万亿).
- format_value / format_values: ours. Our units are the data's words (项, items, 公里), not CLDR unit ids, and a sum
  in yuan reads 'CNY 49,000,000' (Babel's currency format gives 'CN¥49,000,000.00').
- format_date: ours, with CLDR's English month abbreviations. The data's dates are partial (2025, 2021-10) and the
  assistant's readings of an article are not yet proven calendar dates (2月30日), while Babel formats only a real
  date. The patterns are CLDR's (zh's long y年M月d日, en_GB's medium d MMM y), pinned by tests/test_i18n.py.
"""

from babel.dates import get_month_names
from babel.numbers import format_decimal

from hbeu_dash.i18n.catalogue import t

# The English units whose singular a value of 1 takes ('1 hour').
SINGULAR = {"hours": "hour", "years": "year", "days": "day", "people": "person", "items": "item", "cases": "case"}
# Jan … Dec, CLDR's abbreviations in English (en, not en_GB: 'Sep', not 'Sept').
MONTHS_EN = tuple(get_month_names("abbreviated", locale="en").values())


def format_number(value: float | int | None, lang: str) -> str:
    """A number for display: 58.76万 / 4900万 / 60.3亿 in zh when exact, 587,600 in en."""
    if value is None or value != value:  # None or NaN
        return "–"
    if lang == "zh":
        for unit, size in (("亿", 100_000_000), ("万", 10_000)):
            if abs(value) >= size:
                scaled = value / size
                if abs(round(scaled, 2) - scaled) < 1e-9:
                    return f"{round(scaled, 2):g}{unit}"
                if abs(value) >= 1_000_000:  # too long to read exactly; say it is rounded
                    return f"约{scaled:.2f}{unit}"
        return format_decimal(value, locale="zh_CN", group_separator=False)
    return format_decimal(value, locale="en")


def format_value(value: float | None, unit_zh: str, unit_en: str, lang: str) -> str:
    """A number with its unit: '58.76万件', '587,600 cases', '4900万元', 'CNY 49,000,000'."""
    number = format_number(value, lang)
    if lang == "zh":
        return f"{number}{unit_zh}"
    if unit_en == "yuan":
        return f"CNY {number}"
    if value == 1:
        unit_en = SINGULAR.get(unit_en, unit_en)
    return f"{number}%" if unit_en == "%" else f"{number} {unit_en}"


def format_values(values: list[float], unit_zh: str, unit_en: str, lang: str) -> str:
    """Several values sharing one unit: '561 / 1412项', '561 / 1,412 items'."""
    if len(values) == 1:
        return format_value(values[0], unit_zh, unit_en, lang)
    numbers = " / ".join(format_number(v, lang) for v in values)
    if lang == "zh":
        return f"{numbers}{unit_zh}"
    if unit_en == "%":
        return " / ".join(f"{format_number(v, lang)}%" for v in values)
    return f"CNY {numbers}" if unit_en == "yuan" else f"{numbers} {unit_en}"


def format_date(value: str, lang: str) -> str:
    """A partial date for display: '2024年12月7日' / '7 Dec 2024'; '' → undated."""
    if not value:
        return t("undated", lang)
    parts = [int(p) for p in value.split("-")]
    if lang == "zh":
        return "".join(f"{p}{u}" for p, u in zip(parts, ("年", "月", "日"), strict=False))
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return f"{MONTHS_EN[parts[1] - 1]} {parts[0]}"
    return f"{parts[2]} {MONTHS_EN[parts[1] - 1]} {parts[0]}"
