"""Columns and languages: which column holds a text in the reader's language (`col`, `original_columns`), and what
each column of an upload template means (COLUMN_HELP, the template's explanation row)."""

from hbeu_dash.i18n.vocabularies import MEASURE_NAMES, SECTOR_NAMES


def col(base: str, lang: str) -> str:
    """The column holding `base` in `lang`: col("indicator", "zh") → "indicator_zh" (one place for column picks)."""
    return f"{base}_{lang}"


def original_columns(base: str, lang: str) -> tuple[str, ...]:
    """The columns of a Chinese original a reader sees (evidence, a source's title): the original, and on an
    English page its English rendering (`<base>_en`) beside it."""
    return (base,) if lang == "zh" else (base, f"{base}_en")


# What each column of an upload template means (the template's explanation row), (zh, en).
COLUMN_HELP: dict[str, tuple[str, str]] = {
    "figure_id": ("必填，唯一 id：小写字母、数字、- 或 _", "required, unique id: lower-case letters, digits, - or _"),
    "project_id": ("必填，项目 id；同一项目的多次报道用同一 id", "required, project id, the same in every report"),
    "event_id": ("事件 id：小写字母、数字、- 或 _", "event id: lower-case letters, digits, - or _"),
    "source_id": ("必填，sources.csv 中的来源 id", "required, a source id from sources.csv"),
    "indicator_id": ("必填，indicators.csv 中的指标 id", "required, an indicator id from indicators.csv"),
    "city": ("hohhot、baotou、ordos、ulanqab 或 region", "hohhot, baotou, ordos, ulanqab or region"),
    "cities": ("城市 id，用半角分号分隔，或 region", "city ids separated by ;, or region"),
    "value": (
        "数值，基本单位，不带 万/亿 和千位分隔符（如 587600）",
        "the number in base units, no 万/亿 or separators",
    ),
    "value_text": (
        "原文写法（如 58.76万件），须出现在 evidence 中",
        "as the source writes it (58.76万件), in evidence",
    ),
    "period": ("统计期（如 2024 或 2024-12），没有则留空", "the period counted (e.g. 2024), or empty"),
    "as_of": ("截至日期 YYYY、YYYY-MM 或 YYYY-MM-DD", "as-of date YYYY, YYYY-MM or YYYY-MM-DD"),
    "speaker_zh": ("讲话人（中文），没有则留空", "speaker in Chinese, or empty"),
    "speaker_en": ("讲话人（英文），与 speaker_zh 同填或同空", "speaker in English; filled when speaker_zh is"),
    "evidence": ("必填，来源原文片段（逐字，≤80 字）", "required, the source's words, verbatim (≤ 80 characters)"),
    "evidence_en": (
        "evidence 的忠实英文译文（≤200 字符）；没有就留空，英文页面标注“英文译文待补”",
        "a faithful English rendering of the evidence (≤ 200 characters); leave empty until written: English pages "
        "mark it 'English evidence pending'",
    ),
    "note_zh": ("备注（中文），可留空", "note in Chinese, optional"),
    "note_en": ("备注（英文），与 note_zh 同填或同空", "note in English; filled when note_zh is"),
    "name_zh": ("必填，中文名称", "required, the name in Chinese"),
    "name_en": ("必填，英文名称", "required, the name in English"),
    "kind": ("必填，类别（取值见 docs/data.md）", "required, the kind (the values are in docs/data.md)"),
    "status": ("必填，阶段：planned、under_construction、completed 等", "required, stage: planned, completed, …"),
    "status_text": ("原文中的阶段说法，须出现在 evidence 中", "the stage as the source words it, in evidence"),
    "date": ("日期 YYYY、YYYY-MM 或 YYYY-MM-DD", "date YYYY, YYYY-MM or YYYY-MM-DD"),
    "date_text": ("原文中的日期说法，须出现在 evidence 中", "the date as the source words it, in evidence"),
    "title_zh": ("必填，中文标题", "required, the title in Chinese"),
    "title_en": ("必填，英文标题", "required, the title in English"),
    "title": ("必填，原文标题", "required, the title as published"),
    "outlet_zh": ("媒体或发布机构（中文）", "outlet or publisher in Chinese"),
    "outlet_en": ("媒体或发布机构（英文）", "outlet or publisher in English"),
    "published": ("发布日期 YYYY、YYYY-MM 或 YYYY-MM-DD", "publication date YYYY, YYYY-MM or YYYY-MM-DD"),
    "url": ("网址，没有则留空", "URL, or empty"),
    "language": ("原文语言：zh 或 en", "language of the source: zh or en"),
    # indicators.csv (a new indicator comes with the figures that need it); the values are the vocabularies' ids
    "sector": (
        "必填，领域：" + "、".join(SECTOR_NAMES),
        "required, sector: " + ", ".join(SECTOR_NAMES),
    ),
    "unit_zh": ("必填，单位（中文，如 项、公里、元）", "required, the unit in Chinese (e.g. 项, 公里, 元)"),
    "unit_en": ("必填，单位（英文，如 items、km、yuan）", "required, the unit in English (e.g. items, km, yuan)"),
    "measure": (
        "必填，类型：" + "、".join(MEASURE_NAMES),
        "required, measure: " + ", ".join(MEASURE_NAMES),
    ),
    "target_id": (
        "可留空：本指标对照的目标指标 id（measure 为 target，单位可换算，如分钟对小时）",
        "optional: the id of the target this indicator is measured against (measure target, a unit that converts, "
        "e.g. minutes to hours)",
    ),
    # analyst's source texts (ui/entry.py, ui/article.py): filled in when a text is attached in the app
    "text_sha256": (
        "留空：在“来源原文”中附上原文后自动填写",
        "leave empty: filled in when you attach the text under 'Source texts'",
    ),
    "retrieved": (
        "读取原文的日期 YYYY-MM-DD；附上原文时填写",
        "the day the text was read, YYYY-MM-DD; set when attached",
    ),
    "retrieved_from": (
        "读取原文的网址（与 url 不同时，如转载页），可留空",
        "where the text was read, when not the url (a reprint), or empty",
    ),
}
