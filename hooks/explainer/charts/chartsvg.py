"""Static SVG of every chart, drawn at build time from the same data as the Plotly figure.

It is what a reader sees first (and what readers without JavaScript, print and feed readers see
only); charts.js swaps in the interactive plot once the reader comes to it. Same values, labels,
number and date formats (the edition's `Formatter`, text/formatting.py) and axis range as the
plot. Horizontal positions are percentages of the
width, vertical ones pixels of the reserved height, so the drawing fills any width at the height
the page reserves for the plot. Colours are classes; chart_palette_css() gives their light and
dark values from the one palette in chartgeometry.py.

The table of kinds (chartkinds.py) names the drawing of each kind here: it draws what is inside
the <svg> element that chart_svg() puts around it.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING

from . import chartgeometry as geometry

if TYPE_CHECKING:
    from ..data.models import Chart, ChartPoint
    from ..text.formatting import Formatter

    ColourOfBar = Callable[[ChartPoint, int], str]  # point, index of its series -> colour name

TOP = 36  # pixels above the plot: legend and reference label
BOTTOM = 48  # pixels below: tick labels and axis title
LEFT = 1.0  # percent of the width
RIGHT = 9.0  # percent: room for value labels beyond the longest bar
LINE_LEFT = 10.0  # percent: room for a line chart's value labels
TICKS = 5  # about this many ticks on a value axis


def chart_svg(
    chart: Chart, height: int, drawing: Callable[[Chart, int, Formatter], str], formatter: Formatter
) -> str:
    """The static SVG of a chart at `height` pixels, its inside drawn by its kind's drawing in
    the formatter's language."""
    body = drawing(chart, height, formatter)
    title_id, desc_id = f"svg-{chart.id}-titel", f"svg-{chart.id}-text"
    return (
        f'<svg class="xp-chart__static" xmlns="http://www.w3.org/2000/svg" width="100%" '
        f'height="{height}" role="img" aria-labelledby="{title_id} {desc_id}">'
        f'<title id="{title_id}">{escape(chart.title)}</title>'
        f'<desc id="{desc_id}">{escape(chart.description)}</desc>{body}</svg>'
    )


def chart_palette_css() -> str:
    """CSS for the SVG classes: fills and strokes in light and in Material's dark scheme; the dark
    ones on screen only, as Material's own, so that a printed chart is dark on white."""
    slate = '[data-md-color-scheme="slate"]'
    colors, dark = geometry.COLORS, geometry.DARK
    rules = [f".xp-f-{name}{{fill:{c}}}.xp-s-{name}{{stroke:{c}}}" for name, c in colors.items()]
    dark_rules = [
        f"{slate} .xp-f-{name}{{fill:{dark[c]}}}{slate} .xp-s-{name}{{stroke:{dark[c]}}}"
        for name, c in colors.items()
    ]
    return "\n".join([*rules, "@media screen{", *dark_rules, "}"]) + "\n"


# ---------------------------------------------------------------------------------------------
# Bars: one drawing per kind, on the same rows
# ---------------------------------------------------------------------------------------------


def draw_bars(chart: Chart, height: int, formatter: Formatter) -> str:
    """One bar per point."""
    return _bars(chart, height, formatter, [""], _series_colour)


def draw_grouped_bars(chart: Chart, height: int, formatter: Formatter) -> str:
    """A bar per group in every row, a colour per group, and a legend."""
    return _bars(chart, height, formatter, geometry.groups(chart.points), _series_colour)


def draw_diverging_bars(chart: Chart, height: int, formatter: Formatter) -> str:
    """Losses left, gains right of a marked zero line, coloured by direction."""
    return _bars(chart, height, formatter, [""], _sign_colour, zero_line=True)


def _series_colour(point: ChartPoint, series: int) -> str:
    return geometry.series_color(series)


def _sign_colour(point: ChartPoint, series: int) -> str:
    return "loss" if point.value < 0 else "gain"


