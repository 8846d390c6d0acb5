"""The real site: its numbers are German-formatted, its data is complete and its evidence can be
followed (the rules every explainer keeps are in test_explainer_rules.py)."""

from __future__ import annotations

import html
import re

import pytest
import yaml
from conftest import ROOT, BuiltSite
from explainer.data.sitedata import SiteData
from text import MINUS, NARROW, NBSP

# The seven questions the article asks, verbatim (shared/seed/article-de.txt).
ARTICLE_QUESTIONS = [
    "Was ist DeepSeek und wodurch unterscheidet es sich von anderen KI?",
    "Wie beeinflusst DeepSeek die amerikanischen Technologiefirmen?",
    "Warum reichen die massiven Investitionen der amerikanischen Technologiegiganten in die KI"
    " nicht mehr aus?",
    "Ist DeepSeek für Entwicklungsländer zugänglich?",
    "Wie trägt DeepSeek zu einem dezentraleren Ansatz für KI bei?",
    "Wie reagieren die Investoren auf das Eintreffen von DeepSeek auf dem Markt?",
    "Wird DeepSeek eine Rolle in der Zukunft der globalen KI-Technologie spielen?",
]


# ---------------------------------------------------------------------------------------------
# The build
# ---------------------------------------------------------------------------------------------


def test_numbers_appear_german_formatted(site: BuiltSite) -> None:
    page = site.page("zahlen")
    assert re.search(rf"\d+,\d{NBSP}Mrd\.{NBSP}US-Dollar", page)
    assert re.search(rf"{MINUS}\d+,\d{NARROW}%", page)
    assert re.search(rf"\d+\.{NBSP}Januar 2025", page)


def test_material_is_set_up_in_german_with_palette_toggle_and_instant_navigation() -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=yaml.BaseLoader)
    theme = config["theme"]
    assert theme["language"] == "de"
    assert theme["font"] == "false"
    assert len(theme["palette"]) == 3 and all("toggle" in p for p in theme["palette"])
    assert "navigation.instant" in theme["features"]
    assert config["plugins"][0]["search"]["lang"] == "de"
    assert {"data", "hooks", "overrides"} <= set(config["watch"])
    assert config["validation"]["links"]["anchors"] == "warn"


# ---------------------------------------------------------------------------------------------
# The content
# ---------------------------------------------------------------------------------------------


def test_every_claim_has_a_verdict_and_a_source(data: SiteData) -> None:
    assert len(data.claims) >= 15
    for claim in data.claims:
        assert claim.verdict in data.by_id["verdict"]
        assert claim.sources, claim.id


def test_opinions_are_labelled_not_rated(data: SiteData) -> None:
    unrated = [verdict for verdict in data.verdicts if not verdict.rated]
    assert unrated, "the scale needs a rating for opinions"
    assert any(claim.verdict == unrated[0].id for claim in data.claims)


def test_every_faq_entry_links_to_a_claim_or_source(data: SiteData) -> None:
    for question in data.questions:
        assert question.claims or question.sources, question.id


def test_the_seven_article_questions_are_all_answered(data: SiteData) -> None:
    asked = [question.question for question in data.questions if question.from_article]
    assert asked == ARTICLE_QUESTIONS
    assert any(not question.from_article for question in data.questions)


def test_there_are_enough_sources(data: SiteData) -> None:
    assert len(data.sources) >= 20


# ---------------------------------------------------------------------------------------------
# Evidence a critic can follow
# ---------------------------------------------------------------------------------------------

ARTICLE = ROOT.parent / "shared" / "seed" / "article-de.txt"


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.skipif(not ARTICLE.is_file(), reason="the seed article lies beside the repository")
def test_the_articles_answers_are_quoted_word_for_word(data: SiteData) -> None:
    article = _words(ARTICLE.read_text("utf-8"))
    for question in data.questions:
        if question.from_article:
            assert _words(question.article_answer) in article, question.id


# A search path or parameter anywhere; WordPress's `s` only at a site's root (`/?s=term`)
SEARCH_PAGE = r"/search\b|[?&](q|query|search)=|^https?://[^/?#]+/?\?([^#]*&)?s="


def test_no_source_address_is_a_search_page_and_every_claim_is_dated(data: SiteData) -> None:
    for source in data.sources:
        for address in (source.url, source.read_via):
            assert address is None or not re.search(SEARCH_PAGE, address)
    for claim in data.claims:
        assert claim.checked <= data.site.updated, claim.id
        assert claim.verdict_reason, claim.id


def test_every_changed_verdict_is_in_the_corrections_log(site: BuiltSite, data: SiteData) -> None:
    page = site.page("korrekturen")
    for claim, _ in data.corrections:
        assert f'href="../behauptungen/{claim.id}/"' in page, claim.id
    changed = [c for c in data.claims if any("Bewertung" in k.text for k in c.corrections)]
    assert changed, "the content revision changed verdicts; each needs its correction"


def test_every_glossary_term_appears_in_the_text(site: BuiltSite, data: SiteData) -> None:
    pages = [
        path.read_text("utf-8")
        for path in site.site_dir.rglob("index.html")
        if path.parent.name != "glossar"
    ]
    for term in data.terms:
        forms = [term.term, *term.forms]
        assert any(f">{form}</abbr>" in page for page in pages for form in forms), term.id


def test_every_source_lists_what_rests_on_it(site: BuiltSite, data: SiteData) -> None:
    page = site.page("quellen")
    for source in data.sources:
        entry = page[page.index(f'id="quelle-{source.id}"') :]
        entry = entry[: entry.index("</div>")]
        assert "Darauf stützen sich:" in entry, source.id
        if source.read_via:
            assert f'href="{html.escape(source.read_via)}"' in entry, source.id
