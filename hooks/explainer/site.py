"""One build of an explainer site: load the data, then produce every file the engine adds to
the site (the generated pages of pages.py, chart downloads, the open-data package, share images,
robots.txt, the Atom feed).

The MkDocs hooks are thin adapters on top of this module; another site generator would need new
adapters only. The build is one object, which the adapters hand from event to event.
"""

from __future__ import annotations

import datetime
import gettext
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property, partial
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .charts.chartsvg import chart_palette_css
from .data.load import DOCS_DIR, load_site_data
from .data.models import SITE_IMAGE
from .data.sitedata import SiteData
from .outputs import feed, metadata, opendata
from .outputs.downloads import chart_downloads, download_paths
from .outputs.editions import Editions
from .outputs.opendata import OpenData, package_title
from .outputs.pages import OTHER_PAGE, PAGE_KINDS, PageKind
from .outputs.render import Renderer, make_environment
from .outputs.shareimage import BRAND_COLOR, Card, card_drawing
from .store.ahead import WorkAhead
from .store.atomicfile import write_atomically
from .store.drawing import Drawing, FilesInDrawing
from .text.formatting import Formatter

CHART_PALETTE = "assets/stylesheets/xp-chart-palette.css"  # linked from overrides/main.html
OPEN_DATA_JOB = "open data"  # among the pages rendered ahead, keyed by their paths: not a path
CACHE_DIR = ".cache"  # below the project, ignored by git: share images and plots made before
BUILD_KEY = "explainer_build"  # where the site generator's configuration carries the build


@dataclass(frozen=True)
class GeneratedPage:
    """A page the engine writes: its kind (pages.py), the record it shows, its title
    (HTML-escaped, because themes print titles unescaped) and the day its content last changed
    (for the sitemap)."""

    kind_name: str  # its key in PAGE_KINDS
    record: Any
    title: str
    changed: datetime.date

    @property
    def kind(self) -> PageKind:
        return PAGE_KINDS[self.kind_name]

    @property
    def source(self) -> str:
        return self.kind.source()

    @property
    def context(self) -> dict[str, Any]:
        """What its template shows: the record."""
        return {"record": self.record}


@dataclass(frozen=True)
class PageToRender:
    """A page as the site generator hands it to render_page: its Markdown, its path below
    docs/, its name in errors and the names only the generator knows (Renderer.context)."""

    markdown: str
    path: str
    shown_as: str
    names: dict[str, Any]


@dataclass(frozen=True)
class ShareImages:
    """The share images of a build: their paths below the built site, in order, and their
    drawings."""

    paths: list[str]
    cards: list[Drawing]