def _bars(
    chart: Chart,
    height: int,
    formatter: Formatter,
    names: list[str],
    colour_of: ColourOfBar,
    zero_line: bool = False,
) -> str:
    """A row per category with a bar per series (`names`: the groups, or [""] for one series)."""
    low, high = geometry.value_range(chart, formatter)
    size, _ = geometry.scale_of(chart, formatter)
    rows = geometry.categories(chart.points)
    row_height = (height - TOP - BOTTOM) / len(rows)

    def x_of(value: float) -> float:
        shown = math.log10(value / size) if chart.log_axis else value / size
        return LEFT + (shown - low) / (high - low) * (100 - LEFT - RIGHT)

    parts = _value_ticks(chart, formatter, low, high, height, x_of)
    origin = x_of(10**low * size) if chart.log_axis else x_of(0)
    for row, label in enumerate(rows):
        top = TOP + row * row_height
        parts.append(_text(f"{LEFT}%", top + 13, label, "start"))
        bar_top = top + 18
        thickness = (row_height - 18) * (1 - geometry.BAR_GAP / 2) / len(names)
        for index, name in enumerate(names):
            point = _point(chart, label, name)
            if point is not None:
                y = bar_top + index * thickness
                colour = colour_of(point, index)
                end = x_of(point.value)
                parts.append(_bar(chart, formatter, point, end, origin, y, thickness, colour))
    if zero_line:
        parts.append(_vline(origin, TOP, height - BOTTOM, "xp-s-ink", 2))
    if chart.reference:
        parts += _reference(chart, x_of(chart.reference.value), height)
    if len(names) > 1:
        parts.append(_legend(names))
    return "".join(parts)


def _point(chart: Chart, label: str, group: str) -> ChartPoint | None:
    for point in chart.points:
        if point.label == label and (point.group or "") == group:
            return point
    return None


def _bar(
    chart: Chart,
    formatter: Formatter,
    point: ChartPoint,
    end: float,
    origin: float,
    y: float,
    thick: float,
    colour: str,
) -> str:
    left, width = min(origin, end), abs(end - origin)
    rect = (
        f'<rect class="xp-f-{colour}" x="{left:.2f}%" y="{y:.1f}" width="{width:.2f}%" '
        f'height="{thick:.1f}"/>'
    )
    label = geometry.value_text(
        chart, formatter, point.value, point.qualifier, point.decimals, short=True
    )
    if point.value < 0:
        text = _text(f"{left - 0.5:.2f}%", y + thick / 2 + 4, label, "end")
    else:
        text = _text(f"{left + width + 0.5:.2f}%", y + thick / 2 + 4, label, "start")
    return rect + text


def _reference(chart: Chart, x: float, height: int) -> list[str]:
    line = _vline(x, TOP - 4, height - BOTTOM, "xp-s-reference", 2, dashed=True)
    label = _text(f"{x:.2f}%", TOP - 10, chart.reference.label, "end", "xp-f-reference")
    return [line, label]


def _legend(names: list[str]) -> str:
    parts, x = [], LEFT
    for index, name in enumerate(names):
        colour = geometry.series_color(index)
        parts.append(f'<rect class="xp-f-{colour}" x="{x:.1f}%" y="4" width="12" height="12"/>')
        parts.append(_text(f"{x + 2.5:.1f}%", 15, name, "start"))
        x += 4 + len(name) * 1.2
    return "".join(parts)


def _value_ticks(
    chart: Chart, formatter: Formatter, low: float, high: float, height: int, x_of: object
) -> list[str]:
    """Vertical grid lines with tick labels, and the axis title below them."""
    size, _ = geometry.scale_of(chart, formatter)
    if chart.log_axis:
        ticks = [10**power * size for power in range(math.ceil(low), math.floor(high) + 1)]
    else:
        ticks = [tick * size for tick in nice_ticks(low, high)]
    suffix = geometry.tick_suffix(chart, formatter)
    parts = []
    for tick in ticks:
        x = x_of(tick)  # type: ignore[operator]
        parts.append(_vline(x, TOP, height - BOTTOM, "xp-s-grid", 1))
        label = formatter.number(tick / size) + suffix
        parts.append(_text(f"{x:.2f}%", height - BOTTOM + 16, label, "middle"))
    parts.append(_text("50%", height - 10, geometry.axis_title(chart, formatter), "middle"))
    return parts


# ---------------------------------------------------------------------------------------------
# Lines
# ---------------------------------------------------------------------------------------------


