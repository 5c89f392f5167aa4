"""The city-cluster map as a plotly Figure, the deck's twin where pydeck cannot go: the offline briefing (HTML/PDF)
and the slides. The same river, markers, links and tooltips; on a slide, names placed clear of the links."""

import html
import math
from itertools import pairwise

import pandas as pd
import plotly.graph_objects as go

from hbeu_dash import i18n
from hbeu_dash.graphics import geo, palette
from hbeu_dash.graphics.charts import FONT
from hbeu_dash.graphics.maps.common import (
    MIN_SPAN_DEG,
    RIVER_COLOR,
    RIVER_LABEL_SIZE,
    RIVER_WIDTH_PX,
    add_city_markers,
    add_project_arcs,
    hex_to_rgba,
    view_bounds,
)

# The plotly twin, for offline HTML/PDF where pydeck cannot go (its HTML template loads CDN scripts). Cartesian axes
# only: plotly's geo traces fetch their topojson from a CDN.
FIGURE_HEIGHT_PX = 520
FIGURE_MARGIN = {"l": 8, "r": 8, "t": 8, "b": 64}
FIGURE_PAD_DEG = 0.4
FIGURE_LINK_WIDTH_PX = 3
# Points per drawn link: straight ones too, so hovering anywhere along a link shows its tooltip.
LINK_STEPS = 24
LIGHT = {"background": "#FFFFFF", "text": "#222222", "outline": "#FFFFFF"}
DARK = {"background": "#0f172a", "text": "#E2E8F0", "outline": "#0f172a"}
NO_VALUE_ALPHA_DARK = 150  # a city without a value stays visible on the dark background
METRES_PER_DEG_LAT = 111_320
MIN_MARKER_PX = 6


def hover_text(title: str, details: str) -> str:
    """The tooltip of the deck (title in bold, then the details) as plotly hover markup, escaped."""
    lines = [f"<b>{html.escape(title, quote=False)}</b>", *(html.escape(d, quote=False) for d in details.splitlines())]
    return "<br>".join(lines)


def _screen_color(color: str, dark: bool) -> str:
    """A city or stage colour, swapped for its high-contrast twin on the dark big screen."""
    return palette.DARK_COLORS.get(color, color) if dark else color


def rgba_css(rgba: list[int]) -> str:
    """[r, g, b, a] with a in 0–255 as a CSS rgba() colour."""
    r, g, b, a = rgba
    return f"rgba({r},{g},{b},{a / 255:.3f})"


def link_points(
    source: list[float],
    target: list[float],
    tilt: float,
    height: float,
    aspect: float,
    trim: tuple[float, float] = (0.0, 0.0),
) -> tuple[list[float], list[float]]:
    """A project link's points (lon, lat): the arc's bend as a quadratic curve whose apex is `height` × the chord
    away from it, on the side the tilt's sign says; straight when the height is 0. `aspect` is cos(latitude); `trim`
    leaves out those fractions of the link at its source and target ends (under the markers)."""
    (x0, y0), (x1, y1) = (source[0] * aspect, source[1]), (target[0] * aspect, target[1])
    side = 1 if tilt > 0 else -1 if tilt < 0 else 0
    bend = 2 * height * side  # a quadratic curve's apex is halfway to its control point
    cx, cy = (x0 + x1) / 2 - (y1 - y0) * bend, (y0 + y1) / 2 + (x1 - x0) * bend
    start, stop = trim[0], 1 - trim[1]
    steps = [start + (stop - start) * i / LINK_STEPS for i in range(LINK_STEPS + 1)]
    xs = [((1 - t) ** 2 * x0 + 2 * (1 - t) * t * cx + t**2 * x1) / aspect for t in steps]
    ys = [(1 - t) ** 2 * y0 + 2 * (1 - t) * t * cy + t**2 * y1 for t in steps]
    return xs, ys


def ground_metres(a: list[float], b: list[float], aspect: float) -> float:
    """The distance between two (lon, lat) points in metres, flat-earth (fine across a few hundred kilometres)."""
    return math.hypot((b[0] - a[0]) * aspect, b[1] - a[1]) * METRES_PER_DEG_LAT


def _joined(parts: list[list]) -> list:
    """Lists joined with None between them: several lines in one plotly trace."""
    out: list = []
    for part in parts:
        out.extend([*([None] if out else []), *part])
    return out


