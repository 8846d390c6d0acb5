"""The public website: title, description, share tags and structured data on every page kind,
link texts that say where they lead, share images, sitemap, robots.txt, the German 404 page and
the legal pages in every footer."""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

import pytest
from conftest import ROOT, BuiltSite
from explainer.data.sitedata import SiteData
from explainer.outputs import jsonld, metadata
from explainer.outputs.pages import TITLE_LENGTH
from explainer.outputs.render import Renderer, make_environment
from explainer.outputs.shareimage import Card, render_card, wrap
from explainer.site import SiteBuild, load_build
from explainer.text.jsonhtml import html_safe_json
from htmlmeta import PageHead, read_head
from PIL import Image

SITE_URL = "https://example.github.io/deepseek-eingeordnet/"
SHARE_TAGS = ["og:title", "og:description", "og:url", "og:type", "og:image", "og:image:alt",
              "og:locale", "og:site_name", "twitter:card", "twitter:title",
              "twitter:description", "twitter:image"]  # fmt: skip
PAGE_KINDS = {"": "start", "faq/": "faq", "quellen/": "other", "methodik/": "other"}
# Link texts that do not say where a link leads. Lighthouse's SEO audit "link-text" fails a page
# on a fixed list (English and a few other languages: "start", "here", "more" …); its German
# twins are just as vague. Links within the page (#…) do not count, as in Lighthouse.
VAGUE_LINK_TEXTS = {"start", "here", "more", "read more", "click here", "this",
                    "hier", "mehr", "weiter", "weiterlesen", "mehr erfahren", "hier klicken",
                    "link", "dieser link", "klicken"}  # fmt: skip
LINKS = re.compile(r'<a\s[^>]*?href="(?!#)[^"]*"[^>]*>(.*?)</a>', re.DOTALL)


# Each language edition: its folder below the site, <html lang> and og:locale.
EDITIONS = {"": ("de", "de_DE"), "en/": ("en", "en_US")}
EDITION_IDS = ["German edition", "English edition"]


def _pages(site: BuiltSite, edition: str = "") -> dict[str, PageHead]:
    """Address below the edition's root -> head of every page of the language edition in the
    folder `edition` except the 404 page."""
    heads = {}
    for path in sorted(_edition_files(site, edition, "index.html")):
        address = path.parent.relative_to(site.site_dir / edition).as_posix()
        address = "" if address == "." else f"{address}/"
        heads[address] = read_head(path.read_text("utf-8"))
    return heads


def _edition_files(site: BuiltSite, edition: str, pattern: str) -> list[Path]:
    """The files matching `pattern` of the edition in the folder `edition` (not the others')."""
    others = [site.site_dir / folder for folder in EDITIONS if folder and folder != edition]
    return [
        path
        for path in (site.site_dir / edition).rglob(pattern)
        if not any(path.is_relative_to(other) for other in others)
    ]


def _local(site: BuiltSite, url: str) -> Path:
    assert url.startswith(SITE_URL), url
    return site.site_dir / url.removeprefix(SITE_URL)


# ---------------------------------------------------------------------------------------------
# Every page
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("edition", EDITIONS, ids=EDITION_IDS)
def test_every_page_has_title_description_canonical_and_share_tags(
    site: BuiltSite, data: SiteData, edition: str
) -> None:
    pages = _pages(site, edition)
    language, locale = EDITIONS[edition]
    site_name = pages[""].meta["og:site_name"]  # the edition's title
    assert edition or site_name == "DeepSeek – eingeordnet"
    assert len(pages) > len(data.claims)
    for address, head in pages.items():
        assert head.lang == language, address
        assert head.title and (address == "" or head.title != site_name), address
        assert len(head.meta.get("description", "")) > 20, address
        assert head.canonical == SITE_URL + edition + address, address
        for tag in SHARE_TAGS:
            assert head.meta.get(tag), f"{address}: {tag} missing"
        assert head.meta["og:url"] == head.canonical
        assert head.meta["og:locale"] == locale
        assert head.meta["og:site_name"] == site_name
        assert head.meta["og:type"] == ("website" if address == "" else "article")
        assert head.meta["og:description"] == head.meta["description"]
        assert _local(site, head.meta["og:image"]).is_file(), address


