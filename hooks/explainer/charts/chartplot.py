"""Plotly figures ("plots") of the charts in data/series/: one builder per chart kind.

The table of kinds (chartkinds.py) names the builder of each kind; each builds its figure in the
language of an edition, whose `Formatter` (text/formatting.py) it is handed. Numbers reach the
reader already formatted by it (hover texts and bar labels are built here); plotly.js only
formats axis ticks, with the separators and the locale set from the same formatter.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

import plotly.graph_objects as go

from ..text.catalogue import N_
from ..text.jsonhtml import html_safe_json
from .chartgeometry import (
    BAR_GAP,
    COLORS,
    DARK,
    axis_title,
    categories,
    groups,
    line_range,
    scale_of,
    series_color,
    tick_suffix,
    value_range,
    value_text,
)

if TYPE_CHECKING:
    from ..data.models import Chart, ChartPoint
    from ..text.formatting import Formatter

# plotly.js user-interface strings (the mode bar), plotly.js's own English as msgids of the
# catalogue; numbers and dates come from the formatter.
MODE_BAR_WORDS = (
    N_("Reset axes"),
    N_("Zoom"),
    N_("Pan"),
    N_("Double-click to zoom back out"),
    N_("Double-click on legend to isolate one trace"),
    N_("Produced with Plotly.js"),
)


# Mode bar buttons of no use here. toImage too: the page offers SVG and PNG with title and
# source drawn in (charts.js) instead of the bare plot that toImage gives.
MODEBAR_REMOVED = ["select2d", "lasso2d", "autoScale2d", "zoomIn2d", "zoomOut2d", "toImage"]


def plot_json(plot: go.Figure, formatter: Formatter) -> str:
    """Data, layout and config of a plot as JSON that can sit in an HTML attribute; the same
    chart always gives the same text."""
    parts = plot.to_plotly_json()
    payload = {"data": parts["data"], "layout": parts["layout"], "config": plot_config(formatter)}
    return html_safe_json(payload, sort_keys=True)


def plot_config(formatter: Formatter) -> dict[str, Any]:
    """plotly.js options shared by every chart, including the formatter's locale."""
    # plotly.js names locales as BCP 47 does ('de', 'pt-BR') and falls back to the language.
    locale = formatter.locale.replace("_", "-")
    return {
        "displaylogo": False,
        # plotly.js 4 offers "Share chart", which opens Plotly Cloud and sends it the chart.
        "showSendToCloud": False,
        "responsive": True,
        "scrollZoom": False,
        "modeBarButtonsToRemove": MODEBAR_REMOVED,
        "locale": locale,
        "locales": {
            locale: {
                "dictionary": {msgid: formatter.word(msgid) for msgid in MODE_BAR_WORDS},
                "format": formatter.plotly_locale(),
            }
        },
    }


# ---------------------------------------------------------------------------------------------
# Builders, one per kind
# ---------------------------------------------------------------------------------------------


def build_bar(chart: Chart, formatter: Formatter) -> go.Figure:
    """Horizontal bars, one per point, in file order from top to bottom."""
    plot = go.Figure(layout=bar_layout(chart, formatter))
    plot.add_trace(_bar_trace(chart, formatter, chart.points, name="", color=COLORS["main"]))
    plot.update_layout(showlegend=False)
    _add_reference(plot, chart, formatter)
    return plot


def build_grouped_bar(chart: Chart, formatter: Formatter) -> go.Figure:
    """Horizontal bars grouped by `group`; groups differ in colour and in hatching."""
    plot = go.Figure(layout=bar_layout(chart, formatter))
    for index, group in enumerate(groups(chart.points)):
        points = [point for point in chart.points if point.group == group]
        color = COLORS[series_color(index)]
        trace = _bar_trace(chart, formatter, points, name=group, color=color)
        trace.marker.pattern = {
            "shape": GROUP_PATTERNS[index % len(GROUP_PATTERNS)],
            "fgcolor": COLORS["ink"],
            "fgopacity": 0.35,
            "solidity": 0.3,
        }
        plot.add_trace(trace)
    plot.update_layout(barmode="group", legend_traceorder="normal")
    _add_reference(plot, chart, formatter)
    return plot


