"""Overview / 总览: the headline figures, service items by city and projects by status."""

import streamlit as st

from hbeu_dash import charts, transforms, ui
from hbeu_dash.i18n import t

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

filters = ui.current_filters()
lang = filters.lang
ui.render_header("app_title", t("page_overview", lang))
if ui.render_empty_state(filters):
    st.stop()

figures = ui.get_figures()
if figures is not None:
    ui.render_kpis(figures, CARDS, filters)
    selected = transforms.filter_figures(figures, filters.cities, filters.sectors)
    left, right = st.columns(2)
    with left:
        items = transforms.reports_of(selected, "four_city_service_items")
        if not items.empty:
            title = "各市“四城通办”事项数" if lang == "zh" else "Four-city service items by city"
            ui.render_chart(
                charts.make_city_reports_figure(items, lang, title, f"hbeu-service-items-by-city-{lang}"), "ov-items"
            )
projects = ui.get_table("projects")
if projects is not None:
    latest = transforms.latest_project_reports(transforms.filter_projects(projects, filters.cities, filters.sectors))
    if not latest.empty:
        with right if figures is not None else st.container():
            title = "重点项目进展(按状态)" if lang == "zh" else "Projects by status"
            chart = charts.make_status_figure(
                latest, transforms.count_projects_by_status(latest), lang, title, f"hbeu-projects-by-status-{lang}"
            )
            ui.render_chart(chart, "ov-status")
