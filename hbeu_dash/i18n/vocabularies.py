"""The names a reader sees for the values of each vocabulary of the data (cities, sectors, stages, kinds, measures, …),
(zh, en), and the helpers that pick one: `label`, `city_label`.

The ids are the schema's (hbeu_dash.model.schema); i18n imports nothing of the model, so tests/test_i18n.py checks that
every id has a name here, in the schema's order, and that LIST_SEP is the schema's."""

# How a cell lists several cities ('hohhot;baotou'): the schema's LIST_SEP, restated so that i18n stays the bottom.
LIST_SEP = ";"

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
    "economy": ("区域经济", "Regional economy"),
}
STATUS_NAMES = {
    "proposed": ("争取纳入规划", "Proposed"),
    "planned": ("计划", "Planned"),
    "preliminary_work": ("前期工作", "Preliminary work"),
    "under_construction": ("在建", "Under construction"),
    "main_works_completed": ("主体完工", "Main works completed"),
    "completed": ("建成", "Completed"),
    "in_operation": ("运营中", "In operation"),
    "promoted": ("推进中（阶段未说明）", "Being promoted (stage not stated)"),
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
    "share": ("占比", "share"),
    "growth": ("增速", "growth rate"),
    "length": ("长度", "length"),
    "speed": ("速度", "speed"),
}
IDENTITY_STATUS_NAMES = {
    "holds": ("成立", "holds"),
    "fails": ("不成立", "fails"),
    "missing": ("缺少数据", "figure missing"),
}
SOURCE_LANGUAGE_NAMES = {"zh": ("中文", "Chinese"), "en": ("英文", "English")}
TABLE_NAMES = {
    "figures": ("数字", "figures"),
    "projects": ("项目", "projects"),
    "events": ("事件", "events"),
    "sources": ("来源", "sources"),
    "indicators": ("指标", "indicators"),
}
COMMIT_ACTION_NAMES = {
    "commit": ("提交", "commit"),
    "undo": ("撤销", "undo"),
    "redo": ("重做", "redo"),
    "revert": ("撤回", "revert"),
    "import": ("导入", "import"),
}
VOCABULARIES = {
    "table": TABLE_NAMES,
    "commit_action": COMMIT_ACTION_NAMES,
    "city": CITY_NAMES,
    "language": SOURCE_LANGUAGE_NAMES,
    "sector": SECTOR_NAMES,
    "status": STATUS_NAMES,
    "project_kind": PROJECT_KIND_NAMES,
    "event_kind": EVENT_KIND_NAMES,
    "measure": MEASURE_NAMES,
    "identity_status": IDENTITY_STATUS_NAMES,
}


def label(vocabulary: str, value: str, lang: str) -> str:
    """The display name of a vocabulary value (a city, sector, status, ...); unknown values show as is."""
    names = VOCABULARIES[vocabulary].get(value)
    if names is None:
        return value
    return names[0] if lang == "zh" else names[1]


def city_label(cities: str, lang: str) -> str:
    """'hohhot;baotou' → '呼和浩特–包头' / 'Hohhot–Baotou'; 'region' → '四市' / 'Four cities'."""
    return "–".join(label("city", c, lang) for c in cities.split(LIST_SEP))
