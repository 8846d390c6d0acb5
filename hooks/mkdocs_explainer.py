"""MkDocs hooks: connect the explainer engine (hooks/explainer/) to the build.

on_config loads and validates data/ and sets up the language edition this build makes, on_serve
keeps the last good site up while the data has a mistake (`mkdocs serve`), on_files adds the
generated pages (explainer/pages.py) and downloads, on_nav links the claim pages to their
overview page (embed pages stay out of the navigation) and begins rendering every page ahead,
on_page_markdown renders every page as a Jinja template (or takes it rendered ahead), on_env
fills in the plots and the open-data package, on_post_build builds the site's other language
editions into <lang>/, each as a MkDocs build of its own.

The build is one object (explainer/site.py), carried by MkDocs' configuration from event to
event and to the publish hook, as a plugin keeps its state on `self`: every build, also each of
`mkdocs serve`'s, starts with a new configuration and so with a new build.
"""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from explainer.data.errors import DataError
from explainer.outputs import metadata
from explainer.outputs.editions import Editions, theme_word
from explainer.outputs.render import PageError, address
from explainer.preview import LastGoodSite
from explainer.site import BUILD_KEY, PageToRender, SiteBuild, load_build
from explainer.text.catalogue import CatalogueError, translations
from markupsafe import escape
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

log = logging.getLogger("mkdocs.hooks.explainer")
NOT_IN_NAV = InclusionLevel.NOT_IN_NAV  # built and in the sitemap, not listed in the navigation
EDITION_KEY = "xp_edition"  # in a translation's configuration (extra): its language
ROOT_URL_KEY = "xp_root_url"  # ... and the original edition's site_url
# XP_EDITIONS=de: build only these editions (the original always), for a quicker preview and the
# benchmark; the switch and the sitemaps still name every edition.
EDITIONS_VARIABLE = "XP_EDITIONS"
_startup = {"command": "build", "dirty": False}  # on_startup's, handed on to each translation


def on_startup(*, command: str, dirty: bool) -> None:
    """Remember how MkDocs was started (`mkdocs serve`: the publish hook leaves out the security
    policy), for the translations' builds."""
    _startup.update(command=command, dirty=dirty)


