"""The Content Security Policy in Chromium: nothing the site does is blocked (instant navigation
through every page, charts, colour scheme, search, PNG download), and an injected script is.

Opening each page directly is checked by the reader audit (audit.py) in test_every_page.py.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import BuiltSite
from explainer.data.sitedata import SiteData
from localweb import draw_every_chart, open_page, serve_folder
from playwright.sync_api import Browser, ConsoleMessage, Page

from .audit import CSP_LISTENER, CSP_VIOLATIONS
from .test_every_page import page_paths

PALETTE_TOGGLE = "form[data-md-component=palette] label.md-header__button:visible"
# A link the reader could have clicked; Material's instant navigation intercepts it when the
# address is in the sitemap (conftest.py points the sitemap at the test server).
FOLLOW_LINK = """url => { const link = document.createElement("a"); link.href = url;
    document.body.append(link); link.click(); link.remove(); }"""
# Material replaces the container on instant navigation: a mark on the old one tells when.
MARK_CONTAINER = "document.querySelector('[data-md-component=container]').dataset.xpOld = 'yes'"
CONTAINER_REPLACED = "() => !document.querySelector('[data-xp-old]')"
DRAWN_DARK = """() => [...document.querySelectorAll('[data-xp-chart]')]
    .every(chart => chart.dataset.xpScheme === 'slate')"""
INJECTED = ('<script>window.xpInjected = "script";</script>'
            '<img src="data:," alt="" onerror="window.xpInjected = \'handler\'">')  # fmt: skip


@dataclass
class Watched:
    """A page whose CSP violations are collected, from events and from the console."""

    page: Page
    console: list[str] = field(default_factory=list)

    def violations(self) -> list[str]:
        return self.page.evaluate(CSP_VIOLATIONS) + self.console

    def record(self, message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            self.console.append(f"console: {message.text}")


@pytest.fixture
def watched(browser: Browser) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    context.add_init_script(CSP_LISTENER)
    result = Watched(context.new_page())
    result.page.on("console", result.record)
    yield result
    context.close()


def test_instant_navigation_through_every_page_reports_no_violation(
    watched: Watched, served: str, site: BuiltSite
) -> None:
    page = watched.page
    open_page(page, served)  # Material's instant module reads the sitemap
    page.evaluate("window.xpSameDocument = true")
    # Each page's policy joins those of the pages before it, and all of them apply to what the
    # next page brings: so every page is checked against every other page's policy.
    for path in [path for path in page_paths(site) if path in instant_paths(site)]:
        page.evaluate(MARK_CONTAINER)
        page.evaluate(FOLLOW_LINK, served + path)
        page.wait_for_function(CONTAINER_REPLACED)
        draw_every_chart(page)
        assert page.url == served + path
        assert page.evaluate("window.xpSameDocument"), f"{path}: reloaded, not instant"
    violations = watched.violations()
    assert not violations, "\n".join(violations)


def instant_paths(site: BuiltSite) -> set[str]:
    """Pages instant navigation reaches from the start page: those in the sitemap except the start
    page itself (not the embed pages, which are opened on their own or in a frame)."""
    start, *others = re.findall(
        r"<loc>(.*?)</loc>", (site.site_dir / "sitemap.xml").read_text("utf-8")
    )
    return {address.removeprefix(start) for address in others}


def test_charts_colour_scheme_search_and_download_report_no_violation(
    watched: Watched, served: str, data: SiteData
) -> None:
    page = watched.page
    open_page(page, served + "zahlen/")
    draw_every_chart(page)
    chart = page.locator("[data-xp-chart]").first
    chart.hover()  # plotly.js draws its hover label
    with page.expect_download():
        page.locator("button[data-xp-export-format=png]").first.click()
    for _ in range(3):  # auto -> light -> dark: charts are drawn again in dark colours
        page.locator(PALETTE_TOGGLE).click()
        if page.evaluate("document.body.dataset.mdColorScheme") == "slate":
            break
    page.wait_for_function(DRAWN_DARK)
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially(data.claims[0].topic)
    page.locator(".md-search-result__item").first.wait_for()  # the search worker answered
    violations = watched.violations()
    assert not violations, "\n".join(violations)


def test_an_injected_inline_script_or_event_handler_is_blocked_and_reported(
    watched: Watched, site: BuiltSite, tmp_path: Path
) -> None:
    copy = tmp_path / "site"
    shutil.copytree(site.site_dir, copy)
    start = copy / "index.html"
    start.write_text(start.read_text("utf-8").replace("</body>", INJECTED + "</body>"), "utf-8")
    server, url = serve_folder(copy)
    try:
        open_page(watched.page, url)
        injected = watched.page.evaluate("window.xpInjected")
        material_ran = watched.page.evaluate("typeof __md_get === 'function'")
        reported = watched.page.evaluate(CSP_VIOLATIONS)
    finally:
        server.shutdown()
        server.server_close()
    assert injected is None
    assert material_ran, "Material's own inline scripts, allowed by hash, did not run"
    assert [line.split(" at ")[0] for line in reported] == [
        "CSP script-src-elem blocked inline",
        "CSP script-src-attr blocked inline",
    ]
