"""Which existing indicator a number measures (the same unit, and the most of its name's words near the number),
and the new indicators the assistant proposes for the numbers none fits (propose_indicators)."""

import re
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from hbeu_dash.model import schema

# 个 is the all-purpose classifier: 312个高频事项 may count an indicator kept in 项.
COUNT_UNITS = ("项", "件", "家", "个", "条", "座", "批", "名", "人", "所", "部", "处", "类", "种")
# The least share of an indicator's name (as character pairs) that must occur near the number.
MIN_NAME_SHARE = 0.25
MIN_PAIRS = 2
_NOT_WORDS = re.compile(r"[^\u4e00-\u9fff0-9A-Za-z]+")


@dataclass(frozen=True)
class IndicatorKey:
    """What an indicator is matched by: its unit and the character pairs of its Chinese name."""

    indicator_id: str
    unit: str
    pairs: frozenset[str]
    measure: str


def pairs_of(text: str) -> set[str]:
    """The overlapping character pairs of a text's words (a cheap stand-in for Chinese word segmentation)."""
    out: set[str] = set()
    for word in _NOT_WORDS.split(text):
        out.update(word[i : i + 2] for i in range(len(word) - 1))
    return out


def indicator_keys(indicators: pd.DataFrame | None) -> list[IndicatorKey]:
    """The match keys of every indicator (none when the table is missing)."""
    if indicators is None or indicators.empty:
        return []
    rows = indicators[["indicator_id", "unit_zh", "name_zh", "measure"]].astype(str).itertuples(index=False)
    return [IndicatorKey(i, unit, frozenset(pairs_of(name)), measure) for i, unit, name, measure in rows]


def _unit_fit(unit: str, indicator_unit: str) -> float:
    if not unit:
        return 0.0
    if unit == indicator_unit or indicator_unit.startswith(unit + "/"):
        return 1.0  # 班次 ~ 班次/日
    if unit == "个" and indicator_unit in COUNT_UNITS:
        return 0.8
    return 0.0


def match_indicator(
    unit: str, before: str, counted: str, keys: list[IndicatorKey], in_period: bool
) -> tuple[str, float]:
    """The indicator with this unit whose name shares the most with the words before the number and what it
    counts (those count twice), and its score; ("", 0) when none shares enough."""
    near, noun = pairs_of(before + counted), pairs_of(counted)
    best, best_score = "", 0.0
    for key in keys:
        fit = _unit_fit(unit, key.unit)
        if not fit or not key.pairs:
            continue
        hits = len(key.pairs & near)
        share = min(1.0, (hits + len(key.pairs & noun)) / len(key.pairs))
        if hits < min(MIN_PAIRS, len(key.pairs)) or share < MIN_NAME_SHARE:
            continue
        if fit < 1.0 and not key.pairs & noun:
            continue  # 个 counts anything: what it counts must share a word with the name (27个省区市 ≠ 创新联合体)
        score = fit * share + 0.01 * hits + (0.05 if in_period == (key.measure == "count_in_period") else 0.0)
        if score > best_score:
            best, best_score = key.indicator_id, score
    return best, round(best_score, 2)


# --- new indicators the assistant proposes (post-processing of extract_article's figures) ------------------------

