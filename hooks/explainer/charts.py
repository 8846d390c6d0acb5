"""Plotly figures for the charts in data/series/: one builder per chart kind, deterministic JSON.

Adding a chart is a YAML file; adding a kind is one builder here plus its entry in BUILDERS.
Numbers reach the reader already formatted in German (hover texts and bar labels are built here);
plotly.js only formats axis ticks, with the separators set in the layout.
"""

from __future__ import annotations

import html
import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import plotly.graph_objects as go

from . import german
from .models import Chart, ChartPoint

# ---------------------------------------------------------------------------------------------
# What templates use
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChartRow:
    """One line of the data table under a chart, German-formatted."""

    label: str
    position: str  # group or date; empty for plain bars
    value: str
    note: str
    source: str  # source id, or "" for an unsourced reference value


@dataclass(frozen=True)
class ChartView:
    """Everything the chart() macro prints for one chart."""

    figure_json: str
    height: int
    rows: list[ChartRow]
    source_ids: list[str]
    position_header: str


def chart_view(chart: Chart) -> ChartView:
    """The figure JSON, reserved height and data table of a chart."""
    return ChartView(
        figure_json=figure_json(chart),
        height=chart_height(chart),
        rows=table_rows(chart),
        source_ids=source_ids(chart),
        position_header={"grouped_bar": "Gruppe", "line": "Datum"}.get(chart.kind, ""),
    )


def build_figure(chart: Chart) -> go.Figure:
    """The Plotly figure of a chart, built by the builder of its kind."""
    return BUILDERS[chart.kind](chart)


def figure_json(chart: Chart) -> str:
    """Figure data, layout and config as JSON; the same chart always gives the same text.

    &, < and > are written as \\u escapes so the JSON can sit in an HTML attribute and pass
    Python-Markdown (which would otherwise decode entities once more) unchanged.
    """
    figure = build_figure(chart).to_plotly_json()
    payload = {"data": figure["data"], "layout": figure["layout"], "config": plot_config()}
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def plot_config() -> dict[str, Any]:
    """plotly.js options shared by every chart (charts.js adds the German locale)."""
    return {
        "displaylogo": False,
        "responsive": True,
        "scrollZoom": False,
        "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d", "zoomIn2d", "zoomOut2d"],
        "toImageButtonOptions": {"format": "png", "scale": 2},
    }


def chart_height(chart: Chart) -> int:
    """Pixel height reserved for the plot, so the page does not jump when plotly.js draws it."""
    if chart.kind == "line":
        return 380
    rows = len(_categories(chart.points))
    bars_per_row = len(_groups(chart.points)) if chart.kind == "grouped_bar" else 1
    return 110 + rows * (24 + 22 * bars_per_row)


def source_ids(chart: Chart) -> list[str]:
    """Ids of the sources the chart rests on, in order of first use."""
    ids = [point.source for point in chart.points]
    if chart.reference and chart.reference.source:
        ids.append(chart.reference.source)
    return list(dict.fromkeys(ids))


def table_rows(chart: Chart) -> list[ChartRow]:
    """The chart's numbers as the data table shows them: exact, German, with qualifier."""
    rows = [
        ChartRow(
            label=point.label,
            position=_position(point),
            value=value_text(chart, point.value, point.qualifier),
            note=point.note or "",
            source=point.source,
        )
        for point in chart.points
    ]
    if chart.reference:
        reference = chart.reference
        note = "" if reference.source else "ohne Quelle"
        rows.append(
            ChartRow(
                reference.label,
                "Referenzlinie",
                value_text(chart, reference.value),
                note,
                reference.source or "",
            )
        )
    return rows


# ---------------------------------------------------------------------------------------------
# Number formatting
# ---------------------------------------------------------------------------------------------


