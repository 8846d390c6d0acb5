"""The kinds of chart, each described once: how it is drawn, what its points need, what its
data table shows. Models, plot builders, tables and templates read this table; adding a kind
is one entry here plus its builder in chartplot.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from . import chartplot

if TYPE_CHECKING:
    import plotly.graph_objects as go

    from .models import Chart

PositionField = Literal["date", "group"]
POSITION_HEADERS = {"date": "Datum", "group": "Gruppe"}  # data-table column of the position


@dataclass(frozen=True)
class ChartKind:
    """What the engine knows about one kind of chart."""

    description: str  # for editors: the schema and data/README.md
    plot: Callable[[Chart], go.Figure]  # builds the Plotly figure
    height: Callable[[Chart], int]  # pixels reserved before plotly.js draws
    position: PositionField | None = None  # point field every point needs; a table column
    reference: bool = False  # may draw a labelled reference line
    annotations: bool = False  # may pin texts to days
    own_range: bool = False  # the value axis spans the values alone, not from 0: needs two

    @property
    def position_header(self) -> str:
        return POSITION_HEADERS[self.position] if self.position else ""


CHART_KINDS: dict[str, ChartKind] = {
    "bar": ChartKind(
        "one horizontal bar per point",
        chartplot.build_bar,
        chartplot.bar_height,
        reference=True,
    ),
    "grouped_bar": ChartKind(
        "bars grouped by 'group' (needed on every point), told apart by colour and hatching",
        chartplot.build_grouped_bar,
        chartplot.grouped_bar_height,
        position="group",
        reference=True,
    ),
    "diverging_bar": ChartKind(
        "losses left, gains right of a marked zero line, labelled with their sign",
        chartplot.build_diverging_bar,
        chartplot.bar_height,
    ),
    "line": ChartKind(
        "one line per label over 'date' (needed on every point), every observation marked",
        chartplot.build_line,
        chartplot.line_height,
        position="date",
        annotations=True,
        own_range=True,
    ),
}
