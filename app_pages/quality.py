"""Sources & data quality / 来源与数据质量: sources, validation state, conflicts, identities, staleness."""

import streamlit as st

from hbeu_dash import quality
from hbeu_dash.i18n import t
from hbeu_dash.ui import chrome, data, sections, state
from hbeu_dash.ui import quality as sections_quality

lang = state.current_lang()
chrome.render_header("page_quality", lang)
sections_quality.render_validation_state(lang)
sections_quality.render_sources(lang)
chrome.require_table("figures", lang)
figures = data.get_figures()
st.subheader(t("section_conflicts", lang))
sections.render_conflicts(data.memo(("conflicts-all",), lambda: quality.find_conflicts(figures)), lang, filtered=False)
sections_quality.render_stage_disagreements(lang)
sections_quality.render_identities(figures, lang)
sections_quality.render_staleness(figures, lang)
