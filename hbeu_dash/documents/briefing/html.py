"""The briefing as one self-contained HTML file: Jinja2 (autoescaped) over the briefing view model, a partial
plotly.js embedded once, every chart drawn by it from the figure's JSON; nothing is loaded from anywhere else."""

import re
from collections.abc import Iterable
from functools import cache
from typing import Any

import plotly.graph_objects as go
import plotly.io as pio
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape
from plotly.offline import get_plotlyjs, get_plotlyjs_version

from hbeu_dash.documents.markup import quote_html
from hbeu_dash.graphics import maps
from hbeu_dash.graphics.charts import Chart
from hbeu_dash.i18n import original_lang, t
from hbeu_dash.paths import PLOTLY_BUNDLE
from hbeu_dash.views.briefing import Briefing, BriefingSummary

TEMPLATE = "briefing.html.j2"
# A4 is 210 mm wide; with 14 mm margins 182 mm ≈ 688 CSS px remain. Charts are drawn at a fixed width so the
# screen and the printed page show the same layout (a responsive chart would be laid out for the screen, then cut).
CHART_WIDTH_PX = 680
MAP_HEIGHT_PX = 520
# How the summary draws the pages' figures, smaller, so that its statements and charts fit the first two A4 pages:
# the trend ('narrow') beside the four cities ('wide': room for the bars' labels), as on the overview; the targets
# full width and shorter ('short'). Each chart's title is printed above it as text (it wraps; plotly's does not), so
# the figure loses its own.
SUMMARY_GAP_PX = 32
SUMMARY_NARROW_PX = 272
SUMMARY_PAIR_HEIGHT_PX = 236
SUMMARY_FITS: dict[str, dict[str, float]] = {
    "narrow": {"width": SUMMARY_NARROW_PX, "height": SUMMARY_PAIR_HEIGHT_PX},
    "wide": {"width": CHART_WIDTH_PX - SUMMARY_GAP_PX - SUMMARY_NARROW_PX, "height": SUMMARY_PAIR_HEIGHT_PX},
    "short": {"width": CHART_WIDTH_PX, "scale": 0.5, "min_height": 220},
}
SUMMARY_MARGIN_PX = {"t": 30, "b": 44}  # room above for a label over the plot ('目标:1小时'), below for the axis
SUMMARY_PAIR_MARGIN_PX = {"l": 40, "r": 56}
SUMMARY_FONT_SCALE = 0.86  # 14 px text at 12 px, the bar labels' 13 px at 11 px
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
    "targets_evidence",
    "tracker_title",
    "unit",
    "url",
    "value_text",
)
PLOT_CONFIG = {"displaylogo": False, "responsive": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"]}

# The fonts of the briefing's text and of its charts' SVG text, per language, in order. Chromium prints CFF-outline
# OpenType fonts (Debian's Noto Sans CJK) as one Type 3 font per few glyphs, with no real font in the PDF; TrueType-
# outline fonts embed as CID TrueType subsets: WenQuanYi Micro Hei (apt: fonts-wqy-microhei) for Chinese, Liberation
# Sans for English, DejaVu Sans for the few symbols neither has (✓ ⚠). The other names serve a reader's machine.
CJK_FONTS = ("WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB")
LATIN_FONTS = ("Liberation Sans", "Arial", "Helvetica")
FONTS = {
    "zh": (*CJK_FONTS, *LATIN_FONTS, "DejaVu Sans", "sans-serif"),
    "en": (*LATIN_FONTS, *CJK_FONTS, "DejaVu Sans", "sans-serif"),
}
# The bundle's header names the trace types it registers (written by scripts/build_plotly_bundle.py).
BUNDLE_VERSION = re.compile(r"^\* plotly\.js \(.*\) v(\S+)$", re.MULTILINE)
BUNDLE_TRACES = re.compile(r"^\* traces: (.+)$", re.MULTILINE)
# A date in a source line ('2025-02-01', '2024-12'): never broken across lines (Chromium breaks after a hyphen, and
# pdftotext then joins '2025-02-' and '01' into '2025-0201').
SOURCE_DATE = re.compile(r"\b\d{4}-\d{2}(?:-\d{2})?\b")
# Where plotly.js goes in the page's head, filled in after the body is rendered (a '<' no escaped text holds).
PLOTLY_JS_SLOT = Markup("<!-- plotly.js -->")


@cache
def environment() -> Environment:
    """The template environment: autoescape on for every template, unknown names are errors; `quote_html` prints
    quoted evidence with its original words marked lang="zh" on an English briefing (any other text escaped);
    `whole_dates` prints a source line with its dates unbroken."""
    env = Environment(
        loader=PackageLoader("hbeu_dash", "documents/briefing/templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["quote_html"] = lambda text: Markup(quote_html(text))  # escaped by quote_html
    env.filters["whole_dates"] = whole_dates
    return env


def whole_dates(text: str) -> Markup:
    """Plain text escaped, each date in it ('2025-02-01') kept on one line (<span class="date">)."""
    return Markup(SOURCE_DATE.sub(r'<span class="date">\g<0></span>', str(escape(text))))  # digits and hyphens only


def css_font_family(lang: str) -> Markup:
    """The CSS font-family list of a briefing in `lang` (quoted names; safe in a <style> element)."""
    return Markup(", ".join(name if name == "sans-serif" else f'"{name}"' for name in FONTS[lang]))


def chart_font_family(lang: str) -> str:
    """The font family of a chart's text in `lang`, as plotly takes it (layout.font.family)."""
    return ", ".join(FONTS[lang])


@cache
def bundle_header() -> str:
    """The comment heading the vendored partial plotly.js."""
    with PLOTLY_BUNDLE.open(encoding="utf-8") as f:
        return f.read(1000).split("*/", 1)[0]


def bundle_version() -> str:
    """The plotly.js version of the vendored partial bundle."""
    found = BUNDLE_VERSION.search(bundle_header())
    return found.group(1) if found else ""


def bundle_traces() -> frozenset[str]:
    """The trace types the vendored partial bundle registers."""
    found = BUNDLE_TRACES.search(bundle_header())
    return frozenset(name.strip() for name in found.group(1).split(",")) if found else frozenset()


@cache
def plotly_js(partial: bool = True) -> Markup:
    """plotly.js, read once per process: the vendored partial bundle (~1.2 MB: the briefing's trace types), or
    plotly's full one (~4.8 MB) when `partial` is False; plotly's own code, embedded as is."""
    return Markup(PLOTLY_BUNDLE.read_text(encoding="utf-8") if partial else get_plotlyjs())


def plotly_js_for(trace_types: Iterable[str]) -> Markup:
    """The partial bundle when it is of the installed plotly's version and draws every trace type; else the full one
    (a chart that the bundle cannot draw would print as an empty frame, silently)."""
    fits = bundle_version() == get_plotlyjs_version() and set(trace_types) <= bundle_traces()
    return plotly_js(partial=fits)


def _set_font_family(node: Any, family: str) -> None:
    """Every font family in a figure's JSON (the layout's, the hover labels', the traces' text) set to `family`."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "family" and isinstance(value, str):
                node[key] = family
            else:
                _set_font_family(value, family)
    elif isinstance(node, list):
        for item in node:
            _set_font_family(item, family)


def figure_spec(figure: go.Figure, lang: str) -> dict:
    """The figure's JSON with the briefing's fonts: a deep copy (to_dict), the figure itself (cached and shared by
    the app) is never changed."""
    spec = figure.to_dict()
    family = chart_font_family(lang)
    _set_font_family(spec, family)
    spec.setdefault("layout", {}).setdefault("font", {})["family"] = family
    return spec


def _scale_font_sizes(node: Any, scale: float, in_font: bool = False) -> None:
    """Every font size in a figure's JSON (the layout's, the traces' text, the annotations') scaled by `scale`."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "size" and in_font and isinstance(value, int | float):
                node[key] = round(value * scale, 1)
            else:
                _scale_font_sizes(value, scale, key.endswith("font"))
    elif isinstance(node, list):
        for item in node:
            _scale_font_sizes(item, scale, in_font)


def summary_spec(spec: dict, fit: str) -> tuple[dict, int, int]:
    """A figure's JSON as the summary draws it (`fit`: a key of SUMMARY_FITS), with its width and height:
    no title of its own, tighter margins, smaller type. `spec` is changed (a copy made by figure_spec)."""
    size = SUMMARY_FITS[fit]
    layout = spec.setdefault("layout", {})
    if "height" in size:
        height = int(size["height"])
    else:
        height = max(int(size["min_height"]), round(int(layout.get("height") or MAP_HEIGHT_PX) * size["scale"]))
    layout["height"] = height
    layout["title"] = {"text": ""}
    margin = layout.setdefault("margin", {})
    margin |= SUMMARY_MARGIN_PX
    if fit != "short":
        margin |= SUMMARY_PAIR_MARGIN_PX
    _scale_font_sizes(layout, SUMMARY_FONT_SCALE)
    _scale_font_sizes(spec.get("data", []), SUMMARY_FONT_SCALE)
    return spec, int(size["width"]), height


def trace_types(spec: dict) -> set[str]:
    """The trace types of a figure's JSON (plotly's default is scatter)."""
    return {trace.get("type", "scatter") for trace in spec.get("data", [])}


def figure_html(spec: dict, div_id: str, height: int | None = None, width: int = CHART_WIDTH_PX) -> Markup:
    """One figure (its JSON) as a <div> and the script drawing it (plotly.js itself is in the page head).

    Plotly's own output, marked safe: data texts in the figure's JSON have '<' escaped as \\u003c by plotly, and the
    chart builders escape the labels plotly renders as HTML.
    """
    return Markup(
        pio.to_html(
            spec,
            validate=False,  # made from a validated figure
            full_html=False,
            include_plotlyjs=False,
            config=PLOT_CONFIG,
            div_id=div_id,
            default_width=f"{width}px",
            default_height=f"{height}px" if height else "100%",
        )
    )


def map_spec(briefing: Briefing) -> tuple[dict, int] | None:
    """The map drawn with plotly from the briefing's map view (no pydeck: its HTML template loads from CDNs), and
    its height."""
    view = briefing.map
    if view is None:
        return None
    figure = maps.make_city_figure(view.cities, view.values, view.reports, briefing.lang)
    return figure_spec(figure, briefing.lang), int(figure.layout.height or MAP_HEIGHT_PX)


class ChartDrawer:
    """Draws the charts of one briefing as the template reaches them: each call a <div> of its own, numbered in
    reading order (chart-1, chart-2 ...), in the briefing's fonts; it notes the trace types drawn, so the page can
    then carry a plotly.js that draws them all (the summary's charts too, whatever the view model holds them in)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.count = 0
        self.types: set[str] = set()

    def __call__(self, chart: Chart, fit: str | None = None) -> Markup:
        """The chart as HTML; `fit` (a key of SUMMARY_FITS): drawn smaller, as the summary draws it (summary_spec)."""
        spec = figure_spec(chart.figure, self.lang)
        if fit is None:
            return self.draw(spec, None)
        spec, width, height = summary_spec(spec, fit)
        return self.draw(spec, height, width=width)

    def draw(self, spec: dict, height: int | None, div_id: str | None = None, width: int = CHART_WIDTH_PX) -> Markup:
        """A figure's JSON as HTML, its trace types noted."""
        self.types |= trace_types(spec)
        if div_id is None:
            self.count += 1
            div_id = f"chart-{self.count}"
        return figure_html(spec, div_id, height, width)


def summary_of(briefing: Briefing) -> BriefingSummary | None:
    """The briefing's summary (headline statements; the trend, four-city and target charts), or None when it has
    none: the template prints it after the title, with the contents beside it, and starts the body on a new page."""
    return briefing.summary


def render_html(briefing: Briefing, lang: str | None = None) -> str:
    """The briefing as one HTML document (a string), in the briefing's language (`lang`, if given, must be it)."""
    lang = lang or briefing.lang
    if lang != briefing.lang:
        raise ValueError(f"the briefing was built in {briefing.lang!r}, not {lang!r}: build it again in {lang!r}")
    drawer = ChartDrawer(lang)
    the_map = map_spec(briefing)
    page = (
        environment()
        .get_template(TEMPLATE)
        .render(
            b=briefing,
            summary=summary_of(briefing),
            lang=lang,
            text={key: t(key, lang) for key in TEXT_KEYS},
            html_lang=HTML_LANG.get(lang, lang),
            original_lang=original_lang(lang),
            plotly_js=PLOTLY_JS_SLOT,
            chart_html=drawer,
            map_html=drawer.draw(*the_map, div_id="briefing-map") if the_map else None,
            chart_width=CHART_WIDTH_PX,
            fit_widths={fit: int(size["width"]) for fit, size in SUMMARY_FITS.items()},
            summary_gap=SUMMARY_GAP_PX,
            font_family=css_font_family(lang),
            original_font_family=css_font_family(original_lang(lang) or lang),
        )
    )
    # The head's slot, filled once every chart is drawn and their trace types known. The slot is the first of its
    # kind in the page: only the <title>'s escaped text comes before it, and escaped text holds no '<'.
    return page.replace(PLOTLY_JS_SLOT, plotly_js_for(drawer.types), 1)
