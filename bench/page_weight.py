"""Build time and page weight: what a reader's browser downloads for a text page and a chart page.

Run with `make bench`. Builds the site into a temporary folder (timing `mkdocs build`), serves it
on 127.0.0.1 and loads each page in headless Chromium, recording every response - the browser is
the honest judge of what a page pulls in (scripts injected later, the search index, fonts).
Bytes are counted raw and gzip-compressed (level 6, as typical web servers send them).
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from localweb import launch_chromium, serve_folder
from playwright.sync_api import Browser, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
PAGES = {"text page (index)": "", "chart page (zahlen)": "zahlen/"}
CHART_PAGE_BUDGET = 600 * 1024  # bytes, gzip, everything the chart page transfers
KINDS = ("html", "css", "js", "data", "other")


@dataclass
class Weight:
    """Bytes one page transferred, by kind, raw and gzip-compressed."""

    raw: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    gzip: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    urls: list[str] = field(default_factory=list)

    @property
    def total_raw(self) -> int:
        return sum(self.raw.values())

    @property
    def total_gzip(self) -> int:
        return sum(self.gzip.values())

    def add(self, url: str, kind: str, body: bytes) -> None:
        self.urls.append(url)
        self.raw[kind] += len(body)
        self.gzip[kind] += len(gzip.compress(body, compresslevel=6))


def measure_page(browser: Browser, url: str) -> Weight:
    """Load `url` in a fresh context (empty cache) and add up every response body."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    weight = Weight()
    responses = []
    context.on("response", lambda response: responses.append(response))
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    if page.locator("[data-xp-chart]").count():
        page.wait_for_selector("[data-xp-chart] .main-svg", timeout=20_000)
        page.wait_for_load_state("networkidle")
    for response in responses:
        if response.status < 300:
            weight.add(
                response.url, _kind(response.url, response.request.resource_type), response.body()
            )
    context.close()
    return weight


def build_site(site_dir: Path) -> float:
    """Run `mkdocs build --strict` into `site_dir`; return its wall time in seconds."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(site_dir)],
        cwd=ROOT,
        env=environment,
        check=True,
    )
    return time.perf_counter() - started


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        site_dir = Path(folder) / "site"
        seconds = build_site(site_dir)
        print(f"==> mkdocs build --strict: {seconds:.2f} s wall time")
        server, base = serve_folder(site_dir)
        try:
            with sync_playwright() as playwright:
                browser = launch_chromium(playwright)
                weights = {name: measure_page(browser, base + path) for name, path in PAGES.items()}
                browser.close()
        finally:
            server.shutdown()
    for name, weight in weights.items():
        _print_weight(name, weight)
    chart_page = weights["chart page (zahlen)"].total_gzip
    verdict = "within" if chart_page <= CHART_PAGE_BUDGET else "OVER"
    budget = _kb(CHART_PAGE_BUDGET)
    print(f"==> chart page {_kb(chart_page)} gzip: {verdict} the budget of {budget}")
    return 0 if chart_page <= CHART_PAGE_BUDGET else 1


# ---------------------------------------------------------------------------------------------
# Helper functions
# ---------------------------------------------------------------------------------------------


def _kind(url: str, resource_type: str) -> str:
    path = url.split("?", 1)[0]
    if resource_type == "document" or path.endswith((".html", "/")):
        return "html"
    if resource_type == "stylesheet" or path.endswith(".css"):
        return "css"
    if resource_type == "script" or path.endswith(".js"):
        return "js"
    if path.endswith((".json", ".csv", ".xml")) or resource_type in ("fetch", "xhr"):
        return "data"
    return "other"


def _print_weight(name: str, weight: Weight) -> None:
    print(f"\n{name}: {len(weight.urls)} requests")
    print(f"  {'kind':<6} {'raw':>10} {'gzip':>10}")
    for kind in KINDS:
        print(f"  {kind:<6} {_kb(weight.raw[kind]):>10} {_kb(weight.gzip[kind]):>10}")
    print(f"  {'total':<6} {_kb(weight.total_raw):>10} {_kb(weight.total_gzip):>10}")


def _kb(size: int) -> str:
    return f"{size / 1024:.1f} KB"


if __name__ == "__main__":
    sys.exit(main())
