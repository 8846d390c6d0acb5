"""Read what search engines and share previews read from a built page: head tags, JSON-LD, links."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any


@dataclass
class PageHead:
    """The parts of one HTML page that the metadata tests look at."""

    lang: str = ""
    title: str = ""
    meta: dict[str, str] = field(default_factory=dict)  # name, property or http-equiv -> content
    canonical: str = ""
    jsonld: list[Any] = field(default_factory=list)
    jsonld_raw: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)  # every href and src


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.head = PageHead()
        self._in: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        if tag == "html":
            self.head.lang = values.get("lang", "")
        elif tag == "meta" and "content" in values:
            key = values.get("property") or values.get("name") or values.get("http-equiv")
            if key:
                self.head.meta[key] = values["content"]
        elif tag == "link" and values.get("rel") == "canonical":
            self.head.canonical = values.get("href", "")
        if tag == "title" or (tag == "script" and values.get("type") == "application/ld+json"):
            self._in, self._text = tag, []
        for name in ("href", "src"):
            if values.get(name) and tag in ("a", "link", "script", "img", "source"):
                self.head.links.append(values[name])

    def handle_data(self, data: str) -> None:
        if self._in:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag != self._in:
            return
        text = "".join(self._text)
        if tag == "title":
            self.head.title = text.strip()
        else:
            self.head.jsonld_raw.append(text)
            self.head.jsonld.append(json.loads(text))
        self._in = None


def read_head(html: str) -> PageHead:
    parser = _Parser()
    parser.feed(html)
    return parser.head


class _Elements(HTMLParser):
    def __init__(self, tag: str, attribute: str) -> None:
        super().__init__(convert_charrefs=True)
        self.wanted = (tag, attribute)
        self.found: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        if tag == self.wanted[0] and self.wanted[1] in values:
            self.found.append(values)


def elements(html: str, tag: str, attribute: str) -> list[dict[str, str]]:
    """Attributes (unescaped) of every `tag` element that has `attribute`, in page order."""
    parser = _Elements(tag, attribute)
    parser.feed(html)
    return parser.found
