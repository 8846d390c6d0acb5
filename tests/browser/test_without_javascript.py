"""With JavaScript off, claims, verdicts, FAQ and every chart's data table are still readable."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from explainer.data.sitedata import SiteData
from playwright.sync_api import Browser, Page, expect


@pytest.fixture
def page_without_js(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    yield context.new_page()
    context.close()


def test_claims_and_verdicts_are_readable(
    page_without_js: Page, served: str, data: SiteData
) -> None:
    page_without_js.goto(served + "behauptungen/")
    cards = page_without_js.locator(".xp-claim-card")
    expect(cards).to_have_count(len(data.claims))
    for claim in data.claims:
        card = cards.filter(has_text=claim.quote)
        verdict = data.verdict_of(claim).label
        expect(card.locator(".xp-verdict")).to_have_text(verdict)
        expect(card.locator(".xp-verdict")).to_be_visible()


def test_faq_answers_are_readable(page_without_js: Page, served: str, data: SiteData) -> None:
    page_without_js.goto(served + "faq/")
    for question in data.questions:
        expect(page_without_js.locator(f"h2#{question.id}")).to_be_visible()
    expect(page_without_js.get_by_text("Unsere Antwort:").first).to_be_visible()


def test_every_chart_table_opens_and_shows_its_numbers(
    page_without_js: Page, served: str, data: SiteData
) -> None:
    page_without_js.goto(served + "zahlen/")
    charts = page_without_js.locator("figure.xp-chart")
    expect(charts).to_have_count(len(data.charts))
    for chart in data.charts:
        figure = page_without_js.locator(f"figure#diagramm-{chart.id}")
        table = figure.locator("details table")
        expect(table).to_be_hidden()  # collapsed by default
        figure.locator("details summary").click()
        expect(table).to_be_visible()
        rows = len(chart.points) + (1 if chart.reference else 0)
        expect(table.locator("tbody tr")).to_have_count(rows)


def test_every_chart_shows_its_static_drawing(
    page_without_js: Page, served: str, data: SiteData
) -> None:
    page_without_js.goto(served + "zahlen/")
    for chart in data.charts:
        drawing = page_without_js.locator(f"figure#diagramm-{chart.id} svg.xp-chart__static")
        expect(drawing).to_be_visible()
        expect(drawing).to_have_attribute("role", "img")
        expect(drawing.locator("> title")).to_have_text(chart.title)
