"""Change history / 修改记录 (analysts only): the audit log; undo step by step, redo, and revert an older commit."""

from hbeu_dash.ui import chrome, entry, history, state

lang = state.current_lang()
chrome.render_header("page_history", lang, "history_intro")
entry.require_analyst(lang)
entry.render_flash()
history.render_history(lang)