if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load and validate data/ before anything is built; stop with every problem found."""
    root_url = config.extra.get(ROOT_URL_KEY, config.site_url or "")
    try:
        build = load_build(
            Path(config.config_file_path).parent, config.extra.get(EDITION_KEY), root_url
        )
    except (DataError, CatalogueError) as error:
        raise PluginError(str(error)) from None
    config[BUILD_KEY] = build
    for warning in build.data.warnings:  # `mkdocs build --strict` stops on these
        log.warning(str(warning))
    editions = _editions(config)
    if editions.is_translation:
        config.site_url = editions.site_url()
        config.theme["language"] = editions.current.language  # <html lang>, Material's words
        config.site_name = escape(build.data.site.title)  # mkdocs.yml's is the original's
        _translate_theme_words(config, build)
    else:
        _name_the_site(config, build.data.site.title)
    # true, not Material's list of versions: the header shows the switch (overrides/partials/
    # alternate.html), the head no <link rel="alternate"> (hreflang is in the sitemaps).
    config.extra["alternate"] = editions.several
    if build.data.site.description:  # Material prints it as it is (the 404 page's description)
        config.site_description = escape(build.data.site.description)
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


def _translate_theme_words(config: MkDocsConfig, build: SiteBuild) -> None:
    """A translation's colour-scheme toggles, copyright line and heading-link title, which
    mkdocs.yml gives in the original's language, in the edition's (outputs/editions.py,
    THEME_WORDS)."""
    original = translations(build.data.site.language, Path(config.config_file_path).parent)
    for scheme in config.theme.get("palette") or []:
        if "toggle" in scheme:
            scheme["toggle"]["name"] = theme_word(scheme["toggle"]["name"], original, build.words)
    if config.copyright:
        config.copyright = theme_word(config.copyright, original, build.words)
    toc = config.mdx_configs.get("toc", {})
    if "permalink_title" in toc:
        toc["permalink_title"] = theme_word(toc["permalink_title"], original, build.words)


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
    """Add the generated pages, the CSV/JSON downloads of every chart, and the plots and the
    open-data package, whose content comes in on_env. The generated pages are left out of the
    navigation on purpose (on_nav links them), so MkDocs does not list them as omitted on every
    build: one line says how many there are, `--verbose` lists them."""
    build = _build(config)
    files = _edition_files(files, config)
    for path, content in build.docs_files().items():
        files.append(File.generated(config, path, content=content, inclusion=NOT_IN_NAV))
    for path in build.pending_paths():  # their content comes in on_env
        files.append(File.generated(config, path, content=b"", inclusion=NOT_IN_NAV))
    counts = ", ".join(f"{name} pages: {count}" for name, count in build.page_counts().items())
    log.info(f"Generated from data/ ({counts}), not listed in the navigation; --verbose lists them")
    for path in build.pages:
        log.debug(f"Generated page: {path}")
    return files


def _edition_files(files: Files, config: MkDocsConfig) -> Files:
    """docs/<lang>/ holds a translation's pages: in that edition, docs/<lang>/X.md replaces
    docs/X.md (same path, so every address stays the same below the edition's root); no
    edition has docs/<lang>/ as pages of its own."""
    editions = _editions(config)
    folders = tuple(edition.folder for edition in editions.translations)
    if not folders:
        return files
    here = Path(config.docs_dir) / editions.current.folder
    kept = []
    for file in files:
        if file.src_uri.startswith(folders):
            continue
        translated = here / file.src_uri
        if editions.is_translation and file.is_documentation_page() and translated.is_file():
            file = File.generated(config, file.src_uri, abs_src_path=str(translated))
        kept.append(file)
    return Files(kept)


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    """Claim pages belong to the section of their overview page but are not listed in the
    navigation, so that every page stays the same size however many claims there are; they link
    to each other with previous/next. Every page is known now: a copy of the build renders them
    ahead, in MkDocs' order (SiteBuild.render_ahead), before mkdocs_publish.py's on_nav begins
    drawing."""
    for overview_path, paths in _build(config).listed_pages().items():
        overview = files.get_file_from_path(overview_path)
        if overview is None or overview.page is None:
            continue
        pages = [files.get_file_from_path(path).page for path in paths]
        for page in pages:
            page.parent = overview.page.parent  # the section opens and is marked on its pages
        _link_neighbours([overview.page, *pages, overview.page.next_page])
    _build(config).render_ahead(
        (file.src_uri, functools.partial(_read_to_render, file.page, config, files))
        for file in files.documentation_pages(inclusion=InclusionLevel.is_included)
        if file.page is not None
    )
    return nav


def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """The language switch of pages made from a template alone (404.html: every edition's start
    page, from the host's root, as the 404 page is served at any address) and the sitemap's
    hreflang. Every page is rendered by now: the plots and the open-data package get their
    content before MkDocs writes them."""
    for path, content in _build(config).pending_files().items():
        files.get_file_from_path(path).content_bytes = content
    editions = _editions(config)
    roots = [urlsplit(url).path for url in editions.edition_urls()]  # as 404.html links home
    env.globals["xp_switch"] = [
        {**link, "href": root, "root": root}
        for link, root in zip(editions.switch(""), roots, strict=True)
    ]
    env.globals["xp_hreflang"] = editions.hreflang
    return env


def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    """The language switch (overrides/partials/alternate.html): this page in every edition."""
    context["xp_switch"] = _editions(config).switch(page.url)
    return context


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """In a translation, a section of the navigation takes its title from its index page (the
    translated page's heading): mkdocs.yml's titles are the original's."""
    if _editions(config).is_translation and page.is_index and page.parent is not None:
        page.parent.title = page.title
    return html


@event_priority(-100)  # last: the other editions are built when this one is complete
def on_post_build(*, config: MkDocsConfig) -> None:
    """The original edition's build makes each translation, as a MkDocs build of its own, into
    <lang>/ below the site: its configuration says which edition it is (extra)."""
    editions = _editions(config)
    if editions.is_translation:
        return
    wanted = os.environ.get(EDITIONS_VARIABLE)
    for edition in editions.translations:
        if wanted is not None and edition.language not in wanted.split(","):
            continue
        nested = load_config(
            config.config_file_path,
            site_dir=str(Path(config.site_dir) / edition.folder),
            strict=config.strict,
        )
        nested.extra[EDITION_KEY] = edition.language
        nested.extra[ROOT_URL_KEY] = editions.root_url
        nested.nav = _without_page_titles(nested.nav)
        for name in ("search", "material/search"):  # stemming in the edition's language
            if name in nested.plugins:
                nested.plugins[name].config.lang = [edition.language]
        nested.plugins.on_startup(**_startup)
        try:
            mkdocs_build(nested)
        finally:
            nested.plugins.on_shutdown()


def _without_page_titles(nav: object) -> object:
    """mkdocs.yml's nav with each page's title left to the page (its heading in the edition's
    language); section titles come from their index pages (on_page_content)."""
    if isinstance(nav, list):
        return [_without_page_titles(item) for item in nav]
    if isinstance(nav, dict):
        ((title, value),) = nav.items()
        return value if isinstance(value, str) else {title: _without_page_titles(value)}
    return nav


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Render the page as a Jinja template with the data in context."""
    build, path = _build(config), page.file.src_uri
    generated = build.generated_page(path)
    if generated:
        page.meta["title"] = generated.title
        page.update_date = generated.changed.isoformat()  # the sitemap's <lastmod>
    to_render = _page_to_render(markdown, page, config, files)
    try:
        rendered = build.render_page(
            to_render.markdown, path, to_render.shown_as, **to_render.names
        )
    except PageError as error:
        raise PluginError(str(error)) from None
    return rendered.lstrip("\n")  # the empty lines put in front (MkDocs strips them too)


def _page_to_render(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> PageToRender:
    """The page as the engine renders it: its Markdown, where errors name it, and the links only
    MkDocs can make."""
    path = page.file.src_uri
    shown_as = f"generated page {path}" if _build(config).generated_page(path) else f"docs/{path}"
    editions = _editions(config)
    names = {
        "url": _url_of(page, files),
        "absolute_link": functools.partial(_absolute_link, files=files, site_url=config.site_url),
        "original_link": functools.partial(
            _absolute_link, files=files, site_url=editions.site_url(editions.original)
        ),
    }
    return PageToRender(_behind_front_matter_lines(markdown, page), path, shown_as, names)


def _read_to_render(page: Page, config: MkDocsConfig, files: Files) -> PageToRender:
    """The page read from its file, as on_page_markdown will get it (rendered ahead)."""
    page.read_source(config)
    assert page.markdown is not None, "read_source sets it"
    return _page_to_render(page.markdown, page, config, files)


def _build(config: MkDocsConfig) -> SiteBuild:
    """The build on_config loaded."""
    return config[BUILD_KEY]


def _editions(config: MkDocsConfig) -> Editions:
    """The site's editions and the one this build makes."""
    editions = _build(config).editions
    assert editions is not None, "load_build sets the editions"
    return editions


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
