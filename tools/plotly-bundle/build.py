"""`make plotly-bundle`: the vendored plotly.js with only the trace types the chart kinds need.

The trace types come from the table of chart kinds (hooks/explainer/data/chartkinds.py); plotly.js
and esbuild come from the npm packages pinned in package.json and package-lock.json beside this
script, installed by the Makefile below .cache/ (`npm ci`). The bundle is plotly.js's core with
those traces registered, minified by esbuild with the options of plotly.js's own build
(esbuild-config.js in its package). Its header names the plotly.js version and the trace types;
tests/test_vendor.py compares them with the table. plotly.js's licence is copied beside it.

Usage: PYTHONPATH=hooks python tools/plotly-bundle/build.py NODE_PROJECT OUTPUT_DIR
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from explainer.data.chartkinds import CHART_KINDS, plotly_traces

BUNDLE_NAME = "plotly-custom.min.js"  # plotly.js's own name for a custom bundle
LICENCE_NAME = "plotly-custom.LICENSE.txt"

# plotly.js's esbuild-config.js, less what only other traces need: its CSS plugin inlines the
# map traces' stylesheet (here an empty module) and its GLSL plugin the WebGL traces' shaders.
ESBUILD_OPTIONS = (
    "--bundle",
    "--minify",
    "--format=iife",
    "--global-name=Plotly",
    "--target=es2016",
    "--define:global=window",
    "--define:define.amd=false",
    "--loader:.css=empty",
    "--alias:regl=@plotly/regl",
    "--alias:stream=stream-browserify",
    "--log-level=warning",
)


def entry_code(traces: tuple[str, ...]) -> str:
    """The bundle's entry: plotly.js's core with the traces registered (core has scatter too)."""
    modules = ", ".join(f"require('plotly.js/lib/{trace}')" for trace in traces)
    return (
        "var Plotly = require('plotly.js/lib/core');\n"
        f"Plotly.register([{modules}]);\n"
        "module.exports = Plotly;\n"
    )


def header(version: str, esbuild: str, traces: tuple[str, ...], copyright_line: str) -> str:
    """The licence header of plotly.js's own bundles, with the trace types and how it was made."""
    return (
        "/**\n"
        f"* plotly.js (custom - minified) v{version}\n"
        f"* Trace types: {', '.join(traces)}\n"
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
        copyright_line,
    )
    entry = project / "entry.js"
    entry.write_text(entry_code(traces), "utf-8")
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
    print(f"{written}: plotly.js with {', '.join(plotly_traces(CHART_KINDS))}")
