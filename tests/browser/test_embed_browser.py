"""Embed pages in Chromium: alone in a frame from 300 to 800 px wide, light and dark, the chart
interactive, links opening a new tab, loading no more than the site's own pages do.

Accessibility, errors and foreign requests of every embed page: the reader audit
(test_every_page.py).
"""

from __future__ import annotations

import pytest
from explainer.data.sitedata import SiteData
from localweb import draw_every_chart, open_page
from page_weight import CHART_PAGE_BUDGET, measure_page
from playwright.sync_api import Browser, Frame, Page
from test_embed import SITE_URL, chart_embeds, claim_embeds, snippets

from .audit import axe_violations

WIDTHS = (300, 800)  # px: a phone's column to a desktop article's
OVERFLOW = "document.scrollingElement.scrollWidth - window.innerWidth"
SHOWN = ".xp-claim-card, figure.xp-chart"
CHART = "[data-xp-chart]"
EMBED_SCRIPT = "assets/javascripts/embed.js"  # the colour scheme, instead of Material's scripts
# The site's pages get this code inside Material's bundle (CARRIED in outputs/themepatch.py);
# an embed page, without Material's scripts, loads it alone.
CHART_SCRIPT = "assets/javascripts/charts.js"


def host_page(page: Page, served: str, code: str, width: int) -> None:
    """A page of another site showing `code` (our embed snippet) in a column `width` px wide."""
    code = code.replace(SITE_URL, served)  # the site as if deployed at site_url
    page.set_content(f'<!doctype html><div style="width: {width}px">{code}</div>')
    page.frame_locator("iframe").locator(SHOWN).wait_for()


def plotly_requests(page: Page) -> list[str]:
    return [url for url in page.recorder.requests if "plotly" in url]  # type: ignore[attr-defined]


def embedded(page: Page) -> Frame:
    """The embed page inside the host page's frame."""
    return page.frames[1]


def claim_snippet(page: Page, served: str, claim_id: str) -> str:
    """The embed code on a claim's page, read from the HTML the server sends."""
    return snippets(page.request.get(f"{served}behauptungen/{claim_id}/").text())[
        f"einbetten-{claim_id}"
    ]


@pytest.mark.parametrize("width", WIDTHS)
def test_every_embed_page_fits_its_width_without_scrolling_sideways(
    browser: Browser, served: str, data: SiteData, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 600})
    page = context.new_page()
    for address in [*claim_embeds(data).values(), *chart_embeds(data).values()]:
        page.goto(served + address)
        shown = page.locator(SHOWN)
        box = shown.bounding_box()
        assert shown.is_visible() and box["width"] > width * 0.9, f"{address}: {box}"
        assert page.evaluate(OVERFLOW) <= 0, f"{address} scrolls sideways at {width}px"
        if page.locator(CHART).count():
            draw_every_chart(page)
            assert page.evaluate(OVERFLOW) <= 0, f"{address} drawn scrolls sideways at {width}px"
            plot = page.locator(f"{CHART} .main-svg").first.bounding_box()
            assert plot["width"] > width * 0.9, f"{address}: the chart fills the width"
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_snippet_on_a_claim_page_shows_the_claim_alone_on_another_page(
    page: Page, served: str, data: SiteData, width: int
) -> None:
    claim = data.claims[0]
    host_page(page, served, claim_snippet(page, served, claim.id), width)
    frame = embedded(page)
    assert frame.url == served + claim_embeds(data)[claim.id]
    assert frame.locator(".xp-claim-card__quote").is_visible()
    assert frame.locator(".md-header, .md-sidebar, .md-footer, .md-search").count() == 0
    assert page.locator("iframe").bounding_box()["width"] == width
    assert frame.evaluate(OVERFLOW) <= 0
    frame.evaluate("window.scrollTo(0, 400)")  # a reader scrolling: there is nothing to draw
    page.wait_for_timeout(300)
    assert plotly_requests(page) == []
    assert page.recorder.errors == []  # type: ignore[attr-defined]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_embed_code_opens_readable_and_ready_to_copy(
    browser: Browser, served: str, data: SiteData, scheme: str
) -> None:
    claim = data.claims[0]
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    open_page(page, f"{served}behauptungen/{claim.id}/")
    page.locator("details.xp-embed-code > summary").click()
    field = page.get_by_label("HTML-Code, um diese Prüfung")
    assert field.is_visible() and field.get_attribute("readonly") is not None
    address = SITE_URL + claim_embeds(data)[claim.id]
    assert field.input_value().startswith(f'<iframe src="{address}" title="„')
    assert not axe_violations(page), axe_violations(page)
    context.close()


def test_a_link_in_an_embed_opens_the_check_in_a_new_tab(
    page: Page, served: str, data: SiteData
) -> None:
    claim = data.claims[0]
    host_page(page, served, claim_snippet(page, served, claim.id), 600)
    with page.context.expect_page() as opened:
        embedded(page).locator(".xp-claim-card__link").click()
    assert opened.value.url == served + f"behauptungen/{claim.id}/"
    assert embedded(page).url == served + claim_embeds(data)[claim.id]  # the frame stays


@pytest.mark.parametrize(("scheme", "expected"), [("light", "default"), ("dark", "slate")])
def test_an_embed_follows_the_readers_colour_scheme(
    browser: Browser, served: str, data: SiteData, scheme: str, expected: str
) -> None:
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(served + next(iter(chart_embeds(data).values())))
    assert page.evaluate("document.body.dataset.mdColorScheme") == expected
    draw_every_chart(page)
    assert page.locator(CHART).first.get_attribute("data-xp-scheme") == expected
    other = "dark" if scheme == "light" else "light"
    page.emulate_media(color_scheme=other)  # the reader's system switches
    page.wait_for_function(
        f"() => document.querySelector('{CHART}').dataset.xpScheme !== '{expected}'"
    )
    context.close()


def test_a_chart_embed_draws_the_interactive_chart_when_the_reader_comes_to_it(
    page: Page, served: str, data: SiteData
) -> None:
    page.goto(served + next(iter(chart_embeds(data).values())), wait_until="networkidle")
    assert page.locator(f"{CHART} > svg.xp-chart__static").count() == 1
    assert plotly_requests(page) == []
    page.locator(CHART).hover()
    page.wait_for_selector(f"{CHART}.xp-chart__plot--drawn .main-svg")
    assert page.locator(".xp-chart__static").count() == 0
    assert len(plotly_requests(page)) == 1
    assert page.recorder.errors == []  # type: ignore[attr-defined]


def test_embeds_load_only_what_the_sites_pages_load_within_the_budget(
    browser: Browser, served: str, data: SiteData
) -> None:
    chart_page = _files(measure_page(browser, served + "zahlen/").urls, served)
    text_page = _files(measure_page(browser, served + "methodik/").urls, served)
    for address in (claim_embeds(data)[data.claims[0].id], next(iter(chart_embeds(data).values()))):
        weight = measure_page(browser, served + address)
        loaded = _files(weight.urls, served) - {address, EMBED_SCRIPT, CHART_SCRIPT}
        allowed = chart_page if "grafik/" in address else text_page
        assert loaded <= allowed, f"{address}: {loaded - allowed}"
        assert weight.total_gzip <= CHART_PAGE_BUDGET, f"{address}: {weight.total_gzip} bytes gzip"


def _files(urls: list[str], served: str) -> set[str]:
    """Paths below the site root of what a page loaded (the page itself included)."""
    return {url.removeprefix(served) for url in urls if not url.startswith("data:")}
