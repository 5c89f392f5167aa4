"""Every UI string in zh and en, vocabulary labels, and locale number formatting (万/亿 in zh)."""

from babel.numbers import format_decimal

from hbeu_dash import schema

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"

# One colour per city on every chart and the map (Okabe–Ito, colour-blind safe).
CITY_COLORS = {
    "hohhot": "#0072B2",
    "baotou": "#E69F00",
    "ordos": "#009E73",
    "ulanqab": "#CC79A7",
    "region": "#555555",
    "multi": "#8C8C8C",
}
# Project stages, light to dark along the stage order (colour-blind safe, viridis-like); no stage = grey.
STATUS_COLORS = {
    "proposed": "#FDE725",
    "planned": "#B5DE2B",
    "preliminary_work": "#6CCE59",
    "under_construction": "#1F9E89",
    "main_works_completed": "#26828E",
    "completed": "#3E4989",
    "in_operation": "#440154",
    "promoted": "#A0A0A0",
}

CITY_NAMES = {
    "hohhot": ("呼和浩特", "Hohhot"),
    "baotou": ("包头", "Baotou"),
    "ordos": ("鄂尔多斯", "Ordos"),
    "ulanqab": ("乌兰察布", "Ulanqab"),
    "region": ("四市", "Four cities"),
}
SECTOR_NAMES = {
    "government_services": ("政务服务", "Government services"),
    "science_innovation": ("科技创新", "Science & innovation"),
    "transport": ("交通", "Transport"),
    "cooperation_planning": ("合作与规划", "Cooperation & planning"),
    "industry_energy": ("产业与能源", "Industry & energy"),
    "ecology": ("生态", "Ecology"),
    "public_services_talent": ("公共服务与人才", "Public services & talent"),
    "digital": ("数字", "Digital"),
}
STATUS_NAMES = {
    "proposed": ("争取纳入规划", "Proposed"),
    "planned": ("计划", "Planned"),
    "preliminary_work": ("前期工作", "Preliminary work"),
    "under_construction": ("在建", "Under construction"),
    "main_works_completed": ("主体完工", "Main works completed"),
    "completed": ("建成", "Completed"),
    "in_operation": ("运营中", "In operation"),
    "promoted": ("推进中(阶段未说明)", "Being promoted (stage not stated)"),
}
PROJECT_KIND_NAMES = {
    "expressway": ("高速公路", "Expressway"),
    "highway": ("公路", "Road"),
    "high_speed_rail": ("高铁", "High-speed rail"),
    "rail_service": ("铁路客运", "Rail service"),
    "bridge": ("桥梁", "Bridge"),
    "airport": ("机场", "Airport"),
    "intercity_bus": ("城际公交", "Intercity bus"),
    "coach_service": ("定制客运", "Coach service"),
    "freight": ("货运物流", "Freight"),
    "data": ("数据", "Data"),
    "platform": ("平台", "Platform"),
}
EVENT_KIND_NAMES = {
    "plan": ("规划", "Plan"),
    "policy": ("政策", "Policy"),
    "meeting": ("会议", "Meeting"),
    "agreement": ("协议", "Agreement"),
    "launch": ("启动", "Launch"),
    "target": ("计划目标", "Target"),
}
MEASURE_NAMES = {
    "count_to_date": ("累计", "to date"),
    "count_in_period": ("期内", "in period"),
    "count": ("数量", "count"),
    "daily_frequency": ("每日", "per day"),
    "money": ("金额", "money"),
    "target": ("目标", "target"),
    "ordinal": ("届次", "ordinal"),
    "duration": ("时长", "duration"),
}
IDENTITY_STATUS_NAMES = {
    "holds": ("成立", "holds"),
    "fails": ("不成立", "fails"),
    "missing": ("缺少数据", "figure missing"),
}
VOCABULARIES = {
    "city": CITY_NAMES,
    "sector": SECTOR_NAMES,
    "status": STATUS_NAMES,
    "project_kind": PROJECT_KIND_NAMES,
    "event_kind": EVENT_KIND_NAMES,
    "measure": MEASURE_NAMES,
    "identity_status": IDENTITY_STATUS_NAMES,
}

