"""The theme's HTML templates without the whitespace that only lays out their source.

Material's templates are indented for the people who write them, and each line that holds only a
control tag (`{% if … %}`, `{% endfor %}`) leaves an empty line on the page. A claim page carried
about 5 KB of such whitespace, 0.45 KB after gzip: enough to push its HTML past the 14.6 KB a
phone receives in the first round trip of a new connection. Outside preformatted text, HTML shows
a run of whitespace that holds a line break as a single space whatever its length, so none of
this whitespace shows.

`compact_source()` edits a template's text as it loads: every line loses its indentation, and a
line holding only one control tag that prints nothing (if, elif, else, for, endfor, endif,
set, import, with) ends with Jinja's `-%}`, which drops the line break after it. The line break
before such a line stays, so what the tag separates stays separated. Tags that print or carry
text (block, include, macro, call, filter, a `set` that captures a block) are left alone: what
follows them could otherwise touch what they print. A template with preformatted text (`<pre>`,
`<textarea>`) is served as it is. The edit is made once per template as it loads, and the
compiled result is kept like any other (explainer/outputs/bytecode.py), so no page pays for it.
tests/test_template_space.py builds the site with and without it and compares the pages.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import jinja2

_INDENT = re.compile(r"^[ \t]+", re.MULTILINE)
# A line that is exactly one control tag without whitespace control of its own at the end.
_CONTROL_LINE = re.compile(
    r"^(\{%[-+]?\s*(?:if|elif|else|endif|for|endfor|import|from|with|endwith)\b"
    r"(?:[^%\n]|%(?!\}))*?)(?<![-+])%\}$"
    r"|^(\{%[-+]?\s*set\b[^=%\n]*=(?:[^%\n]|%(?!\}))*?)(?<![-+])%\}$",
    re.MULTILINE,
)
_PREFORMATTED = re.compile(r"<(?:pre|textarea|plaintext|xmp)\b", re.IGNORECASE)


def compact_source(source: str) -> str:
    """The template `source` without indentation, its control lines not ending a line."""
    if _PREFORMATTED.search(source):
        return source
    dedented = _INDENT.sub("", source)
    return _CONTROL_LINE.sub(lambda line: (line.group(1) or line.group(2)) + "-%}", dedented)


class CompactLoader(jinja2.BaseLoader):
    """`loader`'s templates, the HTML ones (by name) through compact_source()."""

    def __init__(self, loader: jinja2.BaseLoader) -> None:
        self.loader = loader

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        source, filename, uptodate = self.loader.get_source(environment, template)
        if template.endswith(".html"):
            source = compact_source(source)
        return source, filename, uptodate

    def list_templates(self) -> list[str]:
        return self.loader.list_templates()
