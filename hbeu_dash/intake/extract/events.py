"""Dated plans, meetings, agreements, policies and launches of a paragraph, as candidate rows of events.csv."""

import re

from hbeu_dash.intake.extract import texts
from hbeu_dash.intake.extract.paragraph import Paragraph, cities_named
from hbeu_dash.intake.extract.periods import Published, TimeMarker, is_future
from hbeu_dash.intake.extract.text import MAX_EVIDENCE, Span, clauses, strip_span
from hbeu_dash.model.sentences import CLAUSE_ENDS

# Keywords of each kind of event, in the order they are tried when two occur at the same place.
EVENT_KEYWORDS = {
    "meeting": (
        "联席会议",
        "座谈会",
        "党代会",
        "会议",
        "大会",
        "峰会",
        "论坛",
        "召开",
        "举行",
        "举办",
        "调研",
        "考察",
        "调度",
    ),
    "agreement": ("签署", "签订", "协议", "备忘录"),
    "plan": ("印发", "规划", "方案", "编制"),
    "policy": ("出台", "政策", "通知", "意见", "办法", "条例", "决策", "决定", "举措", "措施"),
    "launch": (
        "启动",
        "开通",
        "上线",
        "投运",
        "投用",
        "通车",
        "揭牌",
        "成立",
        "开工",
        "开行",
        "首列",
        "首趟",
        "首班",
        "发车",
        "运行图",
        "调图",
        "运行时刻",
    ),
}

# After a date, words of a dateline: the day a report was filed, not an event.
DATELINE_AFTER = ("电", "讯", "消息", "报道")
# Before a date in its clause, a byline or dateline (本报讯(记者 …), 人民网…电): not part of the event.
BYLINE = re.compile(r"记者|通讯员|本报讯|[)）]\s*$|电\s*$|讯\s*$")
# How far after a date its event's keyword may stand (characters).
KEYWORD_REACH = 60
# Words that make an undated sentence an event of the meeting just described (会上, 四市政府签署了 …).
CONTEXT_EVENT_WORDS = ("签署", "签订", "启动", "成立", "揭牌", "印发", "发布", "开通")
CONTEXT_DATE_WORDS = ("此次会议上", "会议期间", "会上", "会后", "当天", "同日")
# Before a date, words that make it the date of something done (于2023年, 计划2025年); not an attribute (确定了2024年…).
EVENT_DATE_BEFORE = ("于", "在", "自", "从", "计划", "将", "拟", "预计", "力争", "定于", "到")
EVENT_DATE_AFTER = ("以来", "起", "开始")


def paragraph_events(para: Paragraph, published: Published) -> list[tuple[dict, tuple[int, int, str]]]:
    """Dated events of a paragraph: (row, (sentence start, sentence end, key)); undated sentences that follow a
    meeting and sign or launch something take the meeting's date."""
    out: list[tuple[dict, tuple[int, int, str]]] = []
    meeting: dict | None = None
    for sentence in para.sentence_spans:
        parts = para.clause_spans(sentence)
        dated = [m for m in para.markers if sentence.start <= m.start < sentence.end and _is_event_date(m, para)]
        for i, marker in enumerate(dated):
            window_end = dated[i + 1].start if i + 1 < len(dated) else sentence.end
            row = _dated_event(para, parts, marker, window_end, published)
            if row is not None:
                out.append((row, (sentence.start, sentence.end, f"e{para.offset}-{marker.start}")))
                meeting = row if row["kind"] == "meeting" else meeting
        if not dated and meeting is not None:
            row = _context_event(para, parts, sentence, meeting)
            if row is not None:
                out.append((row, (sentence.start, sentence.end, f"e{para.offset}-{sentence.start}")))
    for row, (_, _, key) in out:
        row["event_id"] = key
    return out


def _is_event_date(marker: TimeMarker, para: Paragraph) -> bool:
    """A date that says when something happened: it opens its clause, closes one, or follows 于 / 计划 / 自 …"""
    if marker.kind not in ("date", "year") or not marker.iso or (marker.since and marker.kind == "year"):
        return False  # 今年以来, 2024年以来: a stretch of time, not the day something happened
    if para.view.startswith(DATELINE_AFTER, marker.end):
        return False  # 人民网呼和浩特12月7日电, 1月7日消息: the day the report was filed
    clause_start = max((para.view.rfind(ch, 0, marker.start) for ch in CLAUSE_ENDS), default=-1) + 1
    head = para.view[clause_start : marker.start].strip().lstrip('“‘"')
    after = para.view[marker.end : marker.end + 2]
    return (
        not head
        or head.endswith(EVENT_DATE_BEFORE)
        or after[:1] in CLAUSE_ENDS
        or after.startswith(EVENT_DATE_AFTER)
        or marker.since
    )


def _first_keyword(text: str, kinds: tuple[str, ...] = tuple(EVENT_KEYWORDS)) -> tuple[str, int, str]:
    """The kind of event whose keyword comes first in the text, where it ends, and the keyword."""
    best = ("", len(text) + 1, "")
    for kind in kinds:
        words = EVENT_KEYWORDS[kind]
        for word in words:
            at = text.find(word)
            if 0 <= at < best[1]:
                best = (kind, at, word)
    return best[0], best[1] + len(best[2]), best[2]