@dataclass
class SiteBuild:
    """What one build knows after loading the data; the site generator's adapters hand it from
    event to event."""

    data: SiteData
    renderer: Renderer
    pages: dict[str, GeneratedPage] = field(default_factory=dict)  # path below docs/
    cache_dir: Path | None = None  # drawings made before (filecache.py); None: draw everything
    editions: Editions | None = None  # the site's language editions; None: one, at site_url
    pages_ahead: WorkAhead[Any] | None = None  # being rendered (render_ahead)
    drawing: FilesInDrawing | None = None  # plots and share images under way (begin_drawing)

    @property
    def words(self) -> gettext.NullTranslations:
        """The interface words of the build's language (text/catalogue.py)."""
        return self.renderer.env.words  # type: ignore[attr-defined]  # make_environment

    @property
    def formatter(self) -> Formatter:
        """Numbers and dates as the build's language writes them (text/formatting.py)."""
        return self.renderer.env.formatter  # type: ignore[attr-defined]  # make_environment

    def generated_page(self, path: str) -> GeneratedPage | None:
        """The page at `path` below docs/, if the engine writes it."""
        return self.pages.get(path)

    def page_kind(self, path: str) -> tuple[PageKind, Any]:
        """The kind of the page at `path` below docs/ and the record it shows (None for a page
        written by hand); OTHER_PAGE for a page no kind names."""
        if generated := self.pages.get(path):
            return generated.kind, generated.record
        return self._written_by_hand.get(path, OTHER_PAGE), None

    def page_counts(self) -> dict[str, int]:
        """Kind name -> how many pages of it the engine writes."""
        counts = {name: 0 for name, kind in PAGE_KINDS.items() if kind.records}
        for page in self.pages.values():
            counts[page.kind_name] += 1
        return counts

    def listed_pages(self) -> dict[str, list[str]]:
        """Path below docs/ of a page that lists generated pages -> their paths, in the order
        of their records (the claims overview -> the claim pages)."""
        paths, lists = self.data.site.paths, {}
        for name, kind in PAGE_KINDS.items():
            if kind.listed_on:
                overview = PAGE_KINDS[kind.listed_on].page_path(paths)
                lists[overview] = [p for p, page in self.pages.items() if page.kind_name == name]
        return lists

    @cached_property
    def _written_by_hand(self) -> dict[str, PageKind]:
        paths = self.data.site.paths
        return {kind.page_path(paths): kind for kind in PAGE_KINDS.values() if not kind.records}

    def render_page(self, markdown_text: str, path: str, shown_as: str, **names: Any) -> str:
        """Render the page at `path` below docs/ (see Renderer.render_page); a generated page
        gets its record. Taken from the pages rendered ahead if it was rendered from this text."""
        ahead = self.pages_ahead.result(path) if self.pages_ahead else None
        if ahead is not None and ahead[0] == markdown_text:
            return ahead[1]
        return self._rendered(markdown_text, path, shown_as, **names)

    def render_ahead(self, pages: Iterable[tuple[str, Callable[[], PageToRender]]]) -> None:
        """Begin rendering `pages` in a copy of this process (store/ahead.py), in the order the
        site generator will ask for them with render_page: (path below docs/, a function that
        reads the page as render_page gets it); then the open-data package, which pages show
        the size of, with the plain texts made for it, which the build's metadata needs too
        (pending_files). Ends with pending_files."""
        self.stop_rendering_ahead()
        jobs: list[tuple[str, Callable[[], Any]]] = [
            (path, partial(self._read_and_rendered, read)) for path, read in pages
        ]
        open_data = (OPEN_DATA_JOB, self.renderer.open_data_and_plain_texts)
        self.pages_ahead = WorkAhead([*jobs, open_data])

    def stop_rendering_ahead(self) -> None:
        """End the copy rendering pages ahead: every page is rendered, or the build stopped."""
        if self.pages_ahead is not None:
            self.pages_ahead.stop()
            self.pages_ahead = None

    def _read_and_rendered(self, read: Callable[[], PageToRender]) -> tuple[str, str]:
        page = read()
        return page.markdown, self._rendered(page.markdown, page.path, page.shown_as, **page.names)

    def _rendered(self, markdown_text: str, path: str, shown_as: str, **names: Any) -> str:
        generated = self.generated_page(path)
        context = generated.context if generated else {}
        return self.renderer.render_page(markdown_text, path, shown_as, **names, **context)

    def docs_files(self) -> dict[str, bytes | str]:
        """Path below docs/ -> content of every generated page, chart download and the charts'
        colour stylesheet. The plots and the open-data package: pending_paths."""
        files: dict[str, bytes | str] = {path: page.source for path, page in self.pages.items()}
        files[CHART_PALETTE] = chart_palette_css()
        for chart in self.data.charts:
            files.update(chart_downloads(chart, self.data.by_id["source"]))
        return files

    def pending_paths(self) -> list[str]:
        """Path below docs/ of every file whose content comes once the pages are rendered
        (pending_files): the plots, being drawn, and the open-data package."""
        return [*self.renderer.plots(), *opendata.file_paths()]

    def pending_files(self) -> dict[str, bytes]:
        """Path below docs/ -> content of every file of pending_paths, once every page is
        rendered (render_page): the open-data package from the copy rendering pages ahead or
        built here, the plots from their cache, from the drawings begun (waiting for them) or
        drawn here."""
        made_ahead = self.pages_ahead.result(OPEN_DATA_JOB) if self.pages_ahead else None
        self.stop_rendering_ahead()
        if made_ahead:
            self.renderer.take_open_data(*made_ahead)
        files = self.renderer.open_data().files
        plots = self.renderer.plots()
        drawing = self.drawing or FilesInDrawing(plots.values(), workers=0)
        return files | {path: drawing.file(plot) for path, plot in plots.items()}

    def site_files(self, site_url: str) -> dict[str, bytes | str]:
        """Path below the built site -> content of robots.txt (the original edition's, at the
        root); the feed: atom_feed."""
        if self.editions is not None and self.editions.is_translation:
            return {}
        sitemaps = [site_url] if self.editions is None else self.editions.edition_urls()
        return {"robots.txt": metadata.robots_txt(sitemaps)}

    def share_images(self, site_url: str, description: str) -> ShareImages:
        """The share images of every page with one of its own, and the site's."""
        cards = self.share_cards(site_url, description)
        cache_dir = self.cache_dir / "share-images" if self.cache_dir else None
        paths = [metadata.share_image_path(name) for name in cards]
        return ShareImages(paths, [card_drawing(card, cache_dir) for card in cards.values()])

    def begin_drawing(self, share_images: ShareImages) -> None:
        """The plots and share images not in the cache, begun now in worker processes that draw
        while the build goes on (store/drawing.py), the plots first. After render_ahead: the
        workers' pool runs threads, and a process with threads is not copied."""
        self.drawing = FilesInDrawing([*self.renderer.plots().values(), *share_images.cards])

    def share_image_files(self, share_images: ShareImages) -> dict[str, bytes]:
        """Path below the built site -> PNG of every share image; waits for those being drawn.
        Taken last of the drawings (after pending_files): the workers end."""
        drawing = self.drawing or FilesInDrawing(share_images.cards, workers=0)
        try:
            return {
                path: drawing.file(card)
                for path, card in zip(share_images.paths, share_images.cards, strict=True)
            }
        finally:
            self.stop_drawing()

    def stop_drawing(self) -> None:
        """End the workers drawing plots and share images (every file is taken, or the build
        stopped)."""
        if self.drawing is not None:
            self.drawing.stop()
            self.drawing = None

    def atom_feed(self, site_url: str, page_url: Callable[[str], str]) -> bytes:
        """The feed of checks and corrections, with absolute links to the claim pages."""
        data = self.data

        def claim_url(claim_id: str) -> str:
            return metadata.absolute_url(site_url, page_url(data.site.paths.claim_page(claim_id)))

        entries = feed.entries(data, claim_url, self.renderer.plain_text, self.words)
        language = self.editions.current.language if self.editions else "de"
        return feed.atom_feed(data, site_url, entries, self.words, language)

    def data_downloads(self) -> list[tuple[str, str, str]]:
        """(name, path below the site, media type) of each data download: the open-data
        package, then every chart's CSV."""
        package = (package_title(self.data, self.words), OpenData.zip_path, "application/zip")
        result = [package]
        for chart in self.data.charts:
            result.append((chart.title, download_paths(chart)["csv"], "text/csv"))
        return result

    def share_cards(self, site_url: str, description: str) -> dict[str, Card]:
        """Image name -> card: one for the site, one per page of a kind with its own image."""
        data, footer = self.data, _address_without_scheme(site_url)
        title = data.site.title
        count = self.words.ngettext(
            "%(num)d claim checked", "%(num)d claims checked", len(data.claims)
        ) % {"num": len(data.claims)}
        cards = {SITE_IMAGE: Card(title, description, count, BRAND_COLOR, footer)}
        for page in self.pages.values():
            if page.kind.share_image != SITE_IMAGE:
                face = page.kind.share_image(data, page.record, self.words)
                cards[face.name] = Card(title, face.text, face.label, face.label_color, footer)
        return cards


