"""A problem found in a data file (hbeu_dash.model.problems): what is wrong with a file, a row or a cell, told to
the analyst who must fix it. Each code's message is `problem_<code>`; {value} is the bad cell, other fields come from
Problem.params. The English may quote a Chinese example (58.76万): the Chinese comes first as everywhere."""

MESSAGES: dict[str, tuple[str, str]] = {
    "problem_missing_file": ("文件不存在", "the file is missing"),
    "problem_empty_file": (
        "文件为空；需要一行表头：{expected}",
        "the file is empty; it needs a header row with: {expected}",
    ),
    "problem_encoding": (
        "文件不是 UTF-8 编码{hint}；请在 Excel 中“另存为”→“CSV UTF-8”",
        "the file is not UTF-8 text{hint}; in Excel use Save As → 'CSV UTF-8'",
    ),
    "problem_csv_syntax": ("无法按 CSV 读取：{detail}", "cannot be read as CSV: {detail}"),
    # uploads (hbeu_dash/intake/uploads.py)
    "problem_upload_encoding": (
        "无法识别文字编码（{detail}）；请在 Excel 中“另存为”→“CSV UTF-8”",
        "the text encoding is not recognised ({detail}); in Excel use Save As → 'CSV UTF-8'",
    ),
    "problem_upload_binary": (
        "不是文本表格（含有 NUL 字节）；请上传 CSV 或 .xlsx",
        "is not a text table (it contains NUL bytes); upload a CSV or an .xlsx",
    ),
    "problem_upload_empty": ("文件为空或第一行没有表头", "the file is empty or its first row has no header"),
    "problem_upload_too_big": (
        "文件超过 {limit}；请分成几个文件上传",
        "the file is larger than {limit}; upload it in parts",
    ),
    "problem_upload_too_many_columns": (
        "有 {found} 列，最多 {limit} 列",
        "has {found} columns; at most {limit} are read",
    ),
    "problem_upload_too_many_rows": ("有 {found} 行，最多 {limit} 行", "has {found} rows; at most {limit} are read"),
    "problem_upload_cell_too_long": ("单元格超过 {limit} 个字符", "the cell is longer than {limit} characters"),
    "problem_upload_xls": (
        "是旧版 Excel（.xls）文件；请在 Excel 中另存为 .xlsx 或 CSV UTF-8",
        "is an old Excel (.xls) file; in Excel save it as .xlsx or CSV UTF-8",
    ),
    "problem_upload_not_xlsx": (
        "不是可读取的 .xlsx 工作簿，也不是文本表格",
        "is neither a readable .xlsx workbook nor a text table",
    ),
    "problem_upload_macros": (
        "包含宏（.xlsm）；请另存为不含宏的 .xlsx",
        "contains macros (.xlsm); save it as a macro-free .xlsx",
    ),
    "problem_upload_zip_bomb": (
        "解压后过大或压缩比异常（{detail}），未读取",
        "would unpack to too much data or is compressed suspiciously well ({detail}); it was not read",
    ),
    "problem_upload_too_many_sheets": (
        "有 {found} 个工作表，最多 {limit} 个；每个表一个工作表",
        "has {found} sheets; at most {limit} are read: one sheet per table",
    ),
    # a workbook of several tables (hbeu_dash/intake/changeset.py rows_from_workbook): each sheet named after its table
    "problem_unknown_sheet": (
        "工作表名不是可添加数据的表名；请把工作表命名为 {expected} 之一（或中文名 {expected_zh}），或删去这个工作表",
        "the sheet's name is not a table rows can be added to; name it one of {expected} (or in Chinese "
        "{expected_zh}), or delete the sheet",
    ),
    "problem_upload_not_workbook": (
        "不是 .xlsx 工作簿；CSV 只含一个表，请选择它是哪个表",
        "is not an .xlsx workbook; a CSV holds one table: choose which",
    ),
    "problem_duplicate_sheet": (
        "与工作表“{other}”是同一个表（{table}）；每个表只能有一个工作表",
        "names the same table ({table}) as sheet '{other}'; one sheet per table",
    ),
    # new indicators (from an upload or the article assistant): the English is the analyst's to write
    "problem_indicator_name_en": (
        "为空：请给指标起英文名（助手不自动翻译中文名“{name}”）",
        "is empty: name the indicator in English (the assistant does not translate its Chinese name, {name})",
    ),
    "problem_indicator_unit_en": (
        "为空：请写出单位“{unit}”的英文（如 items、km、yuan）",
        "is empty: give the unit {unit} in English (e.g. items, km, yuan)",
    ),
    "problem_ragged_row": (
        "此行有 {cells} 个单元格，表头有 {expected} 列；请检查多余的逗号或缺少的引号",
        "this row has {cells} cells but the header has {expected}; check for a stray comma or a missing quote",
    ),
    "problem_no_rows": ("文件只有表头，没有数据行", "the file has a header but no data rows"),
    "problem_missing_column": (
        "缺少此列；文件需要以下列：{expected}",
        "this column is missing; the file needs the columns: {expected}",
    ),
    "problem_unknown_column": (
        "不是此表的列；应有的列为：{expected}",
        "is not a column of this table; the columns are: {expected}",
    ),
    "problem_duplicate_column": ("表头中此列名出现了两次", "this column name appears twice in the header"),
    "problem_required": ("为空；此列必填", "is empty; this column is required"),
    "problem_id": (
        "不是有效的编号：只能用小写字母、数字、“-”或“_”（不含空格）",
        "is not a valid id: use lowercase letters, digits, '-' or '_' (no spaces)",
    ),
    "problem_date": (
        "不是有效日期：请写成 YYYY、YYYY-MM 或 YYYY-MM-DD（如 2024-12-07）",
        "is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2024-12-07)",
    ),
    "problem_cities": (
        "不是有效城市：请用 hohhot、baotou、ordos、ulanqab（多个用半角分号“;”连接，不重复）或 region",
        "is not a city: use hohhot, baotou, ordos or ulanqab (several joined by ';', each once) or region",
    ),
    "problem_city_id": (
        "不是四市编号之一：hohhot、baotou、ordos、ulanqab",
        "is not one of the four city ids: hohhot, baotou, ordos, ulanqab",
    ),
    "problem_number": (
        "不是纯数字：请用基本单位、不带分隔符书写（58.76万 写作 587600）",
        "is not a plain number: write the value in base units without separators (587600 for 58.76万)",
    ),
    "problem_non_negative": ("为负数；数量和金额不能为负", "is negative; counts and amounts cannot be negative"),
    "problem_evidence_length": (
        "超过 {limit} 个字符：只摘录包含该数字的短句",
        "is longer than {limit} characters: quote only the clause that contains the figure",
    ),
    "problem_evidence_en_length": (
        "超过 {limit} 个字符：只翻译 evidence 中摘录的片段，不要意译扩写",
        "is longer than {limit} characters: translate only the fragment quoted in evidence, without paraphrasing",
    ),
    "problem_translation_missing": (
        "为空，而 {filled} 已填写；请将 {filled} 的内容译出后填入此列",
        "is empty while {filled} is filled; translate the text of {filled} into this column",
    ),
    "problem_url": (
        "不是以 http：// 或 https：// 开头的网址",
        "is not a web address starting with http:// or https://",
    ),
    "problem_latitude": ("不是 -90 到 90 之间的纬度", "is not a latitude between -90 and 90"),
    "problem_longitude": ("不是 -180 到 180 之间的经度", "is not a longitude between -180 and 180"),
    "problem_language": ("不在允许值之内：{expected}", "is not one of: {expected}"),
    "problem_sector": ("不在允许值之内：{expected}", "is not one of: {expected}"),
    "problem_measure": ("不在允许值之内：{expected}", "is not one of: {expected}"),
    "problem_project_kind": ("不在允许值之内：{expected}", "is not one of: {expected}"),
    "problem_status": ("不在允许值之内：{expected}", "is not one of: {expected}"),
    "problem_event_kind": ("不在允许值之内：{expected}", "is not one of: {expected}"),
    "problem_identity_kind": ("不在允许值之内：{expected}", "is not one of: {expected}"),
    "problem_duplicate_key": (
        "与第 {other} 行重复：（{key}）必须唯一",
        "repeats row {other}: ({key}) must be unique",
    ),
    "problem_dangling_ref": (
        "在 {ref_file} 的 {ref_column} 中找不到",
        "is not a {ref_column} in {ref_file}",
    ),
    # an indicator measured against a target (indicators.csv `target_id`; hbeu_dash.model.units converts the units)
    "problem_target_not_target": (
        "不是目标指标（它的 measure 为 {measure}，应为 target）；请填写一个目标指标的 id，或留空",
        "is not a target (its measure is {measure}, not target); name a target indicator, or leave the cell empty",
    ),
    "problem_target_of_target": (
        "本行本身是目标（measure 为 target），不能再对照另一个目标；请留空",
        "this row is itself a target (measure target) and cannot be measured against another; leave the cell empty",
    ),
    "problem_target_unit": (
        "无法对照：本行单位 {unit} 不能换算成目标 {target} 的单位 {target_unit}（可互相换算的单位：{units}）",
        "cannot be compared: this row's unit, {unit}, does not convert to {target_unit}, the unit of target "
        "{target} (units that convert: {units})",
    ),
    "problem_value_text_not_in_evidence": (
        "未出现在 evidence 中；请按来源原文抄写数字",
        "does not occur in the evidence; copy the number exactly as the source writes it",
    ),
    "problem_value_text_unreadable": (
        "开头不是阿拉伯数字或中文数字（如 561、58.76万、四、第八届）",
        "does not start with a number in digits or Chinese numerals (e.g. 561, 58.76万, 四, 第八届)",
    ),
    "problem_value_mismatch": (
        "与 value {expected} 不符：“{written}”读作 {parsed}",
        "does not match value {expected}: '{written}' reads as {parsed}",
    ),
    "problem_text_not_in_evidence": ("未出现在 evidence 中", "does not occur in the evidence"),
    "problem_date_needs_note": (
        "evidence 中没有写出日期（date_text 为空）；请在 note_zh 和 note_en 中说明日期的依据",
        "the date is not written in the evidence (date_text is empty); "
        "say in note_zh and note_en where the date comes from",
    ),
    "problem_part_of_one_part": ("part_of 关系只能有一个部分", "a part_of identity names exactly one part"),
    "problem_formula_prefix": (
        "以 = + - @（或全角 ＝ ＋ － ＠，空格之后亦然）、制表符或换行开头：电子表格会把它当作公式运行；"
        "请删去开头的字符",
        "starts with = + - @ (or ＝ ＋ － ＠, also after spaces), a tab or a line break: a spreadsheet would run "
        "it as a formula; remove that character",
    ),
    "problem_key_exists": (
        "已存在于数据中（{key}）；文章中的新行需要新的 id，修改现有行请用上传",
        "is already in the data ({key}); new rows from an article need new ids (change existing rows by upload)",
    ),
    # the source archive (hbeu_dash.model.verify, hbeu_dash.store.archive)
    "problem_evidence_not_in_source": (
        "未逐字出现在来源 {source} 的存档原文中；evidence 必须是该来源原文的片段（空白除外，一字不差）",
        "does not stand word for word in the archived text of source {source}; the evidence must be a fragment "
        "of that source's text (whitespace aside)",
    ),
    "problem_evidence_in_other_source": (
        "未出现在来源 {source} 的存档原文中，却出现在 {other} 的原文中；请把 source_id 改为真正说出这句话的来源",
        "does not stand in the archived text of source {source}, but in that of {other}; cite the source that says it",
    ),
    "problem_source_text_missing": (
        "无法核对：来源 {source} 没有存档原文；请先附上来源原文",
        "cannot be checked: source {source} has no archived text; attach the source text first",
    ),
    "problem_source_text_lost": (
        "无法核对：来源 {source} 所指的存档原文不在存档中；请重新附上来源原文",
        "cannot be checked: the archived text that source {source} names is not in the archive; attach it again",
    ),
    "problem_sha256": ("不是 64 位十六进制的 sha256", "is not a sha256 (64 hexadecimal digits)"),
    "problem_text_empty": ("原文为空", "the text is empty"),
    "problem_text_too_short": (
        "原文太短（去掉空白后少于 {limit} 个字），不像一篇文章",
        "the text is too short (under {limit} characters without whitespace) to be an article",
    ),
    "problem_text_binary": (
        "不是文字（含有 NUL 或控制字符、无法解码的字节）；请上传文章的 .txt、.html 或文字版 .pdf",
        "is not text (it holds NUL or control characters, or undecodable bytes); upload the article as .txt, .html "
        "or a text .pdf",
    ),
    "problem_text_too_long": (
        "原文有 {found} 个字符，最多 {limit} 个；请只附上这篇文章",
        "the text has {found} characters, at most {limit} are kept; attach only the article",
    ),
    "problem_text_file_too_big": (
        "文件超过 {limit}；请只附上这篇文章",
        "the file is larger than {limit}; attach only the article",
    ),
    "problem_text_pdf_unreadable": (
        "无法从这个 PDF 读出文字（{detail}）；扫描版 PDF 没有文字层，请粘贴文字",
        "no text could be read from this PDF ({detail}); a scanned PDF has no text layer: paste the text instead",
    ),
    "problem_text_file_type": (
        "不是可附上的原文文件；请用 .txt、.html 或 .pdf",
        "is not a text file to attach; use .txt, .html or .pdf",
    ),
    "problem_text_source_unknown": (
        "不是数据中或本次上传中的来源",
        "is not a source in the data or in this upload",
    ),
    # where a problem is, its bad value, a problem's line and the heading over a list of them (Problem.where/message)
    "problem_at_row": ("{file} 第 {row} 行", "{file}, row {row}"),
    "problem_at_column": ("{file}“{column}”列", "{file}, column {column}"),
    "problem_at_row_column": ("{file} 第 {row} 行“{column}”列", "{file}, row {row}, column {column}"),
    "problem_quoted": ("“{value}”{text}", "'{value}' {text}"),
    "problem_line": ("{where}：{text}", "{where}: {text}"),
    "problem_heading": ("数据文件有 {count} 处问题：", "{count} problem(s) in the data files:"),
}
