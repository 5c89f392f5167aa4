"""Charts and the map: titles, summaries, axes, the map's notes, the transport tracker."""

MESSAGES: dict[str, tuple[str, str]] = {
    # chart titles, summaries and axes
    "chart_service_items": ("各市“四城通办”事项数", "Four-city service items by city"),
    "chart_service_items_by_source": ("各市“四城通办”事项数（按来源）", "Four-city service items, by city and source"),
    "chart_projects_by_status": ("重点项目进展（按状态）", "Projects by status"),
    "chart_consortia": ("乌兰察布创新联合体与重大项目", "Ulanqab: innovation consortia and major projects"),
    "chart_talent": ("人才", "Talent"),
    "chart_ordos_plan": ("鄂尔多斯一体化任务分工方案", "Ordos: integration task plan, broken down"),
    "chart_timeline": ("呼包鄂乌一体化合作进程", "Integration milestones"),
    "summary_city_reports": ("{name}（{unit}）：{parts}。", "{name} ({unit}): {parts}."),
    "summary_identity": (
        "{parts} = {lhs}，报告总数 {total}（{verdict}）。",
        "{parts} = {lhs}; reported total {total} ({verdict}).",
    ),
    "summary_status": (
        "共 {total} 个项目，最多的状态是“{status}”（{n} 个）。",
        "{total} projects; the most common status is '{status}' ({n}).",
    ),
    "summary_timeline": ("{n} 个有日期的事件，从 {first} 到 {last}。", "{n} dated events from {first} to {last}."),
    "summary_year_only": ("空心点只知年份。", "Hollow markers: only the year is known."),
    "year_only_hover": ("（仅知年份，标在年初）", "(year only; placed at 1 January)"),
    "date_axis_format": ("%Y年%-m月", "%b %Y"),
    "year_axis_format": ("%Y年", "%Y"),
    "unit_axis": ("单位：{unit}", "Unit: {unit}"),
    "projects_axis": ("数量（个项目）", "Count (projects)"),
    # map
    "map_size_by": ("地图标记大小依据", "Size city markers by"),
    "map_offline_note": (
        "地图不加载任何外部底图（离线可用）；部署方可在 settings.toml 中配置内网瓦片和边界。"
        "河流取自自然地球 1:5000万数据（公有领域），随程序提供。",
        "No external basemap is loaded (works offline); a deployer can configure intranet tiles and boundaries "
        "in settings.toml. Rivers: Natural Earth 1:50m (public domain), shipped with the app.",
    ),
    "yellow_river": ("黄河", "Yellow River"),
    "status_history": ("{status}（{dates}）", "{status} ({dates})"),
    # transport
    "tracker_title": ("项目进展跟踪", "Project tracker"),
    "tracker_disagree_note": (
        "⚠ 各来源对该项目阶段的说法不一，见下方全部报告。",
        "⚠ sources name different stages; see all reports below.",
    ),
    "every_project_report": ("全部项目报告（{n}）", "Every project report ({n})"),
}
