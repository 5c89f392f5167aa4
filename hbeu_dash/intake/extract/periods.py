"""Dates and times in an article: 2021年10月, 12月7日, 今年, 去年年底, 截至目前, …以来, resolved against its date."""

import re
from dataclasses import dataclass

from hbeu_dash.intake.extract.numbers import read_chinese_number

RELATIVE_YEARS = {"今年": 0, "本年": 0, "当年": 0, "去年": -1, "上年": -1, "前年": -2, "明年": 1}
_CN = "〇零一二三四五六七八九十"
_YEAR = rf"(?P<y>(?:19|20)[0-9]{{2}}|[{_CN}]{{4}})年"
_MONTH = r"(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月份?"
_DAY = r"(?P<d>3[01]|[12][0-9]|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号]"
_TAIL = r"(?P<tail>年底|年初|年末|上半年|下半年|以来|底|初|末)?"
_AS_OF = r"(?P<asof>截至|截止到|截止)?"
_MARKER = re.compile(
    "|".join(
        (
            rf"(?P<abs>{_AS_OF}{_YEAR}(?:{_MONTH}(?:{_DAY})?)?{_TAIL})",
            rf"(?P<rel>{_AS_OF.replace('asof', 'asof2')}(?P<word>今年|本年|当年|去年|上年|前年|明年)"
            rf"(?:{_MONTH.replace('<m>', '<m2>')}(?:{_DAY.replace('<d>', '<d2>')})?)?"
            rf"{_TAIL.replace('<tail>', '<tail2>')})",
            rf"(?P<md>{_AS_OF.replace('asof', 'asof3')}(?<![年0-9个])(?:{_MONTH.replace('<m>', '<m3>')})"
            rf"(?:{_DAY.replace('<d>', '<d3>')})?"
            rf"{_TAIL.replace('<tail>', '<tail3>')})",
            r"(?P<now>截至目前|截止目前|截至当前|截至今日|目前|当前|现阶段|如今|迄今|至今)",
            # 8日,… : a day of the article's month, as a news paragraph opens (only at a clause's start)
            r"(?P<day>(?<![月0-9年号])(?P<d4>3[01]|[12][0-9]|0?[1-9])日(?=[,，]|起|上午|下午|晚|凌晨))",
        )
    )
)
_SINCE = re.compile("以来")
_TITLES = re.compile(r"《[^《》]{0,80}》")
_COMPARED_WITH = ("比", "较", "同比", "相比")


@dataclass(frozen=True)
class TimeMarker:
    """A time expression in a paragraph (offsets into it), resolved against the article's date. Its words (text,
    relative, tail) are as the article writes them (當年, 以來 in a traditional one), to be quoted; what they mean
    (kind, iso, since) was read on the matching view."""

    start: int
    end: int
    text: str
    kind: str  # "date" (has a month), "year" (a year alone), "now", "since" (…以来, no date), "as_of" (截至…)
    iso: str  # YYYY, YYYY-MM or YYYY-MM-DD; "" when it cannot be resolved
    relative: str = ""  # 今年 / 去年年底: the year was read from the article's date
    no_year: bool = False  # 12月7日: the year was read from the article's date
    tail: str = ""  # 底, 以来, 上半年 …
    since: bool = False


@dataclass(frozen=True)
class Published:
    """The article's date, split: year, month and day (month and day may be unknown)."""

    text: str
    year: int | None
    month: int | None
    day: int | None

    @classmethod
    def parse(cls, text: str) -> "Published":
        """YYYY, YYYY-MM or YYYY-MM-DD (or "")."""
        parts = [int(p) for p in text.split("-")] if text else []
        parts += [None] * (3 - len(parts))
        return cls(text, parts[0], parts[1], parts[2])

    @property
    def month_text(self) -> str:
        """YYYY-MM (or YYYY) of the article: the as-of of what it reports."""
        return self.text[:7]


def _number(text: str | None) -> int | None:
    if not text:
        return None
    if text.isdigit():
        return int(text)
    value = read_chinese_number(text)
    return int(value) if value is not None else None


