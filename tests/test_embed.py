"""Embed pages: every claim and every chart alone on a page of its own, for an <iframe> on another
site; kept from search engines and the site search, outside the navigation; the claim pages and
charts carry the code to embed them."""

from __future__ import annotations

import gzip
import html
import json
import re

from conftest import BuiltSite
from explainer.data.load import load_site_data
from explainer.data.sitedata import SiteData
from explainer.outputs.render import Renderer, make_environment
from htmlmeta import read_head
from minisite import MINI_SITE

SITE_URL = "https://example.github.io/deepseek-eingeordnet/"
# Parts of Material's page around the content: none of them belongs on an embed page.
SITE_CHROME = ['class="md-header', 'class="md-tabs', 'class="md-sidebar', 'class="md-nav',
               'class="md-footer', 'class="md-search', "bundle.", 'id="__config"']  # fmt: skip
SNIPPET = re.compile(r'<textarea class="xp-embed-code__text" id="([^"]+)"[^>]*>([^<]*)</textarea>')
IFRAME = re.compile(r'^<iframe src="([^"]+)" title="([^"]+)" width="100%" height="(\d+)" '
                    r'style="border:0" loading="lazy"></iframe>$')  # fmt: skip


def claim_embeds(data: SiteData) -> dict[str, str]:
    """Claim id -> address of its embed page below the site root."""
    return {claim.id: _address(data.site.paths.claim_embed(claim.id)) for claim in data.claims}


def chart_embeds(data: SiteData) -> dict[str, str]:
    """Chart id -> address of its embed page below the site root."""
    return {chart.id: _address(data.site.paths.chart_embed(chart.id)) for chart in data.charts}


def _address(path: str) -> str:
    return path.removesuffix(".md") + "/"


def snippets(page: str) -> dict[str, str]:
    """Id of each embed-code field -> the code a reader copies (the field's text, unescaped)."""
    return {field: html.unescape(text) for field, text in SNIPPET.findall(page)}


def test_every_claim_and_every_chart_has_an_embed_page(site: BuiltSite, data: SiteData) -> None:
    addresses = {**claim_embeds(data), **chart_embeds(data)}
    assert len(addresses) == len(data.claims) + len(data.charts)
    for record_id, address in addresses.items():
        assert (site.site_dir / address / "index.html").is_file(), record_id
    assert all(address.startswith("einbetten/") for address in addresses.values())
    assert all(chart_embeds(data)[c.id] == f"einbetten/grafik/{c.id}/" for c in data.charts)


def test_embed_pages_are_for_readers_not_search_engines(site: BuiltSite, data: SiteData) -> None:
    sitemap = (site.site_dir / "sitemap.xml").read_text("utf-8")
    packed = gzip.decompress((site.site_dir / "sitemap.xml.gz").read_bytes()).decode("utf-8")
    index = json.loads((site.site_dir / "search" / "search_index.json").read_text("utf-8"))
    searched = {entry["location"].split("#")[0] for entry in index["docs"]}
    for address in [*claim_embeds(data).values(), *chart_embeds(data).values()]:
        assert read_head(site.page(address)).meta.get("robots") == "noindex", address
        assert f"<loc>{SITE_URL}{address}</loc>" not in sitemap + packed, address
        assert address not in searched, address
    assert packed == sitemap
    assert f"<loc>{SITE_URL}behauptungen/" in sitemap  # the claim pages themselves are listed
    assert any(location.startswith("behauptungen/") for location in searched)


def test_embed_pages_show_no_site_chrome_and_open_links_in_a_new_tab(
    site: BuiltSite, data: SiteData
) -> None:
    for address in [*claim_embeds(data).values(), *chart_embeds(data).values()]:
        page = site.page(address)
        head = page[: page.index("</head>")]
        shown = [part for part in SITE_CHROME if part in page]
        assert not shown, f"{address}: {shown}"
        assert 'rel="prev"' not in head and 'rel="next"' not in head, address
        assert '<base target="_blank">' in head, address
        assert 'class="xp-embed__footer"' in page and "Stand der Daten:" in page, address
        assert "xp-embed-code" not in page, address  # no code to embed the embed page


def test_no_page_links_to_an_embed_page(site: BuiltSite) -> None:
    """Embed pages are in no navigation, no previous/next link and no content."""
    for path in site.site_dir.rglob("*.html"):
        links = re.findall(r'<a\b[^>]*href="([^"]*einbetten[^"]*)"', path.read_text("utf-8"))
        assert not links, f"{path.relative_to(site.site_dir)}: {links}"


