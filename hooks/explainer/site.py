"""One build of an explainer site, as plain functions: load the data, then produce every file
the engine adds to the site (claim pages, embed pages, chart downloads, the open-data package,
share images, robots.txt, the Atom feed).

The MkDocs hooks are thin adapters on top of this module; another site generator would need new
adapters only. `current_build()` hands the build that the first hook loaded to the next one.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from markupsafe import escape

from . import feed, metadata
from .atomicfile import write_atomically
from .chartsvg import chart_palette_css
from .downloads import chart_downloads, download_paths
from .load import DOCS_DIR, load_site_data
from .models import Claim
from .opendata import package_title
from .render import PLAIN_TEXT_PAGE, Renderer, make_environment
from .shareimage import BRAND_COLOR, Card, render_cards
from .sitedata import SiteData

CLAIM_PAGE_TEMPLATE = "explainer/claim_page.md"
CLAIM_EMBED_TEMPLATE = "explainer/embed_claim.md"
CHART_EMBED_TEMPLATE = "explainer/embed_chart.md"
# Embed pages: the theme's template without site chrome (overrides/embed.html), kept out of search
# engines (noindex, left out of sitemap.xml) and out of the site search.
EMBED_FRONT_MATTER = "---\ntemplate: embed.html\nrobots: noindex\nsearch:\n  exclude: true\n---\n"
CHART_PALETTE = "assets/stylesheets/xp-chart-palette.css"  # linked from overrides/main.html
CACHE_DIR = ".cache"  # below the project, ignored by git: share images and plots made before
TITLE_LENGTH = 60  # characters of the quote in navigation and browser tab


@dataclass(frozen=True)
class GeneratedPage:
    """A page the engine writes: its Markdown source (the same for every page of a kind, so that
    it is compiled once), the record its template shows (`context`), its title (HTML-escaped,
    because themes print titles unescaped) and the day its content last changed (for the
    sitemap)."""

    source: str
    context: dict[str, Any]
    title: str
    changed: datetime.date


@dataclass
class SiteBuild:
    """What one build knows after loading the data."""

    data: SiteData
    renderer: Renderer
    claim_pages: dict[str, GeneratedPage] = field(default_factory=dict)  # path below docs/
    embed_pages: dict[str, GeneratedPage] = field(default_factory=dict)  # path below docs/
    cache_dir: Path | None = None  # drawings made before (filecache.py); None: draw everything

    def generated_page(self, path: str) -> GeneratedPage | None:
        """The claim or embed page at `path` below docs/, if the engine writes it."""
        return self.claim_pages.get(path) or self.embed_pages.get(path)

    def render_page(self, markdown_text: str, path: str, shown_as: str, **names: Any) -> str:
        """Render the page at `path` below docs/ (see Renderer.render_page); a generated page
        gets its record."""
        generated = self.generated_page(path)
        context = generated.context if generated else {}
        return self.renderer.render_page(markdown_text, path, shown_as, **names, **context)

    def docs_files(self) -> dict[str, bytes | str]:
        """Path below docs/ -> content of every generated page, download (each chart's, the
        open-data package) and the charts' colour stylesheet."""
        pages = {**self.claim_pages, **self.embed_pages}
        files: dict[str, bytes | str] = {path: page.source for path, page in pages.items()}
        files[CHART_PALETTE] = chart_palette_css()
        for chart in self.data.charts:
            files.update(chart_downloads(chart, self.data.by_id["source"]))
        files.update(self.renderer.open_data().files)
        return files

    def site_files(
        self,
        site_url: str,
        description: str,
        page_url: Callable[[str], str],
    ) -> dict[str, bytes | str]:
        """Path below the built site -> content of the share images, robots.txt and the feed.
        `page_url` gives a page's address below the site from its path below docs/. Images come
        from the cache where an identical card was drawn before."""
        cards = self.share_cards(site_url, description)
        cache_dir = self.cache_dir / "share-images" if self.cache_dir else None
        images = render_cards(list(cards.values()), cache_dir)
        files: dict[str, bytes | str] = {
            metadata.share_image_path(name): image
            for name, image in zip(cards, images, strict=True)
        }
        files["robots.txt"] = metadata.robots_txt(site_url)
        files[feed.FEED_PATH] = self.atom_feed(site_url, page_url)
        return files

    def atom_feed(self, site_url: str, page_url: Callable[[str], str]) -> bytes:
        """The feed of checks and corrections, with absolute links to the claim pages."""
        data = self.data

        def claim_url(claim_id: str) -> str:
            return metadata.absolute_url(site_url, page_url(claim_page_path(data, claim_id)))

        def plain_text(text: str) -> str:
            return self.renderer.plain_text(text, PLAIN_TEXT_PAGE)

        return feed.atom_feed(data, site_url, feed.entries(data, claim_url, plain_text))

    def data_downloads(self) -> list[tuple[str, str, str]]:
        """(name, path below the site, media type) of each data download: the open-data
        package, then every chart's CSV."""
        package = self.renderer.open_data()
        result = [(package_title(self.data), package.zip_path, "application/zip")]
        for chart in self.data.charts:
            result.append((chart.title, download_paths(chart)["csv"], "text/csv"))
        return result

    def share_cards(self, site_url: str, description: str) -> dict[str, Card]:
        """Image name -> card: one for the site, one per claim."""
        data, footer = self.data, _address_without_scheme(site_url)
        title = data.site.title
        count = f"{len(data.claims)} Aussagen geprüft"
        cards = {metadata.SITE_IMAGE: Card(title, description, count, BRAND_COLOR, footer)}
        for claim in data.claims:
            verdict = data.verdict_of(claim)
            cards[claim.id] = Card(title, f"„{claim.quote}“", verdict.label, verdict.color, footer)
        return cards


