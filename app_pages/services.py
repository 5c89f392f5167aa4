"""Government services / 政务服务: items and cases by city, the Hohhot–Baotou batches, the disagreeing sources."""

import streamlit as st

from hbeu_dash import charts, quality, transforms, ui
from hbeu_dash.i18n import t

SECTOR = "government_services"
CARDS = [
    ("service_batches", "region"),
    ("four_city_service_items", "hohhot"),
    ("four_city_service_items", "baotou"),
    ("service_items_adjusted", "hohhot"),
    ("cross_city_cases_in_period", "hohhot"),
    ("cross_city_cases_to_date", "baotou"),
    ("hb_service_items", "hohhot;baotou"),
    ("hb_service_channels", "hohhot;baotou"),
]

filters = ui.begin_page("page_services", SECTOR)
lang = filters.lang
figures, selected = ui.require_figures(filters)

ui.render_kpis(figures, CARDS, filters)
left, right = st.columns(2)
with left:
    title = "各市“四城通办”事项数(按来源)" if lang == "zh" else "Four-city service items, by city and source"
    ui.render_chart(
        lambda: charts.make_city_reports_figure(
            transforms.reports_of(selected, "four_city_service_items"), lang, title, f"hbeu-service-items-{lang}"
        ),
        "sv-items",
    )
with right:
    identities = ui.get_table("identities")
    if identities is not None:
        ui.render_identity(identities, figures, "hb-items-sum", "sv-hb")

st.subheader(t("conflict", lang))
ui.render_conflicts(ui.memo(("conflicts", filters), lambda: quality.find_conflicts(selected)))
