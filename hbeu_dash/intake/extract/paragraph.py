"""A paragraph being read, with its time words, places and officials; whom and where a number in it concerns."""

import bisect
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from hbeu_dash.intake.extract import texts
from hbeu_dash.intake.extract.periods import Published, TimeMarker, find_markers
from hbeu_dash.intake.extract.places import (
    BILATERAL,
    CityMention,
    Speaker,
    city_list,
    find_cities,
    find_officials,
    is_heading,
)
from hbeu_dash.intake.extract.text import Span, clauses, matching_view, paragraphs, sentences
from hbeu_dash.model import schema

# "The city": the one named last before, in the same paragraph (or the speaker's, in a quote: 我市).
CITY_ANAPHORS = ("全市", "我市", "该市", "本市")


@dataclass(frozen=True)
class Paragraph:
    """One paragraph being read: its text as written, its matching view (full-width as ASCII, traditional as
    simplified; the same length) and what was found in it (quoting the text, not the view)."""

    text: str
    view: str
    offset: int
    markers: list[TimeMarker]
    cities: list[CityMention]
    speakers: list[tuple[int, Speaker]]
    section: Speaker | None

    # Computed once per paragraph: figure_row asks for every number, and a long paragraph has many.
    @cached_property
    def sentence_spans(self) -> list[Span]:
        return sentences(self.view, Span(0, len(self.view)))

    @cached_property
    def _clause_cache(self) -> dict[tuple[int, int], list[Span]]:
        return {}

    def clause_spans(self, sentence: Span) -> list[Span]:
        """The clauses of one of this paragraph's sentences (cached)."""
        key = (sentence.start, sentence.end)
        if key not in self._clause_cache:
            self._clause_cache[key] = clauses(self.view, sentence)
        return self._clause_cache[key]


def read_paragraphs(normalised: str, published: Published) -> Iterator[Paragraph]:
    """The paragraphs with their time words, places and officials; a heading naming an official is not yielded:
    it makes that official the speaker of the paragraphs after it, until the next such heading. Everything is
    matched on the view and quoted from the text: a traditional article's speakers and time words stay as written."""
    view = matching_view(normalised)
    spans = paragraphs(normalised)
    # Keyed by the name as the view writes it: named_speakers looks for it in the views of other paragraphs.
    registry = {
        view[p.start + at : p.start + at + len(s.name)]: s
        for p in spans
        for at, s in find_officials(p.text(view), p.text(normalised))
    }
    section: Speaker | None = None
    for span in spans:
        para_view, para_text = span.text(view), span.text(normalised)
        if is_heading(para_view):
            section = find_officials(para_view, para_text)[0][1]
            continue
        yield Paragraph(
            text=para_text,
            view=para_view,
            offset=span.start,
            markers=find_markers(para_view, published, para_text),
            cities=find_cities(para_view),
            speakers=named_speakers(para_view, registry),
            section=section,
        )


def named_speakers(view: str, registry: dict[str, Speaker]) -> list[tuple[int, Speaker]]:
    """Where the paragraph names an official the article introduced somewhere (with office and post)."""
    found = []
    for name, speaker in registry.items():
        start = view.find(name)
        while start >= 0:
            found.append((start, speaker))
            start = view.find(name, start + 1)
    return sorted(found, key=lambda x: x[0])


def speaker_for(position: int, para: Paragraph) -> Speaker | None:
    """The official named nearest before the number in its paragraph, else the first after, else the section's."""
    before = [s for p, s in para.speakers if p <= position]
    if before:
        return before[-1]
    if para.speakers:
        return para.speakers[0][1]
    return para.section


def city_for(position: int, parts: list[Span], para: Paragraph, speaker: Speaker | None, notes: list) -> str:
    """The city the number concerns: named in its clause or the clauses before it, else its speaker's, else all."""
    own = next(i for i, c in enumerate(parts) if c.start <= position < c.end)
    return cities_named(parts[: own + 1], para, speaker, notes)


def cities_named(parts: list[Span], para: Paragraph, speaker: Speaker | None, notes: list) -> str:
    """Walking back from the last clause: the first that names a city as its subject (with its partners in a
    two-sided deal), or a group of cities; else the city 全市 / 我市 refers to; else the speaker's city; else a
    partner; else all four."""
    anaphor = _anaphor(para, Span(parts[0].start, parts[-1].end))
    partners: set[str] = set()
    bilateral = False
    for clause in reversed(parts):
        mentions = [m for m in para.cities if clause.start <= m.start < clause.end]
        bilateral = bilateral or any(word in para.view[clause.start : clause.end] for word in BILATERAL)
        subjects = {c for m in mentions if m.strong and not m.partner for c in m.cities}
        partners |= {c for m in mentions if m.strong and m.partner for c in m.cities}
        if subjects:
            return city_list(subjects | (partners if bilateral else set()))
        group = next((m.cities for m in reversed(mentions) if not m.strong and not m.partner), ())
        if group:
            return city_list(group)  # 共享整合四市政务数据: the group named where the number stands
    earlier = [m for m in para.cities if m.end <= parts[0].start and m.strong and not m.partner]
    if anaphor and earlier:
        notes.append(texts.note("city_anaphor", word=anaphor))
        return city_list(earlier[-1].cities)
    if speaker is not None and speaker.city:
        notes.append(texts.note("city_speaker"))
        return speaker.city
    if partners:
        return city_list(partners)
    notes.append(texts.note("city_none"))
    return schema.REGION


def _anaphor(para: Paragraph, span: Span) -> str:
    """The first of 全市 / 我市 … the span holds, as the article writes it (該市 in a traditional one); "" if none."""
    for word in CITY_ANAPHORS:
        at = para.view.find(word, span.start, span.end)
        if at >= 0:
            return para.text[at : at + len(word)]
    return ""


def containing(spans: list[Span], position: int) -> Span:
    """The span that holds the position (the last one if none does); spans are in order and do not overlap."""
    i = bisect.bisect_right([s.start for s in spans], position) - 1
    if 0 <= i < len(spans) and position in spans[i]:
        return spans[i]
    return next((s for s in spans if position in s), spans[-1])
