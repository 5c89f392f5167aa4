"""The presenter's slides: one 16:9 slide at a time in big type, arrow keys, a picker, auto-advance, dark theme."""

import contextlib
import html
import time

import streamlit as st

from hbeu_dash.documents.markup import mixed_html, quote_html
from hbeu_dash.graphics import charts, maps
from hbeu_dash.graphics.palette import DARK_COLORS
from hbeu_dash.i18n import t
from hbeu_dash.ui import citations, data, screen, state
from hbeu_dash.ui.card_html import make_kpi_html
from hbeu_dash.ui.present_controls import render_controls, render_idle_script
from hbeu_dash.ui.present_style import CSS, DARK_CSS
from hbeu_dash.ui.widgets import SharedFigure, share_figure
from hbeu_dash.views import slides as slide_views
from hbeu_dash.views.blocks import Block
from hbeu_dash.views.filters import Filters
from hbeu_dash.views.registry import PRESENT

_ADVANCE_DUE = "_advance_due"  # monotonic time of the next automatic slide change
_ADVANCE_TO = "_advance_to"  # the slide the timer moved to, applied at the start of the next run
NOTES_IN_ONE_COLUMN = 160  # characters of notes under a chart set in one column; more in two
KPIS_PER_ROW = 4
BLOCKS_PER_COLUMN = 4  # text blocks (a tracker's stages) beyond this many: set in two columns
PRELOAD_FIGURE = SharedFigure(layout={"width": 10, "height": 10, "margin": {"l": 0, "r": 0, "t": 0, "b": 0}})


def slide_number(count: int) -> int:
    """The slide to show: a pending automatic change first, then the session's slide, clamped to the deck."""
    if _ADVANCE_TO in st.session_state:
        st.session_state[state.KEYS["slide"]] = st.session_state.pop(_ADVANCE_TO)
    number = min(max(int(st.session_state.get(state.KEYS["slide"], 1)), 1), count)
    st.session_state[state.KEYS["slide"]] = number
    return number


def get_slide(filters: Filters, number: int, dark: bool, phone: bool = False) -> tuple[slide_views.Slide, list]:
    """Slide `number` and its charts made for the big screen, or for a phone in the pages' type sizes (memoised per
    data version, filters, theme and screen)."""

    def build() -> tuple[slide_views.Slide, list]:
        slide = slide_views.build_slide(data.get_scope(filters), number)
        figures = []
        for chart in slide.charts:
            if phone:
                figures.append(charts.make_screen_figure(chart.figure, dark, phone=True))
            elif slide.slide_id == "timeline":  # every event labelled beside its dot
                figure = charts.make_timeline_slide_figure(chart, filters.lang)
                figures.append(charts.make_screen_figure(figure, dark))
            else:
                figures.append(charts.fit_screen_text(charts.make_screen_figure(chart.figure, dark)))
        if slide.map is not None:
            view = slide.map
            make = maps.make_city_figure if phone else maps.make_city_slide_figure
            figure = make(view.cities, view.values, view.reports, filters.lang, dark=dark)
            figures.append(charts.make_screen_figure(figure, dark, phone=phone))
        return slide, [share_figure(f) for f in figures]

    return data.memo(("slide", filters, number, dark, phone), build)


def make_blocks_html(blocks: tuple[Block, ...], dark: bool = False) -> str:
    """Text blocks (a stage with its projects, a conflict with its reports) as HTML, every text escaped (quoted
    evidence with its original words marked lang="zh" on an English slide)."""
    parts = []
    for block in blocks:
        color = DARK_COLORS.get(block.color, block.color) if dark and block.color else block.color
        swatch = f'<span class="swatch" style="background:{html.escape(color)}"></span>' if color else ""
        parts.append(f'<div class="slide-block"><h3>{swatch}{html.escape(block.heading)}</h3>')
        if block.text:
            parts.append(f"<p>{mixed_html(block.text)}</p>")
        if block.table is not None:
            head = "".join(f"<th>{html.escape(h)}</th>" for h in block.table.header)
            rows = "".join(
                "<tr>" + "".join(f"<td>{quote_html(c)}</td>" for c in row) + "</tr>" for row in block.table.rows
            )
            parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
        parts.append("</div>")
    return "".join(parts)


def _chart(key: str, title: str, figure: object) -> None:
    with st.container(key=key):  # the title, then the chart filling the rest of the panel's height
        if title:
            st.html(f'<div class="chart-title">{html.escape(title)}</div>')
        st.plotly_chart(
            figure,
            config={"displaylogo": False, "displayModeBar": False},
            height="stretch",
            theme=None,
            key=f"{key}-plot",
        )


