"""The reader audit of test_every_page.py, in the dark colour scheme."""

from __future__ import annotations

from conftest import BuiltSite
from playwright.sync_api import Browser

from .test_every_page import check_every_page


def test_every_page_passes_the_reader_audit_in_dark(
    browser: Browser, served: str, site: BuiltSite
) -> None:
    check_every_page(browser, served, site, "dark")
