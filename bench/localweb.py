"""A static site on 127.0.0.1 and Debian's headless Chromium: shared by the benchmark and tests."""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import sys
import threading
from pathlib import Path

from playwright.sync_api import Browser, Page, Playwright

# Debian's package; CHROMIUM points elsewhere where the browser lives in another place
# (e.g. Google Chrome on GitHub's runners).
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Without the background-networking flags Chromium calls Google's hosts at start.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging every request."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


class GzipHandler(QuietHandler):
    """Sends text files gzip-compressed to a browser that accepts it, as GitHub Pages does, so
    that timings count the bytes a reader downloads."""

    COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv")

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        accepted = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepted and path.suffix in self.COMPRESSED and path.is_file()):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: tuple[str, int]) -> None:
        # A browser closes connections it no longer needs (a page left, a request cancelled);
        # the stdlib would print the BrokenPipeError or ConnectionResetError as a traceback.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def serve_folder(
    folder: Path, handler: type[QuietHandler] = QuietHandler
) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve `folder` on a free port of 127.0.0.1 in a background thread; return server and URL."""
    server = _Server(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def launch_chromium(playwright: Playwright) -> Browser:
    """Headless Chromium that makes no request of its own."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


class Answers:
    """Counts the requests a page starts and those that have their answer (finished or failed)."""

    def __init__(self, page: Page) -> None:
        self.started = self.answered = 0
        self._handlers = {
            "request": self._start,
            "requestfinished": self._answer,
            "requestfailed": self._answer,
        }
        for event, handler in self._handlers.items():
            page.on(event, handler)

    def wait(self, page: Page, guard: float = 30) -> None:
        """Until every request started so far has its answer, or the hang guard (s) passes."""
        for _ in range(int(guard / 0.025)):
            if self.answered >= self.started:
                return
            page.wait_for_timeout(25)

    def detach(self, page: Page) -> None:
        for event, handler in self._handlers.items():
            page.remove_listener(event, handler)

    def _start(self, _request: object) -> None:
        self.started += 1

    def _answer(self, _request: object) -> None:
        self.answered += 1


def open_page(page: Page, url: str) -> None:
    """Open `url` and wait until it is loaded and every request it started has its answer (Material
    reads the sitemap for instant navigation). Playwright's "networkidle" waits 500 ms longer on
    every page: it is for tests that a request does *not* come."""
    answers = Answers(page)
    try:
        page.goto(url, wait_until="load")
        answers.wait(page)
    finally:
        answers.detach(page)


# A reader scrolling through the page: charts.js draws each chart as it comes near, replacing
# its static SVG. Each chart stays in view until it is drawn (on a busy machine the browser may
# notice it only late), or until the hang guard passes; the number of charts.
_READ_THROUGH = """async (guard) => {
    const charts = [...document.querySelectorAll('[data-xp-chart]')];
    const deadline = Date.now() + guard;
    window.dispatchEvent(new Event('scroll'));
    for (const chart of charts) {
        chart.scrollIntoView({block: 'center'});
        while (!chart.classList.contains('xp-chart__plot--drawn') && Date.now() < deadline) {
            await new Promise(resolve => setTimeout(resolve, 50));
        }
    }
    window.scrollTo(0, 0);
    return charts.length;
}"""
_ALL_DRAWN = """() => [...document.querySelectorAll('[data-xp-chart]')]
    .every(chart => chart.classList.contains('xp-chart__plot--drawn'))"""


def draw_every_chart(page: Page, timeout: float = 60_000) -> int:
    """Scroll through the page as a reader would until every chart is drawn; the chart count.
    `timeout` (ms) is a hang guard far above the usual second, not a speed goal."""
    # "networkidle" can come before the page is parsed when scripts arrive late (a test that
    # delays them): a reader scrolls through the charts that are there.
    page.wait_for_load_state("domcontentloaded", timeout=timeout)
    count = page.evaluate(_READ_THROUGH, timeout)
    page.wait_for_function(_ALL_DRAWN, timeout=timeout)
    return count
