"""Overview / 总览: the headline figures, service items by city and projects by status."""

import streamlit as st

from hbeu_dash.ui import chrome, data, widgets
from hbeu_dash.views import charts

CARDS = [
    ("daily_trains_from_hohhot", "hohhot"),
    ("four_city_service_items", "hohhot"),
    ("four_city_service_items", "baotou"),
    ("service_batches", "region"),
    ("cross_city_cases_in_period", "hohhot"),
    ("cross_city_cases_to_date", "baotou"),
    ("mengkeju_subcentres", "region"),
    ("mengkeju_registered_people", "ulanqab"),
    ("mengkeju_registered_orgs", "ulanqab"),
    ("gov_agreements_signed", "region"),
    ("dept_agreements_signed", "region"),
    ("rail_circle_target_hours", "region"),
]

filters = chrome.begin_page("app_title", intro_key="page_overview")
lang = filters.lang
widgets.render_kpis(CARDS, filters)
selected = data.selected_figures(filters)
projects = data.selected_projects(filters)
left, right = st.columns(2)
with left:
    if selected is not None:
        widgets.render_chart("ov-items", lambda: charts.service_items_chart(selected, lang), filters)
with right:
    if projects is not None:
        widgets.render_chart("ov-status", lambda: charts.status_chart(projects[1], lang), filters)
