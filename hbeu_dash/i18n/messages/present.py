"""Presenter mode: the slides, their controls and settings."""

MESSAGES: dict[str, tuple[str, str]] = {
    # the slides and their controls (views/slides.py, ui/present.py, ui/present_controls.py)
    "page_present": ("演示模式", "Presenter mode"),
    "slide_headline": ("关键数字", "Key figures"),
    "slide_hb_items": ("呼包两地通办事项", "Hohhot–Baotou shared service items"),
    "slide_map": ("四市位置与互联项目", "Where the four cities are, and the projects linking them"),
    "slide_empty": ("当前筛选下这一页没有内容。", "Nothing on this slide under the current filters."),
    "stage_count": ("{status}：{n} 个", "{status}: {n}"),
    "conflict_short": ("⚠ 来源不一致（见“来源不一致的数字”页）", "⚠ Sources disagree (see the conflicts slide)"),
    "slide_previous": ("上一页（←）", "Previous slide (←)"),
    "slide_next": ("下一页（→）", "Next slide (→)"),
    "slide_picker": ("选择页面", "Go to slide"),
    "slide_settings": ("演示设置", "Presenter settings"),
    "slide_theme": ("主题", "Theme"),
    "theme_light": ("浅色", "Light"),
    "theme_dark": ("深色大屏", "Dark big screen"),
    "slide_advance": ("自动翻页", "Auto-advance"),
    "advance_off": ("关闭", "Off"),
    "advance_seconds": ("每 {n} 秒", "Every {n} s"),
    "open_presenter": ("演示模式（大屏）", "Presenter mode (big screen)"),
    "leave_presenter": ("退出演示", "Leave presenter mode"),
    # slides: change over time
    "slide_change": ("随时间变化", "Change over time"),
    "slide_cities": ("四市对比", "The four cities side by side"),
    "slide_target_rail": ("目标与实测：铁路经济圈", "Targets against measurements: the rail circle"),
    "slide_target_road": ("目标与实测：公路经济圈", "Targets against measurements: the road circle"),
}
