"""The engine on its own: the mini site (another topic) builds with the same hooks and templates."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import BuiltSite, build_site, copy_mini_site

NBSP, NARROW, MINUS = "\u00a0", "\u202f", "\u2212"


@pytest.fixture(scope="module")
def mini(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    project = copy_mini_site(tmp_path_factory.mktemp("mini") / "project")
    build = build_site(project, project.parent / "site")
    assert build.returncode == 0, build.output
    return build


def test_mini_site_builds_strictly_with_a_page_per_claim(mini: BuiltSite) -> None:
    for claim_id in ("park-schrumpft", "park-schoen"):
        assert (mini.site_dir / "pruefungen" / claim_id / "index.html").is_file()


def test_generated_claim_pages_are_in_the_navigation(mini: BuiltSite) -> None:
    navigation = mini.page("index.html")
    assert 'href="pruefungen/park-schrumpft/"' in navigation
    assert 'href="pruefungen/park-schoen/"' in navigation


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