def _dated_event(
    para: Paragraph, parts: list[Span], marker: TimeMarker, window_end: int, published: Published
) -> dict | None:
    # The keyword must be near the date: a date opening a long sentence dates its first clauses, not its last.
    window = para.view[marker.end : min(window_end, marker.end + KEYWORD_REACH)]
    kind, keyword_end, _ = _first_keyword(window)
    notes: list[tuple[str, str]] = []
    confidence = 0.8
    if is_future(marker.iso, published):
        kind, confidence = "target", 0.6
        notes.append(texts.note("future"))
    elif not kind and marker.since:
        kind, confidence = "launch", 0.4
        notes.append(texts.note("since_event", word=marker.text))
    elif not kind:
        return None
    own = _clause_at(parts, marker.start)
    if keyword_end <= len(window):  # through the clause of the keyword
        last = _clause_at(parts, marker.end + keyword_end - 1)
    else:  # a target or a start without a keyword: the date's clause and the next
        last = min(own + 1, len(parts) - 1)
    start = parts[own].start
    if BYLINE.search(para.view[start : marker.start]):
        start = marker.start  # (记者 云艳芳)1月5日起…: the event starts at its date, not at the byline
    span = _cut_event(para, Span(start, parts[last].end), Span(marker.start, marker.end))
    if marker.no_year:
        notes.insert(0, texts.note("date_no_year", word=marker.text, published=published.text, year=marker.iso[:4]))
    elif marker.relative:
        word = marker.text
        month = int(marker.iso[5:7]) if len(marker.iso) >= 7 else None
        gloss = texts.gloss(_relative_word(word), marker.tail, month)
        notes.insert(0, texts.note("date_relative", word=word, gloss=gloss, published=published.text, date=marker.iso))
    return _event_row(para, span, marker.iso, marker.text, kind, notes, confidence)


def _relative_word(text: str) -> str:
    return next((w for w in texts.GLOSSES if text.startswith(w) or text.endswith(w)), text[:2])


def _context_event(para: Paragraph, parts: list[Span], sentence: Span, meeting: dict) -> dict | None:
    """An undated sentence after a meeting that signs or launches something: an event of that meeting."""
    text = para.view[sentence.start : sentence.end]
    if not any(word in text for word in CONTEXT_EVENT_WORDS):
        return None
    kind, keyword_end, _ = _first_keyword(text, tuple(k for k in EVENT_KEYWORDS if k != "meeting"))
    if not kind:
        return None
    last = sentence.start + keyword_end - 1
    clause_end = parts[_clause_at(parts, last)].end
    span = _cut_event(para, Span(parts[0].start, clause_end), Span(last, last + 1), keep_end=True)
    seen = span.text(para.view)  # found on the view (會上 reads as 会上), quoted as written
    at = next(((seen.find(w), len(w)) for w in CONTEXT_DATE_WORDS if w in seen), None)
    date_text = span.text(para.text)[at[0] : at[0] + at[1]] if at else ""
    notes = [texts.note("date_context", date=meeting["date"])]
    return _event_row(para, span, meeting["date"], date_text, kind, notes, 0.5)


def _clause_at(parts: list[Span], position: int) -> int:
    return next((i for i, c in enumerate(parts) if c.start <= position < c.end), len(parts) - 1)


def _cut_event(para: Paragraph, span: Span, need: Span, keep_end: bool = False) -> Span:
    """The event's clauses, at most MAX_EVIDENCE characters holding `need`: from the date on, cut after 、 or a
    closing quote or title mark in the last third; or (keep_end, an undated event) up to its keyword's clause,
    cut after a comma in the first third."""
    span = strip_span(para.text, span)
    if span.end - span.start <= MAX_EVIDENCE:
        return span
    if keep_end:
        end = min(span.end, need.start + MAX_EVIDENCE)
        start = end - MAX_EVIDENCE
        cuts = (i + 1 for i in range(start, start + MAX_EVIDENCE // 3) if para.view[i] in "、,;")
        return strip_span(para.text, Span(next(cuts, start), end))
    start = max(min(span.start, need.start), need.end - MAX_EVIDENCE)
    limit = start + MAX_EVIDENCE
    cut = max(
        (i + 1 for i in range(max(need.end, start + MAX_EVIDENCE * 2 // 3), limit) if para.view[i] in "、”’》)"),
        default=limit,
    )
    return strip_span(para.text, Span(start, max(cut, need.end)))


def _event_row(
    para: Paragraph, span: Span, date: str, date_text: str, kind: str, notes: list, confidence: float
) -> dict:
    evidence = span.text(para.text)
    title = evidence.replace(date_text, "", 1) if date_text else evidence
    title = strip_span(title, Span(0, len(title))).text(title) or evidence
    cities = cities_named(clauses(para.view, span), para, None, [])
    return {
        "event_id": "",
        "date": date,
        "date_text": date_text if date_text and date_text in evidence else "",
        "kind": kind,
        "title_zh": title,
        "title_en": "",
        "cities": cities,
        "source_id": "",
        "evidence": evidence,
        "evidence_en": "",
        "note_zh": "".join(zh for zh, _ in notes),
        "note_en": " ".join(en for _, en in notes),
        "confidence": round(confidence, 2),
    }
