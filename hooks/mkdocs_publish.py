"""MkDocs hooks for the public website: share and search metadata, structured data, share images,
robots.txt, the Atom feed, legal-page links and the licence in every footer, links out marked for
screen readers, our patches of Material's templates, each page's security policy, and a build
date taken from the data (reproducible builds).

Runs after hooks/mkdocs_explainer.py (listed second in mkdocs.yml), which has already validated
the data; the work is done by pure functions in explainer/metadata.py, jsonld.py, shareimage.py,
feed.py, linksout.py, themepatch.py, csp.py.
"""

from __future__ import annotations

import html
import logging
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from explainer import csp, feed, jsonld, linksout, metadata, themepatch
from explainer.jsonhtml import html_safe_json
from explainer.opendata import package_description, package_title
from explainer.shareimage import DrawingFailed, FontMissing, check_font
from explainer.site import SiteBuild, claim_page_path, current_build
from explainer.sitedata import SiteData
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
LEGAL_PAGES = (("impressum.md", "Impressum"), ("datenschutz.md", "Datenschutz"))
DEPLOY_VARIABLE = "CI_DEPLOY"  # set to 1 by the Pages workflow and `make deploy`


@dataclass(frozen=True)
class _Publish:
    """What one build knows for the public-website parts."""

    build: SiteBuild
    site_url: str
    description: str  # site_description from mkdocs.yml
    claim_pages: dict[str, str]  # path below docs/ -> claim id


_state: _Publish | None = None
_epoch_set_here: str | None = None  # so that `mkdocs serve` follows an edited `updated` date
_serving = False  # `mkdocs serve`: see on_post_page


# ---------------------------------------------------------------------------------------------
# Hooks
# ---------------------------------------------------------------------------------------------


