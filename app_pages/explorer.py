"""Data explorer / 数据: every figure under the filters, with units, sources and evidence; CSV and Excel export."""

from hbeu_dash.ui import chrome, sections

filters = chrome.begin_page("page_explorer")
chrome.require_table("figures", filters.lang)
sections.render_explorer(filters)