def _iso(year: int | None, month: int | None = None, day: int | None = None) -> str:
    if year is None:
        return ""
    if month is None:
        return f"{year:04d}"
    return f"{year:04d}-{month:02d}" if day is None else f"{year:04d}-{month:02d}-{day:02d}"


def find_markers(view: str, published: Published, text: str | None = None) -> list[TimeMarker]:
    """Every time expression of a paragraph, in order, read on `view` (the paragraph's matching view: full-width
    digits as ASCII, traditional as simplified) and quoted from `text` (the paragraph as written; the view when
    None); not those inside a 《title》, nor the baselines of a comparison (比去年, 去年同期)."""
    written = view if text is None else text
    titles = [m.span() for m in _TITLES.finditer(view)]
    markers = [
        marker
        for match in _MARKER.finditer(view)
        if not any(a <= match.start() < b for a, b in titles)
        and not view[: match.start()].endswith(_COMPARED_WITH)
        and not view.startswith("同期", match.end())
        and (marker := _resolve(match, published, written)) is not None
    ]
    taken = [(m.start, m.end) for m in markers]
    for match in _SINCE.finditer(view):
        if not any(a <= match.start() < b for a, b in taken):
            start, end = match.span()
            markers.append(TimeMarker(start, end, written[start:end], "since", "", since=True))
    return sorted(markers, key=lambda m: m.start)


def _resolve(match: re.Match, published: Published, written: str) -> TimeMarker | None:
    start, end = match.span()

    def quoted(group: str) -> str:  # a group as the article writes it
        return written[match.start(group) : match.end(group)] if match.group(group) else ""

    if match.group("now"):
        return TimeMarker(start, end, written[start:end], "now", published.month_text)
    if match.group("day"):
        return _day_of_month(match, published, written)
    if match.group("abs"):
        year, relative, no_year = _number(match.group("y")), "", False
        month, day, tail, as_of = _number(match.group("m")), _number(match.group("d")), "tail", "asof"
    elif match.group("rel"):
        word = match.group("word")
        year = published.year + RELATIVE_YEARS[word] if published.year else None
        month, day, tail, as_of = _number(match.group("m2")), _number(match.group("d2")), "tail2", "asof2"
        relative, no_year = quoted("word") + quoted(tail), False
    else:
        month, day, tail, as_of = _number(match.group("m3")), _number(match.group("d3")), "tail3", "asof3"
        year, relative, no_year = _year_for(month, published), "", True
    if (month is not None and not 1 <= month <= 12) or (day is not None and not 1 <= day <= 31):
        return None
    tail_read = match.group(tail) or ""
    since = tail_read == "以来"
    kind = "date" if month is not None else "year"
    if as_of and match.group(as_of):
        kind = "as_of"
        if month is None and tail_read in ("底", "末", "年底", "年末"):
            month = 12
    iso = _iso(year, month, day)
    return TimeMarker(start, end, written[start:end], kind, iso, relative, no_year, quoted(tail), since)


def _day_of_month(match: re.Match, published: Published, written: str) -> TimeMarker | None:
    """8日 opening a clause: that day of the article's month (of the month before, when the day is still to come)."""
    start, end = match.span()
    view = match.string
    if (start and view[start - 1] not in "。！？!?,，;；:：)）\n ") or published.month is None:
        return None
    year, month, day = published.year, published.month, int(match.group("d4"))
    if published.day is not None and day > published.day:
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return TimeMarker(start, end, written[start:end], "date", _iso(year, month, day), no_year=True)


def _year_for(month: int | None, published: Published) -> int | None:
    """The year of a date written without one: the article's, or the one before when the month is still to come."""
    if published.year is None:
        return None
    if published.month is not None and month is not None and month > published.month:
        return published.year - 1
    return published.year


def is_future(iso: str, published: Published) -> bool:
    """True when the date lies after the article's month (a target or a plan, not something that happened)."""
    if not iso or published.year is None:
        return False
    parts = [int(p) for p in iso.split("-")]
    if parts[0] != published.year:
        return parts[0] > published.year
    return len(parts) > 1 and published.month is not None and parts[1] > published.month
