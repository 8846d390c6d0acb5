"""Rules every explainer keeps: the data check passes, every word readers see is spelled right,
every claim has its page, citations and the date of the data reach every page, nothing loads
from another host, and no number is typed into a page: text, tables and charts take every number
from data/."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import markdown
import pytest
from conftest import ROOT, BuiltSite
from explainer.data.sitedata import SiteData
from explainer.data.spelling import misspellings
from explainer.outputs.render import page_text
from explainer.text.catalogue import translations
from explainer.text.formatting import Formatter
from links import parse_page

LEGAL_REFERENCE = r"(?:§|Art\.|Abs\.)\s*\d+"


def test_the_data_check_passes_without_a_word() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "explainer", "check", str(ROOT)],
        env={**os.environ, "PYTHONPATH": str(ROOT / "hooks")},
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_every_word_readers_see_is_spelled_right() -> None:
    """What `make spell` checks: the data's prose and docs/, against the German dictionary and
    data/wortliste.txt; not the translations' pages."""
    found = misspellings(ROOT)
    assert [str(word) for word in found] == []


def test_every_claim_has_a_generated_page_with_its_verdict(site: BuiltSite, data: SiteData) -> None:
    for claim in data.claims:
        page = site.page(data.site.paths.claim_page(claim.id))
        assert data.verdict_of(claim).label in page, claim.id


def test_citations_link_to_existing_anchors_on_the_sources_page(
    site: BuiltSite, data: SiteData
) -> None:
    sources_page = data.site.paths.sources.removesuffix(".md")
    anchors = parse_page(site.page(sources_page)).ids
    for source in data.sources:
        assert f"quelle-{source.id}" in anchors
    for path in site.site_dir.rglob("*.html"):
        for href in parse_page(path.read_text("utf-8")).links:
            if f"{sources_page}/#" in href:
                assert href.split("#", 1)[1] in anchors, f"{path}: {href}"


def test_every_page_shows_the_date_of_the_data(site: BuiltSite, data: SiteData) -> None:
    """In each edition's words and date format: the page's <html lang> names the edition."""
    for path in site.site_dir.rglob("index.html"):
        page = path.read_text("utf-8")
        language = re.search(r'<html lang="([a-z]+)"', page).group(1)
        words, formatter = translations(language, ROOT), Formatter(language)
        stand = words.gettext("Data as of: %(date)s") % {"date": formatter.date(data.site.updated)}
        assert stand in page, path


ESCAPED_MARKUP = re.compile(r"&lt;/?(span|a|cite|abbr|figure|div|svg)\b")


def test_no_page_shows_markup_as_text(site: BuiltSite) -> None:
    """A '|' in data text (a source title) must not break a table and show HTML as text."""
    for path in site.site_dir.rglob("*.html"):
        found = ESCAPED_MARKUP.search(path.read_text("utf-8"))
        assert not found, f"{path.relative_to(site.site_dir)}: {found.group(0)}"


def test_a_pipe_in_data_text_stays_in_its_table_cell() -> None:
    cell = page_text("Preise & Tarife | Stadtwerke")
    html = markdown.markdown(f"| a | b |\n|---|---|\n| <span title=\"{cell}\">x</span> | y |",
                             extensions=["tables"])  # fmt: skip
    assert html.count("<td>") == 2 and "&#124;" in html


def test_pages_make_no_request_to_another_host(site: BuiltSite) -> None:
    # Canonical and alternate links name addresses without loading them.
    loads = re.compile(
        r'<(?:script|img|iframe|source|link(?![^>]*rel="(?:canonical|alternate)"))\b'
        r'[^>]*?\s(?:src|href)="(?:https?:)?//'
    )
    for path in site.site_dir.rglob("*.html"):
        html = path.read_text("utf-8")
        assert not loads.search(html), f"{path} loads from another host"
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def _prose(markdown: str) -> str:
    """Page text without Jinja expressions, statements, comments and link targets."""
    text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", " ", markdown, flags=re.DOTALL)
    text = re.sub(LEGAL_REFERENCE, " ", text)  # "§ 5 DDG", "Art. 6 Abs. 1 lit. f DSGVO" are no data
    return re.sub(r"\]\([^)]*\)", "]", text)


@pytest.mark.parametrize("path", sorted((ROOT / "docs").rglob("*.md")), ids=lambda path: path.name)
def test_no_number_is_typed_into_a_page(path: Path) -> None:
    typed = re.findall(r"[^\s]*\d[^\s]*", _prose(path.read_text("utf-8")))
    assert not typed, f"{path.relative_to(ROOT)}: take these from data/: {typed}"


def test_no_number_check_catches_a_typed_figure() -> None:
    assert re.findall(r"\d", _prose("Der Park verlor 17 % seiner Fläche."))
    assert not re.findall(r"\d", _prose('Der Park verlor {{ fig("flaechenaenderung") }}.'))
