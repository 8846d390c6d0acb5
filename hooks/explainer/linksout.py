"""Links from a page's content to other sites, told apart for screen readers.

Each such link ends with a visually hidden „(externer Link)“, so a reader who hears the link's
name knows it leaves this site; on paper its address is written out (class xp-link-out, print
rules in explainer.css). Done once on the built HTML (hooks/mkdocs_publish.py): links from
Markdown, from macros and from the data are all treated alike.
"""

from __future__ import annotations

from html.parser import HTMLParser
from itertools import accumulate
from urllib.parse import urlsplit

LINK_OUT_NOTE = '<span class="xp-visually-hidden xp-link-out"> (externer Link)</span>'
CONTENT_CLASS = "md-content__inner"  # Material's <article> around a page's content


def is_link_out(href: str, site_url: str) -> bool:
    """Whether a link leads to another site: a web address outside `site_url`."""
    return urlsplit(href).scheme in ("http", "https") and not href.startswith(site_url)


def mark_links_out(html: str, site_url: str) -> str:
    """The page with LINK_OUT_NOTE at the end of every link out in its content."""
    parser = _LinksOut(site_url)
    parser.feed(html)
    parser.close()
    # HTMLParser tells where a tag starts as line and column; lines end at "\n" only.
    line_starts = [0, *accumulate(len(line) + 1 for line in html.split("\n"))]
    ends = [line_starts[line - 1] + column for line, column in parser.link_out_ends]
    pieces, start = [], 0
    for end in ends:
        pieces += [html[start:end], LINK_OUT_NOTE]
        start = end
    return "".join(pieces) + html[start:]


class _LinksOut(HTMLParser):
    """Finds where each link out in the page content closes."""

    def __init__(self, site_url: str) -> None:
        super().__init__(convert_charrefs=True)
        self.site_url = site_url
        self.link_out_ends: list[tuple[int, int]] = []  # (line, column) of each link's </a>
        self._articles = 0  # open <article> elements, counted from the content's own
        self._in_link_out = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "article" and (self._articles or CONTENT_CLASS in _classes(values)):
            self._articles += 1
        elif tag == "a" and self._articles:
            self._in_link_out = is_link_out(values.get("href") or "", self.site_url)

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self._articles:
            self._articles -= 1
        elif tag == "a" and self._in_link_out:
            self.link_out_ends.append(self.getpos())
            self._in_link_out = False


def _classes(values: dict[str, str | None]) -> list[str]:
    return (values.get("class") or "").split()
