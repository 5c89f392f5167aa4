"""HBEU Dash entry point: page config, navigation over the page registry, the shared chrome; pages do the rest."""

import streamlit as st

from hbeu_dash.ui import chrome

st.set_page_config(page_title="HBEU Dash · 呼包鄂乌", page_icon="🏙️", layout="wide")
filters = chrome.begin_run()
navigation = chrome.make_navigation(filters.lang)
chrome.render_style()
filters = chrome.render_sidebar()
chrome.render_data_banner(filters.lang)
try:
    navigation.run()
except chrome.PageEnded:
    pass  # a guard ended the page after its notice; the footer still follows
chrome.render_footer(filters.lang)
