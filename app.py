"""HBEU Dash entry point: page config, navigation over the page registry, the shared chrome; pages do the rest."""

import streamlit as st

from hbeu_dash.ui import auth, chrome

st.set_page_config(page_title="HBEU Dash · 呼包鄂乌", page_icon="🏙️", layout="wide")
filters = chrome.begin_run()
if not auth.require_viewer(filters.lang):  # a deployer's closed dashboard: its login, nothing else
    st.navigation(chrome.make_pages(filters.lang), position="hidden")  # keeps the page asked for in the URL
    st.stop()
navigation, presenting = chrome.make_navigation(filters.lang)
chrome.render_style(filters.lang)
if presenting:  # the slides: nothing in the sidebar (no expand arrow), notices as toasts
    chrome.render_notices(filters.lang, presenting=True)
else:
    filters = chrome.render_sidebar(navigation.url_path)
chrome.render_version_notices(filters.lang, presenting)
chrome.render_data_banner(filters.lang)
try:
    navigation.run()
except chrome.PageEnded:
    pass  # a guard ended the page after its notice; the footer still follows
if not presenting:
    chrome.render_footer(filters.lang)
