"""Add data / 添加数据 (analysts only): an article's figures or an uploaded table → validation → preview → commit."""

import streamlit as st

from hbeu_dash.i18n import t
from hbeu_dash.ui import article, chrome, entry, state

lang = state.current_lang()
chrome.render_header("page_add_data", lang, "add_data_intro")
entry.require_analyst(lang)
entry.render_flash()
from_article, upload = st.tabs([t("entry_tab_article", lang), t("entry_tab_upload", lang)])
with from_article:
    article.render_article(lang)
with upload:
    entry.render_upload(lang)
