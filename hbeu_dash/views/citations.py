"""Where a row's evidence stands: the paragraph of its source's archived text that holds the fragment, with the
source by name, its original title, address and when and where the text was read. What a reader opens from a
figure (a card, a chart point, a table row, a source line, a slide footer) and what the briefing's appendix prints.

Plain text, no escaping: each renderer escapes for its medium and marks `passage.match` its own way.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from hbeu_dash.i18n import city_label, col, format_date, t
from hbeu_dash.verify import Passage, TextLookup, find_passage

# (table, the columns that make a row's key): a citation is asked for by table and key values.
KEYS = {"figures": ("figure_id",), "projects": ("project_id", "source_id"), "events": ("event_id", "source_id")}
# Why a paragraph is not shown.
FOUND, NO_TEXT, NOT_FOUND = "found", "no_text", "not_found"


@dataclass(frozen=True)
class Citation:
    """One row's evidence in its source: the paragraph (when the text is archived) and the source's particulars."""

    table: str
    key: tuple[str, ...]
    heading: str  # what the row says: '呼和浩特 · 四城通办事项 · 561项' / a project's or an event's name
    source_id: str
    cite: str  # '青橙融媒 · 2025-02-01' / 'Qingcheng Media · 2025-02-01'
    title: str  # the original title (and on an English page its rendering beside it)
    url: str  # the source's address ('' when it has none)
    read: str  # '2026-12-02 读取自 https://…' / 'read on 2026-12-02 at https://…' ('' when unknown)
    note: str  # the source's note in the reader's language (where the copy was read, when it says)
    evidence: str  # the verbatim fragment
    evidence_en: str
    status: str  # FOUND, NO_TEXT or NOT_FOUND
    passage: Passage | None
    sha256: str
    status_text: str  # '' when the paragraph is shown; otherwise why not, in the citation's language


def _source_row(sources: pd.DataFrame, source_id: str) -> Mapping[str, str]:
    found = sources[sources["source_id"].astype(str) == source_id]
    if found.empty:
        return {}
    return {c: ("" if pd.isna(v) else str(v)) for c, v in found.iloc[0].items()}


def _heading(table: str, row: Mapping[str, object], indicators: pd.DataFrame | None, lang: str) -> str:
    if table == "figures":
        name = str(row.get("indicator_id", ""))
        if indicators is not None:
            match = indicators[indicators["indicator_id"].astype(str) == name]
            if not match.empty:
                name = str(match.iloc[0][col("name", lang)])
        return " · ".join([city_label(str(row.get("city", "")), lang), name, str(row.get("value_text", ""))])
    if table == "projects":
        return str(row.get(col("name", lang), ""))
    return str(row.get(col("title", lang), ""))


def make_citation(
    table: str,
    row: Mapping[str, object],
    sources: pd.DataFrame,
    lookup: TextLookup,
    lang: str,
    indicators: pd.DataFrame | None = None,
) -> Citation:
    """The citation of one row of figures, projects or events (a dict of its cells)."""
    source_id = str(row.get("source_id", ""))
    source = _source_row(sources, source_id)
    sha = source.get("text_sha256", "")
    evidence = str(row.get("evidence", ""))
    text = lookup(sha) if sha else None
    passage = find_passage(text, evidence) if text is not None else None
    status = NO_TEXT if text is None else (FOUND if passage is not None else NOT_FOUND)
    published = source.get("published", "")
    outlet = source.get(col("outlet", lang), source_id)
    cite = f"{outlet} · {published}" if published else outlet
    title = source.get("title", "")
    if lang != "zh" and source.get("title_en") and source.get("language", "zh") != "en":
        title = t("quote_translated", lang, text=title, translation=source["title_en"])
    retrieved, where = source.get("retrieved", ""), source.get("retrieved_from", "")
    read = ""
    if retrieved or where:
        read = t(
            "citation_read_at" if where else "citation_read_on",
            lang,
            date=format_date(retrieved, lang) if retrieved else t("citation_date_unknown", lang),
            where=where,
        )
    key = tuple(str(row.get(k, "")) for k in KEYS[table])
    return Citation(
        table=table,
        key=key,
        heading=_heading(table, row, indicators, lang),
        source_id=source_id,
        cite=cite,
        title=title,
        url=source.get("url", ""),
        read=read,
        note=source.get(col("note", lang), ""),
        evidence=evidence,
        evidence_en=str(row.get("evidence_en", "")),
        status=status,
        passage=passage,
        sha256=sha,
        status_text="" if status == FOUND else t(f"citation_{status}", lang, source=cite),
    )


def make_citations(
    tables: Mapping[str, pd.DataFrame], lookup: TextLookup, table: str, keys: Iterable[tuple[str, ...]], lang: str
) -> list[Citation]:
    """The citations of the rows of `table` with these keys (unknown keys are left out), in the order asked."""
    frame = tables.get(table)
    sources = tables.get("sources")
    if frame is None or sources is None:
        return []
    columns = KEYS[table]
    by_key = {
        tuple(str(v) for v in values): i
        for i, values in enumerate(frame[list(columns)].astype(str).itertuples(index=False, name=None))
    }
    out = []
    for key in keys:
        position = by_key.get(tuple(key))
        if position is None:
            continue
        row = frame.iloc[position].to_dict()
        out.append(make_citation(table, row, sources, lookup, lang, tables.get("indicators")))
    return out


def sources_without_text(sources: pd.DataFrame, archived: set[str]) -> pd.DataFrame:
    """The sources whose text is not archived: none named, or named but not in the archive (`archived`)."""
    sha = sources.get("text_sha256", pd.Series("", index=sources.index)).astype(str)
    missing = (sha == "") | ~sha.isin(list(archived))
    return sources[missing.to_numpy()]