# The map on a slide: city names at 1/40 of a 1080 p screen's height or more, links drawn wider, the view fitted to
# the cities and their links (the bend's whole river would leave them small) in the shape of a slide's plot area.
SLIDE_CITY_LABEL_PX = 30
SLIDE_LINK_WIDTH_PX = 5
SLIDE_MARKER_SCALE = 1.6
SLIDE_PAD = 0.2  # of the cities' and links' span, around them (room for the names at the edges)
SLIDE_ASPECT = 2.6  # width / height of the map's plot area on a 16:9 slide (1808 × 683 px at 1080 p)
SLIDE_PLOT_WIDTH_PX = 1050  # at 720 p, the smallest screen: where a name covers the most ground
LABEL_SIDES = (
    "top center",
    "middle right",
    "middle left",
    "bottom center",
    "top left",
    "top right",
    "bottom left",
    "bottom right",
)
RIVER_WEIGHT = 0.2  # a name over the river costs less than over a link (the river is the map's backdrop)
LABEL_ROOM_PX = 10  # kept clear of lines around a name (its size is estimated)
NAME_GAP_PX = 10  # between a marker's rim and its name (its line box: the letters stand a little further)


def _slide_ranges(xs: list[float], ys: list[float], aspect: float) -> tuple[list[float], list[float]]:
    """Longitude and latitude ranges around these points, padded, widened or heightened to SLIDE_ASPECT (on the
    ground: a degree of longitude is `aspect` of one of latitude)."""
    west, east, south, north = min(xs), max(xs), min(ys), max(ys)
    width = max((east - west) * aspect, MIN_SPAN_DEG) * (1 + 2 * SLIDE_PAD)
    height = max(north - south, MIN_SPAN_DEG) * (1 + 2 * SLIDE_PAD)
    width, height = max(width, height * SLIDE_ASPECT), max(height, width / SLIDE_ASPECT)
    mid_x, mid_y = (west + east) / 2, (south + north) / 2
    half_x, half_y = width / aspect / 2, height / 2
    return [mid_x - half_x, mid_x + half_x], [mid_y - half_y, mid_y + half_y]


def _label_box(x: float, y: float, side: str, size: tuple[float, float], radius: float) -> tuple[float, ...]:
    """(left, bottom, right, top) in pixels of a name of `size` (w, h) set on `side` of a marker of `radius` at x, y."""
    w, h = size
    gap = radius + 4
    if side == "top center":
        return x - w / 2, y + gap, x + w / 2, y + gap + h
    if side == "bottom center":
        return x - w / 2, y - gap - h, x + w / 2, y - gap
    if side == "middle right":
        return x + gap, y - h / 2, x + gap + w, y + h / 2
    if side == "middle left":
        return x - gap - w, y - h / 2, x - gap, y + h / 2
    corner = 0.75 * gap  # a corner: set off diagonally
    left = x + corner if side.endswith("right") else x - corner - w
    bottom = y + corner if side.startswith("top") else y - corner - h
    return left, bottom, left + w, bottom + h


def _crossings(box: tuple[float, ...], points: list[tuple[float, float]]) -> int:
    left, bottom, right, top = box
    return sum(left <= px <= right and bottom <= py <= top for px, py in points)


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _link_pixels(
    fig: go.Figure, origin: tuple[float, float], scale: tuple[float, float], links: bool = True
) -> list[tuple[float, float]]:
    """The figure's links (or, not `links`, its other lines: the river) as points about 2 px apart, in pixels from
    `origin` at `scale` px per degree."""
    pixels = []
    for trace in fig.data:
        if trace.mode != "lines" or bool(trace.legendgroup) != links:
            continue
        for a, b in pairwise(zip(trace.x, trace.y, strict=True)):
            if a[0] is None or b[0] is None:
                continue
            ax, ay = (a[0] - origin[0]) * scale[0], (a[1] - origin[1]) * scale[1]
            bx, by = (b[0] - origin[0]) * scale[0], (b[1] - origin[1]) * scale[1]
            steps = max(int(math.hypot(bx - ax, by - ay) / 2), 1)
            pixels += [(ax + (bx - ax) * i / steps, ay + (by - ay) * i / steps) for i in range(steps + 1)]
    return pixels


