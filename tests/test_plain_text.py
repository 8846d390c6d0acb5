"""Plain text of rich data text (open data, feed, share descriptions): text without Markdown
syntax skips the Markdown conversion, and must come out exactly as if it had been converted."""

from __future__ import annotations

import markdown
from explainer.outputs.render import plain_text_of
from hypothesis import given, settings
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
