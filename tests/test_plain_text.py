"""Plain text of rich data text (open data, feed, share descriptions): text without Markdown
syntax skips the Markdown conversion, and must come out exactly as if it had been converted; a
helper's output goes in as the plain text it shows, and must come out as the rendered helper."""

from __future__ import annotations

import markdown
import pytest
from explainer.data.sitedata import SiteData
from explainer.outputs.render import PLAIN_TEXT_PAGE, Renderer, make_environment, plain_text_of
from explainer.text import richtext
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from markupsafe import Markup

# Prose as editors write it, with every character Markdown gives a meaning somewhere.
ALPHABET = "abcÄöüß XYZ 0123456789 \n\n\t .,;:!?-–()\"'%&§/+=#>*_`[]{}<\\|~"


def through_markdown(text: str) -> str:
    html = markdown.markdown(text, extensions=["attr_list", "md_in_html"])
    return Markup(html).striptags()


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=80))
def test_plain_text_is_the_text_markdown_would_give(text: str) -> None:
    assert plain_text_of(text) == through_markdown(text)


def test_data_text_without_markdown_keeps_its_words_and_entities() -> None:
    text = "DeepSeek-V3 kostete 5,6 Mio. &amp; mehr,\nam 27. Januar 2025:\n\nKurssturz (17 %)."
    assert (
        plain_text_of(text)
        == "DeepSeek-V3 kostete 5,6 Mio. & mehr, am 27. Januar 2025: Kurssturz (17 %)."
    )


def test_links_and_emphasis_become_their_text() -> None:
    assert plain_text_of("Laut [AP](https://apnews.com/x) *stark* gestiegen.") == (
        "Laut AP stark gestiegen."
    )


# Helper calls as editors put them anywhere in a text, a line's start included: a date, a count,
# a source read through a copy and one with only its title.
HELPER_CALLS = [
    '{{ fig("v3-veroeffentlichung") }}',
    '{{ fig("highflyer-a100") }}',
    '{{ cite("deepseek-api-preise") }}',
    '{{ cite("jdn-kolumne") }}',
]
RICH_ALPHABET = ALPHABET.replace("{", "").replace("}", "")  # a lone brace is a rich-text error


@pytest.fixture(scope="module")
def renderer(data: SiteData) -> Renderer:
    return Renderer(data, make_environment())


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.text(alphabet=RICH_ALPHABET, max_size=20) | st.sampled_from(HELPER_CALLS)))
def test_the_plain_text_of_a_rich_text_is_what_its_rendered_markdown_shows(
    renderer: Renderer, parts: list[str]
) -> None:
    text = "".join(parts)
    try:
        richtext.parse(text)
    except richtext.RichTextError:
        assume(False)  # an image or a link to no web address: the build stops there
    page = renderer.env.from_string(renderer.import_line + "{{ rich(text) }}")
    rendered = page.render(renderer.context(PLAIN_TEXT_PAGE, text=text))
    assert renderer.plain_text(text) == through_markdown(rendered)
