"""Hostile data the loader accepts (tests/hostilesite.py: scripts, event handlers, links, images
and attribute lists in plain fields and rich text), built strictly and opened page by page in
Chromium with the Content Security Policy active: every payload is text, so no script runs that
the engine did not emit, and the policy never even has to block one."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import BuiltSite, build_site
from hostilesite import PLAIN, copy_hostile_site
from localweb import draw_every_chart, open_page, serve_folder
from playwright.sync_api import Browser, Page

from .audit import CSP_LISTENER, CSP_VIOLATIONS
from .test_every_page import page_paths

SITE_PATH = "stadtpark/"  # the path of the mini site's site_url, as GitHub Pages would serve it
# Elements or attributes the payloads would make if any of them were read as markup.
MADE_FROM_DATA = """() => [...document.querySelectorAll(
    '[onclick], [onerror], [onmouseover], a[href^="javascript"], img[src*="tracker"],'
    + ' [style*="position:fixed"]')].map(element => element.outerHTML.slice(0, 120))"""
CLAIM_PAGE = "pruefungen/park-schrumpft/"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    project = copy_hostile_site(tmp_path_factory.mktemp("hostile") / "project")
    build = build_site(project, project.parent / "site")
    assert build.returncode == 0, build.output
    return build


@pytest.fixture
def watched(browser: Browser, hostile: BuiltSite, tmp_path: Path) -> Iterator[tuple[Page, str]]:
    shutil.copytree(hostile.site_dir, tmp_path / SITE_PATH)
    server, url = serve_folder(tmp_path)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(CSP_LISTENER)
    yield context.new_page(), url + SITE_PATH
    context.close()
    server.shutdown()
    server.server_close()


def test_no_script_from_data_runs_on_any_page(
    watched: tuple[Page, str], hostile: BuiltSite
) -> None:
    page, url = watched
    problems = []
    for path in page_paths(hostile):
        open_page(page, url + path)
        draw_every_chart(page)  # plotly.js draws the chart titles and labels from data too
        state = page.evaluate(
            "() => ({pwned: window.__pwned, material: typeof __md_get === 'function'})"
        )
        made = page.evaluate(MADE_FROM_DATA)
        violations = page.evaluate(CSP_VIOLATIONS)
        if state["pwned"] is not None or made or violations or not state["material"]:
            problems.append(f"{path or 'start page'}: {state} {made} {violations}")
    assert not problems, "\n".join(problems)


def test_the_payload_reaches_the_reader_as_the_text_typed(watched: tuple[Page, str]) -> None:
    page, url = watched
    open_page(page, url + CLAIM_PAGE)
    assert page.locator("h1").first.text_content() == f"„{PLAIN}“"
