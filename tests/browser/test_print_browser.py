"""A printed claim page is a clean document: its content without navigation or controls, each
chart as its data table, every link out with its full address, and the same colours on paper in
either colour scheme (print media emulated in Chromium)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import EDITION_ROOTS
from explainer.data.models import Claim
from explainer.data.sitedata import SiteData
from localweb import draw_every_chart, open_page
from playwright.sync_api import Browser, Page

# What paper does not need, Material's parts and ours. Share and copy controls are buttons.
NOT_PRINTED = {
    "header": ".md-header",
    "navigation": ".md-sidebar--primary",
    "table of contents": ".md-sidebar--secondary",
    "search": ".md-search",
    "colour scheme toggle": "[data-md-component=palette]",
    "footer": ".md-footer",
    "back to top": ".md-top",
    "buttons": "button, .md-button",
    "interactive plot": ".xp-chart__plot--drawn",
}
PRINTED = {
    "quote": "h1",
    "verdict": ".xp-verdict",
    "summary": ".xp-claim__summary",
    "figures": ".md-typeset__table td",
    "chart table": "details.xp-chart__data td",
    "sources": ".md-typeset a:has(> .xp-link-out)",
}
SHOWN = "els => els.filter(el => el.checkVisibility({visibilityProperty: true})).length"
LINKS = """() => [...document.querySelectorAll('.md-typeset a[href]')].map(a => ({
    href: a.getAttribute('href'), out: a.querySelector('.xp-link-out') !== null,
    after: getComputedStyle(a, '::after').content}))"""
SETTLED = "() => document.getAnimations().length === 0"
COLOURED = {
    "text": ".md-typeset p",
    "link": ".md-typeset p a",
    "table": ".md-typeset td",
    "chart": ".xp-chart__static .xp-f-ink",
}
COLOURS = """selectors => Object.fromEntries(Object.entries(selectors).map(([part, selector]) => {
    const style = getComputedStyle(document.querySelector(selector));
    return [part, style.color + ' / ' + style.fill]; }))"""


@pytest.fixture(scope="module")
def claim(data: SiteData) -> Claim:
    """The first claim with a chart."""
    return next(claim for claim in data.claims if claim.charts)


@pytest.fixture(scope="module", params=EDITION_ROOTS, ids=lambda root: f"/{root}")
def claim_path(request: pytest.FixtureRequest, data: SiteData, claim: Claim) -> str:
    """Address of its page below the site, in each edition."""
    return f"{request.param}{data.site.paths.claims}/{claim.id}/"


@pytest.fixture
def dark_page(browser: Browser) -> Iterator[Page]:
    """A page whose reader prefers the dark scheme (Material's automatic palette follows)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    yield context.new_page()
    context.close()


def test_a_printed_claim_page_shows_its_content_and_no_navigation_or_controls(
    page: Page, served: str, claim_path: str
) -> None:
    open_page(page, served + claim_path)
    draw_every_chart(page)
    page.emulate_media(media="print")
    for part, selector in NOT_PRINTED.items():
        assert page.locator(selector).evaluate_all(SHOWN) == 0, f"{part} printed ({selector})"
    for part, selector in PRINTED.items():
        assert page.locator(selector).evaluate_all(SHOWN) > 0, f"{part} not printed ({selector})"
    # White on its colour: the badge must print its background, which browsers leave out.
    badge = page.locator(".xp-verdict").first
    assert badge.evaluate("el => getComputedStyle(el).printColorAdjust") == "exact"


def test_a_printed_claim_page_writes_out_the_address_of_every_link_out(
    page: Page, served: str, claim_path: str, claim: Claim, data: SiteData
) -> None:
    open_page(page, served + claim_path)
    page.emulate_media(media="print")
    links = page.evaluate(LINKS)
    printed = {link["href"] for link in links if link["after"] == f'" ({link["href"]})"'}
    links_out = {link["href"] for link in links if link["out"]}
    assert printed == links_out
    source_urls = {data.by_id["source"][source].url for source in claim.sources} - {None}
    assert source_urls <= printed


def test_a_page_printed_in_the_dark_scheme_looks_as_printed_in_the_light_one(
    page: Page, dark_page: Page, served: str, claim_path: str
) -> None:
    colours = []
    for reader in (page, dark_page):
        open_page(reader, served + claim_path)
        reader.emulate_media(media="print")
        reader.wait_for_function(SETTLED)  # links fade to their print colour (Material)
        colours.append(reader.evaluate(COLOURS, COLOURED))
    assert dark_page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert colours[1] == colours[0]
