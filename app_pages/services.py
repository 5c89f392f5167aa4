"""Government services / 政务服务: items and cases by city, the Hohhot–Baotou batches, the disagreeing sources."""

import streamlit as st

from hbeu_dash import quality
from hbeu_dash.i18n import t
from hbeu_dash.ui import chrome, data, sections, widgets
from hbeu_dash.views import charts

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

filters = chrome.begin_page("page_services", SECTOR)
lang = filters.lang
chrome.require_table("figures", lang)
figures, selected = data.get_figures(), data.selected_figures(filters)
identities = data.get_table("identities")

widgets.render_kpis(CARDS, filters)
left, right = st.columns(2)
with left:
    widgets.render_chart("sv-items", lambda: charts.service_items_chart(selected, lang, by_source=True), filters)
with right:
    if identities is not None:
        widgets.render_chart(
            "sv-hb", lambda: charts.identity_chart(identities, figures, charts.HB_ITEMS_IDENTITY, lang), filters
        )
st.subheader(t("conflict", lang))
sections.render_conflicts(data.memo(("conflicts", filters), lambda: quality.find_conflicts(selected)), lang)
