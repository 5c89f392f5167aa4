"""Widgets: KPI cards, charts with their source line and table twin, tables, downloads; markdown escaping.

What every session is shown is made once: view models are memoised per data version (`data.memo`), and so is their
wire form, which Streamlit would otherwise redo on every run of every session: a table's Arrow conversion
(`arrow_table`), a chart's dict (`SharedFigure`), a map's JSON (`SharedDeck`). Same bytes on the wire, made once.
"""

import dataclasses
import re
import threading
import weakref
from collections.abc import Callable
from datetime import date

import pandas as pd
import plotly.graph_objects as go
import pyarrow as pa
import pydeck as pdk
import streamlit as st
from streamlit import dataframe_util

from hbeu_dash.documents import exports
from hbeu_dash.documents.markup import chinese_runs
from hbeu_dash.graphics import charts
from hbeu_dash.graphics.charts import Chart
from hbeu_dash.i18n import t
from hbeu_dash.ui import citations, data, screen
from hbeu_dash.ui.card_html import groups_html, kpis_html
from hbeu_dash.views import cards as card_views
from hbeu_dash.views.citations import request_of
from hbeu_dash.views.filters import Filters

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def escape_md(text: object) -> str:
    """Text from a data file or URL, made inert for Streamlit markdown (no links, images or directives)."""
    return _MD_SPECIAL.sub(r"\\\1", str(text))


def mixed_md(text: object) -> str:
    """`escape_md`, and each Chinese run inside English text in <span lang="zh"> (markup.chinese_runs): for
    `st.markdown(..., unsafe_allow_html=True)`, whose only HTML is those spans ('&' escaped too)."""
    return "".join(
        f'<span lang="zh">{escape_md(piece)}</span>' if chinese else escape_md(piece).replace("&", "\\&")
        for piece, chinese in chinese_runs(str(text))
    )


# Tables up to this many rows are converted once and shared; Streamlit delivers bigger ones lazily (above 150,000
# rows) from the frame itself, so those are passed on unconverted.
SHARED_TABLE_MAX_ROWS = 100_000
_ARROW: dict[int, tuple[weakref.ref, pa.Table]] = {}  # id(frame) → (the frame, weakly; its Arrow table)
_ARROW_LOCK = threading.Lock()
_DECK_JSON: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # SharedDeck → its JSON
_DECK_LOCK = threading.Lock()


def _to_arrow(frame: pd.DataFrame) -> pa.Table:
    """The Arrow table st.dataframe makes of `frame` (Streamlit's own conversion), categorical columns as plain text
    (the grid shows an empty category as 'None')."""
    plain = {c: "string" for c in frame.columns if isinstance(frame[c].dtype, pd.CategoricalDtype)}
    return dataframe_util.convert_pandas_df_to_arrow_table(frame.astype(plain) if plain else frame)


def arrow_table(frame: pd.DataFrame) -> pa.Table:
    """`frame` as an Arrow table, converted once per frame object while it lives.

    The frames shown are memoised view models, the same objects for every session; converting them was most of
    what a table cost per run. A frame is never mutated once shown (the memo's rule), so its table stays right.
    """
    key = id(frame)
    with _ARROW_LOCK:
        held = _ARROW.get(key)
        if held is not None and held[0]() is frame:
            return held[1]
    table = _to_arrow(frame)
    with _ARROW_LOCK:  # the entry goes when the frame does (an id is reused only after that)
        _ARROW[key] = (weakref.ref(frame, lambda _gone, key=key: _ARROW.pop(key, None)), table)
    return table


def render_table(frame: pd.DataFrame, **kwargs: object) -> None:
    """st.dataframe without the index, categorical columns as plain text; sent as the frame's shared Arrow table."""
    data_or_table = arrow_table(frame) if len(frame) <= SHARED_TABLE_MAX_ROWS else _to_arrow(frame)
    st.dataframe(data_or_table, hide_index=True, **kwargs)


class SharedFigure(go.Figure):
    """A plotly figure shown to every session: st.plotly_chart turns it into a dict on every run (a deep copy of
    the whole figure); this one makes the dict once and hands out that same dict, which nobody may mutate. Its
    JSON is the same: trace uids, which Streamlit's serialisation drops anyway, are dropped when the dict is made."""

    def to_dict(self) -> dict:
        """The figure as a dict, made on the first call."""
        made = self.__dict__.get("_shared_dict")
        if made is None:
            made = super().to_dict()
            for trace in made.get("data", []):  # what plotly.io.to_json removes, removed up front: no one writes
                trace.pop("uid", None)
            self._shared_dict = made
        return made


def share_figure(figure: go.Figure) -> SharedFigure:
    """`figure`, made a SharedFigure in place (a copy through go.Figure(figure) would not serialise byte for byte
    alike: an unset title comes back as {}). Only for a figure just built for the memo, not yet shown or shared."""
    if type(figure) is go.Figure:
        figure.__class__ = SharedFigure
    return figure


def share_chart(chart: Chart | None) -> Chart | None:
    """The chart with its figure shared (see SharedFigure)."""
    return None if chart is None else dataclasses.replace(chart, figure=share_figure(chart.figure))


