"""No broken links: every internal link and anchor of the built site resolves, and the external
links are collected in one report for editors. Links out are safe to open and named as such."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from conftest import ROOT, BuiltSite
from explainer.data.sitedata import SiteData
from explainer.outputs.linksout import link_out_note, mark_links_out
from explainer.text.catalogue import translations
from links import crawl, report

LINK_OUT_NOTE = link_out_note(translations("de"))  # the German edition's

EXAMPLE_SITE_URL = "https://example.github.io/erklaert/"


def test_every_internal_link_and_anchor_resolves(site: BuiltSite) -> None:
    result = crawl(site.site_dir)
    assert not result.broken, "\n".join(result.broken)


def test_external_links_are_reported_with_their_pages(site: BuiltSite, data: SiteData) -> None:
    text = report(crawl(site.site_dir))
    for source in data.sources:
        for address in (source.url, source.read_via, source.archive):
            assert address is None or address in text, address
    assert f"on: {data.site.paths.sources.removesuffix('.md')}/index.html" in text


def test_a_dead_anchor_is_found(site: BuiltSite, tmp_path: Path) -> None:
    copy = tmp_path / "site"
    shutil.copytree(site.site_dir, copy)
    anchors = copy / "index.html"
    anchors.write_text(
        anchors.read_text("utf-8") + '<a href="quellen/#quelle-gibt-es-nicht">x</a>', "utf-8"
    )

    broken = crawl(copy).broken

    assert "index.html: link to missing anchor quellen/#quelle-gibt-es-nicht" in broken


# ---------------------------------------------------------------------------------------------
# Links out
# ---------------------------------------------------------------------------------------------

PAGE = """<header><a href="https://github.com/example/repo">Repository</a></header>
<article class="md-content__inner md-typeset">
<p>Laut <a href="https://www.reuters.com/a">Reuters</a> und
<a href="../quellen/#quelle-x">Quellen</a>, <a href="mailto:redaktion@example.org">Mail</a>,
<a href="https://example.github.io/erklaert/faq/">FAQ</a>.</p>
<article class="xp-claim-card"><a
  href="http://example.net/b" title="B">B
</a></article>
<p><a href="https://example.org/c">C</a></p>
</article>
<footer><a href="https://squidfunk.github.io/mkdocs-material/">Material</a></footer>"""


def test_links_out_in_the_content_end_with_a_note_for_screen_readers() -> None:
    marked = mark_links_out(PAGE, EXAMPLE_SITE_URL, translations("de"))
    assert marked.count(LINK_OUT_NOTE) == 3
    assert f'<a href="https://www.reuters.com/a">Reuters{LINK_OUT_NOTE}</a>' in marked
    assert f'title="B">B\n{LINK_OUT_NOTE}</a></article>' in marked
    assert f'<a href="https://example.org/c">C{LINK_OUT_NOTE}</a>' in marked
    assert marked.replace(LINK_OUT_NOTE, "") == PAGE


def _content(page: str) -> str:
    """The page content: Material's article, up to the last </article> before </main>."""
    start = page.index('<article class="md-content__inner')
    return page[start : page.rindex("</article>", start, page.index("</main>"))]


def _site_url(site: BuiltSite) -> str:
    """site_url of mkdocs.yml, as Material prints it: the start page's canonical address."""
    start = site.page("index.html")
    return re.search(r'<link rel="canonical" href="([^"]+)"', start).group(1)  # type: ignore[union-attr]


LINK = re.compile(r'<a href="(https?://[^"]+)"[^>]*>(.*?)</a>', re.S)


def test_every_link_out_in_the_built_content_is_named_as_one(
    site: BuiltSite, data: SiteData
) -> None:
    site_url, marked = _site_url(site), 0
    for path in site.site_dir.rglob("*.html"):
        page = path.read_text("utf-8")
        language = re.search(r'<html lang="([a-z]+)"', page).group(1)
        note = link_out_note(translations(language, ROOT))  # in the edition's language
        for href, text in re.findall(
            r'<a href="(https?://[^"]+)"[^>]*>(.*?)</a>', _content(page), re.S
        ):
            where = f"{path.relative_to(site.site_dir)}: {href}"
            assert href.startswith(site_url) or text.endswith(note), where
            marked += text.endswith(note)
    assert marked >= len(data.sources)  # the sources page links each one


def test_no_link_opens_a_new_tab_without_noopener(site: BuiltSite) -> None:
    new_tabs = 0
    for path in site.site_dir.rglob("*.html"):
        for tag in re.findall(r"<a\b[^>]*>", path.read_text("utf-8")):
            if re.search(r"""target=["']?_blank""", tag):
                new_tabs += 1
                rel = re.search(r'rel="([^"]*)"', tag)
                safe = rel and {"noopener", "noreferrer"} & set(rel.group(1).split())
                assert safe, f"{path.relative_to(site.site_dir)}: {tag}"
    assert new_tabs  # Material's footer link opens a new tab: the check has something to check
