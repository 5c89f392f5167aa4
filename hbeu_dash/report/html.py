"""The briefing as one self-contained HTML file: Jinja2 (autoescaped) over the briefing view model, plotly.js
embedded once, every chart drawn by it from the figure's JSON; nothing is loaded from anywhere else."""

from functools import cache

import plotly.graph_objects as go
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup
from plotly.offline import get_plotlyjs

from hbeu_dash import maps
from hbeu_dash.charts import Chart
from hbeu_dash.i18n import original_lang, t
from hbeu_dash.markup import quote_html
from hbeu_dash.views.briefing import Briefing

TEMPLATE = "briefing.html.j2"
# A4 is 210 mm wide; with 14 mm margins 182 mm ≈ 688 CSS px remain. Charts are drawn at a fixed width so the
# screen and the printed page show the same layout (a responsive chart would be laid out for the screen, then cut).
CHART_WIDTH_PX = 680
MAP_HEIGHT_PX = 520
HTML_LANG = {"zh": "zh-CN", "en": "en"}
# The labels and headings the template prints, each an i18n key (the template reads them as text.<key>).
TEXT_KEYS = (
    "as_of",
    "briefing_contents",
    "briefing_figure_sep",
    "briefing_offline",
    "briefing_paragraph",
    "briefing_paragraph_figures",
    "briefing_paragraphs",
    "briefing_paragraphs_intro",
    "briefing_read",
    "evidence",
    "evidence_en",
    "no_conflicts_filtered",
    "no_url",
    "note",
    "page_science",
    "page_services",
    "page_timeline",
    "page_transport",
    "period",
    "section_citations",
    "section_conflicts",
    "section_empty",
    "slide_headline",
    "slide_map",
    "source",
    "speaker",
    "tracker_title",
    "unit",
    "url",
    "value_text",
)
PLOT_CONFIG = {"displaylogo": False, "responsive": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"]}


@cache
def environment() -> Environment:
    """The template environment: autoescape on for every template, unknown names are errors; `quote_html` prints
    quoted evidence with its original words marked lang="zh" on an English briefing (any other text escaped)."""
    env = Environment(
        loader=PackageLoader("hbeu_dash", "report/templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["quote_html"] = lambda text: Markup(quote_html(text))  # escaped by quote_html
    return env


@cache
def plotly_js() -> Markup:
    """plotly.js (minified, ~4.8 MB), read once per process; plotly's own code, embedded as is."""
    return Markup(get_plotlyjs())


def figure_html(figure: go.Figure, div_id: str, height: int | None = None) -> Markup:
    """One plotly figure as a <div> and the script drawing it (plotly.js itself is in the page head).

    Plotly's own output, marked safe: data texts in the figure's JSON have '<' escaped as \\u003c by plotly, and the
    chart builders escape the labels plotly renders as HTML.
    """
    return Markup(
        figure.to_html(
            full_html=False,
            include_plotlyjs=False,
            config=PLOT_CONFIG,
            div_id=div_id,
            default_width=f"{CHART_WIDTH_PX}px",
            default_height=f"{height}px" if height else "100%",
        )
    )


def chart_html(chart: Chart, div_id: str) -> Markup:
    """A chart spec's figure as HTML."""
    return figure_html(chart.figure, div_id)


def map_html(briefing: Briefing) -> Markup | None:
    """The map drawn with plotly from the briefing's map view (no pydeck: its HTML template loads from CDNs)."""
    view = briefing.map
    if view is None:
        return None
    figure = maps.make_city_figure(view.cities, view.values, view.reports, briefing.lang)
    height = figure.layout.height or MAP_HEIGHT_PX
    return figure_html(figure, "briefing-map", int(height))


def render_html(briefing: Briefing, lang: str | None = None) -> str:
    """The briefing as one HTML document (a string), in the briefing's language (`lang`, if given, must be it)."""
    lang = lang or briefing.lang
    if lang != briefing.lang:
        raise ValueError(f"the briefing was built in {briefing.lang!r}, not {lang!r}: build it again in {lang!r}")
    charts = {id(c): chart_html(c, f"chart-{i}") for i, c in enumerate(briefing.charts, start=1)}
    return (
        environment()
        .get_template(TEMPLATE)
        .render(
            b=briefing,
            lang=lang,
            text={key: t(key, lang) for key in TEXT_KEYS},
            html_lang=HTML_LANG.get(lang, lang),
            original_lang=original_lang(lang),
            plotly_js=plotly_js(),
            chart_html=lambda c: charts[id(c)],
            map_html=map_html(briefing),
            chart_width=CHART_WIDTH_PX,
        )
    )
