"""Cross-file checks: unique ids, and every id a record or a text refers to exists."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import jinja2
from jinja2 import nodes

from .errors import DataProblem
from .yamlfile import YamlFile

# Rich-text helpers and the kind of id each one takes.
TEXT_HELPERS = {"fig": "figure", "cite": "source"}


@dataclass(frozen=True)
class _Reference:
    file: str
    location: tuple[str | int, ...]
    kind: str
    target: str


def check_references(files: dict[str, YamlFile]) -> list[DataProblem]:
    """Every duplicate id and every reference to an id that does not exist.

    Works on the parsed files, not the models, so that it also runs when a file has other
    mistakes: the editor sees every problem of a run at once.
    """
    known = _known_ids(files)
    problems = list(_duplicate_ids(files))
    references, text_problems = _references(files)
    problems += text_problems
    for reference in references:
        # A kind whose file could not be read at all has been reported already.
        if reference.kind in known and reference.target not in known[reference.kind]:
            problems.append(_unknown(files[reference.file], reference, known[reference.kind]))
    return problems


def _unknown(file: YamlFile, reference: _Reference, known: set[str]) -> DataProblem:
    choices = ", ".join(sorted(known)) or "none defined"
    message = f"{reference.target!r} is not a {reference.kind} (expected one of: {choices})"
    return file.problem(reference.location, message)


def _known_ids(files: dict[str, YamlFile]) -> dict[str, set[str]]:
    known: dict[str, set[str]] = {"chart": set()}
    for name, file in files.items():
        known.setdefault(LIST_KINDS.get(_file_kind(name), ""), set())
        kind = LIST_KINDS.get(_file_kind(name))
        for _, record in _records(name, file):
            known[kind].add(record["id"])
    return known


def _records(name: str, file: YamlFile) -> Iterator[tuple[tuple[str | int, ...], dict]]:
    """(location, record) for every record with an id in the file."""
    content = file.content if isinstance(file.content, dict) else {}
    if _file_kind(name) == "series":
        records = [((), content)]
    else:
        items = content.get(LIST_KEYS.get(name, ""))
        items = items if isinstance(items, list) else []
        records = [((LIST_KEYS[name], index), item) for index, item in enumerate(items)]
    for location, record in records:
        if isinstance(record, dict) and isinstance(record.get("id"), str):
            yield location, record


def _duplicate_ids(files: dict[str, YamlFile]) -> Iterator[DataProblem]:
    first_seen: dict[tuple[str, str], str] = {}
    for name, file in files.items():
        kind = LIST_KINDS.get(_file_kind(name))
        for location, record in _records(name, file):
            record_id = record["id"]
            key = (kind, record_id)
            if key in first_seen:
                message = f"id {record_id!r} is used twice (first in {first_seen[key]})"
                yield file.problem((*location, "id"), message)
            first_seen.setdefault(key, f"{file.display_name}:{file.line_of(location)}")


def _references(files: dict[str, YamlFile]) -> tuple[list[_Reference], list[DataProblem]]:
    references: list[_Reference] = []
    problems: list[DataProblem] = []
    for name, file in files.items():
        for location, value in _walk(file.content, ()):
            field_name = next((p for p in reversed(location) if isinstance(p, str)), "")
            kind = FIELD_KINDS.get((_file_kind(name), field_name))
            if kind and isinstance(value, str):
                references.append(_Reference(name, location, kind, value))
            elif field_name in RICH_FIELDS and isinstance(value, str):
                found, problem = _text_references(file, location, value)
                references += [_Reference(name, location, k, t) for k, t in found]
                problems += [problem] if problem else []
    return references, problems


def _text_references(
    file: YamlFile, location: tuple[str | int, ...], text: str
) -> tuple[list[tuple[str, str]], DataProblem | None]:
    try:
        tree = jinja2.Environment().parse(text)
    except jinja2.TemplateSyntaxError as error:
        line = file.line_of(location) + (error.lineno or 1) - 1
        return [], DataProblem(file.display_name, line, location, f"template error: {error}")
    return list(_helper_calls(tree.find_all(nodes.Call))), None


def _helper_calls(calls: Iterable[nodes.Call]) -> Iterator[tuple[str, str]]:
    for call in calls:
        if isinstance(call.node, nodes.Name) and call.node.name in TEXT_HELPERS:
            for argument in call.args[:1]:
                if isinstance(argument, nodes.Const):
                    yield TEXT_HELPERS[call.node.name], str(argument.value)


def _walk(value: object, location: tuple[str | int, ...]) -> Iterator[tuple[tuple, object]]:
    yield location, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, (*location, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, (*location, index))


def _file_kind(name: str) -> str:
    return "series" if name.startswith("series/") else name.removesuffix(".yaml")


# ---------------------------------------------------------------------------------------------
# Data: which fields hold ids of which kind
# ---------------------------------------------------------------------------------------------

LIST_KEYS = {
    "sources.yaml": "sources",
    "verdicts.yaml": "verdicts",
    "claims.yaml": "claims",
    "faq.yaml": "questions",
    "figures.yaml": "figures",
}

LIST_KINDS = {
    "sources": "source",
    "verdicts": "verdict",
    "claims": "claim",
    "faq": "question",
    "figures": "figure",
    "series": "chart",
}

FIELD_KINDS = {
    ("site", "key_claims"): "claim",
    ("site", "key_figures"): "figure",
    ("claims", "verdict"): "verdict",
    ("claims", "sources"): "source",
    ("claims", "figures"): "figure",
    ("claims", "charts"): "chart",
    ("faq", "claims"): "claim",
    ("faq", "sources"): "source",
    ("figures", "source"): "source",
    ("series", "source"): "source",
}

RICH_FIELDS = {"summary", "evidence", "article_answer", "answer", "left_out", "note"}
