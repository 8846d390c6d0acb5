"""The kinds of chart, each described once: what its points need, what it may carry, and the
names of its drawings, one for every output. Models, drawings, tables and templates read this
table.

Adding a kind is one entry here plus its drawings: a Plotly figure in chartplot.py, a static SVG
in chartsvg.py (both drawn in the language of the `Formatter` they are handed) and a reserved
height in chartgeometry.py. The entry names the plotly.js trace types of its figure: the vendored
plotly.js holds only the trace types of all kinds, and `make plotly-bundle` rebuilds it from this
table. The data table and the downloads show every kind's points, with the kind's position field
as a column. chartdrawings.py looks the drawings up when the engine starts and stops it, naming
the kind, where one is missing. The table imports no drawing, so that the models (which read it)
and `make check` need neither the drawings nor Plotly.

The figures of all kinds also need a few of plotly.js's components (layout parts drawn beside the
traces); `PLOTLY_COMPONENTS` names them, and the vendored plotly.js registers only those.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..text.catalogue import N_

PositionField = Literal["date", "group"]
# The data table's column of the position: a msgid, translated by the edition's catalogue.
POSITION_HEADERS = {"date": N_("Date"), "group": N_("Group")}


@dataclass(frozen=True, kw_only=True)
class ChartKind:
    """What the engine knows about one kind of chart; its drawings by the name of the function."""

    description: str  # for editors: the schema and data/README.md
    traces: tuple[str, ...]  # plotly.js trace types of its figure, e.g. ("bar",)
    plot: str | None = None  # chartplot.py: builds the Plotly figure
    svg: str | None = None  # chartsvg.py: draws the static SVG shown until plotly.js takes over
    height: str | None = None  # chartgeometry.py: pixels reserved for either drawing
    position: PositionField | None = None  # point field every point needs; a table column
    reference: bool = False  # may draw a labelled reference line
    annotations: bool = False  # may pin texts to days
    own_range: bool = False  # the value axis spans the values alone, not from 0: needs two

    @property
    def position_header(self) -> str:
        return POSITION_HEADERS[self.position] if self.position else ""


def plotly_traces(kinds: dict[str, ChartKind]) -> tuple[str, ...]:
    """The plotly.js trace types the kinds' figures use, sorted: what the vendored bundle holds."""
    return tuple(sorted({trace for kind in kinds.values() for trace in kind.traces}))


# The plotly.js components (of the 16 plotly.js's src/core.js registers) that the figures of
# chartplot.py use, and what uses each; the vendored plotly.js registers only these, in
# plotly.js's order. tests/test_vendor.py fails when a figure of the data uses another one.
PLOTLY_COMPONENTS: tuple[str, ...] = (
    "annotations",  # the bars' row names and reference label; a line chart's texts with arrows
    "fx",  # hover labels (hovermode, hoverlabel, hovertemplate); dragmode is its setting too
    "legend",  # the groups of grouped bars, the lines of a line chart
    "modebar",  # the mode bar with the buttons the config leaves (zoom, pan, reset, hover modes)
    "shapes",  # the dashed reference line across the bars
)

CHART_KINDS: dict[str, ChartKind] = {
    "bar": ChartKind(
        description="one horizontal bar per point",
        traces=("bar",),
        plot="build_bar",
        svg="draw_bars",
        height="bar_height",
        reference=True,
    ),
    "grouped_bar": ChartKind(
        description="bars grouped by 'group' (needed on every point), told apart by colour and "
        "hatching",
        traces=("bar",),
        plot="build_grouped_bar",
        svg="draw_grouped_bars",
        height="grouped_bar_height",
        position="group",
        reference=True,
    ),
    "diverging_bar": ChartKind(
        description="losses left, gains right of a marked zero line, labelled with their sign",
        traces=("bar",),
        plot="build_diverging_bar",
        svg="draw_diverging_bars",
        height="bar_height",
    ),
    "line": ChartKind(
        description="one line per label over 'date' (needed on every point), every observation "
        "marked",
        traces=("scatter",),
        plot="build_line",
        svg="draw_lines",
        height="line_height",
        position="date",
        annotations=True,
        own_range=True,
    ),
}