STRINGS: dict[str, tuple[str, str]] = {
    "app_title": ("呼包鄂乌一体化数据看板", "Hohhot–Baotou–Ordos–Ulanqab Integration Dashboard"),
    "app_short": ("呼包鄂乌看板", "HBEU Dash"),
    # pages
    "page_overview": ("总览", "Overview"),
    "page_services": ("政务服务", "Government services"),
    "page_science": ("科技创新", "Science & innovation"),
    "page_transport": ("交通", "Transport & map"),
    "page_timeline": ("合作进程", "Cooperation timeline"),
    "page_explorer": ("数据", "Data explorer"),
    "page_quality": ("来源与数据质量", "Sources & data quality"),
    # sidebar
    "language": ("语言 / Language", "Language / 语言"),
    "filter_cities": ("城市", "Cities"),
    "filter_sectors": ("领域", "Sectors"),
    "filter_help": (
        "筛选条件保存在网址中,复制链接即可重现当前视图。四市共同的数字始终显示。",
        "Filters are kept in the URL: a copied link reproduces this view. Figures for all four cities always show.",
    ),
    "reset_filters": ("重置筛选", "Reset filters"),
    "param_ignored": ("已忽略网址参数 {name}={value}:{why}", "Ignored URL parameter {name}={value}: {why}"),
    "param_unknown": ("未知参数", "unknown parameter"),
    "param_bad_value": ("无效取值", "not a valid value"),
    "empty_state": (
        "当前筛选下没有数据。请在左侧选择至少一个城市和领域,或点击“重置筛选”。",
        "Nothing matches the current filters. Pick at least one city and one sector on the left, or reset the filters.",
    ),
    "table_unavailable": (
        "{file} 有问题,相关内容暂不显示;详见“来源与数据质量”页。",
        "{file} has problems, so this part is hidden; see Sources & data quality.",
    ),
    "data_banner": (
        "数据文件有 {n} 处问题({files}),其余内容照常显示。",
        "{n} problem(s) in the data files ({files}); everything else works as usual.",
    ),
    # common labels
    "source": ("来源", "Source"),
    "sources": ("来源", "Sources"),
    "as_of": ("截至", "As of"),
    "period": ("期间", "Period"),
    "unit": ("单位", "Unit"),
    "evidence": ("原文", "Evidence"),
    "speaker": ("发言人", "Speaker"),
    "note": ("说明", "Note"),
    "value": ("数值", "Value"),
    "value_text": ("原文写法", "As written"),
    "indicator": ("指标", "Indicator"),
    "city": ("城市", "City"),
    "sector": ("领域", "Sector"),
    "measure": ("类型", "Measure"),
    "status": ("状态", "Status"),
    "kind": ("类别", "Kind"),
    "date": ("日期", "Date"),
    "title": ("标题", "Title"),
    "name": ("名称", "Name"),
    "cities": ("城市", "Cities"),
    "count": ("数量", "Count"),
    "table_twin": ("查看图表数据", "Chart data as a table"),
    "conflict": ("来源不一致", "Sources disagree"),
    "conflict_marker": ("⚠ 来源不一致:{values}", "⚠ Sources disagree: {values}"),
    "agree": ("{n} 条报告一致", "{n} reports agree"),
    "no_data": ("暂无数据", "No data"),
    "undated": ("未注明日期", "Undated"),
    "download_csv": ("下载 CSV", "Download CSV"),
    "download_excel": ("下载 Excel", "Download Excel"),
    "rows_shown": ("共 {n} 行", "{n} rows"),
    "region_label": ("四市", "Four cities"),
}


SINGULAR = {"hours": "hour", "years": "year", "days": "day", "people": "person", "items": "item", "cases": "case"}


def t(key: str, lang: str, **params: object) -> str:
    """The UI string `key` in `lang`, with {params} filled in."""
    zh, en = STRINGS[key]
    text = zh if lang == "zh" else en
    return text.format(**params) if params else text


def label(vocabulary: str, value: str, lang: str) -> str:
    """The display name of a vocabulary value (a city, sector, status, ...); unknown values show as is."""
    names = VOCABULARIES[vocabulary].get(value)
    if names is None:
        return value
    return names[0] if lang == "zh" else names[1]


def city_label(cities: str, lang: str) -> str:
    """'hohhot;baotou' → '呼和浩特–包头' / 'Hohhot–Baotou'; 'region' → '四市' / 'Four cities'."""
    return "–".join(label("city", c, lang) for c in cities.split(schema.LIST_SEP))


def city_color(cities: str) -> str:
    """The colour of a city, grey for the region, a neutral grey for a pair of cities."""
    return CITY_COLORS.get(cities, CITY_COLORS["multi"])


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
    return f"{number} {unit_en}"


def format_values(values: list[float], unit_zh: str, unit_en: str, lang: str) -> str:
    """Several values sharing one unit: '561 / 1412项', '561 / 1,412 items'."""
    if len(values) == 1:
        return format_value(values[0], unit_zh, unit_en, lang)
    numbers = " / ".join(format_number(v, lang) for v in values)
    if lang == "zh":
        return f"{numbers}{unit_zh}"
    return f"CNY {numbers}" if unit_en == "yuan" else f"{numbers} {unit_en}"


def format_date(value: str, lang: str) -> str:
    """A partial date for display: '2024年12月7日' / '7 Dec 2024'; '' → undated."""
    if not value:
        return t("undated", lang)
    parts = [int(p) for p in value.split("-")]
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    if lang == "zh":
        return "".join(f"{p}{u}" for p, u in zip(parts, ("年", "月", "日"), strict=False))
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return f"{months[parts[1] - 1]} {parts[0]}"
    return f"{parts[2]} {months[parts[1] - 1]} {parts[0]}"
