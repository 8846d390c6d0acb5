"""Every built page in real Chromium, on a phone and a desktop (one load, then resized):
accessible (axe), private (no request to another host, no cookies), free of errors, no sideways
scrolling.

The light scheme is tested here, the dark one in test_every_page_dark.py (a file each, so that
the two run in parallel).
"""

from __future__ import annotations

from conftest import BuiltSite
from playwright.sync_api import Browser

from .audit import audit_site

VIEWPORTS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 900}}


def page_paths(site: BuiltSite) -> list[str]:
    """Address of every page below the site root, e.g. '', 'faq/', '404.html'."""
    paths = []
    for html in sorted(site.site_dir.rglob("*.html")):
        relative = html.relative_to(site.site_dir).as_posix()
        paths.append(relative.removesuffix("index.html"))
    return paths


def check_every_page(browser: Browser, served: str, site: BuiltSite, scheme: str) -> None:
    paths = page_paths(site)
    assert {"", "404.html"} <= set(paths), paths  # the start page and the 404 page
    problems = audit_site(browser, served, paths, VIEWPORTS, color_scheme=scheme)
    assert not problems, "\n".join(problems)


def test_every_page_passes_the_reader_audit_in_light(
    browser: Browser, served: str, site: BuiltSite
) -> None:
    check_every_page(browser, served, site, "light")
