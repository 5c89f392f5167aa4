"""Overview / 总览: the headline figures, service items by city and projects by status."""

import streamlit as st

from hbeu_dash.ui import chrome, data, widgets
from hbeu_dash.views import cards, charts

filters = chrome.begin_page("app_title", intro_key="page_overview")
lang = filters.lang
widgets.render_kpis(cards.OVERVIEW_CARDS, filters)
selected = data.selected_figures(filters)
projects = data.selected_projects(filters)
left, right = st.columns(2)
with left:
    if selected is not None:
        widgets.render_chart("ov-items", lambda: charts.service_items_chart(selected, lang), filters)
with right:
    if projects is not None:
        widgets.render_chart("ov-status", lambda: charts.status_chart(projects[1], lang), filters)
