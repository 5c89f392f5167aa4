"""Every UI string in zh and en, vocabulary labels, and locale number formatting (万/亿 in zh)."""

from babel.numbers import format_decimal

from hbeu_dash.model import schema

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"

# One colour per city on every chart and the map (Okabe–Ito, colour-blind safe).
CITY_COLORS = {
    "hohhot": "#0072B2",
    "baotou": "#E69F00",
    "ordos": "#009E73",
    "ulanqab": "#CC79A7",
    "region": "#555555",
    "multi": "#8C8C8C",
}
# Project stages, light to dark along the stage order (colour-blind safe, viridis-like); no stage = grey.
STATUS_COLORS = {
    "proposed": "#FDE725",
    "planned": "#B5DE2B",
    "preliminary_work": "#6CCE59",
    "under_construction": "#1F9E89",
    "main_works_completed": "#26828E",
    "completed": "#3E4989",
    "in_operation": "#440154",
    "promoted": "#A0A0A0",
}
# The dark big-screen theme (大屏): each colour above replaced by one with contrast ≥ 4.5:1 on DARK_BACKGROUND, cities
# and stages still distinct and in the same order.
DARK_BACKGROUND = "#0f172a"
DARK_TEXT = "#e2e8f0"
DARK_COLORS = {
    CITY_COLORS["hohhot"]: "#56B4E9",
    CITY_COLORS["region"]: "#A3A3A3",
    STATUS_COLORS["main_works_completed"]: "#46A6C9",
    STATUS_COLORS["completed"]: "#7E8FE8",
    STATUS_COLORS["in_operation"]: "#B48CF2",
    "#D55E00": "#F0803C",  # the timeline's meetings (charts.EVENT_COLORS)
    "#56B4E9": "#A5D8F3",  # the timeline's policies, kept apart from the plans' (Hohhot's) new #56B4E9
    "#555555": "#A3A3A3",
    "#333333": "#CBD5E1",  # bar outlines and waterfall totals
    "#BBBBBB": "#64748B",  # zero lines
    "#E5E5E5": "#334155",  # grid lines
}

CITY_NAMES = {
    "hohhot": ("呼和浩特", "Hohhot"),
    "baotou": ("包头", "Baotou"),
    "ordos": ("鄂尔多斯", "Ordos"),
    "ulanqab": ("乌兰察布", "Ulanqab"),
    "region": ("四市", "Four cities"),
}
SECTOR_NAMES = {
    "government_services": ("政务服务", "Government services"),
    "science_innovation": ("科技创新", "Science & innovation"),
    "transport": ("交通", "Transport"),
    "cooperation_planning": ("合作与规划", "Cooperation & planning"),
    "industry_energy": ("产业与能源", "Industry & energy"),
    "ecology": ("生态", "Ecology"),
    "public_services_talent": ("公共服务与人才", "Public services & talent"),
    "digital": ("数字", "Digital"),
    "economy": ("区域经济", "Regional economy"),
}
STATUS_NAMES = {
    "proposed": ("争取纳入规划", "Proposed"),
    "planned": ("计划", "Planned"),
    "preliminary_work": ("前期工作", "Preliminary work"),
    "under_construction": ("在建", "Under construction"),
    "main_works_completed": ("主体完工", "Main works completed"),
    "completed": ("建成", "Completed"),
    "in_operation": ("运营中", "In operation"),
    "promoted": ("推进中（阶段未说明）", "Being promoted (stage not stated)"),
}
PROJECT_KIND_NAMES = {
    "expressway": ("高速公路", "Expressway"),
    "highway": ("公路", "Road"),
    "high_speed_rail": ("高铁", "High-speed rail"),
    "rail_service": ("铁路客运", "Rail service"),
    "bridge": ("桥梁", "Bridge"),
    "airport": ("机场", "Airport"),
    "intercity_bus": ("城际公交", "Intercity bus"),
    "coach_service": ("定制客运", "Coach service"),
    "freight": ("货运物流", "Freight"),
    "data": ("数据", "Data"),
    "platform": ("平台", "Platform"),
}
EVENT_KIND_NAMES = {
    "plan": ("规划", "Plan"),
    "policy": ("政策", "Policy"),
    "meeting": ("会议", "Meeting"),
    "agreement": ("协议", "Agreement"),
    "launch": ("启动", "Launch"),
    "target": ("计划目标", "Target"),
}
MEASURE_NAMES = {
    "count_to_date": ("累计", "to date"),
    "count_in_period": ("期内", "in period"),
    "count": ("数量", "count"),
    "daily_frequency": ("每日", "per day"),
    "money": ("金额", "money"),
    "target": ("目标", "target"),
    "ordinal": ("届次", "ordinal"),
    "duration": ("时长", "duration"),
    "share": ("占比", "share"),
    "growth": ("增速", "growth rate"),
    "length": ("长度", "length"),
    "speed": ("速度", "speed"),
}
IDENTITY_STATUS_NAMES = {
    "holds": ("成立", "holds"),
    "fails": ("不成立", "fails"),
    "missing": ("缺少数据", "figure missing"),
}
SOURCE_LANGUAGE_NAMES = {"zh": ("中文", "Chinese"), "en": ("英文", "English")}
TABLE_NAMES = {
    "figures": ("数字", "figures"),
    "projects": ("项目", "projects"),
    "events": ("事件", "events"),
    "sources": ("来源", "sources"),
    "indicators": ("指标", "indicators"),
}
COMMIT_ACTION_NAMES = {
    "commit": ("提交", "commit"),
    "undo": ("撤销", "undo"),
    "redo": ("重做", "redo"),
    "revert": ("撤回", "revert"),
    "import": ("导入", "import"),
}
VOCABULARIES = {
    "table": TABLE_NAMES,
    "commit_action": COMMIT_ACTION_NAMES,
    "city": CITY_NAMES,
    "language": SOURCE_LANGUAGE_NAMES,
    "sector": SECTOR_NAMES,
    "status": STATUS_NAMES,
    "project_kind": PROJECT_KIND_NAMES,
    "event_kind": EVENT_KIND_NAMES,
    "measure": MEASURE_NAMES,
    "identity_status": IDENTITY_STATUS_NAMES,
}

