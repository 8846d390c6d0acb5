"""The engine on its own: the mini site (another topic) builds with the same hooks and templates."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from conftest import BuiltSite, build_site
from explainer.outputs.linksout import link_out_note
from explainer.text.catalogue import translations
from minisite import copy_mini_site
from text import MINUS, NARROW, NBSP

LINK_OUT_NOTE = link_out_note(translations("de"))  # the German edition's


@pytest.fixture(scope="module")
def mini(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    project = copy_mini_site(tmp_path_factory.mktemp("mini") / "project")
    build = build_site(project, project.parent / "site")
    assert build.returncode == 0, build.output
    return build


def test_mini_site_builds_strictly_with_a_page_per_claim(mini: BuiltSite) -> None:
    for claim_id in ("park-schrumpft", "park-schoen"):
        assert (mini.site_dir / "pruefungen" / claim_id / "index.html").is_file()


def test_embed_pages_live_in_the_folder_site_yaml_names(mini: BuiltSite) -> None:
    for path in ("einbinden/park-schrumpft", "einbinden/grafik/parkflaeche"):
        assert (mini.site_dir / path / "index.html").is_file(), path
    code = html.unescape(mini.page("pruefungen/park-schrumpft"))
    assert '<iframe src="https://example.org/stadtpark/einbinden/park-schrumpft/"' in code


def test_claim_pages_are_linked_from_their_overview_not_listed_on_every_page(
    mini: BuiltSite,
) -> None:
    start, overview = mini.page("index.html"), mini.page("pruefungen")
    assert 'href="pruefungen/park-schrumpft/"' not in start  # page size independent of claims
    assert 'href="park-schrumpft/"' in overview and 'href="park-schoen/"' in overview
    claim = mini.page("pruefungen/park-schrumpft")
    assert "md-nav__item--active" in claim  # its section is open and marked


def test_claim_page_shows_quote_verdict_figures_and_sources(mini: BuiltSite) -> None:
    page = mini.page("pruefungen/park-schrumpft")
    assert "„Der Park wird jedes Jahr deutlich kleiner.“</h1>" in page
    assert ">Stimmt nicht</span>" in page
    assert f">{MINUS}0,4{NARROW}%</a>" in page
    assert f">125.000{NBSP}Quadratmeter</a>" in page
    assert 'href="../../fragen/#wird-der-park-kleiner"' in page


def test_every_page_shows_the_date_of_the_data(mini: BuiltSite) -> None:
    for page in mini.site_dir.rglob("index.html"):
        assert f"Stand der Daten: 1.{NBSP}Mai 2024" in page.read_text("utf-8"), page


def test_citations_link_to_existing_anchors_on_the_sources_page(mini: BuiltSite) -> None:
    anchors = set(re.findall(r'id="(quelle-[a-z0-9-]+)"', mini.page("quellen")))
    cited = {
        anchor
        for page in mini.site_dir.rglob("*.html")
        for anchor in re.findall(r'quellen/#(quelle-[a-z0-9-]+)"', page.read_text("utf-8"))
    }
    assert cited, "no citations found"
    assert cited <= anchors


def test_text_from_data_is_escaped_in_html(tmp_path: Path) -> None:
    project = copy_mini_site(tmp_path / "project")
    attack = "<script>alert('x')</script> \"zitiert\""
    claims = project / "data" / "claims.yaml"
    text = claims.read_text("utf-8")
    quoted = attack.replace("'", "''")  # YAML single-quoted string
    text = text.replace("quote: Der Park wird jedes Jahr deutlich kleiner.", f"quote: '{quoted}'")
    text = text.replace("summary: Eine Geschmacksfrage.", "summary: Eine </script> Frage.")
    claims.write_text(text, "utf-8")
    sources = project / "data" / "sources.yaml"
    sources.write_text(
        sources.read_text("utf-8").replace(
            "title: Flächenbericht Stadtpark (Beispiel)", 'title: "Bericht <b>fett</b> \\"x\\""'
        ),
        "utf-8",
    )

    build = build_site(project, tmp_path / "site")

    assert build.returncode == 0, build.output
    for page in (tmp_path / "site").rglob("*.html"):
        html = page.read_text("utf-8")
        assert "<script>alert" not in html, page
        assert "<b>fett</b>" not in html, page
        assert "Eine </script> Frage" not in html, page
    claim_page = build.page("pruefungen/park-schrumpft")
    assert "&lt;script&gt;alert(" in claim_page
    assert "Eine &lt;/script&gt; Frage" in build.page("pruefungen/park-schoen")


def test_generated_pages_have_previous_and_next_links(mini: BuiltSite) -> None:
    page = mini.page("pruefungen/park-schrumpft")
    assert 'class="md-footer__link md-footer__link--prev"' in page
    assert 'href="../park-schoen/" class="md-footer__link md-footer__link--next"' in page


# ---------------------------------------------------------------------------------------------
# Provenance: dates of a check, corrections, sources and what rests on them
# ---------------------------------------------------------------------------------------------


def test_claim_pages_show_when_they_were_checked_and_changed(mini: BuiltSite) -> None:
    page = mini.page("pruefungen/park-schrumpft")
    assert f'Geprüft am <time datetime="2024-04-20">20.{NBSP}April 2024</time>' in page
    assert f'Aktualisiert am <time datetime="2024-04-28">28.{NBSP}April 2024</time>' in page
    assert 'class="xp-corrections"' in page and "zuerst in Hektar" in page
    unchanged = mini.page("pruefungen/park-schoen")
    assert "Geprüft am" in unchanged and "Aktualisiert am" not in unchanged
    assert 'class="xp-corrections"' not in unchanged


def test_the_corrections_page_links_to_every_corrected_claim(mini: BuiltSite) -> None:
    page = mini.page("korrekturen")
    content = page[page.index("<h1") : page.index('class="xp-stand"')]
    assert 'href="../pruefungen/park-schrumpft/"' in content and "zuerst in Hektar" in content
    assert 'href="../pruefungen/park-schoen/"' not in content


def test_a_source_shows_its_copy_archive_month_and_what_rests_on_it(mini: BuiltSite) -> None:
    page = mini.page("quellen")
    entry = page[page.index('id="quelle-stadtrat"') :]
    entry = entry[: entry.index("</div>")]
    assert "Veröffentlicht im April 2024" in entry and "abgerufen" not in entry
    copy = f'<a href="https://copy.example.net/protokoll">copy.example.net{LINK_OUT_NOTE}</a>'
    assert f"gelesen über: {copy}" in entry
    archive = f'<a href="https://archive.example.org/2024/protokoll">Archivkopie{LINK_OUT_NOTE}</a>'
    assert archive in entry
    assert 'href="../pruefungen/park-schoen/"' in entry
    first = page[page.index('id="quelle-gruenflaechenamt"') :]
    assert f"Veröffentlicht am 1.{NBSP}März 2024 · abgerufen am 1.{NBSP}Mai 2024" in first


def test_the_overview_lists_the_most_recently_changed_claim_first(mini: BuiltSite) -> None:
    page = mini.page("pruefungen")
    assert page.index("Der Park wird jedes Jahr") < page.index("Der Park ist der schönste")


def test_sitemap_dates_claim_pages_by_their_last_change(mini: BuiltSite) -> None:
    sitemap = (mini.site_dir / "sitemap.xml").read_text("utf-8")
    entries = dict(re.findall(r"<loc>([^<]+)</loc>\s*<lastmod>([^<]+)</lastmod>", sitemap))
    assert entries["https://example.org/stadtpark/pruefungen/park-schrumpft/"] == "2024-04-28"
    assert entries["https://example.org/stadtpark/pruefungen/park-schoen/"] == "2024-04-20"
    assert entries["https://example.org/stadtpark/"] == "2024-05-01"
