"""The reader audit of test_every_page.py, in the dark colour scheme: one test per page."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from .test_every_page import PAGES, check_page


@pytest.mark.parametrize("path", PAGES, ids=lambda path: f"/{path}")
def test_the_page_passes_the_reader_audit_in_dark(browser: Browser, served: str, path: str) -> None:
    check_page(browser, served, path, "dark")
