"""In the source / 原文段落: the paragraph each row a link names stands on, the quoted words highlighted."""

from hbeu_dash.ui import chrome, evidence, state

filters = state.current_filters()
evidence.render_header(filters)
chrome.require_table("sources", filters.lang)
evidence.render_paragraphs(filters)