def test_a_claim_embed_shows_the_card_and_loads_no_chart(site: BuiltSite, data: SiteData) -> None:
    for claim in data.claims:
        page = site.page(claim_embeds(data)[claim.id])
        verdict = data.verdict_of(claim)
        quote = re.search(r'<p class="xp-claim-card__quote">(.*?)</p>', page).group(1)
        assert html.unescape(re.sub(r"<[^>]+>", "", quote)) == f"„{claim.quote}“", claim.id
        assert f">{verdict.label}</span>" in page, claim.id
        assert f'<time datetime="{claim.checked}">' in page, claim.id
        assert f'href="../../behauptungen/{claim.id}/"' in page, claim.id  # back to the check
        assert "data-xp-chart" not in page and "plotly" not in page, claim.id


def test_a_chart_embed_shows_the_chart_with_title_and_sources(
    site: BuiltSite, data: SiteData
) -> None:
    for chart in data.charts:
        page = site.page(chart_embeds(data)[chart.id])
        assert page.count("data-xp-chart=") == 1, chart.id
        assert f'id="diagramm-{chart.id}"' in page, chart.id
        assert f'<p class="xp-chart__title">{html.escape(chart.title)}</p>' in page, chart.id
        assert "Quelle" in page and "#quelle-" in page, chart.id
        assert "assets/javascripts/charts.js" in page, chart.id


def test_every_claim_page_offers_the_code_to_embed_its_check(
    site: BuiltSite, data: SiteData
) -> None:
    for claim in data.claims:
        page = site.page(f"behauptungen/{claim.id}")
        code = snippets(page)[f"einbetten-{claim.id}"]
        iframe = IFRAME.match(code)
        assert iframe, f"{claim.id}: {code}"
        assert iframe.group(1) == SITE_URL + claim_embeds(data)[claim.id], claim.id
        assert "Faktencheck von DeepSeek – eingeordnet" in iframe.group(2), claim.id
        _assert_copy_button(page, f"einbetten-{claim.id}")


def test_every_chart_shown_offers_the_code_to_embed_it(site: BuiltSite, data: SiteData) -> None:
    embeds, page = chart_embeds(data), site.page("zahlen")
    for chart in data.charts:
        code = snippets(page)[f"einbetten-diagramm-{chart.id}"]
        iframe = IFRAME.match(code)
        assert iframe, f"{chart.id}: {code}"
        assert iframe.group(1) == SITE_URL + embeds[chart.id], chart.id
        assert iframe.group(2) == f"{chart.title} – Grafik von DeepSeek – eingeordnet", chart.id
        assert int(iframe.group(3)) > chart_height(page, chart.id), chart.id
        _assert_copy_button(page, f"einbetten-diagramm-{chart.id}")
    for path in site.site_dir.rglob("index.html"):
        page = path.read_text("utf-8")
        if "einbetten/" not in path.relative_to(site.site_dir).as_posix():
            shown = re.findall(r'<figure class="xp-chart[^"]*" id="diagramm-([a-z0-9-]+)"', page)
            assert all(f"einbetten-diagramm-{chart}" in snippets(page) for chart in shown), path


def chart_height(page: str, chart_id: str) -> int:
    """The height a chart reserves for its plot, in px."""
    figure = page[page.index(f'id="diagramm-{chart_id}"') :]
    return int(re.search(r'style="height: (\d+)px"', figure).group(1))


def _assert_copy_button(page: str, field: str) -> None:
    button = (
        '<button type="button" class="md-button xp-share__button xp-needs-js" '
        f'data-xp-copy-from="{field}">Code kopieren</button>'
    )
    assert button in page, field


def test_the_embed_snippet_escapes_text_from_the_data() -> None:
    """Quotation marks and markup in a title stay text in the iframe's title attribute."""
    renderer = Renderer(load_site_data(MINI_SITE / "data"), make_environment())
    markdown = (
        """{{ embed_code("einbetten/x.md", "das", 'Er sagte "<b>nein</b>" & ging', 300, "x") }}"""
    )
    page = renderer.render_page(
        markdown, "index.md", "docs/index.md", absolute_link=lambda path: "https://x.org/" + path
    )
    code = snippets(page)["einbetten-x"]
    assert 'title="Er sagte &#34;&lt;b&gt;nein&lt;/b&gt;&#34; &amp; ging"' in code
    assert code.startswith('<iframe src="https://x.org/einbetten/x.md"')
