"""The table of chart kinds: a kind is complete or the engine does not start, a new kind joins
with its table entry and its drawings, and reading the data needs no drawing and no Plotly."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, build_site
from explainer.charts.chartdrawings import ChartKindError, find_drawings
from explainer.data.chartkinds import ChartKind
from minisite import MINI_IN_PROJECT, copy_project
from text import NBSP

COMPLETE = {"plot": "build_bar", "svg": "draw_bars", "height": "bar_height"}


@pytest.mark.parametrize(
    ("drawings", "message"),
    [
        ({"plot": "build_bar", "height": "bar_height"},
         "chart kind 'dots' names no static SVG (ChartKind svg=..., a function in chartsvg.py)"),
        ({**COMPLETE, "svg": "draw_dots"},
         "chart kind 'dots' has no static SVG: chartsvg.py defines no draw_dots()"),
        ({**COMPLETE, "plot": "build_dots"},
         "chart kind 'dots' has no Plotly figure: chartplot.py defines no build_dots()"),
        ({**COMPLETE, "height": "COLORS"},
         "chart kind 'dots' has no reserved height: chartgeometry.py defines no COLORS()"),
    ],
    ids=["svg not named", "svg not defined", "plot not defined", "height not a function"],
)  # fmt: skip
def test_a_kind_without_a_drawing_for_every_output_is_named(drawings: dict, message: str) -> None:
    kinds = {"dots": ChartKind(description="d", traces=("scatter",), **drawings)}
    with pytest.raises(ChartKindError) as error:
        find_drawings(kinds)
    assert message in str(error.value)


def test_every_registered_kind_has_its_drawings() -> None:
    from explainer.data.chartkinds import CHART_KINDS

    assert set(find_drawings(CHART_KINDS)) == set(CHART_KINDS)


def test_the_data_check_imports_neither_plotly_nor_a_drawing() -> None:
    command = [sys.executable, "-X", "importtime", "-m", "explainer", "check", "."]
    run = subprocess.run(
        command, cwd=ROOT, env={"PYTHONPATH": "hooks"}, capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stderr[-2000:]
    imported = set(re.findall(r"^import time:.*\|\s*(\S+)$", run.stderr, flags=re.MULTILINE))
    assert {"explainer.data.models", "explainer.data.chartkinds"} <= imported  # listing complete
    assert not {name for name in imported if name.partition(".")[0] == "plotly"}
    assert not {name for name in imported if name.startswith("explainer.charts")}  # no drawing


# ---------------------------------------------------------------------------------------------
# A new kind in a scratch copy of the engine: one table entry plus its drawings
# ---------------------------------------------------------------------------------------------

NEW_KIND = """
CHART_KINDS["dot"] = ChartKind(
    description="one dot per point on a horizontal value axis",
    traces=("scatter",),
    plot="build_dots",
    svg="draw_dots",
    height="bar_height",
)
"""

NEW_PLOT = '''

def build_dots(chart: Chart, formatter: Formatter) -> go.Figure:
    """One dot per point, a row per label."""
    plot = go.Figure(layout=bar_layout(chart, formatter))
    size, _ = scale_of(chart, formatter)
    points = chart.points
    x = [point.value / size for point in points]
    plot.add_trace(go.Scatter(x=x, y=[_plot_text(point.label) for point in points], mode="markers"))
    return plot
'''

NEW_SVG = '''

def draw_dots(chart: Chart, height: int, formatter: Formatter) -> str:
    """One dot per point with its label and value below it, the axis title at the bottom."""
    step = 80 / len(chart.points)
    parts = [_text("50%", height - 10, geometry.axis_title(chart, formatter), "middle")]
    for index, point in enumerate(chart.points):
        value = geometry.value_text(chart, formatter, point.value, short=True)
        x = 10 + index * step
        parts.append(f'<circle class="xp-f-main" cx="{x:.2f}%" cy="60" r="5"/>')
        parts.append(_text(f"{x:.2f}%", 84, f"{point.label}: {value}", "middle"))
    return "".join(parts)
'''

NEW_SERIES = """\
id: baumarten
kind: dot
topic: Bäume
title: Linden sind am häufigsten
subtitle: Zahl der Bäume im Park (Beispiel)
description: Punktdiagramm der Bäume im Stadtpark nach Art.
unit: count
counted: Bäume
points:
  - {label: Linde, value: 412, source: gruenflaechenamt}
  - {label: Eiche, value: 198, source: gruenflaechenamt}
  - {label: Ahorn, value: 87, source: gruenflaechenamt}
"""


def scratch_copy_with_a_new_kind(target: Path) -> Path:
    """The repository with kind 'dot' added as chartkinds.py says, and a mini-site series of it."""
    copy_project(target)
    engine = target / "hooks" / "explainer"
    for name, code in (
        ("data/chartkinds", NEW_KIND),
        ("charts/chartplot", NEW_PLOT),
        ("charts/chartsvg", NEW_SVG),
    ):
        module = engine / f"{name}.py"
        module.write_text(module.read_text("utf-8") + code, "utf-8")
    series = target / "tests" / "sites" / "mini" / "data" / "series" / "baumarten.yaml"
    series.write_text(NEW_SERIES, "utf-8")
    return target


def test_a_new_kind_with_its_drawings_is_drawn_and_without_its_svg_stops_the_engine(
    tmp_path: Path,
) -> None:
    project = scratch_copy_with_a_new_kind(tmp_path / "project")
    build = build_site(mini := project / MINI_IN_PROJECT, tmp_path / "site")
    assert build.returncode == 0, build.output
    chart = build.page("zahlen").split('id="diagramm-baumarten"')[1].split("</figure>")[0]
    assert chart.count("<circle ") == 3  # the SVG
    assert "Linde: 412" in chart and "Ahorn: 87" in chart
    assert f'<td class="xp-chart__value">412{NBSP}Bäume</td>' in chart  # the data table
    assert (tmp_path / "site" / "downloads" / "baumarten.csv").is_file()

    kind_test = [sys.executable, "-m", "pytest", "-q", "-p", "no:xdist", "-o", "addopts=",
                 "tests/test_charts.py", "-k", "every_kind_draws"]  # fmt: skip
    run = subprocess.run(kind_test, cwd=project, capture_output=True, text=True, check=False)
    assert run.returncode == 0 and "5 passed" in run.stdout, run.stdout[-3000:]

    chartsvg = project / "hooks" / "explainer" / "charts" / "chartsvg.py"
    chartsvg.write_text(chartsvg.read_text("utf-8").replace(NEW_SVG, ""), "utf-8")
    build = build_site(mini, tmp_path / "site-without-svg")
    assert build.returncode != 0
    assert "chart kind 'dot' has no static SVG: chartsvg.py defines no draw_dots()" in build.output