def load_build(project_dir: Path) -> SiteBuild:
    """Load and validate `project_dir`/data (raises DataError) and keep it as the current build."""
    data = load_site_data(project_dir / "data", docs_dir=project_dir / DOCS_DIR)
    cache_dir = project_dir / CACHE_DIR
    renderer = Renderer(data, make_environment(), plot_cache=cache_dir / "plots")
    build = SiteBuild(data, renderer, cache_dir=cache_dir)
    build.claim_pages = {
        claim_page_path(data, claim.id): _claim_page(claim) for claim in data.claims
    }
    build.embed_pages = _embed_pages(data)
    global _current
    _current = build
    return build


def current_build() -> SiteBuild:
    """The build loaded last in this process (MkDocs: by the explainer hook's on_config)."""
    assert _current is not None, "load_build() runs before anything uses the build"
    return _current


def claim_page_path(data: SiteData, claim_id: str) -> str:
    """Path below docs/ of a claim's generated page."""
    return f"{data.site.paths.claims}/{claim_id}.md"


def write_files(files: dict[str, bytes | str], folder: Path) -> None:
    """Write generated files below `folder`, for a generator without MkDocs' File objects."""
    for path, content in files.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, content if isinstance(content, bytes) else content.encode())


_current: SiteBuild | None = None


def _claim_page(claim: Claim) -> GeneratedPage:
    source = _page_source(CLAIM_PAGE_TEMPLATE)
    return GeneratedPage(source, {"claim": claim}, _claim_title(claim), claim.last_changed)


def _embed_pages(data: SiteData) -> dict[str, GeneratedPage]:
    """An embed page per claim and per chart, by path below docs/."""
    paths = data.site.paths
    claim_source = EMBED_FRONT_MATTER + _page_source(CLAIM_EMBED_TEMPLATE)
    pages = {
        paths.claim_embed(claim.id): GeneratedPage(
            claim_source, {"claim": claim}, _claim_title(claim), claim.last_changed
        )
        for claim in data.claims
    }
    chart_source = EMBED_FRONT_MATTER + _page_source(CHART_EMBED_TEMPLATE)
    for chart in data.charts:  # `chart` is the name of the macro: the page gets the id
        pages[paths.chart_embed(chart.id)] = GeneratedPage(
            chart_source, {"chart_id": chart.id}, str(escape(chart.title)), data.site.updated
        )
    return pages


def _page_source(template: str) -> str:
    """Markdown of a generated page: its template, which shows the record in the context."""
    return f'{{% include "{template}" %}}\n'


def _claim_title(claim: Claim) -> str:
    return str(escape(f"„{metadata.shorten(claim.quote, TITLE_LENGTH)}“"))


def _address_without_scheme(url: str) -> str:
    parts = urlsplit(url)
    return (parts.netloc + parts.path).rstrip("/")
