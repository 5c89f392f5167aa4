"""Read a number as the articles write it: 561, 58.76万, 4900万, 60.3亿, 四, 两, 第八届, 十三."""

import re

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
CN_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS)
_WRITTEN = re.compile(rf"^第?(?P<num>\d+(?:\.\d+)?|[{CN_CHARS}]+)(?P<big>[万亿]?)")


class NumeralError(ValueError):
    """Raised when a text does not start with a number."""


def parse_chinese_integer(text: str) -> int:
    """Parse Chinese numerals below 10,000 (八 → 8, 十三 → 13, 二百三十六 → 236)."""
    if not text:
        raise NumeralError("empty numeral")
    if all(ch in DIGITS for ch in text) and len(text) > 1:
        # digit-by-digit form, e.g. 二〇二四
        return int("".join(str(DIGITS[ch]) for ch in text))
    total, current = 0, 0
    for ch in text:
        if ch in DIGITS:
            current = DIGITS[ch]
        elif ch in SMALL_UNITS:
            total += (current or 1) * SMALL_UNITS[ch]
            current = 0
        else:
            raise NumeralError(f"not a Chinese numeral: {ch}")
    return total + current


def parse_written_number(text: str) -> float:
    """Return the value of a number as written in the source; the classifier after it is ignored."""
    match = _WRITTEN.match(text.strip())
    if not match:
        raise NumeralError(f"no number at the start of {text!r}")
    num = match.group("num")
    value = float(num) if num[0].isdigit() else float(parse_chinese_integer(num))
    if match.group("big"):
        value *= BIG_UNITS[match.group("big")]
    return round(value, 6)
