"""Data explorer / 数据: every figure under the filters, with units, sources and evidence; CSV and Excel export."""

from hbeu_dash import ui

filters = ui.begin_page("page_explorer")
lang = filters.lang
figures, selected = ui.require_figures(filters)
selected = ui.render_explorer_search(selected)
table = ui.figures_table(selected, lang)
ui.render_figures_table(table)
ui.render_downloads(table, f"hbeu-figures-{lang}")
