"""KPI cards as HTML: a page's grid, the overview's sector groups (the first card of each larger), a slide's cards;
each with its change since an earlier report (words, arrow, sparkline), its staleness, its conflict, and its links
to the paragraphs of its reports and to its indicator's trend page. Pure functions of the view models (views/cards)."""

import base64
import html
from urllib.parse import urlencode

from hbeu_dash.documents.markup import mixed_html
from hbeu_dash.i18n import label, t
from hbeu_dash.ui import citations
from hbeu_dash.views import cards as card_views
from hbeu_dash.views.citations import figures_request
from hbeu_dash.views.filters import Filters
from hbeu_dash.views.registry import TREND_PARAM, TRENDS

# The cards', the headline band's and the overview groups' style (chrome puts it on every page).
CSS = """<style>
.kpi-grid { display: grid; grid-template-columns: repeat(var(--kpi-per-row, 4), minmax(0, 1fr)); gap: 1rem;
  margin-bottom: 1rem; }
.kpi-card { border: 1px solid rgba(49, 51, 63, 0.2); border-radius: 0.5rem; padding: 1rem; line-height: 1.4; }
.kpi-name { font-weight: 600; margin-bottom: 0.75rem; }
.kpi-city { font-size: 0.875rem; }
.kpi-help { color: rgba(49, 51, 63, 0.75); cursor: help; margin-left: 0.15rem; }
.kpi-value { font-size: 1.9rem; line-height: 1.25; margin: 0.1rem 0 0.6rem; overflow-wrap: anywhere; }
.kpi-meta, .kpi-agree { font-size: 0.875rem; color: rgba(49, 51, 63, 0.8); }
.kpi-agree { margin-top: 0.6rem; }
.kpi-conflict { color: #bd4043; font-weight: 600; margin: 0.2rem 0 0.4rem; }
.kpi-change { display: flex; flex-wrap: wrap; align-items: center; gap: 0.3rem 0.45rem; font-size: 0.875rem;
  margin: 0.1rem 0 0.45rem; }
.kpi-arrow { font-weight: 700; }
.kpi-spark { color: #0072B2; flex: none; }
.kpi-stale { font-size: 0.8rem; color: #8a5300; margin-top: 0.35rem; border-left: 3px solid #E69F00;
  padding-left: 0.35rem; }
.kpi-meta .kpi-stale { display: inline; border: 0; padding: 0; margin: 0; font-size: inherit; font-weight: 600; }
.kpi-links { display: flex; flex-wrap: wrap; gap: 0 1rem; }
.kpi-links a { display: inline-block; margin-top: 0.5rem; font-size: 0.875rem; }
.hl-band { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 0.75rem; margin-bottom: 0; }
.hl-item { border-left: 4px solid #0072B2; background: rgba(0, 114, 178, 0.06); border-radius: 0.25rem;
  padding: 0.4rem 0.75rem; line-height: 1.4; min-width: 0; }
.hl-conflicts { border-left-color: #bd4043; background: rgba(189, 64, 67, 0.06); }
.hl-label { font-size: 0.8rem; font-weight: 700; letter-spacing: 0.02em; }
.hl-text { font-size: 0.9rem; margin: 0.1rem 0 0.15rem; display: -webkit-box; -webkit-line-clamp: 3;
  -webkit-box-orient: vertical; overflow: hidden; }
.hl-source { font-size: 0.75rem; color: rgba(49, 51, 63, 0.8); overflow-wrap: anywhere; display: -webkit-box;
  -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
.hl-head { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0 0.6rem; align-items: baseline; }
.hl-links { font-size: 0.78rem; }
.hl-links a { margin-left: 0.6rem; white-space: nowrap; }
.ov-groups { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 0.75rem; margin-bottom: 1rem;
  align-items: start; }
.ov-group { display: flex; flex-direction: column; gap: 0.3rem; min-width: 0; }
.ov-title { font-size: 1rem; font-weight: 700; margin: 0; padding: 0 0 0.1rem; border-bottom: 2px solid #0072B2; }
.ov-group .kpi-card { padding: 0.4rem 0.75rem; }
.ov-group .kpi-name { margin-bottom: 0.15rem; }
.ov-group .kpi-value { font-size: 1.5rem; margin: 0 0 0.1rem; }
.ov-group .kpi-lead .kpi-name { font-size: 0.95rem; line-height: 1.35; }
.ov-group .kpi-meta, .ov-group .kpi-links a, .ov-group .kpi-stale, .ov-group .kpi-change, .ov-group .kpi-conflict {
  font-size: 0.78rem; margin-top: 0.15rem; margin-bottom: 0; }
.kpi-compact { padding: 0.4rem 0.7rem; line-height: 1.3; }
.ov-group .kpi-compact .kpi-name { font-size: 0.85rem; margin-bottom: 0.05rem; }
.ov-group .kpi-compact .kpi-value { font-size: 1.15rem; margin: 0; }
.kpi-place { font-size: 0.8rem; color: rgba(49, 51, 63, 0.8); }
.kpi-compact .kpi-meta .kpi-source { margin-top: 0; font-size: inherit; }
.ov-group .kpi-compact .kpi-meta, .ov-group .kpi-compact .kpi-stale, .ov-group .kpi-compact .kpi-change,
.ov-group .kpi-compact .kpi-conflict { font-size: 0.72rem; margin-top: 0.05rem; }
[data-testid="stApp"]:has(.hl-band) [data-testid="stMainBlockContainer"] { padding-top: 2.25rem !important; }
[data-testid="stApp"]:has(.hl-band) [data-testid="stMain"] h1 { font-size: 1.75rem; padding-bottom: 0.6rem; }
@media (max-width: 900px) { .kpi-grid { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
@media (max-width: 520px) { .kpi-grid { grid-template-columns: minmax(0, 1fr); } }
@media (max-width: 1100px) { .hl-band { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
@media (max-width: 520px) { .hl-band { grid-template-columns: minmax(0, 1fr); } }
@media (max-width: 1100px) { .ov-groups { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
@media (max-width: 520px) { .ov-groups { grid-template-columns: minmax(0, 1fr); } }
</style>"""

