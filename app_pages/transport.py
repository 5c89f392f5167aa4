"""Transport & map / 交通: the city map, the project tracker, projects by status, the 1-hour / 2-hour targets."""

import streamlit as st

from hbeu_dash import ui

CARDS = [
    ("rail_circle_target_hours", "region"),
    ("road_circle_target_hours", "region"),
    ("city_circle_target_hours", "region"),
    ("daily_trains_from_hohhot", "hohhot"),
    ("car_commute_hours", "hohhot;baotou"),
    ("base_stations_5g", "hohhot"),
]

filters = ui.begin_page("page_transport")
lang = filters.lang
figures = ui.get_figures()
projects = ui.get_table("projects")
cities = ui.get_table("cities")

if figures is not None:
    ui.render_kpis(figures, CARDS, filters, per_row=3)
if cities is not None and projects is not None:
    ui.render_map(cities, figures, projects, filters)
if projects is not None:
    reports, latest = ui.project_reports(projects, filters)
    left, right = st.columns([3, 2])
    with left:
        st.subheader("项目进展跟踪" if lang == "zh" else "Project tracker")
        ui.render_project_tracker(latest, reports)
    with right:
        title = "重点项目进展(按状态)" if lang == "zh" else "Projects by status"
        ui.render_chart(lambda: ui.make_project_status_chart(projects, filters, title), "tr-status")
