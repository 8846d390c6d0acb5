"""Crawl a built site: every internal link and anchor must resolve; external links are reported.

`make links` prints the report of external links (they cannot be fetched from here), so that an
editor can check them by hand: `python tests/links.py site/`.
"""

from __future__ import annotations

import posixpath
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class PageParser(HTMLParser):
    """Element ids and link targets of one HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("id", "name"):
            if values.get(name):
                self.ids.add(values[name])
        if tag in ("a", "link") and values.get("href"):
            self.links.append(values["href"])
        if tag in ("script", "img", "source", "iframe") and values.get("src"):
            self.links.append(values["src"])


@dataclass
class Crawl:
    """Broken internal links and the external links of a site, by page."""

    broken: list[str] = field(default_factory=list)
    external: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


def crawl(site_dir: Path) -> Crawl:
    """Check every link of every HTML page below `site_dir` (404.html uses absolute links and
    is checked in the browser instead)."""
    pages = {
        path.relative_to(site_dir).as_posix(): parse_page(path.read_text("utf-8"))
        for path in site_dir.rglob("*.html")
        if path.name != "404.html"
    }
    result = Crawl()
    for page_path, parser in pages.items():
        for link in parser.links:
            _check(site_dir, page_path, link, pages, result)
    return result


def parse_page(html: str) -> PageParser:
    """Ids and links of a page."""
    parser = PageParser()
    parser.feed(html)
    return parser


def _check(site_dir: Path, page: str, link: str, pages: dict, result: Crawl) -> None:
    parts = urlsplit(link)
    if parts.scheme in ("http", "https"):
        result.external[link].add(page)
        return
    if parts.scheme or link.startswith("//"):
        return  # mailto:, data:, javascript: – nothing to fetch
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
    if parts.path == "":
        target = page
    elif (site_dir / target).is_dir():
        target = posixpath.join(target, "index.html")
    if not (site_dir / target).is_file():
        result.broken.append(f"{page}: link to missing file {link}")
    elif parts.fragment and target in pages and parts.fragment not in pages[target].ids:
        result.broken.append(f"{page}: link to missing anchor {link}")


def report(result: Crawl) -> str:
    """The external links, one per line, with the pages that use them."""
    lines = [f"{len(result.external)} external links (check them in a browser):"]
    for url in sorted(result.external):
        pages = ", ".join(sorted(result.external[url]))
        lines.append(f"{url}\n    on: {pages}")
    return "\n".join(lines)


if __name__ == "__main__":
    crawled = crawl(Path(sys.argv[1]))
    sys.stdout.write(report(crawled) + "\n")
    sys.stdout.write("\n".join(crawled.broken) + ("\n" if crawled.broken else ""))
    sys.exit(1 if crawled.broken else 0)