def test_every_link_says_where_it_leads(site: BuiltSite) -> None:
    vague = []
    for path in sorted(site.site_dir.rglob("*.html")):
        for inner in LINKS.findall(path.read_text("utf-8")):
            text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", inner)).split())
            if text.lower() in VAGUE_LINK_TEXTS:
                vague.append(f"{path.relative_to(site.site_dir)}: {text!r}")
    assert not vague, "\n".join(vague)


def test_structured_data_is_valid_json_on_every_page_role(site: BuiltSite, data: SiteData) -> None:
    pages = _pages(site)
    types = {
        address: [item.get("@type") for item in head.jsonld] for address, head in pages.items()
    }
    assert types[""] == [None] and {n["@type"] for n in pages[""].jsonld[0]["@graph"]} == {
        "WebSite", "Organization"}  # fmt: skip
    assert types["faq/"] == ["FAQPage"]
    assert types["zahlen/"] == ["Dataset"]
    assert types["quellen/"] == [] and types["methodik/"] == []
    for claim in data.claims:
        assert types[f"behauptungen/{claim.id}/"] == ["ClaimReview"]


@pytest.fixture(scope="module")
def build() -> SiteBuild:
    return load_build(ROOT)


@pytest.mark.parametrize(
    ("path", "role"),
    [("index.md", "start"), ("behauptungen/wer-ist-deepseek.md", "claim"), ("faq.md", "faq"),
     ("zahlen.md", "numbers"), ("behauptungen/index.md", "other"), ("quellen.md", "other"),
     ("einbetten/wer-ist-deepseek.md", "other")],
    ids=["start page", "claim page", "faq", "numbers page", "claims overview", "sources",
         "embed page"],
)  # fmt: skip
def test_a_page_has_the_role_of_its_page_kind(path: str, role: str, build: SiteBuild) -> None:
    kind, _ = build.page_kind(path)
    assert kind.role == role


# ---------------------------------------------------------------------------------------------
# Claim pages: description from the summary, ClaimReview
# ---------------------------------------------------------------------------------------------


def test_claim_pages_describe_themselves_with_their_summary(
    site: BuiltSite, data: SiteData
) -> None:
    for claim in data.claims:
        head = read_head(site.page(f"behauptungen/{claim.id}"))
        description = head.meta["description"]
        assert len(description) <= metadata.DESCRIPTION_LENGTH
        assert "{{" not in description and "<" not in description and "](" not in description
        start = re.split(r"\{\{", claim.summary)[0].strip()[:30]
        assert description.startswith(start), claim.id
        assert head.meta["og:title"] == f"„{metadata.shorten(claim.quote, TITLE_LENGTH)}“"
        assert head.meta["og:image"] == f"{SITE_URL}assets/share/{claim.id}.png"


def test_claim_review_has_what_google_requires_and_recommends(
    site: BuiltSite, data: SiteData
) -> None:
    values = jsonld.rating_values(data.verdicts)
    start_page = read_head(site.page("")).jsonld[0]["@graph"]
    start_page_operator = next(node for node in start_page if node["@type"] == "Organization")
    for claim in data.claims:
        verdict = data.verdict_of(claim)
        review = read_head(site.page(f"behauptungen/{claim.id}")).jsonld[0]
        # required: claimReviewed, reviewRating.alternateName, url (same site)
        assert review["@context"] == "https://schema.org"
        assert review["claimReviewed"] == claim.quote
        assert review["url"] == f"{SITE_URL}behauptungen/{claim.id}/"
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating" and rating["alternateName"] == verdict.label
        # recommended: author, itemReviewed (Claim appearing in the article), datePublished
        assert review["author"]["@type"] == "Organization" and review["author"]["name"]
        # named, and described in full once, on the start page
        assert review["author"] == {
            key: start_page_operator[key] for key in ("@type", "@id", "name", "url")
        }
        assert review["publisher"] == {"@id": review["author"]["@id"]}
        assert review["datePublished"] == claim.checked.isoformat()
        assert review["dateModified"] == claim.last_changed.isoformat()
        appearance = review["itemReviewed"]["appearance"]
        assert review["itemReviewed"]["@type"] == "Claim"
        assert appearance["headline"] == data.site.article.title
        assert appearance["publisher"]["name"] == data.site.article.publisher
        if verdict.rated:
            assert rating["worstRating"] == 1 and rating["bestRating"] == max(values.values())
            assert rating["ratingValue"] == values[verdict.id]
        else:
            assert not {"ratingValue", "bestRating", "worstRating"} & set(rating), claim.id


