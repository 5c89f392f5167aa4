"""KPI cards as HTML: a page's grid, the overview's sector groups (the first card of each larger), a slide's cards;
each with its change since an earlier report (words, arrow, sparkline), its staleness, its conflict, and its links
to the paragraphs of its reports and to its indicator's trend page. Pure functions of the view models (views/cards)."""

import base64
import html
from urllib.parse import urlencode

from hbeu_dash.filters import Filters
from hbeu_dash.i18n import label, t
from hbeu_dash.ui import citations
from hbeu_dash.views import cards as card_views
from hbeu_dash.views.citations import figures_request
from hbeu_dash.views.registry import TREND_PARAM, TRENDS

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

    `size`: 'full' (a page's grid), 'lead' (the first card of an overview group: its line beneath names the sources
    and, when not stale, the as-of) or 'compact' (the others: the place beside the value, the name linking to the
    trend, the sources and the paragraphs' link on one line)."""
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
    if kpi.agree and not kpi.conflict and size == "full":
        note += f'<div class="kpi-agree">✓ {html.escape(kpi.agree)}</div>'
    stale = f'<div class="kpi-stale">{html.escape(kpi.stale)}</div>' if kpi.stale else ""
    help_mark = f'<span class="kpi-help" tabindex="0" role="note" title="{evidence}" aria-label="{evidence}">ⓘ</span>'
    if size == "full":
        meta = kpi.meta
    else:
        meta = kpi.outlets if kpi.stale else f"{kpi.as_of} · {kpi.outlets}"
    if compact:
        name = html.escape(kpi.name)
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
        name = f'<div class="kpi-name">{html.escape(kpi.name)}{city} {help_mark}</div>'
        place = f'<div class="kpi-value">{html.escape(kpi.value)}</div>'
    else:
        name = f'<div class="kpi-name">{html.escape(kpi.name)}</div>'
        place = f'<div class="kpi-city">{html.escape(kpi.city)} {help_mark}</div>'
        place += f'<div class="kpi-value">{html.escape(kpi.value)}</div>'
    return (
        f'<div class="kpi-card kpi-{size}">{name}{place}'
        f'{note}<div class="kpi-meta">{html.escape(meta)}</div>{stale}'
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
