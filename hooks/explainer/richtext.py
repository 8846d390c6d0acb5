"""Rich data text as Jinja: escaped once, parsed once. The reference checks read the parsed
text for fig() and cite() calls; the renderer compiles the same tree, so no text is parsed twice.
"""

from __future__ import annotations

from functools import lru_cache

import jinja2
from jinja2 import nodes
from markupsafe import escape

# The syntax the page environment uses (render.make_environment); autoescaping does not change
# how a text parses.
_SYNTAX = jinja2.Environment(keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)


def safe_source(text: str) -> str:
    """HTML in data text shown as text; quotes stay, so that helper calls keep their strings."""
    return str(escape(text)).replace("&#34;", '"').replace("&#39;", "'")


@lru_cache(maxsize=16384)
def parse(text: str) -> nodes.Template:
    """The parsed tree of a rich text (raises jinja2.TemplateSyntaxError)."""
    return _SYNTAX.parse(safe_source(text))
