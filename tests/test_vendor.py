"""The vendored plotly.js: the file we checked, built with the chart kinds' trace types and
components from the plotly.js of the plotly.py that builds the figures.

Figures are built by plotly.py and drawn by plotly.js; both must be the same plotly.js version or
attributes may be dropped silently. The bundle holds only the trace types of the chart kinds and
the components of PLOTLY_COMPONENTS (chartkinds.py); plotly.js ignores, without a word, a layout
part whose component it lacks, so every figure of the data is checked against that list. To
update the bundle (another plotly.py, a kind with another trace type, a figure with another
component): pin plotly.js at plotly.offline.get_plotlyjs_version() in
tools/plotly-bundle/package.json (and its lock file, README: "plotly.js"), run
`make plotly-bundle`, then record the new SHA256 here.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import ROOT
from explainer.charts.charttable import draw_plot
from explainer.data.chartkinds import CHART_KINDS, PLOTLY_COMPONENTS, ChartKind, plotly_traces
from explainer.data.sitedata import SiteData
from explainer.text.formatting import Formatter
from plotly.offline import get_plotlyjs_version

VENDOR = ROOT / "overrides" / "assets" / "javascripts" / "vendor"
BUNDLE = VENDOR / "plotly-custom.min.js"
PACKAGE = ROOT / "tools" / "plotly-bundle" / "package.json"
BUILD_SCRIPT = ROOT / "tools" / "plotly-bundle" / "build.py"
SHA256 = "aacb034ee5402c51dab639f42d0e6aa10b341f57f2e4d48202d7fb1b8c24940d"

# Where a figure uses a plotly.js component: a pattern for its paths ("layout.xaxis.rangeslider.
# visible=true": keys from the top, list positions and axis numbers left out, a value after "=").
COMPONENT_PATHS = {
    "annotations": r"layout\.annotations\..*",
    "annotations3d": r"layout\.scene\.annotations\..*",
    "selections": r"layout\.(selections|newselection|activeselection)\..*"
    r"|layout\.dragmode=(select|lasso)",
    "shapes": r"layout\.(shapes|newshape)\..*|layout\.dragmode=draw.*",
    "images": r"layout\.images\..*",
    "updatemenus": r"layout\.updatemenus\..*",
    "sliders": r"layout\.sliders\..*",
    "rangeslider": r"layout\.xaxis\.rangeslider\..*",
    "rangeselector": r"layout\.xaxis\.rangeselector\..*",
    "grid": r"layout\.grid\..*",
    "errorbars": r"data\.error_[xy]\..*",
    "colorscale": r"layout\.(coloraxis|colorscale)\..*|data\..*(colorscale|coloraxis)=.*",
    "colorbar": r".*\.colorbar\..*|.*showscale=true",
    "legend": r"layout\.(legend\..*|showlegend=true)",
    "fx": r"layout\.(hover|spike|clickmode).*|data\.hover.*",
    "modebar": r"layout\.modebar\..*|config\.(modeBar|displayModeBar).*",
}
# Components plotly.js uses unless a figure turns them off with all of these paths: the mode bar
# and hover labels are on by default, and the mode bar offers selecting bars and points.
OFF_SWITCHES = {
    "modebar": {"config.displayModeBar=false"},
    "fx": {"layout.hovermode=false", "layout.dragmode=false"},
    "selections": {
        "config.modeBarButtonsToRemove=select2d",
        "config.modeBarButtonsToRemove=lasso2d",
    },
}


def bundle_header() -> str:
    return BUNDLE.read_text("utf-8")[:400]


def figure_paths(value: Any, path: str = "") -> Iterator[str]:
    """The paths of a figure's JSON (data, layout and config) as COMPONENT_PATHS reads them."""
    if isinstance(value, dict | list) and not value:
        yield f"{path}="  # an empty part: a menu without buttons is a menu
    elif isinstance(value, dict):
        for key, item in value.items():
            key = re.sub(r"^([a-z]+axis)\d+$", r"\1", key)  # xaxis2 is an xaxis
            yield from figure_paths(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for item in value:
            yield from figure_paths(item, path)
    else:
        yield f"{path}={value if isinstance(value, str) else json.dumps(value)}"


def components_used(figure: dict[str, Any]) -> set[str]:
    """The plotly.js components that draw some part of this figure."""
    paths = set(figure_paths(figure))
    named = {
        component
        for component, pattern in COMPONENT_PATHS.items()
        if any(re.fullmatch(pattern, path) for path in paths)
    }
    return named | {component for component, off in OFF_SWITCHES.items() if not off <= paths}


def missing_rebuild(header: str, kinds: dict[str, ChartKind]) -> str:
    """Why the bundle with this header does not fit these kinds, or "" if it does."""
    named = re.search(r"^\* Trace types: (.*)$", header, flags=re.MULTILINE)
    bundled = tuple(named.group(1).split(", ")) if named else ()
    needed = plotly_traces(kinds)
    if bundled == needed:
        return ""
    return (
        f"the chart kinds need the plotly.js trace types {', '.join(needed)}, the vendored "
        f"bundle has {', '.join(bundled) or 'none named'}: run `make plotly-bundle`"
    )


def test_bundle_is_the_checked_file() -> None:
    digest = hashlib.sha256(BUNDLE.read_bytes()).hexdigest()
    assert digest == SHA256, f"a new bundle: if `make plotly-bundle` wrote it, record {digest}"


def test_bundle_has_the_trace_types_of_the_chart_kinds() -> None:
    assert missing_rebuild(bundle_header(), CHART_KINDS) == ""


def test_bundle_has_the_components_of_the_chart_kinds() -> None:
    named = re.search(r"^\* Components: (.*)$", bundle_header(), flags=re.MULTILINE)
    bundled = named.group(1) if named else "none named"
    needed = ", ".join(sorted(PLOTLY_COMPONENTS))
    assert bundled == needed, f"PLOTLY_COMPONENTS is {needed}: run `make plotly-bundle`"


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_figure_of_the_data_uses_only_bundled_components(
    data: SiteData, language: str
) -> None:
    for chart in data.charts:
        figure = json.loads(draw_plot((chart, Formatter(language))))
        missing = components_used(figure) - set(PLOTLY_COMPONENTS)
        assert not missing, f"chart {chart.id} needs {missing}: add it to PLOTLY_COMPONENTS"


# A figure as chartplot.py builds them, with all it needs in place.
BUILT = {
    "data": [{"type": "bar", "hovertemplate": "%{x}"}],
    "layout": {"annotations": [{"text": "a"}], "shapes": [{"type": "line"}], "legend": {"x": 0}},
    "config": {"modeBarButtonsToRemove": ["select2d", "lasso2d"]},
}


def test_a_figure_as_chartplot_builds_them_uses_the_bundled_components() -> None:
    assert components_used(BUILT) == set(PLOTLY_COMPONENTS)


@pytest.mark.parametrize(
    ("change", "component"),
    [
        ({"layout": {**BUILT["layout"], "images": [{"source": "a.png"}]}}, "images"),
        ({"layout": {**BUILT["layout"], "xaxis2": {"rangeslider": {"visible": True}}}},
         "rangeslider"),
        ({"layout": {**BUILT["layout"], "xaxis": {"rangeselector": {"buttons": []}}}},
         "rangeselector"),
        ({"layout": {**BUILT["layout"], "updatemenus": [{"buttons": []}]}}, "updatemenus"),
        ({"layout": {**BUILT["layout"], "sliders": [{"steps": []}]}}, "sliders"),
        ({"layout": {**BUILT["layout"], "grid": {"rows": 2}}}, "grid"),
        ({"layout": {**BUILT["layout"], "dragmode": "lasso"}}, "selections"),
        ({"config": {"modeBarButtonsToRemove": ["lasso2d"]}}, "selections"),
        ({"data": [{"type": "bar", "error_x": {"array": [1]}}]}, "errorbars"),
        ({"data": [{"type": "bar", "marker": {"colorscale": "Viridis"}}]}, "colorscale"),
        ({"data": [{"type": "bar", "marker": {"showscale": True}}]}, "colorbar"),
        ({"data": [{"type": "bar", "marker": {"colorbar": {"title": {"text": "t"}}}}]},
         "colorbar"),
    ],
    ids=["image", "range slider on a second axis", "range selector", "menu", "slider", "grid",
         "lasso", "select button kept", "error bars", "colour scale", "colour bar",
         "colour bar's title"],
)  # fmt: skip
def test_a_figure_with_a_layout_part_of_another_component_asks_for_it(
    change: dict, component: str
) -> None:
    assert components_used({**BUILT, **change}) - set(PLOTLY_COMPONENTS) == {component}


@pytest.mark.parametrize(
    ("traces", "message"),
    [
        (("scatter",), ""),
        (("bar",), ""),
        (("pie",), "the chart kinds need the plotly.js trace types bar, pie, scatter, the "
                   "vendored bundle has bar, scatter: run `make plotly-bundle`"),
    ],
    ids=["new kind with a line", "new kind with bars", "new kind with a pie"],
)  # fmt: skip
def test_a_new_kind_with_another_trace_type_asks_for_a_rebuild(
    traces: tuple[str, ...], message: str
) -> None:
    kinds = {**CHART_KINDS, "new": ChartKind(description="d", traces=traces)}
    assert missing_rebuild(bundle_header(), kinds) == message


def test_a_bundle_without_trace_types_in_its_header_asks_for_a_rebuild() -> None:
    message = missing_rebuild("/** plotly.js */", CHART_KINDS)
    assert message.endswith("the vendored bundle has none named: run `make plotly-bundle`")


def test_bundle_version_matches_the_plotly_js_of_plotly_py() -> None:
    version = get_plotlyjs_version()
    pinned = json.loads(PACKAGE.read_text("utf-8"))["devDependencies"]["plotly.js"]
    assert pinned == version, f"plotly.py ships plotly.js {version}: pin it in {PACKAGE.name}"
    assert f"* plotly.js (custom - minified) v{version}\n" in bundle_header()


def test_bundle_keeps_its_licence() -> None:
    assert "Licensed under the MIT license" in bundle_header()
    assert "MIT License" in (VENDOR / "plotly-custom.LICENSE.txt").read_text("utf-8")


def bundle_tool() -> Any:
    """tools/plotly-bundle/build.py, imported from its file (its folder is no package)."""
    spec = importlib.util.spec_from_file_location("plotly_bundle_build", BUILD_SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# plotly.js's src/core.js in small: its component list and its beta exports.
CORE = """exports.version = require('./version').version;
require('../build/plotcss');
register([
    require('./components/annotations'),
    require('./components/images'),
    require('./components/legend'), // legend needs to come after shape
    require('./components/fx')
]);
// unofficial 'beta' plot methods, use at your own risk
exports.Snapshot = require('./snapshot');
"""


def test_the_entry_is_plotly_core_with_only_the_named_components_and_the_traces() -> None:
    entry = bundle_tool().entry_code(CORE, ("fx", "annotations"), ("bar", "scatter"))
    assert entry == (
        "exports.version = require('plotly.js/src/version').version;\n"
        "require('plotly.js/build/plotcss');\n"
        "register([\n"
        "    require('plotly.js/src/components/annotations'),\n"
        "    require('plotly.js/src/components/fx')\n"
        "]);\n"
        "register([require('plotly.js/lib/bar'), require('plotly.js/lib/scatter')]);\n"
    )


@pytest.mark.parametrize(
    ("core", "components", "message"),
    [
        (CORE, ("fx", "sankey"), "plotly.js's src/core.js registers no component sankey: check "
                                 "PLOTLY_COMPONENTS in chartkinds.py"),
        (CORE.split("// unofficial")[0], ("fx",), "plotly.js's src/core.js has no line "
                                                  "\"// unofficial 'beta' plot methods\": "
                                                  "update build.py"),
    ],
    ids=["unknown component", "another plotly.js core"],
)  # fmt: skip
def test_the_build_stops_naming_what_plotly_js_core_lacks(
    core: str, components: tuple[str, ...], message: str
) -> None:
    with pytest.raises(SystemExit) as stop:
        bundle_tool().entry_code(core, components, ("bar",))
    assert str(stop.value) == message
