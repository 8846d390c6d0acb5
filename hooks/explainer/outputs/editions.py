"""The language editions of one site: the original at the site's root, each translation in
`<lang>/` below it, with the same page paths, so that "this page in the other language" is the
same path below the other edition's root.

Pure data: the MkDocs hook (hooks/mkdocs_explainer.py) builds one edition per MkDocs build and
asks this module for the switch's links, the sitemap's hreflang alternates and each edition's
locale names; the publish side reads the language of its build from here.
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass

from babel import Locale
from babel.core import get_global

from ..text.catalogue import N_

# mkdocs.yml's own words (the colour-scheme toggles, the title of a heading's link), written in
# the original's language: a translation finds each in the original's catalogue and prints the
# same message in its own language. N_ keeps them in the catalogues.
THEME_WORDS = (
    N_("Switch to light mode"),
    N_("Switch to dark mode"),
    N_("Switch to system preference"),
    N_("Link to this section"),
    N_("Quotes and linked sources – rights with their authors"),
)


def theme_word(
    text: str, original: gettext.NullTranslations, words: gettext.NullTranslations
) -> str:
    """A word of mkdocs.yml, in the original's language, in the language of `words`; a word the
    catalogue does not know stays as it is."""
    for msgid in THEME_WORDS:
        if original.gettext(msgid) == text:
            return words.gettext(msgid)
    return text


@dataclass(frozen=True)
class Edition:
    """One edition: its ISO language code and its folder below the site's root ("" for the
    original)."""

    language: str
    folder: str

    @property
    def name(self) -> str:
        """Its language's name in that language, as the switch shows it: "Deutsch", "English"."""
        name = Locale.parse(self.language).get_display_name(self.language) or self.language
        return name[:1].upper() + name[1:]

    @property
    def og_locale(self) -> str:
        """Open Graph's locale (`de_DE`, `en_US`): the language with its likeliest territory."""
        likely = get_global("likely_subtags").get(self.language, self.language)
        territory = Locale.parse(likely).territory
        return f"{self.language}_{territory}" if territory else self.language


@dataclass(frozen=True)
class Editions:
    """Every edition of a site, the original first, and the one this build makes."""

    all: tuple[Edition, ...]
    current: Edition
    root_url: str  # the original's site_url: every edition's address starts with it

    @classmethod
    def of(cls, original: str, translations: list[str], current: str, root_url: str) -> Editions:
        editions = (Edition(original, ""), *(Edition(lang, f"{lang}/") for lang in translations))
        by_language = {edition.language: edition for edition in editions}
        return cls(editions, by_language[current], root_url)

    @property
    def original(self) -> Edition:
        return self.all[0]

    @property
    def translations(self) -> tuple[Edition, ...]:
        return self.all[1:]

    @property
    def is_translation(self) -> bool:
        return self.current != self.original

    @property
    def several(self) -> bool:
        """Whether the site has a language switch at all."""
        return len(self.all) > 1

    def site_url(self, edition: Edition | None = None) -> str:
        """The address of `edition`'s root (this build's by default)."""
        return self.root_url + (edition or self.current).folder

    def edition_urls(self) -> list[str]:
        """The address of every edition's root, the original's first."""
        return [self.site_url(edition) for edition in self.all]

    def page_url(self, edition: Edition, page_url: str) -> str:
        """The absolute address of the page at `page_url` (relative to an edition's root, as
        MkDocs' `page.url`: "" or "faq/") in `edition`."""
        return self.site_url(edition) + page_url

    def hreflang(self, page_url: str) -> list[tuple[str, str]]:
        """(hreflang, absolute address) of the page in every edition, then x-default: the
        original. Empty for a site with one edition."""
        if not self.several:
            return []
        links = [(e.language, self.page_url(e, page_url)) for e in self.all]
        return [*links, ("x-default", self.page_url(self.original, page_url))]

    def switch(self, page_url: str) -> list[dict[str, str]]:
        """The header switch's links from the page at `page_url` in this edition: each
        edition's name and language, this page there relative to this page (`href`, so the site
        works at any address) and that edition's root relative to it (`root`, for editions.js)."""
        up = "../" * (self.current.folder + page_url).count("/")
        return [
            {
                "lang": e.language,
                "name": e.name,
                "href": (up + e.folder + page_url) or "./",
                "root": (up + e.folder) or "./",
            }
            for e in self.all
        ]
