"""Science & innovation / 科技创新: Mengkeju, consortia and funding, talent, Ordos' task plan."""

import streamlit as st

from hbeu_dash.ui import chrome, data, widgets
from hbeu_dash.views import cards, charts

filters = chrome.begin_page("page_science")
lang = filters.lang
chrome.require_table("figures", lang)
selected = data.selected_figures(filters)

widgets.render_kpis(cards.SCIENCE_CARDS, filters)
left, right = st.columns(2)
with left:
    widgets.render_chart("sc-cons", lambda: charts.consortia_chart(selected, lang), filters)
    widgets.render_chart("sc-talent", lambda: charts.talent_chart(selected, lang), filters)
with right:
    widgets.render_chart("sc-ordos", lambda: charts.ordos_plan_chart(selected, lang), filters)
