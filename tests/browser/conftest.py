"""Browser fixtures: the built site served on 127.0.0.1 and a headless Chromium (Playwright).

Reusable by any browser test: `served` gives the base URL of the site, `browser` a Chromium
for the whole session, `page` a fresh page per test that records console errors and requests.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest
import yaml
from conftest import ROOT
from localweb import CHROMIUM, launch_chromium, serve_folder
from playwright.sync_api import Browser, Page, sync_playwright

if TYPE_CHECKING:
    from conftest import BuiltSite


@pytest.fixture(scope="session")
def served(site: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL (ending in /) of the site, served as GitHub Pages does: below the path of
    site_url (e.g. /REPO/), so that pages with absolute links (404.html) work."""
    root = tmp_path_factory.mktemp("served")
    folder = root / site_path_prefix()
    shutil.copytree(site.site_dir, folder)
    server, url = serve_folder(root)
    url += site_path_prefix() + "/" if site_path_prefix() else ""
    point_sitemap_at(folder, url)
    yield url
    server.shutdown()
    server.server_close()


def site_path_prefix() -> str:
    """Path of site_url without slashes, e.g. 'REPO' ('' at a domain's root)."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=yaml.BaseLoader)
    return urlsplit(config["site_url"]).path.strip("/")


def point_sitemap_at(folder: Path, url: str) -> None:
    """Write the served address into sitemap.xml, as if the site were deployed at site_url.

    Material's instant navigation only intercepts links listed in the sitemap, and it matches
    them by host and port; with site_url's address every click would be a full page load.
    """
    sitemap = folder / "sitemap.xml"
    text = sitemap.read_text("utf-8")
    site_url = re.search(r"<loc>(.*?)</loc>", text).group(1)  # the first entry is the start page
    sitemap.write_text(text.replace(site_url, url), "utf-8")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the session."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser`, or set CHROMIUM to Chrome's path")
    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@dataclass
class Recorder:
    """What a page did: console errors, uncaught exceptions and every requested URL."""

    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh page (own context) whose `recorder` attribute collects errors and requests."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    new_page = context.new_page()
    recorder = Recorder()
    new_page.on("console", lambda message: _console(message, recorder))
    new_page.on("pageerror", lambda error: recorder.errors.append(f"pageerror: {error}"))
    new_page.on("request", lambda request: recorder.requests.append(request.url))
    new_page.recorder = recorder  # type: ignore[attr-defined]
    yield new_page
    context.close()


def _console(message, recorder: Recorder) -> None:  # type: ignore[no-untyped-def]
    if message.type == "error":
        recorder.errors.append(f"console: {message.text}")
