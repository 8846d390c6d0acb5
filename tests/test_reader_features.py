"""What a reader does with a check after reading it, as the built HTML offers it: filter the
overview, copy a citation, report an error, link to and export a chart."""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, unquote, urlsplit

from conftest import BuiltSite, address_of
from explainer.data.sitedata import SiteData
from explainer.text import german
from htmlmeta import elements, read_head


def test_overview_cards_carry_what_the_filter_reads(site: BuiltSite, data: SiteData) -> None:
    page = site.page("behauptungen/")
    cards = [
        (card["data-verdict"], card["data-topic"])
        for card in elements(page, "article", "data-verdict")
    ]
    assert sorted(cards) == sorted((claim.verdict, claim.topic) for claim in data.claims)
    boxes = elements(page, "input", "name")
    assert {box["value"] for box in boxes if box["name"] == "thema"} == {
        c.topic for c in data.claims
    }
    assert {box["value"] for box in boxes if box["name"] == "bewertung"} == {
        c.verdict for c in data.claims
    }
    (form,) = elements(page, "form", "data-xp-filter")
    assert "xp-needs-js" in form["class"].split(), "without JavaScript: no filter, every card"
    (status,) = elements(page, "p", "data-xp-filter-status")
    assert status["aria-live"] == "polite"
    assert status["class"].split() == ["xp-filter__status", "xp-needs-js"]


def test_start_page_verdict_rows_link_to_the_filtered_overview(
    site: BuiltSite, data: SiteData
) -> None:
    links = re.findall(r'class="xp-distribution__link" href="([^"]*)"', site.page("index.html"))
    assert links == [
        f"{address_of(data.site.paths.claims_overview())}?bewertung={verdict.id}"
        for verdict in data.verdicts
    ]


def test_every_claim_page_offers_a_citation_with_date_and_address(
    site: BuiltSite, data: SiteData
) -> None:
    for claim in data.claims:
        page = site.page(data.site.paths.claim_page(claim.id))
        address = read_head(page).canonical
        text = re.search(rf'<p class="xp-citation__text" id="zitat-{claim.id}">(.*?)</p>', page)
        assert text, claim.id
        citation = html.unescape(text.group(1))
        assert citation.startswith(f"{data.site.title}: Faktencheck zu „{claim.quote}“"), citation
        assert f"geprüft am {german.date(claim.checked)}" in citation
        assert citation.endswith(address)
        assert f'data-xp-copy-from="zitat-{claim.id}"' in page


def test_every_claim_page_has_an_error_report_naming_the_claim(
    site: BuiltSite, data: SiteData
) -> None:
    for claim in data.claims:
        page = site.page(data.site.paths.claim_page(claim.id))
        href = re.search(r'class="xp-report__link" href="([^"]*)"', page)
        assert href, claim.id
        address = urlsplit(html.unescape(href.group(1)))
        assert address.scheme == "mailto"
        assert unquote(address.path) == data.operator.email
        query = parse_qs(address.query)
        assert claim.id in query["subject"][0]
        assert read_head(page).canonical in query["body"][0]


def test_every_chart_has_an_anchor_a_permalink_and_image_exports(
    site: BuiltSite, data: SiteData
) -> None:
    pages = ("zahlen/", *(data.site.paths.claim_page(c.id) for c in data.claims))
    figures = {
        figure["id"]: (figure, site.page(page))
        for page in pages
        for figure in elements(site.page(page), "figure", "data-xp-export-title")
    }
    assert set(figures) == {f"diagramm-{chart.id}" for chart in data.charts}
    for chart in data.charts:
        figure, page = figures[f"diagramm-{chart.id}"]
        assert figure["data-xp-export-title"] == chart.title
        publishers = {data.by_id["source"][point.source].publisher for point in chart.points}
        assert all(name in figure["data-xp-export-source"] for name in publishers), figure
        permalinks = [a["href"] for a in elements(page, "a", "href")]
        assert f"#diagramm-{chart.id}" in permalinks
        copies = [b["data-xp-copy-link"] for b in elements(page, "button", "data-xp-copy-link")]
        assert f"diagramm-{chart.id}" in copies
    for page in {page for _, page in figures.values()}:
        formats = [
            b["data-xp-export-format"] for b in elements(page, "button", "data-xp-export-format")
        ]
        assert formats == ["svg", "png"] * len(elements(page, "figure", "data-xp-export-title"))
