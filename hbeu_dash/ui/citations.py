"""The reader's paragraph: a row's evidence in the paragraph of its source, the quoted words highlighted, with the
source's outlet, date, original title, address and when the text was read (views/citations.py) — as HTML, under a
clicked chart point, and the links that open it on its own page (/evidence) from cards, charts, tables and slides."""

import html
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from hbeu_dash.documents.markup import lang_attr, mixed_html, pending_html
from hbeu_dash.graphics.charts import Chart
from hbeu_dash.i18n import evidence_pending, original_columns, t
from hbeu_dash.ui import data
from hbeu_dash.views import citations as citation_views
from hbeu_dash.views.citations import Citation, CitationRequest
from hbeu_dash.views.filters import Filters, ViewParams, to_query_params, to_view_params
from hbeu_dash.views.registry import EVIDENCE, PAGES

EVIDENCE_PATH = next(p.path for p in PAGES if p.url_path == EVIDENCE)
LINK_SCHEMES = ("http", "https")  # a source's address becomes a link only with one of these (never javascript:)

CSS = """<style>
.cite-card { border: 1px solid rgba(49, 51, 63, 0.2); border-radius: 0.5rem; padding: 1rem 1.1rem; margin-bottom: 1rem;
  line-height: 1.6; }
.cite-heading { font-weight: 600; font-size: 1.1rem; }
.cite-whose { color: rgba(49, 51, 63, 0.85); margin: 0.15rem 0 0.6rem; }
.cite-passage { border-left: 4px solid #E69F00; background: rgba(49, 51, 63, 0.03); margin: 0 0 0.6rem;
  padding: 0.6rem 0.9rem; font-size: 1.05rem; line-height: 1.8; overflow-wrap: anywhere; }
.cite-passage mark, .cite-whole mark { background: #FFE08A; color: inherit; padding: 0 0.1em; border-radius: 2px; }
.cite-translation { margin: 0 0 0.6rem; }
.cite-label { font-weight: 600; margin-right: 0.4em; }
.cite-status { color: #bd4043; font-weight: 600; margin: 0 0 0.6rem; }
.cite-meta { font-size: 0.9rem; color: rgba(49, 51, 63, 0.85); margin: 0.15rem 0; overflow-wrap: anywhere; }
.cite-note { font-size: 0.85rem; color: rgba(49, 51, 63, 0.7); margin-top: 0.4rem; }
.cite-whole { white-space: pre-wrap; line-height: 1.7; max-height: 32rem; overflow-y: auto; }
.kpi-source { display: inline-block; margin-top: 0.6rem; font-size: 0.875rem; }
</style>"""


def current_page() -> str:
    """The url_path (registry) of the page this run shows; '' when unknown."""
    ctx = get_script_run_ctx()
    manager = getattr(ctx, "pages_manager", None)
    try:
        info = manager.get_pages().get(manager.current_page_script_hash, {})
    except AttributeError:
        return ""
    script = Path(str(info.get("script_path", ""))).name
    return next((p.url_path for p in PAGES if Path(p.path).name == script), "")


def carried_params(filters: Filters, origin: str | None = None, **extra: str) -> dict[str, str]:
    """The parameters a link keeps: language, cities, sectors, data version; and the page it was followed from."""
    params = {**to_query_params(filters), **to_view_params(ViewParams(version=data.data_version()))}
    origin = current_page() if origin is None else origin
    if origin and origin != EVIDENCE:
        params["from"] = origin
    return {**params, **extra}


def evidence_href(request: CitationRequest, filters: Filters, origin: str | None = None, **extra: str) -> str:
    """The relative address of the reader's page for these rows (an HTML link or a table's link column)."""
    return citation_views.evidence_href(request, carried_params(filters, origin, **extra), EVIDENCE)


def render_evidence_link(request: CitationRequest, filters: Filters, label_key: str = "evidence_source_line") -> None:
    """A link to the reader's page for these rows, in this session (no reload); nothing for no rows."""
    if request:
        params = {**request.params(), **carried_params(filters)}
        st.page_link(EVIDENCE_PATH, label=t(label_key, filters.lang), query_params=params, icon=":material/notes:")


def link_table(
    table: pd.DataFrame, requests: list[CitationRequest], filters: Filters, origin: str | None = None
) -> pd.DataFrame:
    """The table with a link column to each row's paragraphs, after the value as written (else last)."""
    links = [evidence_href(r, filters, origin) if r else None for r in requests]
    return citation_views.with_link_column(
        table, links, t("evidence_column", filters.lang), t("value_text", filters.lang)
    )


