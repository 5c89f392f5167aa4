"""Sources & data quality / 来源与数据质量: sources, validation state, conflicts, identities, staleness."""

import streamlit as st

from hbeu_dash import quality, transforms, ui
from hbeu_dash.i18n import t

filters = ui.current_filters()
lang = filters.lang
ui.render_header("page_quality")

ui.render_validation_state()
figures = ui.get_figures()
sources = ui.get_table("sources")
if sources is not None:
    ui.render_sources(sources, figures)
if figures is None:
    st.stop()

st.subheader("来源不一致的数字" if lang == "zh" else "Figures the sources disagree on")
ui.render_conflicts(quality.find_conflicts(figures))
projects = ui.get_table("projects")
if projects is not None:
    st.subheader("项目状态说法不一" if lang == "zh" else "Projects whose reported stage differs")
    ui.render_status_conflicts(quality.find_status_conflicts(projects))
identities = ui.get_table("identities")
if identities is not None:
    st.subheader("推导关系核对" if lang == "zh" else "Derived identities")
    ui.render_identities(quality.evaluate_identities(identities, figures))
st.subheader("数据时效" if lang == "zh" else "Staleness")
ui.render_staleness(quality.find_stale(figures, ui.today()))
st.caption(t("rows_shown", lang, n=len(transforms.filter_figures(figures, filters.cities, filters.sectors))))