def value_text(
    chart: Chart, value: float, qualifier: str | None = None, short: bool = False
) -> str:
    """A value as hover and table print it ('rund 1,6 Mrd. US-Dollar'); short for bar labels."""
    size, word = _value_scale(chart, value)
    shown = value / size
    if short:
        number = german.number(shown, 1 if chart.unit == "percent" else _decimals(shown, 1))
    else:
        number = german.number(shown, _decimals(shown, 3))
    if chart.unit == "percent" and value > 0:
        number = "+" + number
    text = number + _unit_suffix(chart, word, short)
    if qualifier:
        prefix = SHORT_QUALIFIERS[qualifier] if short else german.QUALIFIERS[qualifier]
        text = f"{prefix} {text}"
    return text


def axis_title(chart: Chart) -> str:
    """Title of the value axis, naming the unit and the scale of the ticks."""
    _, word = _scale(chart)
    titles = {
        "usd": f"{word} US-Dollar".strip(),
        "percent": "Veränderung in %",
        "points": "Punkte",
        "count": f"{word} {chart.counted or ''}".strip(),
    }
    return titles[chart.unit]


def _scale(chart: Chart) -> tuple[float, str]:
    """Divisor and word ('Mrd.') of the value axis: those of the smallest value."""
    values = [abs(point.value) for point in chart.points if point.value]
    return _value_scale(chart, min(values)) if values else (1, "")


def _value_scale(chart: Chart, value: float) -> tuple[float, str]:
    """Divisor and word for one value: '1,6 Mrd.' reads better than '1.600 Mio.'."""
    if chart.unit not in ("usd", "count"):
        return 1, ""
    for size, word in german.SCALES:
        if abs(value) >= size:
            return size, word
    return 1, ""


def _unit_suffix(chart: Chart, word: str, short: bool) -> str:
    if chart.unit == "percent":
        return f"{german.NARROW_NBSP}%"
    words = [word] if short else [word, UNIT_WORDS[chart.unit] or (chart.counted or "")]
    words = [w for w in words if w]
    return german.NBSP + german.NBSP.join(words) if words else ""


def _decimals(value: float, most: int) -> int:
    """Fewest decimals (up to `most`) that show `value` without rounding it."""
    for decimals in range(most + 1):
        if math.isclose(round(value, decimals), value, abs_tol=1e-9):
            return decimals
    return most


def _position(point: ChartPoint) -> str:
    if point.date:
        return german.date(point.date)
    return point.group or ""


# ---------------------------------------------------------------------------------------------
# Builders, one per kind
# ---------------------------------------------------------------------------------------------


def build_bar(chart: Chart) -> go.Figure:
    """Horizontal bars, one per point, in file order from top to bottom."""
    figure = go.Figure(layout=base_layout(chart))
    figure.add_trace(_bar_trace(chart, chart.points, name="", color=COLORS["main"]))
    figure.update_layout(showlegend=False)
    _add_reference(figure, chart)
    return figure


def build_grouped_bar(chart: Chart) -> go.Figure:
    """Horizontal bars grouped by `group`; groups differ in colour and in hatching."""
    figure = go.Figure(layout=base_layout(chart))
    for index, group in enumerate(_groups(chart.points)):
        points = [point for point in chart.points if point.group == group]
        color = GROUP_COLORS[index % len(GROUP_COLORS)]
        trace = _bar_trace(chart, points, name=group, color=color)
        trace.marker.pattern = {
            "shape": GROUP_PATTERNS[index % len(GROUP_PATTERNS)],
            "fgcolor": COLORS["ink"],
            "fgopacity": 0.35,
            "solidity": 0.3,
        }
        figure.add_trace(trace)
    figure.update_layout(barmode="group", legend_traceorder="normal")
    _add_reference(figure, chart)
    return figure


