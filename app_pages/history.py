"""Change history / 修改记录 (analysts only): the audit log, and a one-click undo of the latest commit."""

from hbeu_dash.ui import chrome, entry, state

lang = state.current_lang()
chrome.render_header("page_history", lang, "history_intro")
entry.require_analyst(lang)
entry.render_flash()
entry.render_history(lang)
