"""Every row proven against the text of the source it cites: its `evidence` stands verbatim (whitespace aside,
nothing looser) in the archived text of its own source (hbeu_dash.store.archive), and where in that text it stands.

Used wherever a row is written (hbeu_dash.intake.prepare: uploads, `import`, the article assistant), by `validate`
and `verify-sources` (every row of the data), and by the readers' view of a figure's paragraph. Pure: the texts come
from a lookup (the store's archive, plus the texts a change set brings). What is proven is remembered by text sha256
and fragment, so a write checks only what it adds or changes and a full proof of unchanged data is cheap.
"""

import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from hbeu_dash.problems import Problem
from hbeu_dash.schema import CITING_TABLES

# sha256 -> the text, or None when the archive does not hold it.
TextLookup = Callable[[str], str | None]
# A row to prove: (the row number the analyst knows it by, {column: cell}).
Row = tuple[int, Mapping[str, str]]

_CACHE_LIMIT = 200_000
_squashed: dict[str, str] = {}  # sha256 -> the text with all whitespace removed
_proven: dict[tuple[str, str], bool] = {}  # (sha256, squashed fragment) -> found
_cache_lock = threading.Lock()


def squash(text: str) -> str:
    """The text with every whitespace character removed (what "verbatim, whitespace aside" compares)."""
    return "".join(text.split())


def _squashed_text(sha256: str, lookup: TextLookup) -> str | None:
    with _cache_lock:
        hit = _squashed.get(sha256)
    if hit is not None:
        return hit
    text = lookup(sha256)
    if text is None:
        return None
    squashed = squash(text)
    with _cache_lock:
        if len(_squashed) > 1024:
            _squashed.clear()
        _squashed[sha256] = squashed
    return squashed


def stands_in(sha256: str, evidence: str, lookup: TextLookup) -> bool | None:
    """True if the evidence stands in the text with this sha256 (whitespace aside); None if there is no such text."""
    fragment = squash(evidence)
    key = (sha256, fragment)
    with _cache_lock:
        hit = _proven.get(key)
    if hit is not None:
        return hit
    text = _squashed_text(sha256, lookup)
    if text is None:
        return None
    found = bool(fragment) and fragment in text
    with _cache_lock:
        if len(_proven) > _CACHE_LIMIT:
            _proven.clear()
        _proven[key] = found
    return found


def source_texts(sources: pd.DataFrame | None) -> dict[str, str]:
    """source_id -> the sha256 of its archived text ('' when it names none)."""
    if sources is None or "text_sha256" not in sources.columns:
        return {} if sources is None else {str(s): "" for s in sources["source_id"]}
    return {str(s): str(h or "") for s, h in zip(sources["source_id"], sources["text_sha256"], strict=True)}


def prove_rows(
    table: str,
    rows: Iterable[Row],
    text_of_source: Mapping[str, str],
    lookup: TextLookup,
    file: str | None = None,
) -> list[Problem]:
    """The problems of rows whose evidence does not stand in their own source's archived text.

    `text_of_source` maps source_id -> sha256 of its text ('' for none). A row whose source is unknown or whose
    evidence is empty is left to the schema's checks (they already name it). A fragment found only in another
    source's text says which, so the analyst sees the row cites the wrong source.
    """
    file = file or f"{table}.csv"
    problems = []
    held: dict[str, bool] = {}  # whether this archive holds the text (the proof cache knows texts of any store)

    def holds(sha: str) -> bool:
        if sha not in held:
            held[sha] = bool(sha) and lookup(sha) is not None
        return held[sha]

    for number, record in rows:
        evidence, source_id = record.get("evidence", ""), record.get("source_id", "")
        if not evidence.strip() or source_id not in text_of_source:
            continue
        sha = text_of_source[source_id]
        found = stands_in(sha, evidence, lookup) if holds(sha) else None
        if found:
            continue
        if found is None:
            code = "source_text_missing" if not sha else "source_text_lost"
            problems.append(Problem(file, code, number, "evidence", evidence, {"source": source_id}))
            continue
        others = [s for s, h in text_of_source.items() if h != sha and holds(h) and stands_in(h, evidence, lookup)]
        if others:
            params = {"source": source_id, "other": ", ".join(sorted(others)[:3])}
            problems.append(Problem(file, "evidence_in_other_source", number, "evidence", evidence, params))
        else:
            problems.append(
                Problem(file, "evidence_not_in_source", number, "evidence", evidence, {"source": source_id})
            )
    return problems