SPARK_COLOR = "#0072B2"  # the sparkline's blue (Okabe–Ito), readable on the light and the dark theme


def sparkline_svg(values: tuple[float, ...], width: int = 84, height: int = 22) -> str:
    """A small line of the values in time order (oldest left), the last point marked, as an SVG image in a data: URI
    (Streamlit's HTML sanitiser drops inline <svg>; an image from data: stays on this machine). Decoration only (the
    change line beside it says the same in words): empty alt text, hidden from screen readers. '' for < 2 values."""
    if len(values) < 2:
        return ""
    low, high = min(values), max(values)
    span, pad = (high - low) or 1.0, 3
    step = (width - 2 * pad) / (len(values) - 1)
    points = [(pad + i * step, height - pad - (v - low) / span * (height - 2 * pad)) for i, v in enumerate(values)]
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    x, y = points[-1]
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">'
        f'<polyline points="{line}" fill="none" stroke="{SPARK_COLOR}" stroke-width="1.6" stroke-linejoin="round"/>'
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.4" fill="{SPARK_COLOR}"/></svg>'
    )
    uri = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
    return f'<img class="kpi-spark" src="{uri}" width="{width}" height="{height}" alt="" aria-hidden="true">'


def make_kpi_html(
    kpi: card_views.Kpi,
    short_conflict: str | None = None,
    link: tuple[str, str] | None = None,
    trend: tuple[str, str] | None = None,
    size: str = "full",
) -> str:
    """One KPI card as HTML (every text escaped): name, place, value, its change since an earlier report (the two
    values with their dates, an arrow and a sparkline), the line beneath, a staleness mark when over a year old, and
    the evidence of each report on hover or focus of the ⓘ mark; a disagreement between sources in red instead of a
    change (only `short_conflict`, e.g. on a slide whose conflicts slide gives the detail, when given); `link`
    (address, words): to the paragraphs; `trend` (address, words): to the indicator's trend page.

    `size`: 'full' (a page's grid); 'slide' (a slide's: its sources by name, the footer dates them); 'lead' (the
    first card of an overview group: its line beneath names the sources and, when not stale, the as-of); 'compact'
    (the others: the place beside the value, the name linking to the trend, the sources and the paragraphs' link on
    one line)."""
    evidence = html.escape("\n\n".join(kpi.evidence))
    compact = size == "compact"
    note = ""
    if kpi.conflict:
        note = f'<div class="kpi-conflict">{html.escape(short_conflict or kpi.conflict)}</div>'
    elif kpi.change:
        arrow = "↑" if kpi.direction > 0 else "↓" if kpi.direction < 0 else "→"
        note = (
            f'<div class="kpi-change"><span class="kpi-arrow" aria-hidden="true">{arrow}</span>'
            f"<span>{html.escape(kpi.change)}</span>{sparkline_svg(kpi.spark)}</div>"
        )
    if kpi.agree and not kpi.conflict and size in ("full", "slide"):
        note += f'<div class="kpi-agree">✓ {html.escape(kpi.agree)}</div>'
    stale = f'<div class="kpi-stale">{html.escape(kpi.stale)}</div>' if kpi.stale else ""
    help_mark = f'<span class="kpi-help" tabindex="0" role="note" title="{evidence}" aria-label="{evidence}">ⓘ</span>'
    if size in ("full", "slide"):  # period · as of · sources, the as-of said as stale where it is (one line less)
        as_of = f'<span class="kpi-stale">{html.escape(kpi.stale)}</span>' if kpi.stale else html.escape(kpi.as_of)
        sources = kpi.outlets if size == "slide" else kpi.sources  # a slide's footer dates its sources
        meta_html = " · ".join([html.escape(kpi.period), as_of, html.escape(sources)])
    else:
        meta = kpi.outlets if kpi.stale else f"{kpi.as_of} · {kpi.outlets}"
        meta_html = html.escape(meta)
    if compact:
        name = mixed_html(kpi.name)
        if trend is not None:
            href, words = (html.escape(part, quote=True) for part in trend)
            name = f'<a class="kpi-name" href="{href}" target="_self" title="{words}">{name}</a>'
        else:
            name = f'<span class="kpi-name">{name}</span>'
        return (
            f'<div class="kpi-card kpi-compact"><div class="kpi-head">{name} {help_mark}</div>'
            f'<div class="kpi-value">{html.escape(kpi.value)} <span class="kpi-place">{html.escape(kpi.city)}</span>'
            f"</div>{note}"
            f'<div class="kpi-meta">{html.escape(meta)} {_kpi_link(link)}</div>{stale}</div>'
        )
    if size == "lead":  # the place beside the name: one line less
        city = f' · <span class="kpi-place">{html.escape(kpi.city)}</span>'
        name = f'<div class="kpi-name">{mixed_html(kpi.name)}{city} {help_mark}</div>'
        place = f'<div class="kpi-value">{html.escape(kpi.value)}</div>'
    else:
        name = f'<div class="kpi-name">{mixed_html(kpi.name)}</div>'
        place = f'<div class="kpi-city">{html.escape(kpi.city)} {help_mark}</div>'
        place += f'<div class="kpi-value">{html.escape(kpi.value)}</div>'
    return (
        f'<div class="kpi-card kpi-{size}">{name}{place}'
        f'{note}<div class="kpi-meta">{meta_html}</div>{stale if size == "lead" else ""}'
        f'<div class="kpi-links">{_kpi_link(link)}{_trend_link(trend)}</div></div>'
    )


