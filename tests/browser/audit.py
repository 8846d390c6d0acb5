"""Audit one page as a reader's browser sees it: accessibility (axe-core), privacy, errors, layout,
Content Security Policy violations.

Every problem is one line naming the page, the rule and the element, so a failure can be fixed
without re-running anything by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe
from localweb import draw_every_chart
from playwright.sync_api import Browser, Page, Request, Response, ViewportSize

# WCAG 2.1 A/AA (all impacts), axe's best practices (heading order, landmarks) and WCAG 2.2's
# target size (tap targets on phones).
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    }
}
HORIZONTAL_OVERFLOW = "document.documentElement.scrollWidth - window.innerWidth"
NEXT_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
TRANSITIONS_DONE = "() => document.getAnimations().every(a => a.playState !== 'running')"
# An init script: it listens before the page's own scripts run, in every document of the page.
CSP_LISTENER = """window.xpViolations = [];
document.addEventListener("securitypolicyviolation", (event) => window.xpViolations.push(
    `CSP ${event.effectiveDirective} blocked ${event.blockedURI}`
    + ` at ${event.sourceFile}:${event.lineNumber}`));"""
CSP_VIOLATIONS = "window.xpViolations"

_AXE = Axe()


@dataclass
class PageLog:
    """What the browser reported while one page loaded."""

    messages: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def attach(self, page: Page) -> None:
        page.add_init_script(CSP_LISTENER)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.messages.append(f"uncaught error: {error}"))
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("requestfailed", self._request_failed)
        page.on("response", self._response)

    def _console(self, message) -> None:  # type: ignore[no-untyped-def]
        if message.type in ("error", "warning"):
            self.messages.append(f"console {message.type}: {message.text}")

    def _request_failed(self, request: Request) -> None:
        self.failures.append(f"request failed: {request.url} ({request.failure})")

    def _response(self, response: Response) -> None:
        if response.status >= 400:
            self.failures.append(f"HTTP {response.status}: {response.url}")


def audit_in_new_context(
    browser: Browser, url: str, viewports: dict[str, ViewportSize], **context: object
) -> list[str]:
    """Load one page in a fresh browser context (a new reader: empty cache, no cookies) and audit
    it at each viewport in turn (as a reader who turns the tablet or widens the window); return
    every problem found, cookies included."""
    browser_context = browser.new_context(viewport=next(iter(viewports.values())), **context)
    try:
        problems = audit_page(browser_context.new_page(), url, viewports)
        if browser_context.cookies():
            problems.append(f"cookies were set: {browser_context.cookies()}")
    finally:
        browser_context.close()
    return problems


def audit_page(page: Page, url: str, viewports: dict[str, ViewportSize]) -> list[str]:
    """Problems of one page: axe violations and horizontal scrolling at each viewport, foreign
    requests, errors, CSP violations."""
    log = PageLog()
    log.attach(page)
    page.goto(url, wait_until="load")
    problems = []
    for name, size in viewports.items():
        page.set_viewport_size(size)
        draw_every_chart(page)  # the interactive charts; the static ones: test_without_javascript
        # The new layout's colours, not halfway there: resizing and scrolling through the charts
        # start transitions (the header swaps site and page title when the heading scrolls by).
        page.evaluate(NEXT_FRAMES)  # scroll and resize handlers have run, transitions started
        page.wait_for_function(TRANSITIONS_DONE)
        problems += [f"{name}: {problem}" for problem in axe_violations(page)]
        overflow = page.evaluate(HORIZONTAL_OVERFLOW)
        if overflow > 0:
            problems.append(f"{name}: scrolls sideways by {overflow}px at {size['width']}px")
    # Requests made late (the search index) count too; by now the network has mostly been idle
    # for the half second this waits for, while axe ran.
    page.wait_for_load_state("networkidle")
    origin = _origin(url)
    problems += [f"request to another host: {r}" for r in log.requests if _foreign(r, origin)]
    return problems + log.messages + log.failures + page.evaluate(CSP_VIOLATIONS)


def axe_violations(page: Page) -> list[str]:
    results = _AXE.run(page, options=AXE_OPTIONS)
    return [
        f"axe {violation['id']} ({violation['impact']}): {node['target']} – {violation['help']}"
        for violation in results.response["violations"]
        for node in violation["nodes"]
    ]


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _foreign(request_url: str, origin: str) -> bool:
    return not (request_url.startswith(origin + "/") or request_url.startswith(("data:", "blob:")))
