"""No broken links: every internal link and anchor of the built site resolves, and the external
links are collected in one report for editors."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import BuiltSite
from explainer.sitedata import SiteData
from links import crawl, report


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
