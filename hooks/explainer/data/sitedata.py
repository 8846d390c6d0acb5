"""The validated data of one site, as handed to templates and figure builders."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from .datafiles import DATA_FILES
from .errors import DataProblem
from .models import PUBLISHED_FIELDS
from .references import RecordKey, Reference

THROUGH = ("figure", "chart")  # records whose sources count for whoever shows them
CITING = ("claim", "question", "term")  # records a reader sees as resting on a source
REMOVED_NAMES = {"claim": "Behauptung", "question": "Frage", "figure": "Zahl"}


class SiteData:
    """Everything in data/: each file's content under its name in the table of data files
    (`data.claims`, `data.site` …), lookups by id (`data.by_id["claim"]`) and who refers to whom.
    `language` is the edition's: the original's (site.yaml `language`) or a translation's, whose
    text the records then hold.
    """

    def __init__(
        self,
        content: dict[str, Any],
        references: list[Reference],
        warnings: list[DataProblem] | None = None,
        language: str | None = None,
    ) -> None:
        self._content = content
        self.language: str = language or content["site"].language
        self._named_by = _named_by(references)  # not the references: they hold the read files
        self.warnings = warnings or []  # not wrong, but not publishable: strict builds stop
        self.by_id: dict[str, dict[str, Any]] = {
            entry.record_type: {record.id: record for record in content[entry.attribute] or []}
            for entry in DATA_FILES
            if entry.record_type
        }

    def __getattr__(self, name: str) -> Any:
        try:
            return self.__dict__["_content"][name]
        except KeyError:
            raise AttributeError(name) from None

    def edition(self, content: dict[str, Any], language: str) -> SiteData:
        """The same data in a translation: `content` holds the records with the translated text
        (ids, references and warnings are the original's)."""
        edition = SiteData(content, [], self.warnings, language)
        edition._named_by = self._named_by
        return edition

    def sources_behind(self, key: RecordKey) -> set[str]:
        """Ids of the sources a claim or FAQ answer rests on: named directly, or behind the
        figures and charts it shows."""
        found: set[str] = set()
        for record_type, target in self._named_by[key]:
            if record_type == "source":
                found.add(target)
            elif record_type in THROUGH:
                found |= self.sources_behind((record_type, target))
        return found

    def citing(self, source_id: str) -> list[Any]:
        """Claims, FAQ answers and glossary terms that rest on the source, in data order."""
        return [
            record for key, record in self._citing_records if source_id in self._sources_of[key]
        ]

    @cached_property
    def _citing_records(self) -> list[tuple[RecordKey, Any]]:
        return [
            ((record_type, record.id), record)
            for record_type in CITING
            for record in self.by_id.get(record_type, {}).values()
        ]

    @cached_property
    def _sources_of(self) -> dict[RecordKey, set[str]]:
        return {key: self.sources_behind(key) for key, _ in self._citing_records}

    def unused_sources(self) -> list[str]:
        """Ids of sources no claim, FAQ answer or glossary term rests on."""
        return [source.id for source in self.sources if not self.citing(source.id)]

    @cached_property
    def corrections(self) -> list[tuple[Any, Any]]:
        """(claim, correction) for every correction on the site, newest first."""
        found = [(claim, item) for claim in self.claims for item in claim.corrections]
        return sorted(found, key=lambda pair: pair[1].date, reverse=True)

    @cached_property
    def correction_log(self) -> list[LoggedChange]:
        """Every correction of a claim, FAQ entry or figure and every removed record, newest
        first: the Korrekturen page."""
        found = [
            LoggedChange(record_type, record, item)
            for record_type in PUBLISHED_FIELDS
            for record in self.by_id[record_type].values()
            for item in record.corrections
        ]
        found += [LoggedChange(item.record, None, item) for item in self.site.removed]
        return sorted(found, key=lambda entry: entry.item.date, reverse=True)

    def questions_citing(self, claim_id: str) -> list[Any]:
        """FAQ entries that rely on the claim."""
        return [question for question in self.questions if claim_id in question.claims]

    def verdict_of(self, claim: Any) -> Any:
        """The claim's verdict (its record from verdicts.yaml)."""
        return self.by_id["verdict"][claim.verdict]

    @cached_property
    def verdict_counts(self) -> dict[str, int]:
        """Verdict id -> number of claims with that verdict, in scale order."""
        return {
            verdict.id: sum(claim.verdict == verdict.id for claim in self.claims)
            for verdict in self.verdicts
        }


@dataclass(frozen=True)
class LoggedChange:
    """An entry of the corrections log: a record's correction, or a record's removal."""

    record_type: str  # 'claim', 'question' or 'figure'
    record: Any | None  # None where the record was removed
    item: Any  # the Correction or the Removal: date and text

    @property
    def minor(self) -> bool:
        """A typo-level correction, shown folded."""
        return getattr(self.item, "minor", False)

    @property
    def shown_as(self) -> str:
        """What a reader calls the record: „Behauptung“, „Frage“, „Zahl“."""
        return REMOVED_NAMES[self.record_type]


def _named_by(references: list[Reference]) -> defaultdict[RecordKey, list[RecordKey]]:
    """Owner -> the records it names, from the references found while loading."""
    named: defaultdict[RecordKey, list[RecordKey]] = defaultdict(list)
    for reference in references:
        if reference.owner:
            named[reference.owner].append((reference.record_type, reference.target))
    return named
