"""Share and search metadata of a page: plain-text title and description, kind, share image.

Pure functions: the hook (hooks/mkdocs_publish.py) hands in what MkDocs knows about a page.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Literal

from markupsafe import Markup

PageRole = Literal["start", "claim", "faq", "numbers", "other"]

DESCRIPTION_LENGTH = 160  # what search result snippets show, roughly
ELLIPSIS = "…"
SHARE_FOLDER = "assets/share"
IMAGE_SIZE = (1200, 630)  # Open Graph's recommended 1.91:1
LOCALE = "de_DE"


@dataclass(frozen=True)
class PageMeta:
    """Everything the share partial prints for one page, as plain (unescaped) text."""

    role: PageRole
    title: str
    description: str
    url: str
    image_url: str
    image_alt: str
    site_name: str
    locale: str = LOCALE

    @property
    def og_type(self) -> str:
        return "website" if self.role == "start" else "article"


def strip_title(title: str) -> str:
    """A page title as themes hold it (may contain tags or entities) as plain text."""
    return Markup(title).striptags()


def shorten(text: str, length: int = DESCRIPTION_LENGTH) -> str:
    """Cut at a word boundary so that the result, ellipsis included, has at most `length` chars."""
    if len(text) <= length:
        return text
    cut = text[: length - len(ELLIPSIS)]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:–-") + ELLIPSIS


def share_image_path(name: str) -> str:
    """Path below the site root of a share image: `site` or a claim id."""
    return f"{SHARE_FOLDER}/{name}.png"


def absolute_url(site_url: str, path: str) -> str:
    """`path` below the site root as an absolute address."""
    return site_url.rstrip("/") + "/" + path.lstrip("/")


def date_epoch(day: datetime.date) -> int:
    """Seconds since 1970 at midnight UTC of `day`: the build date if SOURCE_DATE_EPOCH is unset."""
    return int(datetime.datetime.combine(day, datetime.time(), tzinfo=datetime.UTC).timestamp())


def robots_txt(site_urls: list[str]) -> str:
    """robots.txt allowing everything and naming the sitemap of each edition (at `site_urls`)."""
    sitemaps = "".join(f"Sitemap: {absolute_url(url, 'sitemap.xml')}\n" for url in site_urls)
    return f"User-agent: *\nAllow: /\n\n{sitemaps}"
