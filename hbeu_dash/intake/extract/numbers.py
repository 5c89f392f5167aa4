"""Find the figures of a paragraph: digits, Chinese numerals, 万/亿, percentages, ordinals, ranges, and read them.

A number is a figure candidate when something measures it: a classifier or unit after it (项、件、家、座、小时、%),
or 第…届/次 around it. What only looks like one is left out: names that contain a number (“三张交通网”、八纵八横、
一卡通、S43、5G), words built on a numeral (一体化、统一、进一步、一批), the four cities as a group (四市、两地),
list markers (一是), years, months and days (they are dates: see periods.py), codes and long digit strings.
"""

import re
from dataclasses import dataclass, replace

from hbeu_dash.intake.extract.text import ascii_view

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_BIG = {"万": 10_000, "亿": 100_000_000}
MULTIPLIERS = {"百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}

# Units of measure: after them a bare 一 is a figure too (一小时), and a short quoted name holding one is a target
# (“一小时城市圈”), not a name. Longest first.
MEASURES = tuple(
    (
        "公里/小时 千米/小时 公斤/亩 平方公里 平方千米 个百分点 千瓦时 平方米 立方米 百分点 公里 千米 小时 分钟 "
        "千瓦 兆瓦 吉瓦 公顷 公斤 千克 美元 个月 周年 亩 吨 米 元 倍 成 天 年 秒"
    ).split()
)
# Classifiers: a count of things. Longest first; 个 is handled apart (个 + a measure: 个月, 个百分点).
CLASSIFIERS = tuple(
    (
        "人次 班次 架次 车次 家次 项 件 家 批 座 名 人 位 条 所 台 辆 架 艘 处 张 份 部 类 种 户 间 场 次 届 "
        "期 轮 栋 套 只 头 株 棵 篇 款 组 支 列 趟 对 班 笔 宗 例 县 旗 区 个"
    ).split()
)
ORDINAL_UNITS = ("阶段", "季度", "届", "次", "批", "期", "轮", "名", "位")
PERCENT_SIGNS = "%％‰"
# Latin units after digits (100km, 20GW); any other letters make a name or a code (5G, 4K).
LATIN_UNITS = ("km", "kg", "kWh", "kW", "MW", "GW", "TB", "PB", "GB", "m2", "m", "t")
# Words built on a numeral (the numeral does not count anything); the number inside such a word is skipped.
IDIOMS = tuple(
    (
        "一体 统一 唯一 一致 万一 一起 十分 一度 一道 一线 一流 一带一路 三位一体 四面八方 千方百计 五湖四海 "
        "一心 一网 一卡通 一站式 一系列 一次性 一成不变 一揽子 一把手 第一时间 数以万计 数以千计 成千上万 "
        "千家万户 一方面 一手 十四五 十五五 十三五"
    ).split()
)
# The cities as a group (四市 = the four cities): a reference, not a count, unless "all N cities" follows.
CITY_GROUP = re.compile(r"(?:座|个)?(?:城市|盟市|市|城|地)")
ALL_OF_THEM = ("全部", "均", "都", "全都", "皆", "全")
CITY_PAIRS_NUMERALS = ("两", "二", "三", "四")
# Enumerations of a speech, not quantities: 从以下两个方面, 两个关键词.
RHETORICAL_AFTER = ("关键词", "主题", "原则")
RHETORICAL_BEFORE = ("从以下", "从")
QUALIFIERS_BEFORE = (
    ("将近", "approx"),
    ("接近", "approx"),
    ("大约", "approx"),
    ("约", "approx"),
    ("近", "approx"),
    ("超过", "more"),
    ("突破", "more"),
    ("逾", "more"),
    ("超", "more"),
    ("不足", "less"),
    ("不到", "less"),
)
QUALIFIERS_AFTER = (
    ("以上", "more"),
    ("多", "more"),
    ("余", "more"),
    ("许", "approx"),
    ("左右", "approx"),
    ("以下", "less"),
    ("以内", "less"),
    ("内", "less"),
)
RANGE_MARKS = "-–—~～至到"
_MONTH_RANGE = re.compile(r"[-–—~～至到](?:1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])月")
# Largest run of digits read as a figure without a unit; longer runs are codes (备案号, phone numbers).
MAX_BARE_DIGITS = 8

# Designations, never figures: roads (国道210、209, 省道), document numbers (〔2023〕12号, 内政发[2023]5号),
# phone numbers (0471-1234567), page and visit counters (访问量:207, 02版), a website or a hotline (12306网站).
DESIGNATION = re.compile(
    r"(?:国道|省道|县道|乡道)[0-9]+(?:[、和及][0-9]+)*"
    r"(?![0-9.]|\s*(?:公里|千米|米|km|座|条|处|个|项|万|亿))"
    r"|[〔\[【(（][0-9]{4}[〕\]】)）][0-9]+号"
    r"|(?<![0-9])0[0-9]{2,3}[-—][0-9]{7,8}(?![0-9])"
    r"|(?:访问量|阅读量|浏览量|点击量|浏览次数|阅读|浏览|点击)[:：]?\s*[0-9]+"
    r"|(?<![0-9.])[0-9]+\s*版(?![本图块])"
    r"|(?<![0-9.])[0-9]{3,}(?=\s*(?:网站|热线|客服|APP|app|服务热线|号码))"
)
# Times of day: 10时18分, 10点18分, 20时许, 上午10时, 晚8点 (a 时 right after a digit is a clock, 小时 a duration).
TIME_OF_DAY = re.compile(
    r"(?<![0-9.])(?:[01]?[0-9]|2[0-4])[时点][0-5]?[0-9]分(?:[0-5]?[0-9]秒)?"
    r"|(?<![0-9.小])(?:[01]?[0-9]|2[0-4])时(?:许|整|左右|前后)?"
    r"|(?:上午|下午|中午|晚上|早上|凌晨|傍晚|当晚|当天|晚|早)(?:[01]?[0-9]|2[0-4])[点时](?:[0-5]?[0-9]分|半|整|许)?"
)
# Time spans that say when, not how much: 近两年开行的, 近年来, 这三年 (a figure would name what it counts).
TIME_SPAN_BEFORE = ("近", "这", "最近", "过去", "未来")
# After a number, 内 / 以内 bound a measure (2天内, 3小时以内), never a count (第三届内蒙古…).
BOUND_AFTER_MEASURE = ("以内", "内")

_MINUTES = re.compile(r"([0-9]{1,2}|[一二三四五六七八九十]{1,3})分(?:钟)?")

_NUMBER = re.compile(
    r"(?P<pct>百分之)?(?P<ord>第)?"
    r"(?:(?P<dig>[0-9]+(?:,[0-9]{3})+(?![0-9])(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)(?P<mult>[百千万亿]*)"
    r"|(?P<cn>[零〇一二两三四五六七八九十百千万亿]+))"
)


@dataclass(frozen=True)
class Number:
    """One number found in a paragraph, with what measures it; offsets are into the paragraph."""

    start: int  # of value_text
    end: int
    value_text: str
    value: float
    unit: str  # the classifier or unit after it (项, 小时, %), "" when none
    end_of_unit: int
    ordinal: bool = False
    qualifier: str = ""  # the words saying it is approximate or a bound (约, 超过, 多)
    qualifier_kind: str = ""  # approx, more, less
    qualified_text: str = ""  # the qualifier with the number and unit, as written: 超过4万座
    written: str = ""  # as written, with its qualifier and unit: 约820亿元, 15对, 2小时14分, 第八届
    written_start: int = -1
    range_text: str = ""  # "3至5" when it is one end of a range
    range_end: str = ""  # "low" or "high"
    # How sure it is a figure: 0.9 digits with a unit, 0.8 Chinese numerals (or a unit from the range's other end),
    # 0.75 一 with a measure, 0.6 a count of the cities, 0.5 digits without a unit.
    confidence: float = 0.9


def read_chinese_number(text: str) -> float | None:
    """Read Chinese numerals (八, 十三, 二百三十六, 一万二千, 两万五, 二〇二四); None if it is not one number."""
    if not text or text[0] in CN_BIG or (text[0] in "百千" and text[1:2] not in ("万", "亿")):
        return None  # 百 or 千 alone is no number; 千亿 and 百万 are
    if all(ch in CN_DIGITS for ch in text):
        if len(text) == 1:
            return float(CN_DIGITS[text])
        if len(text) == 4 or "〇" in text or "零" in text[1:]:
            return float("".join(str(CN_DIGITS[ch]) for ch in text))  # 二〇二四: digit by digit
        return None  # 五六 = five or six: not one number
    total = 0
    rest = text
    for big, factor in (("亿", CN_BIG["亿"]), ("万", CN_BIG["万"])):
        if big in rest:
            head, _, rest = rest.partition(big)
            part = CN_UNITS[head] if head in ("百", "千") else _read_section(head)
            if part is None or part == 0 or big in rest:
                return None
            total += part * factor
            if rest and all(ch in CN_DIGITS for ch in rest) and len(rest) == 1 and rest != "零":
                return float(total + CN_DIGITS[rest] * factor // 10)  # 两万五 = 25000
    section = _read_section(rest) if rest else 0
    if section is None:
        return None
    return float(total + section)


def _read_section(text: str) -> int | None:
    """A numeral below 10,000 written with 十百千 (十三 = 13, 一千二 = 1200); None when malformed (十四五, 五六)."""
    total, current, last_unit, seen_digit = 0, None, 10_000, False
    for ch in text:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
            if current and digit:
                return None  # two digits in a row
            current, seen_digit = digit or current, True
        elif ch in CN_UNITS:
            unit = CN_UNITS[ch]
            if unit >= last_unit:
                return None
            total += (current or 1) * unit
            current, last_unit = None, unit
        else:
            return None
    if not text or not (seen_digit or text.startswith("十")):
        return None  # 百 or 千 alone is no number here
    if current:
        # 一千二 = 1200: a digit right after 百/千 counts in the next lower unit
        shorthand = last_unit >= 100 and len(text) > 1 and text[-2] in CN_UNITS
        total += current * (last_unit // 10 if shorthand else 1)
    return total


def read_digits(text: str) -> float:
    """Digits as a float (ASCII or full-width, with , thousands and a . or ． decimal point)."""
    return float(ascii_view(text).replace(",", ""))


def _masked_spans(view: str) -> list[tuple[int, int]]:
    """Spans whose numbers are names or addresses: URLs, codes such as S43 or content_80311095, 《titles》."""
    # Each pattern may start only where its run starts (the lookbehinds): from every other position a failing
    # match would rescan the same run, quadratic on a long paste.
    spans = [
        m.span()
        for m in re.finditer(
            r"(?:https?://|www\.)[\x21-\x7e]+|(?<![A-Za-z0-9.+_-])[A-Za-z0-9.+_-]{1,64}@[A-Za-z0-9-]+\.[A-Za-z0-9.]+",
            view,
        )
    ]
    spans += [m.span() for m in re.finditer(r"(?<![A-Za-z_])[A-Za-z_]+[0-9][A-Za-z0-9_./-]*", view)]
    spans += [m.span() for m in re.finditer(r"《[^《》]{0,60}》", view)]
    spans += [
        m.span()
        for m in re.finditer(
            r"(?<![0-9])(?:19|20)[0-9]{2}(?:[-/](?:1[0-2]|0?[1-9])(?![0-9.])(?:[-/](?:3[01]|[12][0-9]|0?[1-9]))?"
            r"|\.(?:1[0-2]|0?[1-9])\.(?:3[01]|[12][0-9]|0?[1-9]))(?![0-9])",
            view,
        )
    ]
    spans += [m.span() for m in re.finditer(r"(?<![0-9])[0-2]?[0-9]:[0-5][0-9](?::[0-5][0-9])?", view)]  # 12:30
    spans += [m.span() for m in DESIGNATION.finditer(view)]
    spans += [m.span() for m in TIME_OF_DAY.finditer(view)]
    return spans


def _short_quotes(view: str) -> list[tuple[int, int]]:
    """Quoted terms of up to 12 characters (“三张交通网”): names, unless they hold a measure."""
    pattern = "|".join(f"{re.escape(o)}[^{re.escape(o + c)}]{{1,12}}{re.escape(c)}" for o, c in _QUOTE_PAIRS)
    return [m.span() for m in re.finditer(pattern, view)]


_QUOTE_PAIRS = (("“", "”"), ("‘", "’"), ("「", "」"), ("『", "』"), ('"', '"'))


def _idiom_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for idiom in IDIOMS:
        start = text.find(idiom)
        while start >= 0:
            spans.append((start, start + len(idiom)))
            start = text.find(idiom, start + 1)
    return spans


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= position < b for a, b in spans)


def _match_unit(view: str, i: int) -> tuple[str, int, str]:
    """The unit right after a number at view[i]: (unit, where it ends, 多/余 when one stood before it)."""
    j, more = i, ""
    if view[j : j + 1] in ("多", "余"):
        more, j = view[j], j + 1
    if view.startswith("个", j):
        k = j + 1
        if view[k : k + 1] in ("多", "余"):
            more, k = view[k], k + 1
        for measure, unit in (("月", "个月"), ("百分点", "个百分点"), ("小时", "小时")):
            if view.startswith(measure, k):
                return unit, k + len(measure), more
        return "个", j + 1, more
    for unit in MEASURES + CLASSIFIERS:
        if view.startswith(unit, j):
            return unit, j + len(unit), more
    return "", i, ""


def _range_unit(view: str, end: int) -> str:
    """The unit of the far end of a range (三至五年 → 年), or ""."""
    far = _NUMBER.match(view, end + 1) if end < len(view) and view[end] in RANGE_MARKS else None
    return _match_unit(view, far.end())[0] if far else ""


def find_numbers(paragraph: str, view: str) -> list[Number]:
    """Every figure candidate in a paragraph (`view` is the paragraph with full-width ASCII read as ASCII)."""
    context = _Context(view, _masked_spans(view), _short_quotes(view), _idiom_spans(view))
    found: list[Number] = []
    for match in _NUMBER.finditer(view):
        if found and match.start() < found[-1].end_of_unit:
            continue  # the 14 of 2小时14分: part of the number before it
        number = _read_match(match, paragraph, context)
        if number is not None:
            found.append(number)
    return _link_ranges(found, view, paragraph)


@dataclass(frozen=True)
class _Context:
    view: str
    masked: list[tuple[int, int]]
    quotes: list[tuple[int, int]]
    idioms: list[tuple[int, int]]


def _read_match(match: re.Match, paragraph: str, ctx: _Context) -> Number | None:
    """The candidate a regex match stands for, or None when it is not a figure."""
    view = ctx.view
    start, end = match.start(), match.end()
    digits, cn, ordinal = match.group("dig"), match.group("cn"), bool(match.group("ord"))
    body = match.start("dig") if digits else match.start("cn")
    if _inside(body, ctx.masked) or _inside(body, ctx.idioms) or _after_code(view, start):
        return None
    if digits:
        mult = match.group("mult")
        if mult.endswith("千") and view[end : end + 1] in ("米", "瓦", "克"):
            mult, end = mult[:-1], end - 1  # 3千米: 千米 is the unit
        value = read_digits(digits)
        for ch in mult:
            value *= MULTIPLIERS[ch]
        n_digits = len(re.sub(r"[^0-9]", "", digits))
        year_like = n_digits == 4 and "." not in digits and not mult and 1900 <= value <= 2100
    else:
        mult, n_digits = "", 0
        value = read_chinese_number(cn)
        if value is None:
            return None
        year_like = len(cn) == 4 and 1900 <= value <= 2100
    if _is_date_part(view, start, end, value, year_like, ordinal):
        return None
    unit, unit_end, more = _match_unit(view, end)
    after = view[end:]
    if after[:1].isascii() and after[:1].isalpha():
        latin = re.match(r"[A-Za-z0-9]+", after).group(0)
        if not digits or latin not in LATIN_UNITS:
            return None  # 5G, 4K
        unit, unit_end = latin, end + len(latin)
    percent = bool(match.group("pct"))
    if percent:
        unit, unit_end = "%", end
    elif after and after[0] in PERCENT_SIGNS:
        percent, end, unit, unit_end = True, end + 1, "%", end + 1
    confidence = 0.9
    if cn and cn in CITY_PAIRS_NUMERALS and (group := CITY_GROUP.match(view, end)):
        if not view.startswith(ALL_OF_THEM, group.end()):
            return None  # 四市, 两地, 四座城市: the cities as a group
        unit, unit_end, confidence = group.group(0)[-1], group.end(), 0.6  # 四市全部建成: a count of cities
    if ordinal and unit not in ORDINAL_UNITS:
        return None  # 第一机械集团, 第1: no ordinal classifier after it
    if not unit and not ordinal:
        unit = _range_unit(view, end)
        confidence = 0.8 if unit else confidence
    if not unit:
        if cn or n_digits > MAX_BARE_DIGITS or _is_list_marker(view, start, end):
            return None
        confidence = 0.5
    if cn and not _counts(match, view, unit, unit_end, percent):
        return None
    if _inside(body, ctx.quotes) and not percent and unit not in MEASURES:
        return None  # “三张交通网”, “1+N”: a name that holds a number
    if cn and confidence == 0.9:
        confidence = 0.75 if value == 1 else 0.8
    value_start = start if ordinal or match.group("pct") else body
    value_end = unit_end if ordinal else end
    if unit == "小时" and (minutes := _MINUTES.match(view, unit_end)):
        # 2小时14分: one duration, read in minutes (numerals.parse_written_number reads it the same way)
        count = minutes.group(1)
        extra = read_digits(count) if count[0].isdigit() else read_chinese_number(count)
        if extra is not None and extra < 60:
            value, unit, unit_end = value * 60 + extra, "分钟", minutes.end()
            value_end = unit_end
    qualifier, kind, quote_start, quote_end = _qualifier(view, value_start, max(unit_end, value_end), more, unit)
    return Number(
        start=value_start,
        end=value_end,
        value_text=paragraph[value_start:value_end],
        value=round(value, 6),
        unit=unit,
        end_of_unit=max(unit_end, value_end),
        ordinal=ordinal,
        qualifier=qualifier,
        qualifier_kind=kind,
        qualified_text=paragraph[quote_start:quote_end] if qualifier else "",
        written=paragraph[quote_start:quote_end],
        written_start=quote_start,
        confidence=confidence,
    )


def _after_code(view: str, start: int) -> bool:
    """True when the number continues a code or a version: S43 is masked, but also v1.2 or 2025/02."""
    before = view[start - 1 : start] if start else ""
    return bool(before) and before.isascii() and (before.isalnum() or before in "._/\\")


def _is_date_part(view: str, start: int, end: int, value: float, year_like: bool, ordinal: bool) -> bool:
    """Years, months and days belong to dates (periods.py); a bare year (© 2023) is no figure either."""
    after = view[end:]
    if ordinal:
        return False
    if year_like and (after.startswith("年") or not (_match_unit(view, end)[0] or _range_unit(view, end))):
        return True  # 2000-3000人 is a range of people, 2000年 a year
    if after.startswith(("年代", "年度", "年初", "年底", "年末")) and value < 100:
        return True
    if (after.startswith("月") or re.match(_MONTH_RANGE, after)) and 1 <= value <= 12:
        return True  # 10月, and the 1 of 1-10月
    if after[:1] in ("日", "号") and "月" in view[max(0, start - 3) : start] and value <= 31:
        return True
    if after[:1] == "日" and value <= 31 and _opens_clause(view, start) and not after.startswith(("日游", "日均")):
        return True  # 8日,内蒙古…: the day of the article's month (periods.py dates it)
    if after.startswith("年") and view[:start].endswith(TIME_SPAN_BEFORE):
        return True  # 近两年, 近3年来, 过去五年: when, not how many
    return after.startswith("号")  # 11010802042949号, 3号线: an identifier


def _opens_clause(view: str, start: int) -> bool:
    """True when nothing but space, an opening bracket or 于/在/自 stands between the last punctuation and here."""
    head = view[max(0, start - 4) : start].rstrip(" \u3000")
    return not head or head[-1] in "。！？!?,，;；:：、(（\n" or head.endswith(("于", "在", "自", "从"))


def _counts(match: re.Match, view: str, unit: str, unit_end: int, percent: bool) -> bool:
    """Chinese numerals count only with a classifier; a bare 一 only with a measure; no speech outlines."""
    if match.group("ord"):
        return True
    if match.group("cn") == "一" and unit not in MEASURES and not percent:
        return False  # 一批, 一个园区, 一期: "a", not "one"
    if unit in ("区", "县", "旗") and match.group("cn") in CITY_PAIRS_NUMERALS:
        return False  # “三区”, 两县: places named by a number
    if any(view.startswith(noun, unit_end) for noun in RHETORICAL_AFTER):
        return False  # 两个关键词
    return not (view[: match.start()].endswith(RHETORICAL_BEFORE) and view.startswith("方面", unit_end))


def _is_list_marker(view: str, start: int, end: int) -> bool:
    """1. / 1、 / (1) at the start of a line, or a number standing alone on its line."""
    head, tail = view[:start].strip(), view[end:].strip()
    return head in ("", "(") and tail[:1] in ("", ".", "、", ")")


def _qualifier(view: str, start: int, unit_end: int, more: str, unit: str = "") -> tuple[str, str, int, int]:
    """The word before or after a number that makes it approximate or a bound: (word, kind, span of the words
    to quote with it: 超过4万座, 两个多小时, 200余家)."""
    head = view[max(0, start - 2) : start]
    for word, kind in QUALIFIERS_BEFORE:
        if head.endswith(word):
            return word, kind, start - len(word), unit_end
    if more:
        return more, "more", start, unit_end
    for word, kind in QUALIFIERS_AFTER:
        if word in BOUND_AFTER_MEASURE and unit not in MEASURES:
            continue
        if view.startswith(word, unit_end):
            return word, kind, start, unit_end + len(word)
    return "", "", start, unit_end


def _link_ranges(found: list[Number], view: str, paragraph: str) -> list[Number]:
    """3至5年, 30%-40%: both ends are kept, each told it is one; the low end borrows the high end's unit."""
    out = list(found)
    for i in range(len(out) - 1):
        low, high = out[i], out[i + 1]
        between = view[low.end_of_unit : high.start]
        if len(between) == 1 and between in RANGE_MARKS and not low.ordinal and not high.ordinal:
            text = paragraph[low.start : high.end_of_unit]
            unit = low.unit or high.unit
            confidence = max(low.confidence, high.confidence)
            # the low end is written as the whole range (3至5年, 约3至5年); the high end as itself (5年)
            written = paragraph[min(low.written_start, low.start) : high.end_of_unit]
            out[i] = replace(low, unit=unit, range_text=text, range_end="low", confidence=confidence, written=written)
            out[i + 1] = replace(high, range_text=text, range_end="high")
    return out
