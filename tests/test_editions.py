"""Language editions: the original at the site's root, each translation in <lang>/ below it with
the same pages, built strictly by the same `mkdocs build`; each edition in its language (html
lang, search, Open Graph, JSON-LD, feed), linked to the other (switch, sitemaps, JSON-LD); and a
third language added to a copy of the mini site without Python or template changes."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import ROOT, BuiltSite, build_site
from explainer.outputs.editions import Edition, Editions
from explainer.outputs.themepatch import CARRIED
from minisite import copy_mini_site

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
SITE_URL = "https://example.github.io/deepseek-eingeordnet/"
CLAIM = "behauptungen/wer-ist-deepseek/"


def _pages(folder: Path, leave_out: str | None = None) -> set[str]:
    """Addresses of the HTML pages below `folder`, without those below `leave_out`."""
    pages = {p.relative_to(folder).as_posix() for p in folder.rglob("*.html")}
    return {p for p in pages if leave_out is None or not p.startswith(leave_out)}


def _json_ld(html: str) -> dict:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    assert found, "no JSON-LD on the page"
    return json.loads(found.group(1))


def _head_value(html: str, attribute: str, name: str) -> str:
    found = re.search(rf'<meta {attribute}="{name}" content="([^"]*)"', html)
    assert found, f"no {name} in the head"
    return found.group(1)


@pytest.mark.parametrize(
    ("language", "name", "og_locale"),
    [("de", "Deutsch", "de_DE"), ("en", "English", "en_US"), ("fr", "Français", "fr_FR")],
    ids=["German", "English", "French"],
)
def test_an_edition_is_named_in_its_own_language_with_its_likeliest_locale(
    language: str, name: str, og_locale: str
) -> None:
    edition = Edition(language, f"{language}/")
    assert (edition.name, edition.og_locale) == (name, og_locale)


@pytest.mark.parametrize(
    ("current", "page", "hrefs"),
    [
        ("de", "", ["./", "en/", "fr/"]),
        ("de", "faq/", ["../faq/", "../en/faq/", "../fr/faq/"]),
        ("en", "", ["../", "../en/", "../fr/"]),
        ("fr", "a/b/", ["../../../a/b/", "../../../en/a/b/", "../../../fr/a/b/"]),
    ],
    ids=["original start page", "original page", "translation start page", "translation page"],
)
def test_the_switch_links_the_same_page_in_every_edition_relative_to_this_one(
    current: str, page: str, hrefs: list[str]
) -> None:
    editions = Editions.of("de", ["en", "fr"], current, "https://example.org/site/")
    assert [link["href"] for link in editions.switch(page)] == hrefs


def test_a_site_with_one_edition_has_no_hreflang_and_one_sitemap() -> None:
    editions = Editions.of("de", [], "de", "https://example.org/")
    assert not editions.several and editions.hreflang("faq/") == []
    assert editions.edition_urls() == ["https://example.org/"]


def test_the_english_edition_has_every_page_of_the_german_one(site: BuiltSite) -> None:
    german = _pages(site.site_dir, leave_out="en/")
    assert _pages(site.site_dir / "en") == german
    assert len(german) > 50  # claim pages and embed pages included


@pytest.mark.parametrize(
    ("path", "language", "og_locale"),
    [("faq/", "de", "de_DE"), ("en/faq/", "en", "en_US"), (f"en/{CLAIM}", "en", "en_US")],
    ids=["German FAQ", "English FAQ", "English claim page"],
)
def test_each_edition_says_its_language_in_html_lang_and_open_graph(
    site: BuiltSite, path: str, language: str, og_locale: str
) -> None:
    html = site.page(path)
    assert f'<html lang="{language}"' in html
    assert _head_value(html, "property", "og:locale") == og_locale


def test_a_page_of_docs_en_replaces_the_german_page_in_the_english_edition(
    site: BuiltSite,
) -> None:
    assert "<h1" in site.page("en/faq/") and "Questions and answers" in site.page("en/faq/")
    assert "Questions and answers" not in site.page("faq/")
    assert not (site.site_dir / "en" / "en").exists()  # docs/en/ is no page of its own


@pytest.mark.parametrize(
    ("folder", "language"), [("", "de"), ("en/", "en")], ids=["German", "English"]
)
def test_each_edition_is_searched_with_its_own_stemming(
    site: BuiltSite, folder: str, language: str
) -> None:
    index = json.loads((site.site_dir / folder / "search/search_index.json").read_text("utf-8"))
    assert index["config"]["lang"] == [language]


def test_robots_txt_names_the_sitemap_of_each_edition_and_exists_once(site: BuiltSite) -> None:
    robots = (site.site_dir / "robots.txt").read_text("utf-8")
    assert re.findall(r"(?m)^Sitemap: (.*)$", robots) == [
        f"{SITE_URL}sitemap.xml",
        f"{SITE_URL}en/sitemap.xml",
    ]
    assert not (site.site_dir / "en" / "robots.txt").exists()


@pytest.mark.parametrize(("folder"), ["", "en/"], ids=["German sitemap", "English sitemap"])
def test_each_sitemap_lists_its_edition_with_hreflang_to_both_and_x_default(
    site: BuiltSite, folder: str
) -> None:
    urlset = ET.parse(site.site_dir / folder / "sitemap.xml").getroot()
    urls = urlset.findall(f"{SITEMAP}url")
    assert len(urls) > 20
    for url in urls:
        location = url.findtext(f"{SITEMAP}loc")
        page = location.removeprefix(SITE_URL + folder)
        assert location.startswith(SITE_URL + folder) and not page.startswith("en/")
        alternates = {
            link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
        }
        assert alternates == {
            "de": SITE_URL + page,
            "en": SITE_URL + "en/" + page,
            "x-default": SITE_URL + page,
        }


def test_the_switch_links_each_page_to_itself_in_both_editions(site: BuiltSite) -> None:
    german, english = site.page(CLAIM), site.page("en/" + CLAIM)
    for html, expected in (
        (german, ["../../" + CLAIM, "../../en/" + CLAIM]),
        (english, ["../../../" + CLAIM, "../../../en/" + CLAIM]),
    ):
        links = re.findall(
            r'<a href="([^"]*)" hreflang="(de|en)"[^>]*class="md-select__link"', html
        )
        assert [href for href, _ in links] == expected
    assert _carrier("assets/javascripts/editions.js") in german
    assert '<link rel="alternate" href=' not in german


def test_json_ld_links_the_editions_and_reviews_the_german_original_in_english(
    site: BuiltSite,
) -> None:
    german, english = _json_ld(site.page(CLAIM)), _json_ld(site.page("en/" + CLAIM))
    assert german["inLanguage"] == "de"
    assert german["workTranslation"] == [{"@id": SITE_URL + "en/" + CLAIM, "inLanguage": "en"}]
    assert english["inLanguage"] == "en"
    assert english["translationOfWork"] == {"@id": SITE_URL + CLAIM}
    assert english["itemReviewed"]["text"] == german["claimReviewed"]
    assert english["itemReviewed"]["inLanguage"] == "de"
    start = _json_ld(site.page("en/"))["@graph"][0]
    assert start["inLanguage"] == "en" and start["translationOfWork"] == {"@id": SITE_URL}


@pytest.mark.parametrize(("folder", "language"), [("", "de"), ("en/", "en")], ids=["de", "en"])
def test_each_edition_has_its_own_feed_in_its_language(
    site: BuiltSite, folder: str, language: str
) -> None:
    feed = ET.parse(site.site_dir / folder / "feed.xml").getroot()
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == language
    links = [link.get("href") for link in feed.iter("{http://www.w3.org/2005/Atom}link")]
    assert f"{SITE_URL}{folder}{CLAIM}" in links


def test_building_the_translations_leaves_the_original_edition_as_built_alone(
    site: BuiltSite, tmp_path: Path
) -> None:
    alone = build_site(ROOT, tmp_path / "site", XP_EDITIONS="de")
    assert alone.returncode == 0, alone.output
    assert not (alone.site_dir / "en").exists()
    for page in _pages(alone.site_dir):
        built = (site.site_dir / page).read_bytes()
        assert (alone.site_dir / page).read_bytes() == built, page


FRENCH_START = """# {{ site.title }}

