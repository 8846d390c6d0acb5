"""The public-website side of one build: what each page says about itself to share previews and
search engines (title, description, share image, structured data), read from its page kind.

The publish hook (hooks/mkdocs_publish.py) makes one per build and hands in what the site
generator knows about a page: its path, front matter, title and address.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .data.models import SITE_IMAGE
from .data.sitedata import SiteData
from .outputs import jsonld, metadata
from .outputs.editions import Editions
from .site import ShareImages, SiteBuild
from .text.formatting import Formatter
from .text.jsonhtml import html_safe_json


@dataclass(frozen=True)
class Publication:
    """One build as published at `site_url`."""

    build: SiteBuild
    site_url: str
    site_description: str  # as mkdocs.yml gives it, or ""

    @property
    def data(self) -> SiteData:
        return self.build.data

    @property
    def editions(self) -> Editions:
        """The site's editions and the one this build makes (one, if the build names none)."""
        editions = self.build.editions
        return editions or Editions.of("de", [], "de", self.site_url)

    @property
    def description(self) -> str:
        """The site's description on one line (its title if there is none): the site's share
        card and the description of its share image."""
        return " ".join((self.site_description or self.data.site.title).split())

    def site_files(self) -> dict[str, bytes | str]:
        """robots.txt (SiteBuild.site_files) for this address."""
        return self.build.site_files(self.site_url)

    def atom_feed(self, page_url: Callable[[str], str]) -> bytes:
        """The feed of checks and corrections for this address; `page_url` gives a page's
        address below the site from its path below docs/."""
        return self.build.atom_feed(self.site_url, page_url)

    def share_images(self) -> ShareImages:
        """The share images for this address (SiteBuild)."""
        return self.build.share_images(self.site_url, self.description)

    def plain_text(self, rich_text: str) -> str:
        """Rich data text as plain text: the same on every page, without its links."""
        return self.build.renderer.plain_text(rich_text)

    @property
    def words(self) -> gettext.NullTranslations:
        """The interface words of the build's language."""
        return self.build.words

    @property
    def formatter(self) -> Formatter:
        """Numbers and dates as the build's language writes them."""
        return self.build.formatter

    def data_downloads(self) -> list[tuple[str, str, str]]:
        """(name, path below the site, media type) of each data download (SiteBuild)."""
        return self.build.data_downloads()

    def publisher(self, site_name: str) -> jsonld.JsonObject:
        """The site's operator as the publisher of its pages."""
        return jsonld.organization(self.data.operator, site_name, self.site_url)

    def page_meta(
        self, path: str, front_matter: dict[str, Any], title: str, url: str | None
    ) -> metadata.PageMeta:
        """Share metadata of the page at `path` below docs/: its `front_matter` as the site
        generator read it, its title as the theme holds it, its canonical address."""
        kind, record = self.build.page_kind(path)
        site_name = self.data.site.title  # plain text; MkDocs' site_name is escaped HTML
        plain_title = site_name if kind.role == "start" else metadata.strip_title(title)
        description = metadata.shorten(
            self.plain_text(kind.description(record))
            if kind.description
            else str(front_matter.get("description") or self.site_description)
        )
        if kind.share_image == SITE_IMAGE:
            image, alt = SITE_IMAGE, f"{site_name}: {self.description}"
        else:
            card = kind.share_image(self.data, record, self.build.words)
            image, alt = card.name, card.alt
        return metadata.PageMeta(
            role=kind.role,
            title=plain_title,
            description=description,
            url=url or self.site_url,
            image_url=metadata.absolute_url(self.site_url, metadata.share_image_path(image)),
            image_alt=alt,
            site_name=site_name,
            locale=self.editions.current.og_locale,
        )

    def structured_data(self, meta: metadata.PageMeta, path: str) -> str | None:
        """The page's JSON-LD, safe inside a <script> element; None where its kind has none."""
        kind, record = self.build.page_kind(path)
        result = kind.structured_data(self, meta, record)
        if result is None:
            return None
        return html_safe_json(self._in_edition(result, meta.url.removeprefix(self.site_url)))

    def _in_edition(self, node: jsonld.JsonObject, page_url: str) -> jsonld.JsonObject:
        """Structured data in this edition's language, linked to the page in the others."""
        editions = self.editions
        if not editions.several:
            return node
        if editions.is_translation:
            original = editions.page_url(editions.original, page_url)
            return jsonld.in_edition(node, editions.current.language, original=original)
        translations = tuple(
            (e.language, editions.page_url(e, page_url)) for e in editions.translations
        )
        return jsonld.in_edition(node, editions.current.language, translations=translations)
