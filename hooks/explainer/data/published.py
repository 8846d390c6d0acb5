"""The last published state of what readers rely on, and no change to it without a correction.

`make publish-snapshot`, run after publishing, writes `data/published.json` from the loaded data:
per claim its verdict, summary and sources, per FAQ entry its answer, per figure its value, and
which entries the corrections log held. The loader compares the data with it: a changed field or
a removed record needs a new entry in the corrections log (the record's `corrections`, or
`removed` in site.yaml) dated on or after the snapshot's day, so that the Korrekturen page keeps
its promise; a newsroom may publish and correct on the same day. A snapshot written before the
log's entries were kept counts an entry dated after it. Without the file (a new explainer) there
is nothing to compare.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from .datafiles import BY_RECORD_TYPE
from .errors import DataProblem
from .models import PUBLISHED_FIELDS, Correction, Removal
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
    # The corrections log of that release, an entry as `_digest` writes it: per kind of record
    # (as above) and id, its `corrections`; and site.yaml's `removed`. None in a snapshot written
    # before the log was kept.
    corrections: dict[str, dict[str, list[str]]] | None = None
    removed: list[str] | None = None


def snapshot_of(data: SiteData) -> Snapshot:
    """The guarded fields of every claim, FAQ entry and figure, and the entries of the
    corrections log, as data the JSON file holds."""
    records = {
        BY_RECORD_TYPE[record_type].attribute: {
            record.id: {name: _plain(getattr(record, name)) for name in fields}
            for record in data.by_id[record_type].values()
        }
        for record_type, fields in PUBLISHED_FIELDS.items()
    }
    corrections = {
        BY_RECORD_TYPE[record_type].attribute: {
            record.id: [_digest(item) for item in record.corrections]
            for record in data.by_id[record_type].values()
            if record.corrections
        }
        for record_type in PUBLISHED_FIELDS
    }
    removed = [_digest(item) for item in data.site.removed]
    return Snapshot(
        published=data.site.updated, corrections=corrections, removed=removed, **records
    )


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
    """Every change to the published state that no new entry of the corrections log logs."""
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
    removals = _Log(before.published, _known(before.removed))
    problems = []
    for record_type, fields in PUBLISHED_FIELDS.items():
        entry = BY_RECORD_TYPE[record_type]
        published = getattr(before, entry.attribute)
        problems += _changed(data, record_type, fields, published, file_of[entry.name], before)
        problems += _removed(data, record_type, published, file_of["site"], removals)
    return problems


Entry = TypeVar("Entry", Correction, Removal)  # an entry of the corrections log


@dataclass(frozen=True)
class _Log:
    """Which entries of one corrections log are new since the snapshot of `since`."""

    since: datetime.date
    known: frozenset[str] | None  # the entries the snapshot kept; None: it kept none (older)

    def split(self, entries: list[Entry]) -> tuple[list[Entry], list[Entry]]:
        """The entries that log a change since the snapshot, and the new ones dated before it."""
        if self.known is None:
            return [item for item in entries if item.date > self.since], []
        new = [item for item in entries if _digest(item) not in self.known]
        return [item for item in new if item.date >= self.since], [
            item for item in new if item.date < self.since
        ]

    def expected(self, where: str) -> str:
        """The entry a change needs, for a message."""
        if self.known is None:
            return f"an entry in {where} dated after {self.since}"
        return f"a new entry in {where} dated {self.since} or later"

    def back_dated(self, entries: list[Correction] | list[Removal]) -> str:
        """Why the new `entries` dated before the snapshot do not count, for a message."""
        if not entries:
            return ""
        dates = ", ".join(sorted({item.date.isoformat() for item in entries}))
        return (
            f"; the new entry dated {dates} lies before the published state: the Korrekturen page "
            "would show the change as made before it, so date it the day of the change"
        )


def _known(digests: list[str] | None) -> frozenset[str] | None:
    return None if digests is None else frozenset(digests)


def _digest(entry: Correction | Removal) -> str:
    """An entry of the log as the snapshot keeps it: its date and a short hash of its text (and
    for a removal, what was removed), so that the file says when, and a diff shows a change."""
    text = hashlib.sha256(entry.text.encode("utf-8")).hexdigest()[:12]
    what = f"{entry.record} {entry.id} " if isinstance(entry, Removal) else ""
    return f"{what}{entry.date} {text}"


def _changed(
    data: SiteData,
    record_type: str,
    fields: tuple[str, ...],
    published: dict[str, dict[str, Any]],
    file: YamlFile,
    before: Snapshot,
) -> list[DataProblem]:
    attribute = BY_RECORD_TYPE[record_type].attribute
    kept = None if before.corrections is None else before.corrections.get(attribute, {})
    problems = []
    for index, record in enumerate(getattr(data, attribute) or []):
        if record.id not in published:
            continue  # new evidence is no correction; a claim citing it logs its new sources
        log = _Log(before.published, _known(None if kept is None else kept.get(record.id, [])))
        logged, back_dated = log.split(record.corrections)
        for name in fields:
            old, new = published[record.id].get(name), _plain(getattr(record, name))
            if old != new and not _logs(logged, name):
                message = f"changed since the published state of {log.since}{_change(old, new)} "
                where = f"this {RECORD_NAMES[record_type]}'s 'corrections'"
                minor, note = name in WORDING_FIELDS, log.back_dated(back_dated)
                problems.append(
                    file.problem((attribute, index, name), message + _expected(
                        log.expected(where), minor=minor, note=note))
                )  # fmt: skip
    return problems


def _removed(
    data: SiteData,
    record_type: str,
    published: dict[str, Any],
    site_file: YamlFile,
    log: _Log,
) -> list[DataProblem]:
    entries = [item for item in data.site.removed if item.record == record_type]
    logged, back_dated = log.split(entries)
    gone = sorted(published.keys() - data.by_id[record_type].keys() - {item.id for item in logged})
    where = BY_RECORD_TYPE[record_type].pattern
    return [
        site_file.problem(
            ("removed",),
            f"{RECORD_NAMES[record_type]} {record_id!r} was published on {log.since} and is no "
            f"longer in data/{where} (expected it back, or "
            + log.expected(f"'removed' with record: {record_type}, id: {record_id},")
            + " and a text saying why"
            + log.back_dated([item for item in back_dated if item.id == record_id])
            + ")",
        )
        for record_id in gone
    ]


def _logs(logged: list[Correction], name: str) -> bool:
    """A new correction logs the change; a minor one only a change of wording."""
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


def _expected(entry: str, *, minor: bool, note: str) -> str:
    hint = "; a typo-level edit may be logged with 'minor: true'" if minor else ""
    return f"without a correction (expected {entry}: what was wrong, what changed, why{hint}{note})"


def _plain(value: Any) -> Any:
    """A field's value as JSON holds it; a list of ids in order, its order being no statement."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return sorted(value) if isinstance(value, list) else value
