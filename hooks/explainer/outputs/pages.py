"""The kinds of page the engine knows, each declared once (as DATA_FILES is for data files).

A kind names where its page is (a `Paths` method), what it is for the share metadata (role,
share image, structured data) and, for the pages the engine writes, the records it has a page
for, their template, title, date and front matter. The build writes, links and describes pages
from this table alone; a page no kind names is an „other“ page with the site's share image and no
structured data. Adding a kind of generated page is one entry here plus its template below
hooks/templates/. find_page_kinds stops the engine at start, naming the kind, where an entry lacks
a part.
"""

from __future__ import annotations

import datetime
import gettext
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

from markupsafe import escape

from ..data.datafiles import BY_RECORD_TYPE
from ..data.models import SITE_IMAGE, Chart, Claim, Paths
from ..data.sitedata import SiteData
from ..text.formatting import Formatter
from . import jsonld, metadata
from .editions import Editions
from .metadata import PageRole
from .opendata import package_description, package_title

TEMPLATE_DIR = Path(__file__).resolve().parents[2] / "templates"
START_PAGE = "index.md"  # the home page, below docs/
TITLE_LENGTH = 60  # characters of the quote in navigation and browser tab
# Embed pages: the theme's template without site chrome (overrides/embed.html), kept out of search
# engines (noindex, left out of sitemap.xml) and out of the site search.
EMBED_FRONT_MATTER = "---\ntemplate: embed.html\nrobots: noindex\nsearch:\n  exclude: true\n---\n"


class Published(Protocol):
    """What a kind's structured data reads of the build as published (publication.Publication,
    which the publish hook makes): the data, the site's address, plain text and publisher."""

    @property
    def data(self) -> SiteData: ...

    @property
    def site_url(self) -> str: ...

    def plain_text(self, rich_text: str) -> str: ...

    def publisher(self, site_name: str) -> jsonld.JsonObject: ...

    def data_downloads(self) -> list[tuple[str, str, str]]: ...

    @property
    def editions(self) -> Editions: ...

    @property
    def words(self) -> gettext.NullTranslations: ...

    @property
    def formatter(self) -> Formatter: ...


StructuredData = Callable[[Published, metadata.PageMeta, Any], jsonld.JsonObject | None]


@dataclass(frozen=True)
class ShareCard:
    """The share image of one page of a kind that has its own: the image's name and what it
    shows below the site's title (shareimage.Card adds title and address)."""

    name: str
    text: str
    label: str
    label_color: str
    alt: str  # the image's description for readers who do not see it


@dataclass(frozen=True, kw_only=True)
class PageKind:
    """What the engine knows about one kind of page. A kind with `records` has one page per
    record, written by the engine from `template`; a kind without is one page written by hand."""

    path: Callable[..., str] | None = None  # Paths method: path below docs/ (of a record's id)
    role: PageRole | None = None  # what the page is for the share metadata
    share_image: (
        Callable[[SiteData, Any, gettext.NullTranslations], ShareCard] | Literal["site"] | None
    ) = None  # SITE_IMAGE
    structured_data: StructuredData | None = None  # JSON-LD of a page; no_structured_data
    records: str | None = None  # record type (datafiles.py) with one page each
    template: str | None = None  # below hooks/templates/: the generated page's content
    title: Callable[[Any], str] | None = None  # HTML-escaped: themes print titles unescaped
    changed: Callable[[SiteData, Any], datetime.date] | None = None  # the sitemap's <lastmod>
    front_matter: str = ""  # in front of the template: the theme's template, search, robots
    description: Callable[[Any], str] | None = None  # rich text; None: the page's front matter
    listed_on: str | None = None  # the kind whose page lists these pages (navigation section)

    def page_path(self, paths: Paths, record: Any = None) -> str:
        """Path below docs/ of the page of `record` (None for a kind without records)."""
        assert self.path is not None, "find_page_kinds checked every kind"
        return self.path(paths, record.id) if self.records else self.path(paths)

    def source(self) -> str:
        """Markdown of each generated page: the same for every page of the kind, so that it is
        compiled once; its template shows the record the page is for."""
        return f'{self.front_matter}{{% include "{self.template}" %}}\n'


class PageKindError(Exception):
    """A page kind in pages.py that lacks a part."""


# ---------------------------------------------------------------------------------------------
# The parts of the kinds
# ---------------------------------------------------------------------------------------------


def claim_title(claim: Claim) -> str:
    return str(escape(f"„{metadata.shorten(claim.quote, TITLE_LENGTH)}“"))


def chart_title(chart: Chart) -> str:
    return str(escape(chart.title))


def claim_changed(data: SiteData, claim: Claim) -> datetime.date:
    return claim.last_changed


def data_updated(data: SiteData, record: Any) -> datetime.date:
    return data.site.updated


def claim_card(data: SiteData, claim: Claim, words: gettext.NullTranslations) -> ShareCard:
    verdict = data.verdict_of(claim)
    title = metadata.strip_title(claim_title(claim))
    alt = words.gettext("%(title)s – verdict: %(verdict)s") % {
        "title": title,
        "verdict": verdict.label,
    }
    return ShareCard(claim.id, f"„{claim.quote}“", verdict.label, verdict.color, alt)


def claim_summary(claim: Claim) -> str:
    return claim.summary


def no_structured_data(*_: Any) -> None:
    """A kind of page without structured data."""
    return None


def website_data(
    publication: Published, meta: metadata.PageMeta, record: None
) -> jsonld.JsonObject:
    return jsonld.website(
        site_name=meta.site_name,
        site_url=publication.site_url,
        description=meta.description,
        publisher=publication.publisher(meta.site_name),
        image=meta.image_url,
    )


