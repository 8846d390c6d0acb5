"""What the chart() macro prints for one chart: the plot (a file to draw), its reserved height
and the data table, all from the table of chart kinds and its drawings, in the language of the
edition's `Formatter` (text/formatting.py)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import babel
import plotly
from markupsafe import Markup

from ..data import chartkinds
from ..data.chartkinds import CHART_KINDS
from ..store import filecache
from ..store.drawing import Drawing
from ..text import formatting, jsonhtml
from ..text.catalogue import N_
from . import chartgeometry, chartplot
from .chartdrawings import CHART_DRAWINGS
from .chartgeometry import value_text
from .chartplot import plot_config, plot_json
from .chartsvg import chart_svg

if TYPE_CHECKING:
    from ..data.models import Chart, ChartPoint
    from ..text.formatting import Formatter

# Where the plots go, below docs/: a file per chart, fetched by charts.js when it draws the
# chart, so a page's first view carries only the static drawing.
PLOT_FOLDER = "assets/plots"
NO_SOURCE = N_("no source")  # a reference line's note in the table
REFERENCE_LINE = N_("Reference line")  # its place in the table


@dataclass(frozen=True)
class ChartRow:
    """One line of the data table under a chart, as the edition writes numbers and dates."""

    label: str
    position: str  # group or date; empty for kinds without a position
    value: str
    note: str
    source: str  # source id, or "" for an unsourced reference value


@dataclass(frozen=True)
class ChartView:
    """Everything the chart() macro prints for one chart."""

    plot: Drawing  # the plot's JSON, as a file to draw (SiteBuild.pending_files)
    plot_path: str  # below docs/, named by what the plot is made from: a new plot, a new address
    svg: Markup  # the static drawing shown until plotly.js takes over
    height: int
    rows: list[ChartRow]
    source_ids: list[str]
    position_header: str  # in the edition's language; empty for kinds without a position


def chart_view(chart: Chart, formatter: Formatter, plot_cache: Path | None = None) -> ChartView:
    """The plot, reserved height and data table of a chart in the formatter's language; the plot
    is to be drawn, or read from `plot_cache` where an earlier build made it from the same chart
    with the same code and words."""
    drawing = plot_drawing(chart, formatter, plot_cache)
    height = CHART_DRAWINGS[chart.kind].height(chart)
    svg = chart_svg(chart, height, CHART_DRAWINGS[chart.kind].svg, formatter)
    return ChartView(
        plot=drawing,
        plot_path=plot_path(chart, drawing),
        svg=Markup(svg),  # noqa: S704 - built from escaped parts
        height=height,
        rows=table_rows(chart, formatter),
        source_ids=source_ids(chart),
        position_header=_position_header(chart, formatter),
    )


def plot_drawing(chart: Chart, formatter: Formatter, plot_cache: Path | None = None) -> Drawing:
    """The chart's plot as a file to draw (store/drawing.py), kept in `plot_cache`."""
    return Drawing(_plot_key(chart, formatter), ".json", plot_cache, draw_plot, (chart, formatter))


def plot_path(chart: Chart, plot: Drawing) -> str:
    """Where the plot goes, below docs/: named by what it is made from, so that a new plot has
    a new address."""
    return f"{PLOT_FOLDER}/{chart.id}.{plot.key[:16]}.json"


def draw_plot(order: tuple[Chart, Formatter]) -> bytes:
    """The plot JSON of a chart in the formatter's language."""
    chart, formatter = order
    return plot_json(CHART_DRAWINGS[chart.kind].plot(chart, formatter), formatter).encode()


def _plot_key(chart: Chart, formatter: Formatter) -> str:
    """What a plot is made from: the chart, the code, the libraries, the locale and the words of
    the catalogue (axis titles, amounts in hovers and labels, mode bar words are in the plot)."""
    code = filecache.source_digest(chartkinds, chartgeometry, chartplot, formatting, jsonhtml)
    words = json.dumps(plot_config(formatter), sort_keys=True) + formatter.fingerprint()
    return filecache.digest(
        chart.model_dump_json(), code, plotly.__version__, babel.__version__, words
    )


def source_ids(chart: Chart) -> list[str]:
    """Ids of the sources the chart rests on, in order of first use."""
    ids = [point.source for point in chart.points]
    if chart.reference and chart.reference.source:
        ids.append(chart.reference.source)
    return list(dict.fromkeys(ids))


def table_rows(chart: Chart, formatter: Formatter) -> list[ChartRow]:
    """The chart's numbers as the data table shows them: exact, in the formatter's language,
    with qualifier."""
    rows = [
        ChartRow(
            label=point.label,
            position=_position(chart, formatter, point),
            value=value_text(chart, formatter, point.value, point.qualifier, point.decimals),
            note=point.note or "",
            source=point.source,
        )
        for point in chart.points
    ]
    if chart.reference:
        reference = chart.reference
        note = "" if reference.source else formatter.word(NO_SOURCE)
        value = value_text(chart, formatter, reference.value)
        position = formatter.word(REFERENCE_LINE)
        rows.append(ChartRow(reference.label, position, value, note, reference.source or ""))
    return rows


def _position_header(chart: Chart, formatter: Formatter) -> str:
    header = CHART_KINDS[chart.kind].position_header
    return formatter.word(header) if header else ""


def _position(chart: Chart, formatter: Formatter, point: ChartPoint) -> str:
    position = CHART_KINDS[chart.kind].position
    value = getattr(point, position) if position else None
    if value is None:
        return ""
    return formatter.date(value) if position == "date" else value
