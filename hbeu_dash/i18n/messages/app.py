"""The app's frame: its title, the pages' names, the sidebar and its filters, the URL's parameters, the store's
notices, the data version, a lost connection; the data explorer's own words."""

MESSAGES: dict[str, tuple[str, str]] = {
    "app_title": ("呼包鄂乌一体化数据看板", "Hohhot–Baotou–Ordos–Ulanqab Integration Dashboard"),
    # pages
    "page_overview": ("总览", "Overview"),
    "page_services": ("政务服务", "Government services"),
    "page_science": ("科技创新", "Science & innovation"),
    "page_transport": ("交通", "Transport & map"),
    "page_timeline": ("合作进程", "Cooperation timeline"),
    "page_trends": ("趋势与对比", "Trends & comparison"),
    "page_explorer": ("数据", "Data explorer"),
    "page_quality": ("来源与数据质量", "Sources & data quality"),
    # sidebar
    "language": ("语言", "Language"),
    "filter_cities": ("城市", "Cities"),
    "filter_sectors": ("领域", "Sectors"),
    "filter_help": (
        "筛选条件保存在网址中，复制链接即可重现当前视图。四市共同的数字始终显示。",
        "Filters are kept in the URL: a copied link reproduces this view. Figures for all four cities always show.",
    ),
    "reset_filters": ("重置筛选", "Reset filters"),
    "param_ignored": ("已忽略网址参数 {name}={value}：{why}", "Ignored URL parameter {name}={value}: {why}"),
    "param_unknown": ("未知参数", "unknown parameter"),
    "param_bad_value": ("无效取值", "not a valid value"),
    "empty_state": (
        "当前筛选下没有数据。请在左侧选择至少一个城市和领域，或点击“重置筛选”。",
        "Nothing matches the current filters. Pick at least one city and one sector on the left, or reset the filters.",
    ),
    "table_unavailable": (
        "{file} 有问题，相关内容暂不显示；详见“来源与数据质量”页。",
        "{file} has problems, so this part is hidden; see Sources & data quality.",
    ),
    "store_unavailable": (
        "暂时无法读取数据：数据库连接不上。请稍后重试；如持续出现，请联系系统管理员。",
        "The data cannot be read right now: the database is unavailable. Try again in a moment; if it persists, "
        "tell the administrator.",
    ),
    "store_details": ("技术细节（供系统管理员）", "Technical details (for the administrator)"),
    "store_setting_text": ("设置的问题（原文）：{why}", "What is wrong with the setting: {why}"),
    "store_details_text": (
        "数据库：{url}\n原因（数据库驱动的原文）：{reason}",
        "Database: {url}\nReason (as the driver put it): {reason}",
    ),
    "store_retry": ("重试", "Try again"),
    "store_bad_setting": (
        "数据存储的设置有误，无法读取数据。请联系系统管理员。",
        "The data store setting is wrong, so the data cannot be read. Tell the administrator.",
    ),
    "data_banner": (
        "数据文件有 {n} 处问题（{files}），其余内容照常显示。",
        "{n} problem(s) in the data files ({files}); everything else works as usual.",
    ),
    "data_version": ("数据版本 {version}", "Data version {version}"),
    "link_version": ("链接生成于数据版本 {linked}", "link made with data version {linked}"),
    "link_version_stale": (
        "此链接生成于数据版本 {linked}；此后数据已更新，现显示最新数据（版本 {version}）。",
        "This link was made with data version {linked}; the data has changed since. Showing the current data "
        "(version {version}).",
    ),
    "data_changed": (
        "数据已更新（版本 {before} → {version}），现显示最新数据。",
        "The data has changed (version {before} → {version}); showing the current data.",
    ),
    # the data explorer (app_pages/explorer.py, ui/sections.py)
    "explorer_search": ("搜索（名称、原文、说明）", "Search (names, evidence, notes)"),
    "all_indicators": ("全部指标", "All indicators"),
    "base_units": ("基本单位", "base units"),
    "evidence_help": ("来源原文片段", "verbatim fragment of the source"),
    # the notice a lost connection shows (ui/reconnect.py)
    "connection_lost": ("与服务器的连接中断了，正在恢复……", "The connection to the server was lost: restoring it…"),
    "connection_gone": ("与服务器的连接已断开，请刷新页面。", "The connection to the server ended: reload the page."),
}
