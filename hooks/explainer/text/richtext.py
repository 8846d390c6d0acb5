"""Rich data text: Markdown with the helper calls `{{ fig("id") }}` and `{{ cite("id") }}`, and
nothing else.

Text in data/ comes from editors and pull requests, so it is data, never a program: Jinja's lexer
finds the tags (exactly where a page would see them), this module accepts a tag only if it is one
helper call with one quoted id, and no text is ever compiled or run by Jinja. Filters, attribute
access, expressions, loops, `{% %}` tags and `{# #}` comments are errors naming the line. The
same parse serves the reference checks (loader, `make check`) and the renderer, so whatever the
build would reject is found by the check.

Markdown stays, with limits that keep a text from changing the page around it: HTML is shown as
text and attribute lists (`{: style=…}`) literally, links go only to web addresses (http/https),
and images are not allowed (the site loads nothing from other hosts).
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import jinja2
import markdown
import markdown.treeprocessors
from markupsafe import Markup, escape

# Helper -> the record type of the id it takes (the reference checks look each id up).
HELPERS = {"fig": "figure", "cite": "source"}
ALLOWED = 'text, {{ fig("id") }} and {{ cite("id") }}'

# The extensions of the site's Markdown (mkdocs.yml, a test keeps both equal): the link check
# must read a text as the page will, e.g. an indented block under `!!! note` as Markdown.
MARKDOWN_EXTENSIONS = (
    "abbr", "admonition", "attr_list", "md_in_html", "tables", "toc", "pymdownx.details",
    "pymdownx.superfences",
)  # fmt: skip
WEB_SCHEMES = ("http", "https")
CACHED_TEXTS = 65536  # every rich text of a large site; bounded for `make serve`'s edits

# Jinja's lexer with the delimiters of the page environment (render.make_environment): the same
# text is a tag here as in a page. Only its tokens are used; nothing is parsed or compiled.
_LEXER = jinja2.Environment(keep_trailing_newline=True).lexer
# Attribute lists ({: style=…}) shown as the characters they are: Markdown passes the
# references through, the browser shows the braces.
_LITERAL_BRACES = str.maketrans({"{": "&#123;", "}": "&#125;"})
# A helper call as the editors' guide writes it, and the kinds of the lexer's tokens for it.
_CANONICAL_CALL = re.compile(r'\{\{ ([a-z]+)\("([^"\\{}\r\n]*)"\) \}\}')
_CALL_KINDS = ("variable_begin", "name", "operator", "string", "operator", "variable_end")
_PLACEHOLDER = "x"  # a helper's output while the text's own links are checked
_IMAGE = "!["  # how every Markdown image starts, inline or by reference


class RichTextError(ValueError):
    """A rich text outside the language, with the line within the text."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass(frozen=True)
class HelperCall:
    """`{{ fig("id") }}` in a rich text: the helper and the id it names."""

    name: str
    target: str


Part = Markup | HelperCall  # Markup: Markdown source, HTML in it escaped


@functools.lru_cache(maxsize=CACHED_TEXTS)
def parse(text: str) -> tuple[Part, ...]:
    """A rich text as its parts in order (raises RichTextError): parsed once for the check and
    the build."""
    parts: list[Part] = []
    tokens = _tokens(text)
    for line, kind, value in tokens:
        if kind == "data":
            parts.append(markdown_source(value))
        elif kind == "variable_begin" and value == "{{":
            parts.append(_helper_call(tokens, line))
        else:
            raise _unexpected(line, value)
    _check_markdown(text, parts)
    return tuple(parts)


def render(parts: tuple[Part, ...], helpers: Mapping[str, Callable[[str], Any]]) -> Markup:
    """The text with each helper's output, escaped as page templates escape it."""
    return Markup("").join(
        escape(helpers[part.name](part.target)) if isinstance(part, HelperCall) else part
        for part in parts
    )


def helper_calls(text: str) -> list[HelperCall]:
    """The helper calls of a text that parses (raises RichTextError otherwise)."""
    return [part for part in parse(text) if isinstance(part, HelperCall)]


def _tokens(text: str) -> Iterator[tuple[int, str, str]]:
    """Jinja's tokens of the text, without whitespace inside tags; lexer errors (an unclosed
    string or bracket) as RichTextError."""
    plain = _plain_tokens(text)
    if plain is not None:
        yield from plain
        return
    try:
        for line, kind, value in _LEXER.tokeniter(text, None):
            if kind != "whitespace":
                yield line, kind, value
    except jinja2.TemplateSyntaxError as error:
        raise RichTextError(error.lineno or 1, f"template error: {error.message}") from None


