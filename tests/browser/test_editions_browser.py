"""A reader switches language in the header and lands on the same content in the other edition:
a claim page (with its fragment), the numbers page with its charts, and the claims overview with
its filter (the query) kept; also after instant navigation, which keeps the header."""

from __future__ import annotations

import pytest
from explainer.data.sitedata import SiteData
from playwright.sync_api import Page, expect

VISIBLE_CARDS = ".xp-claim-card:visible"


def _switch_to(page: Page, language_name: str) -> None:
    """Open the header's language menu and choose `language_name`; wait for the new page."""
    page.hover(".md-header .md-select")
    with page.expect_navigation():
        page.get_by_role("link", name=language_name, exact=True).click()


@pytest.mark.parametrize(
    "path",
    ["behauptungen/wer-ist-deepseek/#quellen", "zahlen/", "korrekturen/"],
    ids=["claim page with fragment", "numbers page with charts", "corrections page"],
)
def test_the_switch_leads_to_the_same_page_in_the_other_edition_and_back(
    page: Page, served: str, path: str
) -> None:
    page.goto(served + path)
    expect(page.locator("html")).to_have_attribute("lang", "de")
    _switch_to(page, "English")
    assert page.url == served + "en/" + path
    expect(page.locator("html")).to_have_attribute("lang", "en")
    _switch_to(page, "Deutsch")
    assert page.url == served + path
    assert page.recorder.errors == []  # type: ignore[attr-defined]


def test_the_switch_keeps_the_overview_filter_and_the_other_edition_applies_it(
    page: Page, served: str, data: SiteData
) -> None:
    verdict = "falsch"
    expected = sum(claim.verdict == verdict for claim in data.claims)
    page.goto(served + f"behauptungen/?bewertung={verdict}")
    expect(page.locator(VISIBLE_CARDS)).to_have_count(expected)
    _switch_to(page, "English")
    assert page.url == served + f"en/behauptungen/?bewertung={verdict}"
    expect(page.locator(VISIBLE_CARDS)).to_have_count(expected)
    assert page.recorder.errors == []  # type: ignore[attr-defined]


def test_the_switch_follows_instant_navigation_to_the_page_now_shown(
    page: Page, served: str, data: SiteData
) -> None:
    claim = data.claims[0]
    page.goto(served + "behauptungen/")
    page.locator(f'a[href$="{claim.id}/"]').first.click()
    page.wait_for_url(f"**/behauptungen/{claim.id}/")
    _switch_to(page, "English")
    assert page.url == served + f"en/behauptungen/{claim.id}/"
