"""Overview / 总览: the headline figures, service items by city and projects by status."""

import streamlit as st

from hbeu_dash import charts, transforms, ui

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

filters = ui.begin_page("app_title", intro_key="page_overview")
lang = filters.lang
figures = ui.get_figures()
selected = ui.selected_figures(filters)
if figures is not None:
    ui.render_kpis(figures, CARDS, filters)
left, right = st.columns(2)
with left:
    if selected is not None:
        title = "各市“四城通办”事项数" if lang == "zh" else "Four-city service items by city"
        ui.render_chart(
            lambda: charts.make_city_reports_figure(
                transforms.reports_of(selected, "four_city_service_items"), lang, title, f"hbeu-service-items-{lang}"
            ),
            "ov-items",
        )
projects = ui.get_table("projects")
with right:
    if projects is not None:
        title = "重点项目进展(按状态)" if lang == "zh" else "Projects by status"
        ui.render_chart(lambda: ui.make_project_status_chart(projects, filters, title), "ov-status")
