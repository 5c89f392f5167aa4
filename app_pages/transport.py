"""Transport & map / 交通: the 1-hour / 2-hour targets against the travel times measured, the city map, the project
tracker, projects by status."""

import streamlit as st

from hbeu_dash.ui import chrome, data, sections, targets, widgets
from hbeu_dash.views import cards, charts

filters = chrome.begin_page("page_transport")
lang = filters.lang
widgets.render_kpis(cards.TRANSPORT_CARDS, filters, per_row=3)
targets.render_targets(filters)
sections.render_map(filters)
chrome.require_table("projects", lang)
projects = data.selected_projects(filters)
left, right = st.columns([3, 2])
with left:
    sections.render_project_tracker(filters)
with right:
    if projects is not None:
        widgets.render_chart("tr-status", lambda: charts.status_chart(projects[1], lang), filters)
