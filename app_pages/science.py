"""Science & innovation / 科技创新: Mengkeju, consortia and funding, talent, Ordos' task plan."""

import streamlit as st

from hbeu_dash.ui import chrome, data, widgets
from hbeu_dash.views import charts

CARDS = [
    ("mengkeju_subcentres", "region"),
    ("mengkeju_registered_people", "ulanqab"),
    ("mengkeju_registered_orgs", "ulanqab"),
    ("innovation_consortia", "ulanqab"),
    ("consortia_major_projects", "ulanqab"),
    ("consortia_funding", "ulanqab"),
    ("major_special_project_leads", "ulanqab"),
    ("innovation_circle_hours", "hohhot"),
    ("academicians_recruited", "ulanqab"),
    ("sanqu_talents_dispatched", "ulanqab"),
    ("skill_training_bases", "hohhot;baotou"),
]

filters = chrome.begin_page("page_science")
lang = filters.lang
chrome.require_table("figures", lang)
selected = data.selected_figures(filters)

widgets.render_kpis(CARDS, filters)
left, right = st.columns(2)
with left:
    widgets.render_chart("sc-cons", lambda: charts.consortia_chart(selected, lang), filters)
    widgets.render_chart("sc-talent", lambda: charts.talent_chart(selected, lang), filters)
with right:
    widgets.render_chart("sc-ordos", lambda: charts.ordos_plan_chart(selected, lang), filters)
