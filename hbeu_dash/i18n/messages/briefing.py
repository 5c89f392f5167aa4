"""The briefing (HTML and PDF): its headings, citations, paragraphs and the page that builds it."""

MESSAGES: dict[str, tuple[str, str]] = {
    # its pages and the page that builds it (documents/briefing/, ui/briefing.py)
    "briefing_title": ("简报", "Briefing"),
    "briefing_scope": ("城市：{cities}；领域：{sectors}", "Cities: {cities}; sectors: {sectors}"),
    "all_selected": ("全部", "all"),
    "generated_on": ("生成日期：{date}", "Generated on {date}"),
    "briefing_broken": (
        "数据文件有 {n} 处问题（{files}），受影响的部分未收入本简报。",
        "{n} problem(s) in the data files ({files}); the parts they affect are left out of this briefing.",
    ),
    "briefing_contents": ("目录", "Contents"),
    "briefing_offline": (
        "本文件自带全部图表和脚本，离线可用，不加载任何外部资源。",
        "This file carries every chart and script it needs: it works offline and loads nothing from elsewhere.",
    ),
    "section_empty": ("当前筛选下没有内容。", "Nothing under the current filters."),
    "section_citations": ("数字来源", "Citations"),
    "citations_intro": (
        "本简报中的每个数字：城市、原文写法与数值、期间、截至日期、来源名称与网址、发言人和原文片段。"
        "引用某个数字时，请注明它的原始来源和截至日期，并注明本简报的数据版本（{version}）。",
        "Every figure in this briefing: city, the number as written and as a value, period, as-of, the source by name "
        "and URL, the speaker and the verbatim evidence. When you cite a figure, cite its original source and as-of "
        "date, and this briefing's data version ({version}).",
    ),
    "url": ("网址", "URL"),
    "no_url": ("无网址", "no URL"),
    "map_sized_by": ("城市标记大小表示：{indicator}", "City markers are sized by: {indicator}"),
    "make_briefing": ("生成简报", "Make briefing"),
    "briefing_building_html": ("正在生成 HTML 简报…", "Building the HTML briefing…"),
    "briefing_building_pdf": ("正在用本机 Chromium 排版 PDF…", "Laying out the PDF with this machine's Chromium…"),
    "briefing_ready": ("简报已生成", "Briefing ready"),
    "briefing_failed": ("简报未能生成", "The briefing could not be made"),
    "download_html": ("下载 HTML", "Download HTML"),
    "download_pdf": ("下载 PDF", "Download PDF"),
    "pdf_failed": (
        "PDF 未能生成（{why}）；HTML 版可以下载，并可在浏览器中打印。",
        "The PDF could not be made ({why}); the HTML briefing downloads as usual and prints from any browser.",
    ),
    # briefing's paragraphs (views/briefing.py)
    "briefing_paragraphs": ("原文段落", "Paragraphs in the sources"),
    "briefing_paragraphs_intro": (
        "每个来源存档原文中被引用的段落，按原文顺序排列；每段只印一次，段中被引用的原文片段以底色标出，段后列出引用它的"
        "数字。上文“数字来源”中每个数字的 ¶ 编号指向这里。",
        "The paragraphs of each source's archived text that the figures quote, in the text's order. Each is printed "
        "once, every fragment quoted from it highlighted and the figures quoting it listed below it; the ¶ number "
        "beside each figure under Citations points here.",
    ),
    "briefing_paragraph": ("所在段落", "Paragraph"),
    "briefing_paragraph_figures": ("引用本段的数字", "Figures quoting it"),
    "briefing_figure_sep": ("；", "; "),
    "briefing_read": ("存档原文", "Archived text"),
    "briefing_read_unknown": ("读取日期和出处未记录", "when and where it was read is not recorded"),
    # briefing: summary (views/briefing.py BriefingSummary: the opening two pages)
    "briefing_summary": ("摘要", "Summary"),
}
