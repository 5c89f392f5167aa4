"""The framework's own words in Chinese (Streamlit's widgets, plotly's mode bar, notices and date names), and the
plotly locale built from them."""

# The framework's own words (Streamlit's widgets and plotly's mode bar), which no widget parameter translates, in
# Chinese: English as the framework writes it → Chinese. Plotly's are passed to it as a locale (charts.png_config);
# Streamlit's are put in place by ui/framework_text.py on Chinese pages (visible text, aria-label, title,
# placeholder). Each was read in the browser on our pages (tests/e2e/test_screens.py looks for any left).
PLOTLY_ZH = {
    "Autoscale": "自动缩放",
    "Box Select": "框选",
    "Compare data on hover": "悬停时比较数据",
    "Double-click on legend to isolate one trace": "双击图例只显示该系列",
    "Double-click to zoom back out": "双击还原",
    "Download plot": "下载图表",
    "Download plot as a PNG": "下载图表（PNG）",
    "Download plot as a png": "下载图表（PNG）",
    "Image download succeeded": "图片已下载",
    "Lasso Select": "套索选择",
    "Pan": "平移",
    "Preparing image - this may take a few seconds": "正在生成图片，请稍候",
    "Reset axes": "重置坐标轴",
    "Reset view": "重置视图",
    "Show closest data on hover": "悬停时显示最近的数据",
    "Sorry, there was a problem downloading your image!": "抱歉，图片下载失败！",
    "Toggle Spike Lines": "显示或隐藏辅助线",
    "Zoom": "缩放",
    "Zoom in": "放大",
    "Zoom out": "缩小",
}
# Month and day names for plotly's date axes and hovers on Chinese pages.
PLOTLY_ZH_FORMAT = {
    "days": ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"],
    "shortDays": ["周日", "周一", "周二", "周三", "周四", "周五", "周六"],
    "months": [f"{m}月" for m in range(1, 13)],
    "shortMonths": [f"{m}月" for m in range(1, 13)],
    "date": "%Y年%m月%d日",
}
FRAMEWORK_ZH = {
    "App pages": "页面导航",
    "Browse files": "选择文件",
    "Choose an option": "请选择",
    "Choose date": "选择日期",
    "file upload": "上传文件",
    "Clear all": "全部清除",
    "Clear value": "清除",
    "Close": "关闭",
    "Close fullscreen": "退出全屏",
    "Collapse sidebar": "收起侧边栏",
    "Delete": "删除",
    "Download as CSV": "下载 CSV",
    "Drag and drop file here": "将文件拖放到此处",
    "Drag and drop files here": "将文件拖放到此处",
    "Exit fullscreen": "退出全屏",
    "Expand sidebar": "展开侧边栏",
    "Fullscreen": "全屏",
    "Link to heading": "指向此标题的链接",
    "No results": "没有结果",
    "Open": "展开选项",
    "Page not found": "找不到页面",
    "Remove file": "移除文件",
    "Search": "搜索",
    "Selected values": "已选项",
    "Show/hide columns": "显示或隐藏列",
    "Sidebar": "侧边栏",
    "Skip to main content": "跳到主要内容",
    "Upload": "上传",
    "View less": "收起",
    **{f"View {n} more": f"另有 {n} 项" for n in range(1, 21)},
    **PLOTLY_ZH,
    # Streamlit's dialog when no server answers for a while (ours, ui/reconnect.py, says it is restoring)
    "Connection error": "连接错误",
    "Streamlit server is not responding. Are you connected to the internet?": "服务器没有响应。请检查网络连接。",
}


def plotly_locale(lang: str) -> dict:
    """Plotly config entries that put a chart's mode bar, notices and date names in `lang` (none for English)."""
    if lang != "zh":
        return {}
    return {"locale": "zh-CN", "locales": {"zh-CN": {"dictionary": dict(PLOTLY_ZH), "format": dict(PLOTLY_ZH_FORMAT)}}}


# The framework's sentences with a part of ours inside: a regular expression over the whole text → its Chinese
# ($1 is the part kept).
FRAMEWORK_ZH_PATTERNS = (
    (r"^Remove (.+)$", "移除 $1"),
    (r"^Shortcut (.+)$", "快捷键 $1"),
    (r"^Limit (\S+) per file(.*)$", "每个文件不超过 $1$2"),
    (
        r"^You have requested page (\S+), but no corresponding file was found in the app's pages/ directory\. "
        r"Running the app's main page\.$",
        "没有页面 $1，已打开首页。",
    ),
    (
        r"^The page that you have requested does not seem to exist\. Running the app's main page\.$",
        "没有这个页面，已打开首页。",
    ),
    (r"^Connection failed with status (\d+)\.$", "连接失败（状态码 $1）。"),
    (r"^Connection failed with status (\d+), and response:$", "连接失败（状态码 $1），服务器的回答："),
)