def on_startup(*, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    """Remember whether this is `mkdocs serve`."""
    global _serving
    _serving = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Pin the build date to the data, check font and operator data, keep what pages need."""
    if not config.site_url:
        raise PluginError(
            "mkdocs.yml needs site_url: canonical, share and sitemap addresses use it"
        )
    build = current_build()
    data = build.data
    _pin_build_date(data)
    _check_operator(data)
    try:
        check_font()
    except FontMissing as error:
        raise PluginError(str(error)) from None
    global _state
    _state = _Publish(
        build=build,
        site_url=config.site_url,
        description=" ".join((config.site_description or data.site.title).split()),
        claim_pages={claim_page_path(data, claim.id): claim.id for claim in data.claims},
    )
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add the share images, the feed and, unless docs/ has one, robots.txt."""
    state = _current()
    try:
        site_files = state.build.site_files(
            state.site_url, state.description, lambda path: files.get_file_from_path(path).url
        )
    except (FontMissing, DrawingFailed) as error:
        raise PluginError(str(error)) from None
    for path, content in site_files.items():
        if files.get_file_from_path(path) is None:
            files.append(File.generated(config, path, content=content))
    return files


def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """Material's templates with our patches; on every page and the 404 page: the legal pages
    and the licence in the footer (partials/copyright.html), the feed in the head (main.html)."""
    try:
        env.loader = themepatch.patched_loader(env)
    except themepatch.ThemePatchError as error:
        raise PluginError(str(error)) from None
    env.globals["xp_legal_links"] = [
        {"title": title, "url": file.url}
        for path, title in LEGAL_PAGES
        if (file := files.get_file_from_path(path)) is not None
    ]
    site = _current().build.data.site
    env.globals["xp_license"] = site.license
    env.globals["xp_feed"] = {"path": feed.FEED_PATH, "title": feed.feed_title(site.title)}
    return env


def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    """Share metadata and structured data for partials/xp-share.html."""
    meta = _page_meta(page, config)
    # Material prints page.meta.description unescaped: hand it the escaped text.
    page.meta["description"] = html.escape(meta.description)
    context["xp_meta"] = meta
    context["xp_jsonld"] = _structured_data(meta, page)
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
        script_hashes = None if _serving else csp.theme_script_hashes(html, content)
        html = linksout.mark_links_out(html, config.site_url)
        return csp.add_policy_meta(html, script_hashes)
    except ValueError as error:
        raise PluginError(f"{shown_as}: {error}") from None


def _pin_build_date(data: SiteData) -> None:
    """Sitemap dates and the sitemap.xml.gz header come from the data's date, not the clock."""
    global _epoch_set_here
    current = os.environ.get("SOURCE_DATE_EPOCH")
    if current is None or current == _epoch_set_here:
        _epoch_set_here = str(metadata.date_epoch(data.site.updated))
        os.environ["SOURCE_DATE_EPOCH"] = _epoch_set_here


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


def _page_meta(page: Page, config: MkDocsConfig) -> metadata.PageMeta:
    state = _current()
    role = metadata.page_role(
        page.file.src_uri,
        is_homepage=page.is_homepage,
        claim_pages=set(state.claim_pages),
        faq_page=state.build.data.site.paths.faq,
        numbers_page=state.build.data.site.paths.numbers,
    )
    claim_id = state.claim_pages.get(page.file.src_uri)
    image = claim_id or metadata.SITE_IMAGE
    site_name = state.build.data.site.title  # the plain text; config.site_name is escaped HTML
    title = (
        site_name
        if role == "start"
        else metadata.strip_title(page.meta.get("title") or page.title or "")
    )
    return metadata.PageMeta(
        role=role,
        title=title,
        description=_description(page, claim_id, config),
        url=page.canonical_url or state.site_url,
        image_url=metadata.absolute_url(state.site_url, metadata.share_image_path(image)),
        image_alt=_image_alt(claim_id, title, site_name),
        site_name=site_name,
    )


def _description(page: Page, claim_id: str | None, config: MkDocsConfig) -> str:
    """Claim pages: the summary as plain text; others: front matter `description` or the site's."""
    if claim_id:
        claim = _current().build.data.by_id["claim"][claim_id]
        return metadata.shorten(
            _current().build.renderer.plain_text(claim.summary, page.file.src_uri)
        )
    return metadata.shorten(str(page.meta.get("description") or config.site_description or ""))


def _image_alt(claim_id: str | None, title: str, site_name: str) -> str:
    if claim_id is None:
        return f"{site_name}: {_current().description}"
    data = _current().build.data
    claim = data.by_id["claim"][claim_id]
    return f"{title} – Bewertung: {data.verdict_of(claim).label}"


def _structured_data(meta: metadata.PageMeta, page: Page) -> str | None:
    """JSON-LD for the start page, claim pages, the FAQ and the numbers page; None for others."""
    state = _current()
    data, site_url, plain_text = state.build.data, state.site_url, state.build.renderer.plain_text
    publisher = jsonld.organization(data.operator, meta.site_name, site_url)
    if meta.role == "start":
        result = jsonld.website(
            site_name=meta.site_name,
            site_url=site_url,
            description=meta.description,
            publisher=publisher,
            image=meta.image_url,
        )
    elif meta.role == "claim":
        claim = data.by_id["claim"][state.claim_pages[page.file.src_uri]]
        result = jsonld.claim_review(
            claim,
            data.verdict_of(claim),
            jsonld.rating_values(data.verdicts),
            url=meta.url,
            summary=plain_text(claim.summary, page.file.src_uri),
            article=data.site.article,
            author=publisher,
            image=meta.image_url,
        )
    elif meta.role == "faq":
        entries = [(q.question, plain_text(q.answer, page.file.src_uri)) for q in data.questions]
        result = jsonld.faq_page(entries, url=meta.url, name=meta.title)
    elif meta.role == "numbers":
        result = jsonld.dataset(
            name=package_title(data),
            description=package_description(data),
            url=meta.url,
            license_url=data.site.license.url if data.site.license else None,
            creator=publisher,
            modified=data.site.updated,
            downloads=[
                (name, metadata.absolute_url(site_url, path), media_type)
                for name, path, media_type in state.build.data_downloads()
            ],
        )
    else:
        return None
    return html_safe_json(result)


def _current() -> _Publish:
    assert _state is not None, "on_config runs before any other event"
    return _state