def _plain_tokens(text: str) -> list[tuple[int, str, str]] | None:
    """The tokens Jinja's lexer gives a text of data and helper calls written as the editors'
    guide shows them (`{{ fig("id") }}`), found without the lexer, which is the slow part of
    reading most data texts; None for any other text (another brace, a line break to normalise)."""
    pieces = _CANONICAL_CALL.split(text)  # data, name, id, data, name, id, …, data
    if any("{" in data or "\r" in data for data in pieces[::3]):
        return None
    tokens, line = [], 1
    for index in range(0, len(pieces), 3):
        if pieces[index]:
            tokens.append((line, "data", pieces[index]))
            line += pieces[index].count("\n")
        if index + 1 < len(pieces):
            name, target = pieces[index + 1], f'"{pieces[index + 2]}"'
            for kind, value in zip(_CALL_KINDS, ("{{", name, "(", target, ")", "}}"), strict=True):
                tokens.append((line, kind, value))
    return tokens


def _helper_call(tokens: Iterator[tuple[int, str, str]], line: int) -> HelperCall:
    """The rest of `{{ name("id") }}` after its `{{`: exactly these tokens, nothing between."""
    found = [next(tokens, (line, "end", "the end of the text")) for _ in range(5)]
    (_, _, name), (_, _, opening), (_, kind, quoted), (_, _, closing), (_, _, end) = found
    expected = [name in HELPERS, opening == "(", kind == "string", closing == ")", end == "}}"]
    for (token_line, _, value), matches in zip(found, expected, strict=True):
        if not matches:
            raise _unexpected(token_line, value)
    if "\\" in quoted:
        raise RichTextError(line, f"{quoted} is not a plain id (expected no backslash)")
    return HelperCall(name, quoted[1:-1])


def _unexpected(line: int, value: str) -> RichTextError:
    return RichTextError(line, f"rich text may hold {ALLOWED} only (found {value!r})")


def markdown_source(text: str) -> Markup:
    """Text as page Markdown: HTML shown as text (quotes stay as typed, which Markdown text
    allows), attribute lists literally."""
    escaped = str(escape(text)).replace("&#34;", '"').replace("&#39;", "'")
    return Markup(escaped.translate(_LITERAL_BRACES))  # noqa: S704 - escaped just above


def _check_markdown(text: str, parts: list[Part]) -> None:
    """No image; links only to web addresses. Both need '[', which most texts lack."""
    source = "".join(_PLACEHOLDER if isinstance(part, HelperCall) else part for part in parts)
    # Every line as if unindented: on a page, a text may continue a list item or an admonition,
    # where an indented line is Markdown, not the code block it would be on its own.
    source = "\n".join(line.lstrip(" \t") for line in source.split("\n"))
    if _IMAGE in source:
        raise RichTextError(
            _line_of(text, _IMAGE),
            "images are not allowed in rich text (the site loads nothing from other hosts; "
            "expected text and links)",
        )
    if "[" in source:
        for address in map(html.unescape, _link_addresses(source)):
            if not _is_web_address(address):
                raise RichTextError(
                    _line_of(text, address),
                    f"a link in rich text must lead to a web address (expected http:// or "
                    f"https://, found {address!r})",
                )


def _link_addresses(source: str) -> list[str]:
    """Every link target of the Markdown, and of every reference definition in it (another text
    on the same page may use them)."""
    converter = _markdown()
    converter.reset().convert(source)
    links = converter.treeprocessors[_LinkTargets.NAME].found
    return links + [address for address, _ in converter.references.values()]


class _LinkTargets(markdown.treeprocessors.Treeprocessor):
    """Keeps the address of every link of the last text converted."""

    NAME = "xp-link-targets"
    PRIORITY = -100  # after every other tree processor: links as the page will have them

    def run(self, root: Any) -> None:
        self.found = [element.get("href", "") for element in root.iter("a")]


@functools.cache
def _markdown() -> markdown.Markdown:
    converter = markdown.Markdown(extensions=list(MARKDOWN_EXTENSIONS))
    converter.treeprocessors.register(
        _LinkTargets(converter), _LinkTargets.NAME, _LinkTargets.PRIORITY
    )
    return converter


def _is_web_address(address: str) -> bool:
    parts = urlsplit(address)
    return parts.scheme.lower() in WEB_SCHEMES and bool(parts.netloc)


def _line_of(text: str, found: str) -> int:
    """Line of the first place `found` occurs in the text as typed, else the first line."""
    return text.count("\n", 0, max(text.find(found), 0)) + 1
