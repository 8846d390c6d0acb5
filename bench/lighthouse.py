"""Lighthouse performance of a text page, a claim page with one chart and the Zahlen page.

Builds the site, serves it on 127.0.0.1 (text gzip-compressed, as GitHub Pages sends it), runs
Lighthouse (LIGHTHOUSE: its command, 12.x) with Debian's Chromium (CHROME_PATH) on each page,
mobile and desktop, RUNS times, and prints the median score, LCP, TBT and CLS.
`make bench-lighthouse` installs Lighthouse into .cache/ and runs this. Timings are not test
assertions: this prints figures, it does not pass or fail on them.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import tempfile
from pathlib import Path

from localweb import GzipHandler, serve_folder
from sitebuild import ROOT, build_site

RUNS = 3
LIGHTHOUSE = os.environ.get("LIGHTHOUSE", "lighthouse")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --no-first-run"
FORM_FACTORS = {"mobile": [], "desktop": ["--preset=desktop"]}
METRICS = {  # Lighthouse audit -> column, unit divisor, format
    "largest-contentful-paint": ("LCP", 1000, "{:.1f} s"),
    "total-blocking-time": ("TBT", 1, "{:.0f} ms"),
    "cumulative-layout-shift": ("CLS", 1, "{:.3f}"),
}


def one_chart_claim_page(site_dir: Path) -> str:
    """Path of the first claim page (in path order) that shows exactly one chart."""
    for page in sorted(site_dir.glob("*/*/index.html")):
        if page.read_text("utf-8").count("data-xp-chart=") == 1:
            return page.parent.relative_to(site_dir).as_posix() + "/"
    raise SystemExit("no page with exactly one chart")


def run_lighthouse(url: str, form_factor: str) -> dict[str, float]:
    """Score and metrics of one Lighthouse run."""
    command = [
        LIGHTHOUSE, url, "--only-categories=performance", "--output=json",
        "--output-path=stdout", "--quiet", f"--chrome-flags={CHROME_FLAGS}",
        *FORM_FACTORS[form_factor],
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode:
        raise SystemExit(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    measured = {"score": report["categories"]["performance"]["score"] * 100}
    for audit, (column, divisor, _) in METRICS.items():
        measured[column] = report["audits"][audit]["numericValue"] / divisor
    return measured


def median_of_runs(url: str, form_factor: str) -> dict[str, float]:
    runs = [run_lighthouse(url, form_factor) for _ in range(RUNS)]
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        site_dir = Path(folder) / "site"
        build = build_site(ROOT, site_dir)
        if build.returncode:
            raise SystemExit(build.output)
        one_chart = one_chart_claim_page(site_dir)
        pages = {
            "text page (Methodik)": "methodik/",
            f"one chart ({one_chart})": one_chart,
            "Zahlen, every chart": "zahlen/",
        }
        server, base = serve_folder(site_dir, GzipHandler)
        try:
            rows = {
                (name, form): median_of_runs(base + path, form)
                for name, path in pages.items()
                for form in FORM_FACTORS
            }
        finally:
            server.shutdown()
    print(f"\n==> Lighthouse performance, median of {RUNS} runs")
    print(
        f"  {'page':<48} {'form':<8} {'score':>5}"
        + "".join(f" {c:>9}" for c, _, _ in METRICS.values())
    )
    for (name, form), measured in rows.items():
        cells = "".join(
            f" {fmt.format(measured[column]):>9}" for column, _, fmt in METRICS.values()
        )
        print(f"  {name:<48} {form:<8} {measured['score']:>5.0f}{cells}")


if __name__ == "__main__":
    main()