def draw_lines(chart: Chart, height: int, formatter: Formatter) -> str:
    """One line per label over the days, every observation a dot, annotations beside theirs."""
    low, high = geometry.line_range(chart)
    days = sorted({point.date for point in chart.points if point.date})
    first, span = days[0], max((days[-1] - days[0]).days, 1)
    bottom = height - BOTTOM

    def x_of(day: datetime.date) -> float:
        return LINE_LEFT + (day - first).days / span * (100 - LINE_LEFT - RIGHT)

    def y_of(value: float) -> float:
        return bottom - (value - low) / (high - low) * (bottom - TOP)

    parts = _line_ticks(chart, formatter, low, high, y_of)
    parts += [_text(f"{x_of(day):.2f}%", bottom + 16, formatter.axis_day(day), "middle")
              for day in days[:: max(1, len(days) // 6)]]  # fmt: skip
    labels = geometry.categories(chart.points)
    for index, label in enumerate(labels):
        points = [point for point in chart.points if point.label == label]
        colour = geometry.series_color(index)
        parts.append(_polyline(chart, formatter, points, x_of, y_of, colour))
    for item in chart.annotations:
        values = [p.value for p in chart.points if p.date == item.date]
        if values:
            parts.append(_text(f"{x_of(item.date) + 1:.2f}%", y_of(values[0]) + 4, item.text,
                               "start"))  # fmt: skip
    if len(labels) > 1:
        parts.append(_legend(labels))
    return "".join(parts)


def _polyline(
    chart: Chart,
    formatter: Formatter,
    points: list[ChartPoint],
    x_of: object,
    y_of: object,
    colour: str,
) -> str:
    """Segments between neighbouring days and a dot on every day, whose title (a tooltip) names
    label, day and value. Percent positions cannot go into one polyline, so each segment is its
    own line."""
    parts = []
    coordinates = [(x_of(p.date), y_of(p.value)) for p in points]  # type: ignore[operator]
    for (x1, y1), (x2, y2) in zip(coordinates, coordinates[1:], strict=False):
        parts.append(
            f'<line class="xp-s-{colour}" x1="{x1:.2f}%" y1="{y1:.1f}" x2="{x2:.2f}%" '
            f'y2="{y2:.1f}" stroke-width="2.5"/>'
        )
    for point, (x, y) in zip(points, coordinates, strict=True):
        value = geometry.value_text(chart, formatter, point.value, point.qualifier, point.decimals)
        title = escape(f"{point.label}, {formatter.date(point.date)}: {value}", quote=False)
        parts.append(
            f'<circle class="xp-f-{colour}" cx="{x:.2f}%" cy="{y:.1f}" r="3.5">'
            f"<title>{title}</title></circle>"
        )
    return "".join(parts)


def _line_ticks(
    chart: Chart, formatter: Formatter, low: float, high: float, y_of: object
) -> list[str]:
    suffix = geometry.tick_suffix(chart, formatter)
    parts = []
    for tick in nice_ticks(low, high):
        y = y_of(tick)  # type: ignore[operator]
        parts.append(
            f'<line class="xp-s-grid" x1="{LINE_LEFT}%" y1="{y:.1f}" x2="{100 - RIGHT}%" '
            f'y2="{y:.1f}" stroke-width="1"/>'
        )
        parts.append(_text(f"{LINE_LEFT - 1}%", y + 4, formatter.number(tick) + suffix, "end"))
    parts.append(_text(f"{LEFT}%", TOP - 14, geometry.axis_title(chart, formatter), "start"))
    return parts


# ---------------------------------------------------------------------------------------------
# Shared pieces
# ---------------------------------------------------------------------------------------------


def nice_ticks(low: float, high: float) -> list[float]:
    """About TICKS round values (steps of 1, 2 or 5 times a power of ten) inside [low, high]."""
    rough = (high - low) / TICKS
    power = 10 ** math.floor(math.log10(rough))
    step = next(factor * power for factor in (1, 2, 5, 10) if factor * power >= rough)
    first = math.ceil(low / step)
    return [round(index * step, 10) for index in range(first, math.floor(high / step) + 1)]


def _text(x: str, y: float, content: str, anchor: str, colour: str = "xp-f-ink") -> str:
    return (
        f'<text class="{colour}" x="{x}" y="{y:.1f}" text-anchor="{anchor}">'
        f"{escape(content, quote=False)}</text>"
    )


def _vline(
    x: float, top: float, bottom: float, colour: str, width: int, dashed: bool = False
) -> str:
    dash = ' stroke-dasharray="6 4"' if dashed else ""
    return (
        f'<line class="{colour}" x1="{x:.2f}%" y1="{top:.1f}" x2="{x:.2f}%" y2="{bottom:.1f}" '
        f'stroke-width="{width}"{dash}/>'
    )
