"""MkDocs hooks: connect the explainer engine (hooks/explainer/) to the build.

on_config loads and validates data/, on_files adds the generated claim pages, on_nav lists them
under their overview page, on_page_markdown renders every page as a Jinja template.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from explainer import german
from explainer.downloads import chart_downloads
from explainer.errors import DataError
from explainer.load import load_site_data
from explainer.pages import claim_page_sources, claim_page_titles
from explainer.render import PageError, Renderer, make_environment
from explainer.sitedata import SiteData
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.structure.nav import Section

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page


@dataclass(frozen=True)
class Build:
    """What one build knows after loading the data."""

    data: SiteData
    renderer: Renderer
    generated: dict[str, str]  # path below docs/ -> Markdown source
    titles: dict[str, str]  # path below docs/ -> escaped title of a generated page


# MkDocs does not reload hook modules under `mkdocs serve`; this is replaced in every on_config.
_build: Build | None = None


# ---------------------------------------------------------------------------------------------
# Hooks
# ---------------------------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load and validate data/ before anything is built; stop with every problem found."""
    project_dir = Path(config.config_file_path).parent
    try:
        data = load_site_data(project_dir / "data")
    except DataError as error:
        raise PluginError(str(error)) from None
    global _build
    _build = Build(
        data=data,
        renderer=Renderer(data, make_environment()),
        generated=claim_page_sources(data),
        titles=claim_page_titles(data),
    )
    config.extra["stand"] = german.date(data.site.updated)
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add one page per claim and the CSV/JSON downloads of every chart."""
    data = current_build().data
    for path, source in current_build().generated.items():
        files.append(File.generated(config, path, content=source))
    for chart in data.charts:
        for path, content in chart_downloads(chart, data.source_by_id).items():
            files.append(File.generated(config, path, content=content))
    return files


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    """List the claim pages in the section of their overview page, in data order."""
    build = current_build()
    overview = files.get_file_from_path(f"{build.data.site.paths.claims}/index.md")
    section = overview.page.parent if overview and overview.page else None
    if not isinstance(section, Section):
        return nav
    claim_pages = [files.get_file_from_path(path).page for path in build.generated]
    for page in claim_pages:
        page.parent = section
    section.children += claim_pages
    position = nav.pages.index(overview.page) + 1
    nav.pages[position:position] = claim_pages
    _link_neighbours(nav.pages)
    return nav


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Render the page as a Jinja template with the data in context."""
    build, path = current_build(), page.file.src_uri
    if path in build.generated:
        page.meta["title"] = build.titles[path]
    shown_as = f"generated page {path}" if path in build.generated else f"docs/{path}"
    try:
        return build.renderer.render_page(markdown, path, shown_as)
    except PageError as error:
        raise PluginError(str(error)) from None


# ---------------------------------------------------------------------------------------------
# Helper functions
# ---------------------------------------------------------------------------------------------


def _link_neighbours(pages: list[Page]) -> None:
    """Previous/next links (page footer) in nav order, including the generated pages."""
    for previous, following in zip(pages, pages[1:], strict=False):
        previous.next_page, following.previous_page = following, previous


def current_build() -> Build:
    """The data and renderer of this build; other hook modules listed after this one use it."""
    assert _build is not None, "on_config loads the data before any other event"
    return _build
