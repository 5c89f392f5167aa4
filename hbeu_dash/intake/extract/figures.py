"""One number of a paragraph as a candidate row of figures.csv: evidence, period, city, speaker, indicator, notes."""

from hbeu_dash.intake.extract import texts
from hbeu_dash.intake.extract.indicators import match_indicator
from hbeu_dash.intake.extract.numbers import Number
from hbeu_dash.intake.extract.paragraph import Paragraph, city_for, containing, speaker_for
from hbeu_dash.intake.extract.periods import Published
from hbeu_dash.intake.extract.text import MAX_EVIDENCE, Span, split_spans, strip_span
from hbeu_dash.model.numerals import NumeralError, parse_written_number
from hbeu_dash.model.sentences import CLAUSE_ENDS, MINOR_CUTS

MIN_EVIDENCE = 10  # a shorter clause takes the one before it along, for context
# What an indicator is matched on: up to this many characters before the number, and what it counts after it.
CONTEXT_BEFORE = 24
CONTEXT_AFTER = 16
POINT_TAILS = ("底", "初", "末", "年底", "年初", "年末")


def figure_row(number: Number, para: Paragraph, published: Published, source_id: str, keys: list, events: list) -> dict:
    sentence = containing(para.sentence_spans, number.start)
    parts = para.clause_spans(sentence)
    evidence = _evidence_for(para, parts, number)
    notes: list[tuple[str, str]] = []
    period, as_of = _period_for(number, sentence, para, published, notes)
    speaker = speaker_for(number.start, para)
    city = city_for(number.start, parts, para, speaker, notes)
    before = para.view[max(sentence.start, number.start - CONTEXT_BEFORE) : number.start]  # matched: the view
    counted = _counted_noun(para, parts, number)
    indicator, _ = match_indicator(number.unit, before, counted, keys, bool(period))
    if number.qualifier:
        notes.append(
            texts.note(
                number.qualifier_kind,
                word=number.qualified_text,
                value_text=number.value_text,
                value=f"{number.value:,g}",
            )
        )
    if number.range_text:
        notes.append(texts.note(f"range_{number.range_end}", range=number.range_text))
    if not indicator:
        notes.append(texts.note("new_indicator", unit=number.unit) if number.unit else texts.note("no_unit"))
    confidence = number.confidence
    value = format_value(number.value)
    # An approximation, a bound or a range is kept as written, with its word and unit (约820亿元, 6小时以上,
    # 3至5年): the value alone would say more than the article does. A duration in hours and minutes too.
    bounded = number.qualifier or number.range_end == "low" or (number.unit == "分钟" and number.written_start >= 0)
    value_text = number.written if bounded and number.written else number.value_text
    parsed = _parsed(value_text)
    if parsed is None or abs(parsed - number.value) > 1e-6:
        value_text = number.value_text
        parsed = _parsed(value_text)
    if parsed is None or abs(parsed - number.value) > 1e-6:
        notes.append(texts.note("unreadable", value_text=value_text, parsed=parsed, value=value))
        confidence *= 0.7
    event = next((key for _, (start, end, key) in events if start <= number.start < end), "")
    return {
        "figure_id": "",
        "indicator_id": indicator,
        "city": city,
        "value": value,
        "value_text": value_text,
        "period": period,
        "as_of": as_of,
        "source_id": source_id,
        "speaker_zh": speaker.label if speaker else "",
        "speaker_en": "",
        "event_id": event,  # the key of the event of its sentence, made an id in _assign_ids
        "evidence": evidence.text(para.text),
        "evidence_en": "",
        "note_zh": "".join(zh for zh, _ in notes),
        "note_en": " ".join(en for _, en in notes),
        "kind": "figure",
        "confidence": round(confidence, 2),
    }


def _counted_noun(para: Paragraph, parts: list[Span], number: Number) -> str:
    """The words after the number's unit up to the end of its clause: what it counts (项任务, 个高频事项 …)."""
    clause = containing(parts, number.start)
    end = min(clause.end, number.end_of_unit + CONTEXT_AFTER)
    stop = next((i for i in range(number.end_of_unit, end) if para.view[i] in CLAUSE_ENDS + MINOR_CUTS), end)
    return para.view[number.end_of_unit : stop]


