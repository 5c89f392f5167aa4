"""Government services / 政务服务: items in the four cities side by side, the Hohhot–Baotou batches, the disagreeing
sources."""

import streamlit as st

from hbeu_dash.i18n import t
from hbeu_dash.ui import chrome, data, sections, widgets
from hbeu_dash.views import cards, charts

SECTOR = "government_services"

filters = chrome.begin_page("page_services", SECTOR)
lang = filters.lang
chrome.require_table("figures", lang)
figures, selected = data.get_figures(), data.selected_figures(filters)
in_sectors = data.get_scope(filters).in_sectors  # the comparison keeps every city's place
identities = data.get_table("identities")

widgets.render_kpis(cards.SERVICES_CARDS, filters)
left, right = st.columns(2)
with left:
    widgets.render_chart(
        "sv-items", lambda: charts.cities_chart(in_sectors, cards.OVERVIEW_COMPARISON, lang, filters.cities), filters
    )
with right:
    if identities is not None:
        widgets.render_chart(
            "sv-hb", lambda: charts.identity_chart(identities, figures, charts.HB_ITEMS_IDENTITY, lang), filters
        )
st.subheader(t("conflict", lang))
sections.render_conflicts(filters)
