"""Cooperation timeline / 合作进程: plans, meetings, agreements and launches, with what was signed."""

from hbeu_dash.ui import chrome, sections

filters = chrome.begin_page("page_timeline")
chrome.require_table("events", filters.lang)
sections.render_timeline(filters)
