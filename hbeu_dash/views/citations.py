"""Where a row's evidence stands: the paragraph of its source's archived text that holds the fragment, with the
source by name, its original title, address and when and where the text was read. What a reader opens from a
figure (a card, a chart point, a table row, a source line, a slide footer) and what the briefing's appendix prints.

Plain text, no escaping: each renderer escapes for its medium and marks `passage.match` its own way.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

import pandas as pd

from hbeu_dash.graphics.charts import Ref
from hbeu_dash.i18n import city_label, col, format_date, format_value, original_columns, t
from hbeu_dash.model.schema import ID_RE
from hbeu_dash.model.verify import Passage, TextLookup, find_passage

# (table, the columns that make a row's key): a citation is asked for by table and key values.
KEYS = {"figures": ("figure_id",), "projects": ("project_id", "source_id"), "events": ("event_id", "source_id")}
# Why a paragraph is not shown.
FOUND, NO_TEXT, NOT_FOUND = "found", "no_text", "not_found"
STATUS_KEYS = {NO_TEXT: "citation_no_text", NOT_FOUND: "citation_not_found"}


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
    speaker: str = ""  # who says it in the source, in the reader's language ('' when the source speaks itself)


def _source_row(sources: pd.DataFrame, source_id: str) -> Mapping[str, str]:
    found = sources[sources["source_id"].astype(str) == source_id]
    if found.empty:
        return {}
    return {c: ("" if pd.isna(v) else str(v)) for c, v in found.iloc[0].items()}


def _heading(table: str, row: Mapping[str, object], indicators: pd.DataFrame | None, lang: str) -> str:
    if table == "figures":
        name, value = str(row.get("indicator_id", "")), str(row.get("value_text", ""))
        if indicators is not None:
            match = indicators[indicators["indicator_id"].astype(str) == name]
            if not match.empty:
                indicator = match.iloc[0]
                name = str(indicator[col("name", lang)])
                number = pd.to_numeric(row.get("value"), errors="coerce")
                if pd.notna(number):  # '561项' / '561 items', as the cards write it
                    value = format_value(float(number), str(indicator["unit_zh"]), str(indicator["unit_en"]), lang)
        return " · ".join([city_label(str(row.get("city", "")), lang), name, value])
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
    # The original title, and beside it its English rendering where the reader reads English and the source not.
    if "title_en" in original_columns("title", lang) and source.get("title_en") and source.get("language") != lang:
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
        evidence_en=_text(row.get("evidence_en")),  # "" while not written (the reader sees it marked pending)
        status=status,
        passage=passage,
        sha256=sha,
        status_text="" if status == FOUND else t(STATUS_KEYS[status], lang, source=cite),
        speaker=_text(row.get(col("speaker", lang))),
    )


def _text(value: object) -> str:
    """A cell as text: '' for a missing one."""
    return "" if value is None or pd.isna(value) else str(value)


def make_citations(
    tables: Mapping[str, pd.DataFrame], lookup: TextLookup, table: str, keys: Iterable[tuple[str, ...]], lang: str
) -> list[Citation]:
    """The citations of the rows of `table` with these keys (unknown keys are left out), in the order asked.

    A project's report is keyed by project and source here, so one source's reports of a project by several
    speakers (each with their own words) are all given.
    """
    frame = tables.get(table)
    sources = tables.get("sources")
    if frame is None or sources is None:
        return []
    columns = KEYS[table]
    by_key: dict[tuple[str, ...], list[int]] = {}
    for i, values in enumerate(frame[list(columns)].astype(str).itertuples(index=False, name=None)):
        by_key.setdefault(tuple(values), []).append(i)
    out = []
    for key in keys:
        for position in by_key.get(tuple(key), []):
            row = frame.iloc[position].to_dict()
            out.append(make_citation(table, row, sources, lookup, lang, tables.get("indicators")))
    return out


def sources_without_text(sources: pd.DataFrame, archived: set[str]) -> pd.DataFrame:
    """The sources whose text is not archived: none named, or named but not in the archive (`archived`)."""
    sha = sources.get("text_sha256", pd.Series("", index=sources.index)).astype(str)
    missing = (sha == "") | ~sha.isin(list(archived))
    return sources[missing.to_numpy()]


# --- what a reader's link asks for ---------------------------------------------------------------------------------

# The URL parameters of the reader's page (/evidence) that name rows: figure ids, and project and event reports as
# <id>:<source_id>; several joined by commas (fig=a,b&project=p:s).
PARAMS = {"fig": "figures", "project": "projects", "event": "events"}
PARAM_OF = {table: name for name, table in PARAMS.items()}
ITEM_SEP, KEY_SEP = ",", ":"
MAX_REFS = 100  # more rows than any chart, slide or table row links to; a longer list is cut, with a notice
MAX_PARAM_CHARS = 8_000


@dataclass(frozen=True)
class CitationRequest:
    """The rows whose paragraphs a link asks for, in order, each once."""

    refs: tuple[Ref, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.refs)

    def params(self) -> dict[str, str]:
        """The request as URL parameters: {'fig': 'a,b', 'project': 'p:s'}."""
        out: dict[str, list[str]] = {}
        for table, key in self.refs:
            out.setdefault(PARAM_OF[table], []).append(KEY_SEP.join(key))
        return {name: ITEM_SEP.join(items) for name, items in out.items()}


def request_of(refs: Iterable[Ref]) -> CitationRequest:
    """A request for these rows (duplicates dropped, order kept)."""
    return CitationRequest(tuple(dict.fromkeys((table, tuple(key)) for table, key in refs)))


def figures_request(figure_ids: Iterable[str]) -> CitationRequest:
    """A request for these figures."""
    return request_of(("figures", (str(f),)) for f in figure_ids)


def merge_requests(*requests: CitationRequest) -> CitationRequest:
    """Several requests as one, in order, each row once."""
    return request_of(ref for request in requests for ref in request.refs)


@dataclass(frozen=True)
class Ignored:
    """A part of a link that asks for no row: malformed, or not in the data. `value` is cut short for a notice."""

    name: str
    value: str


def _short(value: str, limit: int = 60) -> str:
    return value if len(value) <= limit else value[:limit] + "…"


def parse_request(params: Mapping[str, str | list[str]]) -> tuple[CitationRequest, list[Ignored]]:
    """The rows a link's parameters ask for, and what was malformed (never raised): ids must be ids (schema.ID_RE),
    a project or an event names its source (<id>:<source_id>); at most MAX_REFS rows."""
    refs: list[Ref] = []
    ignored: list[Ignored] = []
    for name, table in PARAMS.items():
        raw = params.get(name)
        if isinstance(raw, list):
            raw = raw[-1] if raw else ""
        if raw is None:
            continue
        if len(raw) > MAX_PARAM_CHARS:
            ignored.append(Ignored(name, _short(raw)))
            continue
        for item in raw.split(ITEM_SEP):
            parts = tuple(p.strip() for p in item.split(KEY_SEP))
            if not item.strip():
                continue
            if len(parts) != len(KEYS[table]) or not all(ID_RE.fullmatch(p) for p in parts):
                ignored.append(Ignored(name, _short(item.strip())))
                continue
            refs.append((table, parts))
    request = request_of(refs)
    if len(request.refs) > MAX_REFS:
        cut = request.refs[MAX_REFS:]
        ignored.append(Ignored(PARAM_OF[cut[0][0]], _short(ITEM_SEP.join(KEY_SEP.join(k) for _, k in cut))))
        request = CitationRequest(request.refs[:MAX_REFS])
    return request, ignored


def evidence_href(request: CitationRequest, params: Mapping[str, str], page: str) -> str:
    """The reader's link to these rows' paragraphs, keeping the view's parameters: 'evidence?fig=a,b&lang=en&v=…'.

    Relative to the app's root (the pages live one level down), so it holds under a deployer's base path too."""
    return f"{page}?{urlencode({**request.params(), **params}, safe=ITEM_SEP + KEY_SEP)}"


def find_citations(
    tables: Mapping[str, pd.DataFrame], lookup: TextLookup, request: CitationRequest, lang: str
) -> tuple[list[Citation], list[Ignored]]:
    """The citations of the rows asked for, in order, and the rows asked for that the data does not hold."""
    by_ref: dict[Ref, list[Citation]] = {}
    for table in dict.fromkeys(table for table, _ in request.refs):  # one pass over each table
        keys = [key for t_, key in request.refs if t_ == table]
        for c in make_citations(tables, lookup, table, keys, lang):  # a key may have several rows (speakers)
            if c not in by_ref.setdefault((table, c.key), []):
                by_ref[(table, c.key)].append(c)
    found = [c for ref in request.refs for c in by_ref.get(ref, [])]
    missing = [Ignored(PARAM_OF[t_], _short(KEY_SEP.join(k))) for t_, k in request.refs if (t_, k) not in by_ref]
    return found, missing


def with_link_column(table: pd.DataFrame, links: list[str | None], name: str, after: str | None = None) -> pd.DataFrame:
    """A copy of `table` with a column `name` of links (one per row), placed after the column `after` when the table
    has it, else last; the table itself when the links do not match its rows (nothing to link)."""
    if len(links) != len(table) or table.empty:
        return table
    position = list(table.columns).index(after) + 1 if after in table.columns else len(table.columns)
    out = table.copy()
    out.insert(position, name, pd.Series(links, index=table.index, dtype="string"))
    return out
