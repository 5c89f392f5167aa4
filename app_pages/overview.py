"""Overview / 总览: the headline band, the figures by sector, one trend and one comparison."""

import streamlit as st

from hbeu_dash.i18n import t
from hbeu_dash.ui import chrome, data, trends, widgets
from hbeu_dash.views import cards, charts

filters = chrome.begin_page("app_title")
lang = filters.lang
trends.render_headline(filters)
widgets.render_kpi_groups(cards.OVERVIEW_GROUPS, filters)
selected = data.selected_figures(filters)
in_sectors = data.get_scope(filters).in_sectors  # the comparison keeps every city's place
if selected is not None and in_sectors is not None:
    st.subheader(t("overview_trend_heading", lang))
    widgets.render_chart(
        "ov-charts",
        lambda: charts.overview_chart(selected, in_sectors, cards.OVERVIEW_TREND, lang, filters.cities),
        filters,
        lazy_twin=True,
    )
