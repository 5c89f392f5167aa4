"""Pure chart builders: DataFrame → Chart (a plotly Figure with its summary, table twin, sources and file name)."""

import html
import re
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from hbeu_dash.graphics.attribution import evidence_columns, format_citations, latest_citations, source_line
from hbeu_dash.graphics.palette import CITY_COLORS, DARK_BACKGROUND, DARK_COLORS, DARK_TEXT, STATUS_COLORS, city_color
from hbeu_dash.i18n import (
    city_label,
    col,
    format_date,
    format_number,
    format_value,
    join,
    label,
    original_columns,
    plotly_locale,
    quote_evidence,
    t,
)
from hbeu_dash.model import schema, transforms

FONT = "Noto Sans CJK SC, Microsoft YaHei, PingFang SC, sans-serif"
EVENT_COLORS = {
    "plan": "#0072B2",
    "policy": "#56B4E9",
    "meeting": "#D55E00",
    "agreement": "#009E73",
    "launch": "#E69F00",
    "target": "#CC79A7",
}


# A row a chart draws, as a reader's link asks for its paragraph: (table, key), e.g. ("figures", ("hb-items-total-xu",))
# or ("projects", ("s43-airport-expressway", "meeting8-interviews")) (hbeu_dash.views.citations).
Ref = tuple[str, tuple[str, ...]]


@dataclass
class Chart:
    """A chart spec, ready for any renderer: title, plotly figure, one-sentence summary, table twin, source line
    (sources cited by name, with as-of) and download file name. Plain text: each renderer escapes it.

    Every point of the figure carries in `customdata` the position of its row in the table twin, and `row_refs` says
    which data rows each twin row stands for: a click on a point, a twin row and the source line all open the same
    paragraphs."""

    figure: go.Figure
    summary: str
    table: pd.DataFrame
    sources: str
    filename: str
    title: str = ""
    citations: dict[str, str] = field(default_factory=dict)  # source cited by name → latest as-of ('' undated)
    row_refs: tuple[tuple[Ref, ...], ...] = ()  # per row of `table`, the data rows it shows

    @property
    def refs(self) -> tuple[Ref, ...]:
        """Every data row the chart shows, once, in table order (what its source line cites)."""
        return tuple(dict.fromkeys(ref for refs in self.row_refs for ref in refs))

    def point_refs(self, customdata: object) -> tuple[Ref, ...]:
        """The data rows behind a clicked point, from its customdata (a twin row position); () for anything else."""
        if isinstance(customdata, list | tuple):
            customdata = customdata[0] if customdata else None
        if isinstance(customdata, bool) or not isinstance(customdata, int | float) or customdata != int(customdata):
            return ()
        position = int(customdata)
        return self.row_refs[position] if 0 <= position < len(self.row_refs) else ()


def figure_refs(rows: pd.DataFrame) -> tuple[tuple[Ref, ...], ...]:
    """One figure per row (its `figure_id`)."""
    return tuple((("figures", (str(f),)),) for f in rows["figure_id"])


# Characters per line of a chart title and of a horizontal bar label: CJK characters are about twice as wide. A title
# line fits a phone's chart (390 px screen: about 340 px of figure at 18 px type).
TITLE_WIDTH = {"zh": 18, "en": 36}
BAR_LABEL_WIDTH = {"zh": 14, "en": 28}


def _layout(fig: go.Figure, title: str, lang: str, height: int = 380) -> go.Figure:
    heading = _wrap(_label_text(title), TITLE_WIDTH[lang])
    fig.update_layout(
        title={
            "text": heading,
            "x": 0,
            "xanchor": "left",
            "font": {"size": 18},
        },
        font={"family": FONT, "size": 14},
        height=height,
        # Margins wide enough for the axis labels up front: plotly's automargin then has nothing to grow, so a
        # redraw after a filter change lays the chart out once instead of twice (bench: ~30 ms a chart).
        margin={"l": 60, "r": 100, "t": 36 + 24 * (heading.count("<br>") + 1), "b": 95},
        plot_bgcolor="white",
        paper_bgcolor="white",
        legend={"orientation": "h", "y": -0.15},
    )
    fig.update_yaxes(gridcolor="#E5E5E5", zerolinecolor="#BBBBBB", automargin=True)
    fig.update_xaxes(automargin=True)
    return fig


def _name(row: pd.Series | dict, lang: str) -> str:
    return row[col("indicator", lang)]


def _label_text(text: str) -> str:
    """Data text made inert for plotly, which renders a subset of HTML (<a href>, <b>, ...) in labels."""
    return html.escape(str(text), quote=False)


def _unit(row: pd.Series | dict, lang: str) -> str:
    return row[col("unit", lang)]


def _value(row: pd.Series | dict, lang: str) -> str:
    return format_value(row["value"], row["unit_zh"], row["unit_en"], lang)


def _period_note(row: pd.Series | dict, lang: str) -> str:
    if row["period"]:
        return format_date(row["period"], lang)
    return label("measure", row["measure"], lang)


def make_city_reports_figure(reports: pd.DataFrame, lang: str, title: str, filename: str) -> Chart:
    """One bar per report of one indicator, coloured by city; disagreeing reports stand side by side."""
    rows = reports.sort_values(["city", "as_of", "source_id"]).reset_index(drop=True)
    fig = go.Figure()
    if rows.empty:
        return Chart(_layout(fig, title, lang), t("no_data", lang), rows, "", filename, title)
    unit = _unit(rows.iloc[0], lang)
    by_city: dict[str, list[dict]] = {}
    positions: dict[str, list[int]] = {}  # each bar's row in the table twin (its customdata)
    for position, record in enumerate(rows.to_dict("records")):  # one conversion; pandas per group is slow
        by_city.setdefault(record["city"], []).append(record)
        positions.setdefault(record["city"], []).append(position)
    for city, group in by_city.items():
        conflict = len({r["value"] for r in group}) > 1
        fig.add_bar(
            customdata=positions[city],
            x=[f"{city_label(city, lang)}<br><sub>{_label_text(r[col('cite', lang)])}</sub>" for r in group],
            y=[r["value"] for r in group],
            name=city_label(city, lang),
            marker_color=city_color(city),
            text=[_label_text(_value(r, lang)) + (" ⚠" if conflict else "") for r in group],
            textposition="outside",
            hovertext=[
                f"{city_label(city, lang)}: {_label_text(_value(r, lang))}"
                f"<br>{t('as_of', lang)} {format_date(r['as_of'], lang)}"
                f"<br>{t('source', lang)}: {html.escape(r[col('cite', lang)])}<br>{html.escape(_quote(r, lang))}"
                for r in group
            ],
            hoverinfo="text",
            cliponaxis=False,
        )
    fig.update_yaxes(title_text=t("unit_axis", lang, unit=unit), rangemode="tozero")
    _layout(fig, title, lang)
    fig.update_layout(showlegend=False, bargap=0.35)
    parts = []
    for city, group in by_city.items():
        values = sorted({r["value"] for r in group})
        shown = " / ".join(format_number(v, lang) for v in values)
        flag = t("aside", lang, text=t("conflict", lang)) if len(values) > 1 else ""
        parts.append(f"{city_label(city, lang)} {shown}{flag}")
    summary = t(
        "summary_city_reports", lang, name=_name(rows.iloc[0], lang), unit=unit, parts=join(parts, lang, "clause_sep")
    )
    twin = _twin(rows, lang)
    return Chart(
        fig, summary, twin, source_line(rows, lang), filename, title, latest_citations(rows, lang), figure_refs(rows)
    )