def _kpi_link(link: tuple[str, str] | None) -> str:
    if link is None:
        return ""
    href, words = (html.escape(part, quote=True) for part in link)
    return f'<a class="kpi-source" href="{href}" target="_blank" rel="noopener">{words} ↗</a>'


def _trend_link(link: tuple[str, str] | None) -> str:
    if link is None:
        return ""
    href, words = (html.escape(part, quote=True) for part in link)
    return f'<a class="kpi-trend" href="{href}" target="_self">{words} →</a>'


def kpi_link(kpi: card_views.Kpi, filters: Filters, origin: str) -> tuple[str, str] | None:
    """The card's link to the paragraphs of its reports (None without any)."""
    request = figures_request(kpi.figure_ids)
    return (citations.evidence_href(request, filters, origin), t("evidence_link", filters.lang)) if request else None


def trend_href(indicator_id: str, filters: Filters, origin: str | None = None) -> str:
    """The relative address of the trend page of one indicator, keeping the view's parameters."""
    params = {TREND_PARAM: indicator_id, **citations.carried_params(filters, origin)}
    return f"{TRENDS}?{urlencode(params)}"


def trend_link(kpi: card_views.Kpi, filters: Filters, origin: str) -> tuple[str, str]:
    """The card's link to its indicator's trend and four-city comparison."""
    return trend_href(kpi.indicator_id, filters, origin), t("trend_link", filters.lang)


def kpis_html(kpis: list[card_views.Kpi], filters: Filters, origin: str, per_row: int = 4) -> str:
    """The grid of cards, each with its two links (no link to the trend page on the trend page itself)."""
    body = "".join(
        make_kpi_html(
            k, link=kpi_link(k, filters, origin), trend=trend_link(k, filters, origin) if origin != TRENDS else None
        )
        for k in kpis
    )
    return f'<div class="kpi-grid" style="--kpi-per-row: {per_row}">{body}</div>' if kpis else ""


def groups_html(groups: list[tuple[str, list[card_views.Kpi]]], filters: Filters, origin: str) -> str:
    """The overview's sector groups: a heading each, its first card large, the others compact beside or under it."""
    lang = filters.lang
    parts = []
    for sector, kpis in groups:
        cards = "".join(
            make_kpi_html(
                k,
                short_conflict=t("conflict_brief", lang, n=len(k.evidence)),
                link=kpi_link(k, filters, origin),
                trend=(trend_href(k.indicator_id, filters, origin), t("trend_short", lang)),
                size="compact" if i else "lead",
            )
            for i, k in enumerate(kpis)
        )
        title = html.escape(label("sector", sector, lang))
        parts.append(
            f'<section class="ov-group" aria-label="{title}"><h3 class="ov-title">{title}</h3>{cards}</section>'
        )
    return f'<div class="ov-groups">{"".join(parts)}</div>' if parts else ""
