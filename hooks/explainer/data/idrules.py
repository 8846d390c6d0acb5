"""What ids and paths become, checked before anything is built: pages, anchors, files.

An id is the name of a generated page (pages.py: behauptungen/<id>.md), of an anchor on a page
(#diagramm-<id>) and of files; a topic becomes the anchor of its heading; the paths in site.yaml
name pages below docs/. Two of them meeting in one place make one silently replace the other, so
every clash is a data error here, on the parsed files like references.py, so that `make check`
reports it as the build does.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, Protocol

from markdown.extensions.toc import slugify

from .characters import text_problem
from .errors import DataProblem
from .models import PAGE_PATH_PATTERN, Paths
from .references import ParsedFile, record_id
from .yamlfile import Location, YamlFile

CORRECTIONS_ANCHOR = "korrekturen-{}"  # a claim's or FAQ entry's corrections box (macros.html)
# The anchors the templates (hooks/templates/explainer/) and the static chart drawing
# (chartsvg.py) give a record on the pages showing it; a test renders a claim page to compare.
ANCHORS = {
    "claim": (CORRECTIONS_ANCHOR, "zitat-{}", "einbetten-{}"),
    "chart": (
        "diagramm-{}",
        "diagramm-{}-beschreibung",
        "einbetten-diagramm-{}",
        "svg-{}-titel",
        "svg-{}-text",
    ),
}
NUMBERS_PAGE = "the numbers page"  # shows every chart
# A Markdown heading, with its anchor where one is given: "## Die Skala { #skala }".
HEADING = re.compile(
    r"^#{1,6}[ \t]+(?P<text>.*?)[ \t]*(?:\{[^}\n]*#(?P<id>[\w-]+)[^}\n]*\})?[ \t]*$", re.M
)
GLOSSARY_FILE = "glossary"

Owner = tuple[YamlFile, Location, str]  # where a record is, and how a message names it


class PageKindPaths(Protocol):
    """What the id rules read of a kind of page (pages.PageKind): the record type it has one
    page for each of, and the `Paths` method that places such a page below docs/."""

    records: str | None
    path: Callable[..., str] | None


def check_ids(
    files: list[ParsedFile], docs_dir: Path | None, page_kinds: Iterable[PageKindPaths] = ()
) -> list[DataProblem]:
    """Every clash of what ids, topics and paths become; with `docs_dir`, also with the pages
    written by hand, which no page of a kind in `page_kinds` may replace."""
    paths = _paths(files)
    if docs_dir is None or paths is None:
        return [*_topic_anchors(files, {}), *_page_anchors(files)]
    pages = {path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*.md")}
    overview = paths.claims_overview()
    headings = _heading_anchors(docs_dir / overview) if overview in pages else {}
    return [
        *_topic_anchors(files, headings, f"docs/{overview}"),
        *_page_anchors(files),
        *_generated_pages(files, paths, pages, page_kinds),
        *_missing_pages(files, paths, pages),
    ]


def topic_anchor(topic: str) -> str:
    """The anchor of a topic's heading, as render.slug makes it (Python-Markdown's toc)."""
    return slugify(topic, "-")


# ---------------------------------------------------------------------------------------------
# Anchors
# ---------------------------------------------------------------------------------------------


def _topic_anchors(
    files: list[ParsedFile], headings: dict[str, str], overview: str = ""
) -> Iterator[DataProblem]:
    """Each topic heads a section of the claims overview, its anchor made from its words; the
    overview's own `headings` (anchor -> text) keep theirs."""
    first_with: dict[str, str] = {}
    for parsed, location, record in _records(files, "claim"):
        topic = record.get("topic")
        if not isinstance(topic, str) or not topic.strip() or text_problem(topic):
            continue  # reported by the models or the YAML reader
        anchor, where = topic_anchor(topic), (*location, "topic")
        if not anchor:
            yield parsed.file.problem(
                where,
                f"{topic!r} gives its heading no anchor (expected a topic with letters or digits)",
            )
        elif anchor in headings:
            yield parsed.file.problem(
                where,
                f"{topic!r} gives its heading the anchor #{anchor} of the heading "
                f"{headings[anchor]!r} in {overview} (expected another topic)",
            )
        elif first_with.setdefault(anchor, topic) != topic:
            yield parsed.file.problem(
                where,
                f"{topic!r} and {first_with[anchor]!r} give their headings the same anchor "
                f"#{anchor} (expected one spelling of the topic, or another topic)",
            )