def _parsed(value_text: str) -> float | None:
    try:
        return parse_written_number(value_text)
    except NumeralError:
        return None


def _evidence_for(para: Paragraph, parts: list[Span], number: Number) -> Span:
    """The clause the number stands in, cut to at most MAX_EVIDENCE characters at punctuation."""
    start = number.written_start if number.written_start >= 0 else number.start
    need = Span(min(start, number.start), max(number.end, number.end_of_unit, start + len(number.written)))
    index = next(i for i, c in enumerate(parts) if c.start <= number.start < c.end)
    span = strip_span(para.text, parts[index])
    if span.end - span.start < MIN_EVIDENCE and index > 0:
        wider = strip_span(para.text, Span(parts[index - 1].start, parts[index].end))
        if wider.end - wider.start <= MAX_EVIDENCE:
            span = wider
    return _fit(para, span, need)


def _fit(para: Paragraph, span: Span, need: Span) -> Span:
    """The span, or the most of it around `need` that fits MAX_EVIDENCE, cut at 、 (else at a character)."""
    span = Span(min(span.start, need.start), max(span.end, need.end))
    if span.end - span.start <= MAX_EVIDENCE:
        return span
    # Only the pieces within MAX_EVIDENCE of the number can be kept, so only they are cut: a cut piece at either
    # edge can never fit beside the number's own piece. (A whole 80,000-character clause would be cut per number.)
    near = Span(max(span.start, need.start - MAX_EVIDENCE - 1), min(span.end, need.end + MAX_EVIDENCE + 1))
    pieces = split_spans(para.view, near, MINOR_CUTS)
    lo = hi = next(i for i, p in enumerate(pieces) if p.start <= need.start < p.end)
    while pieces[hi].end < need.end and hi + 1 < len(pieces):
        hi += 1
    grown = True
    while grown:
        grown = False
        if lo > 0 and pieces[hi].end - pieces[lo - 1].start <= MAX_EVIDENCE:
            lo, grown = lo - 1, True
        if hi + 1 < len(pieces) and pieces[hi + 1].end - pieces[lo].start <= MAX_EVIDENCE:
            hi, grown = hi + 1, True
    window = strip_span(para.text, Span(pieces[lo].start, pieces[hi].end))
    if window.end - window.start <= MAX_EVIDENCE and window.start <= need.start and window.end >= need.end:
        return window
    # One piece is too long: a window of MAX_EVIDENCE characters, about a third of it before the number.
    lowest, highest = max(span.start, need.end - MAX_EVIDENCE), min(need.start, span.end - MAX_EVIDENCE)
    start = min(max(need.start - MAX_EVIDENCE // 3, lowest), max(highest, lowest))
    return Span(start, min(span.end, start + MAX_EVIDENCE))


def _period_for(number: Number, sentence: Span, para: Paragraph, published: Published, notes: list) -> tuple[str, str]:
    """The period and as-of the nearest time words before the number (in its sentence) give it."""
    as_of = published.month_text
    before = [m for m in para.markers if sentence.start <= m.start and m.end <= number.start]
    for marker in reversed(before):
        if marker.kind == "now":
            notes.append(texts.note("now", word=marker.text, gloss=texts.gloss(marker.text), as_of=as_of))
            return "", as_of
        if marker.kind == "as_of":
            notes.append(texts.note("as_of", word=marker.text, as_of=marker.iso))
            return "", marker.iso or as_of
        if marker.kind == "since":
            return "", as_of
        if marker.kind != "year" or marker.tail in POINT_TAILS:
            continue
        year = marker.iso
        if marker.since and published.year is not None and year != str(published.year):
            notes.append(texts.note("since_year", word=marker.text, year=year))
            return "", as_of
        if marker.relative and year:
            word = marker.text
            gloss = texts.gloss(word.removesuffix(marker.tail), marker.tail)
            notes.append(texts.note("relative_period", word=word, gloss=gloss, published=published.text, period=year))
        return year, as_of
    return "", as_of


def format_value(value: float) -> str:
    """A value as data/figures.csv writes it: 587600, 6030000000, 12.5."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".")
