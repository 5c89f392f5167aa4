"""Sources & data quality / 来源与数据质量: validation state, English evidence pending, sources, conflicts,
identities, staleness."""

import streamlit as st

from hbeu_dash.i18n import t
from hbeu_dash.ui import chrome, data, sections, state
from hbeu_dash.ui import quality as sections_quality

lang = state.current_lang()
chrome.render_header("page_quality", lang)
sections_quality.render_validation_state(lang)
sections_quality.render_pending_translations(lang)
sections_quality.render_sources(lang)
chrome.require_table("figures", lang)
figures = data.get_figures()
st.subheader(t("section_conflicts", lang))
sections.render_all_conflicts(lang)
sections_quality.render_stage_disagreements(lang)
sections_quality.render_identities(figures, lang)
sections_quality.render_staleness(figures, lang)
