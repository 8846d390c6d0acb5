"""A reader filters the overview, copies a link or a citation, saves a chart as an image and
searches, in Chromium; without JavaScript, the overview shows every card. A page view loads the
sitemap once and the search index only when the reader opens search (our patch of Material's
script, explainer/outputs/themepatch.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from explainer.data.sitedata import SiteData
from localweb import open_page
from playwright.sync_api import Browser, Page, expect

from .test_csp_browser import CONTAINER_REPLACED, FOLLOW_LINK, MARK_CONTAINER

VISIBLE_CARDS = ".xp-claim-card:visible"
STATUS = "[data-xp-filter-status]"
SEARCH_INDEX = "search/search_index.json"
SEARCH_FIELD = "input.md-search__input"
SEARCH_RESULT = ".md-search-result__item"
SEARCH_TOGGLE = "document.getElementById('__search')"
# How a reader first opens search: (window width, what they do).
OPEN_SEARCH = {
    "click on the search field": (1280, lambda page: page.locator(SEARCH_FIELD).click()),
    "the key /": (1280, lambda page: page.keyboard.press("/")),
    "tap on the search button": (
        390,
        lambda page: page.locator("label.md-header__button[for=__search]").click(),
    ),
}


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


def _requested(page: Page, path: str) -> list[str]:
    """The addresses the page requested that end in `path` (the fixture records them all)."""
    requests: list[str] = page.recorder.requests  # type: ignore[attr-defined]
    return [url for url in requests if urlsplit(url).path.endswith("/" + path)]


def _search_finds(page: Page, word: str) -> None:
    """Type `word` into the open search and wait for its results (the search worker answered)."""
    expect(page.locator(SEARCH_FIELD)).to_be_focused()
    page.keyboard.type(word)
    page.locator(SEARCH_RESULT).first.wait_for()


@pytest.mark.parametrize("edition", ["", "en/"], ids=["German edition", "English edition"])
def test_a_page_view_requests_the_sitemap_at_most_once_and_no_search_index(
    page: Page, served: str, edition: str
) -> None:
    page.goto(served + edition + "methodik/", wait_until="networkidle")
    sitemaps = _requested(page, "sitemap.xml")
    assert len(sitemaps) <= 1, sitemaps
    assert not _requested(page, SEARCH_INDEX)


@pytest.mark.parametrize("opening", OPEN_SEARCH.values(), ids=OPEN_SEARCH.keys())
def test_opening_search_loads_its_index_once_and_a_typed_word_finds_pages(
    page: Page, served: str, data: SiteData, opening: tuple[int, Callable[[Page], None]]
) -> None:
    width, open_search = opening
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(served + "methodik/", wait_until="networkidle")
    assert not _requested(page, SEARCH_INDEX)
    open_search(page)
    _search_finds(page, data.claims[0].topic)
    assert len(_requested(page, SEARCH_INDEX)) == 1


def test_after_instant_navigation_search_finds_and_its_result_marks_the_word(
    page: Page, served: str, data: SiteData
) -> None:
    word = data.claims[0].topic
    open_page(page, served)  # Material's instant module reads the sitemap
    page.evaluate("window.xpSameDocument = true")
    page.evaluate(MARK_CONTAINER)
    # Material closes search shortly after each navigation: a search toggle checked beforehand
    # (without the change event that loads the index) tells when it has done so.
    page.evaluate(f"{SEARCH_TOGGLE}.checked = true")
    page.evaluate(FOLLOW_LINK, served + "methodik/")
    page.wait_for_function(CONTAINER_REPLACED)
    page.wait_for_function(f"() => !{SEARCH_TOGGLE}.checked")
    assert not _requested(page, SEARCH_INDEX)
    page.locator(SEARCH_FIELD).click()
    _search_finds(page, word)
    page.locator(f"{SEARCH_RESULT} a").first.click()  # Material adds ?h=<the query> to it
    expect(page.locator(".md-content mark").first).to_have_text(word, ignore_case=True)
    assert page.evaluate("window.xpSameDocument"), "the result was a full page load"
    assert len(_requested(page, SEARCH_INDEX)) == 1
    assert len(_requested(page, "sitemap.xml")) <= 1
