"""Cooperation timeline / 合作进程: plans, meetings, agreements and launches, with what was signed."""

import streamlit as st

from hbeu_dash import charts, transforms, ui

filters = ui.begin_page("page_timeline")
lang = filters.lang
events = ui.get_table("events")
if events is None:
    st.stop()

timeline = ui.memo(
    ("timeline", filters), lambda: transforms.timeline_events(transforms.filter_by_cities(events, filters.cities))
)
title = "呼包鄂乌一体化合作进程" if lang == "zh" else "Integration milestones"
ui.render_chart(lambda: charts.make_timeline_figure(timeline, lang, title, f"hbeu-timeline-{lang}"), "tl-chart")
ui.render_event_list(timeline, events, ui.get_figures())
