"""The target chart: each measured pair's latest travel time as a horizontal bar in the target's unit, the target a
vertical line, bounds marked (an arrow at the bar's end for 'more than'), the pairs nothing measures labelled."""

import html
from collections.abc import Sequence
from typing import Protocol

import plotly.graph_objects as go

from hbeu_dash.graphics.charts import FONT
from hbeu_dash.i18n import col, format_date, t
from hbeu_dash.model.units import LESS, MORE


# What the chart reads of a target check: its own input types, so the chart knows no view (views.targets.TargetCheck,
# PairCheck and Cited are what the app passes; any object with these attributes draws).
class Cited(Protocol):
    """A report the chart cites on hover: the value as its source words it, in the target's unit, its source."""

    unit_zh: str
    unit_en: str
    when: str

    def reads(self, lang: str) -> str: ...
    def converted(self, lang: str) -> str: ...
    def name(self, lang: str) -> str: ...
    def source(self, lang: str) -> str: ...
    def quote(self, lang: str) -> str: ...


class MeasuredPair(Protocol):
    """One measured scope: the report drawn, its value in the target's unit, its bound and verdict."""

    @property
    def drawn(self) -> Cited: ...
    @property
    def value(self) -> float: ...
    @property
    def bound(self) -> str: ...

    verdict: str

    def scope(self, lang: str) -> str: ...
    def verdict_text(self, lang: str) -> str: ...


class TargetCheck(Protocol):
    """A target and what was measured against it, as the chart draws it."""

    target: Sequence[Cited]
    pairs: Sequence[MeasuredPair]

    @property
    def values(self) -> tuple[float, ...]: ...
    @property
    def value(self) -> float: ...

    def title(self, lang: str) -> str: ...
    def target_text(self, lang: str) -> str: ...
    def missing_scopes(self, lang: str) -> list[str]: ...
    def citations(self, lang: str) -> list[str]: ...
    def cited_rows(self) -> list[tuple[str, object, str]]: ...


# A verdict's colour (Okabe–Ito, colour-blind safe); the bar's text says the verdict too, so colour is never alone.
VERDICT_COLORS = {"met": "#009E73", "over": "#D55E00", "about": "#E69F00", "unknown": "#8C8C8C"}
TARGET_COLOR = "#333333"
MISSING_COLOR = "#595959"
# The arrow inside the end of a bar whose value is a bound: pointing on for 'more than', back for 'under' (its tail's
# offset from its head, in pixels).
ARROW_PX = 34
BOUND_ARROWS = {MORE: -ARROW_PX, LESS: ARROW_PX}
ARROW_COLOR = "#FFFFFF"
ROW_PX = 64
# The x axis runs this far past the longest bar or the target: room for the label beside the bar.
HEADROOM = 1.7


def _inert(text: str) -> str:
    """Data text made inert for plotly, which renders a subset of HTML in labels and hovers."""
    return html.escape(str(text), quote=False)


def _hover(scope: str, report: Cited, check: TargetCheck, lang: str) -> str:
    converted = report.converted(lang)
    target = check.target[-1]
    lines = [
        f"<b>{_inert(scope)}</b>: {_inert(report.reads(lang))}" + (f" ({_inert(converted)})" if converted else ""),
        f"{_inert(report.name(lang))} · {_inert(t('target_when', lang))} {_inert(format_date(report.when, lang))}",
        f"{_inert(t('source', lang))}: {_inert(report.source(lang))}",
        _inert(report.quote(lang)),
        f"{_inert(t('target_mark', lang, value=check.target_text(lang)))} · {_inert(target.source(lang))}",
    ]
    return "<br>".join(lines)