# A number's unit (as numbers.py reads it) → (unit_zh the indicator keeps, unit_en). Values are in base units, so
# 3.6亿元 is 360000000 元. Units whose English depends on what is counted (个, 家, 座, 条, 份 …) are left out: their
# English is the analyst's to write.
UNIT_GLOSSARY: dict[str, tuple[str, str]] = {
    "项": ("项", "items"),
    "件": ("件", "cases"),
    "对": ("对", "pairs"),
    "趟": ("趟", "trains"),
    "列": ("列", "trains"),
    "班次": ("班次", "services"),
    "架次": ("架次", "flights"),
    "批": ("批", "batches"),
    "届": ("届", "edition"),
    "人": ("人", "people"),
    "名": ("名", "people"),
    "人次": ("人次", "person-times"),
    "户": ("户", "households"),
    "辆": ("辆", "vehicles"),
    "次": ("次", "times"),
    "公里": ("公里", "km"),
    "千米": ("公里", "km"),
    "米": ("米", "m"),
    "平方公里": ("平方公里", "km²"),
    "平方千米": ("平方公里", "km²"),
    "平方米": ("平方米", "m²"),
    "公里/小时": ("公里/小时", "km/h"),
    "千米/小时": ("公里/小时", "km/h"),
    "分钟": ("分钟", "minutes"),
    "小时": ("小时", "hours"),
    "天": ("天", "days"),
    "个月": ("个月", "months"),
    "年": ("年", "years"),
    "元": ("元", "yuan"),
    "万元": ("元", "yuan"),
    "亿元": ("元", "yuan"),
    "美元": ("美元", "US dollars"),
    "%": ("%", "percent"),
    "％": ("%", "percent"),
    "个百分点": ("个百分点", "percentage points"),
    "百分点": ("个百分点", "percentage points"),
    "吨": ("吨", "tonnes"),
    "公顷": ("公顷", "hectares"),
    "亩": ("亩", "mu"),
    "千瓦": ("千瓦", "kW"),
    "兆瓦": ("兆瓦", "MW"),
    "千瓦时": ("千瓦时", "kWh"),
}
MONEY_UNITS = ("元", "万元", "亿元", "美元")
PERCENT_UNITS = ("%", "％", "‰")
TIME_UNITS = ("分钟", "小时", "天", "个月", "年")
TRAIN_UNITS = ("趟", "列", "班次", "班", "架次")
DAILY_WORDS = ("每日", "每天", "日均", "一天", "单日")
TARGET_WORDS = ("目标", "力争", "计划", "预计", "争取", "圈")
TO_DATE_WORDS = ("累计", "截至", "截止", "至今", "已")
# Keywords of each sector (schema.SECTORS), looked for in what the number counts, then the words before it, then
# its whole evidence; the first sector with one wins.
SECTOR_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "transport",
        (
            "动车",
            "高铁",
            "列车",
            "铁路",
            "公路",
            "高速",
            "航班",
            "机场",
            "客运",
            "货运",
            "旅客",
            "班车",
            "公交",
            "通勤",
        ),
    ),
    ("government_services", ("政务", "通办", "事项", "审批", "办件", "互办", "窗口")),
    ("science_innovation", ("科技", "创新", "平台", "研发", "专利", "实验室", "孵化", "成果转化")),
    ("cooperation_planning", ("协议", "会议", "合作", "签署", "签约", "规划", "方案", "联席")),
    ("digital", ("数据", "5G", "基站", "数字", "算力", "信息化")),
    ("industry_energy", ("产业", "企业", "能源", "电力", "光伏", "风电", "氢能", "制造", "园区", "产值")),
    ("ecology", ("生态", "环保", "绿化", "造林", "治沙", "水土", "排放")),
    ("public_services_talent", ("人才", "教育", "学校", "医疗", "医院", "就业", "社保", "养老", "文旅")),
)
UNIT_SECTORS = {"趟": "transport", "列": "transport", "班次": "transport", "公里": "transport", "千米": "transport"}
# Whole Chinese names whose English is not a matter of judgement; any other name's English is the analyst's.
NAMES_EN = {"同比增长": "Year-on-year growth", "同比下降": "Year-on-year decrease", "增长": "Growth"}
MAX_NAME_CHARS = 16
# Words cut from the front of a name (the figure's own city and time carry them) and from its end (verbs and
# qualifiers that lead up to the number), longest first.
LEADING_WORDS = tuple(
    sorted(
        (
            "今年以来 今年 去年 近年来 截至目前 截止目前 目前 当前 至今 同时 其中 全市 全区 我市 本市 该市 已经 已 共 "
            "并 还 和 与 及 以及 其"
        ).split(),
        key=len,
        reverse=True,
    )
)
TRAILING_WORDS = tuple(
    sorted(
        (
            "达到了 达到 达 为 是 有 共计 合计 共 累计 已 仅需 只需 需要 需 用时 增至 增加到 增加 提升至 提高到 提高至 "
            "升至 缩短至 缩短到 缩短 减少 减少到 降至 降低 降低到 至 到 约 近 将近 接近 大约 超过 超 逾 突破 不足 "
            "不到 了 的 分别 总计 总数 总量 数量 数"
        ).split(),
        key=len,
        reverse=True,
    )
)
COUNTED_LEADS = ("以上", "左右", "以下", "以内", "多", "余", "的")
CLAUSE_MARKS = "。！？!?，,；;：:、"
EDGE_CHARS = " \u3000·"
_QUOTES = (("“", "”"), ("‘", "’"), ("《", "》"), ("(", ")"), ("(", ")"))
# The city (or cities) a name begins with, the subject of the sentence: the figure's `city` says it. Not a route
# or a pair (呼和浩特至鄂尔多斯, 包头市与鄂尔多斯市): those are what the indicator measures.
_CITY_SUBJECT = re.compile(
    r"^(?:(?:呼和浩特|包头|鄂尔多斯|乌兰察布)市?|呼市|首府|呼包鄂乌|呼包鄂|四市|四城|四地|两市|两地|两城|三市|三地)"
)
_ROUTE_MARKS = "至到与和及、同"


