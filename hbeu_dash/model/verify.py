"""Every row proven against the text of the source it cites: its `evidence` stands verbatim (whitespace aside,
nothing looser) in the archived text of its own source (hbeu_dash.store.archive), and where in that text it stands.

Used wherever a row is written (intake.changeset.prepare: uploads, `import`, the article assistant), by `validate`
and `verify-sources` (every row of the data), and by the readers' view of a figure's paragraph. Pure: the texts come
from a lookup (the store's archive, plus the texts a change set brings). What is proven is remembered by text sha256
and fragment, so a write checks only what it adds or changes and a full proof of unchanged data is cheap.
"""

import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from hbeu_dash.model.problems import Problem
from hbeu_dash.model.schema import CITING_TABLES
from hbeu_dash.model.sentences import continues_sentence

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


_BATCH_CHARS = 1_000_000  # text characters _find_all searches at once (its arrays: about 40 bytes a character)


def _find_all(texts: list[str], fragments: list[str], owners: list[int]) -> np.ndarray:
    """`bool(fragment) and fragment in texts[owner]` for each fragment (a numpy bool array), many at once.

    A fragment can only start where its first two characters stand: a sieve finds those places in all the texts
    at once. There a hash of the next characters (the whole of a fragment of up to 16, the head of a longer one)
    is matched against the fragments' hashes, and the characters are compared to confirm each match. Equal strings
    have equal hashes, so a fragment matched nowhere is in no text; a hash collision costs one comparison. A
    fragment of one character, or whose head stands in very many places of its text, is searched with `in`.
    """
    longest, crowd = 16, 32
    base, tag, mix = np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F), np.uint32(0x9E3779B1)
    found = np.zeros(len(fragments), dtype=bool)
    length = np.fromiter(map(len, fragments), dtype=np.int64, count=len(fragments))
    for j in np.flatnonzero(length < 2).tolist():
        found[j] = bool(fragments[j]) and fragments[j] in texts[owners[j]]
    joined = "".join(texts)
    usable = np.flatnonzero(length >= 2)
    if not len(usable) or len(joined) < 2:
        return found
    n = len(joined)
    ends = np.cumsum([len(t) for t in texts], dtype=np.int64)
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    frags = np.asarray(fragments, dtype=object)[usable].tolist()
    own = np.asarray(owners, dtype=np.int64)[usable]
    frag_codes = np.frombuffer("".join(frags).encode("utf-32-le"), dtype=np.uint32)
    length = length[usable]
    frag_start = np.cumsum(length) - length
    size = np.minimum(length, longest)
    # The sieve: a table of the fragments' first two characters, looked up at every place of the batch.
    sieve = np.zeros(1 << 20, dtype=bool)
    sieve[((frag_codes[frag_start] * mix) ^ frag_codes[frag_start + 1]) >> np.uint32(12)] = True
    places = np.flatnonzero(sieve[((codes[:-1] * mix) ^ codes[1:]) >> np.uint32(12)])
    sieve[:] = False
    owner_of = np.searchsorted(ends, places, side="right")
    room = ends[owner_of] - places  # characters from the place to the end of its text
    place_tag = (owner_of.astype(np.uint64) + np.uint64(1)) * tag
    frag_tag = (own.astype(np.uint64) + np.uint64(1)) * tag
    want = np.zeros(len(frags), dtype=np.uint64)
    have = np.zeros(len(places), dtype=np.uint64)
    pair_frag, pair_place, crowded = [], [], []
    for k in range(int(size.max())):
        step = k < size
        want = np.where(step, want * base + frag_codes[np.where(step, frag_start + k, 0)].astype(np.uint64), want)
        have = have * base + codes[np.minimum(places + k, n - 1)].astype(np.uint64)
        ready = np.flatnonzero(size == k + 1)  # fragments whose hash is complete at this length
        if not len(ready):
            continue
        keys, group = np.unique(want[ready] + frag_tag[ready], return_inverse=True)
        probe = have + place_tag
        sieve[keys >> np.uint64(44)] = True
        near = np.flatnonzero(sieve[probe >> np.uint64(44)] & (room > k))
        sieve[keys >> np.uint64(44)] = False
        at = np.minimum(np.searchsorted(keys, probe[near]), len(keys) - 1)
        matched = keys[at] == probe[near]
        hit, at = near[matched], at[matched]
        # A hash matched in very many places (a text repeating itself): its fragments are searched with `in`.
        heavy = np.bincount(at, minlength=len(keys)) > crowd
        if heavy.any():
            crowded += ready[heavy[group]].tolist()
            hit, at = hit[~heavy[at]], at[~heavy[at]]
        if not len(hit):
            continue
        # Every fragment of a matched hash, at the matched place.
        members = ready[np.argsort(group, kind="stable")]
        first = np.searchsorted(np.sort(group), np.arange(len(keys)))
        count = np.diff(np.append(first, len(ready)))[at]
        offset = np.arange(count.sum()) - np.repeat(np.cumsum(count) - count, count)
        pair_frag.append(members[np.repeat(first[at], count) + offset])
        pair_place.append(np.repeat(hit, count))
    if pair_frag:
        pair_f, pair_at = np.concatenate(pair_frag), np.concatenate(pair_place)
        pair_p = places[pair_at]
        # In the fragment's own text (hashes of two texts may collide), the hashed characters compared one by one;
        # the rest of a longer fragment with startswith.
        same = owner_of[pair_at] == own[pair_f]
        pair_size, pair_start = size[pair_f], frag_start[pair_f]
        for k in range(int(pair_size.max())):
            inside = k < pair_size
            text_char = codes[np.where(inside, pair_p + k, 0)]
            frag_char = frag_codes[np.where(inside, pair_start + k, 0)]
            same &= ~inside | (text_char == frag_char)
        whole = same & (pair_size == length[pair_f])
        found[usable[pair_f[whole]]] = True
        rest = same & ~whole
        ends_list = ends.tolist()
        for i, place in zip(pair_f[rest].tolist(), pair_p[rest].tolist(), strict=True):
            j = usable[i]
            if not found[j]:
                found[j] = joined.startswith(frags[i], place, ends_list[own[i]])
    for i in crowded:
        found[usable[i]] = frags[i] in texts[own[i]]
    return found


