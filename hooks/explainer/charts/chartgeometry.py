"""What both drawings of a chart (the Plotly figure and the static SVG) share, so that they agree:
rows and series, the value range and scale, the reserved height, the axis title, value labels and
the colour palette. Words and numbers come from the edition's `Formatter` (text/formatting.py),
which the drawings hand on.

The table of kinds (chartkinds.py) names the height of each kind here.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from ..text.formatting import CHANGE_IN_PERCENT, SCALED_UNITS

if TYPE_CHECKING:
    from ..data.models import Chart, ChartPoint
    from ..text.formatting import Formatter

LINE_HEIGHT = 380  # pixels reserved for a line chart
# A bar chart's height in pixels: the frame (legend and reference label above the plot, tick
# labels and axis title below), then per row of categories its label and spacing plus each bar.
BARS_FRAME = 110
ROW_SPACING = 24
BAR_THICKNESS = 22


# ---------------------------------------------------------------------------------------------
# Reserved heights, one per kind: the static SVG is drawn at this height too
# ---------------------------------------------------------------------------------------------


def bar_height(chart: Chart) -> int:
    """Pixel height reserved for a bar chart, so the page does not jump when plotly.js draws it."""
    return _rows_height(chart, bars_per_row=1)


def grouped_bar_height(chart: Chart) -> int:
    return _rows_height(chart, bars_per_row=len(groups(chart.points)))


def line_height(chart: Chart) -> int:
    return LINE_HEIGHT


def _rows_height(chart: Chart, bars_per_row: int) -> int:
    rows = len(categories(chart.points))
    return BARS_FRAME + rows * (ROW_SPACING + BAR_THICKNESS * bars_per_row)


# ---------------------------------------------------------------------------------------------
# Words and values
# ---------------------------------------------------------------------------------------------


def value_text(
    chart: Chart,
    formatter: Formatter,
    value: float,
    qualifier: str | None = None,
    decimals: int | None = None,
    short: bool = False,
) -> str:
    """A value as hover and table print it, rounded as prose rounds it ('rund 1,6 Mrd.
    US-Dollar', 'about $1.6 billion'), so text, table and chart agree; short for bar labels."""
    return formatter.amount(
        value,
        chart.unit,
        counted=chart.counted,
        qualifier=qualifier,
        decimals=decimals,
        style="short" if short else "prose",
        signed=chart.unit == "percent",
    )


def axis_title(chart: Chart, formatter: Formatter) -> str:
    """Title of the value axis, naming the unit and the scale of the ticks."""
    _, word = scale_of(chart, formatter)
    if chart.unit == "percent":
        return formatter.word(CHANGE_IN_PERCENT)
    unit_word = formatter.unit_words.get(chart.unit) or chart.counted or ""
    return f"{word} {unit_word}".strip()


def tick_suffix(chart: Chart, formatter: Formatter) -> str:
    """What follows every tick label of the value axis: '%' for percentages, else nothing."""
    return formatter.percent_suffix if chart.unit == "percent" else ""


def scale_of(chart: Chart, formatter: Formatter) -> tuple[float, str]:
    """Divisor and word ('Mrd.', 'billion') of the value axis: those of the smallest value."""
    values = [abs(point.value) for point in chart.points if point.value]
    if chart.unit not in SCALED_UNITS or not values:
        return 1, ""
    return formatter.scale(min(values))


def value_range(chart: Chart, formatter: Formatter) -> tuple[float, float]:
    """Range of a bar chart's value axis in axis units (log10 of them on a log axis), with room
    for the labels outside the bars; the static SVG uses the same range."""
    size, _ = scale_of(chart, formatter)
    values = [point.value / size for point in chart.points]
    if chart.reference:
        values.append(chart.reference.value / size)
    if chart.log_axis:
        low, high = math.log10(min(values)), math.log10(max(values))
        return math.floor(low) - 0.05, high + 0.2 * (high - low)
    low, high = min(0.0, *values), max(0.0, *values)
    span = high - low
    return (low - 0.25 * span if low < 0 else 0), high + 0.25 * span


def line_range(chart: Chart) -> tuple[float, float]:
    """Value range of a line chart with room above and below for the annotations."""
    values = [point.value for point in chart.points]
    low, high = min(values), max(values)
    padding = (high - low) * (0.3 if chart.annotations else 0.1)
    return low - padding, high + padding


def categories(points: list[ChartPoint]) -> list[str]:
    return list(dict.fromkeys(point.label for point in points))


def groups(points: list[ChartPoint]) -> list[str]:
    return list(dict.fromkeys(point.group or "" for point in points))


def series_color(index: int) -> str:
    """The colour (a key of COLORS, a class name in the SVG) of the series at `index`."""
    return SERIES_COLORS[index % len(SERIES_COLORS)]


# ---------------------------------------------------------------------------------------------
# Data: colours (light scheme; DARK maps each to its slate twin) and bar spacing
# ---------------------------------------------------------------------------------------------

COLORS = {
    "main": "#3f51b5",
    "second": "#e65100",
    "third": "#00796b",
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
    COLORS["third"]: "#80cbc4",
    COLORS["loss"]: "#ef9a9a",
    COLORS["gain"]: "#a5d6a7",
    COLORS["reference"]: "#ce93d8",
    COLORS["ink"]: "#e2e4e9",
    COLORS["grid"]: "#3c4150",
    COLORS["paper"]: "#1e2129",
}

SERIES_COLORS = ("main", "second", "third")  # keys of COLORS, given to the series in turn
BAR_GAP = 0.4  # share of a row between bars; the category name sits in it