def load_build(project_dir: Path, language: str | None = None, root_url: str = "") -> SiteBuild:
    """Load and validate `project_dir`/data (raises DataError) for the edition in `language`
    (None: the original); `root_url` is the original edition's address."""
    data = _edition_data(project_dir, language)
    original, translations = data.site.language, list(data.site.translations)
    editions = Editions.of(original, translations, language or original, root_url)
    cache_dir = project_dir / CACHE_DIR
    environment = make_environment(data.language, project_dir)
    renderer = Renderer(data, environment, plot_cache=cache_dir / "plots")
    return SiteBuild(
        data, renderer, pages=_generated_pages(data), cache_dir=cache_dir, editions=editions
    )


def _edition_data(project_dir: Path, language: str | None) -> SiteData:
    """The data with the texts of the edition in `language` (None: the original)."""
    return load_site_data(
        project_dir / "data",
        docs_dir=project_dir / DOCS_DIR,
        page_kinds=PAGE_KINDS.values(),
        language=language,
    )


def write_files(files: dict[str, bytes | str], folder: Path) -> None:
    """Write generated files below `folder`, for a generator without MkDocs' File objects."""
    for path, content in files.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, content if isinstance(content, bytes) else content.encode())


def _generated_pages(data: SiteData) -> dict[str, GeneratedPage]:
    """Path below docs/ -> page, for every record of every kind of generated page."""
    return {
        kind.page_path(data.site.paths, record): GeneratedPage(
            name, record, kind.title(record), kind.changed(data, record)
        )
        for name, kind in PAGE_KINDS.items()
        if kind.records
        for record in data.by_id[kind.records].values()
    }


def _address_without_scheme(url: str) -> str:
    parts = urlsplit(url)
    return (parts.netloc + parts.path).rstrip("/")