def make_breakdown_figure(rows: pd.DataFrame, lang: str, title: str, filename: str) -> Chart:
    """Horizontal bars of several figures of one plan or agreement, each labelled with its own unit."""
    rows = rows.reset_index(drop=True)
    fig = go.Figure()
    if rows.empty:
        return Chart(_layout(fig, title, lang), t("no_data", lang), rows, "", filename, title)
    names = [_name(r, lang) for r in rows.to_dict("records")]
    colors = [city_color(c) for c in rows["city"]]
    fig.add_bar(
        y=[_wrap(_label_text(n), BAR_LABEL_WIDTH[lang]) for n in names],
        x=rows["value"].tolist(),
        orientation="h",
        customdata=list(range(len(rows))),
        marker_color=colors,
        text=[_label_text(_value(r, lang)) for r in rows.to_dict("records")],
        textposition="outside",
        cliponaxis=False,
        hovertext=[
            f"{html.escape(n)}: {_label_text(_value(r, lang))}<br>{html.escape(_quote(r, lang))}"
            for n, r in zip(names, rows.to_dict("records"), strict=True)
        ],
        hoverinfo="text",
    )
    fig.update_xaxes(range=[0, float(rows["value"].max()) * 1.45])
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(title_text=t("count", lang), rangemode="tozero")
    _layout(fig, title, lang, height=max(260, 70 * len(rows) + 120))
    fig.update_layout(showlegend=False)
    items = [f"{n} {_value(r, lang)}" for n, r in zip(names, rows.to_dict("records"), strict=True)]
    summary = join(items, lang) + t("sentence_end", lang)
    twin = _twin(rows, lang)
    return Chart(
        fig, summary, twin, source_line(rows, lang), filename, title, latest_citations(rows, lang), figure_refs(rows)
    )


def make_identity_figure(identity: pd.Series, figures: pd.DataFrame, lang: str, filename: str) -> Chart:
    """A waterfall: the parts of a declared sum identity stacking up beside the reported total, lying on its side so
    that the long names of its parts read level, wrapped, one under another (stood up, plotly turns them aslant and
    they run into each other in half a page's width)."""
    title = identity[col("title", lang)]
    by_id = figures.set_index("figure_id")
    part_ids = [p for p in identity["parts"].split(schema.LIST_SEP) if p in by_id.index]
    fig = go.Figure()
    if identity["status"] == "missing" or identity["total_id"] not in by_id.index:
        return Chart(_layout(fig, title, lang), t("no_data", lang), pd.DataFrame(), "", filename, title)
    rows = by_id.loc[[*part_ids, identity["total_id"]]].reset_index()
    labels = [_wrap(_label_text(_name(r, lang)), BAR_LABEL_WIDTH[lang]) for r in rows.to_dict("records")]
    measures = ["relative"] * len(part_ids) + ["total"]
    color = city_color(rows["city"].iloc[-1])
    fig.add_trace(
        go.Waterfall(
            orientation="h",
            y=labels,
            x=[*rows["value"].iloc[:-1].tolist(), rows["value"].iloc[-1]],
            measure=measures,
            customdata=list(range(len(rows))),
            text=[_label_text(_value(r, lang)) for r in rows.to_dict("records")],
            textposition="outside",
            increasing={"marker": {"color": color}},
            totals={"marker": {"color": "#333333"}},
            connector={"line": {"color": "#999999"}},
            cliponaxis=False,
        )
    )
    unit = _unit(rows.iloc[0], lang)
    top = max(float(rows["value"].iloc[:-1].sum()), float(rows["value"].iloc[-1]))
    # Each bar says its value: no value ticks (on a phone they would have to turn aslant to fit beside the names).
    fig.update_xaxes(title_text=t("unit_axis", lang, unit=unit), range=[0, top * 1.3], showticklabels=False)
    fig.update_yaxes(autorange="reversed")  # the parts from the top, the total at the foot
    _layout(fig, title, lang, height=max(300, 70 * len(rows) + 140))
    fig.update_layout(showlegend=False)
    summary = t(
        "summary_identity",
        lang,
        parts=" + ".join(format_number(v, lang) for v in rows["value"].iloc[:-1]),
        lhs=format_number(identity["lhs"], lang),
        total=format_number(identity["total"], lang),
        verdict=label("identity_status", identity["status"], lang),
    )
    twin = _twin(rows, lang)
    return Chart(
        fig, summary, twin, source_line(rows, lang), filename, title, latest_citations(rows, lang), figure_refs(rows)
    )


def make_status_figure(latest: pd.DataFrame, counts: pd.DataFrame, lang: str, title: str, filename: str) -> Chart:
    """Projects per status (one horizontal bar per stage, in stage order from the top, its name level beside it),
    coloured by stage."""
    fig = go.Figure()
    if counts.empty:
        return Chart(_layout(fig, title, lang), t("no_data", lang), counts, "", filename, title)
    names = [label("status", s, lang) for s in counts["status"]]
    hover, refs = [], []
    for status in counts["status"]:
        members = latest[latest["status"] == status]
        hover.append("<br>".join(html.escape(n) for n in members[col("name", lang)]))
        # A stage's bar stands for each project's current report (the tracker's rule).
        refs.append(
            tuple(
                ("projects", (str(p), str(s))) for p, s in zip(members["project_id"], members["source_id"], strict=True)
            )
        )
    fig.add_bar(
        y=[_wrap(_label_text(n), BAR_LABEL_WIDTH[lang]) for n in names],
        orientation="h",
        customdata=list(range(len(names))),
        x=counts["count"].tolist(),
        marker_color=[STATUS_COLORS[s] for s in counts["status"]],
        marker_line={"color": "#333333", "width": 0.5},
        text=counts["count"].tolist(),
        textposition="outside",
        hovertext=hover,
        hoverinfo="text",
        cliponaxis=False,
    )
    most = float(counts["count"].max())  # each bar says its count: no count ticks to crowd a phone's axis
    fig.update_xaxes(title_text=t("projects_axis", lang), range=[0, most * 1.2], showticklabels=False)
    fig.update_yaxes(autorange="reversed")
    _layout(fig, title, lang, height=max(300, 40 * len(names) + 150))
    fig.update_layout(showlegend=False)
    top = counts.sort_values("count", ascending=False).iloc[0]
    summary = t(
        "summary_status",
        lang,
        total=int(counts["count"].sum()),
        status=label("status", top["status"], lang),
        n=int(top["count"]),
    )
    table = counts.assign(status=names).rename(columns={"status": t("status", lang), "count": t("count", lang)})
    return Chart(
        fig, summary, table, source_line(latest, lang), filename, title, latest_citations(latest, lang), tuple(refs)
    )