def make_target_figure(check: TargetCheck, lang: str) -> go.Figure:
    """Horizontal bars, one per measured scope (its latest value in the target's unit, coloured and labelled by its
    verdict), then one labelled row per pair of the cluster nothing measures; the target a dashed vertical line whose
    marks carry its source and evidence on hover. Every bar's customdata is its row in `check.rows()`."""
    unit = getattr(check.target[-1], col("unit", lang))
    positions = _latest_positions(check)
    scopes = [p.scope(lang) for p in check.pairs]
    missing = check.missing_scopes(lang)
    categories = [*scopes, *missing]
    values = [p.value for p in check.pairs]
    top = max([*values, *check.values]) * HEADROOM or 1.0
    fig = go.Figure()
    if check.pairs:
        fig.add_bar(
            y=scopes,
            x=values,
            orientation="h",
            customdata=positions,
            marker_color=[VERDICT_COLORS[p.verdict] for p in check.pairs],
            text=[_inert(f"{p.drawn.reads(lang)} · {p.verdict_text(lang)}") for p in check.pairs],
            textposition="outside",
            textfont={"shadow": "auto"},  # a halo in the background's colour: legible where it crosses the target line
            cliponaxis=False,
            hovertext=[_hover(s, p.drawn, check, lang) for s, p in zip(scopes, check.pairs, strict=True)],
            hoverinfo="text",
            name="",
        )
    for scope, pair in zip(scopes, check.pairs, strict=True):
        if pair.bound in BOUND_ARROWS:  # the value is a bound: an arrow inside the bar's end says which way
            fig.add_annotation(
                x=pair.value,
                y=scope,
                ax=BOUND_ARROWS[pair.bound],
                ay=0,
                showarrow=True,
                arrowhead=2,
                arrowsize=1.2,
                arrowwidth=2.5,
                arrowcolor=ARROW_COLOR,
                text="",
                xshift=-4 if pair.bound == MORE else -(ARROW_PX + 4),
            )
    for scope in missing:
        fig.add_annotation(
            x=0,
            y=scope,
            text=_inert(t("target_not_measured", lang)),
            showarrow=False,
            xanchor="left",
            font={"color": MISSING_COLOR, "size": 13, "shadow": "auto"},
        )
    target_hover = "<br>".join(_inert(line) for line in check.citations(lang)[: len(check.target)])
    fig.add_scatter(
        x=[check.value] * len(categories),
        y=categories,
        mode="markers",
        marker={
            "symbol": "line-ns-open",
            "size": 22,
            "color": TARGET_COLOR,
            "line": {"width": 2, "color": TARGET_COLOR},
        },
        customdata=[0] * len(categories),  # the target's first row in the table twin
        hovertext=[target_hover] * len(categories),
        hoverinfo="text",
        name=t("target_kind_target", lang),
    )
    # The target's line as a trace on a hidden axis spanning the plot (0 to 1), not a layout shape: a big screen's
    # dark theme recolours traces (charts.make_screen_figure), and the line must stay visible there.
    fig.add_scatter(
        x=[check.value, check.value],
        y=[0, 1],
        yaxis="y2",
        mode="lines",
        line={"color": TARGET_COLOR, "dash": "dash", "width": 2},
        hoverinfo="skip",
        showlegend=False,
        name=t("target_kind_target", lang),
    )
    fig.add_annotation(
        x=check.value,
        y=1,
        yref="paper",
        yanchor="bottom",
        text=_inert(t("target_mark", lang, value=check.target_text(lang))),
        showarrow=False,
        font={"color": TARGET_COLOR},
    )
    fig.update_xaxes(
        title_text=t("target_axis", lang, unit=unit), range=[0, top], gridcolor="#E5E5E5", zerolinecolor="#BBBBBB"
    )
    fig.update_yaxes(
        autorange="reversed",
        categoryorder="array",
        categoryarray=categories,
        tickvals=categories,
        ticktext=[_inert(c) for c in categories],
        automargin=True,
    )
    fig.update_layout(
        yaxis2={"overlaying": "y", "range": [0, 1], "visible": False, "fixedrange": True},
        title={"text": _inert(check.title(lang)), "x": 0, "xanchor": "left", "font": {"size": 18}},
        font={"family": FONT, "size": 14},
        height=max(260, ROW_PX * len(categories) + 150),
        margin={"l": 60, "r": 40, "t": 84, "b": 60},
        plot_bgcolor="white",
        paper_bgcolor="white",
        showlegend=False,
        bargap=0.35,
    )
    return fig


def _latest_positions(check: TargetCheck) -> list[int]:
    """Each pair's bar: the row of its latest report (the one drawn) in the table twin."""
    rows = check.cited_rows()
    positions = []
    for index, pair in enumerate(check.pairs):
        at = [i for i, (kind, c, key) in enumerate(rows) if kind == "latest" and key == str(index) and c is pair.drawn]
        positions.append(at[0])
    return positions


__all__ = ["VERDICT_COLORS", "make_target_figure"]