Vérifiées : {{ claims|length }} affirmations.
"""
FRENCH_OVERLAY = ROOT / "tests" / "sites" / "mini-fr"
# A newsroom's French catalogue: a few of the engine's words (the rest stay in English, as
# gettext falls back to the message itself).
FRENCH_CATALOGUE = """msgid ""
msgstr ""
"Language: fr\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Topic: %(topic)s"
msgstr "Thème : %(topic)s"

msgid "Copy link"
msgstr "Copier le lien"
"""


def _add_french(project: Path) -> None:
    """A newsroom adds French as data/README.md says: one line in data/site.yaml, the French
    text of the data (data/fr/), its pages (docs/fr/) and a catalogue (locale/fr/): no Python,
    no template."""
    site = project / "data" / "site.yaml"
    site.write_text(site.read_text("utf-8") + "translations: [fr]\n", "utf-8")
    shutil.copytree(FRENCH_OVERLAY, project / "data" / "fr", ignore=shutil.ignore_patterns("*.md"))
    (project / "docs" / "fr").mkdir()
    (project / "docs" / "fr" / "index.md").write_text(FRENCH_START, "utf-8")
    catalogue = project / "locale" / "fr" / "LC_MESSAGES" / "explainer.po"
    catalogue.parent.mkdir(parents=True)
    catalogue.write_text(FRENCH_CATALOGUE, "utf-8")


def test_a_third_language_is_added_to_the_mini_site_without_python_or_templates(
    tmp_path: Path,
) -> None:
    project = copy_mini_site(tmp_path / "project")
    _add_french(project)
    build = build_site(project, tmp_path / "site")
    assert build.returncode == 0, build.output
    french = build.page("fr/")
    assert '<html lang="fr"' in french and "Vérifiées" in french
    assert 'placeholder="Rechercher"' in french  # Material's own words, in French
    assert re.search(r'lang="fr"[^>]*>\s*Français\s*</a>', build.page("index.html"))
    claim = build.page("fr/pruefungen/park-schrumpft/")
    assert "Thème : Surface" in claim  # the newsroom's catalogue and the French data
    assert "Le parc rétrécit nettement chaque année." in claim  # the quote's translation
    index = json.loads((build.site_dir / "fr/search/search_index.json").read_text("utf-8"))
    assert index["config"]["lang"] == ["fr"]
    assert _pages(build.site_dir / "fr") == _pages(build.site_dir, leave_out="fr/")


def test_a_mistake_in_a_translated_page_stops_the_strict_build(tmp_path: Path) -> None:
    project = copy_mini_site(tmp_path / "project")
    _add_french(project)
    (project / "docs" / "fr" / "index.md").write_text("[Lien](nulle-part.md)\n", "utf-8")
    build = build_site(project, tmp_path / "site")
    assert build.returncode != 0
    assert "nulle-part.md" in build.output


def _carrier(script: str) -> str:
    """The theme's file that brings our `script` to every page."""
    return next(carrier for carrier, ours in CARRIED.items() if script in ours)
