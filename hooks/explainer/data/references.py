"""Cross-file checks: unique ids, reserved ids, and every id a record or a text refers to exists.

Which fields hold ids and which hold rich text is read from the markers on the models
(`RefersTo`, `RICH` in models.py) through modelfields.py; this module knows no field by name,
and hands the marked texts to the other text rules too (`marked_texts`). It works on the parsed
files, not the validated models, so that it also runs when a file has other mistakes: the editor
sees every problem of a run at once.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..text import richtext
from .datafiles import BY_RECORD_TYPE, DataFile
from .errors import DataProblem
from .modelfields import marked_values
from .models import RICH, RefersTo
from .yamlfile import Location, YamlFile

MAX_CHOICES_SHOWN = 12  # more ids than this make an error line unreadable

RecordKey = tuple[str, str]  # (record type, id), e.g. ('claim', 'nvidia-fragil')


@dataclass(frozen=True)
class Reference:
    """One id named by a field or by a helper call inside a rich text."""

    file: YamlFile
    location: Location
    record_type: str
    target: str
    owner: RecordKey | None  # the record that holds the reference; None in single files


@dataclass(frozen=True)
class ParsedFile:
    """A data file as read, with its entry in the table of data files."""

    entry: DataFile
    file: YamlFile


def check_references(
    files: list[ParsedFile], unreadable: set[str]
) -> tuple[list[DataProblem], list[Reference]]:
    """Every duplicate, reserved or unknown id, and every reference found. References to a
    record type in `unreadable` (its file could not be read; already reported) are not checked."""
    known = {record_type: set[str]() for record_type in BY_RECORD_TYPE}
    problems = [*_duplicate_ids(files, known), *_reserved_ids(files), *_file_name_ids(files)]
    references, text_problems = find_references(files)
    for reference in references:
        ids = known[reference.record_type]
        if reference.target not in ids and reference.record_type not in unreadable:
            problems.append(_unknown(reference, ids))
    return problems + text_problems, references


def find_references(files: list[ParsedFile]) -> tuple[list[Reference], list[DataProblem]]:
    """Every id named in a marked field or in a rich text, and every broken rich text."""
    references: list[Reference] = []
    problems: list[DataProblem] = []
    for file, where, marker, value, owner in _marked_fields(files):
        if isinstance(marker, RefersTo):
            references.append(Reference(file, where, marker.record_type, value, owner))
        elif marker is RICH:
            found, problem = text_references(file, where, value)
            references += [Reference(file, where, t, i, owner) for t, i in found]
            problems += [problem] if problem else []
    return references, problems


def marked_texts(files: list[ParsedFile]) -> Iterator[tuple[YamlFile, Location, object, str]]:
    """(file, location, marker, text) for every string in a marked field, once per marker."""
    for file, where, marker, value, _ in _marked_fields(files):
        yield file, where, marker, value


def record_id(record: object) -> str | None:
    """The id of a parsed record, if it has a usable one."""
    value = record.get("id") if isinstance(record, dict) else None
    return value if isinstance(value, str) else None


# ---------------------------------------------------------------------------------------------
# Walking the files
# ---------------------------------------------------------------------------------------------


def _records(parsed: ParsedFile) -> Iterator[tuple[Location, Any, RecordKey | None]]:
    """(location, record, its key) for every record of the file; a single file is one record."""
    content, entry = parsed.file.content, parsed.entry
    if entry.shape != "list":
        key = (entry.record_type, record_id(content)) if entry.record_type else None
        yield (), content, key if key and key[1] else None
        return
    items = content.get(entry.attribute) if isinstance(content, dict) else None
    for index, item in enumerate(items if isinstance(items, list) else []):
        key = record_id(item)
        yield (entry.attribute, index), item, (entry.record_type, key) if key else None


def _marked_fields(
    files: list[ParsedFile],
) -> Iterator[tuple[YamlFile, Location, object, str, RecordKey | None]]:
    for parsed in files:
        for location, record, owner in _records(parsed):
            for where, marker, value in marked_values(parsed.entry.model, record, location):
                yield parsed.file, where, marker, value, owner


def text_references(
    file: YamlFile, location: Location, text: str
) -> tuple[list[tuple[str, str]], DataProblem | None]:
    try:
        calls = richtext.helper_calls(text)
    except richtext.RichTextError as error:
        line = file.line_of(location) + error.line - 1
        return [], DataProblem(file.display_name, line, location, error.message)
    return [(richtext.HELPERS[call.name], call.target) for call in calls], None


# ---------------------------------------------------------------------------------------------
# Id rules
# ---------------------------------------------------------------------------------------------


def _duplicate_ids(files: list[ParsedFile], known: dict[str, set[str]]) -> Iterator[DataProblem]:
    first_seen: dict[RecordKey, str] = {}
    for parsed in files:
        for location, _, key in _records(parsed):
            if key is None:
                continue
            known[key[0]].add(key[1])
            if key in first_seen:
                message = f"id {key[1]!r} is used twice (first in {first_seen[key]})"
                yield parsed.file.problem((*location, "id"), message)
            where = f"{parsed.file.display_name}:{parsed.file.line_of(location)}"
            first_seen.setdefault(key, where)


def _reserved_ids(files: list[ParsedFile]) -> Iterator[DataProblem]:
    for parsed in files:
        for location, _, key in _records(parsed):
            if key and key[1] in parsed.entry.reserved_ids:
                used_by = parsed.entry.reserved_ids[key[1]]
                message = f"id {key[1]!r} is taken by {used_by} (expected another id)"
                yield parsed.file.problem((*location, "id"), message)


def _file_name_ids(files: list[ParsedFile]) -> Iterator[DataProblem]:
    """In a folder, a record's id is its file name, so that `series/<id>.yaml` is easy to find."""
    for parsed in files:
        stem = parsed.file.path.stem
        chart_id = record_id(parsed.file.content)
        if parsed.entry.shape == "folder" and chart_id is not None and chart_id != stem:
            message = (
                f"{chart_id!r} must equal the file name (expected {stem!r} or rename the file)"
            )
            yield parsed.file.problem(("id",), message)


def _unknown(reference: Reference, known: set[str]) -> DataProblem:
    """Name every choice while the list is short; else the closest ones and where the rest are."""
    if len(known) <= MAX_CHOICES_SHOWN:
        expected = f"one of: {', '.join(sorted(known)) or 'none defined'}"
    else:
        close = difflib.get_close_matches(reference.target, sorted(known), n=3, cutoff=0.5)
        where = BY_RECORD_TYPE[reference.record_type].pattern
        expected = f"an id from data/{where}" + (f", e.g. {', '.join(close)}" if close else "")
    message = f"{reference.target!r} is not a {reference.record_type} (expected {expected})"
    return reference.file.problem(reference.location, message)
