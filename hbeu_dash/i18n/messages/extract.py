"""The article assistant (hbeu_dash.intake.extract): the reasoning notes it writes beside each candidate row, in both
languages (note_zh, note_en), `extract_note_<key>` read by texts.note. The `extract` command's messages are the
command line's (cli.py).

Their Chinese keeps the ASCII punctuation it has always had (',', ':', '('): the notes are pinned as written by
tests/test_extract_script.py and go into the candidates' note_zh, which the analyst commits with the row;
tests/test_i18n.py exempts this domain from the full-width rule until they are rewritten."""

MESSAGES: dict[str, tuple[str, str]] = {
    # dates in the fields are formatted per language (texts.note)
    "extract_note_relative_period": (
        "“{word}”出自{published}的文章,即{period}年。",
        "'{word}' ({gloss}) in an article of {published}: {period}.",
    ),
    "extract_note_since_year": (
        "“{word}”:自{year}年起累计,不限于一年。",
        "'{word}' (since {year}): cumulative, not one year.",
    ),
    "extract_note_now": ("“{word}”:即发表时({as_of})。", "'{word}' ({gloss}): at publication ({as_of})."),
    "extract_note_as_of": ("“{word}”:截至{as_of}。", "'{word}': as of {as_of}."),
    "extract_note_more": ("“{word}”:多于{value_text}。", "'{word}': more than {value}."),
    "extract_note_approx": ("“{word}”:约数。", "'{word}': approximate."),
    "extract_note_less": ("“{word}”:少于{value_text}。", "'{word}': less than {value}."),
    "extract_note_range_low": ("范围“{range}”的下限。", "Lower end of the range '{range}'."),
    "extract_note_range_high": ("范围“{range}”的上限。", "Upper end of the range '{range}'."),
    "extract_note_new_indicator": (
        "新指标:没有单位(“{unit}”)和名称都相符的现有指标。",
        "New indicator: none matches unit '{unit}' and name.",
    ),
    "extract_note_no_unit": ("新指标:原文数字后没有单位。", "New indicator: no unit follows the number."),
    "extract_note_proposed_indicator": (
        "文章助手据来源 {source} 中“{words}”一语提议的新指标(数字 {figures});请核对名称、单位、领域和类型。",
        "A new indicator the article assistant proposed from the words around the number in source {source} "
        "(figure {figures}); check its name, unit, sector and measure.",
    ),
    "extract_note_city_speaker": ("城市取自发言人所在单位。", "City from the speaker's office."),
    "extract_note_city_anaphor": (
        "“{word}”指同段前文所述城市。",
        "'{word}' (the city): the city named before in the paragraph.",
    ),
    "extract_note_city_none": (
        "文中未点名城市,记为四市(region)。",
        "No city named: recorded as the four cities (region).",
    ),
    "extract_note_unreadable": (
        "请核对:numerals 把“{value_text}”读作 {parsed},不是 {value}。",
        "Check: numerals reads '{value_text}' as {parsed}, not {value}.",
    ),
    "extract_note_date_no_year": (
        "“{word}”未写年份,按发表日期({published})定为{year}年。",
        "'{word}' gives no year: {year}, from the publication date ({published}).",
    ),
    "extract_note_date_relative": (
        "“{word}”出自{published}的文章,即{date}。",
        "'{word}' ({gloss}) in an article of {published}: {date}.",
    ),
    "extract_note_date_context": (
        "日期据上下文推定:同段前文的会议({date})。",
        "Date from context: the meeting earlier in the paragraph ({date}).",
    ),
    "extract_note_future": ("日期在发表之后:计划或目标。", "Dated after publication: a plan or a target."),
    "extract_note_since_event": ("“{word}”:自此开始。", "'{word}': it began then."),
}
