"""Adding data: the article assistant's form, uploads and their preview, attaching source texts, the commit."""

MESSAGES: dict[str, tuple[str, str]] = {
    # the Add data page (app_pages/add_data.py; hbeu_dash/ui/entry.py, ui/article.py, ui/upload.py)
    "page_add_data": ("添加数据", "Add data"),
    "add_data_intro": (
        "从一篇新文章中提取数字，或上传一张表。任何内容都要先通过与 data/ 相同的校验和预览，由你确认后才会提交；"
        "每次提交都记录在修改记录中，可以撤销。",
        "Take the figures out of a new article, or upload a table. Everything passes the same validation as data/ "
        "and a preview, and is committed only when you say so; every commit is in the change history and can be "
        "undone.",
    ),
    "article_text": ("文章正文（粘贴）", "Article text (paste it)"),
    "article_file": ("或上传 .txt / .html / .pdf 文件", "or upload a .txt / .html / .pdf file"),
    "article_source": ("来源", "Source"),
    "article_new_source": ("新来源（在下面填写）", "A new source (fill in below)"),
    "article_title": ("标题（原文）", "Title (as published)"),
    "article_title_en": ("英文标题", "Title in English"),
    "article_outlet_zh": ("媒体或发布机构（中文）", "Outlet or publisher (Chinese)"),
    "article_outlet_en": ("媒体或发布机构（英文）", "Outlet or publisher (English)"),
    "article_published": ("发布日期（YYYY-MM-DD）", "Published (YYYY-MM-DD)"),
    "article_url": ("网址（可留空）", "URL (optional)"),
    "article_source_id": ("来源 id", "Source id"),
    "article_extract": ("提取候选数字", "Propose figures"),
    "article_needs_text": ("请粘贴文章正文或上传文件。", "Paste the article's text or upload a file."),
    "article_bad_date": (
        "发布日期“{value}”无效：请写成 YYYY-MM-DD（或 YYYY-MM）",
        "Published '{value}' is not a date: write YYYY-MM-DD (or YYYY-MM)",
    ),
    "article_candidates": (
        "找到 {figures} 个候选数字和 {events} 个候选事件。逐行检查：取消“采用”即丢弃，直接修改单元格即更正；"
        "evidence 必须仍是原文片段。evidence_en（英文译文）可以留空，以后再补：英文页面会标注“英文译文待补”。",
        "Found {figures} candidate figure(s) and {events} candidate event(s). Check each row: untick 'accept' to "
        "drop it, edit a cell to fix it; the evidence must stay a fragment of the text. evidence_en (the English "
        "rendering) may stay empty until it is written: English pages mark it 'English evidence pending'.",
    ),
    "article_too_long": (
        "文章有 {found} 个字符，最多读取 {limit} 个；请分段提取",
        "The article has {found} characters; at most {limit} are read: take it in parts",
    ),
    "article_truncated": (
        "只列出前 {limit} 个候选数字；其余请分段提取",
        "Only the first {limit} candidate figures are listed; take the rest in parts",
    ),
    "article_accept": ("采用", "accept"),
    "article_figures": ("候选数字", "Candidate figures"),
    "article_events": ("候选事件", "Candidate events"),
    "article_source_row": ("新来源", "New source"),
    "article_check": ("检查并预览", "Check and preview"),
    "article_indicators": ("候选新指标", "Proposed new indicators"),
    "article_indicators_help": (
        "没有相符的现有指标时，助手按原文用词提议新指标：请填写英文名 name_en（助手不翻译），核对单位、领域和类型。"
        "改动指标 id 时，引用它的候选数字随之改动；它与候选数字在同一次提交中写入。",
        "Where no existing indicator fits, the assistant proposes a new one from the article's words: write its "
        "English name (name_en; the assistant does not translate) and check the unit, sector and measure. Renaming "
        "an indicator id renames it in the figures that cite it; it is committed with them.",
    ),
    "article_indicators_unused": (
        "以下提议的新指标没有被采用的候选数字引用，不会提交：{ids}",
        "These proposed indicators are cited by no accepted figure and are left out of the commit: {ids}",
    ),
    "entry_workbook": (
        "工作簿（多个表，每个工作表以表名命名）",
        "A workbook of several tables (each sheet named after its table)",
    ),
    "entry_workbook_help": (
        "每个工作表以表名命名：{tables}；所有工作表作为一次修改检查、预览和提交。",
        "Name each sheet after its table: {tables}; all of them are checked, previewed and committed as one change.",
    ),
    "entry_template_workbook": ("模板工作簿", "Template workbook"),
    "entry_ignored_columns": (
        "已略过助手的评分列（不写入数据）：{columns}",
        "The assistant's score column(s) are read past, not stored: {columns}",
    ),
    "entry_needs_login": ("只有登录的分析员可以添加或修改数据。", "Only a logged-in analyst can add or change data."),
    "entry_tab_article": ("从文章提取", "From an article"),
    "entry_tab_upload": ("上传表格", "Upload a table"),
    "entry_table_choice": ("表", "Table"),
    "entry_templates": ("空白模板（第二行说明各列）：", "Blank templates (the second row explains each column):"),
    "entry_template_csv": ("模板 CSV", "Template CSV"),
    "entry_template_xlsx": ("模板 Excel", "Template Excel"),
    "entry_upload": ("CSV（UTF-8、GB18030、UTF-16）或 .xlsx 文件", "A CSV (UTF-8, GB18030, UTF-16) or .xlsx file"),
    "entry_problems": (
        "发现 {count} 处问题；全部解决之前不会写入任何内容：",
        "{count} problem(s); nothing is written while any remains:",
    ),
    "entry_summary": (
        "预览（数据版本 {version}）：新增 {new} 行，修改 {changed} 行，与现有数据相同 {same} 行",
        "Preview (data version {version}): {new} new row(s), {changed} changed, {same} identical to the data",
    ),
    "entry_new_rows": ("新增的行：{table}", "New rows: {table}"),
    "entry_changed_rows": ("将被修改的值（旧 → 新）", "Values that change (old → new)"),
    "entry_new_conflicts": (
        "提交后将出现新的数值冲突（冲突会并列显示，不会被合并）：",
        "Committing brings new conflicts (they are shown side by side, never merged):",
    ),
    "entry_new_stage_conflicts": (
        "提交后将出现新的项目阶段分歧：",
        "Committing brings new project stage disagreements:",
    ),
    "entry_failing_identities": ("提交后以下恒等关系将不成立：", "Committing breaks these identities:"),
    "entry_no_change": ("没有变化：这些行与现有数据完全相同。", "Nothing changes: these rows equal the current data."),
    "entry_commit": ("提交", "Commit"),
    "entry_committed": (
        "已提交 {commit_id}：数据版本 {before} → {after}。所有页面和简报在下一次刷新时显示新数据。",
        "Committed {commit_id}: data version {before} → {after}. Every page and the briefing show it on their next "
        "run.",
    ),
    "entry_conflict": (
        "未提交：预览之后数据已被修改（预览时为 {expected}，现在为 {actual}），可能是另一位分析员提交了。"
        "请重新预览，确认后再提交。",
        "Not committed: the data changed after this preview (it was {expected}, it is now {actual}), perhaps another "
        "analyst committed. Preview again and commit once you have checked it.",
    ),
    "entry_file": ("文件", "File"),
    "entry_row": ("行", "Row"),
    "entry_column": ("列", "Column"),
    "entry_value": ("值", "Value"),
    "entry_problem": ("问题", "Problem"),
    "entry_table": ("表", "Table"),
    "entry_key": ("键", "Key"),
    "entry_old": ("现值", "Current"),
    "entry_new": ("新值", "New"),
    "entry_when": ("时间", "When"),
    "entry_author": ("作者", "Author"),
    "entry_action": ("操作", "Action"),
    "entry_rows": ("行数", "Rows"),
    "entry_rows_changed": (
        "{table}：新增 {added}，修改 {changed}，删除 {removed}",
        "{table}: {added} added, {changed} changed, {removed} removed",
    ),
    "entry_versions": ("数据版本", "Data version"),
    "entry_commit_id": ("提交编号", "Commit"),
    # analyst's source texts (ui/entry.py, ui/article.py, ui/upload.py, ui/texts.py)
    "texts_heading": ("来源原文", "Source texts"),
    "texts_intro": (
        "每一行的 evidence 都必须逐字出现在它所引来源的存档原文中。来源还没有原文时，在这里附上（粘贴，或上传 .txt、"
        ".html、文字版 .pdf）：原文与这些行在同一次提交中存档。",
        "Every row's evidence must stand word for word in the archived text of the source it cites. When a source "
        "has no text yet, attach it here (paste it, or upload a .txt, .html or text .pdf): it is archived in the "
        "same commit as the rows.",
    ),
    "texts_needed": (
        "这些行所引的来源没有存档原文：{sources}。请在下面附上它的原文，与这些行一起提交。",
        "The rows cite a source with no archived text: {sources}. Attach its text below; it is committed with them.",
    ),
    "texts_attach": ("附上一篇来源原文（粘贴或上传文件）", "Attach a source text (paste it or upload a file)"),
    "texts_source": ("附到来源", "Attach to source"),
    "texts_source_has_text": ("{source}（已有存档原文）", "{source} (has an archived text)"),
    "texts_source_no_text": ("{source}（没有存档原文）", "{source} (no archived text)"),
    "texts_source_in_upload": ("{source}（上传的来源表中）", "{source} (in the uploaded sources table)"),
    "texts_paste": ("原文（粘贴）", "Text (paste it)"),
    "texts_file": (
        "或上传 .txt / .html / .pdf 文件（网页只取正文，不含菜单和页脚）",
        "or upload a .txt / .html / .pdf file (from a web page only the article is kept, not its menus and footer)",
    ),
    "texts_retrieved": ("读取日期", "Read on"),
    "texts_retrieved_from": (
        "读取网址（与来源网址不同时填写，如转载页；可留空）",
        "Read at (the address, when not the source's own URL, e.g. a reprint; optional)",
    ),
    "texts_read": ("读取原文", "Read the text"),
    "texts_pasted": ("粘贴的原文", "pasted text"),
    "texts_attached": (
        "{source}：{chars} 个字符，sha256 {sha}…，{retrieved} 读取{where}",
        "{source}: {chars} characters, sha256 {sha}…, read on {retrieved}{where}",
    ),
    "texts_attached_from": ("，读取自 {url}", " at {url}"),
    "texts_origin": ("来自：{origin}", "From: {origin}"),
    "texts_first_lines": ("读到的开头几行：", "The first lines read:"),
    "texts_replaces": (
        "将替换 {source} 现有的存档原文（sha256 {sha}…）；引用该来源的每一行都会按新原文重新核对。",
        "Replaces the archived text {source} names now (sha256 {sha}…); every row citing it is checked again "
        "against the new one.",
    ),
    "texts_remove": ("移除", "Remove"),
    "texts_archived": ("本次提交将存档以下来源原文：", "This commit archives these source texts:"),
    "texts_col_source": ("来源", "Source"),
    "texts_col_chars": ("字符数", "Characters"),
    "texts_col_begins": ("开头", "Begins"),
    "texts_col_archive": ("存档", "Archive"),
    "texts_new": ("新存档", "archived now"),
    "texts_already": ("已在存档中", "already archived"),
    "texts_history": ("存档原文", "Source texts"),
    "entry_committed_texts": (
        "同一次提交存档了 {n} 篇来源原文：{shas}。",
        "The same commit archived {n} source text(s): {shas}.",
    ),
    "article_retrieved_from": (
        "读取网址（与上面的网址不同时填写，如转载页；可留空）",
        "Read at (the address, when not the URL above, e.g. a reprint; optional)",
    ),
    "article_text_attached": (
        "这篇文章就是来源 {source} 的原文：它与这些行在同一次提交中存档（sha256 {sha}…，{chars} 个字符），"
        "每一行的 evidence 都按它核对。",
        "This article is the text of source {source}: it is archived in the same commit as these rows (sha256 "
        "{sha}…, {chars} characters), and every row's evidence is checked against it.",
    ),
    "article_text_archived": (
        "来源 {source} 已有存档原文（sha256 {sha}…）：候选行按该存档原文核对，粘贴的文章不会存档。",
        "Source {source} already has an archived text (sha256 {sha}…): the candidates are checked against that "
        "text; the pasted article is not archived.",
    ),
    "article_rechecks": (
        "修改表格中的任何单元格都会立即重新检查。",
        "Any edit in the tables is checked again at once.",
    ),
    "entry_store_unavailable": (
        "数据库 {url} 连接中断，无法确认这次修改是否已保存。请稍后打开“修改记录”查看，再决定是否重新提交。",
        "The database {url} became unavailable, so it is not known whether this change was saved. In a moment, "
        "look at the change history before committing again.",
    ),
}
