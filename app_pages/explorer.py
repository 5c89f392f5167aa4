"""Data explorer / 数据: every figure under the filters, with units, sources and evidence; CSV and Excel export."""

import streamlit as st

from hbeu_dash import transforms, ui

filters = ui.current_filters()
lang = filters.lang
ui.render_header("page_explorer")
if ui.render_empty_state(filters):
    st.stop()
figures = ui.get_figures()
if figures is None:
    st.stop()

selected = transforms.filter_figures(figures, filters.cities, filters.sectors)
selected = ui.render_explorer_search(selected)
table = ui.figures_table(selected, lang)
ui.render_figures_table(table)
ui.render_downloads(table, f"hbeu-figures-{lang}")
