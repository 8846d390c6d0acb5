"""A reader filters the overview, copies a link or a citation and saves a chart as an image, in
Chromium; without JavaScript, the overview shows every card."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from explainer.data.sitedata import SiteData
from playwright.sync_api import Browser, Page, expect

VISIBLE_CARDS = ".xp-claim-card:visible"
STATUS = "[data-xp-filter-status]"


@pytest.fixture
def reader(browser: Browser) -> Iterator[Page]:
    """A phone-sized page that may use the clipboard and download files."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        permissions=["clipboard-read", "clipboard-write"],
        accept_downloads=True,
    )
    yield context.new_page()
    context.close()


def _count(data: SiteData, verdict: str | None = None, topic: str | None = None) -> int:
    return sum(
        (verdict is None or claim.verdict == verdict) and (topic is None or claim.topic == topic)
        for claim in data.claims
    )


def test_filter_shows_matching_cards_announces_the_count_and_keeps_it_in_the_address(
    reader: Page, served: str, data: SiteData
) -> None:
    verdict = max(data.verdicts, key=lambda v: data.verdict_counts[v.id])
    reader.goto(served + "behauptungen/")
    expect(reader.locator(STATUS)).to_have_text(f"Alle {len(data.claims)} Aussagen")
    reader.locator(f"input[name=bewertung][value='{verdict.id}']").check()
    shown = _count(data, verdict.id)
    expect(reader.locator(VISIBLE_CARDS)).to_have_count(shown)
    expect(reader.locator(STATUS)).to_have_text(f"{shown} von {len(data.claims)} Aussagen")
    expect(reader.locator(STATUS)).to_have_attribute("aria-live", "polite")
    assert parse_qs(urlsplit(reader.url).query) == {"bewertung": [verdict.id]}
    for card in reader.locator(VISIBLE_CARDS).all():
        expect(card.locator(".xp-verdict")).to_have_text(verdict.label)
    reader.get_by_role("button", name="Alle zeigen").click()
    expect(reader.locator(VISIBLE_CARDS)).to_have_count(len(data.claims))
    assert urlsplit(reader.url).query == ""


def test_a_shared_filtered_address_opens_filtered(
    reader: Page, served: str, data: SiteData
) -> None:
    claim = data.claims[0]
    reader.goto(served + f"behauptungen/?bewertung={claim.verdict}&thema={claim.topic}")
    shown = _count(data, claim.verdict, claim.topic)
    expect(reader.locator(VISIBLE_CARDS)).to_have_count(shown)
    expect(reader.locator(f"input[name=thema][value='{claim.topic}']")).to_be_checked()
    other_topics = {c.topic for c in data.claims} - {claim.topic}
    visible_headings = reader.locator(".xp-topic:visible h2").all_inner_texts()
    assert not other_topics & {heading.strip("¶ \n") for heading in visible_headings}


def test_start_page_verdict_bar_opens_the_filtered_overview(
    reader: Page, served: str, data: SiteData
) -> None:
    verdict = next(v for v in data.verdicts if data.verdict_counts[v.id])
    reader.goto(served)
    reader.locator(f".xp-distribution__link[href$='bewertung={verdict.id}']").click()
    reader.wait_for_url("**/behauptungen/?bewertung=*")
    expect(reader.locator(VISIBLE_CARDS)).to_have_count(data.verdict_counts[verdict.id])


def test_without_javascript_every_card_shows_and_no_dead_button(
    browser: Browser, served: str, data: SiteData
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served + f"behauptungen/?bewertung={data.claims[0].verdict}")
    expect(page.locator(VISIBLE_CARDS)).to_have_count(len(data.claims))
    expect(page.locator("form[data-xp-filter]")).to_be_hidden()
    page.goto(served + f"behauptungen/{data.claims[0].id}/")
    # Copy and share need JavaScript; the header's language switch opens by CSS alone (focus).
    for button in page.locator(".md-content button").all():
        expect(button).to_be_hidden()
    expect(page.locator(".xp-citation__text")).to_be_visible()
    context.close()


def test_copy_link_and_citation_put_them_on_the_clipboard(
    reader: Page, served: str, data: SiteData
) -> None:
    claim = data.claims[0]
    address = served + f"behauptungen/{claim.id}/"
    reader.goto(address)
    button = reader.locator(".xp-claim__meta ~ * button[data-xp-copy-link]").first
    button.click()
    expect(button).to_have_text("Kopiert!")
    assert reader.evaluate("navigator.clipboard.readText()") == address
    reader.get_by_role("button", name="Zitat kopieren").click()
    citation = reader.evaluate("navigator.clipboard.readText()")
    assert citation == reader.locator(f"#zitat-{claim.id}").inner_text()
    assert claim.quote in citation


def test_chart_link_and_image_downloads_carry_title_and_source(
    reader: Page, served: str, data: SiteData
) -> None:
    chart = data.charts[0]
    reader.goto(served + "zahlen/")
    figure = reader.locator(f"#diagramm-{chart.id}")
    figure.get_by_role("button", name="Link kopieren").click()
    assert reader.evaluate("navigator.clipboard.readText()") == (
        served + f"zahlen/#diagramm-{chart.id}"
    )
    with reader.expect_download() as svg:
        figure.get_by_role("button", name="SVG").click()
    image = svg.value.path().read_text("utf-8")
    assert svg.value.suggested_filename == f"diagramm-{chart.id}.svg"
    assert chart.title in image
    for point in chart.points:
        assert data.by_id["source"][point.source].publisher in image
    with reader.expect_download() as png:
        figure.get_by_role("button", name="PNG").click()
    assert png.value.path().read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