def make_timeline_figure(timeline: pd.DataFrame, lang: str, title: str, filename: str) -> Chart:
    """Dated events on a time axis, one row per kind, coloured by kind; undated events are left to the list."""
    dated = timeline.dropna(subset=["sort_date"]).reset_index(drop=True)
    fig = go.Figure()
    if dated.empty:
        return Chart(_layout(fig, title, lang), t("no_data", lang), dated, "", filename, title)
    year_only = t("year_only_hover", lang)
    for kind, group in dated.groupby("kind", sort=False):
        titles = group[col("title", lang)]
        vague = [len(d) == 4 for d in group["date"]]
        fig.add_scatter(
            x=group["sort_date"],
            y=[label("event_kind", kind, lang)] * len(group),
            mode="markers",
            customdata=group.index.tolist(),  # positions in `dated`: the rows of the table twin
            name=label("event_kind", kind, lang),
            marker={
                "size": 16,
                "color": EVENT_COLORS.get(kind, "#555555"),
                "symbol": ["circle-open" if v else "circle" for v in vague],
                "line": {"color": EVENT_COLORS.get(kind, "#555555"), "width": 2},
            },
            hovertext=[
                f"{format_date(d, lang)}{' ' + year_only if v else ''}<br>{html.escape(tt)}"
                for d, tt, v in zip(group["date"], titles, vague, strict=True)
            ],
            hoverinfo="text",
        )
    fig.update_xaxes(title_text=t("date", lang), type="date", tickformat=t("date_axis_format", lang))
    _layout(fig, title, lang, height=340)
    # The legend at the foot of the figure, below the date axis and its title (at y=-0.15 they overlap).
    fig.update_layout(legend={"yref": "container", "y": 0, "yanchor": "bottom"})
    first, last = dated.iloc[0], dated.iloc[-1]
    summary = t(
        "summary_timeline",
        lang,
        n=len(dated),
        first=format_date(first["date"], lang),
        last=format_date(last["date"], lang),
    )
    table = pd.DataFrame(
        {
            t("date", lang): [format_date(d, lang) for d in dated["date"]],
            t("kind", lang): [label("event_kind", k, lang) for k in dated["kind"]],
            t("title", lang): dated[col("title", lang)],
            t("sources", lang): dated[col("sources", lang)],
        }
    )
    if any(len(d) == 4 for d in dated["date"]):
        summary += " " + t("summary_year_only", lang)
    cited = {c: "" for cell in dated[col("sources", lang)] for c in cell.split(transforms.SOURCES_SEP)}
    refs = tuple(
        tuple(("events", (str(e), s)) for s in str(sources).split(schema.LIST_SEP))
        for e, sources in zip(dated["event_id"], dated["sources"], strict=True)
    )
    return Chart(fig, summary, table, format_citations(cited, lang), filename, title, cited, refs)


# The timeline on a slide: labels laid out for a plot area of this size in pixels at 1080 p, in type of this size.
# The slide scales the labels' type with the screen's height (present_style), so the same layout holds at 720 p.
TIMELINE_SLIDE_PX = (1800, 620)
TIMELINE_LABEL_PX = 22
TIMELINE_LINE_PX = 29  # a label's line at TIMELINE_LABEL_PX (plotly sets lines 1.3 em apart)
TIMELINE_LABEL_GAP_PX = 4  # between two labels on one side
TIMELINE_LABEL_X_PX = 60  # from the axis to a label's near edge
TIMELINE_DOT_STEP_PX = 26  # between two dots on the axis at least (14 px dots: apart at 720 p too)
TIMELINE_DOT_PX = 14
TIMELINE_LABEL_WIDTH = {"zh": 38, "en": 70}  # characters per line of a label: 830 px of type at TIMELINE_LABEL_PX


