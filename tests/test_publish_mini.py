"""Public-website parts on copies of the mini site: hostile data stays escaped, placeholder
operator data is loud and stops a deploy build, and operator.yaml is optional."""

from __future__ import annotations

import csv
import html
import io
import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import build_site
from htmlmeta import read_head
from minisite import copy_mini_site

ATOM = "{http://www.w3.org/2005/Atom}"
HOSTILE = 'Böse </script><script>alert("x")</script> & <!-- <b>fett</b>'


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{path}: {old!r} not found"
    path.write_text(text.replace(old, new), "utf-8")


def test_script_end_tag_in_a_quote_stays_text_in_json_ld_feed_and_data(tmp_path: Path) -> None:
    project = copy_mini_site(tmp_path / "project")
    quote = "Der Park wird jedes Jahr deutlich kleiner."
    _replace(project / "data" / "claims.yaml", f"quote: {quote}", f"quote: '{HOSTILE}'")
    build = build_site(project, tmp_path / "site")
    assert build.returncode == 0, build.output
    page = build.page("pruefungen/park-schrumpft")
    assert "</script><script>alert" not in page and "<b>fett</b>" not in page
    head = read_head(page)
    assert head.jsonld[0]["claimReviewed"] == HOSTILE
    assert "\\u003c/script\\u003e" in head.jsonld_raw[0]
    assert head.meta["og:title"] == f"„{HOSTILE}“"
    assert head.meta["twitter:image:alt"].startswith(f"„{HOSTILE}“")
    assert html.unescape(head.title).startswith(f"„{HOSTILE}“")
    feed = ET.parse(build.site_dir / "feed.xml").getroot()
    titles = [entry.findtext(f"{ATOM}title") for entry in feed.iter(f"{ATOM}entry")]
    assert f"„{HOSTILE}“" in titles
    table = (build.site_dir / "downloads" / "daten" / "claims.csv").read_text("utf-8")
    assert HOSTILE in [row["quote"] for row in csv.DictReader(io.StringIO(table))]


def test_hostile_front_matter_description_is_escaped(tmp_path: Path) -> None:
    project = copy_mini_site(tmp_path / "project")
    index = project / "docs" / "index.md"
    index.write_text(f"---\ndescription: '{HOSTILE}'\n---\n\n" + index.read_text("utf-8"), "utf-8")
    build = build_site(project, tmp_path / "site")
    assert build.returncode == 0, build.output
    page = build.page("")
    assert "</script><script>alert" not in page
    head = read_head(page)
    assert head.meta["description"] == HOSTILE == head.meta["og:description"]


def test_opinions_are_labelled_not_rated_in_the_claim_review(tmp_path: Path) -> None:
    build = build_site(copy_mini_site(tmp_path / "project"), tmp_path / "site")
    assert build.returncode == 0, build.output
    opinion = read_head(build.page("pruefungen/park-schoen")).jsonld[0]["reviewRating"]
    assert opinion["alternateName"] == "Ansichtssache" and "ratingValue" not in opinion
    rated = read_head(build.page("pruefungen/park-schrumpft")).jsonld[0]["reviewRating"]
    assert (rated["ratingValue"], rated["bestRating"], rated["worstRating"]) == (1, 2, 1)
    review = read_head(build.page("pruefungen/park-schrumpft")).jsonld[0]
    assert review["author"]["name"] == "Beispielverein Stadtpark e. V."


def test_placeholder_operator_is_loud_but_strict_build_passes(tmp_path: Path) -> None:
    project = copy_mini_site(tmp_path / "project")
    _replace(
        project / "data" / "operator.yaml",
        "name: Beispielverein",
        "placeholder: true\nname: Beispielverein",
    )
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    assert "PLATZHALTER" in result.output and "data/operator.yaml" in result.output


def test_placeholder_operator_stops_a_deploy_build(tmp_path: Path) -> None:
    project = copy_mini_site(tmp_path / "project")
    _replace(
        project / "data" / "operator.yaml",
        "name: Beispielverein",
        "placeholder: true\nname: Beispielverein",
    )
    result = build_site(project, tmp_path / "site", CI_DEPLOY="1")
    assert result.returncode != 0
    assert "placeholders" in result.output and "CI_DEPLOY=1" in result.output
    assert not (tmp_path / "site" / "index.html").exists()


def test_site_without_operator_file_builds_and_names_itself_as_author(tmp_path: Path) -> None:
    project = copy_mini_site(tmp_path / "project")
    (project / "data" / "operator.yaml").unlink()
    build = build_site(project, tmp_path / "site")
    assert build.returncode == 0, build.output
    review = read_head(build.page("pruefungen/park-schrumpft")).jsonld[0]
    assert review["author"]["name"] == "Stadtpark – geprüft"
    assert 'class="xp-legal"' not in build.page("")


def test_a_font_folder_without_the_fonts_stops_the_build_naming_the_variable(
    tmp_path: Path,
) -> None:
    project = copy_mini_site(tmp_path / "project")
    folder = tmp_path / "no-fonts"
    result = build_site(project, tmp_path / "site", EXPLAINER_FONT_DIR=str(folder))
    assert result.returncode != 0
    assert (
        f"share images need the font {folder}/DejaVuSans.ttf: EXPLAINER_FONT_DIR points at "
        f"{folder}; set it to a folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf, or unset "
        "it to use the fonts that come with the engine"
    ) in result.output


def test_claim_review_dates_come_from_the_claim(tmp_path: Path) -> None:
    build = build_site(copy_mini_site(tmp_path / "project"), tmp_path / "site")
    assert build.returncode == 0, build.output
    corrected = read_head(build.page("pruefungen/park-schrumpft")).jsonld[0]
    assert (corrected["datePublished"], corrected["dateModified"]) == ("2024-04-20", "2024-04-28")
    unchanged = read_head(build.page("pruefungen/park-schoen")).jsonld[0]
    assert (unchanged["datePublished"], unchanged["dateModified"]) == ("2024-04-20", "2024-04-20")
