"""Links from a page's content to other sites, told apart for screen readers.

Each such link ends with a visually hidden "(external link)" in the page's language, so a reader
who hears the link's name knows it leaves this site; on paper its address is written out (class
xp-link-out, print rules in explainer.css). Done once on the built HTML (hooks/mkdocs_publish.py):
links from Markdown, from macros and from the data are all treated alike.
"""

from __future__ import annotations

import html
import re
from gettext import NullTranslations
from urllib.parse import urlsplit

from ..text.catalogue import N_

LINK_OUT_WORDS = N_("(external link)")
# The page content: from Material's <article> to the last </article> (the footer has none). Links
# are found with regular expressions, not an HTML parser: every page goes through this, and a
# parser costs a large site seconds. Links cannot nest, so a link ends at the next </a>.
_CONTENT_START = re.compile(r'<article\b[^>]*\bclass="[^"]*\bmd-content__inner\b')
_CONTENT_END = "</article>"
_LINK_START = re.compile(r"<a\b([^>]*)>", re.IGNORECASE)
_LINK_END = re.compile(r"</a\s*>", re.IGNORECASE)
_HREF = re.compile(r"""(?:^|\s)href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)


def is_link_out(href: str, site_url: str) -> bool:
    """Whether a link leads to another site: a web address outside `site_url`."""
    return urlsplit(href).scheme in ("http", "https") and not href.startswith(site_url)


def link_out_note(words: NullTranslations) -> str:
    """What ends a link out, in the language of `words`: hidden on screen, read aloud."""
    note = html.escape(words.gettext(LINK_OUT_WORDS))
    return f'<span class="xp-visually-hidden xp-link-out"> {note}</span>'


def mark_links_out(page: str, site_url: str, words: NullTranslations) -> str:
    """The page with link_out_note() at the end of every link out in its content."""
    note = link_out_note(words)
    content = _CONTENT_START.search(page)
    end = page.rfind(_CONTENT_END)
    if content is None or end < content.start():
        return page
    pieces, done = [], 0
    for link in _LINK_START.finditer(page, content.start(), end):
        close = _LINK_END.search(page, link.end(), end)
        if close is None:
            break
        if is_link_out(_href(link.group(1)), site_url):
            pieces += [page[done : close.start()], note]
            done = close.start()
    return "".join(pieces) + page[done:]


def _href(attributes: str) -> str:
    found = _HREF.search(attributes)
    return html.unescape(next(filter(None, found.groups()), "")) if found else ""
