"""MkDocs hooks: connect the explainer engine (hooks/explainer/) to the build.

on_config loads and validates data/, on_serve keeps the last good site up while the data has
a mistake (`mkdocs serve`), on_files adds the generated pages (explainer/pages.py) and
downloads, on_nav links the claim pages to their overview page (embed pages stay out of the
navigation), on_page_markdown renders every page as a Jinja template.

The build is one object (explainer/site.py), carried by MkDocs' configuration from event to
event and to the publish hook, as a plugin keeps its state on `self`: every build, also each of
`mkdocs serve`'s, starts with a new configuration and so with a new build.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from explainer.data.errors import DataError
from explainer.outputs import metadata
from explainer.outputs.render import PageError, address
from explainer.preview import LastGoodSite
from explainer.site import BUILD_KEY, SiteBuild, load_build
from explainer.text.catalogue import CatalogueError
from markupsafe import escape
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

log = logging.getLogger("mkdocs.hooks.explainer")
NOT_IN_NAV = InclusionLevel.NOT_IN_NAV  # built and in the sitemap, not listed in the navigation

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load and validate data/ before anything is built; stop with every problem found."""
    try:
        build = load_build(Path(config.config_file_path).parent)
    except (DataError, CatalogueError) as error:
        raise PluginError(str(error)) from None
    config[BUILD_KEY] = build
    for warning in build.data.warnings:  # `mkdocs build --strict` stops on these
        log.warning(str(warning))
    _name_the_site(config, build.data.site.title)
    config.extra["stand"] = build.formatter.date(build.data.site.updated)
    return config


def on_serve(
    server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable
) -> LiveReloadServer:
    """`mkdocs serve`: a rebuild that fails keeps the last good site served, never a stuck or
    half-built one; an edit to the engine's Python code is named with the advice to restart."""
    server.builder = LastGoodSite(server.builder, Path(server.root), log)
    return server


def on_build_error(*, error: Exception) -> None:
    """A file that cannot be read or written (a full disk, a read-only folder) stops the build
    with one line naming it, not a traceback: MkDocs shows its own errors so."""
    if isinstance(error, OSError):
        where = f" {error.filename}" if error.filename else ""
        raise PluginError(f"Cannot write or read{where}: {error.strerror or error}") from None


def _name_the_site(config: MkDocsConfig, title: str) -> None:
    """The site's name is data/site.yaml's title: the page heading, and through site_name the
    browser tab and share previews. MkDocs needs site_name in mkdocs.yml too; when it differs,
    a warning names both, which stops `mkdocs build --strict` (make build, CI), while a preview
    (`make serve`) goes on with the title."""
    if config.site_name != title:
        log.warning(
            f"The site's name differs: data/site.yaml has title: {title!r}, mkdocs.yml has "
            f"site_name: {config.site_name!r}. Set site_name in mkdocs.yml to the title."
        )
    # Escaped here: the title is data, and Material prints site_name as it is in some places
    # (<title>, the header). As Markup, its own `| e` does not escape it twice.
    config.site_name = escape(title)


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add the generated pages and the CSV/JSON downloads of every chart. The generated pages are
    left out of the navigation on purpose (on_nav links them), so MkDocs does not list them as
    omitted on every build: one line says how many there are, `--verbose` lists them."""
    build = _build(config)
    for path, content in build.docs_files().items():
        files.append(File.generated(config, path, content=content, inclusion=NOT_IN_NAV))
    counts = ", ".join(f"{name} pages: {count}" for name, count in build.page_counts().items())
    log.info(f"Generated from data/ ({counts}), not listed in the navigation; --verbose lists them")
    for path in build.pages:
        log.debug(f"Generated page: {path}")
    return files


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    """Claim pages belong to the section of their overview page but are not listed in the
    navigation, so that every page stays the same size however many claims there are; they link
    to each other with previous/next."""
    for overview_path, paths in _build(config).listed_pages().items():
        overview = files.get_file_from_path(overview_path)
        if overview is None or overview.page is None:
            continue
        pages = [files.get_file_from_path(path).page for path in paths]
        for page in pages:
            page.parent = overview.page.parent  # the section opens and is marked on its pages
        _link_neighbours([overview.page, *pages, overview.page.next_page])
    return nav


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Render the page as a Jinja template with the data in context."""
    build, path = _build(config), page.file.src_uri
    generated = build.generated_page(path)
    if generated:
        page.meta["title"] = generated.title
        page.update_date = generated.changed.isoformat()  # the sitemap's <lastmod>
    shown_as = f"generated page {path}" if generated else f"docs/{path}"
    absolute_link = functools.partial(_absolute_link, files=files, site_url=config.site_url)
    try:
        rendered = build.render_page(
            _behind_front_matter_lines(markdown, page),
            path, shown_as, url=_url_of(page, files), absolute_link=absolute_link,
        )  # fmt: skip
    except PageError as error:
        raise PluginError(str(error)) from None
    return rendered.lstrip("\n")  # the empty lines put in front (MkDocs strips them too)


def _build(config: MkDocsConfig) -> SiteBuild:
    """The build on_config loaded."""
    return config[BUILD_KEY]


def _behind_front_matter_lines(markdown: str, page: Page) -> str:
    """The page's Markdown behind as many empty lines as MkDocs took off the top of its file
    (the front matter and the empty lines after it), so that the line a template error names is
    the line the editor sees in the file."""
    taken_off = page.file.content_string.count("\n") - markdown.count("\n")
    return "\n" * max(taken_off, 0) + markdown


def _url_of(page: Page, files: Files) -> Callable[[str], str]:
    """`url("behauptungen/index.md")` in a page: the address of another page relative to this
    one, as MkDocs writes it ("behauptungen/"), for raw HTML, where links are not rewritten."""

    def url(target: str) -> str:
        file = files.get_file_from_path(target)
        if file is None:
            raise LookupError(f"url({target!r}): there is no such file below docs/")
        return address(file.url_relative_to(page.file))

    return url


def _absolute_link(target: str, *, files: Files, site_url: str | None) -> str:
    """Address on the published site of a file below docs/, for text that names it in full (the
    embed snippets: an <iframe> on another site needs the whole address)."""
    file = files.get_file_from_path(target)
    if file is None:
        raise ValueError(f"absolute_link: no file {target} below docs/")
    return address(metadata.absolute_url(site_url or "/", file.url))


def _link_neighbours(pages: list[Page | None]) -> None:
    """Previous/next links (page footer) along `pages`; the first keeps its previous page and
    the last its next one."""
    for previous, following in zip(pages, pages[1:], strict=False):
        if previous is not None and following is not None:
            previous.next_page, following.previous_page = following, previous
