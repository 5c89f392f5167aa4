"""The reader's page (/evidence): the paragraphs a link asks for, each with its source; the whole archived text for a
logged-in analyst. What the link asks for is read from the URL and checked; anything else is told, never raised."""

import html

import streamlit as st

from hbeu_dash.documents.markup import lang_attr
from hbeu_dash.i18n import t
from hbeu_dash.ui import auth, citations, data
from hbeu_dash.ui.widgets import escape_md
from hbeu_dash.views.citations import NO_TEXT, Citation, Ignored, parse_request
from hbeu_dash.views.filters import Filters
from hbeu_dash.views.registry import EVIDENCE, PAGES, PageSpec

DEFAULT_PAGE = next(p for p in PAGES if p.default)


def origin_page(value: str | None, ignored: list[Ignored]) -> PageSpec:
    """The page the link was followed from (`from`), else the default page; an unknown one is told. Never an
    analyst's page: it is not registered for everyone, and a link back to it would fail for them."""
    if not value:
        return DEFAULT_PAGE
    page = next((p for p in PAGES if p.url_path == value and p.url_path != EVIDENCE and not p.analyst_only), None)
    if page is None:
        ignored.append(Ignored("from", value[:60]))
        return DEFAULT_PAGE
    return page


def mark_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """The text as HTML (escaped), each span of it inside <mark>."""
    out, at = [], 0
    for start, end in sorted(spans):
        start = max(start, at)
        if end <= start:
            continue
        out += [html.escape(text[at:start]), "<mark>", html.escape(text[start:end]), "</mark>"]
        at = end
    return "".join([*out, html.escape(text[at:])])


def render_whole_texts(found: list[Citation], lang: str) -> None:
    """For an analyst: each archived text the paragraphs come from, whole, every fragment quoted from it marked."""
    groups: dict[str, list[Citation]] = {}
    for c in found:
        if c.sha256 and c.status != NO_TEXT:
            groups.setdefault(c.sha256, []).append(c)
    store = data.get_store()
    for sha, group in groups.items():
        text = store.source_text(sha)
        if text is None:
            continue
        spans = [(c.passage.start, c.passage.end) for c in group if c.passage is not None]
        with st.expander(escape_md(t("evidence_whole_text", lang, source=group[0].cite)), icon=":material/article:"):
            st.html(citations.CSS + f'<div class="cite-whole"{lang_attr(lang)}>{mark_spans(text, spans)}</div>')


def render_header(filters: Filters) -> None:
    """Title, what the page shows, and the way back to the page the link was followed from."""
    lang = filters.lang
    st.title(t("page_evidence", lang))
    st.caption(t("evidence_intro", lang))
    origin = origin_page(st.query_params.get("from"), [])
    back = t("evidence_back", lang, page=t(origin.title_key, lang))
    st.page_link(
        origin.path, label=back, query_params=citations.carried_params(filters, ""), icon=":material/arrow_back:"
    )


def render_paragraphs(filters: Filters) -> None:
    """What in the link was left out (told), then each row's paragraph with its source; for an analyst, the whole
    texts."""
    lang = filters.lang
    params = st.query_params.to_dict()
    request, ignored = parse_request(params)
    origin_page(params.get("from"), ignored)
    found, missing = citations.get_citations(request, lang) if request else ([], [])
    for item in [*ignored, *missing]:
        st.warning(t("evidence_ignored", lang, name=escape_md(item.name), value=escape_md(item.value)), icon="⚠️")
    if not request:
        st.info(t("evidence_none", lang), icon="🔎")
        return
    citations.render_citations(found, lang)
    if auth.current_analyst() is not None:
        render_whole_texts(found, lang)