def test_rating_follows_the_scale_order_and_skips_opinions(data: SiteData) -> None:
    values = jsonld.rating_values(data.verdicts)
    rated = [verdict.id for verdict in data.verdicts if verdict.rated]
    assert [values[verdict_id] for verdict_id in rated] == list(range(len(rated), 0, -1))
    assert all(verdict.id not in values for verdict in data.verdicts if not verdict.rated)


# ---------------------------------------------------------------------------------------------
# FAQ and start page
# ---------------------------------------------------------------------------------------------


def test_faq_page_lists_every_question_with_a_plain_text_answer(
    site: BuiltSite, data: SiteData
) -> None:
    faq = read_head(site.page("faq")).jsonld[0]
    assert faq["@context"] == "https://schema.org" and faq["url"] == f"{SITE_URL}faq/"
    assert [entry["name"] for entry in faq["mainEntity"]] == [q.question for q in data.questions]
    for entry in faq["mainEntity"]:
        assert entry["@type"] == "Question"
        answer = entry["acceptedAnswer"]
        assert answer["@type"] == "Answer" and len(answer["text"]) > 20
        assert not re.search(r"<[a-z/]|\{\{|\]\(|&[a-z]+;", answer["text"]), answer["text"]


def test_start_page_describes_the_website_and_its_operator(site: BuiltSite, data: SiteData) -> None:
    graph = {node["@type"]: node for node in read_head(site.page("")).jsonld[0]["@graph"]}
    assert graph["WebSite"]["url"] == SITE_URL and graph["WebSite"]["inLanguage"] == "de"
    assert graph["WebSite"]["publisher"] == {"@id": graph["Organization"]["@id"]}
    assert graph["Organization"]["name"] == data.operator.name
    assert graph["Organization"]["address"]["postalCode"] == data.operator.address.postal_code


# ---------------------------------------------------------------------------------------------
# JSON-LD and text helpers
# ---------------------------------------------------------------------------------------------