def _page_anchors(files: list[ParsedFile]) -> Iterator[DataProblem]:
    """The numbers page holds the anchors of every chart; a claim page those of the claim and
    of the charts it shows."""
    charts = {chart_id: owner for chart_id, owner, _ in _owners(files, "chart")}
    taken: dict[str, Owner] = {}
    for chart_id, owner in charts.items():
        yield from _clashes(NUMBERS_PAGE, _anchors("chart", chart_id), owner, taken)
    for claim_id, owner, record in _owners(files, "claim"):
        shown = [c for c in record.get("charts") or [] if isinstance(c, str) and c in charts]
        taken = {anchor: charts[chart] for chart in shown for anchor in _anchors("chart", chart)}
        page = f"the page of claim {claim_id!r}"
        yield from _clashes(page, _anchors("claim", claim_id), owner, taken)


def _anchors(record_type: str, record: str) -> list[str]:
    return [pattern.format(record) for pattern in ANCHORS[record_type]]


def _clashes(
    page: str, anchors: list[str], owner: Owner, taken: dict[str, Owner]
) -> Iterator[DataProblem]:
    """A problem for each of `anchors` already `taken` on the page; the others are taken now."""
    file, location, name = owner
    for anchor in anchors:
        if anchor in taken:
            message = (
                f"{name} gives {page} the anchor #{anchor}, which {taken[anchor][2]} gives it "
                "too (expected another id)"
            )
            yield file.problem((*location, "id"), message)
        taken[anchor] = owner


# ---------------------------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------------------------


def _generated_pages(
    files: list[ParsedFile], paths: Paths, docs_pages: set[str], kinds: Iterable[PageKindPaths]
) -> Iterator[DataProblem]:
    """A generated page would silently replace a hand-written one at the same path."""
    for kind in kinds:
        if not kind.records or not kind.path:
            continue
        for record, (file, location, name), _ in _owners(files, kind.records):
            if (path := kind.path(paths, record)) in docs_pages:
                message = f"{name} would replace the page docs/{path} (expected another id)"
                yield file.problem((*location, "id"), message)


def _missing_pages(
    files: list[ParsedFile], paths: Paths, docs_pages: set[str]
) -> Iterator[DataProblem]:
    """A path in site.yaml that names no page would break every link to it: say so once."""
    site = next(parsed for parsed in files if parsed.entry.name == "site")
    needed = {"claims": paths.claims_overview(), **{
        name: getattr(paths, name) for name in ("sources", "faq", "numbers")
    }}  # fmt: skip
    if any(parsed.entry.name == GLOSSARY_FILE for parsed in files):
        needed["glossary"] = paths.glossary
    for name, page in needed.items():
        if page not in docs_pages:
            default = "" if _given(site.file, name) else " (the default)"
            message = (
                f"docs/{page}{default} does not exist (expected the path of a page below docs/)"
            )
            yield site.file.problem(("paths", name), message)


# ---------------------------------------------------------------------------------------------
# Reading the parsed files
# ---------------------------------------------------------------------------------------------


def _heading_anchors(page: Path) -> dict[str, str]:
    """Anchor -> text of the Markdown headings of a page (not those a template writes)."""
    found = {}
    for match in HEADING.finditer(page.read_text("utf-8", errors="replace")):
        text, explicit = match.group("text"), match.group("id")
        if "{{" not in text and "{%" not in text:
            found[explicit or topic_anchor(text)] = text
    return found


def _paths(files: list[ParsedFile]) -> Paths | None:
    """The paths of site.yaml, or None while it is unreadable or they are invalid (reported)."""
    site = next((parsed for parsed in files if parsed.entry.name == "site"), None)
    if site is None or not isinstance(site.file.content, dict):
        return None
    given = site.file.content.get("paths")
    try:
        return Paths.model_validate(given or {})
    except ValueError:
        return None


def _given(file: YamlFile, name: str) -> bool:
    paths = file.content.get("paths") if isinstance(file.content, dict) else None
    return isinstance(paths, dict) and name in paths


def _records(
    files: list[ParsedFile], record_type: str
) -> Iterator[tuple[ParsedFile, Location, Any]]:
    for parsed in files:
        if parsed.entry.record_type != record_type:
            continue
        content = parsed.file.content
        if parsed.entry.shape == "folder":
            if isinstance(content, dict):
                yield parsed, (), content
            continue
        items = content.get(parsed.entry.attribute) if isinstance(content, dict) else None
        for index, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict):
                yield parsed, (parsed.entry.attribute, index), item


def _owners(
    files: list[ParsedFile], record_type: str
) -> Iterator[tuple[str, Owner, dict[str, Any]]]:
    """(id, where its record is, the record) for every record of a type with a valid id (the
    models and the reserved-id check report the others)."""
    for parsed, location, record in _records(files, record_type):
        found = record_id(record)
        valid = found and re.fullmatch(PAGE_PATH_PATTERN, f"{found}.md")
        if valid and found not in parsed.entry.reserved_ids:
            yield found, (parsed.file, location, f"{record_type} {found!r}"), record
