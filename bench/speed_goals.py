"""The speed goals the tests used to assert, measured here instead: a test under load must not
fail for being slow, but a maintainer should see when the engine gets slower.

Run with `make bench`. Each line: what was timed, the slowest (or median) time, the goal beside it.
Exits 1 when a goal is missed, so a slowdown is noticed; timings vary with the machine's load.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sitebuild import ROOT

sys.path[:0] = [str(ROOT / "hooks"), str(ROOT / "tests")]  # the engine; the loader tests' attacks

from explainer.charts.chartdrawings import CHART_DRAWINGS  # noqa: E402
from explainer.charts.chartsvg import chart_svg  # noqa: E402
from explainer.data.errors import DataError  # noqa: E402
from explainer.data.load import load_site_data  # noqa: E402
from explainer.data.models import Chart  # noqa: E402
from explainer.text.formatting import Formatter  # noqa: E402
from test_loader_robust import ATTACKS  # noqa: E402

RUNS = 3  # `make check`: the median of this many runs


def seconds(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def make_check() -> float:
    """Median wall time of `python -m explainer check` on the real data (a fresh interpreter)."""
    command = [sys.executable, "-m", "explainer", "check", str(ROOT)]
    run = lambda: subprocess.run(command, cwd=ROOT / "hooks", check=True)  # noqa: E731
    return statistics.median(seconds(run) for _ in range(RUNS))


def slowest_attack(data_dir: Path) -> tuple[float, str]:
    """The slowest rejection of a known attack written into data/site.yaml, and its name."""
    site_file = data_dir / "site.yaml"
    original = site_file.read_text("utf-8")
    times = []
    for name, text in ATTACKS.items():
        site_file.write_text(text, "utf-8")
        times.append((seconds(lambda: _rejected(data_dir)), name))
    site_file.write_text(original, "utf-8")
    return max(times)


def _rejected(data_dir: Path) -> None:
    try:
        load_site_data(data_dir)
    except DataError:
        return
    raise AssertionError("an attack was accepted: tests/test_loader_robust.py fails too")


def slowest_static_chart() -> tuple[float, str]:
    """The slowest static SVG of a chart of the real data (400 px), and its id."""
    data = load_site_data(ROOT / "data")
    formatter = Formatter(data.language)

    def draw(chart: Chart) -> str:
        return chart_svg(chart, 400, CHART_DRAWINGS[chart.kind].svg, formatter)

    return max((seconds(lambda chart=chart: draw(chart)), chart.id) for chart in data.charts)


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        data_copy = shutil.copytree(ROOT / "data", Path(folder) / "data")
        attack, attack_name = slowest_attack(data_copy)
    chart, chart_id = slowest_static_chart()
    rows = [
        (f"make check on the real data (median of {RUNS})", make_check(), 1.0),
        (f"a known attack rejected by the loader (slowest: {attack_name})", attack, 1.0),
        (f"a chart's static SVG (slowest: {chart_id})", chart, 0.05),
    ]
    print("\n==> speed goals (wall seconds; the tests do not time anything)")
    missed = 0
    for what, measured, goal in rows:
        verdict = "ok" if measured < goal else "OVER"
        missed += measured >= goal
        print(f"  {measured:>8.3f} s  goal < {goal:<4g} s  {verdict:<4}  {what}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
