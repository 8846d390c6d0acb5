"""Plain fields (quote, title, topic, names, labels) are plain: whatever Markdown or HTML they hold
reaches the reader as the characters typed, in text and in attributes, never as markup. Checked
addresses stay one link to the same place."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import markdown
import pytest
from explainer.data.load import load_site_data
from explainer.data.models import CssColor, WebAddress
from explainer.outputs.render import Renderer, make_environment, page_text
from explainer.text.richtext import MARKDOWN_EXTENSIONS
from hostilesite import BREAKING_URL, PLAIN
from hypothesis import given, settings
from hypothesis import strategies as st
from minisite import MINI_SITE

# Prose with every character Markdown or HTML gives a meaning somewhere.
ALPHABET = "abcÄ XYZ 019 \n\t .,;:!?-–()\"'%&§/+=#>*_`[]{}<\\|~^"
TAGS = re.compile(r"</?(\w+)")


def site_markdown(text: str) -> str:
    return markdown.markdown(text, extensions=list(MARKDOWN_EXTENSIONS))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=60).map(str.strip).filter(bool))
def test_a_plain_value_becomes_one_paragraph_of_exactly_its_text(text: str) -> None:
    page = site_markdown(f"Vorher {page_text(text)} nachher")
    assert TAGS.findall(page) == ["p", "p"], page
    assert html.unescape(page.removeprefix("<p>").removesuffix("</p>")) == f"Vorher {text} nachher"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=40).map(str.strip).filter(bool))
def test_a_plain_value_at_the_start_of_a_line_starts_no_block(text: str) -> None:
    page = site_markdown(f"Name:\n{page_text(text)}<br>\nOrt")
    assert TAGS.findall(page) == ["p", "br", "p"], page


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=40).map(str.strip).filter(bool))
def test_a_plain_value_is_its_own_text_in_an_attribute(text: str) -> None:
    page = site_markdown(f'<p markdown="span"><span title="{page_text(text)}">x</span></p>')
    title = re.search(r'title="([^"]*)"', page)
    assert title and html.unescape(title.group(1)) == text, page


def test_a_checked_address_stays_one_link_to_the_same_place() -> None:
    page = site_markdown(f"[Archivkopie]({page_text(WebAddress(BREAKING_URL))})")
    assert TAGS.findall(page) == ["p", "a", "a", "p"], page
    assert 'href="https://example.org/a%29%5Bx%5D%28javascript:window.__pwned=6%29"' in page


def test_a_colour_is_printed_as_it_is() -> None:
    assert page_text(CssColor("#1b5e20")) == "#1b5e20"


FIELDS = [
    ("quote", "„{{ claim.quote }}“"),
    ("topic-in-a-heading", "## {{ claim.topic }} { #thema }"),
    ("link-text", "[„{{ claim.quote }}“](https://example.org/)"),
    ("table-cell", "| a | b |\n|---|---|\n| {{ claim.quote }} | x |"),
    ("attribute", '<p markdown="span"><span data-topic="{{ claim.topic }}">x</span></p>'),
]


@pytest.mark.parametrize(("template",), [case[1:] for case in FIELDS], ids=[c[0] for c in FIELDS])
def test_markup_in_a_plain_field_is_shown_never_interpreted(template: str) -> None:
    claim = (
        load_site_data(MINI_SITE / "data")
        .claims[0]
        .model_copy(update={"quote": PLAIN, "topic": PLAIN})
    )
    renderer = Renderer(load_site_data(MINI_SITE / "data"), make_environment())
    page = site_markdown(renderer.render_page(template, "index.md", "docs/index.md", claim=claim))
    for made in ("<script", "<img", "<em", "<code", 'href="javascript', 'style="', 'onclick="'):
        assert made not in page, f"{made} in {page}"
    assert PLAIN in html.unescape(page), page


def test_a_line_break_in_a_glossary_form_puts_nothing_into_the_page(tmp_path: Path) -> None:
    data_dir = shutil.copytree(MINI_SITE / "data", tmp_path / "data")
    form = "Park\n\n<div style=position:fixed>"
    (data_dir / "glossary.yaml").write_text(
        "terms:\n  - id: park\n    term: Stadtpark\n"
        f'    forms: [{json.dumps(form)}]\n    explanation: "Eine\\nGrünfläche."\n',
        "utf-8",
    )
    renderer = Renderer(load_site_data(data_dir), make_environment())

    definitions = renderer.glossary_definitions(f"Der {form}.")

    assert definitions == "\n\n*[Park <div style=position:fixed>]: Eine Grünfläche.\n"
    assert TAGS.findall(site_markdown("Der Park." + definitions)) == ["p", "p"]