def build_diverging_bar(chart: Chart) -> go.Figure:
    """Losses left, gains right of a marked zero line: colour, side and sign tell them apart."""
    figure = go.Figure(layout=base_layout(chart))
    for name, color, picks in (
        ("Minus", COLORS["loss"], lambda value: value < 0),
        ("Plus", COLORS["gain"], lambda value: value >= 0),
    ):
        points = [point for point in chart.points if picks(point.value)]
        if points:
            figure.add_trace(_bar_trace(chart, points, name=name, color=color))
    categories = [_plot_text(point.label) for point in chart.points]
    figure.update_layout(
        barmode="relative",
        yaxis={"categoryorder": "array", "categoryarray": categories},
        xaxis={"zeroline": True, "zerolinewidth": 2, "zerolinecolor": COLORS["ink"]},
    )
    return figure


def build_line(chart: Chart) -> go.Figure:
    """One line per label over dates, every observation marked; annotations point at days."""
    figure = go.Figure(layout=base_layout(chart))
    for index, label in enumerate(_categories(chart.points)):
        points = [point for point in chart.points if point.label == label]
        figure.add_trace(
            go.Scatter(
                x=[point.date.isoformat() for point in points],
                y=[point.value for point in points],
                name=_plot_text(label),
                mode="lines+markers",
                line={"color": GROUP_COLORS[index % len(GROUP_COLORS)], "width": 2.5},
                marker={"size": 7},
                customdata=[[_hover_text(chart, point)] for point in points],
                hovertemplate="%{customdata[0]}<extra></extra>",
            )
        )
    figure.update_layout(
        showlegend=len(figure.data) > 1,
        hovermode="closest",
        xaxis={"type": "date", "tickformat": "%-d. %b", "title": {"text": ""}},
        yaxis=_line_value_axis(chart),
        annotations=[
            _annotation(chart, index, item.date.isoformat(), item.text)
            for index, item in enumerate(chart.annotations)
        ],
    )
    return figure


BUILDERS: dict[str, Callable[[Chart], go.Figure]] = {
    "bar": build_bar,
    "grouped_bar": build_grouped_bar,
    "diverging_bar": build_diverging_bar,
    "line": build_line,
}


# ---------------------------------------------------------------------------------------------
# Shared pieces
# ---------------------------------------------------------------------------------------------


def base_layout(chart: Chart) -> dict[str, Any]:
    """Layout every chart shares: German separators, transparent background, light colours.

    `meta.xp_dark` maps each light colour to its dark-scheme twin; charts.js swaps them when the
    reader switches Material's palette, so the palette is defined here only.
    """
    layout: dict[str, Any] = {
        "template": {},
        "separators": ",.",
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
    if chart.kind != "line":
        layout["margin"]["r"] = 40
        layout["xaxis"].update(_value_axis(chart))
        rows = len(_categories(chart.points))
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
        for index, label in enumerate(_categories(chart.points))
    ]


def _value_axis(chart: Chart) -> dict[str, Any]:
    """The horizontal value axis of bar charts, with room for the labels outside the bars."""
    size, _ = _scale(chart)
    values = [point.value / size for point in chart.points]
    if chart.reference:
        values.append(chart.reference.value / size)
    axis: dict[str, Any] = {"title": {"text": axis_title(chart)}, "tickformat": ",~f"}
    if chart.unit == "percent":
        axis["ticksuffix"] = german.NARROW_NBSP + "%"
    if chart.log_axis:
        low, high = math.log10(min(values)), math.log10(max(values))
        axis.update(
            {
                "type": "log",
                "range": [math.floor(low) - 0.05, high + 0.2 * (high - low)],
                "dtick": 1,
                "tickangle": 0,
            }
        )
        return axis
    low, high = min(0.0, *values), max(0.0, *values)
    span = high - low
    axis["range"] = [low - 0.25 * span if low < 0 else 0, high + 0.25 * span]
    return axis


