"""The vendored plotly.js: the file we checked, built with the chart kinds' trace types from the
plotly.js of the plotly.py that builds the figures.

Figures are built by plotly.py and drawn by plotly.js; both must be the same plotly.js version or
attributes may be dropped silently. The bundle holds only the trace types of the chart kinds
(chartkinds.py). To update it (another plotly.py, or a kind with another trace type): pin
plotly.js at plotly.offline.get_plotlyjs_version() in tools/plotly-bundle/package.json (and its
lock file, README: "plotly.js"), run `make plotly-bundle`, then record the new SHA256 here.
"""

from __future__ import annotations

import hashlib
import json
import re

import pytest
from conftest import ROOT
from explainer.data.chartkinds import CHART_KINDS, ChartKind, plotly_traces
from plotly.offline import get_plotlyjs_version

VENDOR = ROOT / "overrides" / "assets" / "javascripts" / "vendor"
BUNDLE = VENDOR / "plotly-custom.min.js"
PACKAGE = ROOT / "tools" / "plotly-bundle" / "package.json"
SHA256 = "16122befcae4fe9fb8f25c2f6bc2df70d70d2b41bc9e5261c5bfce6c59ff37f7"


def bundle_header() -> str:
    return BUNDLE.read_text("utf-8")[:400]


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
