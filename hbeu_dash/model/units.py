"""Units a value converts between (hours ↔ minutes), in one table, and the words that make a value a bound: 两个多小时
is more than two hours, 40分钟左右 about forty minutes, 不到2小时 under two."""

import re
import unicodedata

# Per unit, as indicators.csv names it in `unit_en`: (dimension, how many of the dimension's base unit it holds).
# Two units convert when they share a dimension; a unit converts to itself whether it is listed or not.
CONVERSIONS: dict[str, tuple[str, float]] = {
    "minutes": ("time", 1.0),
    "hours": ("time", 60.0),
    "days": ("time", 1440.0),
}

# What a written value says of the number in it: exactly it, more than it, about it, or less than it.
EXACT, MORE, ABOUT, LESS = "exact", "more", "about", "less"
# Words before the number (longest first, so 将近 is not read as 近).
BOUND_BEFORE = (
    ("将近", ABOUT),
    ("接近", ABOUT),
    ("大约", ABOUT),
    ("不足", LESS),
    ("不到", LESS),
    ("超过", MORE),
    ("突破", MORE),
    ("约", ABOUT),
    ("近", ABOUT),
    ("逾", MORE),
    ("超", MORE),
)
# Words after the number and its unit (以上, 左右), or between them (两个多小时, 40余分钟).
BOUND_AFTER = (("以上", MORE), ("以下", LESS), ("以内", LESS), ("左右", ABOUT), ("前后", ABOUT), ("许", ABOUT))
BOUND_INSIDE = {"多": MORE, "余": MORE}
# Traditional characters of these words and of the time units, read as simplified (one character for one, so every
# position in the text stays where it was: the people.com.cn report of 2017 writes 一個多小時, 40分鐘左右).
_SIMPLIFIED = str.maketrans("個時鐘頭內後許餘過約將", "个时钟头内后许余过约将")
_TIME_UNITS = ("小时", "钟头", "分钟", "分", "天", "日")
_NUMBER = re.compile(r"[0-9.,]+|[〇零一二两三四五六七八九十百千万亿]+")


def convertible(unit: str, target: str) -> bool:
    """True when a value in `unit` can be stated in `target` (the same unit, or two units of one dimension)."""
    if unit == target:
        return True
    a, b = CONVERSIONS.get(unit), CONVERSIONS.get(target)
    return a is not None and b is not None and a[0] == b[0]


def convert(value: float, unit: str, target: str) -> float:
    """`value` in `unit` stated in `target`: 134 minutes → 2.2333… hours. ValueError when they do not convert."""
    if unit == target:
        return value
    if not convertible(unit, target):
        raise ValueError(f"{unit} does not convert to {target}")
    return value * CONVERSIONS[unit][1] / CONVERSIONS[target][1]


def read_bound(value_text: str, evidence: str, unit_zh: str = "") -> str:
    """What the source's words say of its number: EXACT, MORE (两个多小时, 2小时以上, 超过2小时), ABOUT (约40分钟,
    40分钟左右) or LESS (不到2小时).

    `value_text` is the number as written and stands in `evidence` (the loaders check it); it may carry its
    qualifier itself (一個多小時, 40分鐘左右) or leave it to the evidence around it (两 in 单程需两个多小时). The
    first place the evidence holds `value_text` is read.
    """
    text = unicodedata.normalize("NFKC", evidence).translate(_SIMPLIFIED)
    written = unicodedata.normalize("NFKC", value_text).translate(_SIMPLIFIED)
    at = text.find(written)
    if at < 0:
        text, at = written, 0
    before = text[:at]
    for word, bound in BOUND_BEFORE:
        if before.endswith(word):
            return bound
    rest = text[at:]
    number = _NUMBER.match(rest)
    rest = rest[number.end() :] if number else rest[len(written) :]
    rest = rest.removeprefix("个")
    if rest[:1] in BOUND_INSIDE:
        return BOUND_INSIDE[rest[0]]
    rest = rest.removeprefix("个")
    for unit in sorted({unit_zh, *_TIME_UNITS} - {""}, key=len, reverse=True):
        if rest.startswith(unit):
            rest = rest[len(unit) :]
            break
    # 2小时14分: the minutes are part of the value as written, not a bound.
    rest = re.sub(r"^[0-9〇零一二两三四五六七八九十]+(?:分钟|分)", "", rest)
    if rest[:1] in BOUND_INSIDE:  # 2小时多
        return BOUND_INSIDE[rest[0]]
    for word, bound in BOUND_AFTER:
        if rest.startswith(word):
            return bound
    return EXACT
