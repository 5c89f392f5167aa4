"""Change over time: a card's change and staleness, the trend and four-city views (views/trends.py), the overview's
headlines (views/headline.py)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "change_text": (
        "{earlier}（{earlier_when}）→ {latest}（{latest_when}）",
        "{earlier} ({earlier_when}) → {latest} ({latest_when})",
    ),
    "stale_note": ("数据截至{as_of}，已逾一年", "Data as of {as_of}, over a year old"),
    "stale_note_years": ("数据截至{as_of}，已逾{years}年", "Data as of {as_of}, over {years} years old"),
    "not_reported": ("未报告", "not reported"),
    "not_selected": ("未选择（筛选）", "not selected (filter)"),
    "trend_link": ("趋势与对比", "Trend and comparison"),
    "trend_when": ("时点", "When"),
    "trends_intro": (
        "一个指标随时间的变化（每个点是一份报告，附来源与原文），以及四市并列对比；未报告的城市标为“未报告”。",
        "One indicator over time (each point a report, with its source and words) and the four cities side by side; "
        "a city without a report is marked “not reported”.",
    ),
    "trend_unknown_indicator": (
        "网址中的指标“{value}”不在所选城市和领域的数据中，已改为显示下面的指标。",
        "The indicator “{value}” in the address is not in the data of the selected cities and sectors; "
        "showing the one below instead.",
    ),
    "trend_not_per_city": (
        "“{name}”只有全区或跨市的数字，没有按单个城市报告，无法四市对比。",
        "“{name}” is reported only for the region or across cities, not per city: no four-city comparison.",
    ),
    "trend_column": ("趋势", "Trend"),
    "trend_short": ("趋势", "Trend"),
    "name_in_place": ("{name}（{city}）", "{name} ({city})"),
    "headline_band": ("要点", "Headlines"),
    "conflict_brief": ("⚠ 来源不一致（{n}份报告）", "⚠ Sources disagree ({n} reports)"),
    "headline_more": ("详见数据质量", "Data quality"),
    "overview_trend_heading": ("随时间变化与四市对比", "Over time and across the four cities"),
    "chart_panel": ("图表", "Chart"),
    "headline_change_label": ("变化最大", "Biggest change"),
    "headline_change": ("{name}（{city}）：{change}", "{name} ({city}): {change}"),
    "headline_newest_label": ("最新报告", "Newest report"),
    "headline_newest": ("截至{as_of}：{name}（{city}）{value}{more}", "As of {as_of}: {name} ({city}) {value}{more}"),
    "headline_newest_more": ("，另有{n}项同期数字", "; {n} more figures of that date"),
    "headline_conflicts_label": ("待核冲突", "Open conflicts"),
    "headline_conflicts": ("{n}处来源不一致，待核：{what}", "Disagreements between sources still open: {n} — {what}"),
    "headline_no_conflicts": ("各来源之间没有不一致", "No disagreement between sources"),
    "headline_meeting_label": ("最近一次会议", "Latest meeting"),
    "headline_meeting": ("{meeting}（{date}）：{signed}", "{meeting} ({date}): {signed}"),
    "headline_meeting_nothing": (
        "{meeting}（{date}）：数据中没有当日签署的协议",
        "{meeting} ({date}): the data holds no agreement signed that day",
    ),
    "chart_trend": ("{name}：随时间变化", "{name} over time"),
    "chart_city_slots": ("{name}：四市对比", "{name}: the four cities side by side"),
    "summary_trend": ("{name}（{unit}）随时间变化：{parts}。", "{name} ({unit}) over time: {parts}."),
    "summary_city_slots": ("{name}，四市对比：{parts}。", "{name}, the four cities side by side: {parts}."),
}
