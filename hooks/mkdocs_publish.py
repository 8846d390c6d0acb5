"""MkDocs hooks for the public website: share and search metadata, structured data, share images,
robots.txt, the Atom feed, legal-page links and the licence in every footer, links out marked for
screen readers, our patches of Material's templates, each page's security policy, and a build
date taken from the data (reproducible builds).

Runs after hooks/mkdocs_explainer.py (listed second in mkdocs.yml), which has already validated
the data and hands its build over in the configuration; the work is done in
explainer/publication.py (which reads each page's kind from explainer/pages.py), shareimage.py,
feed.py, linksout.py, themepatch.py and csp.py.
"""

from __future__ import annotations

import html
import logging
import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from explainer.data.sitedata import SiteData
from explainer.outputs import bytecode, csp, feed, linksout, metadata, templatespace, themepatch
from explainer.outputs.shareimage import DrawingFailed, FontMissing, check_font
from explainer.publication import Publication
from explainer.site import BUILD_KEY, ShareImages, SiteBuild
from explainer.text.catalogue import N_
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.publish")

# Pages linked from every footer when they exist below docs/: (path, link text).
LEGAL_PAGES = (("impressum.md", N_("Legal notice")), ("datenschutz.md", N_("Privacy")))
DEPLOY_VARIABLE = "CI_DEPLOY"  # set to 1 by the Pages workflow and `make deploy`


@dataclass
class _PublishHook:
    """What this hook keeps, as a plugin keeps it on `self`."""

    serving: bool = False  # `mkdocs serve`: see on_post_page
    epoch_set_here: str | None = None  # so that `mkdocs serve` follows an edited `updated` date
    publication: Publication | None = None  # the build being made (on_config)
    share_images: ShareImages | None = None  # its share images (on_config), drawn from on_nav
    files_to_fill: dict[str, File] = field(default_factory=dict)  # ... and the feed (on_env)

    @property
    def current(self) -> Publication:
        assert self.publication is not None, "on_config runs before any other event"
        return self.publication


_hook = _PublishHook()


# ---------------------------------------------------------------------------------------------
# Hooks
# ---------------------------------------------------------------------------------------------


