"""MkDocs hooks: connect the explainer engine (hooks/explainer/) to the build.

on_config loads and validates data/, on_files adds the generated claim pages and downloads,
on_nav lists the claim pages under their overview page, on_page_markdown renders every page as a
Jinja template.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from explainer import german
from explainer.errors import DataError
from explainer.render import PageError
from explainer.site import current_build, load_build
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.structure.nav import Section

log = logging.getLogger("mkdocs.hooks.explainer")

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load and validate data/ before anything is built; stop with every problem found."""
    try:
        build = load_build(Path(config.config_file_path).parent)
    except DataError as error:
        raise PluginError(str(error)) from None
    for warning in build.data.warnings:  # `mkdocs build --strict` stops on these
        log.warning(str(warning))
    config.extra["stand"] = german.date(build.data.site.updated)
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add one page per claim and the CSV/JSON downloads of every chart."""
    for path, content in current_build().docs_files().items():
        files.append(File.generated(config, path, content=content))
    return files


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    """List the claim pages in the section of their overview page, in data order."""
    build = current_build()
    overview = files.get_file_from_path(f"{build.data.site.paths.claims}/index.md")
    section = overview.page.parent if overview and overview.page else None
    if not isinstance(section, Section):
        return nav
    claim_pages = [files.get_file_from_path(path).page for path in build.claim_pages]
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
    generated = build.claim_pages.get(path)
    if generated:
        page.meta["title"] = generated.title
        page.update_date = generated.changed.isoformat()  # the sitemap's <lastmod>
    shown_as = f"generated page {path}" if generated else f"docs/{path}"
    try:
        return build.renderer.render_page(markdown, path, shown_as)
    except PageError as error:
        raise PluginError(str(error)) from None


def _link_neighbours(pages: list[Page]) -> None:
    """Previous/next links (page footer) in nav order, including the generated pages."""
    for previous, following in zip(pages, pages[1:], strict=False):
        previous.next_page, following.previous_page = following, previous
