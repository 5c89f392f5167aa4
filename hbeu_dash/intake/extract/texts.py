"""What the extractor writes for a reader, in zh and en: the reasoning notes of its candidates and its messages."""

from hbeu_dash.i18n import format_date
from hbeu_dash.intake.extract.script import simplified

NOTES = {
    "relative_period": (
        "“{word}”出自{published}的文章,即{period}年。",
        "'{word}' ({gloss}) in an article of {published}: {period}.",
    ),
    "since_year": ("“{word}”:自{year}年起累计,不限于一年。", "'{word}' (since {year}): cumulative, not one year."),
    "now": ("“{word}”:即发表时({as_of})。", "'{word}' ({gloss}): at publication ({as_of})."),
    "as_of": ("“{word}”:截至{as_of}。", "'{word}': as of {as_of}."),
    "more": ("“{word}”:多于{value_text}。", "'{word}': more than {value}."),
    "approx": ("“{word}”:约数。", "'{word}': approximate."),
    "less": ("“{word}”:少于{value_text}。", "'{word}': less than {value}."),
    "range_low": ("范围“{range}”的下限。", "Lower end of the range '{range}'."),
    "range_high": ("范围“{range}”的上限。", "Upper end of the range '{range}'."),
    "new_indicator": (
        "新指标:没有单位(“{unit}”)和名称都相符的现有指标。",
        "New indicator: none matches unit '{unit}' and name.",
    ),
    "no_unit": ("新指标:原文数字后没有单位。", "New indicator: no unit follows the number."),
    "proposed_indicator": (
        "文章助手据来源 {source} 中“{words}”一语提议的新指标(数字 {figures});请核对名称、单位、领域和类型。",
        "A new indicator the article assistant proposed from the words around the number in source {source} "
        "(figure {figures}); check its name, unit, sector and measure.",
    ),
    "city_speaker": ("城市取自发言人所在单位。", "City from the speaker's office."),
    "city_anaphor": ("“{word}”指同段前文所述城市。", "'{word}' (the city): the city named before in the paragraph."),
    "city_none": ("文中未点名城市,记为四市(region)。", "No city named: recorded as the four cities (region)."),
    "unreadable": (
        "请核对:numerals 把“{value_text}”读作 {parsed},不是 {value}。",
        "Check: numerals reads '{value_text}' as {parsed}, not {value}.",
    ),
    "date_no_year": (
        "“{word}”未写年份,按发表日期({published})定为{year}年。",
        "'{word}' gives no year: {year}, from the publication date ({published}).",
    ),
    "date_relative": (
        "“{word}”出自{published}的文章,即{date}。",
        "'{word}' ({gloss}) in an article of {published}: {date}.",
    ),
    "date_context": (
        "日期据上下文推定:同段前文的会议({date})。",
        "Date from context: the meeting earlier in the paragraph ({date}).",
    ),
    "future": ("日期在发表之后:计划或目标。", "Dated after publication: a plan or a target."),
    "since_event": ("“{word}”:自此开始。", "'{word}': it began then."),
}

MESSAGES = {
    "missing": ("找不到文章文件:{path}", "article file not found: {path}"),
    "unreadable": ("无法读取 {path}:{why}", "cannot read {path}: {why}"),
    "encoding": ("{path} 不是 UTF-8 或 GB18030 文本({why})", "{path} is not UTF-8 or GB18030 text ({why})"),
    "bad_date": (
        "--published:{value!r} 不是日期;请写 YYYY-MM-DD 或 YYYY-MM",
        "--published: {value!r} is not a date; use YYYY-MM-DD or YYYY-MM",
    ),
    "bad_source_id": (
        "--source-id:{value!r} 无效;只用小写字母、数字、- 和 _",
        "--source-id: {value!r} is not valid; use lower-case letters, digits, - and _",
    ),
    "summary": (
        "{figures} 个数字候选、{events} 个事件候选({seconds:.2f} 秒)",
        "{figures} figure candidates, {events} event candidates ({seconds:.2f} s)",
    ),
    "data_problems": (
        "警告:数据有问题,指标匹配只用通过校验的表",
        "warning: the data has problems; indicator matching uses the valid tables only",
    ),
    "wrote_events": ("事件候选已写入 {path}", "event candidates written to {path}"),
    "too_long": (
        "文章有 {found} 个字符,最多 {limit} 个;请分段提取",
        "the article has {found} characters; at most {limit} are read: extract it in parts",
    ),
    "truncated": (
        "只列出前 {limit} 个数字候选;其余请分段提取",
        "only the first {limit} figure candidates are listed; extract the rest in parts",
    ),
    "cannot_write": ("无法写入 {path}:{why}", "cannot write {path}: {why}"),
    "wrote_workbook": (
        "审核工作簿已写入 {path}(含 {indicators} 个提议的新指标;英文名和 evidence_en 请分析员填写)",
        "review workbook written to {path} ({indicators} proposed new indicator(s); the English names and "
        "evidence_en are the analyst's to write)",
    ),
    "import_workbook": (
        "审核后导入(来源尚无存档原文时附上原文):python -m hbeu_dash import {path} --text {source}={article} "
        "--commit --author 姓名",
        "after review, import it (with the article as the source's text when it has none yet): "
        "python -m hbeu_dash import {path} --text {source}={article} --commit --author NAME",
    ),
}
LANG_INDEX = {"zh": 0, "en": 1}

# English for the time words the notes quote.
GLOSSES = {
    "今年": "this year",
    "本年": "this year",
    "当年": "that year",
    "去年": "last year",
    "上年": "last year",
    "前年": "the year before last",
    "明年": "next year",
    "截至目前": "to date",
    "截止目前": "to date",
    "截至当前": "to date",
    "截至今日": "to date",
    "目前": "now",
    "当前": "now",
    "现阶段": "at present",
    "如今": "nowadays",
    "迄今": "to date",
    "至今": "to date",
}
_TAIL_GLOSSES = {
    "年底": "the end of {}",
    "底": "the end of {}",
    "年末": "the end of {}",
    "末": "the end of {}",
    "年初": "the start of {}",
    "初": "the start of {}",
    "上半年": "the first half of {}",
    "下半年": "the second half of {}",
    "以来": "since the start of {}",
}
_MONTHS = ("January", "February", "March", "April", "May", "June", "July")
_MONTHS += ("August", "September", "October", "November", "December")


def gloss(word: str, tail: str = "", month: int | None = None) -> str:
    """English for a relative time word: 去年年底 → the end of last year; 去年2月 → February last year."""
    word, tail = simplified(word), simplified(tail)  # 當前 reads as 当前
    base = GLOSSES.get(word, word)
    if month:
        base = f"{_MONTHS[month - 1]} {base}"
    return _TAIL_GLOSSES[tail].format(base) if tail in _TAIL_GLOSSES else base


def note(key: str, **params: object) -> tuple[str, str]:
    """One reasoning note in (zh, en); dates in the params are formatted per language."""
    zh, en = NOTES[key]
    dates = {k: v for k, v in params.items() if k in ("published", "as_of", "date") and isinstance(v, str)}
    zh_params = params | {k: format_date(v, "zh") for k, v in dates.items()}
    en_params = params | {k: format_date(v, "en") for k, v in dates.items()}
    return zh.format(**zh_params), en.format(**en_params)


def message(key: str, lang: str, **params: object) -> str:
    """A command-line message in the chosen language."""
    return MESSAGES[key][LANG_INDEX.get(lang, 1)].format(**params)
