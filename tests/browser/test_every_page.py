"""Every built page in real Chromium, on a phone and a desktop (one load, then resized):
accessible (axe), private (no request to another host, no cookies), free of errors, no sideways
scrolling.

One test per page, named by the page's address, so that the workers share them (each worker builds
the site and starts Chromium once) and a failure names its page. Each page is loaded once and
audited in the light scheme at both widths, then in the dark one after the reader's system
switched to it (a fresh load in the dark scheme: test_charts_browser.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, BuiltSite
from explainer.site import load_build
from playwright.sync_api import Browser

from .audit import DESKTOP, DESKTOP_DARK, PHONE, audit_in_new_context

READER_VIEWS = (PHONE, DESKTOP, DESKTOP_DARK)


def page_paths(site: BuiltSite) -> list[str]:
    """Address of every built page below the site root, e.g. '', 'faq/', '404.html'."""
    paths = []
    for html in sorted(site.site_dir.rglob("*.html")):
        relative = html.relative_to(site.site_dir).as_posix()
        paths.append(relative.removesuffix("index.html"))
    return paths


def source_page_paths(project: Path) -> list[str]:
    """The same addresses, known before the build (the tests are made from them when pytest
    collects): the Markdown pages of docs/, the claim and embed pages the engine writes, and
    Material's 404.html, in every edition (a translation has the original's pages below <lang>/;
    docs/<lang>/ holds its texts of them)."""
    build = load_build(project)
    docs = project / "docs"
    translations = build.data.site.translations
    sources = [
        path.relative_to(docs).as_posix()
        for path in docs.rglob("*.md")
        if path.relative_to(docs).parts[0] not in translations
    ]
    generated = [*build.pages]
    addresses = {_address(source) for source in [*sources, *generated]} | {"404.html"}
    # A translation's pages are the original's in another language: each page written by hand,
    # and one page of each generated kind (they share their template), so the suite stays short.
    first_of_kind = {page.kind_name: path for path, page in reversed(build.pages.items())}
    one_of_each_kind = {_address(path) for path in first_of_kind.values()}
    translated = {_address(source) for source in sources} | one_of_each_kind | {"404.html"}
    return sorted(
        addresses | {f"{language}/{address}" for language in translations for address in translated}
    )


def _address(source: str) -> str:
    """'faq.md' -> 'faq/', 'behauptungen/index.md' -> 'behauptungen/', 'index.md' -> ''."""
    page = source.removesuffix(".md").removesuffix("index")
    return page if page == "" or page.endswith("/") else page + "/"


PAGES = source_page_paths(ROOT)


def test_the_audit_covers_every_built_page(site: BuiltSite) -> None:
    """Every page of the original, and of each translation its pages of each kind."""
    assert {"", "404.html", "en/", "en/404.html"} <= set(PAGES)
    built = set(page_paths(site))
    assert {page for page in built if page in PAGES or not page.startswith("en/")} == set(PAGES)


@pytest.mark.parametrize("path", PAGES, ids=lambda path: f"/{path}")
def test_the_page_passes_the_reader_audit(browser: Browser, served: str, path: str) -> None:
    problems = audit_in_new_context(browser, served + path, READER_VIEWS)
    assert not problems, "\n".join(f"/{path}: {problem}" for problem in problems)
