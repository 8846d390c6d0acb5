"""Plain Material with our pages: the anchor the benchmarks measure this site against.

The anchor holds every page of the original edition as the engine renders its Markdown, built
by stock Material with the theme settings of our mkdocs.yml: no hooks, no `overrides/` and no
`extra_css`, so none of our templates, styles or scripts. What this site costs beyond it is what
the engine and our theme additions cost.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlsplit

import yaml
from mkdocs.structure.files import File

# mkdocs.yml keys that load our own code or files: the anchor has none of them.
OUR_ADDITIONS = ("hooks", "watch", "extra_css", "extra_javascript", "extra_templates")


class _Tagged(NamedTuple):
    """A value MkDocs resolves itself (`!ENV`, `!relative`, `!!python/name:…`), kept as written."""

    tag: str
    value: Any


class _ConfigLoader(yaml.SafeLoader):
    """YAML as MkDocs reads it (`font: false` stays a boolean), tags kept for the copy."""


class _ConfigDumper(yaml.SafeDumper):
    """Writes a `_Tagged` value back with its tag."""


def _construct_tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> _Tagged:
    if isinstance(node, yaml.ScalarNode):
        return _Tagged(node.tag, loader.construct_scalar(node))
    if isinstance(node, yaml.SequenceNode):
        return _Tagged(node.tag, loader.construct_sequence(node, deep=True))
    return _Tagged(node.tag, loader.construct_mapping(node, deep=True))  # type: ignore[arg-type]


def _represent_tagged(dumper: yaml.SafeDumper, tagged: _Tagged) -> yaml.Node:
    if isinstance(tagged.value, list):
        return dumper.represent_sequence(tagged.tag, tagged.value)
    if isinstance(tagged.value, dict):
        return dumper.represent_mapping(tagged.tag, tagged.value)
    return dumper.represent_scalar(tagged.tag, tagged.value)


for _prefix in ("!", "tag:yaml.org,2002:python/"):
    _ConfigLoader.add_multi_constructor(_prefix, _construct_tagged)
_ConfigDumper.add_representer(_Tagged, _represent_tagged)


def read_config(project: Path) -> dict[str, Any]:
    """The project's mkdocs.yml with YAML's types; tags MkDocs resolves are kept as `_Tagged`."""
    return yaml.load((project / "mkdocs.yml").read_text("utf-8"), Loader=_ConfigLoader)


def site_path(project: Path) -> str:
    """The path of the project's site_url, e.g. '/REPO/'."""
    return urlsplit(read_config(project)["site_url"]).path


def plain_material_config(config: dict[str, Any]) -> str:
    """mkdocs.yml of the anchor: our theme settings, without anything that loads our code or
    templates."""
    plain = {key: value for key, value in config.items() if key not in OUR_ADDITIONS}
    plain["theme"] = {key: value for key, value in config["theme"].items() if key != "custom_dir"}
    return yaml.dump(plain, Dumper=_ConfigDumper, allow_unicode=True, sort_keys=False)


def plain_material_project(project: Path, target: Path) -> Path:
    """The original edition's pages as rendered Markdown, in a Material project without hooks."""
    sys.path.insert(0, str(project / "hooks"))
    from explainer.outputs.feed import FEED_PATH
    from explainer.site import load_build, write_files

    build = load_build(project)
    docs = target / "docs"
    translations = tuple(edition.folder for edition in build.editions.translations)
    pages = {
        path.relative_to(project / "docs").as_posix(): path.read_text("utf-8")
        for path in (project / "docs").rglob("*.md")
    }
    pages = {path: text for path, text in pages.items() if not path.startswith(translations)}
    pages |= {path: page.source for path, page in build.pages.items()}
    for path, markdown in pages.items():
        front_matter, body = _split_front_matter(markdown)
        rendered = build.render_page(body, path, path, **_generator_names(path))
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(front_matter + rendered, "utf-8")
    downloads = {n: c for n, c in build.docs_files().items() if not n.endswith(".md")}
    downloads |= build.pending_files()
    config = read_config(project)
    # The feed, which pages link to: with directory URLs, as MkDocs gives them.
    downloads[FEED_PATH] = build.atom_feed(
        config["site_url"], lambda path: path.removesuffix(".md") + "/"
    )
    write_files(downloads, docs)
    for asset in (project / "docs").rglob("*"):
        if asset.is_file() and asset.suffix != ".md":
            copy = docs / asset.relative_to(project / "docs")
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(asset, copy)
    (target / "mkdocs.yml").write_text(plain_material_config(config), "utf-8")
    sys.path.pop(0)
    return target


def _generator_names(path: str) -> dict[str, Any]:
    """What MkDocs' hook hands a page (`url`, `absolute_link`), made with MkDocs' own File."""
    page = File(path, "docs", "site", use_directory_urls=True)
    return {
        "url": lambda target: File(target, "docs", "site", True).url_relative_to(page),
        "absolute_link": lambda target: (
            "https://example.org/" + File(target, "docs", "site", True).url
        ),
    }


def _split_front_matter(markdown: str) -> tuple[str, str]:
    """The page's front matter (kept for MkDocs: search, robots) and the Markdown after it; a
    `template:` of ours goes, since stock Material has none of our templates."""
    found = re.match(r"\A---\n.*?\n---\n", markdown, flags=re.DOTALL)
    if not found:
        return "", markdown
    front_matter = re.sub(r"(?m)^template: .*\n", "", found.group(0))
    return front_matter, markdown[found.end() :]


# Where a page loads something from: src, srcset and poster of any element, href of <link>
# (stylesheets, fonts, preconnect, icons), and url() or @import in inline styles.
_LOADED_ADDRESS = re.compile(
    r"""\b(?:src|srcset|poster)\s*=\s*["']?(?P<attribute>[^"'\s>]+)"""
    r"""|<link\b[^>]*?\bhref\s*=\s*["']?(?P<link>[^"'\s>]+)"""
    r"""|(?:url\(|@import\s)\s*["']?(?P<css>[^"')\s]+)""",
    re.IGNORECASE,
)


def third_party_hosts(site_dir: Path, own_host: str) -> dict[str, list[str]]:
    """Host -> pages (below `site_dir`) whose HTML loads something from a host other than
    `own_host` (the site's own, as in site_url), e.g. fonts.googleapis.com."""
    found: dict[str, list[str]] = {}
    for page in sorted(site_dir.rglob("*.html")):
        for match in _LOADED_ADDRESS.finditer(page.read_text("utf-8")):
            address = next(group for group in match.groups() if group)
            host = urlsplit(address).hostname if re.match(r"(?i)(https?:)?//", address) else None
            if host and host != own_host:
                found.setdefault(host, []).append(page.relative_to(site_dir).as_posix())
    return found


def report_third_party_hosts(site_dir: Path, project: Path) -> None:
    """Print a sentence for each host other than the site's own that the built anchor loads
    from: plain Material as we configure it (`font: false`) loads nothing from elsewhere."""
    own_host = urlsplit(read_config(project)["site_url"]).hostname or ""
    for host, pages in third_party_hosts(site_dir, own_host).items():
        print(
            f"  Warning: the plain-Material anchor loads from {host} on {len(pages)} pages "
            f"(first: {pages[0]}); it is not the anchor it should be."
        )
