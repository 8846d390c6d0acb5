"""Rich data text as Jinja: escaped once, parsed once. The reference checks read the parsed
text for fig() and cite() calls; the renderer compiles the same tree, so no text is parsed twice,
and then lets go of it, so that a build does not hold every text's tree to the end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import jinja2
from jinja2 import nodes
from markupsafe import escape

# The syntax the page environment uses (render.make_environment); autoescaping does not change
# how a text parses.
_SYNTAX = jinja2.Environment(keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)

_NEWLINES = re.compile(r"\r\n|\r|\n")  # each is a newline to Jinja's lexer
_parsed: dict[str, nodes.Template] = {}  # text -> tree, until the renderer compiles it


def safe_source(text: str) -> str:
    """HTML in data text shown as text; quotes stay, so that helper calls keep their strings."""
    return str(escape(text)).replace("&#34;", '"').replace("&#39;", "'")


def parse(text: str) -> nodes.Template:
    """The parsed tree of a rich text (raises jinja2.TemplateSyntaxError), kept for compiling."""
    if text not in _parsed:
        _parsed[text] = _parsed_now(text)
    return _parsed[text]


def tree_to_compile(text: str) -> nodes.Template:
    """The tree of a rich text for the compiler, no longer kept: a compiled text needs none."""
    return _parsed.pop(text, None) or _parsed_now(text)


def _parsed_now(text: str) -> nodes.Template:
    """Without a brace a text holds no template code (every Jinja tag starts with one), and its
    tree is the text itself, as Jinja's lexer gives it: most data texts skip the lexer."""
    source = safe_source(text)
    if "{" in source:
        return _SYNTAX.parse(source)
    data = _NEWLINES.sub("\n", source)
    return nodes.Template([nodes.Output([nodes.TemplateData(data)])] if data else [])


@dataclass(frozen=True)
class HelperCall:
    """`{{ fig("id") }}` in a rich text: the helper's name and its literal arguments."""

    name: str
    args: tuple[Any, ...]
    kwargs: tuple[tuple[str, Any], ...]


Part = str | HelperCall


def text_and_calls(tree: nodes.Template) -> list[Part] | None:
    """A rich text as data texts are written, text and helper calls with literal arguments, as
    its parts in order: it renders without being compiled (compiling is most of the cost of a
    text used once or twice). None for any other template code, which Jinja compiles."""
    parts: list[Part] = []
    for output in tree.body:
        if not isinstance(output, nodes.Output):
            return None
        for node in output.nodes:
            if isinstance(node, nodes.TemplateData):
                parts.append(node.data)
            elif call := _literal_call(node):
                parts.append(call)
            else:
                return None
    return parts


def render_parts(parts: list[Part], context: dict[str, Any]) -> str | None:
    """The text with each helper's output, escaped as Jinja escapes it; None where a helper is
    not a plain function or macro in `context` (Jinja then renders it, or names the mistake)."""
    rendered = []
    for part in parts:
        if isinstance(part, HelperCall):
            helper = context.get(part.name)
            if not callable(helper) or hasattr(helper, "jinja_pass_arg"):
                return None
            part = escape(helper(*part.args, **dict(part.kwargs)))
        rendered.append(part)
    return "".join(rendered)


def _literal_call(node: nodes.Node) -> HelperCall | None:
    if not (isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name)):
        return None
    if node.dyn_args or node.dyn_kwargs:
        return None
    values = [*node.args, *(keyword.value for keyword in node.kwargs)]
    if not all(isinstance(value, nodes.Const) for value in values):
        return None
    return HelperCall(
        node.node.name,
        tuple(argument.value for argument in node.args),
        tuple((keyword.key, keyword.value.value) for keyword in node.kwargs),
    )
