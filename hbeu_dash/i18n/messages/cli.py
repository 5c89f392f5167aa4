"""What the command line (`hbeu`, hbeu_dash.cli) says: its messages, every command's and option's help, and
argparse's own words ("usage:", "options", its errors), each as (zh, en).

The cli_argparse_* entries are argparse's gettext message ids written as str.format templates ({name} for
%(name)s, {!r} for %r, {} for %s): hbeu_dash.cli.language turns each English text back into the id it translates.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the parser --------------------------------------------------------------------------------------------
    "cli_description": (
        "HBEU Dash 的命令行：校验数据、导入新行和来源原文、文章助手、简报、PostgreSQL 存储、账号和本机集群。"
        "`hbeu 命令 --help` 说明每条命令。",
        "The command line of HBEU Dash: check the data, import rows and source texts, the article assistant, the "
        "briefing, the PostgreSQL store, logins and a local cluster. `hbeu COMMAND --help` explains each command.",
    ),
    "cli_commands": ("命令", "commands"),
    "cli_command_metavar": ("命令", "COMMAND"),
    "cli_help_data": (
        "数据文件夹（默认：所配置的存储；设置了 PostgreSQL 时用它，否则用 data/）",
        "data folder (default: the configured store: PostgreSQL if set, else data/)",
    ),
    "cli_help_lang": (
        "帮助和信息的语言；不写时按 LC_ALL、LC_MESSAGES、LANG 环境变量（zh_* 为中文，其余为英文）",
        "language of the help and the messages; without it, the LC_ALL, LC_MESSAGES or LANG environment (zh_* is "
        "Chinese, anything else English)",
    ),
    "cli_help_messages_lang": ("信息的语言", "language of the messages"),
    # --- argparse's own words ----------------------------------------------------------------------------------
    "cli_argparse_usage": ("用法：", "usage: "),
    "cli_argparse_positionals": ("位置参数", "positional arguments"),
    "cli_argparse_options": ("选项", "options"),
    "cli_argparse_help": ("显示此帮助并退出", "show this help message and exit"),
    "cli_argparse_error": ("{prog}：错误：{message}\n", "{prog}: error: {message}\n"),
    "cli_argparse_argument": ("参数 {argument_name}：{message}", "argument {argument_name}: {message}"),
    "cli_argparse_required": ("缺少必需的参数：{}", "the following arguments are required: {}"),
    "cli_argparse_one_required": ("参数 {} 必须给出其中一个", "one of the arguments {} is required"),
    "cli_argparse_unrecognized": ("无法识别的参数：{}", "unrecognized arguments: {}"),
    "cli_argparse_not_allowed": ("不能与参数 {} 同时使用", "not allowed with argument {}"),
    "cli_argparse_ignored": ("多余的值 {!r} 被忽略", "ignored explicit argument {!r}"),
    "cli_argparse_invalid_choice": (
        "无效的选择 {value!r}（可选：{choices}）",
        "invalid choice: {value!r} (choose from {choices})",
    ),
    "cli_argparse_invalid_value": ("{type} 值无效：{value!r}", "invalid {type} value: {value!r}"),
    "cli_argparse_unknown_parser": (
        "未知的命令 {parser_name!r}（可选：{choices}）",
        "unknown parser {parser_name!r} (choices: {choices})",
    ),
    "cli_argparse_ambiguous": (
        "选项有歧义：{option} 可以是 {matches}",
        "ambiguous option: {option} could match {matches}",
    ),
    "cli_argparse_expected_one": ("需要一个值", "expected one argument"),
    "cli_argparse_expected_at_most_one": ("最多需要一个值", "expected at most one argument"),
    "cli_argparse_expected_at_least_one": ("至少需要一个值", "expected at least one argument"),
    "cli_argparse_expected_n": ("需要 {} 个值", "expected {} argument"),
    "cli_argparse_expected_n_plural": ("需要 {} 个值", "expected {} arguments"),
    # --- messages several commands share -----------------------------------------------------------------------
    "cli_not_a_folder": ("不是文件夹：{folder}", "not a folder: {folder}"),
    "cli_cannot_read": ("无法读取 {path}：{why}", "cannot read {path}: {why}"),
    "cli_cannot_write": ("无法写入 {path}：{why}", "cannot write {path}: {why}"),
    "cli_cannot_read_store": ("无法读取数据存储：{why}", "the data store cannot be read: {why}"),
    "cli_bad_store": ("数据存储设置无效：{why}", "the data store setting is not valid: {why}"),
    # --- validate, verify-sources, fill-archive ----------------------------------------------------------------
    "cli_help_validate": (
        "校验所配置存储（或 --data 文件夹）中的每张表",
        "validate every table of the configured store (or of --data DIR)",
    ),
    "cli_help_verify": (
        "逐行核对 evidence 是否逐字出现在其来源的存档原文中",
        "prove every row's evidence against its own source's archived text",
    ),
    "cli_help_verify_folder": (
        "先从这些原文文件夹补充存档（如 ../shared/seeds ../shared/sources）",
        "folders of source texts to fill the archive from first (e.g. ../shared/seeds ../shared/sources)",
    ),
    "cli_help_fill": (
        "把参考原文放入存储的来源存档（缓存补充，不改数据）",
        "put reference texts into the store's source archive (a cache fill, no data change)",
    ),
    "cli_help_fill_folder": (
        ".txt 原文所在的文件夹（默认：../shared/seeds 和 ../shared/sources）",
        "folders of .txt texts (default: ../shared/seeds and ../shared/sources)",
    ),
    "cli_valid": ("数据有效：{counts}", "data valid: {counts}"),
    "cli_all_proven": (
        "全部 {checked} 行的 evidence 均逐字出现在各自来源的存档原文中（{sources} 个来源）",
        "all {checked} rows' evidence stands word for word in their own source's archived text ({sources} sources)",
    ),
    "cli_filled": (
        "存档原文：从 {folders} 新增 {added} 篇，已有 {present} 篇",
        "source archive: {added} text(s) added from {folders}, {present} already there",
    ),
    # --- import, attach-text -----------------------------------------------------------------------------------
    "cli_help_import": (
        "校验一个含新行的 CSV 或 .xlsx 文件（或含多张表的工作簿），预览并提交（记入审计日志）",
        "validate a CSV/.xlsx of new rows (or a workbook of several tables), preview it, commit it (audited)",
    ),
    "cli_help_import_file": (
        "CSV 文件（UTF-8、GB18030、UTF-16）或 .xlsx 文件；不加 --table 时为 .xlsx 工作簿，每个工作表以表名命名"
        "（{tables}），全部作为一个变更集、一次提交",
        "the CSV (UTF-8, GB18030, UTF-16) or .xlsx file; without --table an .xlsx whose sheets are each named after "
        "a table ({tables}), all of them one change set and one commit",
    ),
    "cli_help_import_table": (
        "这些行所属的表（CSV，或 .xlsx 的第一个工作表）；工作簿不用此项",
        "the table the rows belong to (a CSV, or an .xlsx's first sheet); leave it out for a workbook",
    ),
    "cli_help_import_text": (
        "在同一次提交中附上该来源的原文（.txt、.html、.pdf）；各行据此核对",
        "attach this source's text (.txt, .html, .pdf) in the same commit; the rows are proven against it",
    ),
    "cli_help_attach": (
        "给一个来源附上原文（.txt、.html、.pdf），作为一次记入审计日志的提交",
        "attach a source's text (.txt, .html, .pdf) to it (audited commit)",
    ),
    "cli_help_attach_source": ("来源（sources.csv 中的 source_id）", "the source (a source_id of sources.csv)"),
    "cli_help_attach_file": (
        "原文：.txt、.html（保留其正文）或含文字层的 .pdf",
        "the text: .txt, .html (its article is kept) or a text .pdf",
    ),
    "cli_help_dry_run": ("只显示预览或问题（默认）", "print the preview or the problems (the default)"),
    "cli_help_commit": ("写入（需要 --author）", "write the rows (needs --author)"),
    "cli_help_author": ("提交人，记入审计日志", "who commits, recorded in the audit log"),
    "cli_help_retrieved": (
        "读取原文的日期（YYYY-MM-DD；默认今天）",
        "the day the text was read (YYYY-MM-DD; default today)",
    ),
    "cli_help_retrieved_from": (
        "读取原文的网址（与来源的 url 不同时）",
        "the address it was read at, when not the source's url",
    ),
    "cli_text_refused": ("{path}：{why}", "{path}: {why}"),
    "cli_bad_text_option": (
        "--text 应写作 来源编号=文件，而不是 {value!r}",
        "--text takes SOURCE_ID=FILE, not {value!r}",
    ),
    "cli_preview_row_new": ("  新增 第 {row} 行 {key}", "  new     row {row} {key}"),
    "cli_preview_row_changed": ("  修改 第 {row} 行 {key}：{diff}", "  changed row {row} {key}: {diff}"),
    "cli_preview_table": (" {label}：", " {label}:"),
    "cli_preview_indicator": (
        "    {name_zh} / {name_en}（{unit_zh} / {unit_en}；{sector}；{measure}）",
        "    {name_zh} / {name_en} ({unit_zh} / {unit_en}; {sector}; {measure})",
    ),
    "cli_ignored_columns": (
        "已略过助手的评分列（不写入数据）：{columns}",
        "read past the assistant's score column(s), not stored: {columns}",
    ),
    "cli_needs_table": (
        "{path} 不是 .xlsx 工作簿：CSV 请用 --table 指明表；工作簿的每个工作表以表名命名",
        "{path} is not an .xlsx workbook: give a CSV's table with --table; a workbook names each sheet after its table",
    ),
    "cli_new_conflicts": (
        "提交后将出现 {count} 组新的数值冲突：",
        "committing would add {count} new conflict group(s) between figures:",
    ),
    "cli_new_stage_conflicts": (
        "提交后将出现新的项目阶段分歧：{ids}",
        "committing would add project stage disagreements: {ids}",
    ),
    "cli_failing_identities": ("提交后以下恒等关系将不成立：{ids}", "committing would break these identities: {ids}"),
    "cli_no_change": (
        "没有变化：与现有数据相同，未写入任何内容",
        "nothing changes: the rows equal the current data; nothing was written",
    ),
    "cli_committed": (
        "已提交 {commit_id}（作者 {author}）：数据版本 {before} → {after}",
        "committed {commit_id} (author {author}): data version {before} → {after}",
    ),
    "cli_conflict": (
        "提交被拒绝：预览后数据已变化（预览时为 {expected}，现在为 {actual}）；请重新预览",
        "commit refused: the data changed after the preview (was {expected}, now {actual}); preview again",
    ),
    "cli_dry_run_ok": (
        "试运行：没有问题；加 --commit --author 姓名 即可提交",
        "dry run: no problems; add --commit --author NAME to commit",
    ),
    "cli_needs_author": ("--commit 需要 --author 姓名", "--commit needs --author NAME"),
    "cli_locked": (
        "提交未完成：{folder} 正被另一次提交锁定超过 30 秒；未写入任何内容，请稍后重试",
        "not committed: another commit has held the lock on {folder} for 30 s; nothing was written, retry",
    ),
    "cli_store_unavailable": (
        "无法使用数据存储，未写入任何内容：{why}",
        "the data store cannot be used; nothing was written: {why}",
    ),
    # --- briefing ----------------------------------------------------------------------------------------------
    "cli_help_briefing": (
        "写出离线简报：一个自包含的 HTML 文件，以及一个 PDF",
        "write the offline briefing: one self-contained HTML file, and a PDF",
    ),
    "cli_help_briefing_lang": ("简报的语言", "language of the briefing"),
    "cli_help_briefing_city": ("逗号分隔的 {cities}（默认：全部）", "comma list of {cities} (default: all)"),
    "cli_help_briefing_sector": (
        "逗号分隔的领域编号，如 transport,digital（默认：全部）",
        "comma list of sector ids, e.g. transport,digital (default: all)",
    ),
    "cli_help_briefing_html": (
        "要写入的 HTML 文件，或一个文件夹（写入 hbeu-briefing-<lang>-<v>.html）",
        "HTML file to write, or a folder (then hbeu-briefing-<lang>-<v>.html)",
    ),
    "cli_help_briefing_pdf": (
        "同时写入的 PDF 文件（或文件夹），由 /usr/bin/chromium 打印",
        "PDF file (or folder) to write too, printed by /usr/bin/chromium",
    ),
    "cli_bad_option": ("--{name}：{value!r} 无效；可用：{allowed}", "--{name}: {value!r} is not valid; use {allowed}"),
    "cli_nothing_selected": (
        "--city 或 --sector 为 none：简报没有内容可写",
        "--city or --sector is none: the briefing would have nothing in it",
    ),
    "cli_broken_data": (
        "警告：数据有问题，简报不含受影响的部分：",
        "warning: the data has problems; the briefing leaves out the parts they affect:",
    ),
    "cli_wrote": ("已写入 {path}（{seconds:.1f} 秒）", "wrote {path} ({seconds:.1f} s)"),
    "cli_pdf_failed": ("PDF 未能生成：{why}", "the PDF could not be made: {why}"),
    # --- extract -----------------------------------------------------------------------------------------------
    "cli_help_extract": (
        "从一篇文章的原文中提出 figures.csv（以及 events.csv）的候选行",
        "propose candidate figures.csv (and events.csv) rows from an article's text",
    ),
    "cli_help_extract_article": (
        "文章：.txt 文件（UTF-8 或 GB18030）或保存下来的 .html 网页",
        "the article: a .txt file (UTF-8 or GB18030) or a saved .html page",
    ),
    "cli_help_extract_published": ("文章的日期，YYYY-MM-DD 或 YYYY-MM", "the article's date, YYYY-MM-DD or YYYY-MM"),
    "cli_help_extract_source_id": ("各行的来源编号（默认：article）", "source id for the rows (default: article)"),
    "cli_help_extract_title": ("文章的标题", "the article's title"),
    "cli_help_extract_outlet": ("读者引用它时所称的媒体", "the outlet a reader cites it by"),
    "cli_help_extract_url": ("文章的网址（从不访问）", "the article's URL (never fetched)"),
    "cli_help_extract_events": (
        "同时把事件候选（events.csv 的列）写入此文件",
        "also write the event candidates (events.csv columns) to this file",
    ),
    "cli_help_extract_workbook": (
        "改为写出审核工作簿（工作表 sources、indicators、figures、events）；审核后由 `import` 导入",
        "write a review workbook (sheets sources, indicators, figures, events) instead of the CSV; `import` takes it "
        "back after review",
    ),
    "cli_extract_missing": ("找不到文章文件：{path}", "article file not found: {path}"),
    "cli_extract_encoding": (
        "{path} 不是 UTF-8 或 GB18030 文本（{why}）",
        "{path} is not UTF-8 or GB18030 text ({why})",
    ),
    "cli_extract_bad_date": (
        "--published：{value!r} 不是日期；请写 YYYY-MM-DD 或 YYYY-MM",
        "--published: {value!r} is not a date; use YYYY-MM-DD or YYYY-MM",
    ),
    "cli_extract_bad_source_id": (
        "--source-id：{value!r} 无效；只用小写字母、数字、- 和 _",
        "--source-id: {value!r} is not valid; use lower-case letters, digits, - and _",
    ),
    "cli_extract_summary": (
        "{figures} 个数字候选、{events} 个事件候选（{seconds:.2f} 秒）",
        "{figures} figure candidates, {events} event candidates ({seconds:.2f} s)",
    ),
    "cli_extract_data_problems": (
        "警告：数据有问题，指标匹配只用通过校验的表",
        "warning: the data has problems; indicator matching uses the valid tables only",
    ),
    "cli_extract_wrote_events": ("事件候选已写入 {path}", "event candidates written to {path}"),
    "cli_extract_too_long": (
        "文章有 {found} 个字符，最多 {limit} 个；请分段提取",
        "the article has {found} characters; at most {limit} are read: extract it in parts",
    ),
    "cli_extract_truncated": (
        "只列出前 {limit} 个数字候选；其余请分段提取",
        "only the first {limit} figure candidates are listed; extract the rest in parts",
    ),
    "cli_extract_wrote_workbook": (
        "审核工作簿已写入 {path}（含 {indicators} 个提议的新指标；英文名和 evidence_en 请分析员填写）",
        "review workbook written to {path} ({indicators} proposed new indicator(s); the English names and "
        "evidence_en are the analyst's to write)",
    ),
    "cli_extract_import_workbook": (
        "审核后导入（来源尚无存档原文时附上原文）：hbeu import {path} --text {source}={article} --commit --author 姓名",
        "after review, import it (with the article as the source's text when it has none yet): "
        "hbeu import {path} --text {source}={article} --commit --author NAME",
    ),
    # --- db ----------------------------------------------------------------------------------------------------
    "cli_help_db": (
        "PostgreSQL 存储：结构迁移，从 CSV 文件夹导入、导出到 CSV 文件夹",
        "the PostgreSQL store: migrations, import from and export to a CSV folder",
    ),
    "cli_help_db_url": (
        "数据库地址（默认：HBEU_STORE_URL 或 secrets 中的 [store] url）",
        "database URL (default: HBEU_STORE_URL or [store] url of the secrets)",
    ),
    "cli_help_db_init": ("创建数据库结构，或迁移到最新版本", "create or migrate the schema to the newest revision"),
    "cli_help_db_upgrade": ("把数据库结构迁移到 REV（默认：最新）", "migrate the schema to REV (default: newest)"),
    "cli_help_db_revision": ("Alembic 版本（默认：head）", "Alembic revision (default: head)"),
    "cli_help_db_current": ("显示数据库的结构版本", "print the schema revision of the database"),
    "cli_help_db_import": (
        "校验一个 CSV 文件夹，在一次事务中导入",
        "validate a CSV folder, load it in one transaction",
    ),
    "cli_help_db_import_folder": (
        "含每张表 CSV 文件的文件夹（如 data/）",
        "a folder holding every table's CSV file (like data/)",
    ),
    "cli_help_db_author": ("记入审计日志（默认：{author}）", "recorded in the audit log (default: {author})"),
    "cli_help_db_export": ("把每张表写成文件夹中的 CSV 文件", "write every table as a CSV file into a folder"),
    "cli_help_db_export_folder": (
        "要写入的文件夹（需要时新建；文件以原子方式替换）",
        "the folder to write (created if needed; files replaced atomically)",
    ),
    "cli_db_no_url": (
        "没有数据库地址：请用 --url，或设置 HBEU_STORE_URL，或在 .streamlit/secrets.toml 中写 [store] url",
        "no database URL: give --url, or set HBEU_STORE_URL, or [store] url in .streamlit/secrets.toml",
    ),
    "cli_db_bad_url": ("数据库地址无效：{why}", "the database URL is not valid: {why}"),
    "cli_db_unavailable": ("无法使用数据库：{why}", "the database cannot be used: {why}"),
    "cli_db_migrated": ("数据库 {url} 的结构版本：{before} → {after}", "schema of {url}: revision {before} → {after}"),
    "cli_db_current": (
        "数据库 {url} 的结构版本：{revision}（最新：{head}）",
        "schema of {url}: revision {revision} (newest: {head})",
    ),
    "cli_db_not_initialised": ("未初始化", "not initialised"),
    "cli_db_refused": (
        "{folder} 中的数据有问题，未导入，数据库未改动：",
        "the data in {folder} has problems; nothing imported, the database is unchanged:",
    ),
    "cli_db_cannot_store": ("无法导入，数据库未改动：{why}", "cannot import; the database is unchanged: {why}"),
    "cli_db_normalised": (
        "注意：{files} 已按 data/ 的格式规范化（UTF-8、无 BOM、LF、最少引号）；导出时内容相同、字节不同",
        "note: {files} normalised to the form of data/ (UTF-8, no BOM, LF, minimal quoting); an export gives the "
        "same cells, other bytes",
    ),
    "cli_db_imported": (
        "已导入 {folder}（{counts}）：提交 {commit_id}，数据版本 {before} → {after}",
        "imported {folder} ({counts}): commit {commit_id}, data version {before} → {after}",
    ),
    "cli_db_no_change": (
        "没有变化：数据库中的表与 {folder} 相同，未写入任何内容",
        "nothing changes: the database tables equal {folder}; nothing was written",
    ),
    "cli_db_conflict": (
        "导入被拒绝：导入期间数据已变化（原为 {expected}，现在为 {actual}）；请重试",
        "import refused: the data changed during the import (was {expected}, now {actual}); retry",
    ),
    "cli_db_empty": (
        "数据库中没有任何表（先运行 db init 和 db import）",
        "the database holds no tables (run db init, then db import)",
    ),
    "cli_db_exported": (
        "已将 {count} 个文件写入 {folder}（数据版本 {version}）",
        "wrote {count} files to {folder} (data version {version})",
    ),
    # --- users -------------------------------------------------------------------------------------------------
    "cli_help_users": ("登录账号：写入 .streamlit/secrets.toml", "logins, written to .streamlit/secrets.toml"),
    "cli_help_users_add": (
        "在 .streamlit/secrets.toml 中添加分析员（或查看账号）的登录",
        "add an analyst (or viewer) login to .streamlit/secrets.toml",
    ),
    "cli_help_add_user": (
        "在 .streamlit/secrets.toml 中添加分析员（或查看账号）的登录；即 `hbeu users add`",
        "add an analyst (or viewer) login to .streamlit/secrets.toml; the same as `hbeu users add`",
    ),
    "cli_help_users_name": (
        "用户名：小写字母、数字和 _ . -（如 wang.li）",
        "user name: lower-case letters, digits and _ . - (e.g. wang.li)",
    ),
    "cli_help_users_secrets": ("secrets 文件（默认：{path}）", "secrets file (default: {path})"),
    "cli_help_users_viewer": (
        "只能查看的登录（用于 viewers_need_login）",
        "a login that may only view (for viewers_need_login)",
    ),
    "cli_help_users_password_stdin": (
        "从标准输入的第一行读取密码",
        "read the password from the first line of standard input",
    ),
    "cli_users_prompt": ("{name} 的密码：", "Password for {name}: "),
    "cli_users_again": ("再输入一次：", "Again: "),
    "cli_users_mismatch": ("两次输入的密码不一致；未写入任何内容", "the passwords differ; nothing written"),
    "cli_users_no_password": ("标准输入中没有密码", "no password on standard input"),
    "cli_users_bad_name": (
        "用户名 {detail!r} 无效：只能用小写字母、数字和 _ . -，以字母或数字开头，最多 64 个字符",
        "user name {detail!r} is not valid: lower-case letters, digits and _ . -, starting with a letter or digit, "
        "at most 64 characters",
    ),
    "cli_users_short_password": ("密码太短：至少 {least} 个字符", "password too short: at least {least} characters"),
    "cli_users_long_password": ("密码太长：最多 {most} 个字符", "password too long: at most {most} characters"),
    "cli_users_bad_toml": (
        "无法读取 secrets 文件（TOML 有误），未改动：{detail}",
        "cannot read the secrets file (invalid TOML); left unchanged: {detail}",
    ),
    "cli_users_not_a_table": (
        "secrets 文件中的 {detail} 不是表，未改动",
        "{detail} in the secrets file is not a table; left unchanged",
    ),
    "cli_users_added": (
        "已在 {path} 中添加{role} {name}（argon2id 哈希，文件权限 0600）",
        "added {role} {name} to {path} (argon2id hash, file mode 0600)",
    ),
    "cli_users_replaced": (
        "已在 {path} 中更新{role} {name} 的密码（argon2id 哈希，文件权限 0600）",
        "changed the password of {role} {name} in {path} (argon2id hash, file mode 0600)",
    ),
    "cli_users_analyst": ("分析员", "analyst"),
    "cli_users_viewer": ("查看账号", "viewer account"),
    # --- cluster -----------------------------------------------------------------------------------------------
    "cli_help_cluster": (
        "在 127.0.0.1 上用 nginx 代理 N 个副本运行看板，直到 Ctrl-C；--print-nginx 打印部署用的代理配置",
        "the dashboard on N replicas behind nginx on 127.0.0.1 until Ctrl-C; --print-nginx prints the proxy "
        "configuration for a deployment",
    ),
    "cli_help_cluster_replicas": ("Streamlit 副本数（默认 2）", "Streamlit replicas (default 2)"),
    "cli_help_cluster_port": ("代理在 127.0.0.1 上的端口（默认 8500）", "the proxy's port on 127.0.0.1 (default 8500)"),
    "cli_help_cluster_store": ("数据存储（默认 postgres）", "the data store (default postgres)"),
    "cli_help_cluster_workdir": (
        "日志和代理文件所在的文件夹（默认：新建一个临时文件夹）",
        "logs and the proxy's files (default: a new temporary folder)",
    ),
    "cli_help_cluster_print_nginx": (
        "按这些副本（如 127.0.0.1:8601 127.0.0.1:8602）渲染 deploy/nginx.conf.template 并打印，然后退出",
        "print deploy/nginx.conf.template rendered for these replicas (host:port ...) and exit",
    ),
    "cli_help_cluster_listen": (
        "与 --print-nginx 同用：nginx 监听的地址（默认 80）",
        "with --print-nginx: where nginx listens (default 80)",
    ),
    "cli_help_cluster_run_dir": (
        "与 --print-nginx 同用：代理的 pid、日志和临时文件夹",
        "with --print-nginx: the proxy's pid, log and temporary folder",
    ),
    "cli_cluster_at_least_one": ("至少为 1", "must be at least 1"),
    "cli_cluster_starting": (
        "正在启动：{store}，{replicas} 个副本，nginx …",
        "starting: {store}, {replicas} replica(s), nginx ...",
    ),
    "cli_cluster_up": ("已就绪。浏览器请打开 {url}", "ready. Open {url} in a browser"),
    "cli_cluster_replica": (
        "  副本 {name}：{url}（直连，不经代理）",
        "  replica {name}: {url} (direct, not through the proxy)",
    ),
    "cli_cluster_store_pg": (
        "  PostgreSQL：{url}（密码见 {credentials} 中的“app”，仅本用户可读）",
        '  PostgreSQL: {url} (password: "app" in {credentials}, readable only by you)',
    ),
    "cli_cluster_store_csv": ("  CSV 数据文件夹：{folder}", "  CSV data folder: {folder}"),
    "cli_cluster_logs": ("  日志：{workdir}", "  logs: {workdir}"),
    "cli_cluster_stop_hint": ("按 Ctrl-C 停止全部进程。", "Ctrl-C stops everything."),
    "cli_cluster_stopping": ("正在停止 nginx、副本和数据库 …", "stopping nginx, the replicas and the database ..."),
    "cli_cluster_stopped": ("已全部停止。", "all stopped."),
    "cli_cluster_failed": ("启动失败：{why}", "could not start: {why}"),
}
