"""The last published state of what readers rely on, and no change to it without a correction.

`make publish-snapshot`, run after publishing, writes `data/published.json` from the loaded data:
per claim its verdict, summary and sources, per FAQ entry its answer, per figure its value. The
loader compares the data with it: a changed field or a removed record needs a dated entry
in the corrections log (the record's `corrections`, or `removed` in site.yaml), so that the
Korrekturen page keeps its promise. Without the file (a new explainer) there is nothing to compare.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from .datafiles import BY_RECORD_TYPE
from .errors import DataProblem
from .models import PUBLISHED_FIELDS, Correction
from .references import ParsedFile
from .sitedata import SiteData
from .yamlfile import YamlFile

SNAPSHOT_FILE = "published.json"  # in data/, next to the files it records

WORDING_FIELDS = ("summary", "answer")  # a typo-level edit here may be logged as `minor: true`
RECORD_NAMES = {"claim": "claim", "question": "FAQ entry", "figure": "figure"}
NOTE = "Written by `make publish-snapshot` after publishing; compared by `make check`."


class Snapshot(BaseModel):
    """data/published.json: the state of the last release."""

    model_config = ConfigDict(extra="forbid")

    note: str = NOTE
    published: datetime.date  # the data's date ('updated' in site.yaml) of that release
    claims: dict[str, dict[str, Any]]
    questions: dict[str, dict[str, Any]]
    figures: dict[str, dict[str, Any]]


def snapshot_of(data: SiteData) -> Snapshot:
    """The guarded fields of every claim, FAQ entry and figure, as data the JSON file holds."""
    records = {
        BY_RECORD_TYPE[record_type].attribute: {
            record.id: {name: _plain(getattr(record, name)) for name in fields}
            for record in data.by_id[record_type].values()
        }
        for record_type, fields in PUBLISHED_FIELDS.items()
    }
    return Snapshot(published=data.site.updated, **records)


def write_snapshot(data: SiteData, data_dir: Path) -> Path:
    """Write data/published.json: keys sorted, one field a line, so that a diff shows a change."""
    path = data_dir / SNAPSHOT_FILE
    text = json.dumps(snapshot_of(data).model_dump(mode="json"), ensure_ascii=False, indent=2,
                      sort_keys=True)  # fmt: skip
    path.write_text(text + "\n", "utf-8")
    return path


def unlogged_changes(
    data: SiteData, files: list[ParsedFile], data_dir: Path, shown_as: str
) -> list[DataProblem]:
    """Every change to the published state that no correction dated after it logs."""
    path, shown = data_dir / SNAPSHOT_FILE, f"{shown_as}/{SNAPSHOT_FILE}"
    if not path.exists():
        return []
    try:
        before = Snapshot.model_validate_json(path.read_bytes())
    except ValidationError as error:
        detail = error.errors()[0]["msg"]
        message = f"not a snapshot of the published state ({detail}; write it again with "
        return [DataProblem(shown, 1, (), message + "make publish-snapshot after publishing)")]
    file_of = {parsed.entry.name: parsed.file for parsed in files}
    problems = []
    for record_type, fields in PUBLISHED_FIELDS.items():
        entry = BY_RECORD_TYPE[record_type]
        published = getattr(before, entry.attribute)
        problems += _changed(data, record_type, fields, published, file_of[entry.name], before)
        problems += _removed(data, record_type, published, file_of["site"], before.published)
    return problems


def _changed(
    data: SiteData,
    record_type: str,
    fields: tuple[str, ...],
    published: dict[str, dict[str, Any]],
    file: YamlFile,
    before: Snapshot,
) -> list[DataProblem]:
    attribute, since = BY_RECORD_TYPE[record_type].attribute, before.published
    problems = []
    for index, record in enumerate(getattr(data, attribute) or []):
        logged = [item for item in record.corrections if item.date > since]
        if record.id not in published:
            continue  # new evidence is no correction; a claim citing it logs its new sources
        for name in fields:
            old, new = published[record.id].get(name), _plain(getattr(record, name))
            if old != new and not _logs(logged, name):
                message = f"changed since the published state of {since}{_change(old, new)} "
                problems.append(
                    file.problem((attribute, index, name), message + _expected(
                        record_type, since, minor=name in WORDING_FIELDS))
                )  # fmt: skip
    return problems


def _removed(
    data: SiteData,
    record_type: str,
    published: dict[str, Any],
    site_file: YamlFile,
    since: datetime.date,
) -> list[DataProblem]:
    logged = {item.id for item in data.site.removed if item.record == record_type}
    logged &= {item.id for item in data.site.removed if item.date > since}
    gone = sorted(published.keys() - data.by_id[record_type].keys() - logged)
    where = BY_RECORD_TYPE[record_type].pattern
    return [
        site_file.problem(
            ("removed",),
            f"{RECORD_NAMES[record_type]} {record_id!r} was published on {since} and is no longer "
            f"in data/{where} (expected it back, or an entry in 'removed' with record: "
            f"{record_type}, id: {record_id}, a date after {since} and a text saying why)",
        )
        for record_id in gone
    ]


def _logs(logged: list[Correction], name: str) -> bool:
    """A correction after the snapshot logs the change; a minor one only a change of wording."""
    return any(not item.minor or name in WORDING_FIELDS for item in logged)


def _change(old: Any, new: Any) -> str:
    if isinstance(old, list) and isinstance(new, list):
        added, dropped = sorted(set(new) - set(old)), sorted(set(old) - set(new))
        parts = [f"added {', '.join(added)}"] * bool(added)
        parts += [f"removed {', '.join(dropped)}"] * bool(dropped)
        return f" ({'; '.join(parts)})"
    if isinstance(old, str) and len(old) > 40 or isinstance(new, str) and len(new) > 40:
        return ""  # a text: the diff of data/ shows it better than a line can
    return f" (was {old!r}, now {new!r})"


def _expected(record_type: str, since: datetime.date, *, minor: bool) -> str:
    hint = "; a typo-level edit may be logged with 'minor: true'" if minor else ""
    return (
        f"without a correction (expected an entry in this {RECORD_NAMES[record_type]}'s "
        f"'corrections' dated after {since}: what was wrong, what changed, why{hint})"
    )


def _plain(value: Any) -> Any:
    """A field's value as JSON holds it; a list of ids in order, its order being no statement."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return sorted(value) if isinstance(value, list) else value