def on_startup(*, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    """Remember whether this is `mkdocs serve`."""
    _hook.serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Pin the build date to the data, check font and operator data, keep what pages need and
    the share images to draw."""
    if not config.site_url:
        raise PluginError(
            "mkdocs.yml needs site_url: canonical, share and sitemap addresses use it"
        )
    build: SiteBuild = config[BUILD_KEY]
    data = build.data
    _pin_build_date(data)
    _check_operator(data)
    try:
        check_font()
    except FontMissing as error:
        raise PluginError(str(error)) from None
    description = build.data.site.description or config.site_description or ""
    _hook.publication = Publication(build, config.site_url, description)
    _hook.share_images = _hook.current.share_images()
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add the share images, the feed and, unless docs/ has one, robots.txt; our patches of
    Material's script, and our stylesheets and scripts inside Material's. Share images not drawn
    before are drawn while the pages are rendered; they and the feed, which shows rich text as
    plain text like the pages, get their content in on_env, before MkDocs writes them."""
    try:
        themepatch.patch_assets(files)
        themepatch.carry_our_assets(files)
    except themepatch.ThemePatchError as error:
        raise PluginError(str(error)) from None
    for path, content in _hook.current.site_files().items():
        if files.get_file_from_path(path) is None:
            files.append(File.generated(config, path, content=content))
    assert _hook.share_images is not None, "on_config runs before on_files"
    _hook.files_to_fill = {}
    for path in [feed.FEED_PATH, *_hook.share_images.paths]:
        if files.get_file_from_path(path) is None:
            _hook.files_to_fill[path] = File.generated(config, path, content=b"")
            files.append(_hook.files_to_fill[path])
    return files


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    """Begin drawing the plots and share images not drawn before, while MkDocs builds the pages:
    after hooks/mkdocs_explainer.py's on_nav, which begins rendering them ahead (SiteBuild)."""
    assert _hook.share_images is not None, "on_config runs before on_nav"
    _hook.current.build.begin_drawing(_hook.share_images)
    return nav


def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """The share images, drawn by now, into their files (MkDocs writes them next); Material's
    templates with our patches; on every page and the 404 page: the legal pages and the licence
    in the footer (partials/copyright.html), the feed in the head (main.html)."""
    _fill_files(files)
    try:
        env.loader = templatespace.CompactLoader(themepatch.patched_loader(env))
    except themepatch.ThemePatchError as error:
        raise PluginError(str(error)) from None
    words = _hook.current.build.words
    env.add_extension("jinja2.ext.i18n")  # overrides/ use the pages' catalogue
    env.install_gettext_translations(words, newstyle=True)  # type: ignore[attr-defined]
    env.bytecode_cache = bytecode.shared_bytecode_cache(env)  # compiled once per process
    env.globals["xp_legal_links"] = [
        {"title": words.gettext(title), "url": file.url}
        for path, title in LEGAL_PAGES
        if (file := files.get_file_from_path(path)) is not None
    ]
    site = _hook.current.data.site
    env.globals["xp_license"] = site.license
    env.globals["xp_feed"] = {"path": feed.FEED_PATH, "title": feed.feed_title(site.title, words)}
    return env


def on_build_error(*, error: Exception) -> None:
    """A build that stopped leaves no plot or share image being drawn."""
    if _hook.publication is not None:
        _hook.current.build.stop_drawing()


def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    """Share metadata and structured data for partials/xp-share.html."""
    publication, path = _hook.current, page.file.src_uri
    title = page.meta.get("title") or page.title or ""
    meta = publication.page_meta(path, page.meta, title, page.canonical_url)
    # Material prints page.meta.description unescaped: hand it the escaped text.
    page.meta["description"] = html.escape(meta.description)
    context["xp_meta"] = meta
    context["xp_jsonld"] = publication.structured_data(meta, path)
    return context


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """Mark the links out in the content, then state the page's security policy, which allows
    the theme's inline scripts around the content.

    Not the Content Security Policy under `mkdocs serve`: its live-reload script is inline and
    changes with every request, so no hash can allow it. `make build` and `make test` have it.
    """
    return _finish_page(output, page.content or "", page.file.src_uri, config)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    """The same for pages made from a template alone (404.html): all of it is the theme's."""
    if not template_name.endswith(".html"):
        return output_content
    return _finish_page(output_content, "", template_name, config)


# ---------------------------------------------------------------------------------------------
# Helper functions
# ---------------------------------------------------------------------------------------------


def _finish_page(html: str, content: str, shown_as: str, config: MkDocsConfig) -> str:
    try:
        # Taken before the links out are marked: the content is then no longer as rendered.
        script_hashes = None if _hook.serving else csp.theme_script_hashes(html, content)
        html = linksout.mark_links_out(html, config.site_url, _hook.current.build.words)
        return csp.add_policy_meta(html, script_hashes)
    except ValueError as error:
        raise PluginError(f"{shown_as}: {error}") from None


def _fill_files(files: Files) -> None:
    """The content of the feed and share images whose files on_files added."""
    assert _hook.share_images is not None, "on_files runs before on_env"
    feed_file = _hook.current.atom_feed(lambda path: files.get_file_from_path(path).url)
    try:
        images = _hook.current.build.share_image_files(_hook.share_images)
    except (FontMissing, DrawingFailed) as error:
        raise PluginError(str(error)) from None
    for path, file in _hook.files_to_fill.items():
        file.content_bytes = feed_file if path == feed.FEED_PATH else images[path]


def _pin_build_date(data: SiteData) -> None:
    """Sitemap dates and the sitemap.xml.gz header come from the data's date, not the clock."""
    current = os.environ.get("SOURCE_DATE_EPOCH")
    if current is None or current == _hook.epoch_set_here:
        _hook.epoch_set_here = str(metadata.date_epoch(data.site.updated))
        os.environ["SOURCE_DATE_EPOCH"] = _hook.epoch_set_here


def _check_operator(data: SiteData) -> None:
    """Placeholders in operator.yaml: loud on every build, fatal on a deploy build."""
    if data.operator is None or not data.operator.placeholder:
        return
    message = (
        "data/operator.yaml still holds placeholders (placeholder: true): Impressum and "
        "Datenschutz are not ready for the public. Fill in the file and set placeholder: false."
    )
    if os.environ.get(DEPLOY_VARIABLE) == "1":
        raise PluginError(f"{message} Not deploying ({DEPLOY_VARIABLE}=1).")
    banner = "!" * 100
    log.info("%s\n  PLATZHALTER: %s\n  %s", banner, message, banner)