def prove_tables(tables: Mapping[str, pd.DataFrame], lookup: TextLookup) -> tuple[list[Problem], int]:
    """Every row of every citing table proven against its own source's text: (problems, rows checked).

    Rows are proven once per distinct (source, evidence) pair: a million figures quoting a few thousand fragments
    cost a few thousand searches.
    """
    text_of_source = source_texts(tables.get("sources"))
    problems, checked = [], 0
    for table in CITING_TABLES:
        frame = tables.get(table)
        if frame is None or frame.empty:
            continue
        checked += len(frame)
        # Tables are read with a plain index: a row's position + 2 is its Excel row (the header is row 1).
        pairs = pd.DataFrame(
            {
                "source_id": frame["source_id"].astype(str).to_numpy(),
                "evidence": frame["evidence"].astype(str).to_numpy(),
            },
            index=pd.RangeIndex(2, len(frame) + 2),
        )
        first = pairs.drop_duplicates()
        bad = {}
        for number, source_id, evidence in zip(first.index, first["source_id"], first["evidence"], strict=True):
            found = prove_rows(
                table, [(int(number), {"source_id": source_id, "evidence": evidence})], text_of_source, lookup
            )
            if found:
                bad[(source_id, evidence)] = found[0]
        if not bad:
            continue
        failing = pairs[[key in bad for key in zip(pairs["source_id"], pairs["evidence"], strict=True)]]
        for number, source_id, evidence in zip(failing.index, failing["source_id"], failing["evidence"], strict=True):
            p = bad[(source_id, evidence)]
            problems.append(Problem(p.file, p.code, int(number), p.column, p.value, p.params))
    return problems, checked


@dataclass(frozen=True)
class Passage:
    """Where a fragment stands in a text: the paragraph holding it, and the fragment's span inside that paragraph."""

    before: str  # the paragraph up to the fragment (possibly cut, with an ellipsis, when very long)
    match: str  # the fragment as the text writes it (whitespace included)
    after: str
    start: int  # the fragment's position in the whole text
    end: int


# A paragraph longer than this (a page read without line breaks) is cut around the fragment.
MAX_PARAGRAPH_CONTEXT = 400
ELLIPSIS = "…"


def find_passage(text: str, evidence: str) -> Passage | None:
    """The paragraph of `text` that holds `evidence` (whitespace aside), or None when it does not stand there.

    A paragraph is the run of text between line breaks; a fragment that crosses a break (a paragraph the page
    broke mid-sentence) brings the lines on both sides. Very long paragraphs are cut to MAX_PARAGRAPH_CONTEXT
    characters each side of the fragment.
    """
    fragment = squash(evidence)
    if not fragment:
        return None
    positions = [i for i, ch in enumerate(text) if not ch.isspace()]
    squashed = "".join(text[i] for i in positions)
    at = squashed.find(fragment)
    if at < 0:
        return None
    start, end = positions[at], positions[at + len(fragment) - 1] + 1
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before, after = text[line_start:start], text[end:line_end]
    before = before.lstrip()
    after = after.rstrip()
    if len(before) > MAX_PARAGRAPH_CONTEXT:
        before = ELLIPSIS + before[-MAX_PARAGRAPH_CONTEXT:]
    if len(after) > MAX_PARAGRAPH_CONTEXT:
        after = after[:MAX_PARAGRAPH_CONTEXT] + ELLIPSIS
    return Passage(before, text[start:end], after, start, end)
