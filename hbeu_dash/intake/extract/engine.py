"""Article text → candidate rows for figures.csv and events.csv, each with its verbatim evidence and reasoning."""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from hbeu_dash.intake.extract.events import paragraph_events
from hbeu_dash.intake.extract.figures import figure_row
from hbeu_dash.intake.extract.indicators import indicator_keys
from hbeu_dash.intake.extract.numbers import find_numbers
from hbeu_dash.intake.extract.paragraph import read_paragraphs
from hbeu_dash.intake.extract.periods import Published
from hbeu_dash.intake.extract.text import normalise_text, squash
from hbeu_dash.model import schema

# A long news article runs to about 10,000 characters and a hundred numbers; more is not one article, and the
# reading (which looks around each number within its paragraph) would keep a server thread busy for seconds.
MAX_TEXT_CHARS = 100_000
MAX_CANDIDATES = 500
MAX_TITLE_CHARS = 80
CANDIDATE_COLUMNS = ("kind", "confidence")
FIGURE_COLUMNS = [*schema.FIGURES.columns, *CANDIDATE_COLUMNS]
# events.csv has its own `kind` (meeting, plan, …): its candidates add only the confidence.
EVENT_COLUMNS = [*schema.EVENTS.columns, "confidence"]


@dataclass(frozen=True)
class ArticleMeta:
    """What the analyst says about the article: its date (YYYY-MM-DD or YYYY-MM), source id, title, outlet, URL."""

    published: str
    source_id: str = "article"
    title: str = ""
    outlet: str = ""
    url: str = ""


@dataclass(frozen=True)
class ExtractResult:
    """The candidates: figures and events as data-file rows (all text but `confidence`), and the text they quote."""

    figures: pd.DataFrame
    events: pd.DataFrame
    text: str
    source: pd.DataFrame = field(default_factory=pd.DataFrame)
    truncated: bool = False  # more numbers than MAX_CANDIDATES: only the first are listed


class ArticleTooLong(ValueError):
    """The text is longer than MAX_TEXT_CHARS."""

    def __init__(self, found: int):
        super().__init__(f"the article has {found} characters; at most {MAX_TEXT_CHARS} are read")
        self.found = found


def extract_article(text: str, meta: ArticleMeta, tables: Mapping[str, pd.DataFrame] | None = None) -> ExtractResult:
    """Every number and dated event of an article as candidate rows; `tables` (may be {}) for indicators and ids."""
    if meta.published and not schema.is_partial_date(meta.published):
        raise ValueError(f"published: {meta.published!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    if len(text) > MAX_TEXT_CHARS:
        raise ArticleTooLong(len(text))
    tables = tables or {}
    published = Published.parse(meta.published)
    source_id = source_slug(meta.source_id)
    normalised = normalise_text(text)
    keys = indicator_keys(tables.get("indicators"))
    figure_rows: list[dict] = []
    event_rows: list[dict] = []
    truncated = False
    title_end = _title_end(normalised)
    in_title: list[bool] = []
    for para in read_paragraphs(normalised, published):
        events = paragraph_events(para, published)
        event_rows += [row for row, _ in events]
        for number in find_numbers(para.text, para.view):
            if len(figure_rows) >= MAX_CANDIDATES:
                truncated = True
                break
            figure_rows.append(figure_row(number, para, published, source_id, keys, events))
            in_title.append(para.offset + number.start < title_end)
    figure_rows = _one_per_value(figure_rows, in_title, ("value", "value_text"))
    event_rows = _one_per_value(
        event_rows, [0 <= normalised.find(e["evidence"]) < title_end for e in event_rows], ("date", "kind")
    )
    _assign_ids(figure_rows, event_rows, source_id, tables)
    return ExtractResult(
        figures=_frame(figure_rows, FIGURE_COLUMNS),
        events=_frame(event_rows, EVENT_COLUMNS),
        text=normalised,
        source=_source_frame(meta, source_id),
        truncated=truncated,
    )


def _title_end(text: str) -> int:
    """Where the article's first line ends when it is a headline (short, no full stop), else 0."""
    first = text.split("\n", 1)[0]
    return len(first) if len(first) <= MAX_TITLE_CHARS and not any(ch in first for ch in "。!?！？") else 0


def _one_per_value(rows: list[dict], in_title: list[bool], same: tuple[str, ...]) -> list[dict]:
    """One candidate per value and clause: a repeated clause (a page that prints its text twice) gives one, and a
    headline's figure or event that the body reports again is left to the body, where its context is."""
    body = {tuple(row[c] for c in same) for row, title in zip(rows, in_title, strict=True) if not title}
    seen: set[tuple] = set()
    kept = []
    for row, title in zip(rows, in_title, strict=True):
        key = tuple(row[c] for c in same)
        clause = (*key, squash(row["evidence"]))
        if clause in seen or (title and key in body):
            continue
        seen.add(clause)
        kept.append(row)
    return kept


def source_slug(source_id: str) -> str:
    """The source id as a valid id (lower case, digits, - and _); 'article' when nothing is left."""
    if schema.ID_RE.match(source_id or ""):
        return source_id
    slug = re.sub(r"[^a-z0-9_-]+", "-", (source_id or "").lower()).strip("-_")
    return slug if slug and schema.ID_RE.match(slug) else "article"


def _assign_ids(figures: list[dict], events: list[dict], source_id: str, tables: Mapping) -> None:
    """New ids, {source_id}-1, -2 … for figures and {source_id}-e1 … for events, skipping ids the data has; the
    figures' event keys become the events' ids."""
    figure_ids = _new_ids(len(figures), f"{source_id}-", _taken(tables.get("figures"), "figure_id"))
    event_ids = _new_ids(len(events), f"{source_id}-e", _taken(tables.get("events"), "event_id"))
    by_key = {row["event_id"]: new for row, new in zip(events, event_ids, strict=True)}
    for row, new in zip(figures, figure_ids, strict=True):
        row["figure_id"], row["event_id"] = new, by_key.get(row["event_id"], "")
    for row in events:
        row["event_id"], row["source_id"] = by_key[row["event_id"]], source_id


def _taken(frame: pd.DataFrame | None, column: str) -> set[str]:
    if frame is None or column not in frame.columns:
        return set()
    return set(frame[column].astype(str))


def _new_ids(count: int, prefix: str, taken: set[str]) -> list[str]:
    ids, n = [], 0
    while len(ids) < count:
        n += 1
        if f"{prefix}{n}" not in taken:
            ids.append(f"{prefix}{n}")
    return ids


def _frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=columns)
    text_columns = [c for c in columns if c != "confidence"]
    frame[text_columns] = frame[text_columns].fillna("").astype(str)
    frame["confidence"] = frame["confidence"].astype(float)
    return frame


def _source_frame(meta: ArticleMeta, source_id: str) -> pd.DataFrame:
    """The article as a sources.csv row (the English title and outlet left for the analyst)."""
    row = dict.fromkeys(schema.SOURCES.columns, "")
    row |= {
        "source_id": source_id,
        "title": meta.title,
        "outlet_zh": meta.outlet,
        "published": meta.published,
        "url": meta.url,
        "language": "zh",
    }
    return pd.DataFrame([row], columns=schema.SOURCES.columns)