STRINGS: dict[str, tuple[str, str]] = {
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
    # data entry (app_pages/add_data.py, app_pages/history.py; hbeu_dash/ui/entry.py)
    "page_add_data": ("添加数据", "Add data"),
    "page_history": ("修改记录", "Change history"),
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
    "history_intro": (
        "每次提交和撤销都记录在这里（只追加，不可修改）。被修改文件的旧版本保存在数据文件夹的 .hbeu/history 中。",
        "Every commit and undo is recorded here (append-only). The previous version of each changed file is kept "
        "under .hbeu/history in the data folder.",
    ),
    "history_empty": ("还没有任何提交。", "Nothing has been committed yet."),
    "history_undo": ("撤销最近一次提交（{commit_id}）", "Undo the latest commit ({commit_id})"),
    "history_redo": (
        "重做：撤销最近一次撤销（{commit_id}）",
        "Redo: undo the latest undo ({commit_id})",
    ),
    "history_undone": (
        "已撤销 {undo_of}：数据版本 {before} → {after}（这次撤销本身也已记录）",
        "Undid {undo_of}: data version {before} → {after} (the undo itself is recorded)",
    ),
    "history_not_latest": (
        "无法撤销：数据在这次提交之后又有修改（现在为 {actual}）。只能撤销最近一次提交。",
        "Cannot undo: the data changed after that commit (it is now {actual}). Only the latest commit can be undone.",
    ),
    "history_data_changed": (
        "数据在你打开此页之后有变化（现在为 {actual}）；请查看最新记录后再撤销。",
        "The data changed since you opened this page (it is now {actual}); check the latest entry, then undo.",
    ),
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
    # the source archive on the quality page (ui/quality.py, views/quality.py)
    "section_source_texts": ("来源原文存档", "Source texts"),
    "source_texts_sentence": (
        "{archived} / {total} 个来源有存档原文。",
        "{archived} of {total} sources have an archived text.",
    ),
    "source_texts_all": ("✓ 每个来源都有存档原文。", "✓ Every source has an archived text."),
    "source_texts_missing": (
        "以下来源没有存档原文。看板照常显示它们的数字，但无法核对其 evidence，也无法显示 evidence 所在的段落；"
        "引用它们的新行在附上原文之前不能提交（分析员在“添加数据”页附上原文）。",
        "These sources have no archived text. The dashboard shows their figures as usual, but their evidence cannot "
        "be checked nor its paragraph shown, and new rows citing them cannot be committed until their text is "
        "attached (analysts attach it on the Add data page).",
    ),
    "source_text_status": ("存档原文", "Archived text"),
    "source_text_ok": ("✓ {date} 读取", "✓ read on {date}"),
    "source_text_ok_undated": ("✓ 已存档", "✓ archived"),
    "source_text_none": ("✗ 没有指定原文", "✗ names no text"),
    "source_text_lost": ("✗ 所指原文不在存档中", "✗ its text is not in the archive"),
    # rows without evidence_en on the quality page (quality.find_pending_translations, views/quality.py)
    "section_pending_translations": ("英文译文待补", "English evidence pending"),
    "pending_translations_sentence": (
        "evidence 尚无英文译文（evidence_en 为空）的行：{n}。这不是错误，数据照常有效：英文页面照原样显示中文原文，"
        "并标注“英文译文待补”。写好忠实的英文译文并填入 evidence_en 后，标注即消失。",
        "Rows whose evidence has no English rendering yet (evidence_en is empty): {n}. This is not an error and the "
        "data stays valid: English pages show the Chinese words as they are, marked 'English evidence pending'. The "
        "mark goes once a faithful English rendering is written into evidence_en.",
    ),
    "pending_translations_none": ("✓ 每一行都有英文译文。", "✓ Every row has its English evidence."),
    "row_id": ("行 id", "Row id"),
    "app_title": ("呼包鄂乌一体化数据看板", "Hohhot–Baotou–Ordos–Ulanqab Integration Dashboard"),
    # pages
    "page_overview": ("总览", "Overview"),
    "page_services": ("政务服务", "Government services"),
    "page_science": ("科技创新", "Science & innovation"),
    "page_transport": ("交通", "Transport & map"),
    "page_timeline": ("合作进程", "Cooperation timeline"),
    "page_trends": ("趋势与对比", "Trends & comparison"),
    "page_explorer": ("数据", "Data explorer"),
    "page_quality": ("来源与数据质量", "Sources & data quality"),
    # sidebar
    "language": ("语言", "Language"),
    "filter_cities": ("城市", "Cities"),
    "filter_sectors": ("领域", "Sectors"),
    "filter_help": (
        "筛选条件保存在网址中，复制链接即可重现当前视图。四市共同的数字始终显示。",
        "Filters are kept in the URL: a copied link reproduces this view. Figures for all four cities always show.",
    ),
    "reset_filters": ("重置筛选", "Reset filters"),
    "param_ignored": ("已忽略网址参数 {name}={value}：{why}", "Ignored URL parameter {name}={value}: {why}"),
    "param_unknown": ("未知参数", "unknown parameter"),
    "param_bad_value": ("无效取值", "not a valid value"),
    "empty_state": (
        "当前筛选下没有数据。请在左侧选择至少一个城市和领域，或点击“重置筛选”。",
        "Nothing matches the current filters. Pick at least one city and one sector on the left, or reset the filters.",
    ),
    "table_unavailable": (
        "{file} 有问题，相关内容暂不显示；详见“来源与数据质量”页。",
        "{file} has problems, so this part is hidden; see Sources & data quality.",
    ),
    "store_unavailable": (
        "暂时无法读取数据：数据库连接不上。请稍后重试；如持续出现，请联系系统管理员。",
        "The data cannot be read right now: the database is unavailable. Try again in a moment; if it persists, "
        "tell the administrator.",
    ),
    "store_details": ("技术细节（供系统管理员）", "Technical details (for the administrator)"),
    "store_setting_text": ("设置的问题（原文）：{why}", "What is wrong with the setting: {why}"),
    "store_details_text": (
        "数据库：{url}\n原因（数据库驱动的原文）：{reason}",
        "Database: {url}\nReason (as the driver put it): {reason}",
    ),
    "store_retry": ("重试", "Try again"),
    "entry_store_unavailable": (
        "数据库 {url} 连接中断，无法确认这次修改是否已保存。请稍后打开“修改记录”查看，再决定是否重新提交。",
        "The database {url} became unavailable, so it is not known whether this change was saved. In a moment, "
        "look at the change history before committing again.",
    ),
    "store_bad_setting": (
        "数据存储的设置有误，无法读取数据。请联系系统管理员。",
        "The data store setting is wrong, so the data cannot be read. Tell the administrator.",
    ),
    "data_banner": (
        "数据文件有 {n} 处问题（{files}），其余内容照常显示。",
        "{n} problem(s) in the data files ({files}); everything else works as usual.",
    ),
    # common labels
    "source": ("来源", "Source"),
    "sources": ("来源", "Sources"),
    "as_of": ("截至", "As of"),
    "period": ("期间", "Period"),
    "unit": ("单位", "Unit"),
    "evidence": ("原文", "Evidence"),
    "speaker": ("发言人", "Speaker"),
    "note": ("说明", "Note"),
    "value": ("数值", "Value"),
    "value_text": ("原文写法", "As written"),
    "indicator": ("指标", "Indicator"),
    "city": ("城市", "City"),
    "sector": ("领域", "Sector"),
    "measure": ("类型", "Measure"),
    "status": ("状态", "Status"),
    "kind": ("类别", "Kind"),
    "date": ("日期", "Date"),
    "title": ("标题", "Title"),
    "name": ("名称", "Name"),
    "cities": ("城市", "Cities"),
    "count": ("数量", "Count"),
    "table_twin": ("查看图表数据", "Chart data as a table"),
    "conflict": ("来源不一致", "Sources disagree"),
    "conflict_marker": ("⚠ 来源不一致：{values}", "⚠ Sources disagree: {values}"),
    "agree": ("{n} 条报告一致", "{n} reports agree"),
    # change over time (hbeu_dash/views/trends.py): a card's change, its staleness, the trend and four-city views
    "change_text": (
        "{earlier}（{earlier_when}）→ {latest}（{latest_when}）",
        "{earlier} ({earlier_when}) → {latest} ({latest_when})",
    ),
    "stale_note": ("数据截至{as_of}，已逾一年", "Data as of {as_of}, over a year old"),
    "stale_note_years": ("数据截至{as_of}，已逾{years}年", "Data as of {as_of}, over {years} years old"),
    "not_reported": ("未报告", "not reported"),
    "not_selected": ("未选择（筛选）", "not selected (filter)"),
    "trend_link": ("趋势与对比", "Trend and comparison"),
    "trend_when": ("时点", "When"),
    "trends_intro": (
        "一个指标随时间的变化（每个点是一份报告，附来源与原文），以及四市并列对比；未报告的城市标为“未报告”。",
        "One indicator over time (each point a report, with its source and words) and the four cities side by side; "
        "a city without a report is marked “not reported”.",
    ),
    "trend_unknown_indicator": (
        "网址中的指标“{value}”不在所选城市和领域的数据中，已改为显示下面的指标。",
        "The indicator “{value}” in the address is not in the data of the selected cities and sectors; "
        "showing the one below instead.",
    ),
    "trend_not_per_city": (
        "“{name}”只有全区或跨市的数字，没有按单个城市报告，无法四市对比。",
        "“{name}” is reported only for the region or across cities, not per city: no four-city comparison.",
    ),
    "trend_column": ("趋势", "Trend"),
    "trend_short": ("趋势", "Trend"),
    "name_in_place": ("{name}（{city}）", "{name} ({city})"),
    "headline_band": ("要点", "Headlines"),
    "conflict_brief": ("⚠ 来源不一致（{n}份报告）", "⚠ Sources disagree ({n} reports)"),
    "headline_more": ("详见数据质量", "Data quality"),
    "overview_trend_heading": ("随时间变化与四市对比", "Over time and across the four cities"),
    "chart_panel": ("图表", "Chart"),
    "headline_change_label": ("变化最大", "Biggest change"),
    "headline_change": ("{name}（{city}）：{change}", "{name} ({city}): {change}"),
    "headline_newest_label": ("最新报告", "Newest report"),
    "headline_newest": ("截至{as_of}：{name}（{city}）{value}{more}", "As of {as_of}: {name} ({city}) {value}{more}"),
    "headline_newest_more": ("，另有{n}项同期数字", "; {n} more figures of that date"),
    "headline_conflicts_label": ("待核冲突", "Open conflicts"),
    "headline_conflicts": ("{n}处来源不一致，待核：{what}", "Disagreements between sources still open: {n} — {what}"),
    "headline_no_conflicts": ("各来源之间没有不一致", "No disagreement between sources"),
    "headline_meeting_label": ("最近一次会议", "Latest meeting"),
    "headline_meeting": ("{meeting}（{date}）：{signed}", "{meeting} ({date}): {signed}"),
    "headline_meeting_nothing": (
        "{meeting}（{date}）：数据中没有当日签署的协议",
        "{meeting} ({date}): the data holds no agreement signed that day",
    ),
    "chart_trend": ("{name}：随时间变化", "{name} over time"),
    "chart_city_slots": ("{name}：四市对比", "{name}: the four cities side by side"),
    "summary_trend": ("{name}（{unit}）随时间变化：{parts}。", "{name} ({unit}) over time: {parts}."),
    "summary_city_slots": ("{name}，四市对比：{parts}。", "{name}, the four cities side by side: {parts}."),
    "no_data": ("暂无数据", "No data"),
    "undated": ("未注明日期", "Undated"),
    "download_csv": ("下载 CSV", "Download CSV"),
    "download_excel": ("下载 Excel", "Download Excel"),
    "rows_shown": ("共 {n} 行", "{n} rows"),
    "evidence_en": ("原文英译", "Evidence (English)"),
    "citation": ("引用", "Citation"),
    "data_version": ("数据版本 {version}", "Data version {version}"),
    "link_version": ("链接生成于数据版本 {linked}", "link made with data version {linked}"),
    "link_version_stale": (
        "此链接生成于数据版本 {linked}；此后数据已更新，现显示最新数据（版本 {version}）。",
        "This link was made with data version {linked}; the data has changed since. Showing the current data "
        "(version {version}).",
    ),
    "data_changed": (
        "数据已更新（版本 {before} → {version}），现显示最新数据。",
        "The data has changed (version {before} → {version}); showing the current data.",
    ),
    # punctuation and sentence patterns
    "list_sep": ("、", ", "),
    "clause_sep": ("；", "; "),
    "sentence_end": ("。", "."),
    "quote": ("“{text}”", "“{text}”"),
    "quote_translated": ("“{text}”（{translation}）", "“{text}” ({translation})"),
    "quote_pending": ("“{text}”〔{pending}〕", "“{text}” [{pending}]"),
    "source_as_of": ("{source}（截至 {as_of}）", "{source} (as of {as_of})"),
    "labelled": ("{label}：{value}", "{label}: {value}"),
    "value_of_source": ("{value}（{source}）", "{value} ({source})"),
    "cited_quote": ("{source}（{as_of}）：{quote}", "{source} ({as_of}): {quote}"),
    # chart titles, summaries and axes
    "chart_service_items": ("各市“四城通办”事项数", "Four-city service items by city"),
    "chart_service_items_by_source": ("各市“四城通办”事项数（按来源）", "Four-city service items, by city and source"),
    "chart_projects_by_status": ("重点项目进展（按状态）", "Projects by status"),
    "chart_consortia": ("乌兰察布创新联合体与重大项目", "Ulanqab: innovation consortia and major projects"),
    "chart_talent": ("人才", "Talent"),
    "chart_ordos_plan": ("鄂尔多斯一体化任务分工方案", "Ordos: integration task plan, broken down"),
    "chart_timeline": ("呼包鄂乌一体化合作进程", "Integration milestones"),
    "summary_city_reports": ("{name}（{unit}）：{parts}。", "{name} ({unit}): {parts}."),
    "summary_identity": (
        "{parts} = {lhs}，报告总数 {total}（{verdict}）。",
        "{parts} = {lhs}; reported total {total} ({verdict}).",
    ),
    "summary_status": (
        "共 {total} 个项目，最多的状态是“{status}”（{n} 个）。",
        "{total} projects; the most common status is '{status}' ({n}).",
    ),
    "summary_timeline": ("{n} 个有日期的事件，从 {first} 到 {last}。", "{n} dated events from {first} to {last}."),
    "summary_year_only": ("空心点只知年份。", "Hollow markers: only the year is known."),
    "year_only_hover": ("（仅知年份，标在年初）", "(year only; placed at 1 January)"),
    "date_axis_format": ("%Y年%-m月", "%b %Y"),
    "year_axis_format": ("%Y年", "%Y"),
    "unit_axis": ("单位：{unit}", "Unit: {unit}"),
    "projects_axis": ("数量（个项目）", "Count (projects)"),
    # map
    "map_size_by": ("地图标记大小依据", "Size city markers by"),
    "map_offline_note": (
        "地图不加载任何外部底图（离线可用）；部署方可在 settings.toml 中配置内网瓦片和边界。"
        "河流取自自然地球 1:5000万数据（公有领域），随程序提供。",
        "No external basemap is loaded (works offline); a deployer can configure intranet tiles and boundaries "
        "in settings.toml. Rivers: Natural Earth 1:50m (public domain), shipped with the app.",
    ),
    "yellow_river": ("黄河", "Yellow River"),
    "status_history": ("{status}（{dates}）", "{status} ({dates})"),
    # transport
    "tracker_title": ("项目进展跟踪", "Project tracker"),
    "tracker_disagree_note": (
        "⚠ 各来源对该项目阶段的说法不一，见下方全部报告。",
        "⚠ sources name different stages; see all reports below.",
    ),
    "every_project_report": ("全部项目报告（{n}）", "Every project report ({n})"),
    # targets against measurements (views/targets.py, figures/target_chart.py, ui/targets.py)
    "targets_title": ("目标与实测", "Targets against measurements"),
    "targets_intro": (
        "数据中的目标（如1小时铁路经济圈、2小时公路经济圈）与同一范围内最新的实测行程时间对照，单位换算为目标的单位。"
        "原文中的“多”“以上”“超过”读作多于，“约”“左右”读作大约：多于2小时对照2小时的目标，即超出目标。",
        "The targets the data holds (the 1-hour rail and 2-hour road economic circles) beside the latest travel time "
        "measured over the same scope, in the target's unit. The sources' words of bound are kept: 'more than two "
        "hours' stays more than, 'about 40 minutes' about, so more than 2 hours against a 2-hour target is over it.",
    ),
    "targets_none": ("数据中没有与实测对照的目标。", "The data holds no target that a measurement is set against."),
    "targets_evidence": ("依据原文", "Evidence"),
    "target_cited": ("{what}：{citation}", "{what}: {citation}"),
    "chart_target": ("{name}（{value}）与实测", "{name} ({value}) against measurements"),
    "target_line": ("{name}：{value}。", "{name}: {value}."),
    "target_measured": ("实测：{pairs}。", "Measured: {pairs}."),
    "target_nothing_measured": ("数据中没有这一范围的实测。", "The data holds no measurement of this scope."),
    "target_missing": ("没有实测数据的城市对：{pairs}。", "No measurement reported for: {pairs}."),
    "target_clause_sep": ("；", "; "),
    "target_then": ("{before}{after}", "{before} {after}"),
    "target_pair": ("{scope}{value}（{when}；{name}），{verdict}", "{scope} {value} ({when}; {name}), {verdict}"),
    "target_pair_converted": (
        "{scope}{value}（{converted}，{when}；{name}），{verdict}",
        "{scope} {value} ({converted}, {when}; {name}), {verdict}",
    ),
    "target_value_when": ("{value}（{when}）", "{value} ({when})"),
    "target_earlier": ("，此前为{values}", "; earlier {values}"),
    "scope_via": ("{ends}（途经{via}）", "{ends} (via {via})"),
    "bound_about": ("约{value}", "about {value}"),
    "bound_more": ("多于{value}", "more than {value}"),
    "bound_less": ("不到{value}", "under {value}"),
    "verdict_met": ("在目标之内", "within the target"),
    "verdict_over": ("超出目标", "over the target"),
    "verdict_about": ("与目标大致相当", "about at the target"),
    "verdict_unknown": ("无法判断是否达标", "cannot tell against the target"),
    "target_scope": ("范围", "Scope"),
    "target_kind": ("类别", "Kind"),
    "target_kind_target": ("目标", "Target"),
    "target_kind_latest": ("最新实测", "Latest measurement"),
    "target_kind_earlier": ("此前实测", "Earlier measurement"),
    "target_kind_missing": ("无实测", "No measurement"),
    "target_not_measured": ("没有实测数据", "no measurement reported"),
    "target_reads": ("读作", "Reads as"),
    "target_in_unit": ("折合（{unit}）", "In {unit}"),
    "target_verdict": ("对照目标", "Against the target"),
    "target_when": ("时点", "When"),
    "target_axis": ("行程时间（{unit}）", "Travel time ({unit})"),
    "target_mark": ("目标：{value}", "Target: {value}"),
    # explorer
    "explorer_search": ("搜索（名称、原文、说明）", "Search (names, evidence, notes)"),
    "all_indicators": ("全部指标", "All indicators"),
    "base_units": ("基本单位", "base units"),
    "evidence_help": ("来源原文片段", "verbatim fragment of the source"),
    # quality
    "data_validation": ("数据校验", "Data validation"),
    "file": ("文件", "File"),
    "row": ("行", "Row"),
    "column": ("列", "Column"),
    "problem": ("问题", "Problem"),
    "rows": ("行数", "Rows"),
    "file_valid": ("✓ 有效", "✓ valid"),
    "file_broken": ("✗ 有问题", "✗ problems"),
    "n_figures": ("数字条数", "Figures"),
    "title_en": ("标题英译", "Title (English)"),
    "published": ("发布日期", "Published"),
    "language_of_source": ("语言", "Language"),
    "section_conflicts": ("来源不一致的数字", "Figures the sources disagree on"),
    "section_stage_disagreements": ("项目状态说法不一", "Projects whose reported stage differs"),
    "section_identities": ("推导关系核对", "Derived identities"),
    "section_staleness": ("数据时效", "Staleness"),
    "no_conflicts_filtered": ("当前筛选下没有来源不一致的数字。", "No disagreeing figures under these filters."),
    "no_conflicts": ("没有来源不一致的数字。", "No disagreeing figures."),
    "no_stage_disagreements": ("各来源对项目阶段的说法一致。", "Every project's reports agree on its stage."),
    "conflict_explainer": (
        "同一城市、同一指标，不同来源报告了不同的数字。两者并列显示，本看板不替读者取舍；差异可能来自统计范围或时点不同，见说明。",
        "Two sources report different numbers for the same city and indicator. Both are shown; the dashboard does not "
        "pick one. The difference may come from scope or timing; see the notes.",
    ),
    "conflict_heading": ("⚠ {name} · {city}：{values}", "⚠ {name} · {city}: {values}"),
    "parts_sum": ("部分之和", "Parts"),
    "total": ("总数", "Total"),
    "identity_figures": ("涉及数字", "Figures"),
    "staleness_sentence": (
        "{n} / {total} 条数字的截至日期已超过一年（以今天 {today} 计）。",
        "{n} of {total} figures are more than a year old (as of today, {today}).",
    ),
    "age_days": ("天数", "Age (days)"),
    "stale": ("过期", "Stale"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    # presenter mode
    "page_present": ("演示模式", "Presenter mode"),
    "slide_headline": ("关键数字", "Key figures"),
    "slide_hb_items": ("呼包两地通办事项", "Hohhot–Baotou shared service items"),
    "slide_map": ("四市位置与互联项目", "Where the four cities are, and the projects linking them"),
    "slide_empty": ("当前筛选下这一页没有内容。", "Nothing on this slide under the current filters."),
    "stage_count": ("{status}：{n} 个", "{status}: {n}"),
    "conflict_short": ("⚠ 来源不一致（见“来源不一致的数字”页）", "⚠ Sources disagree (see the conflicts slide)"),
    "slide_previous": ("上一页（←）", "Previous slide (←)"),
    "slide_next": ("下一页（→）", "Next slide (→)"),
    "slide_picker": ("选择页面", "Go to slide"),
    "slide_settings": ("演示设置", "Presenter settings"),
    "slide_theme": ("主题", "Theme"),
    "theme_light": ("浅色", "Light"),
    "theme_dark": ("深色大屏", "Dark big screen"),
    "slide_advance": ("自动翻页", "Auto-advance"),
    "advance_off": ("关闭", "Off"),
    "advance_seconds": ("每 {n} 秒", "Every {n} s"),
    "open_presenter": ("演示模式（大屏）", "Presenter mode (big screen)"),
    "leave_presenter": ("退出演示", "Leave presenter mode"),
    # slides: change over time
    "slide_change": ("随时间变化", "Change over time"),
    "slide_cities": ("四市对比", "The four cities side by side"),
    "slide_target_rail": ("目标与实测：铁路经济圈", "Targets against measurements: the rail circle"),
    "slide_target_road": ("目标与实测：公路经济圈", "Targets against measurements: the road circle"),
    # login (hbeu_dash/ui/auth.py)
    "login_name": ("用户名", "User name"),
    "login_password": ("密码", "Password"),
    "login_submit": ("登录", "Log in"),
    "login_missing": ("请填写用户名和密码。", "Enter your user name and password."),
    "login_failed": ("用户名或密码不正确。", "Wrong user name or password."),
    "login_throttled": ("失败次数过多，请 {seconds} 秒后再试。", "Too many failed attempts: try again in {seconds} s."),
    "login_with": ("通过 {provider} 登录", "Log in with {provider}"),
    "logged_in_analyst": ("已登录：{name}（分析员）", "Logged in: {name} (analyst)"),
    "logged_in_viewer": ("已登录：{name}（仅查看）", "Logged in: {name} (view only)"),
    "login_not_allowed": ("{name} 未获授权查看本看板。", "{name} is not authorised to view this dashboard."),
    "logout": ("退出登录", "Log out"),
    "viewer_login_title": ("请先登录", "Please log in"),
    "viewer_login_intro": ("本看板仅供授权人员查看。", "This dashboard is open to authorised users only."),
    # briefing (HTML / PDF)
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
    "aside": ("（{text}）", " ({text})"),  # a date or a remark in brackets after a value
    "choose_options": ("请选择（可多选）", "Choose one or more"),
    # issue 19 · presenter
    # issue 19 · sign-in
    "signin_entry": ("分析员登录", "Analyst sign-in"),
    "signin_asked": (
        "你要打开的“{page}”页面仅供分析员使用，请先登录。",
        "The page you asked for, “{page}”, is for analysts: sign in to open it.",
    ),
    "signin_oidc_return": (
        "登录后会回到“{home}”页面，再从导航中打开“{page}”。",
        "After signing in you come back to “{home}”: open “{page}” from the navigation.",
    ),
    "signin_analysts_only": (
        "“{page}”页面仅供分析员使用。当前账号（{name}）只能查看。",
        "“{page}” is for analysts. The account you are signed in with ({name}) can only view.",
    ),
    "signin_none_here": (
        "“{page}”页面仅供分析员使用，本看板没有设置分析员登录。",
        "“{page}” is for analysts, and this dashboard has no analyst sign-in.",
    ),
    "signin_back": ("返回{page}", "Back to {page}"),
    # issue 19 · phone
    # issue 19 · tables and contrast
    # a table's id columns as a reader sees them (the downloads keep figure_id, source_id: machine-readable)
    "figure_id_column": ("数字编号", "Figure ID"),
    "source_id_column": ("来源编号", "Source ID"),
    "sha256_column": ("原文指纹（SHA-256）", "Fingerprint (SHA-256)"),
    # issue 20 · history: undo step by step, redo, revert an older commit (views/history.py, ui/history.py)
    "history_help": (
        "“撤销”收回数据中仍然有效的最近一次修改（不论是谁提交的）；再按一次，再退一步，可以一直退到第一次提交。"
        "“重做”恢复最近一次撤销收回的修改，前提是此后没有新的提交。“撤回”收回一次较早提交所改的行，之后对其他行"
        "的修改都保留；如果之后的提交也改过其中的行，撤回会被拒绝，并列出这些行和提交。每次撤销、重做和撤回本身都是"
        "一次提交，记录在下表中，写明操作人和收回的是哪次提交（提交编号后的“←”）。",
        "Undo takes back the newest change still in effect, whoever made it; press it again to go one more step "
        "back, as far as the first commit. Redo brings back what the latest undo took back, as long as nothing new "
        "has been committed since. Revert takes back the rows of an older commit and keeps every later change to "
        "other rows; when a later commit changed some of the same rows, it is refused, naming the rows and the "
        "commits. Each undo, redo and revert is a commit of its own, recorded in the table below with who made it "
        "and which commit it takes back (after the “←” of its commit).",
    ),
    "history_commit": (
        "{commit_id}（{author}，{action}，{when}；{rows}）",
        "{commit_id} ({author}, {action}, {when}; {rows})",
    ),
    "history_undo_step": ("撤销：{what}", "Undo: {what}"),
    "history_redo_step": ("重做：{what}", "Redo: {what}"),
    "history_state": ("状态", "State"),
    "history_in_effect": ("有效", "in effect"),
    "history_taken_back_by": ("已被 {commit_id} 收回", "taken back by {commit_id}"),
    "history_redone": (
        "已重做 {undo_of}：数据版本 {before} → {after}（这次重做本身也已记录）",
        "Redid {undo_of}: data version {before} → {after} (the redo itself is recorded)",
    ),
    "history_reverted": (
        "已撤回 {undo_of}：数据版本 {before} → {after}。之后对其他行的修改都保留；这次撤回本身也已记录。",
        "Reverted {undo_of}: data version {before} → {after}. Later changes to other rows are kept; the revert "
        "itself is recorded.",
    ),
    "history_revert_heading": ("撤回较早的提交", "Revert an older commit"),
    "history_revert_pick": ("要撤回的提交", "Commit to revert"),
    "history_revert": ("撤回所选提交", "Revert the chosen commit"),
    "history_revert_conflict": (
        "无法撤回 {commit_id}：之后的提交也改过同样的行，撤回会覆盖它们。{rows}。请先撤销或撤回这些较晚的提交。",
        "Cannot revert {commit_id}: later commits changed some of the same rows, and a revert would overwrite them. "
        "{rows}. Undo or revert those later commits first.",
    ),
    "history_clash_row": ("{table}“{row}”：改动来自 {commits}", "{table} “{row}”: changed by {commits}"),
    "history_clash_table": ("{table}（整张表）：改动来自 {commits}", "{table} (the whole table): changed by {commits}"),
    "history_clash_commit": ("{commit_id}（{author}，{action}）", "{commit_id} ({author}, {action})"),
    "history_clash_outside": ("应用之外的编辑", "an edit outside the app"),
    "history_clash_more": ("另有 {n} 行", "{n} more row(s)"),
    "history_already_taken_back": (
        "{commit_id} 已被 {by} 收回，没有可撤回的内容。",
        "{commit_id} was already taken back by {by}: there is nothing to revert.",
    ),
    "history_edited_outside": (
        "无法撤回 {commit_id}：此后数据在应用之外被修改过（现在的数据版本 {actual} 不在修改记录中），"
        "无法判断撤回会不会覆盖这些修改。",
        "Cannot revert {commit_id}: the data was changed outside the app after it (data version {actual} is not one "
        "the history recorded), so the app cannot tell whether a revert would overwrite those changes.",
    ),
    # issue 20 · failover: the notice a lost connection shows, a password sign-in lost with its server (ui/reconnect.py)
    "connection_lost": ("与服务器的连接中断了，正在恢复……", "The connection to the server was lost: restoring it…"),
    "connection_gone": ("与服务器的连接已断开，请刷新页面。", "The connection to the server ended: reload the page."),
    "signin_lost": (
        "你登录时所在的服务器已停止运行（或不再保留你的会话），登录随之失效，尚未提交的内容也没有保留。请重新登录以继续，"
        "登录后仍停留在本页。",
        "The server you were signed in on has stopped (or no longer holds your session), so you are signed out, and "
        "anything not yet submitted was not kept. Sign in again to continue: you will stay on this page.",
    ),
}

LANGUAGE_NAMES = {"zh": "中文", "en": "English"}

# The framework's own words (Streamlit's widgets and plotly's mode bar), which no widget parameter translates, in
# Chinese: English as the framework writes it → Chinese. Plotly's are passed to it as a locale (charts.png_config);
# Streamlit's are put in place by ui/framework_text.py on Chinese pages (visible text, aria-label, title,
# placeholder). Each was read in the browser on our pages (tests/e2e/test_screens.py looks for any left).
PLOTLY_ZH = {
    "Autoscale": "自动缩放",
    "Box Select": "框选",
    "Compare data on hover": "悬停时比较数据",
    "Double-click on legend to isolate one trace": "双击图例只显示该系列",
    "Double-click to zoom back out": "双击还原",
    "Download plot": "下载图表",
    "Download plot as a PNG": "下载图表（PNG）",
    "Download plot as a png": "下载图表（PNG）",
    "Image download succeeded": "图片已下载",
    "Lasso Select": "套索选择",
    "Pan": "平移",
    "Preparing image - this may take a few seconds": "正在生成图片，请稍候",
    "Reset axes": "重置坐标轴",
    "Reset view": "重置视图",
    "Show closest data on hover": "悬停时显示最近的数据",
    "Sorry, there was a problem downloading your image!": "抱歉，图片下载失败！",
    "Toggle Spike Lines": "显示或隐藏辅助线",
    "Zoom": "缩放",
    "Zoom in": "放大",
    "Zoom out": "缩小",
}
# Month and day names for plotly's date axes and hovers on Chinese pages.
PLOTLY_ZH_FORMAT = {
    "days": ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"],
    "shortDays": ["周日", "周一", "周二", "周三", "周四", "周五", "周六"],
    "months": [f"{m}月" for m in range(1, 13)],
    "shortMonths": [f"{m}月" for m in range(1, 13)],
    "date": "%Y年%m月%d日",
}
FRAMEWORK_ZH = {
    "App pages": "页面导航",
    "Browse files": "选择文件",
    "Choose an option": "请选择",
    "Choose date": "选择日期",
    "file upload": "上传文件",
    "Clear all": "全部清除",
    "Clear value": "清除",
    "Close": "关闭",
    "Close fullscreen": "退出全屏",
    "Collapse sidebar": "收起侧边栏",
    "Delete": "删除",
    "Download as CSV": "下载 CSV",
    "Drag and drop file here": "将文件拖放到此处",
    "Drag and drop files here": "将文件拖放到此处",
    "Exit fullscreen": "退出全屏",
    "Expand sidebar": "展开侧边栏",
    "Fullscreen": "全屏",
    "Link to heading": "指向此标题的链接",
    "No results": "没有结果",
    "Open": "展开选项",
    "Page not found": "找不到页面",
    "Remove file": "移除文件",
    "Search": "搜索",
    "Selected values": "已选项",
    "Show/hide columns": "显示或隐藏列",
    "Sidebar": "侧边栏",
    "Skip to main content": "跳到主要内容",
    "Upload": "上传",
    "View less": "收起",
    **{f"View {n} more": f"另有 {n} 项" for n in range(1, 21)},
    **PLOTLY_ZH,
    # Streamlit's dialog when no server answers for a while (ours, ui/reconnect.py, says it is restoring)
    "Connection error": "连接错误",
    "Streamlit server is not responding. Are you connected to the internet?": "服务器没有响应。请检查网络连接。",
}


def plotly_locale(lang: str) -> dict:
    """Plotly config entries that put a chart's mode bar, notices and date names in `lang` (none for English)."""
    if lang != "zh":
        return {}
    return {"locale": "zh-CN", "locales": {"zh-CN": {"dictionary": dict(PLOTLY_ZH), "format": dict(PLOTLY_ZH_FORMAT)}}}


# The framework's sentences with a part of ours inside: a regular expression over the whole text → its Chinese
# ($1 is the part kept).
FRAMEWORK_ZH_PATTERNS = (
    (r"^Remove (.+)$", "移除 $1"),
    (r"^Shortcut (.+)$", "快捷键 $1"),
    (r"^Limit (\S+) per file(.*)$", "每个文件不超过 $1$2"),
    (
        r"^You have requested page (\S+), but no corresponding file was found in the app's pages/ directory\. "
        r"Running the app's main page\.$",
        "没有页面 $1，已打开首页。",
    ),
    (
        r"^The page that you have requested does not seem to exist\. Running the app's main page\.$",
        "没有这个页面，已打开首页。",
    ),
    (r"^Connection failed with status (\d+)\.$", "连接失败（状态码 $1）。"),
    (r"^Connection failed with status (\d+), and response:$", "连接失败（状态码 $1），服务器的回答："),
)


SINGULAR = {"hours": "hour", "years": "year", "days": "day", "people": "person", "items": "item", "cases": "case"}


def t(key: str, lang: str, **params: object) -> str:
    """The UI string `key` in `lang`, with {params} filled in."""
    zh, en = STRINGS[key]
    text = zh if lang == "zh" else en
    return text.format(**params) if params else text


def col(base: str, lang: str) -> str:
    """The column holding `base` in `lang`: col("indicator", "zh") → "indicator_zh" (one place for column picks)."""
    return f"{base}_{lang}"


def original_columns(base: str, lang: str) -> tuple[str, ...]:
    """The columns of a Chinese original a reader sees (evidence, a source's title): the original, and on an
    English page its English rendering (`<base>_en`) beside it."""
    return (base,) if lang == "zh" else (base, f"{base}_en")


def quote(text: str, translation: str | None, lang: str) -> str:
    """Quoted evidence: the original words, and in English their rendering beside them."""
    if lang == "zh" or not translation:
        return t("quote", lang, text=text)
    return t("quote_translated", lang, text=text, translation=translation)


# The language of the sources' words (`evidence`, the archived texts): every source quoted is Chinese.
ORIGINAL_LANG = "zh"


def original_lang(lang: str) -> str | None:
    """The lang attribute an HTML renderer puts on a source's original words shown on a page in `lang`: 'zh' on an
    English page (screen readers and fonts switch to Chinese), None on a Chinese page (nothing changes language)."""
    return None if lang == ORIGINAL_LANG else ORIGINAL_LANG


def evidence_pending(translation: object, lang: str) -> str:
    """The mark 'English evidence pending' where an English page shows evidence whose English rendering
    (`evidence_en`) is not written yet; '' on a Chinese page or when the rendering is there."""
    if lang == "zh" or (isinstance(translation, str) and translation.strip()):
        return ""
    return t("evidence_en_pending", lang)


class Quoted(str):
    """Quoted evidence: the plain text a reader sees (it is a str: hovers, tooltips, table cells take it as it is),
    keeping its parts for a renderer that marks the original's language (HTML: documents.markup.quote_html)."""

    original: str  # the source's words, verbatim
    translation: str  # their English rendering beside them on an English page ('' otherwise)
    pending: str  # on an English page whose row has no rendering yet: the mark saying so ('' otherwise)
    lang: str  # the reader's language

    def __new__(cls, original: str, translation: str, pending: str, lang: str) -> "Quoted":
        key = _quote_key(translation, pending)
        quoted = super().__new__(cls, t(key, lang, text=original, translation=translation, pending=pending))
        quoted.original, quoted.translation, quoted.pending, quoted.lang = original, translation, pending, lang
        return quoted

    def __reduce__(self) -> tuple:  # a copy or a pickle is built from the parts again
        return (Quoted, (self.original, self.translation, self.pending, self.lang))

    @property
    def key(self) -> str:
        """The STRINGS key of the quotation's pattern: 'quote', 'quote_translated' or 'quote_pending'."""
        return _quote_key(self.translation, self.pending)


def _quote_key(translation: str, pending: str) -> str:
    return "quote_translated" if translation else "quote_pending" if pending else "quote"


def quote_evidence(text: str, translation: object, lang: str) -> Quoted:
    """A row's evidence quoted for a reader: the original words, and on an English page their English rendering
    (`evidence_en`) beside them or, while it is not written, the mark saying it is pending. Nothing is translated
    here: an empty rendering stays empty."""
    pending = evidence_pending(translation, lang)
    rendering = "" if lang == "zh" or pending else str(translation).strip()
    return Quoted(str(text), rendering, pending, lang)


def join(items: list[str], lang: str, sep: str = "list_sep") -> str:
    """Items joined with the language's separator ('、' / ', ')."""
    return t(sep, lang).join(items)


def label(vocabulary: str, value: str, lang: str) -> str:
    """The display name of a vocabulary value (a city, sector, status, ...); unknown values show as is."""
    names = VOCABULARIES[vocabulary].get(value)
    if names is None:
        return value
    return names[0] if lang == "zh" else names[1]


def city_label(cities: str, lang: str) -> str:
    """'hohhot;baotou' → '呼和浩特–包头' / 'Hohhot–Baotou'; 'region' → '四市' / 'Four cities'."""
    return "–".join(label("city", c, lang) for c in cities.split(schema.LIST_SEP))


def city_color(cities: str) -> str:
    """The colour of a city, grey for the region, a neutral grey for a pair of cities."""
    return CITY_COLORS.get(cities, CITY_COLORS["multi"])


def format_number(value: float | int | None, lang: str) -> str:
    """A number for display: 58.76万 / 4900万 / 60.3亿 in zh when exact, 587,600 in en."""
    if value is None or value != value:  # None or NaN
        return "–"
    if lang == "zh":
        for unit, size in (("亿", 100_000_000), ("万", 10_000)):
            if abs(value) >= size:
                scaled = value / size
                if abs(round(scaled, 2) - scaled) < 1e-9:
                    return f"{round(scaled, 2):g}{unit}"
                if abs(value) >= 1_000_000:  # too long to read exactly; say it is rounded
                    return f"约{scaled:.2f}{unit}"
        return format_decimal(value, locale="zh_CN", group_separator=False)
    return format_decimal(value, locale="en")


def format_value(value: float | None, unit_zh: str, unit_en: str, lang: str) -> str:
    """A number with its unit: '58.76万件', '587,600 cases', '4900万元', 'CNY 49,000,000'."""
    number = format_number(value, lang)
    if lang == "zh":
        return f"{number}{unit_zh}"
    if unit_en == "yuan":
        return f"CNY {number}"
    if value == 1:
        unit_en = SINGULAR.get(unit_en, unit_en)
    return f"{number}%" if unit_en == "%" else f"{number} {unit_en}"


def format_values(values: list[float], unit_zh: str, unit_en: str, lang: str) -> str:
    """Several values sharing one unit: '561 / 1412项', '561 / 1,412 items'."""
    if len(values) == 1:
        return format_value(values[0], unit_zh, unit_en, lang)
    numbers = " / ".join(format_number(v, lang) for v in values)
    if lang == "zh":
        return f"{numbers}{unit_zh}"
    if unit_en == "%":
        return " / ".join(f"{format_number(v, lang)}%" for v in values)
    return f"CNY {numbers}" if unit_en == "yuan" else f"{numbers} {unit_en}"


def format_date(value: str, lang: str) -> str:
    """A partial date for display: '2024年12月7日' / '7 Dec 2024'; '' → undated."""
    if not value:
        return t("undated", lang)
    parts = [int(p) for p in value.split("-")]
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    if lang == "zh":
        return "".join(f"{p}{u}" for p, u in zip(parts, ("年", "月", "日"), strict=False))
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return f"{months[parts[1] - 1]} {parts[0]}"
    return f"{parts[2]} {months[parts[1] - 1]} {parts[0]}"


# What each column of an upload template means (the template's explanation row), (zh, en).
COLUMN_HELP: dict[str, tuple[str, str]] = {
    "figure_id": ("必填，唯一 id：小写字母、数字、- 或 _", "required, unique id: lower-case letters, digits, - or _"),
    "project_id": ("必填，项目 id；同一项目的多次报道用同一 id", "required, project id, the same in every report"),
    "event_id": ("事件 id：小写字母、数字、- 或 _", "event id: lower-case letters, digits, - or _"),
    "source_id": ("必填，sources.csv 中的来源 id", "required, a source id from sources.csv"),
    "indicator_id": ("必填，indicators.csv 中的指标 id", "required, an indicator id from indicators.csv"),
    "city": ("hohhot、baotou、ordos、ulanqab 或 region", "hohhot, baotou, ordos, ulanqab or region"),
    "cities": ("城市 id，用半角分号分隔，或 region", "city ids separated by ;, or region"),
    "value": (
        "数值，基本单位，不带 万/亿 和千位分隔符（如 587600）",
        "the number in base units, no 万/亿 or separators",
    ),
    "value_text": (
        "原文写法（如 58.76万件），须出现在 evidence 中",
        "as the source writes it (58.76万件), in evidence",
    ),
    "period": ("统计期（如 2024 或 2024-12），没有则留空", "the period counted (e.g. 2024), or empty"),
    "as_of": ("截至日期 YYYY、YYYY-MM 或 YYYY-MM-DD", "as-of date YYYY, YYYY-MM or YYYY-MM-DD"),
    "speaker_zh": ("讲话人（中文），没有则留空", "speaker in Chinese, or empty"),
    "speaker_en": ("讲话人（英文），与 speaker_zh 同填或同空", "speaker in English; filled when speaker_zh is"),
    "evidence": ("必填，来源原文片段（逐字，≤80 字）", "required, the source's words, verbatim (≤ 80 characters)"),
    "evidence_en": (
        "evidence 的忠实英文译文（≤200 字符）；没有就留空，英文页面标注“英文译文待补”",
        "a faithful English rendering of the evidence (≤ 200 characters); leave empty until written: English pages "
        "mark it 'English evidence pending'",
    ),
    "note_zh": ("备注（中文），可留空", "note in Chinese, optional"),
    "note_en": ("备注（英文），与 note_zh 同填或同空", "note in English; filled when note_zh is"),
    "name_zh": ("必填，中文名称", "required, the name in Chinese"),
    "name_en": ("必填，英文名称", "required, the name in English"),
    "kind": ("必填，类别（见说明文档中的取值）", "required, the kind (see the README for the values)"),
    "status": ("必填，阶段：planned、under_construction、completed 等", "required, stage: planned, completed, …"),
    "status_text": ("原文中的阶段说法，须出现在 evidence 中", "the stage as the source words it, in evidence"),
    "date": ("日期 YYYY、YYYY-MM 或 YYYY-MM-DD", "date YYYY, YYYY-MM or YYYY-MM-DD"),
    "date_text": ("原文中的日期说法，须出现在 evidence 中", "the date as the source words it, in evidence"),
    "title_zh": ("必填，中文标题", "required, the title in Chinese"),
    "title_en": ("必填，英文标题", "required, the title in English"),
    "title": ("必填，原文标题", "required, the title as published"),
    "outlet_zh": ("媒体或发布机构（中文）", "outlet or publisher in Chinese"),
    "outlet_en": ("媒体或发布机构（英文）", "outlet or publisher in English"),
    "published": ("发布日期 YYYY、YYYY-MM 或 YYYY-MM-DD", "publication date YYYY, YYYY-MM or YYYY-MM-DD"),
    "url": ("网址，没有则留空", "URL, or empty"),
    "language": ("原文语言：zh 或 en", "language of the source: zh or en"),
    # indicators.csv (a new indicator comes with the figures that need it)
    "sector": (
        "必填，领域：" + "、".join(schema.SECTORS),
        "required, sector: " + ", ".join(schema.SECTORS),
    ),
    "unit_zh": ("必填，单位（中文，如 项、公里、元）", "required, the unit in Chinese (e.g. 项, 公里, 元)"),
    "unit_en": ("必填，单位（英文，如 items、km、yuan）", "required, the unit in English (e.g. items, km, yuan)"),
    "measure": (
        "必填，类型：" + "、".join(schema.MEASURES),
        "required, measure: " + ", ".join(schema.MEASURES),
    ),
    "target_id": (
        "可留空：本指标对照的目标指标 id（measure 为 target，单位可换算，如分钟对小时）",
        "optional: the id of the target this indicator is measured against (measure target, a unit that converts, "
        "e.g. minutes to hours)",
    ),
    # analyst's source texts (ui/entry.py, ui/article.py): filled in when a text is attached in the app
    "text_sha256": (
        "留空：在“来源原文”中附上原文后自动填写",
        "leave empty: filled in when you attach the text under 'Source texts'",
    ),
    "retrieved": (
        "读取原文的日期 YYYY-MM-DD；附上原文时填写",
        "the day the text was read, YYYY-MM-DD; set when attached",
    ),
    "retrieved_from": (
        "读取原文的网址（与 url 不同时，如转载页），可留空",
        "where the text was read, when not the url (a reprint), or empty",
    ),
}
