"""`make plotly-bundle`: the vendored plotly.js with only the trace types and components the
chart kinds need.

The trace types and components come from the table of chart kinds
(hooks/explainer/data/chartkinds.py); plotly.js and esbuild come from the npm packages pinned in
package.json and package-lock.json beside this script, installed by the Makefile below .cache/
(`npm ci`). The bundle's entry is plotly.js's own core (src/core.js) less the components not
named and less its beta exports, with the traces registered, minified by esbuild with the options
of plotly.js's own build (esbuild-config.js in its package). Its header names the plotly.js
version, the trace types and the components; tests/test_vendor.py compares them with the table.
plotly.js's licence is copied beside it.

Usage: PYTHONPATH=hooks python tools/plotly-bundle/build.py NODE_PROJECT OUTPUT_DIR
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from explainer.data.chartkinds import CHART_KINDS, PLOTLY_COMPONENTS, plotly_traces

BUNDLE_NAME = "plotly-custom.min.js"  # plotly.js's own name for a custom bundle
LICENCE_NAME = "plotly-custom.LICENSE.txt"

# plotly.js's esbuild-config.js, less what only other traces need: its CSS plugin inlines the
# map traces' stylesheet (here an empty module) and its GLSL plugin the WebGL traces' shaders.
ESBUILD_OPTIONS = (
    "--bundle",
    "--minify",
    "--format=iife",
    "--global-name=Plotly",
    "--target=es2016",  # newer ones save < 0.2 % and drop browsers Material supports (Safari 10)
    "--define:global=window",
    "--define:define.amd=false",
    "--loader:.css=empty",
    "--alias:regl=@plotly/regl",
    "--alias:stream=stream-browserify",
    "--log-level=warning",
)


# One line of src/core.js's list of the components it registers.
COMPONENT_LINE = re.compile(r"^[ \t]*require\('\./components/(\w+)'\),?.*\n", re.MULTILINE)
# Where src/core.js starts exporting its "beta" helpers (Plotly.Plots, .Fx, .Snapshot,
# .PlotSchema): charts.js calls Plotly.react and Plotly.downloadImage only.
BETA_EXPORTS = "// unofficial 'beta' plot methods"


def entry_code(core: str, components: tuple[str, ...], traces: tuple[str, ...]) -> str:
    """The bundle's entry: plotly.js's src/core.js with only `components` (in its order) and the
    traces registered (core has scatter too), without its beta exports; its relative requires
    made to name the package."""
    offered = COMPONENT_LINE.findall(core)
    unknown = sorted(set(components) - set(offered))
    if unknown:
        sys.exit(
            f"plotly.js's src/core.js registers no component {', '.join(unknown)}: "
            "check PLOTLY_COMPONENTS in chartkinds.py"
        )
    if BETA_EXPORTS not in core:
        sys.exit(f"plotly.js's src/core.js has no line {BETA_EXPORTS!r}: update build.py")
    kept = core.partition(BETA_EXPORTS)[0]
    kept = COMPONENT_LINE.sub(lambda line: line[0] if line[1] in components else "", kept)
    kept = kept.replace("require('./", "require('plotly.js/src/")
    kept = kept.replace("require('../", "require('plotly.js/")
    modules = ", ".join(f"require('plotly.js/lib/{trace}')" for trace in traces)
    return f"{kept}register([{modules}]);\n"


def header(
    version: str,
    esbuild: str,
    traces: tuple[str, ...],
    components: tuple[str, ...],
    copyright_line: str,
) -> str:
    """The licence header of plotly.js's own bundles, with the trace types, the components and
    how it was made."""
    return (
        "/**\n"
        f"* plotly.js (custom - minified) v{version}\n"
        f"* Trace types: {', '.join(traces)}\n"
        f"* Components: {', '.join(sorted(components))}\n"
        f"* Built by `make plotly-bundle` (tools/plotly-bundle/) with esbuild {esbuild}\n"
        f"{copyright_line}\n"
        "* All rights reserved.\n"
        "* Licensed under the MIT license\n"
        "*/"
    )


def package_version(modules: Path, name: str) -> str:
    return json.loads((modules / name / "package.json").read_text("utf-8"))["version"]


def build(project: Path, output: Path) -> Path:
    """Write the bundle and plotly.js's licence into `output`; return the bundle's path."""
    project = project.resolve()  # esbuild runs there
    modules = project / "node_modules"
    plotly = modules / "plotly.js"
    traces = plotly_traces(CHART_KINDS)
    unknown = [trace for trace in traces if not (plotly / "lib" / f"{trace}.js").is_file()]
    if unknown:
        names = ", ".join(unknown)
        sys.exit(f"plotly.js has no trace type {names}: check the traces= in chartkinds.py")
    # The full bundle's header holds plotly.js's copyright line with its years.
    dist_header = (plotly / "dist" / "plotly.js").read_text("utf-8")[:300].splitlines()
    copyright_line = next(line for line in dist_header if line.startswith("* Copyright"))
    banner = header(
        package_version(modules, "plotly.js"),
        package_version(modules, "esbuild"),
        traces,
        PLOTLY_COMPONENTS,
        copyright_line,
    )
    entry = project / "entry.js"
    core = (plotly / "src" / "core.js").read_text("utf-8")
    entry.write_text(entry_code(core, PLOTLY_COMPONENTS, traces), "utf-8")
    bundle = output / BUNDLE_NAME
    command = [str(modules / ".bin" / "esbuild"), entry.name, *ESBUILD_OPTIONS]
    command += [f"--banner:js={banner}", f"--outfile={bundle.resolve()}"]
    subprocess.run(command, cwd=project, check=True)
    (output / LICENCE_NAME).write_bytes((plotly / "LICENSE").read_bytes())
    return bundle


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__.rsplit("Usage: ", 1)[1].strip())
    written = build(Path(sys.argv[1]), Path(sys.argv[2]))
    traces, components = ", ".join(plotly_traces(CHART_KINDS)), ", ".join(PLOTLY_COMPONENTS)
    print(f"{written}: plotly.js with {traces}; components {components}")