def place_city_names(fig: go.Figure, names: go.Scatter, aspect: float) -> list[str]:
    """For each city, the side of its marker where its name crosses the fewest links and no marker or name placed
    before it (at the smallest screen's scale: there a name covers the most ground)."""
    (west, east), (south, _) = fig.layout.xaxis.range, fig.layout.yaxis.range
    scale_x = SLIDE_PLOT_WIDTH_PX / (east - west)
    links = _link_pixels(fig, (west, south), (scale_x, scale_x / aspect))
    river = _link_pixels(fig, (west, south), (scale_x, scale_x / aspect), links=False)
    centres = [((x - west) * scale_x, (y - south) * scale_x / aspect) for x, y in zip(names.x, names.y, strict=True)]
    radii = [d / 2 for d in names.marker.size]
    taken = [(cx - r, cy - r, cx + r, cy + r) for (cx, cy), r in zip(centres, radii, strict=True)]
    sides = []
    for i, ((cx, cy), r, text) in enumerate(zip(centres, radii, names.text, strict=True)):
        wide = sum(1.0 if "\u4e00" <= ch <= "\u9fff" else 0.6 for ch in html.unescape(text))
        size = (wide * SLIDE_CITY_LABEL_PX, 1.3 * SLIDE_CITY_LABEL_PX)
        costs = {}
        for side in LABEL_SIDES:  # in order of preference: the first of the cheapest wins
            box = _label_box(cx, cy, side, size, r)
            clash = sum(_overlap(box, other) for j, other in enumerate(taken) if j != i)
            room = (box[0] - LABEL_ROOM_PX, box[1] - LABEL_ROOM_PX, box[2] + LABEL_ROOM_PX, box[3] + LABEL_ROOM_PX)
            costs[side] = _crossings(room, links) + RIVER_WEIGHT * _crossings(room, river) + 1000 * clash
        sides.append(min(LABEL_SIDES, key=costs.__getitem__))
        taken.append(_label_box(cx, cy, sides[-1], size, r))
    return sides


def make_city_slide_figure(
    cities: pd.DataFrame,
    city_values: pd.DataFrame | None,
    projects: pd.DataFrame,
    lang: str,
    *,
    dark: bool = False,
) -> go.Figure:
    """make_city_figure for a big screen: the view fitted to the cities and their links, each city's name in large
    type on the side of its marker where it crosses no link, markers and links drawn larger. The axes keep their
    ranges (constrained by domain: plotly would otherwise widen them at every resize of the slide)."""
    fig = make_city_figure(cities, city_values, projects, lang, dark=dark)
    markers = next(tr for tr in fig.data if tr.mode == "markers+text")
    aspect = math.cos(math.radians(float(cities["lat"].mean()))) if len(cities) else 1.0
    markers.marker.size = [s * SLIDE_MARKER_SCALE for s in markers.marker.size]
    # The names on markers of their own, invisible and a little larger: plotly sets a name off by its marker's radius.
    names = go.Scatter(
        x=markers.x,
        y=markers.y,
        mode="markers+text",
        text=markers.text,
        textfont={"color": markers.textfont.color, "size": SLIDE_CITY_LABEL_PX},
        marker={"size": [s + 2 * NAME_GAP_PX for s in markers.marker.size], "color": "rgba(0,0,0,0)", "line_width": 0},
        hoverinfo="skip",
        showlegend=False,
        name="",
    )
    markers.update(mode="markers", text=None)
    xs, ys = list(names.x), list(names.y)
    for trace in fig.data:
        if trace.legendgroup:  # a stage's links
            trace.line.width = SLIDE_LINK_WIDTH_PX
            xs += [x for x in trace.x if x is not None]
            ys += [y for y in trace.y if y is not None]
    fig.add_trace(names)
    names = fig.data[-1]
    if not xs:
        return fig
    x_range, y_range = _slide_ranges(xs, ys, aspect)
    fig.update_xaxes(range=x_range, constrain="domain")
    fig.update_yaxes(range=y_range, constrain="domain")
    names.textposition = place_city_names(fig, names, aspect)
    for trace in fig.data:  # names drawn whole, the river's set inside the view (or left out when it is outside)
        if trace.mode and "text" in trace.mode:
            trace.cliponaxis = False
        if trace.mode == "text" and trace.x:
            at = (trace.x[0] - x_range[0]) / (x_range[1] - x_range[0])
            trace.visible = 0 <= at <= 1 and y_range[0] <= trace.y[0] <= y_range[1]
            trace.textposition = "top right" if at < 0.2 else "top left" if at > 0.8 else trace.textposition
    return fig