def link_column_config(lang: str) -> dict[str, object]:
    """The column_config of link_table's column: the words 'In the source', never the address."""
    name = t("evidence_column", lang)
    return {name: st.column_config.LinkColumn(name, display_text=t("evidence_link", lang) + " ↗", width="medium")}


def _url_html(url: str, lang: str) -> str:
    if not url:
        return html.escape(t("evidence_no_url", lang))
    if urlparse(url).scheme.lower() not in LINK_SCHEMES:
        return html.escape(url)  # shown, never followed
    safe = html.escape(url, quote=True)
    return f'<a href="{safe}" target="_blank" rel="noopener noreferrer nofollow">{safe}</a>'


def _meta(label: str, value_html: str) -> str:
    return f'<div class="cite-meta"><span class="cite-label">{html.escape(label)}</span>{value_html}</div>'


def make_citation_html(citation: Citation, lang: str) -> str:
    """One citation as HTML, every text escaped: what the row says and whose words they are (source, date, speaker),
    the paragraph with the quoted words marked (or why no paragraph can be shown, with the quoted words alone), the
    English rendering on an English page, then the original title, address, when and where the text was read, the
    source's note. On an English page the source's words are marked lang="zh", and a row whose English rendering is
    not written yet says so where it would stand."""
    c = citation

    def esc(text: object) -> str:  # escaped; on an English page Chinese inside English text marked lang="zh"
        return mixed_html(text, lang)

    whose = " · ".join(esc(part) for part in (c.cite, c.speaker) if part)
    parts = [f'<div class="cite-card"><div class="cite-heading">{esc(c.heading)}</div>']
    parts.append(f'<div class="cite-whose">{whose}</div>')
    words = lang_attr(lang)  # the paragraph is in the source's language
    if c.passage is not None:
        p = c.passage
        parts.append(
            f'<blockquote class="cite-passage"{words}>{esc(p.before)}<mark>{esc(p.match)}</mark>{esc(p.after)}'
            "</blockquote>"
        )
    else:
        parts.append(f'<div class="cite-status">{esc(c.status_text)}</div>')
        parts.append(f'<blockquote class="cite-passage"{words}><mark>{esc(c.evidence)}</mark></blockquote>')
    pending = evidence_pending(c.evidence_en, lang)
    if pending:
        parts.append(f'<div class="cite-translation">{pending_html(pending)}</div>')
    elif "evidence_en" in original_columns("evidence", lang):
        label = esc(t("evidence_translation", lang))
        quoted = esc(t("quote", lang, text=c.evidence_en))
        parts.append(f'<div class="cite-translation"><span class="cite-label">{label}</span>{quoted}</div>')
    if c.title:
        parts.append(_meta(t("evidence_title", lang), esc(c.title)))
    parts.append(_meta(t("url", lang), _url_html(c.url, lang)))
    parts.append(_meta(t("evidence_read", lang), esc(c.read or t("evidence_read_unknown", lang))))
    if c.note:
        parts.append(f'<div class="cite-note">{esc(c.note)}</div>')
    return "".join(parts) + "</div>"


def get_citations(request: CitationRequest, lang: str) -> tuple[list[Citation], list[citation_views.Ignored]]:
    """The citations of the rows asked for and the rows the data does not hold (memoised per data version)."""
    store = data.get_store()
    return data.memo(
        ("citations", request, lang),
        lambda: citation_views.find_citations(data.get_data().tables, store.source_text, request, lang),
    )


def render_citations(citations: list[Citation], lang: str) -> None:
    """The citations as one HTML element."""
    if citations:
        st.html(CSS + "".join(make_citation_html(c, lang) for c in citations))


def selected_request(chart: Chart, event: object) -> CitationRequest:
    """The rows behind the points clicked on a chart (its selection event), each once."""
    try:
        points = event["selection"]["points"]  # type: ignore[index]
    except (KeyError, TypeError):
        return CitationRequest()
    return citation_views.request_of(ref for point in points for ref in chart.point_refs(point.get("customdata")))


def render_point_citations(chart: Chart, event: object, filters: Filters) -> None:
    """Under a chart: the paragraphs of the point clicked, and a link to them on their own page."""
    request = selected_request(chart, event)
    if not request:
        return
    citations, _ = get_citations(request, filters.lang)
    with st.container(border=True):
        st.caption(t("evidence_clicked", filters.lang))
        render_citations(citations, filters.lang)
        render_evidence_link(request, filters, "evidence_open")
