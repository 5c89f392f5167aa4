"""Where a Chinese sentence or clause ends, its quotes, and whether a line break fell inside a sentence (a page's
layout or a copy cut it, not the author): what the article assistant joins, and what the proof of evidence joins
to find a fragment's paragraph (hbeu_dash.model.verify)."""

import re

# Where a sentence ends, where a clause ends (the evidence is cut there), and the finer cuts inside a long clause.
SENTENCE_ENDS = "。！？!?"
CLAUSE_ENDS = SENTENCE_ENDS + "，,；;：:"
MINOR_CUTS = "、"
OPENING_QUOTES = "“‘「『\"'"
CLOSING_QUOTES = "”’」』\"'"
# A line this long that does not end a sentence was broken by the page layout, not by the author.
BROKEN_LINE_MIN_CHARS = 30
# A page's metadata line (date | source, 来源:, 责任编辑), and a news paragraph's opening date (8日, / 5月5日, /
# 2016年1月24日起): lines a copy never cut out of a sentence.
PAGE_META = re.compile(r"\s\|\s|来源[:：]|责任编辑|责编|字号")
PARAGRAPH_DATE = re.compile(r"(?:(?:19|20)\d{2}年)?(?:\d{1,2}月)?\d{1,2}日(?:[,，]|起|上午|下午|晚|电)")


def continues_sentence(previous: str, line: str) -> bool:
    """True when `line` is the rest of a Chinese sentence that a page break or a copy cut in two: the line before
    is long and stops on a character or a comma, not at the end of a sentence, a heading's colon or an address;
    never a page's metadata line (2015年01月09日08:36 | 来源:…) and never a line that opens with a date, as news
    paragraphs do (8日,… / 5月5日,…)."""
    last, first = previous[-1], line[0]
    if PAGE_META.search(previous) or PARAGRAPH_DATE.match(line):
        return False
    return (
        len(previous) >= BROKEN_LINE_MIN_CHARS
        and (_is_cjk(last) or last in "、，,；;")
        and (_is_cjk(first) or first.isdigit() or first in CLAUSE_ENDS + MINOR_CUTS + CLOSING_QUOTES)
    )


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"