def build_diverging_bar(chart: Chart, formatter: Formatter) -> go.Figure:
    """Losses left, gains right of a marked zero line: colour, side and sign tell them apart."""
    plot = go.Figure(layout=bar_layout(chart, formatter))
    for name, color, picks in (
        ("Minus", COLORS["loss"], lambda value: value < 0),
        ("Plus", COLORS["gain"], lambda value: value >= 0),
    ):
        points = [point for point in chart.points if picks(point.value)]
        if points:
            # Long bars carry their label inside, clear of the category names.
            trace = _bar_trace(chart, formatter, points, name, color, text_position="auto")
            plot.add_trace(trace)
    categories = [_plot_text(point.label) for point in chart.points]
    plot.update_layout(
        barmode="relative",
        yaxis={"categoryorder": "array", "categoryarray": categories},
        xaxis={"zeroline": True, "zerolinewidth": 2, "zerolinecolor": COLORS["ink"]},
    )
    return plot


def build_line(chart: Chart, formatter: Formatter) -> go.Figure:
    """One line per label over dates, every observation marked; annotations point at days."""
    plot = go.Figure(layout=base_layout(formatter))
    for index, label in enumerate(categories(chart.points)):
        points = [point for point in chart.points if point.label == label]
        plot.add_trace(
            go.Scatter(
                x=[point.date.isoformat() for point in points],
                y=[point.value for point in points],
                name=_plot_text(label),
                mode="lines+markers",
                line={"color": COLORS[series_color(index)], "width": 2.5},
                marker={"size": 7},
                customdata=[[_hover_text(chart, formatter, point)] for point in points],
                hovertemplate="%{customdata[0]}<extra></extra>",
            )
        )
    plot.update_layout(
        showlegend=len(plot.data) > 1,
        hovermode="closest",
        xaxis={"type": "date", "tickformat": formatter.axis_day_format(), "title": {"text": ""}},
        yaxis=_line_value_axis(chart, formatter),
        annotations=[
            _annotation(chart, index, item.date.isoformat(), item.text)
            for index, item in enumerate(chart.annotations)
        ],
    )
    return plot


# ---------------------------------------------------------------------------------------------
# Shared pieces
# ---------------------------------------------------------------------------------------------


def base_layout(formatter: Formatter) -> dict[str, Any]:
    """Layout every chart shares: the locale's separators, transparent background, light colours.

    `meta.xp_dark` maps each light colour to its dark-scheme twin; charts.js swaps them when the
    reader switches Material's palette, so the palette is defined once (chartgeometry.py).
    """
    numbers = formatter.plotly_locale()
    layout: dict[str, Any] = {
        "template": {},
        "separators": numbers["decimal"] + numbers["thousands"],
        "font": {"family": FONT, "size": 13, "color": COLORS["ink"]},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "margin": {"l": 8, "r": 24, "t": 40, "b": 48, "pad": 4},
        "autosize": True,
        "dragmode": False,
        "hovermode": "closest",
        "hoverlabel": {"font": {"family": FONT, "size": 13}, "align": "left"},
        "legend": {"orientation": "h", "x": 0, "y": 1.02, "xanchor": "left", "yanchor": "bottom"},
        "meta": {"xp_dark": dict(DARK.items())},
        "xaxis": {"automargin": True, "gridcolor": COLORS["grid"], "linecolor": COLORS["grid"]},
        "yaxis": {"automargin": True, "gridcolor": COLORS["grid"], "linecolor": COLORS["grid"]},
    }
    return layout


def bar_layout(chart: Chart, formatter: Formatter) -> dict[str, Any]:
    """The shared layout with a horizontal value axis and one row per category."""
    layout = base_layout(formatter)
    layout["margin"]["r"] = 40
    layout["xaxis"].update(_value_axis(chart, formatter))
    rows = len(categories(chart.points))
    layout["yaxis"].update(
        {
            "type": "category",
            "showticklabels": False,
            "showgrid": False,
            "range": [rows - 0.5, -0.9],
        }
    )  # top to bottom, room for a name
    layout["bargap"] = BAR_GAP
    layout["annotations"] = _row_labels(chart)
    return layout


def _row_labels(chart: Chart) -> list[dict[str, Any]]:
    """Category names written above their bars, not beside them: on a phone the bars keep the
    full width instead of sharing it with long names."""
    bar_half = (1 - BAR_GAP) / 2
    return [
        {
            "x": 0,
            "xref": "paper",
            "y": index - bar_half,
            "yref": "y",
            "xanchor": "left",
            "yanchor": "bottom",
            "showarrow": False,
            "text": _plot_text(label),
            "font": {"color": COLORS["ink"]},
        }
        for index, label in enumerate(categories(chart.points))
    ]