@dataclass(frozen=True)
class _Proposal:
    """What a figure without an indicator says about the indicator it needs."""

    unit: str  # as the number's
    counted: str  # the words after its unit (what it counts)
    before: str  # the words of its clause before it
    name_zh: str
    ordinal: bool


def _cjk_count(text: str) -> int:
    """How many Chinese characters the text has."""
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")


def _balanced(text: str) -> str:
    """The text without quote marks when they do not pair up (a cut in the middle of “…” leaves one)."""
    for opening, closing in _QUOTES:
        if text.count(opening) != text.count(closing):
            text = text.replace(opening, "").replace(closing, "")
    return text


def _strip_words(text: str, leading: tuple[str, ...], trailing: tuple[str, ...]) -> str:
    """The text without the city it begins with and the leading and trailing words that are not its name."""
    changed = True
    while changed and text:
        changed = False
        text = text.strip(EDGE_CHARS)
        match = _CITY_SUBJECT.match(text)
        if match and match.end() < len(text) and text[match.end()] not in _ROUTE_MARKS:
            text, changed = text[match.end() :], True
        for word in leading:
            if text.startswith(word) and len(text) > len(word):
                text, changed = text[len(word) :], True
                break
        for word in trailing:
            if text.endswith(word) and len(text) > len(word):
                text, changed = text[: -len(word)], True
                break
    text = _balanced(text).strip(EDGE_CHARS)
    return text if _cjk_count(text) else ""


def _read_figure(evidence: str, value_text: str, value: str) -> _Proposal | None:
    """The number of a figure read again from its evidence (its unit, what it counts, the words before it)."""
    from hbeu_dash.intake.extract.figures import format_value
    from hbeu_dash.intake.extract.numbers import find_numbers
    from hbeu_dash.intake.extract.text import ascii_view

    # The figure's value_text is the number as written, or with its qualifier and unit (约820亿元, 58分钟).
    found = [n for n in find_numbers(evidence, ascii_view(evidence)) if n.value_text and n.value_text in value_text]
    numbers = sorted(found, key=lambda n: (n.value_text != value_text, format_value(n.value) != value))
    number = numbers[0] if numbers else None
    if number is None or not number.unit:
        return None
    head = evidence[: number.start]
    before = head[max((head.rfind(c) for c in CLAUSE_MARKS), default=-1) + 1 :]
    tail = evidence[number.end_of_unit :]
    stop = min([tail.find(c) for c in CLAUSE_MARKS if c in tail] + [len(tail), MAX_NAME_CHARS])
    counted = tail[:stop]
    for lead in COUNTED_LEADS:
        counted = counted.removeprefix(lead)
    counted_name = _strip_words(counted, (), TRAILING_WORDS)
    before_name = _strip_words(before, LEADING_WORDS, TRAILING_WORDS)
    name = counted_name if _cjk_count(counted_name) >= 2 else before_name
    if len(name) > MAX_NAME_CHARS:
        name = name[-MAX_NAME_CHARS:]
    return _Proposal(number.unit, counted, before, name, number.ordinal or value_text.startswith("第"))


def _sector(proposal: _Proposal, evidence: str) -> str:
    """The sector of the first keyword in what the number counts, the words before it, its evidence ("" if none:
    the analyst chooses, and validation says the cell is empty)."""
    for words in (proposal.counted, proposal.before, evidence):
        for sector, keywords in SECTOR_KEYWORDS:
            if sector in schema.SECTORS and any(k in words for k in keywords):
                return sector
    return UNIT_SECTORS.get(proposal.unit, "")


SPEED_UNITS = ("公里/小时", "千米/小时")
LENGTH_UNITS = ("公里", "千米", "米", "km", "m")


def _measure(proposal: _Proposal, period: str, daily: bool) -> str:
    """What kind of number it is, from its unit and the words around it (schema.MEASURES)."""
    context = proposal.before + proposal.counted
    if proposal.unit in PERCENT_UNITS or proposal.unit in ("个百分点", "百分点"):
        return "share" if "share" in schema.MEASURES else "count"
    if proposal.unit in MONEY_UNITS:
        return "money"
    if proposal.ordinal:
        return "ordinal"
    if daily:
        return "daily_frequency"
    if any(w in context for w in TARGET_WORDS):
        return "target"
    if proposal.unit in TIME_UNITS:
        return "duration"
    if proposal.unit in SPEED_UNITS:
        return "speed"
    if proposal.unit in LENGTH_UNITS:
        return "length"
    if period:
        return "count_in_period"
    if any(w in context for w in TO_DATE_WORDS):
        return "count_to_date"
    return "count"