def claim_review_data(
    publication: Published, meta: metadata.PageMeta, claim: Claim
) -> jsonld.JsonObject:
    data, editions = publication.data, publication.editions
    review = jsonld.claim_review(
        claim,
        data.verdict_of(claim),
        jsonld.rating_values(data.verdicts),
        url=meta.url,
        summary=publication.plain_text(claim.summary),
        article=data.site.article,
        author=jsonld.named_reference(publication.publisher(meta.site_name)),
        image=meta.image_url,
    )
    if not editions.is_translation:
        return review
    translation = claim.quote_translation or claim.quote
    return jsonld.translated_review(review, claim.quote, translation, editions.original.language)


def faq_data(publication: Published, meta: metadata.PageMeta, record: None) -> jsonld.JsonObject:
    questions = publication.data.questions
    entries = [(q.question, publication.plain_text(q.answer)) for q in questions]
    return jsonld.faq_page(entries, url=meta.url, name=meta.title)


def dataset_data(
    publication: Published, meta: metadata.PageMeta, record: None
) -> jsonld.JsonObject:
    data, site_url = publication.data, publication.site_url
    return jsonld.dataset(
        name=package_title(data, publication.words),
        description=package_description(data, publication.words, publication.formatter),
        url=meta.url,
        license_url=data.site.license.url if data.site.license else None,
        creator=jsonld.named_reference(publication.publisher(meta.site_name)),
        modified=data.site.updated,
        downloads=[
            (name, metadata.absolute_url(site_url, path), media_type)
            for name, path, media_type in publication.data_downloads()
        ],
    )


# ---------------------------------------------------------------------------------------------
# The table
# ---------------------------------------------------------------------------------------------

PAGE_KINDS: dict[str, PageKind] = {
    "start": PageKind(
        path=lambda paths: START_PAGE,
        role="start",
        share_image=SITE_IMAGE,
        structured_data=website_data,
    ),
    "claims overview": PageKind(
        path=Paths.claims_overview,
        role="other",
        share_image=SITE_IMAGE,
        structured_data=no_structured_data,
    ),
    "faq": PageKind(
        path=lambda paths: paths.faq,
        role="faq",
        share_image=SITE_IMAGE,
        structured_data=faq_data,
    ),
    "numbers": PageKind(
        path=lambda paths: paths.numbers,
        role="numbers",
        share_image=SITE_IMAGE,
        structured_data=dataset_data,
    ),
    "claim": PageKind(
        records="claim",
        template="explainer/claim_page.md",
        path=Paths.claim_page,
        title=claim_title,
        changed=claim_changed,
        role="claim",
        share_image=claim_card,
        structured_data=claim_review_data,
        description=claim_summary,
        listed_on="claims overview",
    ),
    "claim embed": PageKind(
        records="claim",
        template="explainer/embed_claim.md",
        front_matter=EMBED_FRONT_MATTER,
        path=Paths.claim_embed,
        title=claim_title,
        changed=claim_changed,
        role="other",
        share_image=SITE_IMAGE,
        structured_data=no_structured_data,
    ),
    "chart embed": PageKind(
        records="chart",
        template="explainer/embed_chart.md",
        front_matter=EMBED_FRONT_MATTER,
        path=Paths.chart_embed,
        title=chart_title,
        changed=data_updated,
        role="other",
        share_image=SITE_IMAGE,
        structured_data=no_structured_data,
    ),
}
# A page no kind names (the sources, the Impressum, the methods): where it is, is its own business.
OTHER_PAGE = PageKind(role="other", share_image=SITE_IMAGE, structured_data=no_structured_data)

# What every kind needs, and what a kind with records needs besides: field -> what it is.
EVERY_KIND = {
    "path": "path (a Paths method)",
    "role": "role (metadata.PageRole)",
    "share_image": "share image ('site' or a function giving its card)",
    "structured_data": "structured data (a function; no_structured_data for none)",
}
GENERATED_KIND = {
    "template": "template (below hooks/templates/)",
    "title": "title (a function of the record)",
    "changed": "date (a function of the data and the record)",
}


def find_page_kinds(kinds: dict[str, PageKind], record_types: set[str]) -> dict[str, PageKind]:
    """The kinds, checked: every kind that lacks a part is named, and the engine stops."""
    problems = [problem for name, kind in kinds.items() for problem in _lacks(name, kind)]
    for name, kind in kinds.items():
        if kind.records is not None and kind.records not in record_types:
            problems.append(f"  page kind '{name}' has pages for unknown records {kind.records!r}")
        if kind.listed_on is not None and kind.listed_on not in kinds:
            problems.append(f"  page kind '{name}' is listed on unknown kind {kind.listed_on!r}")
    if problems:
        raise PageKindError("\n".join(["A page kind is incomplete:", *problems]))
    return kinds


def _lacks(name: str, kind: PageKind) -> list[str]:
    needed = dict(EVERY_KIND)
    if kind.records or kind.template:
        needed |= GENERATED_KIND | {"records": "records (a record type in datafiles.py)"}
    problems = [
        f"  page kind '{name}' names no {what} (PageKind {part}=...)"
        for part, what in needed.items()
        if getattr(kind, part) is None
    ]
    if kind.template and not (TEMPLATE_DIR / kind.template).is_file():
        problems.append(f"  page kind '{name}' has no template: hooks/templates/{kind.template}")
    return problems


PAGE_KINDS = find_page_kinds(PAGE_KINDS, set(BY_RECORD_TYPE))