def test_json_in_html_cannot_end_the_script_element() -> None:
    text = html_safe_json({"quote": "</script><script>alert(1)</script> & <!--\u2028"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\\u003c/script\\u003e" in text
    import json

    assert json.loads(text)["quote"] == "</script><script>alert(1)</script> & <!--\u2028"


def test_plain_text_has_no_markup_and_no_stray_spaces(data: SiteData) -> None:
    renderer = Renderer(data, make_environment())
    source = data.sources[0]
    rich = f'Laut {{{{ cite("{source.id}") }}}} *stimmt* das & <b>mehr</b>.'
    text = renderer.plain_text(rich)
    assert text.startswith(f"Laut ({source.publisher}, ") and text.endswith(
        ") stimmt das & <b>mehr</b>."
    )
    assert "( " not in text and " )" not in text


def test_shorten_and_strip_title() -> None:
    long = "Wort " * 60
    short = metadata.shorten(long.strip())
    assert len(short) <= metadata.DESCRIPTION_LENGTH and short.endswith("Wort…")
    assert metadata.shorten("kurz") == "kurz"
    assert metadata.strip_title("&bdquo;A &amp; B&ldquo;") == "„A & B“"


# ---------------------------------------------------------------------------------------------
# Share images
# ---------------------------------------------------------------------------------------------


def test_share_images_exist_for_the_site_and_every_claim(site: BuiltSite, data: SiteData) -> None:
    folder = site.site_dir / "assets" / "share"
    assert {path.stem for path in folder.glob("*.png")} == {"site"} | {c.id for c in data.claims}
    for path in folder.glob("*.png"):
        with Image.open(path) as image:
            assert image.size == (1200, 630) and image.format == "PNG"


def test_share_image_is_deterministic_and_wraps_long_quotes() -> None:
    card = Card("Titel", "„" + "Ein sehr langes Zitat " * 40 + "“", "Falsch", "#b71c1c", "x.org")
    first, second = render_card(card), render_card(card)
    assert first == second
    with Image.open(io.BytesIO(first)) as image:
        assert image.size == (1200, 630)
    from explainer.outputs.shareimage import _font

    assert len(wrap("a b c d e f", _font("DejaVuSans.ttf", 40), 60)) > 1


# ---------------------------------------------------------------------------------------------
# Sitemap, robots.txt, 404
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("edition", EDITIONS, ids=EDITION_IDS)
def test_sitemap_lists_every_page_for_search_engines_with_its_date(
    site: BuiltSite, data: SiteData, edition: str
) -> None:
    sitemap = (site.site_dir / edition / "sitemap.xml").read_text("utf-8")
    entries = dict(re.findall(r"<loc>([^<]+)</loc>\s*<lastmod>([^<]+)</lastmod>", sitemap))
    pages = _pages(site, edition)
    indexed = [address for address, head in pages.items() if "robots" not in head.meta]
    assert set(entries) == {SITE_URL + edition + address for address in indexed}
    assert len(indexed) > len(data.claims)
    for address, lastmod in entries.items():
        claim_id = address.removeprefix(f"{SITE_URL}{edition}behauptungen/").strip("/")
        claim = data.by_id["claim"].get(claim_id)
        expected = claim.last_changed if claim else data.site.updated
        assert lastmod == expected.isoformat(), address


def test_robots_txt_points_at_the_sitemap(site: BuiltSite) -> None:
    robots = (site.site_dir / "robots.txt").read_text("utf-8")
    assert "User-agent: *" in robots
    for edition in EDITIONS:
        assert f"Sitemap: {SITE_URL}{edition}sitemap.xml" in robots.splitlines()


def test_404_page_is_german_and_leads_home(site: BuiltSite) -> None:
    page = (site.site_dir / "404.html").read_text("utf-8")
    head = read_head(page)
    assert head.lang == "de" and head.meta.get("robots") == "noindex"
    assert "Seite nicht gefunden" in page and "Not found" not in page
    assert '<a href="/deepseek-eingeordnet/">Zur Startseite</a>' in page


# ---------------------------------------------------------------------------------------------
# Legal pages
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("edition", EDITIONS, ids=EDITION_IDS)
@pytest.mark.parametrize("legal", ["impressum", "datenschutz"])
def test_every_page_links_to_the_legal_pages_in_its_footer(
    site: BuiltSite, legal: str, edition: str
) -> None:
    target = (site.site_dir / edition / legal).resolve()  # the English ones link the German
    assert (target / "index.html").is_file()
    for path in _edition_files(site, edition, "*.html"):
        page = path.read_text("utf-8")
        footer = page[page.rindex("<footer") :]  # Material's, or an embed page's own
        hrefs = re.findall(r'class="xp-legal__link" href="([^"]+)"', footer)
        resolved = {_resolve(site, path, href) for href in hrefs}
        assert target in resolved, f"{path}: no footer link to {legal} in {hrefs}"


def _resolve(site: BuiltSite, page: Path, href: str) -> Path:
    """Local folder a link of a built page points at (absolute links start at the site path)."""
    if href.startswith("/"):
        return (site.site_dir / href.removeprefix("/deepseek-eingeordnet/")).resolve()
    return (page.parent / href).resolve()


def test_legal_pages_show_the_operator_data(site: BuiltSite, data: SiteData) -> None:
    operator = data.operator
    impressum, datenschutz = site.page("impressum"), site.page("datenschutz")
    for shown in (html.unescape(impressum), html.unescape(datenschutz)):  # as the reader sees it
        assert operator.name in shown and operator.address.city in shown
    assert "§ 5 DDG" in impressum and "§ 18 Abs. 2 MStV" in impressum
    for fact in ("keine Cookies", "GitHub Pages", "IP-Adresse", "keine Besucherzählung",
                 "nichts von fremden Servern", "localStorage", "Content Security Policy",
                 "Referrer"):  # fmt: skip
        assert fact in datenschutz, fact
    if operator.placeholder:
        assert "Noch nicht ausgefüllt" in impressum and "Noch nicht ausgefüllt" in datenschutz


def test_methodik_names_who_checks(site: BuiltSite, data: SiteData) -> None:
    page = site.page("methodik")
    assert 'id="wer-prueft"' in page
    for reviewer in data.operator.reviewers:
        assert reviewer.name in html.unescape(page)  # as the reader sees it
