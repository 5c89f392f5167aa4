"""Widgets: KPI cards, charts with their source line and table twin, tables, downloads; markdown escaping."""

import html
import re
from collections.abc import Callable

import pandas as pd
import streamlit as st

from hbeu_dash import charts, exports
from hbeu_dash.charts import Chart
from hbeu_dash.filters import Filters
from hbeu_dash.i18n import t
from hbeu_dash.ui import data
from hbeu_dash.views import cards as card_views

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def escape_md(text: object) -> str:
    """Text from a data file or URL, made inert for Streamlit markdown (no links, images or directives)."""
    return _MD_SPECIAL.sub(r"\\\1", str(text))


def render_table(frame: pd.DataFrame, **kwargs: object) -> None:
    """st.dataframe with categorical columns as plain text (the grid shows an empty category as 'None')."""
    plain = {c: "string" for c in frame.columns if isinstance(frame[c].dtype, pd.CategoricalDtype)}
    st.dataframe(frame.astype(plain) if plain else frame, hide_index=True, **kwargs)


def make_kpi_html(kpi: card_views.Kpi, short_conflict: str | None = None) -> str:
    """One KPI card as HTML (every text escaped): name, place, value, the line beneath, and the evidence of each
    report on hover or focus of the ⓘ mark; a disagreement between sources in red (only `short_conflict`, e.g. on a
    slide whose conflicts slide gives the detail, when given)."""
    evidence = html.escape("\n\n".join(kpi.evidence))
    note = ""
    if kpi.conflict:
        note = f'<div class="kpi-conflict">{html.escape(short_conflict or kpi.conflict)}</div>'
    elif kpi.agree:
        note = f'<div class="kpi-agree">✓ {html.escape(kpi.agree)}</div>'
    return (
        '<div class="kpi-card">'
        f'<div class="kpi-name">{html.escape(kpi.name)}</div>'
        f'<div class="kpi-city">{html.escape(kpi.city)} '
        f'<span class="kpi-help" tabindex="0" role="note" title="{evidence}" aria-label="{evidence}">ⓘ</span></div>'
        f'<div class="kpi-value">{html.escape(kpi.value)}</div>'
        f'<div class="kpi-meta">{html.escape(kpi.meta)}</div>{note}</div>'
    )


def render_kpis(cards: list[card_views.CardRequest], filters: Filters, per_row: int = 4) -> None:
    """A grid of KPI cards, keeping only those of the selected cities and sectors.

    The grid is one HTML element: a dozen cards as Streamlit containers, columns and metrics cost the browser
    about 70 ms on every filter change (bench), a single element a fraction of it.
    """
    figures = data.get_figures()
    if figures is None:
        return

    def build() -> str:
        kpis = card_views.build_kpis(figures, cards, filters)
        body = "".join(make_kpi_html(k) for k in kpis)
        return f'<div class="kpi-grid" style="--kpi-per-row: {per_row}">{body}</div>' if kpis else ""

    grid = data.memo(("kpis", tuple(cards), filters, per_row), build)
    if grid:
        st.html(grid)


def render_chart(key: str, build: Callable[[], Chart | None], filters: Filters, *extra: object) -> None:
    """A chart with its source line, its one-sentence summary and its table twin; nothing when `build` gives None.

    `build` runs once per data version, filters and `extra` (memoised); `key` names the chart on the page.
    """
    lang = filters.lang
    chart = data.memo(("chart", key, filters, *extra), build)
    if chart is None:
        return
    config = charts.png_config(f"{chart.filename}-{data.data_version()}")
    st.plotly_chart(chart.figure, config=config, key=key, width="stretch")
    if chart.sources:
        st.caption(escape_md(chart.sources))
    st.markdown(escape_md(chart.summary))
    with st.expander(t("table_twin", lang)):
        render_table(chart.table, width="stretch")


def render_downloads(table: pd.DataFrame, stem: str, lang: str) -> None:
    """CSV (UTF-8 with BOM) and Excel downloads of a table, formula-injection safe, carrying the data version in
    their file name and in a `data_version` column (a renamed file still says which data it holds).

    The files are made only when a button is clicked (Streamlit runs the callable then), not on every rerun.
    `on_click="ignore"`: a click must not rerun the script, or the rerun can drop the callable (an orphan once the
    new run registers its own) before Streamlit's worker thread runs it, and the download silently never starts.
    """
    version = data.data_version()
    rows = table.assign(data_version=version)
    left, right, _ = st.columns([1, 1, 4])
    left.download_button(
        t("download_csv", lang),
        lambda: exports.to_csv_bytes(rows),
        f"{stem}-{version}.csv",
        "text/csv",
        key=f"{stem}-csv",
        on_click="ignore",
    )
    right.download_button(
        t("download_excel", lang),
        lambda: exports.to_excel_bytes(rows),
        f"{stem}-{version}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"{stem}-xlsx",
        on_click="ignore",
    )