def _label_lines(text: str, width: int) -> list[str]:
    """A label's lines of at most `width` characters: at spaces in Latin text, anywhere in Chinese."""
    if any("\u4e00" <= ch <= "\u9fff" for ch in text):  # lines of even length: no lone character at the end
        size = -(-len(text) // -(-len(text) // width))
        return [text[i : i + size] for i in range(0, len(text), size)]
    return _wrap(text, width).split("<br>")


def _stack(wanted: list[float], heights: list[float], gap: float, top: float, bottom: float) -> list[float]:
    """Tops for boxes of `heights` kept in order, each as near its wanted centre as the others and the area allow."""
    tops: list[float] = []
    for i, (centre, height) in enumerate(zip(wanted, heights, strict=True)):  # down: none over the one before
        floor = tops[i - 1] + heights[i - 1] + gap if i else top
        tops.append(max(centre - height / 2, floor))
    limit = bottom
    for i in range(len(tops) - 1, -1, -1):  # up: none below the area's foot, none over the one after it
        tops[i] = max(min(tops[i], limit - heights[i]), top)
        limit = tops[i] - gap
    return tops


def _timeline_label(date: str, title: str, lang: str) -> list[str]:
    """A timeline label's lines, escaped: '<b>7 Dec 2024</b> · 8th Mayors' Joint Meeting …'."""
    lines = [html.escape(line) for line in _label_lines(f"{date} · {title}", TIMELINE_LABEL_WIDTH[lang])]
    date = html.escape(date)
    if lines[0].startswith(date):
        lines[0] = f"<b>{date}</b>{lines[0][len(date) :]}"
    return lines


def make_timeline_slide_figure(chart: Chart, lang: str) -> go.Figure:
    """The timeline for a big screen: time running down one vertical axis, a dot per event (its kind's colour, open
    when only the year is known), and every event's date and title beside it, on alternate sides, each label stacked
    clear of the others and joined to its dot by a thin line (in time order on each side: no two lines cross).
    `chart` is make_timeline_figure's: its points, their rows in its table. Drawn in the units of a plot area of
    TIMELINE_SLIDE_PX pixels."""
    width, height = TIMELINE_SLIDE_PX
    points = []  # (date, kind's trace, row in the table, symbol)
    for trace in chart.figure.data:
        symbols = trace.marker.symbol if isinstance(trace.marker.symbol, (list, tuple)) else [trace.marker.symbol]
        for i, (when, row) in enumerate(zip(trace.x, trace.customdata, strict=True)):
            points.append((pd.Timestamp(when), trace, int(row), symbols[i % len(symbols)]))
    fig = go.Figure()
    if not points:
        return fig
    points.sort(key=lambda p: (p[0], p[2]))
    first, span = points[0][0], max((points[-1][0] - points[0][0]).total_seconds(), 1.0)
    # Each dot at its date on the axis, nudged along it just clear of its neighbours (events on one day, or close).
    wanted = [
        TIMELINE_LINE_PX + (p[0] - first).total_seconds() / span * (height - 2 * TIMELINE_LINE_PX) for p in points
    ]
    steps = [TIMELINE_DOT_STEP_PX] * len(points)
    ys = [top + TIMELINE_DOT_STEP_PX / 2 for top in _stack(wanted, steps, 0, 0, height)]
    dates, titles = chart.table[t("date", lang)].tolist(), chart.table[t("title", lang)].tolist()
    labels = [_timeline_label(dates[p[2]], titles[p[2]], lang) for p in points]
    sides = [1 if i % 2 == 0 else -1 for i in range(len(points))]  # right, left, right…
    tops = [0.0] * len(points)
    for side in (1, -1):
        chosen = [i for i in range(len(points)) if sides[i] == side]
        heights = [len(labels[i]) * TIMELINE_LINE_PX for i in chosen]
        placed = _stack([ys[i] for i in chosen], heights, TIMELINE_LABEL_GAP_PX, 0, height)
        for i, top in zip(chosen, placed, strict=True):
            tops[i] = top
    grey = {"color": "#BBBBBB", "width": 1.5}
    fig.add_scatter(x=[0, 0], y=[0, height], mode="lines", line=grey, hoverinfo="skip", showlegend=False)
    fig.add_scatter(  # from each dot to the middle of its label's first line
        x=[v for side in sides for v in (0, side * (TIMELINE_LABEL_X_PX - 6), None)],
        y=[v for y, top in zip(ys, tops, strict=True) for v in (y, top + TIMELINE_LINE_PX / 2, None)],
        mode="lines",
        line=grey,
        hoverinfo="skip",
        showlegend=False,
    )
    for trace in chart.figure.data:  # the dots, one trace per kind (the legend)
        chosen = [i for i, p in enumerate(points) if p[1] is trace]
        fig.add_scatter(
            x=[0] * len(chosen),
            y=[ys[i] for i in chosen],
            mode="markers",
            name=trace.name,
            marker={**trace.marker.to_plotly_json(), "size": TIMELINE_DOT_PX, "symbol": [points[i][3] for i in chosen]},
            hovertext=["<br>".join(labels[i]) for i in chosen],
            hoverinfo="text",
        )
    for side, position in ((1, "bottom right"), (-1, "bottom left")):
        chosen = [i for i in range(len(points)) if sides[i] == side]
        fig.add_scatter(
            x=[side * TIMELINE_LABEL_X_PX] * len(chosen),
            y=[tops[i] for i in chosen],
            mode="text",
            text=["<br>".join(labels[i]) for i in chosen],
            textposition=position,
            textfont={"size": TIMELINE_LABEL_PX},
            cliponaxis=False,
            hoverinfo="skip",
            showlegend=False,
            name="",
        )
    hidden = {"visible": False, "showgrid": False, "zeroline": False, "fixedrange": True}
    fig.update_layout(
        font={"family": FONT},
        plot_bgcolor="white",
        paper_bgcolor="white",
        margin={"l": 10, "r": 10, "t": 20, "b": 10},
        xaxis={**hidden, "range": [-width / 2, width / 2]},
        yaxis={**hidden, "range": [height, 0]},
        hovermode="closest",
    )
    return fig


def _start_day(when: str) -> str:
    """A partial date drawn at its first day: 2024 → 2024-01-01, 2024-12 → 2024-12-01."""
    parts = when.split("-")
    return "-".join([*parts, *(["01"] * (3 - len(parts)))])


def make_trend_figure(
    rows: pd.DataFrame, conflicts: list[bool], lang: str, title: str, filename: str, step: bool
) -> Chart:
    """One indicator over time: a line (steps when a value holds until the next report) per place in its colour,
    every report a marker carrying its source and evidence; reports that disagree stand side by side (⚠), and the
    line does not pass through them. `rows`: one indicator's reports in time order with their `when`."""
    rows = rows.reset_index(drop=True)
    fig = go.Figure()
    if rows.empty:
        return Chart(_layout(fig, title, lang), t("no_data", lang), rows, "", filename, title)
    unit = _unit(rows.iloc[0], lang)
    records = rows.to_dict("records")
    days = [pd.Timestamp(_start_day(r["when"])) for r in records]
    span = max((max(days) - min(days)).days, 30)
    shift = pd.Timedelta(days=max(1, round(span / 60)))  # reports that disagree at one time, side by side
    by_city: dict[str, list[int]] = {}
    for position, record in enumerate(records):
        by_city.setdefault(str(record["city"]), []).append(position)
    places = {c: i for i, c in enumerate((*schema.CITY_IDS, schema.REGION))}  # the usual order: Hohhot first
    by_city = dict(sorted(by_city.items(), key=lambda item: (places.get(item[0], len(places)), item[0])))
    parts = []
    for order, (city, positions) in enumerate(by_city.items()):
        name, color = city_label(city, lang), city_color(city)
        points: dict[str, set[float]] = {}  # the line passes through the times whose reports agree
        for p in positions:
            points.setdefault(records[p]["when"], set()).add(float(records[p]["value"]))
        disputed = {records[p]["when"] for p in positions if conflicts[p]}
        agreed = [(w, next(iter(v))) for w, v in points.items() if len(v) == 1 and w not in disputed]
        if len(agreed) > 1:
            fig.add_scatter(
                x=[pd.Timestamp(_start_day(w)) for w, _ in agreed],
                y=[v for _, v in agreed],
                mode="lines",
                line={"color": color, "width": 3, "shape": "hv" if step else "linear"},
                name=name,
                hoverinfo="skip",
                showlegend=False,
            )
        seen: dict[str, int] = {}
        xs = []
        for p in positions:
            k = seen.get(records[p]["when"], 0) if conflicts[p] else 0
            if conflicts[p]:
                seen[records[p]["when"]] = k + 1
            xs.append(days[p] + shift * k)
        fig.add_scatter(
            customdata=positions,
            x=xs,
            y=[records[p]["value"] for p in positions],
            mode="markers+text",
            marker={
                "color": color,
                "size": 12,
                "symbol": ["diamond" if conflicts[p] else "circle" for p in positions],
                "line": {"color": "white", "width": 1},
            },
            text=[_label_text(_value(records[p], lang)) + (" ⚠" if conflicts[p] else "") for p in positions],
            textposition="top center" if order % 2 == 0 else "bottom center",  # two places' labels apart
            name=name,
            hovertext=[
                f"{name}: {_label_text(_value(records[p], lang))}<br>{format_date(records[p]['when'], lang)}"
                f"<br>{t('source', lang)}: {html.escape(records[p][col('cite', lang)])}"
                f"<br>{html.escape(_quote(records[p], lang))}"
                for p in positions
            ],
            hoverinfo="text",
            cliponaxis=False,
        )
        values = [records[p] for p in positions]
        first, last = values[0], values[-1]
        disputed_values = {records[p]["value"] for p in positions if conflicts[p]}
        if disputed_values:  # a disagreement is told as one, never as a change
            shown = " / ".join(format_number(v, lang) for v in sorted(disputed_values | {last["value"]}))
            parts.append(f"{name} {shown}" + t("aside", lang, text=t("conflict", lang)))
        elif len({r["value"] for r in values}) == 1:
            parts.append(f"{name} {format_number(last['value'], lang)}")
        else:
            parts.append(
                f"{name} {format_number(first['value'], lang)}{t('aside', lang, text=format_date(first['when'], lang))}"
                f" → {format_number(last['value'], lang)}{t('aside', lang, text=format_date(last['when'], lang))}"
            )
    fig.update_yaxes(title_text=t("unit_axis", lang, unit=unit), rangemode="tozero")
    months = (max(days) - min(days)).days / 30.4
    dtick = "M1" if months <= 8 else "M3" if months <= 24 else "M12" if months <= 120 else "M24"
    yearly = dtick in ("M12", "M24")
    fig.update_xaxes(type="date", dtick=dtick, tick0="2000-01-01")
    fig.update_xaxes(tickformat=t("year_axis_format" if yearly else "date_axis_format", lang))
    if months < 1:  # one month or less: give the axis a month either side
        fig.update_xaxes(range=[min(days) - pd.Timedelta(days=45), max(days) + pd.Timedelta(days=45)])
    _layout(fig, title, lang)
    fig.update_layout(legend={"orientation": "h", "y": -0.2}, showlegend=len(by_city) > 1)
    summary = t("summary_trend", lang, name=_name(rows.iloc[0], lang), unit=unit, parts=join(parts, lang, "clause_sep"))
    twin = _twin(rows, lang)
    twin.insert(5, t("trend_when", lang), [format_date(r["when"], lang) for r in records])
    return Chart(
        fig, summary, twin, source_line(rows, lang), filename, title, latest_citations(rows, lang), figure_refs(rows)
    )


def make_city_slots_figure(slots: list, lang: str, title: str, filename: str, indicator_name: str = "") -> Chart:
    """One row per city, always four (then the region when reported), as horizontal bars so long names stay level:
    each report a bar in its city's colour; two reports of one city two labelled sub-bars inside its row, each with
    its value, its source and ⚠ when they disagree; an empty row is a dotted box saying "not reported".
    `slots`: hbeu_dash.views.trends.Slot, in order."""
    fig = go.Figure()
    reported = [r for slot in slots for r in slot.reports]
    rows = pd.DataFrame(reported)
    width = 0.72
    tickvals, ticktext, parts = [], [], []
    unit = _unit(reported[0], lang) if reported else ""
    top = max((float(r["value"]) for r in reported), default=1.0) or 1.0
    position = 0  # each report's row in the table twin (reports first, in slot order; then the empty places)
    for index, slot in enumerate(slots):
        name = city_label(slot.city, lang)
        tickvals.append(index)
        ticktext.append(name)
        n = len(slot.reports)
        if n == 0:
            empty = t("not_reported" if slot.selected else "not_selected", lang)
            fig.add_shape(
                type="rect",
                y0=index - width / 2,
                y1=index + width / 2,
                x0=0,
                x1=top * 0.12,
                line={"color": "#767676", "dash": "dot", "width": 1},
                fillcolor="rgba(0,0,0,0)",
            )
            fig.add_annotation(
                y=index,
                x=top * 0.12,
                text=empty,
                showarrow=False,
                xanchor="left",
                xshift=6,
                font={"color": "#595959", "size": 13},
            )
            parts.append(f"{name} {empty}")
            continue
        sub = width / n

        def label_of(record: dict, slot: object = slot, n: int = n) -> str:
            text = _label_text(_value(record, lang)) + (" ⚠" if slot.conflict else "")
            outlet = record[col("cite", lang)].split(transforms.CITATION_SEP)[0]
            return f"{text} · {_label_text(outlet)}" if n > 1 else text

        fig.add_bar(
            customdata=list(range(position, position + n)),
            orientation="h",
            y=[index - width / 2 + sub * (k + 0.5) for k in range(n)],
            x=[r["value"] for r in slot.reports],
            width=[sub * 0.88] * n,
            name=name,
            marker={"color": city_color(slot.city), "line": {"color": "#333333", "width": 2 if slot.conflict else 0}},
            text=[label_of(r) for r in slot.reports],
            textposition="outside",
            textfont={"size": 13},
            constraintext="none",
            hovertext=[
                f"{name}: {_label_text(_value(r, lang))}<br>{t('as_of', lang)} {format_date(r['as_of'], lang)}"
                f"<br>{t('source', lang)}: {html.escape(r[col('cite', lang)])}<br>{html.escape(_quote(r, lang))}"
                for r in slot.reports
            ],
            hoverinfo="text",
            cliponaxis=False,
        )
        position += n
        shown = " / ".join(format_number(v, lang) for v in sorted({r["value"] for r in slot.reports}))
        flag = t("aside", lang, text=t("conflict", lang)) if slot.conflict else ""
        parts.append(f"{name} {shown}{flag}")
    fig.update_yaxes(
        tickvals=tickvals,
        ticktext=ticktext,
        range=[len(slots) - 0.5, -0.5],
        showgrid=False,
        zeroline=False,  # y = 0 is Hohhot's row: no line between its two bars
        automargin=True,
    )
    fig.update_xaxes(title_text=t("unit_axis", lang, unit=unit) if unit else "", range=[0, top * 1.9])
    _layout(fig, title, lang)
    fig.update_layout(showlegend=False, bargap=0.2, height=max(300, 90 + 62 * len(slots)))
    indicator = _name(reported[0], lang) if reported else indicator_name or title
    summary = t("summary_city_slots", lang, name=indicator, parts=join(parts, lang, "clause_sep"))
    twin = _slots_twin(slots, lang)
    refs = figure_refs(rows) if reported else ()
    refs = (*refs, *(() for slot in slots if not slot.reports))  # an empty place's row stands for no data row
    citations = latest_citations(rows, lang) if reported else {}
    return Chart(fig, summary, twin, source_line(rows, lang) if reported else "", filename, title, citations, refs)


def _slots_twin(slots: list, lang: str) -> pd.DataFrame:
    """The comparison's table: a row per report (with whether its place's reports disagree), then a row saying
    "not reported" for each empty place."""
    records = [r for slot in slots for r in slot.reports]
    table = _twin(pd.DataFrame(records), lang) if records else pd.DataFrame(columns=_twin_columns(lang))
    flags = [t("yes", lang) if slot.conflict else "" for slot in slots for _ in slot.reports]
    table[t("conflict", lang)] = flags
    empty = [slot for slot in slots if not slot.reports]
    if empty:
        blank = dict.fromkeys(table.columns, "")
        extra = [
            {
                **blank,
                t("city", lang): city_label(s.city, lang),
                t("value_text", lang): t("not_reported" if s.selected else "not_selected", lang),
            }
            for s in empty
        ]
        table = pd.concat([table, pd.DataFrame(extra, columns=table.columns)], ignore_index=True)
        table[t("value", lang)] = pd.to_numeric(table[t("value", lang)], errors="coerce")
    return table


def _twin_columns(lang: str) -> list[str]:
    keys = ["indicator", "city", "value", "unit", "value_text", "period", "as_of", "source"]
    return [t(k, lang) for k in keys] + [t(c, lang) for c in original_columns("evidence", lang)]


_CHAR = re.compile(r"&#?\w+;|.", re.S)


def _wrap(text: str, width: int) -> str:
    """Break a long axis label into lines of about `width` characters (plotly does not wrap)."""
    if len(text) <= width:
        return text
    if " " in text:
        lines, line = [], ""
        for word in text.split():
            if line and len(line) + 1 + len(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        lines.append(line)
        return "<br>".join(lines)
    chars = _CHAR.findall(text)  # an escaped entity (&amp;) counts as one character and is never cut
    return "<br>".join("".join(chars[i : i + width]) for i in range(0, len(chars), width))


def _twin(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The table behind a chart: what, where, how much, as written, as of, source and evidence."""
    records = rows.to_dict("records")
    return pd.DataFrame(
        {
            t("indicator", lang): [_name(r, lang) for r in records],
            t("city", lang): [city_label(r["city"], lang) for r in records],
            t("value", lang): [r["value"] for r in records],
            t("unit", lang): [_unit(r, lang) for r in records],
            t("value_text", lang): [r["value_text"] for r in records],
            t("period", lang): [_period_note(r, lang) for r in records],
            t("as_of", lang): [format_date(r["as_of"], lang) for r in records],
            t("source", lang): [r[col("cite", lang)] for r in records],
            **evidence_columns(records, lang),
        }
    )


def _quote(row: dict, lang: str) -> str:
    return quote_evidence(row["evidence"], row.get("evidence_en"), lang)


# Type on a big screen: body text at least 1/50 of a 1080-pixel screen's height.
SCREEN_FONT_PX = 22


def _recolor(value: object, colors: dict[str, str]) -> object:
    if isinstance(value, str):
        return colors.get(value.upper(), value)
    if isinstance(value, (list, tuple)):
        return [_recolor(v, colors) for v in value]
    return value


# Characters per line of a category label on a big screen (CJK characters are about twice as wide).
SCREEN_TICK_WIDTH = {"cjk": 8, "latin": 16}


def _screen_tick(text: str) -> str:
    """A category label wrapped for the big screen: each line (and each <sub> line) at most a few words long."""
    cjk = any("\u4e00" <= ch <= "\u9fff" for ch in text)
    width = SCREEN_TICK_WIDTH["cjk" if cjk else "latin"]
    lines = []
    for part in text.split("<br>"):
        if part.startswith("<sub>") and part.endswith("</sub>"):
            lines += [f"<sub>{line}</sub>" for line in _wrap(part[5:-6], int(width * 1.4)).split("<br>")]
        else:
            lines += _wrap(part, width).split("<br>")
    return "<br>".join(lines)


def _wrap_categories(fig: go.Figure) -> None:
    """Wrap the category labels of bar and waterfall charts (plotly does not wrap) and keep them level."""
    categories: list[str] = []
    for trace in fig.data:
        if trace.type in ("bar", "waterfall") and trace.x is not None and all(isinstance(x, str) for x in trace.x):
            categories += [x for x in trace.x if x not in categories]
    if categories:
        fig.update_xaxes(
            tickmode="array", tickvals=categories, ticktext=[_screen_tick(c) for c in categories], tickangle=0
        )


PHONE_TICK_WIDTH = {"cjk": 20, "latin": 40}  # characters in a line of a bar's name above the bar at 390 px
PHONE_BAR_PX, PHONE_LINE_PX = 22, 17
PHONE_PLOT_PX = 340  # the plot's width on a 390 px phone, between the slide's margins


def _phone_name(text: str) -> str:
    """A bar's name for the line above it on a phone: the page's line breaks dropped, wrapped to the screen's width
    (a <sub> line stays a smaller line of its own)."""
    cjk = sum("\u4e00" <= ch <= "\u9fff" for ch in text) * 2 > len(text.replace(" ", ""))  # mostly Chinese
    width = PHONE_TICK_WIDTH["cjk" if cjk else "latin"]
    main, subs = [], []
    for part in text.split("<br>"):
        (subs if part.startswith("<sub>") and part.endswith("</sub>") else main).append(part.removeprefix("<sub>"))
    lines = _wrap(("" if cjk else " ").join(main), width).split("<br>") if main else []
    for sub in subs:
        lines += [f"<sub>{line}</sub>" for line in _wrap(sub.removesuffix("</sub>"), int(width * 1.4)).split("<br>")]
    return "<br>".join(lines)


def _names_above_bars(screen: go.Figure, top_px: int | None = None) -> None:
    """Bars across on a phone: each bar's name on its own lines above it, left-aligned, so the bars and their values
    take the screen's whole width (names to the left would leave them a sliver of 390 px). `top_px`: the top margin
    to keep (a page's chart keeps its title), else the least that leaves room for a label over the plot."""
    bars = [t for t in screen.data if t.type in ("bar", "waterfall") and t.orientation == "h" and t.y is not None]
    names = [str(c) for c in screen.layout.yaxis.categoryarray or ()]  # every category on the axis: the bars',
    for trace in screen.data:  # and any marker's (a target, a missing value)
        if trace.y is not None and all(isinstance(y, str) for y in trace.y):
            names += [y for y in trace.y if y not in names]
    if not names:  # bars at numbers, named by the axis' own labels (to the left): the values in the rest
        left_px = max((len(str(text)) * 8 + 12 for text in screen.layout.yaxis.ticktext or ()), default=40)
        plot_px = PHONE_PLOT_PX - left_px
        broken = False
        for trace in bars:  # a value with its source too long for the line: the source on a second line
            texts = list(trace.text) if isinstance(trace.text, (list, tuple)) else None
            if texts and any(_text_px(text) > plot_px * 0.6 and " · " in str(text) for text in texts):
                trace.text = [str(text).replace(" · ", "<br>", 1) for text in texts]
                broken = True
        if broken:  # two lines want thicker bars
            screen.update_layout(height=int((screen.layout.height or 450) * 1.8))
        _room_for_values(screen, bars, plot_px)
        return
    labels = {name: _phone_name(name) for name in names}
    lines = max(label.count("<br>") + 1 for label in labels.values())
    above = any(a.yref == "paper" and (a.y or 0) >= 1 for a in screen.layout.annotations)  # a label over the plot
    top = top_px if top_px is not None else 32 if above else 12
    margin = {"t": top, "l": 8, "r": 12, "b": screen.layout.margin.b or 95}
    needed = len(names) * (PHONE_BAR_PX + lines * PHONE_LINE_PX + 12)  # a bar, its name's lines, a gap
    height = max(screen.layout.height or 0, needed + margin["t"] + margin["b"])
    slot = (height - margin["t"] - margin["b"]) / len(names)
    screen.update_layout(
        height=height,
        margin=margin,
        bargap=1 - PHONE_BAR_PX / slot,
        waterfallgap=1 - PHONE_BAR_PX / slot,
    )
    screen.layout.annotations = [
        *screen.layout.annotations,
        *(
            {
                "text": label,
                "x": 0,
                "xref": "paper",
                "xanchor": "left",
                "y": name,
                "yref": "y",
                "yanchor": "bottom",
                "yshift": PHONE_BAR_PX / 2 + 2,
                "showarrow": False,
                "align": "left",
                "font": {"size": 13},
            }
            for name, label in labels.items()
        ),
    ]
    for axis in {_layout_axis(trace.yaxis, "y") for trace in bars}:
        screen.layout[axis].update(showticklabels=False, title_text=None, automargin=False)
    _room_for_values(screen, bars, PHONE_PLOT_PX)


def _layout_axis(ref: str | None, letter: str) -> str:
    """The layout key of a trace's axis reference: "x2" -> "xaxis2", None -> "xaxis"."""
    return f"{letter}axis{(ref or letter)[1:]}"


def _text_px(text: object) -> float:
    """About how wide a value's text is in the pages' 13 px type (its longest line), with a little air."""
    lines = str(text).split("<br>")
    return max(sum(13 if "\u4e00" <= ch <= "\u9fff" else 7 for ch in line) for line in lines) + 10


def _bar_ends(trace: object) -> list[float | None]:
    """Where each bar ends on the value axis: its value, or a waterfall step's running total."""
    values = [None if v is None or pd.isna(v) else float(v) for v in trace.x]
    if trace.type != "waterfall":
        return values
    ends, total = [], 0.0
    for value, measure in zip(values, trace.measure or ["relative"] * len(values), strict=False):
        if measure == "absolute":
            total = value or 0.0
        elif measure == "relative":
            total += value or 0.0
        ends.append(total)
    return ends


def _room_for_values(screen: go.Figure, bars: list, plot_px: float) -> None:
    """Room right of each bar for its value written outside it: the axis runs far enough that each text fits in a
    plot `plot_px` wide (plotly would shrink or clip it)."""
    reach = 0.0
    for trace in bars:
        texts = list(trace.text) if isinstance(trace.text, (list, tuple)) else [trace.text or ""] * len(trace.x)
        for end, text in zip(_bar_ends(trace), texts, strict=False):
            if end is None or end < 0:
                continue
            reach = max(reach, end * plot_px / max(plot_px - _text_px(text), 12))  # a bar at least 12 px
    if reach > 0:  # only the bars' own axis (a figure of two panels has a time axis too)
        for axis in {_layout_axis(trace.xaxis, "x") for trace in bars}:
            screen.layout[axis].update(range=[0, reach], autorange=False)


def _fit_phone(screen: go.Figure, page: bool = False) -> None:
    """A chart on a phone, in the pages' type sizes: labels level, the plot as wide as the screen; columns turned into
    bars across with their names above them, values beside bars with room, a time axis with few dates and a number
    axis' labels inside the plot. A slide's chart loses its title (the slide has it); a page's (`page`) keeps it."""
    if page:
        screen.update_layout(margin={"r": 12, "l": 8})
    else:
        screen.update_layout(title=None, margin={"t": 12, "r": 12})
    screen.update_xaxes(tickangle=0, automargin=True)
    screen.update_yaxes(automargin=True)
    columns = [t for t in screen.data if t.type == "bar" and t.orientation != "h"]
    if columns and len(columns) == len(screen.data):  # columns with long names: bars across
        x_title, y_title = screen.layout.xaxis.title.text, screen.layout.yaxis.title.text
        for trace in columns:
            trace.update(orientation="h", x=trace.y, y=trace.x)
        screen.update_xaxes(title_text=y_title, type=None, tickformat=None)
        screen.update_yaxes(title_text=x_title, autorange="reversed", type=None)
    if any(t.type in ("bar", "waterfall") and t.orientation == "h" for t in screen.data):
        _names_above_bars(screen, top_px=screen.layout.margin.t if page else None)
        screen.update_xaxes(nticks=4)
    if all(t.type == "scatter" for t in screen.data):  # a time axis: few dates
        screen.update_xaxes(nticks=3)
        numeric = all(t.y is None or all(isinstance(v, (int, float)) for v in t.y) for t in screen.data)
        if numeric:  # the numbers inside the plot, clear of the dates under it
            screen.update_yaxes(ticklabelposition="inside top")
    _values_inward(screen)


def _values_inward(screen: go.Figure) -> None:
    """A value written over the first or the last point of a time axis leans into the plot, not off its edge."""
    try:
        xs = sorted({pd.Timestamp(x) for t in screen.data if t.type == "scatter" and t.x is not None for x in t.x if x})
    except (ValueError, TypeError):  # not a time axis
        return
    if len(xs) < 2:
        return
    for trace in screen.data:
        if not (trace.type == "scatter" and trace.mode and "text" in trace.mode and trace.x is not None):
            continue
        at = [pd.Timestamp(x) if x is not None else None for x in trace.x]
        position = trace.textposition if isinstance(trace.textposition, str) else "top center"
        vertical = position.split()[0] if " " in position else "top"
        trace.textposition = [
            f"{vertical} left" if x == xs[-1] else f"{vertical} right" if x == xs[0] else position for x in at
        ]


def make_phone_figure(fig: go.Figure) -> go.Figure:
    """A copy of a page's chart drawn for a phone (ui/screen.py says when): its title kept, the rest as _fit_phone."""
    phone = go.Figure(fig)
    _fit_phone(phone, page=True)
    return phone


def make_screen_figure(fig: go.Figure, dark: bool = False, phone: bool = False) -> go.Figure:
    """A copy of a chart for a big screen: type at SCREEN_FONT_PX, no title (the slide shows it), the height left to
    the slide, and in the dark theme a dark background with every colour swapped for its high-contrast twin. For a
    slide on a phone (`phone`) the page's own type sizes are kept: the wall's would not fit 390 px."""
    screen = go.Figure(fig)
    if phone:  # its own height too: the slide's body scrolls on a phone; labels level, values inside the plot
        _fit_phone(screen)
    else:
        screen.update_layout(
            title=None,
            height=None,
            font={"size": SCREEN_FONT_PX},
            margin={"t": 20},
            legend={
                "font": {"size": SCREEN_FONT_PX},
                "orientation": "h",
                "yref": "paper",
                "y": 1.02,
                "yanchor": "bottom",
                "x": 0,
            },
            hoverlabel={"font": {"size": SCREEN_FONT_PX}},
        )
        screen.update_traces(textfont_size=SCREEN_FONT_PX, selector={"type": "bar"})
        for trace in screen.data:  # labels drawn as text (city and river names on the map)
            if trace.type == "scatter" and trace.mode and "text" in trace.mode:
                trace.textfont.size = max(trace.textfont.size or 0, SCREEN_FONT_PX)
        _wrap_categories(screen)
    if not dark:
        return screen
    colors = {k.upper(): v for k, v in DARK_COLORS.items()}
    screen.update_layout(
        paper_bgcolor=DARK_BACKGROUND,
        plot_bgcolor=DARK_BACKGROUND,
        font={"color": DARK_TEXT},
        legend={"font": {"color": DARK_TEXT}},
    )
    screen.update_xaxes(gridcolor=colors["#E5E5E5"], zerolinecolor=colors["#BBBBBB"], linecolor=colors["#BBBBBB"])
    screen.update_yaxes(gridcolor=colors["#E5E5E5"], zerolinecolor=colors["#BBBBBB"], linecolor=colors["#BBBBBB"])
    for trace in screen.data:
        for part in ("marker", "line"):
            holder = getattr(trace, part, None)
            if holder is not None and getattr(holder, "color", None) is not None:
                holder.color = _recolor(holder.color, colors)
        if getattr(trace, "marker", None) is not None and getattr(trace.marker, "line", None) is not None:
            if trace.marker.line.color is not None:
                trace.marker.line.color = _recolor(trace.marker.line.color, colors)
        for side in ("increasing", "decreasing", "totals"):  # waterfall bars
            marker = getattr(getattr(trace, side, None), "marker", None)
            if marker is not None and marker.color is not None:
                marker.color = _recolor(marker.color, colors)
        if getattr(trace, "textfont", None) is not None and trace.textfont.color is not None:
            trace.textfont.color = _recolor(trace.textfont.color, colors)
    for annotation in screen.layout.annotations or ():
        annotation.font.color = DARK_TEXT
    return screen


def fit_screen_text(figure: go.Figure) -> go.Figure:
    """What charts.make_screen_figure leaves small on a screen figure: its notes (annotations: '未报告',
    '没有实测数据', a target's mark) at the screen's type size on the chart's background (a note crossing a target's
    line stays legible), with room above the plot for a note standing on its top edge; a horizontal bar's label at
    that size however thin the bar (plotly shrinks it to the bar's thickness otherwise)."""
    notes = figure.layout.annotations or ()
    background = figure.layout.paper_bgcolor or "white"
    for note in notes:
        if note.font.size is not None and note.font.size < SCREEN_FONT_PX:
            note.font.size = SCREEN_FONT_PX
        if note.text and note.bgcolor is None:
            note.bgcolor = background
    if any(n.yref == "paper" and (n.y or 0) >= 1 and n.yanchor == "bottom" for n in notes):
        figure.update_layout(margin={"t": 2 * SCREEN_FONT_PX})
    figure.update_traces(constraintext="none", selector={"type": "bar", "orientation": "h"})
    # an axis title clear of its tick labels grown to the screen's size (plotly places it for the smaller ones)
    figure.update_xaxes(automargin=True, title_standoff=SCREEN_FONT_PX)
    figure.update_yaxes(automargin=True, title_standoff=SCREEN_FONT_PX)
    return figure


# Every button plotly's mode bar would show on our (cartesian) charts but the PNG download: the zoom and pan buttons
# crowded a phone's chart and covered its title. Streamlit adds its own full-screen button after these.
MODEBAR_REMOVED = (
    "zoom2d",
    "pan2d",
    "select2d",
    "lasso2d",
    "zoomIn2d",
    "zoomOut2d",
    "autoScale2d",
    "resetScale2d",
    "hoverClosestCartesian",
    "hoverCompareCartesian",
    "toggleSpikelines",
)


def png_config(filename: str, lang: str = "en") -> dict:
    """Plotly toolbar config: the PNG download named after the chart, no other plotly button (Streamlit adds its
    full-screen one); on a Chinese page the mode bar's titles, the month names of date axes and plotly's notices in
    Chinese (a locale given with the chart, plotly's `locales` option: nothing to register in the page)."""
    config = {
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2},
        "modeBarButtonsToRemove": list(MODEBAR_REMOVED),
    }
    return {**config, **plotly_locale(lang)}


__all__ = [
    "CITY_COLORS",
    "Chart",
    "Ref",
    "make_breakdown_figure",
    "make_city_reports_figure",
    "make_identity_figure",
    "make_status_figure",
    "make_timeline_figure",
    "png_config",
]


def side_by_side(left: Chart, right: Chart, lang: str, title: str, filename: str) -> Chart:
    """Two charts as one figure of two panels, the first above the second (one plotly element on the page instead of
    two: the overview's trend over its four-city comparison; one above the other, each keeps the page's full width,
    so both read on a 390 px phone as on a wall), each panel under its own title; one table twin (the first chart's
    rows, then the second's, a column naming the panel), one summary (both sentences), one source line (every source
    of both)."""
    heights = [left.figure.layout.height or 380, right.figure.layout.height or 380]
    fig = make_subplots(
        rows=2,
        cols=1,
        subplot_titles=tuple(_wrap(_label_text(c.title), TITLE_WIDTH[lang]) for c in (left, right)),
        row_heights=heights,
        vertical_spacing=0.2,
    )
    offset = len(left.table)
    for row_index, chart, shift in ((1, left, 0), (2, right, offset)):
        for trace in chart.figure.data:
            moved = go.Figure(trace).data[0]  # a copy
            if shift and moved.customdata is not None:
                moved.customdata = [c + shift for c in moved.customdata]
            moved.showlegend = bool(trace.showlegend is not False and row_index == 1)
            fig.add_trace(moved, row=row_index, col=1)
        suffix = "" if row_index == 1 else "2"
        for shape in chart.figure.layout.shapes or ():
            fig.add_shape(shape.update(xref=f"x{suffix}", yref=f"y{suffix}"))
        for note in chart.figure.layout.annotations or ():
            fig.add_annotation(note.update(xref=f"x{suffix}", yref=f"y{suffix}"))
        fig.update_xaxes(chart.figure.layout.xaxis, row=row_index, col=1)
        fig.update_yaxes(chart.figure.layout.yaxis, row=row_index, col=1)
    for heading in fig.layout.annotations[:2]:
        heading.update(font={"size": 16}, xanchor="left", x=0)  # each panel's title over its left edge
    _layout(fig, "", lang, height=int(sum(heights) * 0.85) + 60)
    fig.update_layout(
        title=None,
        margin={"t": 50},
        showlegend=True,
        # under the first panel's dates (the second's bars name their cities)
        legend={"orientation": "h", "yanchor": "top", "y": fig.layout.yaxis.domain[0] - 0.06, "x": 0},
        bargap=right.figure.layout.bargap,
    )
    panel = t("chart_panel", lang)
    table = pd.concat(
        [left.table.assign(**{panel: left.title}), right.table.assign(**{panel: right.title})], ignore_index=True
    )
    table = table[[panel, *[c for c in table.columns if c != panel]]]
    text = [c for c in table.columns if not pd.api.types.is_numeric_dtype(table[c])]
    table[text] = table[text].fillna("")  # a column only one panel has is empty in the other's rows
    citations = {**left.citations}
    for source, as_of in right.citations.items():
        citations[source] = max(citations.get(source, ""), as_of)
    return Chart(
        fig,
        f"{left.summary} {right.summary}",
        table,
        format_citations(citations, lang),
        filename,
        title,
        citations,
        (*left.row_refs, *right.row_refs),
    )
