"""Rich data text skips Jinja's lexer where it holds no template code: the tree it gets instead
must be the one Jinja would have parsed."""

from __future__ import annotations

from explainer import richtext
from explainer.render import make_environment
from hypothesis import given, settings
from hypothesis import strategies as st

PAGES = make_environment()


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aä  \n\r\t<>&\"'}%#-*", max_size=40))
def test_text_without_template_code_parses_as_jinja_parses_it(text: str) -> None:
    assert richtext.parse(text) == PAGES.parse(richtext.safe_source(text))


def test_text_with_template_code_is_parsed_by_jinja() -> None:
    tree = richtext.parse('Laut {{ cite("ap") }} stieg {# Notiz #}der Kurs.')
    assert [call.node.name for call in tree.find_all(richtext.nodes.Call)] == ["cite"]