def _bar_trace(chart: Chart, points: list[ChartPoint], name: str, color: str) -> go.Bar:
    size, _ = _scale(chart)
    return go.Bar(
        orientation="h",
        name=_plot_text(name),
        y=[_plot_text(point.label) for point in points],
        x=[point.value / size for point in points],
        text=[value_text(chart, point.value, point.qualifier, short=True) for point in points],
        # Long bars of a diverging chart carry their label inside, clear of the category names.
        textposition="auto" if chart.kind == "diverging_bar" else "outside",
        insidetextfont={"color": COLORS["paper"]},
        outsidetextfont={"color": COLORS["ink"]},
        cliponaxis=False,
        marker={"color": color},
        customdata=[[_hover_text(chart, point)] for point in points],
        hovertemplate="%{customdata[0]}<extra></extra>",
    )


def _add_reference(figure: go.Figure, chart: Chart) -> None:
    """A dashed line across the bars at the reference value, labelled in words."""
    if not chart.reference:
        return
    size, _ = _scale(chart)
    value = chart.reference.value / size
    line = {"color": COLORS["reference"], "width": 2, "dash": "dash"}
    figure.add_shape(type="line", xref="x", yref="paper", x0=value, x1=value, y0=0, y1=1, line=line)
    label = _plot_text(chart.reference.label)
    figure.add_annotation(
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


def _line_value_axis(chart: Chart) -> dict[str, Any]:
    axis: dict[str, Any] = {"title": {"text": axis_title(chart)}, "tickformat": ",~f"}
    if chart.log_axis:
        axis["type"] = "log"
    else:
        axis["range"] = _line_range(chart)
    if chart.unit == "percent":
        axis["ticksuffix"] = german.NARROW_NBSP + "%"
    return axis


def _line_range(chart: Chart) -> list[float]:
    """Value range of a line chart with room above and below for the annotations."""
    values = [point.value for point in chart.points]
    low, high = min(values), max(values)
    padding = (high - low) * (0.3 if chart.annotations else 0.1)
    return [low - padding, high + padding]


def _hover_text(chart: Chart, point: ChartPoint) -> str:
    heading = point.label
    if point.date:
        heading = f"{heading}, {german.date(point.date)}"
    elif point.group:
        heading = f"{heading} ({point.group})"
    lines = [
        f"<b>{_plot_text(heading)}</b>",
        _plot_text(value_text(chart, point.value, point.qualifier)),
    ]
    if point.note:
        lines.append(_plot_text(point.note))
    return "<br>".join(lines)


def _plot_text(text: str) -> str:
    """Text from data for plotly.js, which reads a few HTML tags: show it as written."""
    return html.escape(text, quote=False)


def _categories(points: list[ChartPoint]) -> list[str]:
    return list(dict.fromkeys(point.label for point in points))


def _groups(points: list[ChartPoint]) -> list[str]:
    return list(dict.fromkeys(point.group or "" for point in points))


# ---------------------------------------------------------------------------------------------
# Data: colours (light scheme; DARK maps each to its slate twin), fonts, words
# ---------------------------------------------------------------------------------------------

COLORS = {
    "main": "#3f51b5",
    "second": "#e65100",
    "loss": "#c62828",
    "gain": "#2e7d32",
    "reference": "#6a1b9a",
    "ink": "#1f2329",
    "grid": "#d9dbe0",
    "paper": "#ffffff",
}

DARK = {
    COLORS["main"]: "#9fa8da",
    COLORS["second"]: "#ffb74d",
    COLORS["loss"]: "#ef9a9a",
    COLORS["gain"]: "#a5d6a7",
    COLORS["reference"]: "#ce93d8",
    COLORS["ink"]: "#e2e4e9",
    COLORS["grid"]: "#3c4150",
    COLORS["paper"]: "#1e2129",
}

GROUP_COLORS = (COLORS["main"], COLORS["second"])
BAR_GAP = 0.4  # share of a row between bars; the category name sits in it
GROUP_PATTERNS = ("", "/")

FONT = '-apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial, sans-serif'

UNIT_WORDS = {"usd": "US-Dollar", "percent": "", "points": "Punkte", "count": ""}

SHORT_QUALIFIERS = {"about": "≈", "more_than": ">", "up_to": "≤", "at_least": "≥"}