def _proven_pairs(
    pair_source: np.ndarray,
    pair_evidence: np.ndarray,
    sources: list[str],
    evidences: list[str],
    text_of_source: Mapping[str, str],
    lookup: TextLookup,
) -> np.ndarray:
    """Whether each distinct (source, evidence) pair is proven (a numpy bool array): its source names a text the
    archive holds, and the evidence stands in it (whitespace aside), as prove_rows finds."""
    fragments = np.asarray(list(map(squash, evidences)), dtype=object)
    proven = np.zeros(len(pair_source), dtype=bool)
    cached = bool(_proven)
    order = np.argsort(pair_source, kind="stable")
    bounds = np.flatnonzero(np.diff(pair_source[order])) + 1
    batch: list[tuple[str, str, object]] = []  # (sha, squashed text, pairs)
    size = 0

    def search() -> None:
        rows = np.concatenate([r for _, _, r in batch])
        owners = np.repeat(np.arange(len(batch)), [len(r) for _, _, r in batch])
        frags = fragments[pair_evidence[rows]].tolist()
        found = _find_all([t for _, t, _ in batch], frags, owners.tolist())
        proven[rows] = found
        with _cache_lock:
            room = max(0, _CACHE_LIMIT - len(_proven))
            for owner, fragment, ok in zip(owners[:room].tolist(), frags[:room], found[:room].tolist(), strict=True):
                _proven[(batch[owner][0], fragment)] = ok
        batch.clear()

    for rows in np.split(order, bounds) if len(order) else ():
        sha = text_of_source.get(sources[pair_source[rows[0]]])
        text = lookup(sha) if sha else None  # the archive must hold the text, whatever the cache knows
        if text is None:
            continue
        known = None
        if cached:  # asked about a text's pairs when it knows the first (a full proof fills it text by text)
            with _cache_lock:
                if _proven.get((sha, fragments[pair_evidence[rows[0]]])) is not None:
                    known = [_proven.get((sha, f)) for f in fragments[pair_evidence[rows]].tolist()]
        if known is not None:
            proven[rows] = [bool(k) for k in known]
            rows = rows[[k is None for k in known]]
            if not len(rows):
                continue
        squashed = _squashed_text(sha, lambda _sha, text=text: text)
        batch.append((sha, squashed, rows))
        size += len(squashed)
        if size >= _BATCH_CHARS:
            search()
            size = 0
    if batch:
        search()
    return proven


