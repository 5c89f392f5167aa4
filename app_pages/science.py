"""Science & innovation / 科技创新: Mengkeju, consortia and funding, talent, Ordos' task plan."""

import streamlit as st

from hbeu_dash import charts, transforms, ui

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
CONSORTIA = ["ulanqab-consortia", "ulanqab-consortia-major", "ulanqab-major-special-leads"]
TALENT = ["ulanqab-academicians", "ulanqab-sanqu-talents", "hb-training-bases"]

filters = ui.begin_page("page_science")
lang = filters.lang
figures, selected = ui.require_figures(filters)

ui.render_kpis(figures, CARDS, filters)
left, right = st.columns(2)
with left:
    if not transforms.figures_by_id(selected, CONSORTIA).empty:
        title = "乌兰察布创新联合体与重大项目" if lang == "zh" else "Ulanqab: innovation consortia and major projects"
        ui.render_chart(
            lambda: charts.make_breakdown_figure(
                transforms.figures_by_id(selected, CONSORTIA), lang, title, f"hbeu-ulanqab-consortia-{lang}"
            ),
            "sc-cons",
        )
    if not transforms.figures_by_id(selected, TALENT).empty:
        title = "人才" if lang == "zh" else "Talent"
        ui.render_chart(
            lambda: charts.make_breakdown_figure(
                transforms.figures_by_id(selected, TALENT), lang, title, f"hbeu-talent-{lang}"
            ),
            "sc-talent",
        )
with right:
    if not transforms.figures_of_event(selected, "ordos-task-plan").empty:
        title = "鄂尔多斯一体化任务分工方案" if lang == "zh" else "Ordos: integration task plan, broken down"
        ui.render_chart(
            lambda: charts.make_breakdown_figure(
                transforms.figures_of_event(selected, "ordos-task-plan"), lang, title, f"hbeu-ordos-task-plan-{lang}"
            ),
            "sc-ordos",
        )
