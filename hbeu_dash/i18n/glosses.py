"""English for the Chinese time words the article assistant's notes quote (今年 → this year; 去年年底 → the end of
last year): read by hbeu_dash.intake.extract.texts.gloss, which first makes a traditional word simplified."""

from babel.dates import get_month_names

# A relative time word → its English.
GLOSSES = {
    "今年": "this year",
    "本年": "this year",
    "当年": "that year",
    "去年": "last year",
    "上年": "last year",
    "前年": "the year before last",
    "明年": "next year",
    "截至目前": "to date",
    "截止目前": "to date",
    "截至当前": "to date",
    "截至今日": "to date",
    "目前": "now",
    "当前": "now",
    "现阶段": "at present",
    "如今": "nowadays",
    "迄今": "to date",
    "至今": "to date",
}
# What follows the word (年底 in 去年年底) → the English around it ({} is the word's English).
TAIL_GLOSSES = {
    "年底": "the end of {}",
    "底": "the end of {}",
    "年末": "the end of {}",
    "末": "the end of {}",
    "年初": "the start of {}",
    "初": "the start of {}",
    "上半年": "the first half of {}",
    "下半年": "the second half of {}",
    "以来": "since the start of {}",
}
# January … December (CLDR), for "February last year".
MONTHS = tuple(get_month_names("wide", locale="en").values())
