"""The drawings of every chart kind, looked up by the names the table of kinds gives (as plotly.py
looks up a renderer by name): when the engine starts, a kind without a drawing for every output
stops it with the kind's name and what it lacks, instead of drawing an empty chart later. The
data table and the downloads need no drawing of their own: they list the points of every kind
(charttable.py, downloads.py), with the kind's position field as a column.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING

from ..data.chartkinds import CHART_KINDS, ChartKind
from . import chartgeometry, chartplot, chartsvg

if TYPE_CHECKING:
    import plotly.graph_objects as go

    from ..data.models import Chart
    from ..text.formatting import Formatter


@dataclass(frozen=True)
class ChartDrawings:
    """The functions that draw one kind of chart: the figure and the SVG in the language of the
    formatter they are handed, at the same height in every language."""

    plot: Callable[[Chart, Formatter], go.Figure]
    svg: Callable[[Chart, int, Formatter], str]
    height: Callable[[Chart], int]


# ChartKind field -> what it draws, and the module that holds the drawings of that output.
OUTPUTS: dict[str, tuple[str, ModuleType]] = {
    "plot": ("Plotly figure", chartplot),
    "svg": ("static SVG", chartsvg),
    "height": ("reserved height", chartgeometry),
}


class ChartKindError(Exception):
    """A chart kind in chartkinds.py that cannot be drawn for every output."""


def find_drawings(kinds: dict[str, ChartKind]) -> dict[str, ChartDrawings]:
    """Kind name -> its drawings; every kind that lacks one is named, and the engine stops."""
    problems = [
        problem
        for name, kind in kinds.items()
        for field in OUTPUTS
        if (problem := _missing(name, kind, field))
    ]
    if problems:
        raise ChartKindError("\n".join(["A chart kind cannot be drawn:", *problems]))
    return {name: _drawings(kind) for name, kind in kinds.items()}


def _drawings(kind: ChartKind) -> ChartDrawings:
    found = {field: getattr(module, getattr(kind, field)) for field, (_, module) in OUTPUTS.items()}
    return ChartDrawings(**found)


def _missing(name: str, kind: ChartKind, field: str) -> str | None:
    """What kind `name` lacks for the output of `field`, or None."""
    output, module = OUTPUTS[field]
    function = getattr(kind, field)
    file = f"{module.__name__.rpartition('.')[2]}.py"
    if not function:
        return (
            f"  chart kind '{name}' names no {output} (ChartKind {field}=..., a function in {file})"
        )
    if not callable(getattr(module, function, None)):
        return f"  chart kind '{name}' has no {output}: {file} defines no {function}()"
    return None


CHART_DRAWINGS = find_drawings(CHART_KINDS)
