"""Widgets: KPI cards, charts with their source line and table twin, tables, downloads; markdown escaping."""

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


def render_kpi(kpi: card_views.Kpi) -> None:
    """A KPI card: value with unit, period, as-of and sources beneath, evidence on hover; disagreement marked."""
    with st.container(border=True):
        st.markdown(f"**{escape_md(kpi.name)}**")
        st.metric(escape_md(kpi.city), escape_md(kpi.value), help=escape_md("\n\n".join(kpi.evidence)))
        st.caption(escape_md(kpi.meta))
        if kpi.conflict:
            st.markdown(f":red[**{escape_md(kpi.conflict)}**]")
        elif kpi.agree:
            st.caption("✓ " + escape_md(kpi.agree))


def render_kpis(cards: list[card_views.CardRequest], filters: Filters, per_row: int = 4) -> None:
    """A grid of KPI cards, keeping only those of the selected cities and sectors."""
    figures = data.get_figures()
    if figures is None:
        return
    shown = data.memo(("kpis", tuple(cards), filters), lambda: card_views.build_kpis(figures, cards, filters))
    for start in range(0, len(shown), per_row):
        columns = st.columns(per_row)
        for column, kpi in zip(columns, shown[start : start + per_row], strict=False):
            with column:
                render_kpi(kpi)


def render_chart(key: str, build: Callable[[], Chart | None], filters: Filters, *extra: object) -> None:
    """A chart with its source line, its one-sentence summary and its table twin; nothing when `build` gives None.

    `build` runs once per data version, filters and `extra` (memoised); `key` names the chart on the page.
    """
    lang = filters.lang
    chart = data.memo(("chart", key, filters, *extra), build)
    if chart is None:
        return
    st.plotly_chart(chart.figure, config=charts.png_config(chart.filename), key=key, width="stretch")
    if chart.sources:
        st.caption(escape_md(chart.sources))
    st.markdown(escape_md(chart.summary))
    with st.expander(t("table_twin", lang)):
        render_table(chart.table, width="stretch")


def render_downloads(table: pd.DataFrame, stem: str, lang: str) -> None:
    """CSV (UTF-8 with BOM) and Excel downloads of a table, formula-injection safe.

    The files are made only when a button is clicked (Streamlit runs the callable then), not on every rerun.
    """
    left, right, _ = st.columns([1, 1, 4])
    left.download_button(
        t("download_csv", lang), lambda: exports.to_csv_bytes(table), f"{stem}.csv", "text/csv", key=f"{stem}-csv"
    )
    right.download_button(
        t("download_excel", lang),
        lambda: exports.to_excel_bytes(table),
        f"{stem}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"{stem}-xlsx",
    )
