"""A figure's words in its source: citations of the archived texts and the reader's 'In the source' page."""

MESSAGES: dict[str, tuple[str, str]] = {
    # the source archive: a row's paragraph in its source (hbeu_dash/views/citations.py)
    "citation_read_on": ("{date} 读取", "read on {date}"),
    "citation_read_at": ("{date} 读取自 {where}", "read on {date} at {where}"),
    "citation_date_unknown": ("日期不详", "date unknown"),
    "citation_no_text": (
        "{source} 的原文没有存档，无法显示所在段落。",
        "The text of {source} is not archived: its paragraph cannot be shown.",
    ),
    "citation_not_found": (
        "这段摘录不在 {source} 的存档原文中。",
        "This fragment does not stand in the archived text of {source}.",
    ),
    # reader's paragraph (ui/citations.py)
    "page_evidence": ("原文段落", "In the source"),
    "evidence_intro": (
        "数字所依据的来源原文：只显示包含摘录的那一段，摘录的文字以底色标出。段落上方是来源、日期和讲话人，"
        "下方是原标题、网址和原文的读取时间。",
        "Where each figure stands in its source: only the paragraph holding the quoted words, which are highlighted. "
        "Above it, whose words they are and when; beneath it, the original title, the address and when the text was "
        "read.",
    ),
    "evidence_link": ("原文段落", "In the source"),
    "evidence_column": ("原文段落", "In the source"),
    "evidence_source_line": ("本图数据的原文段落", "This chart's data in its sources"),
    "evidence_open": ("在单独页面打开这些段落", "Open these paragraphs on their own page"),
    "evidence_back": ("返回{page}", "Back to {page}"),
    "evidence_none": (
        "这个链接没有指定数字。请点击卡片、图表或表格中的“原文段落”。",
        "This link names no figure. Follow 'In the source' from a card, a chart or a table.",
    ),
    "evidence_ignored": (
        "链接中的 {name}={value} 在当前数据中找不到，已略去。",
        "The link asks for {name}={value}, which the current data does not hold: left out.",
    ),
    "evidence_translation": ("英译", "In English"),
    # a row whose evidence_en is not written yet: the Chinese words are shown as they are, with this mark
    "evidence_en_pending": ("英文译文待补", "English evidence pending"),
    "evidence_title": ("原标题", "Original title"),
    "evidence_no_url": ("来源没有网址", "The source has no address"),
    "evidence_read": ("存档原文", "Archived text"),
    "evidence_read_unknown": ("读取时间和出处未记录", "when and where it was read is not recorded"),
    "evidence_whole_text": ("存档全文 · {source}（仅分析员可见）", "Whole archived text · {source} (analysts only)"),
    "evidence_clicked": ("所点数据的原文段落", "The paragraph behind the point you clicked"),
    "evidence_click_hint": (
        "点击图中的柱形或圆点，可查看它在原文中的段落。",
        "Click a bar or dot to see its paragraph in the source.",
    ),
}
