"""Add data / 添加数据 (analysts only): an article's figures or an uploaded table → validation → preview → commit."""

import streamlit as st

from hbeu_dash.i18n import t
from hbeu_dash.ui import article, chrome, entry, state, upload

lang = state.current_lang()
chrome.render_header("page_add_data", lang, "add_data_intro")
entry.require_analyst(lang)
entry.render_flash()
from_article, from_table = st.tabs([t("entry_tab_article", lang), t("entry_tab_upload", lang)])
with from_article:
    article.render_article(lang)
with from_table:
    upload.render_upload(lang)
