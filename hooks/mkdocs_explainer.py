"""MkDocs hooks: connect the explainer engine (hooks/explainer/) to the build.

on_config loads and validates data/, on_files adds the generated claim pages, on_nav lists them
under their overview page, on_page_markdown renders every page as a Jinja template.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from explainer import german
from explainer.errors import DataError
from explainer.load import load_site_data
from explainer.pages import claim_page_sources, claim_page_titles
from explainer.render import PageError, Renderer, make_environment
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.structure.nav import Section

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page


# MkDocs does not reload hook modules under `mkdocs serve`; this is reset in every on_config.
_build: dict[str, object] = {}


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
    _build.clear()
    _build["data"] = data
    _build["renderer"] = Renderer(data, make_environment())
    _build["generated"] = claim_page_sources(data)
    _build["titles"] = claim_page_titles(data)
    config.extra["stand"] = german.date(data.site.updated)
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add one page per claim."""
    for path, source in _generated().items():
        files.append(File.generated(config, path, content=source))
    return files


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    """List the claim pages in the section of their overview page, in data order."""
    overview = files.get_file_from_path(f"{_data().site.paths.claims}/index.md")
    section = overview.page.parent if overview and overview.page else None
    if not isinstance(section, Section):
        return nav
    claim_pages = [files.get_file_from_path(path).page for path in _generated()]
    for page in claim_pages:
        page.parent = section
    section.children += claim_pages
    position = nav.pages.index(overview.page) + 1
    nav.pages[position:position] = claim_pages
    return nav


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Render the page as a Jinja template with the data in context."""
    path = page.file.src_uri
    if path in _generated():
        page.meta["title"] = _build["titles"][path]
    shown_as = f"generated page {path}" if path in _generated() else f"docs/{path}"
    try:
        return _renderer().render_page(markdown, path, shown_as)
    except PageError as error:
        raise PluginError(str(error)) from None


# ---------------------------------------------------------------------------------------------
# Helper functions
# ---------------------------------------------------------------------------------------------


def _data():
    return _build["data"]


def _renderer() -> Renderer:
    return _build["renderer"]  # type: ignore[return-value]


def _generated() -> dict[str, str]:
    return _build["generated"]  # type: ignore[return-value]
