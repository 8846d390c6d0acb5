"""The reader audit of test_every_page.py, in the dark colour scheme."""

from __future__ import annotations

import pytest
from conftest import BuiltSite
from playwright.sync_api import Browser

from .test_every_page import VIEWPORTS, check_every_page


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_every_page_passes_the_reader_audit_in_dark(
    browser: Browser, served: str, site: BuiltSite, viewport: str
) -> None:
    check_every_page(browser, served, site, "dark", viewport)