def render_slide_body(slide: slide_views.Slide, figures: list, lang: str, dark: bool) -> None:
    """The slide's content: its message, cards, charts side by side, the map, text blocks, the notes under them (the
    words a chart is read from); or why it is empty."""
    if slide.empty:
        st.html(f'<div class="slide-empty">{html.escape(slide.empty)}</div>')
        return
    if slide.message:
        st.html(f'<p class="slide-message">{html.escape(slide.message)}</p>')
    if slide.kpis:
        cards = "".join(make_kpi_html(k, short_conflict=t("conflict_short", lang), size="slide") for k in slide.kpis)
        rows = -(-len(slide.kpis) // KPIS_PER_ROW)  # the cards' rows share the slide's height
        style = f"--kpi-per-row: {KPIS_PER_ROW}; --kpi-rows: {rows}"
        st.html(f'<div class="slide slide-fill"><div class="kpi-grid" style="{style}">{cards}</div></div>')
    # A chart's title unless the slide's title or message already says what it shows (the message names it).
    kind = "timeline" if slide.slide_id == "timeline" else "chart"  # the timeline's labels scale with the screen
    panels: list[tuple[str, str, object]] = [
        (f"slide-{kind}-{i}", "" if c.title == slide.title or slide.message else c.title, f)
        for i, (c, f) in enumerate(zip(slide.charts, figures, strict=False))
    ]
    if slide.map is not None:
        sized_by = t("map_sized_by", lang, indicator=slide.map.indicator)
        panels.append(("slide-map", sized_by if slide.map.indicator else "", figures[-1]))
    if slide.blocks:
        panels.append(("slide-blocks", "", None))
    if not panels:
        return
    # Text blocks beside a chart get twice its width, set in two columns (the tracker's stages and their projects).
    widths = [2 if figure is None else 1 for _, _, figure in panels]
    # One panel stands in the slide's body itself: between a message and notes it takes the height they leave.
    columns = st.columns(widths, gap="large") if len(panels) > 1 else [contextlib.nullcontext()]
    for column, (key, title, figure) in zip(columns, panels, strict=True):
        with column:
            if figure is None:  # the blocks share the slide's height, in two columns when many (top to bottom)
                columns_of = 2 if len(slide.blocks) > BLOCKS_PER_COLUMN else 1
                style = f"--block-rows: {-(-len(slide.blocks) // columns_of)}; --block-columns: {columns_of}"
                blocks = make_blocks_html(slide.blocks, dark)
                st.html(f'<div class="slide slide-fill slide-grid" style="{style}">{blocks}</div>')
            else:
                _chart(key, title, figure)
    if slide.notes:  # many or long: in two columns
        split = " slide-columns" if sum(len(n) for n in slide.notes) > NOTES_IN_ONE_COLUMN else ""
        items = "".join(f"<li>{mixed_html(note)}</li>" for note in slide.notes)
        st.html(f'<ul class="slide-notes{split}">{items}</ul>')


def footer_link(slide: slide_views.Slide, filters: Filters, number: int) -> str:
    """' · In the source ↗': the paragraphs of the rows the slide shows, in a new tab (the slides stay); '' for none."""
    if not slide.cited:
        return ""
    href = citations.evidence_href(slide.cited, filters, PRESENT, slide=str(number))
    words = html.escape(t("evidence_link", filters.lang))
    return f' · <a href="{html.escape(href, quote=True)}" target="_blank" rel="noopener">{words} ↗</a>'


def render_plotly_preload() -> None:
    """A tiny invisible chart on a slide without charts: the browser loads plotly.js (4.8 MB) now, not when the
    next slide needs it (a second on the first chart slide otherwise, bench)."""
    with st.container(key="plotly-preload"):
        st.plotly_chart(PRELOAD_FIGURE, config={"displayModeBar": False, "staticPlot": True}, theme=None, width=10)


def render_auto_advance(count: int) -> None:
    """Move to the next slide every N seconds (looping), while an interval is chosen."""
    seconds = int(st.session_state.get(state.KEYS["advance"], 0))
    if not seconds:
        return
    st.session_state[_ADVANCE_DUE] = time.monotonic() + seconds

    @st.fragment(run_every=seconds)
    def tick() -> None:
        if time.monotonic() >= st.session_state.get(_ADVANCE_DUE, 0) - 0.5:
            st.session_state[_ADVANCE_TO] = int(st.session_state.get(state.KEYS["slide"], 1)) % count + 1
            st.rerun()

    tick()


def render_presentation(filters: Filters) -> None:
    """One slide of the deck under the URL's filters: title, content filling the screen, citation footer beside the
    controls."""
    count = len(slide_views.SLIDES)
    number = slide_number(count)
    dark = st.session_state.get(state.KEYS["theme"]) == "dark"
    st.html(CSS + (DARK_CSS if dark else ""))
    phone = screen.drawn_for_phone()
    slide, figures = get_slide(filters, number, dark, phone)
    st.html(
        f'<div class="slide-head"><h1 class="slide-title">{html.escape(slide.title)}</h1>'
        f'<span class="slide-no">{number} / {count}</span></div>'
    )
    with st.container(key="slide-body"):
        render_slide_body(slide, figures, filters.lang, dark)
    # The sources along the foot, the controls beside them (they fade while the mouse rests).
    with st.container(key="slide-bottom", horizontal=True, vertical_alignment="bottom", gap="medium"):
        st.html(f'<div class="slide-foot">{html.escape(slide.footer)}{footer_link(slide, filters, number)}</div>')
        render_controls(number, count, filters.lang)
    render_idle_script()
    if not figures:
        render_plotly_preload()
    render_auto_advance(count)
    state.sync_url(filters, state.current_view(data.data_version()), presenting=True)
