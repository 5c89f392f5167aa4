"""HBEU Dash entry point: page config, navigation, the shared sidebar; the pages do the rest."""

import streamlit as st

from hbeu_dash import ui
from hbeu_dash.i18n import t

st.set_page_config(page_title="HBEU Dash · 呼包鄂乌", page_icon="🏙️", layout="wide")
ui.init_state()
lang = ui.current_lang()
PAGES = [
    ("app_pages/overview.py", "page_overview", ":material/dashboard:", "overview"),
    ("app_pages/services.py", "page_services", ":material/account_balance:", "services"),
    ("app_pages/science.py", "page_science", ":material/science:", "science"),
    ("app_pages/transport.py", "page_transport", ":material/train:", "transport"),
    ("app_pages/timeline.py", "page_timeline", ":material/timeline:", "timeline"),
    ("app_pages/explorer.py", "page_explorer", ":material/table:", "explorer"),
    ("app_pages/quality.py", "page_quality", ":material/fact_check:", "quality"),
]
navigation = st.navigation(
    [
        st.Page(path, title=t(key, lang), icon=icon, url_path=url, default=(url == "overview"))
        for path, key, icon, url in PAGES
    ]
)
ui.render_style()
ui.render_sidebar()
ui.render_data_banner()
navigation.run()