class SharedDeck(pdk.Deck):
    """A pydeck deck shown to every session: st.pydeck_chart serialises it on every run; this one keeps its JSON.

    It holds the attributes of the deck it copies and nothing else (pydeck serialises every attribute), so its JSON
    is that deck's; the JSON is kept beside it, made on the first call, after Streamlit has prepared the layers.
    """

    def __init__(self, deck: pdk.Deck) -> None:  # a copy of an already built deck, not a new one
        vars(self).update(vars(deck))

    def to_json(self) -> str:
        """The deck as JSON, serialised on the first call."""
        with _DECK_LOCK:
            spec = _DECK_JSON.get(self)
        if spec is None:
            spec = super().to_json()
            with _DECK_LOCK:
                _DECK_JSON[self] = spec
        return spec


def render_kpis(cards: list[card_views.CardRequest], filters: Filters, per_row: int = 4) -> None:
    """A grid of KPI cards, keeping only those of the selected cities and sectors.

    The grid is one HTML element: a dozen cards as Streamlit containers, columns and metrics cost the browser
    about 70 ms on every filter change (bench), a single element a fraction of it.
    """

    def make(figures: pd.DataFrame, origin: str, today: date) -> str:
        return kpis_html(card_views.build_kpis(figures, cards, filters, today), filters, origin, per_row)

    _render_cards(("kpis", tuple(cards), per_row), make, filters)


def render_kpi_groups(groups: list[tuple[str, list[card_views.CardRequest]]], filters: Filters) -> None:
    """The overview's figures grouped by sector, the first of each larger (one HTML element)."""

    def make(figures: pd.DataFrame, origin: str, today: date) -> str:
        return groups_html(card_views.build_groups(figures, groups, filters, today), filters, origin)

    key = tuple((sector, tuple(cards)) for sector, cards in groups)
    _render_cards(("kpi-groups", key), make, filters)


def _render_cards(key: tuple, make: Callable[[pd.DataFrame, str, date], str], filters: Filters) -> None:
    """Cards as one HTML element, made once a day per data version, filters and page (a card's staleness counts
    from today; its links say which page they were followed from); nothing when no card is left."""
    figures = data.get_figures()
    if figures is None:
        return
    origin = citations.current_page()
    today = date.today()

    def build() -> str:
        body = make(figures, origin, today)
        return citations.CSS + body if body else ""

    body = data.memo((*key, filters, origin, today), build)
    if body:
        st.html(body)


def render_chart(
    key: str, build: Callable[[], Chart | None], filters: Filters, *extra: object, lazy_twin: bool = False
) -> None:
    """A chart with its source line (and a link to the paragraphs it stands on), its one-sentence summary, the
    paragraphs of a point clicked, and its table twin with a link per row; nothing when `build` gives None.

    `build` runs once per data version, filters and `extra` (memoised); `key` names the chart on the page.
    `lazy_twin`: the table twin is sent when its expander is opened (a rerun), not with the page — the overview's
    first screen loads without a data grid (bench: page ready).
    """
    lang = filters.lang
    chart = data.memo(("chart", key, filters, *extra), lambda: share_chart(build()))
    if chart is None:
        return
    config = charts.png_config(f"{chart.filename}-{data.data_version()}", lang)
    figure = chart.figure
    if screen.drawn_for_phone():  # bars named above them, their values with room (ui/screen.py)
        figure = data.memo(("phone", key, filters, *extra), lambda: share_figure(charts.make_phone_figure(figure)))
    event = st.plotly_chart(figure, config=config, key=key, width="stretch", on_select="rerun", selection_mode="points")
    if chart.sources:
        st.caption(escape_md(chart.sources))
    citations.render_evidence_link(request_of(chart.refs), filters)
    st.markdown(mixed_md(chart.summary), unsafe_allow_html=True)
    if chart.row_refs:
        st.caption(t("evidence_click_hint", lang))
    citations.render_point_citations(chart, event, filters)
    box = st.expander(t("table_twin", lang), key=f"{key}-twin", on_change="rerun") if lazy_twin else None
    if box is not None and not box.open:
        return
    with box or st.expander(t("table_twin", lang)):
        origin = citations.current_page()  # the links say where they were followed from
        twin = data.memo(("twin", key, origin, filters, *extra), lambda: twin_table(chart, filters, origin))
        render_table(twin, width="stretch", column_config=citations.link_column_config(lang))


def twin_table(chart: Chart, filters: Filters, origin: str) -> pd.DataFrame:
    """A chart's table twin with a link per row to the paragraphs that row stands on."""
    return citations.link_table(chart.table, [request_of(refs) for refs in chart.row_refs], filters, origin)


def render_downloads(table: pd.DataFrame, stem: str, lang: str) -> None:
    """CSV (UTF-8 with BOM) and Excel downloads of a table, formula-injection safe, carrying the data version in
    their file name and in a `data_version` column (a renamed file still says which data it holds).

    The files are made only when a button is clicked (Streamlit runs the callable then), not on every rerun.
    `on_click="ignore"`: a click must not rerun the script, or the rerun can drop the callable (an orphan once the
    new run registers its own) before Streamlit's worker thread runs it, and the download silently never starts.
    """
    version = data.data_version()
    left, right, _ = st.columns([1, 1, 4])
    left.download_button(
        t("download_csv", lang),
        lambda: exports.to_csv_bytes(table.assign(data_version=version)),
        f"{stem}-{version}.csv",
        "text/csv",
        key=f"{stem}-csv",
        on_click="ignore",
    )
    right.download_button(
        t("download_excel", lang),
        lambda: exports.to_excel_bytes(table.assign(data_version=version)),
        f"{stem}-{version}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"{stem}-xlsx",
        on_click="ignore",
    )
