"""Rich data text as Jinja: escaped once, parsed once. The reference checks read the parsed
text for fig() and cite() calls; the renderer compiles the same tree, so no text is parsed twice,
and then lets go of it, so that a build does not hold every text's tree to the end.
"""

from __future__ import annotations

import jinja2
from jinja2 import nodes
from markupsafe import escape

# The syntax the page environment uses (render.make_environment); autoescaping does not change
# how a text parses.
_SYNTAX = jinja2.Environment(keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)

_parsed: dict[str, nodes.Template] = {}  # text -> tree, until the renderer compiles it


def safe_source(text: str) -> str:
    """HTML in data text shown as text; quotes stay, so that helper calls keep their strings."""
    return str(escape(text)).replace("&#34;", '"').replace("&#39;", "'")


def parse(text: str) -> nodes.Template:
    """The parsed tree of a rich text (raises jinja2.TemplateSyntaxError), kept for compiling."""
    if text not in _parsed:
        _parsed[text] = _SYNTAX.parse(safe_source(text))
    return _parsed[text]


def tree_to_compile(text: str) -> nodes.Template:
    """The tree of a rich text for the compiler, no longer kept: a compiled text needs none."""
    return _parsed.pop(text, None) or _SYNTAX.parse(safe_source(text))


def fixed_output(tree: nodes.Template) -> str | None:
    """What a tree renders to in any context, if it is text alone (no helper call, no name), as
    most data texts are: those need no compiling."""
    parts = [part for output in tree.body for part in getattr(output, "nodes", [output])]
    if all(isinstance(part, nodes.TemplateData) for part in parts):
        return "".join(part.data for part in parts)
    return None
