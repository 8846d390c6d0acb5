"""Build time and page weight: what a reader's browser downloads for a text page and a chart page.

Run with `make bench`. Builds the site into a temporary folder (timing `mkdocs build`), serves it
on 127.0.0.1 and loads each page in headless Chromium, recording every response - the browser is
the honest judge of what a page pulls in (scripts injected later, the search index, fonts).
Bytes are counted raw and gzip-compressed (level 6, as typical web servers send them).
"""

from __future__ import annotations

import gzip
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from localweb import draw_every_chart, launch_chromium, serve_folder
from playwright.sync_api import Browser, sync_playwright
from sitebuild import ROOT, build_site

PAGES = {"text page (index)": "", "chart page (zahlen)": "zahlen/"}
CHART_PAGE_BUDGET = 600 * 1024  # bytes, gzip, everything the chart page transfers
RESOURCE_TYPES = ("html", "css", "js", "data", "other")


@dataclass
class Weight:
    """Bytes one page transferred, by resource type, raw and gzip-compressed."""

    raw: dict[str, int] = field(default_factory=lambda: dict.fromkeys(RESOURCE_TYPES, 0))
    gzip: dict[str, int] = field(default_factory=lambda: dict.fromkeys(RESOURCE_TYPES, 0))
    urls: list[str] = field(default_factory=list)

    @property
    def total_raw(self) -> int:
        return sum(self.raw.values())

    @property
    def total_gzip(self) -> int:
        return sum(self.gzip.values())

    def add(self, url: str, resource_type: str, body: bytes) -> None:
        self.urls.append(url)
        self.raw[resource_type] += len(body)
        self.gzip[resource_type] += len(gzip.compress(body, compresslevel=6))


def measure_page(browser: Browser, url: str) -> Weight:
    """Load `url` in a fresh context (empty cache) and add up every response body."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    weight = Weight()
    responses = []
    context.on("response", lambda response: responses.append(response))
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    if page.locator("[data-xp-chart]").count():
        draw_every_chart(page)  # what a reader downloads who reads to the end
        page.wait_for_load_state("networkidle")
    for response in responses:
        if response.status < 300:
            weight.add(
                response.url,
                _resource_type(response.url, response.request.resource_type),
                response.body(),
            )
    context.close()
    return weight


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        site_dir = Path(folder) / "site"
        build = build_site(ROOT, site_dir)
        if build.returncode:
            print(build.output)
            return 1
        print(f"==> mkdocs build --strict: {build.seconds:.2f} s wall time")
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


def _resource_type(url: str, browser_type: str) -> str:
    path = url.split("?", 1)[0]
    if browser_type == "document" or path.endswith((".html", "/")):
        return "html"
    if browser_type == "stylesheet" or path.endswith(".css"):
        return "css"
    if browser_type == "script" or path.endswith(".js"):
        return "js"
    if path.endswith((".json", ".csv", ".xml")) or browser_type in ("fetch", "xhr"):
        return "data"
    return "other"


def _print_weight(name: str, weight: Weight) -> None:
    print(f"\n{name}: {len(weight.urls)} requests")
    print(f"  {'type':<6} {'raw':>10} {'gzip':>10}")
    for resource_type in RESOURCE_TYPES:
        raw, packed = weight.raw[resource_type], weight.gzip[resource_type]
        print(f"  {resource_type:<6} {_kb(raw):>10} {_kb(packed):>10}")
    print(f"  {'total':<6} {_kb(weight.total_raw):>10} {_kb(weight.total_gzip):>10}")


def _kb(size: int) -> str:
    return f"{size / 1024:.1f} KB"


if __name__ == "__main__":
    sys.exit(main())