def prove_tables(tables: Mapping[str, pd.DataFrame], lookup: TextLookup) -> tuple[list[Problem], int]:
    """Every row of every citing table proven against its own source's text: (problems, rows checked).

    Rows are proven once per distinct (source, evidence) pair, the pairs of many texts at once (_find_all), and
    what is proven goes into the proof cache while it has room. A pair that is not proven goes through
    prove_rows, which says why.
    """
    text_of_source = source_texts(tables.get("sources"))
    problems, checked = [], 0
    for table in CITING_TABLES:
        frame = tables.get(table)
        if frame is None or frame.empty:
            continue
        checked += len(frame)
        # Each column as codes, and its distinct values as the strings the proof reads.
        source_code, sources = pd.factorize(frame["source_id"], use_na_sentinel=False)
        evidence_code, evidences = pd.factorize(frame["evidence"], use_na_sentinel=False)
        sources = pd.Series(sources).astype(str).to_numpy(dtype=object).tolist()
        evidences = pd.Series(evidences).astype(str).to_numpy(dtype=object).tolist()
        pair = source_code.astype(np.int64) * len(evidences) + evidence_code
        # The first row of each pair; a row's position + 2 is its Excel row (the header is row 1).
        first = np.flatnonzero(~pd.Series(pair).duplicated().to_numpy())
        pair_source, pair_evidence = source_code[first], evidence_code[first]
        proven = _proven_pairs(pair_source, pair_evidence, sources, evidences, text_of_source, lookup)
        bad = {}
        for i in np.flatnonzero(~proven).tolist():
            record = {"source_id": sources[pair_source[i]], "evidence": evidences[pair_evidence[i]]}
            found = prove_rows(table, [(int(first[i]) + 2, record)], text_of_source, lookup)
            if found:
                bad[int(pair[first[i]])] = found[0]
        if not bad:
            continue
        for row in np.flatnonzero(pd.Series(pair).isin(list(bad)).to_numpy()).tolist():
            p = bad[int(pair[row])]
            problems.append(Problem(p.file, p.code, row + 2, p.column, p.value, p.params))
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


# A page broken into short lines joins at most this many lines into one paragraph.
MAX_JOINED_LINES = 6


def _line_at(text: str, position: int) -> tuple[int, int]:
    """The bounds of the line holding `position`, without its line break."""
    first = text.rfind("\n", 0, position) + 1
    last = text.find("\n", position)
    return first, len(text) if last < 0 else last


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph holding text[start:end], without its outer whitespace: the lines from the one where the span
    starts to the one where it ends, joined with the lines before and after that a page broke off mid-sentence (a
    long line that stops on a character or a comma, then the rest of the sentence: what the article assistant
    joins too, hbeu_dash.model.sentences.continues_sentence)."""
    first, _ = _line_at(text, start)
    _, last = _line_at(text, max(start, end - 1))
    for _ in range(MAX_JOINED_LINES):  # backwards: the line before (blank lines aside) ends mid-sentence
        before = text[:first].rstrip()
        current = text[first:last].strip()
        if not before or not current:
            break
        previous_first, _ = _line_at(text, len(before) - 1)
        if not continues_sentence(text[previous_first : len(before)].strip(), current):
            break
        first = previous_first
    for _ in range(MAX_JOINED_LINES):  # forwards: this paragraph ends mid-sentence, the next line goes on
        rest = text[last:]
        following = len(text) - len(rest.lstrip())
        current = text[first:last].strip()
        if following >= len(text) or not current:
            break
        _, next_last = _line_at(text, following)
        if not continues_sentence(current.split("\n")[-1].strip(), text[following:next_last].strip()):
            break
        last = next_last
    while first < start and text[first].isspace():
        first += 1
    while last > end and text[last - 1].isspace():
        last -= 1
    return first, last


def find_passage(text: str, evidence: str) -> Passage | None:
    """The paragraph of `text` that holds `evidence` (whitespace aside), or None when it does not stand there.

    A paragraph is the run of text between line breaks (paragraph_bounds: a sentence a page broke over lines is
    one paragraph); a fragment that crosses a break brings the lines on both sides. Very long paragraphs are cut
    to MAX_PARAGRAPH_CONTEXT characters each side of the fragment.
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
    first, last = paragraph_bounds(text, start, end)
    before, after = text[first:start], text[end:last]
    if len(before) > MAX_PARAGRAPH_CONTEXT:
        before = ELLIPSIS + before[-MAX_PARAGRAPH_CONTEXT:]
    if len(after) > MAX_PARAGRAPH_CONTEXT:
        after = after[:MAX_PARAGRAPH_CONTEXT] + ELLIPSIS
    return Passage(before, text[start:end], after, start, end)
