"""Trend and comparison / 趋势与对比: one indicator over time and the four cities side by side (?indicator=ID)."""

from hbeu_dash.ui import chrome, trends

filters = chrome.begin_page("page_trends", intro_key="trends_intro")
chrome.require_table("figures", filters.lang)
trends.render_trends(filters)