def _units(proposal: _Proposal, daily: bool) -> tuple[str, str]:
    """unit_zh and unit_en (empty when the glossary has no honest English for the unit); per day for trains."""
    unit_zh, unit_en = UNIT_GLOSSARY.get(proposal.unit, (proposal.unit, ""))
    if daily:
        return f"{unit_zh}/日", f"{unit_en} per day" if unit_en else ""
    return unit_zh, unit_en


def _indicator_id(sector: str, unit_en: str, measure: str, taken: set[str]) -> str:
    """A readable id from the sector and the unit (or the measure): transport_trains_per_day, …_2 when taken."""
    unit = re.sub(r"[^a-z0-9]+", "_", unit_en.lower()).strip("_")
    base = "_".join(p for p in (sector or "new_indicator", unit or measure) if p)
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}_{n}", n + 1
    return candidate


def propose_indicators(
    figures: pd.DataFrame, tables: Mapping[str, pd.DataFrame] | None, source_id: str
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """New indicators for the figure candidates no existing indicator fits, and the candidates citing them.

    For each candidate without an indicator_id whose number has a unit: one indicator per distinct (unit, name),
    named in Chinese by the words the number counts (else the words of its clause before it), its unit in zh/en
    from UNIT_GLOSSARY, its sector and measure guessed from keywords, and a note saying it was proposed and from
    which figure. Its English name is left empty (the analyst's to write: intake says so) unless NAMES_EN has the
    whole name. An indicator of the data with the same Chinese name and unit is used instead of a new one.
    Returns (the figures with the proposed ids filled in, the proposed rows in indicators.csv's columns).
    """
    from hbeu_dash.intake.extract.texts import note

    tables = tables or {}
    existing = tables.get("indicators")
    taken = set(existing["indicator_id"].astype(str)) if existing is not None else set()
    named = existing[["indicator_id", "name_zh", "unit_zh"]].astype(str) if existing is not None else None
    same = {(n, u): i for i, n, u in named.itertuples(index=False)} if named is not None else {}
    out = figures.copy()
    rows: dict[tuple[str, str], dict[str, str]] = {}
    cited: dict[str, list[str]] = {}
    for index, row in out.iterrows():
        if str(row.get("indicator_id", "")).strip():
            continue
        evidence = str(row.get("evidence", ""))
        proposal = _read_figure(evidence, str(row.get("value_text", "")), str(row.get("value", "")))
        if proposal is None or not proposal.name_zh:
            continue
        daily = proposal.unit in TRAIN_UNITS and any(w in proposal.before + proposal.counted for w in DAILY_WORDS)
        unit_zh, unit_en = _units(proposal, daily)
        key = (proposal.name_zh, unit_zh)
        # An indicator of the data named by these very words (before they were trimmed) and with this unit.
        reuse = next(
            (
                same[k]
                for k in ((w.strip(EDGE_CHARS), unit_zh) for w in (proposal.name_zh, proposal.before))
                if k in same
            ),
            None,
        )
        if reuse is not None:
            out.at[index, "indicator_id"] = reuse
            continue
        if key not in rows:
            sector = _sector(proposal, evidence)
            measure = _measure(proposal, str(row.get("period", "")), daily)
            indicator_id = _indicator_id(sector, unit_en, measure, taken)
            taken.add(indicator_id)
            rows[key] = {
                "indicator_id": indicator_id,
                "sector": sector,
                "name_zh": proposal.name_zh,
                "name_en": NAMES_EN.get(proposal.name_zh, ""),
                "unit_zh": unit_zh,
                "unit_en": unit_en,
                "measure": measure,
            }
        indicator_id = rows[key]["indicator_id"]
        out.at[index, "indicator_id"] = indicator_id
        cited.setdefault(indicator_id, []).append(str(row.get("figure_id", "")))
    for record in rows.values():
        words = record["name_zh"]
        ids = ", ".join(i for i in cited[record["indicator_id"]] if i)
        record["note_zh"], record["note_en"] = note("proposed_indicator", words=words, source=source_id, figures=ids)
    columns = schema.INDICATORS.columns
    indicators = pd.DataFrame([{c: r.get(c, "") for c in columns} for r in rows.values()], columns=columns).astype(str)
    return out, indicators
