"""The vendored plotly.js: the exact file we checked, matching the plotly.py that builds figures.

Figures are built by plotly.py and drawn by plotly.js; both must be the same plotly.js version or
attributes may be dropped silently. To update: `cd /tmp && npm pack plotly.js-basic-dist-min@<v>`
with <v> = plotly.offline.get_plotlyjs_version(), copy plotly-basic.min.js (keep its licence
header) and the LICENSE, then update VERSION and SHA256 here.
"""

from __future__ import annotations

import hashlib

from conftest import ROOT
from explainer.charts.chartdrawings import CHART_DRAWINGS
from explainer.data.sitedata import SiteData
from explainer.text.formatting import Formatter
from plotly.offline import get_plotlyjs_version

VENDOR = ROOT / "overrides" / "assets" / "javascripts" / "vendor"
BUNDLE = VENDOR / "plotly-basic.min.js"
VERSION = "4.1.1"
SHA256 = "99784e3abfb07b142a15e521a439e6d9addceadb3f79553fd24c72774f0649ba"

# Trace types the chart builders use; the basic bundle has bar, pie and scatter.
TRACES_USED = ("bar", "scatter")


def test_bundle_is_the_checked_file() -> None:
    assert hashlib.sha256(BUNDLE.read_bytes()).hexdigest() == SHA256


def test_bundle_version_matches_the_plotly_js_of_plotly_py() -> None:
    header = BUNDLE.read_text("utf-8")[:200]
    assert f"plotly.js (basic - minified) v{VERSION}" in header
    assert get_plotlyjs_version() == VERSION, "plotly.py was updated: vendor the same plotly.js"


def test_bundle_keeps_its_licence() -> None:
    assert "Licensed under the MIT license" in BUNDLE.read_text("utf-8")[:200]
    assert "MIT License" in (VENDOR / "plotly-basic.LICENSE.txt").read_text("utf-8")


def test_builders_only_use_traces_of_the_basic_bundle(data: SiteData) -> None:
    formatter = Formatter(data.language)
    used = {
        trace.type
        for chart in data.charts
        for trace in CHART_DRAWINGS[chart.kind].plot(chart, formatter).data
    }
    assert used <= set(TRACES_USED)
