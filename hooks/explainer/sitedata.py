"""The validated data of one site, as handed to templates and figure builders."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from .datafiles import DATA_FILES
from .references import RecordKey, Reference


class SiteData:
    """Everything in data/: each file's content under its name in the table of data files
    (`data.claims`, `data.site` …), lookups by id (`data.by_id["claim"]`) and who refers to whom.
    """

    def __init__(self, content: dict[str, Any], references: list[Reference]) -> None:
        self._content = content
        self.references = references
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

    def referring_to(self, record_type: str, record_id: str) -> list[RecordKey]:
        """Records that name this one, directly or in a text, in data order without repeats."""
        target = (record_type, record_id)
        owners = [
            reference.owner
            for reference in self.references
            if (reference.record_type, reference.target) == target and reference.owner
        ]
        return list(dict.fromkeys(owners))

    def questions_citing(self, claim_id: str) -> list[Any]:
        """FAQ entries that rely on the claim."""
        return [question for question in self.questions if claim_id in question.claims]

    @cached_property
    def verdict_counts(self) -> dict[str, int]:
        """Verdict id -> number of claims with that verdict, in scale order."""
        return {
            verdict.id: sum(claim.verdict == verdict.id for claim in self.claims)
            for verdict in self.verdicts
        }