def make_city_figure(
    cities: pd.DataFrame,
    city_values: pd.DataFrame | None,
    projects: pd.DataFrame,
    lang: str,
    *,
    dark: bool = False,
) -> go.Figure:
    """The map as a plotly figure that needs no network: the Yellow River and its name, project links by stage
    (a legend of the stages shown), city markers sized like the deck's with their names, the deck's tooltips."""
    markers = add_city_markers(cities, city_values, lang)
    arcs = add_project_arcs(projects, cities, lang)
    lines = geo.load_context()
    west, south, east, north = view_bounds(cities, geo.BEND_BOUNDS)
    west, south, east, north = (
        west - FIGURE_PAD_DEG,
        south - FIGURE_PAD_DEG,
        east + FIGURE_PAD_DEG,
        north + FIGURE_PAD_DEG,
    )
    aspect = math.cos(math.radians((south + north) / 2))
    colours = DARK if dark else LIGHT
    fig = go.Figure()

    for kind in geo.KINDS:
        kind_lines = [line.points for line in lines if line.kind == kind]
        if kind_lines:
            fig.add_trace(
                go.Scatter(
                    x=_joined([[p[0] for p in points] for points in kind_lines]),
                    y=_joined([[p[1] for p in points] for points in kind_lines]),
                    mode="lines",
                    line={"color": RIVER_COLOR, "width": RIVER_WIDTH_PX},
                    hoverinfo="skip",
                    showlegend=False,
                    name=kind,
                )
            )
    river = geo.river_label(lines, lang)
    if river is not None:
        fig.add_trace(
            go.Scatter(
                x=[river.lon],
                y=[river.lat],
                mode="text",
                text=[river.text],
                textposition="top center",
                textfont={"color": RIVER_COLOR, "size": RIVER_LABEL_SIZE, "style": "italic"},
                hoverinfo="skip",
                showlegend=False,
                name=river.text,
            )
        )

    # Diameters in pixels at the figure's scale, so a marker covers the same ground as the deck's.
    plot_height = FIGURE_HEIGHT_PX - FIGURE_MARGIN["t"] - FIGURE_MARGIN["b"]
    px_per_metre = plot_height / ((north - south) * METRES_PER_DEG_LAT)
    diameters = [max(2 * r * px_per_metre, MIN_MARKER_PX) for r in markers["radius"]]
    # Links stop at the markers' rims, so hovering a marker shows the city, not a link ending under it.
    rims = {tuple(p): d / 2 / px_per_metre for p, d in zip(markers["position"], diameters, strict=True)}

    for status in palette.STATUS_COLORS:
        rows = arcs[arcs["status"] == status]
        if rows.empty:
            continue
        curves = []
        for r in rows.itertuples():
            chord = max(ground_metres(r.source, r.target, aspect), 1.0)
            trim = (rims.get(tuple(r.source), 0) / chord, rims.get(tuple(r.target), 0) / chord)
            curves.append(link_points(r.source, r.target, r.tilt, r.height, aspect, trim))
        texts = [hover_text(r.title, r.details) for r in rows.itertuples()]
        fig.add_trace(
            go.Scatter(
                x=_joined([xs for xs, _ in curves]),
                y=_joined([ys for _, ys in curves]),
                hovertext=_joined([[text] * len(xs) for text, (xs, _) in zip(texts, curves, strict=True)]),
                hovertemplate="%{hovertext}<extra></extra>",
                mode="lines",
                line={"color": _screen_color(palette.STATUS_COLORS[status], dark), "width": FIGURE_LINK_WIDTH_PX},
                name=i18n.label("status", status, lang),
                legendgroup=status,
            )
        )

    fig.add_trace(
        go.Scatter(
            x=[p[0] for p in markers["position"]],
            y=[p[1] for p in markers["position"]],
            mode="markers+text",
            marker={
                "size": diameters,
                "sizemode": "diameter",
                "color": [
                    rgba_css(hex_to_rgba(_screen_color(palette.city_color(city), dark), max(c[3], NO_VALUE_ALPHA_DARK)))
                    if dark
                    else rgba_css(c)
                    for city, c in zip(markers["city_id"], markers["color"], strict=True)
                ],
                "opacity": 1,  # the colours carry the deck's alpha; plotly's default for sized markers is 0.7
                "line": {"color": colours["outline"], "width": 1},
            },
            text=[html.escape(str(n), quote=False) for n in markers["name"]],  # plotly renders some HTML
            textposition="top center",
            textfont={"color": colours["text"], "size": 14},
            hovertext=[hover_text(t, d) for t, d in zip(markers["title"], markers["details"], strict=True)],
            hovertemplate="%{hovertext}<extra></extra>",
            customdata=list(markers["city_id"]),
            showlegend=False,
            name="",
        )
    )

    hidden = {"visible": False, "showgrid": False, "zeroline": False}
    fig.update_layout(
        height=FIGURE_HEIGHT_PX,
        margin=FIGURE_MARGIN,
        font={"family": FONT, "size": 13, "color": colours["text"]},
        paper_bgcolor=colours["background"],
        plot_bgcolor=colours["background"],
        showlegend=not arcs.empty,
        legend={"orientation": "h", "x": 0, "y": 0, "yanchor": "top", "font": {"size": 12}},
        hovermode="closest",
        hoverlabel={"bgcolor": "white", "font": {"family": FONT, "color": "#222222", "size": 12}, "align": "left"},
        # lon as x, lat as y: one degree of latitude is 1/cos(latitude) degrees of longitude on the ground
        xaxis={**hidden, "range": [west, east]},
        yaxis={**hidden, "range": [south, north], "scaleanchor": "x", "scaleratio": 1 / aspect},
    )
    return fig
