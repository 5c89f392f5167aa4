"""The sources and data quality page: validation, the source archive, pending translations, conflicts,
identities, staleness."""

MESSAGES: dict[str, tuple[str, str]] = {
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
    # validation, conflicts, stages, identities, staleness (views/quality.py, ui/quality.py)
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
}
