"""Read a number as the articles write it: 561, 1,412, 58.76万, 4900万, 60.3亿, 四, 两, 第八届, 十三, 一万二千,
百分之九十, full-width ４万; with the word that makes it approximate or a bound before it (约820亿, 超过4万, 近6个小时);
a duration in hours and minutes (2小时14分, 两小时十分钟) reads as minutes: 134."""

import re
import unicodedata

DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
BIG_UNITS = {"万": 10_000, "亿": 100_000_000, "萬": 10_000, "億": 100_000_000}  # and as traditional texts write them
CN_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS)
_LEADING = "".join(DIGITS) + "十"
# Digits (with thousands separators or not), or Chinese numerals; 百/千 may lead only a longer one (千亿, 百万).
_WRITTEN = re.compile(
    r"^第?(?:百分之)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    rf"|[{_LEADING}][{CN_CHARS}万亿萬億]*|[百千][{CN_CHARS}万亿萬億]+)(?P<big>[万亿萬億]?)"
)


# Words before a number that make it approximate or a bound (the value is the number itself). Longest first.
QUALIFIER_PREFIXES = (
    *("将近", "接近", "大约", "不足", "不到", "超过", "突破", "约", "近", "逾", "超"),
    *("將近", "大約", "超過", "約"),  # as traditional texts write them
)
_HOURS_MINUTES = re.compile(
    rf"^(?P<h>\d+|[{_LEADING}][{CN_CHARS}]*)(?:个|個)?(?:多|余)?(?:小时|小時|钟头|鐘頭)"
    rf"(?P<m>\d+|[{_LEADING}][{CN_CHARS}]*)(?:分钟|分鐘|分)"
)


class NumeralError(ValueError):
    """Raised when a text does not start with a number."""


def parse_chinese_integer(text: str) -> int:
    """Parse Chinese numerals below 10,000 (八 → 8, 十三 → 13, 二百三十六 → 236)."""
    if not text:
        raise NumeralError("empty numeral")
    if all(ch in DIGITS for ch in text) and len(text) > 1:
        # digit-by-digit form, e.g. 二〇二四
        return int("".join(str(DIGITS[ch]) for ch in text))
    total, current, last_unit = 0, 0, 0
    for ch in text:
        if ch in DIGITS:
            current = DIGITS[ch]
        elif ch in SMALL_UNITS:
            total += (current or 1) * SMALL_UNITS[ch]
            current, last_unit = 0, SMALL_UNITS[ch]
        else:
            raise NumeralError(f"not a Chinese numeral: {ch}")
    if current and last_unit >= 100 and text[-2] in SMALL_UNITS:  # 一千二 is 1200 (spoken short form), not 1002
        return total + current * last_unit // 10
    return total + current


def parse_chinese_number(text: str) -> int:
    """Chinese numerals with 万 and 亿 inside (一万二千 → 12000, 三亿零五百万 → 305000000)."""
    for unit in ("亿", "億", "万", "萬"):
        if unit in text:
            high, low = text.split(unit, 1)
            if not high:
                raise NumeralError(f"{unit} without a number before it")
            value = parse_chinese_number(high) * BIG_UNITS[unit]
            if len(low) == 1 and low in DIGITS and low not in "零〇":  # 两万五 is 25000 (spoken short form)
                return value + DIGITS[low] * BIG_UNITS[unit] // 10
            return value + (parse_chinese_number(low.lstrip("零")) if low.strip("零") else 0)
    return parse_chinese_integer(text)


def parse_written_number(text: str) -> float:
    """Return the value of a number as written in the source; the classifier after it is ignored.

    Full-width digits and points read as ASCII (NFKC); thousands separators are allowed in digits (1,412);
    百分之九十 reads as 90 (the percentage, as 90% does).
    """
    text = unicodedata.normalize("NFKC", text.strip())
    for word in QUALIFIER_PREFIXES:
        if text.startswith(word) and len(text) > len(word):
            text = text[len(word) :]
            break
    duration = _HOURS_MINUTES.match(text)
    if duration:
        hours, minutes = (_integer(duration.group(g)) for g in ("h", "m"))
        return float(hours * 60 + minutes)
    match = _WRITTEN.match(text)
    if not match:
        raise NumeralError(f"no number at the start of {text!r}")
    num = match.group("num").replace(",", "")
    value = float(num) if num[0].isdigit() else float(parse_chinese_number(num))
    if match.group("big"):
        value *= BIG_UNITS[match.group("big")]
    return round(value, 6)


def _integer(text: str) -> int:
    return int(text) if text.isdigit() else parse_chinese_integer(text)