def _value_axis(chart: Chart, formatter: Formatter) -> dict[str, Any]:
    """The horizontal value axis of bar charts, with room for the labels outside the bars."""
    axis: dict[str, Any] = {"title": {"text": axis_title(chart, formatter)}, "tickformat": ",~f"}
    if suffix := tick_suffix(chart, formatter):
        axis["ticksuffix"] = suffix
    axis["range"] = list(value_range(chart, formatter))
    if chart.log_axis:
        axis.update({"type": "log", "dtick": 1, "tickangle": 0})
    return axis


def _bar_trace(
    chart: Chart,
    formatter: Formatter,
    points: list[ChartPoint],
    name: str,
    color: str,
    text_position: str = "outside",
) -> go.Bar:
    size, _ = scale_of(chart, formatter)
    return go.Bar(
        orientation="h",
        name=_plot_text(name),
        y=[_plot_text(point.label) for point in points],
        x=[point.value / size for point in points],
        text=[
            value_text(chart, formatter, point.value, point.qualifier, point.decimals, short=True)
            for point in points
        ],
        textposition=text_position,
        insidetextfont={"color": COLORS["paper"]},
        outsidetextfont={"color": COLORS["ink"]},
        cliponaxis=False,
        marker={"color": color},
        customdata=[[_hover_text(chart, formatter, point)] for point in points],
        hovertemplate="%{customdata[0]}<extra></extra>",
    )


def _add_reference(plot: go.Figure, chart: Chart, formatter: Formatter) -> None:
    """A dashed line across the bars at the reference value, labelled in words."""
    if not chart.reference:
        return
    size, _ = scale_of(chart, formatter)
    value = chart.reference.value / size
    line = {"color": COLORS["reference"], "width": 2, "dash": "dash"}
    plot.add_shape(type="line", xref="x", yref="paper", x0=value, x1=value, y0=0, y1=1, line=line)
    label = _plot_text(chart.reference.label)
    plot.add_annotation(
        x=value,
        xref="x",
        y=1,
        yref="paper",
        yanchor="bottom",
        xanchor="right",
        text=label,
        showarrow=False,
        font={"color": COLORS["reference"]},
    )


def _annotation(chart: Chart, index: int, day: str, text: str) -> dict[str, Any]:
    """Text for one day with an arrow to its value; alternately below and above the line."""
    values = [point.value for point in chart.points if point.date and point.date.isoformat() == day]
    return {
        "x": day,
        "y": values[0] if values else None,
        "text": _plot_text(text),
        "showarrow": True,
        "arrowhead": 2,
        "arrowcolor": COLORS["ink"],
        "ax": 30,
        "ay": 48 if index % 2 == 0 else -48,
        "xanchor": "left",
        "bgcolor": COLORS["paper"],
        "bordercolor": COLORS["grid"],
        "font": {"color": COLORS["ink"]},
    }


def _line_value_axis(chart: Chart, formatter: Formatter) -> dict[str, Any]:
    axis: dict[str, Any] = {"title": {"text": axis_title(chart, formatter)}, "tickformat": ",~f"}
    if chart.log_axis:
        axis["type"] = "log"
    else:
        axis["range"] = list(line_range(chart))
    if suffix := tick_suffix(chart, formatter):
        axis["ticksuffix"] = suffix
    return axis


def _hover_text(chart: Chart, formatter: Formatter, point: ChartPoint) -> str:
    heading = point.label
    if point.date:
        heading = f"{heading}, {formatter.date(point.date)}"
    elif point.group:
        heading = f"{heading} ({point.group})"
    lines = [
        f"<b>{_plot_text(heading)}</b>",
        _plot_text(value_text(chart, formatter, point.value, point.qualifier, point.decimals)),
    ]
    if point.note:
        lines.append(_plot_text(point.note))
    return "<br>".join(lines)


def _plot_text(text: str) -> str:
    """Text from data for plotly.js, which reads a few HTML tags: show it as written."""
    return html.escape(text, quote=False)


# ---------------------------------------------------------------------------------------------
# Data: hatching and font of the figure (the palette is in chartgeometry.py)
# ---------------------------------------------------------------------------------------------

GROUP_PATTERNS = ("", "/", ".")  # hatching of the groups in turn
FONT = '-apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial, sans-serif'
