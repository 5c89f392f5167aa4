"""The targets section: each target beside the latest measurement of every pair of cities, with its chart, citations,
table twin and downloads (the view model: hbeu_dash.views.targets)."""

import streamlit as st

from hbeu_dash.i18n import t
from hbeu_dash.ui import data
from hbeu_dash.ui.widgets import escape_md, mixed_md, render_chart, render_downloads
from hbeu_dash.views import targets as target_views
from hbeu_dash.views.filters import Filters


def render_targets(filters: Filters) -> None:
    """'目标与实测 / Targets against measurements': per target its chart (bars against the target's line), the
    evidence of the target and of each latest measurement, the table twin and its downloads. Every pair of the
    four cities is shown whatever the city filter: a circle's target is the cluster's."""
    lang = filters.lang
    figures, indicators = data.get_figures(), data.get_table("indicators")
    if figures is None or indicators is None:
        return
    cities = data.get_table("cities")
    checks = data.memo(("target-checks",), lambda: target_views.build_target_checks(figures, indicators, cities))
    st.subheader(t("targets_title", lang))
    st.caption(t("targets_intro", lang))
    if not checks:
        st.info(t("targets_none", lang))
        return
    for check in checks:  # one under the other: the bars' labels and the downloads need the page's width
        render_chart(f"tr-target-{check.target_id}", lambda check=check: check.chart(lang), filters)
        evidence = escape_md(t("targets_evidence", lang))
        st.markdown(f"**{evidence}**")
        st.markdown("\n".join(f"- {mixed_md(line)}" for line in check.citations(lang)), unsafe_allow_html=True)
        table = data.memo(("target-table", check.target_id, lang), lambda check=check: check.table(lang))
        render_downloads(table, f"hbeu-target-{check.target_id}-{lang}", lang)
