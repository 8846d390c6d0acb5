"""The validated data of one site, as handed to templates and figure builders."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from .models import Chart, Claim, Figure, Operator, Question, SiteInfo, Source, Verdict


@dataclass(frozen=True)
class SiteData:
    """Everything in data/, in file order, with lookups by id."""

    site: SiteInfo
    sources: list[Source]
    verdicts: list[Verdict]
    claims: list[Claim]
    questions: list[Question]
    figures: list[Figure]
    charts: list[Chart] = field(default_factory=list)
    operator: Operator | None = None  # from the optional operator.yaml

    @cached_property
    def source_by_id(self) -> dict[str, Source]:
        return {source.id: source for source in self.sources}

    @cached_property
    def verdict_by_id(self) -> dict[str, Verdict]:
        return {verdict.id: verdict for verdict in self.verdicts}

    @cached_property
    def claim_by_id(self) -> dict[str, Claim]:
        return {claim.id: claim for claim in self.claims}

    @cached_property
    def figure_by_id(self) -> dict[str, Figure]:
        return {figure.id: figure for figure in self.figures}

    @cached_property
    def chart_by_id(self) -> dict[str, Chart]:
        return {chart.id: chart for chart in self.charts}

    def questions_citing(self, claim_id: str) -> list[Question]:
        """FAQ entries that rely on the claim."""
        return [question for question in self.questions if claim_id in question.claims]

    @cached_property
    def verdict_counts(self) -> dict[str, int]:
        """Verdict id -> number of claims with that verdict, in scale order."""
        return {
            verdict.id: sum(claim.verdict == verdict.id for claim in self.claims)
            for verdict in self.verdicts
        }
