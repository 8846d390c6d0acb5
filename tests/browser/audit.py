"""Audit one page as a reader's browser sees it: accessibility (axe-core), privacy, errors, layout,
Content Security Policy violations.

Every problem is one line naming the page, the rule and the element, so a failure can be fixed
without re-running anything by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe
from localweb import Answers, draw_every_chart
from playwright.sync_api import Browser, Page, Request, Response, ViewportSize

# WCAG 2.1 A/AA (all impacts), axe's best practices (heading order, landmarks) and WCAG 2.2's
# target size (tap targets on phones). Only violations are listed node by node (axe's
# resultTypes): the passes are counted, not described, which halves axe's time.
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}
# The rules of those that read colours: all a second colour scheme of the same page can change.
AXE_COLOUR_OPTIONS = {
    "runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]},
    "resultTypes": ["violations"],
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
    answers: Answers | None = None

    def attach(self, page: Page) -> None:
        page.add_init_script(CSP_LISTENER)
        self.answers = Answers(page)
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


@dataclass(frozen=True)
class View:
    """One way a reader sees the page: a window size and a colour scheme, and the axe rules that
    can find something new there."""

    name: str
    viewport: ViewportSize
    color_scheme: str = "light"
    axe_options: dict = field(default_factory=lambda: AXE_OPTIONS)


PHONE = View("phone", {"width": 360, "height": 740})
DESKTOP = View("desktop", {"width": 1280, "height": 900})
# The dark scheme changes colours, not the page: its colours are audited at desktop width (where
# the header swaps site and page title), after the reader's system switched to it.
DESKTOP_DARK = View("desktop, dark", DESKTOP.viewport, "dark", AXE_COLOUR_OPTIONS)
# The scheme is switched on the loaded page as the reader's system does: Material follows it (its
# name for each scheme), charts.js redraws the charts in the new colours.
MATERIAL_SCHEMES = {"light": "default", "dark": "slate"}
SCHEME_SHOWN = """(shown) => !document.body.hasAttribute('data-md-color-scheme')
    || document.body.getAttribute('data-md-color-scheme') === shown"""


def audit_in_new_context(browser: Browser, url: str, views: tuple[View, ...]) -> list[str]:
    """Load one page in a fresh browser context (a new reader: empty cache, no cookies) and audit
    it in each view in turn (as a reader who turns the tablet, widens the window or lets the
    system switch to the dark scheme); return every problem found, cookies included."""
    first = views[0]
    browser_context = browser.new_context(viewport=first.viewport, color_scheme=first.color_scheme)
    try:
        problems = audit_page(browser_context.new_page(), url, views)
        if browser_context.cookies():
            problems.append(f"cookies were set: {browser_context.cookies()}")
    finally:
        browser_context.close()
    return problems


def audit_page(page: Page, url: str, views: tuple[View, ...]) -> list[str]:
    """Problems of one page: axe violations and horizontal scrolling in each view, foreign
    requests, errors, CSP violations."""
    log = PageLog()
    log.attach(page)
    page.goto(url, wait_until="load")
    problems = []
    for view in views:
        page.emulate_media(color_scheme=view.color_scheme)
        page.set_viewport_size(view.viewport)
        page.wait_for_function(SCHEME_SHOWN, arg=MATERIAL_SCHEMES[view.color_scheme])
        draw_every_chart(page)  # the interactive charts; the static ones: test_without_javascript
        # The new layout's colours, not halfway there: resizing, switching the scheme and
        # scrolling through the charts start transitions (the header swaps site and page title
        # when the heading scrolls by).
        page.evaluate(NEXT_FRAMES)  # scroll and resize handlers have run, transitions started
        page.wait_for_function(TRANSITIONS_DONE)
        found = axe_violations(page, view.axe_options)
        problems += [f"{view.name}: {problem}" for problem in found]
        overflow = page.evaluate(HORIZONTAL_OVERFLOW)
        if overflow > 0:
            width = view.viewport["width"]
            problems.append(f"{view.name}: scrolls sideways by {overflow}px at {width}px")
    # Requests made late (plotly.js for the charts) count too: every request started while the page
    # loaded, charts were drawn and axe ran, and whether its answer came.
    log.answers.wait(page)
    origin = _origin(url)
    problems += [f"request to another host: {r}" for r in log.requests if _foreign(r, origin)]
    return problems + log.messages + log.failures + page.evaluate(CSP_VIOLATIONS)


def axe_violations(page: Page, options: dict = AXE_OPTIONS) -> list[str]:
    results = _AXE.run(page, options=options)
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
