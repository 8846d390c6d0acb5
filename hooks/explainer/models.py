"""Pydantic models of the data files: what each field holds and what it must look like.

The field descriptions end up in the JSON Schemas that editors' YAML plugins show as help. Two
markers say what the engine does with a field beyond validating it: `RefersTo` (the value is the
id of a record in another file: checked, and offered as a choice in the schema) and `RICH`
(Markdown that may call fig() and cite(): checked and rendered). The reference checks, the
schema writer and the renderer read these markers; nothing else lists such fields.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal
from urllib.parse import parse_qsl, urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from . import german
from .chartkinds import CHART_KINDS

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
REFERS_TO_KEY = "x-refers-to"  # schema key that schema.py replaces by the list of current ids
RICH_KEY = "x-rich"  # schema key marking rich text: opendata.py gives it as plain text
RICH_DESCRIPTION = "Markdown; may use {{ fig('id') }} and {{ cite('id') }}"


@dataclass(frozen=True)
class RefersTo:
    """Field marker: the value is the id of a record of another file ('source', 'claim' …)."""

    record_type: str

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> dict[str, Any]:
        schema = handler(core_schema)
        schema[REFERS_TO_KEY] = self.record_type
        return schema


@dataclass(frozen=True)
class Rich:
    """Field marker: Markdown that may use {{ fig('id') }} and {{ cite('id') }}."""

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> dict[str, Any]:
        schema = handler(core_schema)
        schema[RICH_KEY] = True
        return schema


RICH = Rich()

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def _no_date_opening_a_paragraph(text: str) -> str:
    """Markdown reads "27. Januar 2025 …" at the start of a paragraph as item 27 of a numbered
    list: the page would show "1." and lose the day."""
    months = "|".join(german.month_names())
    opening = rf"(?:\A|\n[ \t]*\n)[ \t]{{0,3}}(\d{{1,2}})\.[ \t]+({months})\b"
    if found := re.search(opening, text):
        day, month = found.groups()
        raise ValueError(
            f"a paragraph starting with '{day}. {month}' becomes a numbered list in Markdown "
            f"(expected '{day}\\. {month}' with the dot escaped, or another word first)"
        )
    return text


RichText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    AfterValidator(_no_date_opening_a_paragraph),
    Field(description=RICH_DESCRIPTION),
    RICH,
]
SourceId = Annotated[Id, RefersTo("source")]
VerdictId = Annotated[Id, RefersTo("verdict")]
ClaimId = Annotated[Id, RefersTo("claim")]
FigureId = Annotated[Id, RefersTo("figure")]
ChartId = Annotated[Id, RefersTo("chart")]
Color = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]


def _require_iso_text(value: object) -> object:
    if isinstance(value, datetime.date):
        return value
    if not isinstance(value, str):
        raise ValueError('expected a date written as "YYYY-MM-DD" in quotes')
    return value


def _require_web_address(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in value:
        raise ValueError("expected a web address starting with https://")
    return value


def _refuse_search_page(value: str) -> str:
    """A search-results page shows whatever the search finds today, not the document cited."""
    parts = urlsplit(value)
    query = {key.lower() for key, _ in parse_qsl(parts.query, keep_blank_values=True)}
    if "/search" in parts.path.lower() or query & SEARCH_PARAMETERS:
        raise ValueError(
            f"{value!r} is a search-results page (expected the address of the document itself)"
        )
    return value


def _require_known_date(value: object) -> str:
    """'2025-04-07'; where only the month or the year is known, '2025-04' or '2025'."""
    text = _require_iso_text(str(value) if isinstance(value, int) else value)
    text = text.isoformat() if isinstance(text, datetime.date) else text
    padding = {4: "-01-01", 7: "-01", 10: ""}.get(len(text))
    try:
        datetime.date.fromisoformat(text + (padding if padding is not None else "?"))
    except ValueError:
        raise ValueError(
            f'{text!r} is not a valid date (expected "YYYY-MM-DD", or "YYYY-MM" or "YYYY" if '
            "only the month or year is known, in quotes)"
        ) from None
    return text


SEARCH_PARAMETERS = {"q", "s", "query", "search"}

IsoDate = Annotated[datetime.date, BeforeValidator(_require_iso_text)]
KnownDate = Annotated[
    str,
    BeforeValidator(_require_known_date),
    Field(description='"YYYY-MM-DD", or "YYYY-MM" / "YYYY" where only the month / year is known'),
]
Url = Annotated[str, AfterValidator(_require_web_address)]
DocumentUrl = Annotated[Url, AfterValidator(_refuse_search_page)]
Unit = Literal["usd", "percent", "percentage_points", "points", "factor", "count", "date", "month"]
DATE_UNITS = ("date", "month")  # a date as value; "month": only the month is known
Qualifier = Literal["about", "more_than", "up_to", "at_least"]


class _Record(BaseModel):
    # No NaN or infinity: `.nan` and `.inf` are valid YAML numbers but no sourced value.
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


# ---------------------------------------------------------------------------------------------
# site.yaml
# ---------------------------------------------------------------------------------------------


class Article(_Record):
    """The article under review."""

    title: Text
    publisher: Text
    url: Url | None = None
    published: IsoDate | None = None
    note: RichText | None = None
    origin: RichText | None = Field(
        None,
        description="what is known about where the text comes from: as likelihood, with evidence",
    )


CHART_EMBEDS = "grafik"  # folder of the charts' embed pages, inside the embed folder


class Paths(_Record):
    """Where the generated pages live, relative to docs/."""

    claims: Id = "behauptungen"
    sources: Text = "quellen.md"
    faq: Text = "faq.md"
    glossary: Text = "glossar.md"
    numbers: Text = Field("zahlen.md", description="the numbers page, which describes the data")
    embed: Id = Field(
        "einbetten", description="folder of the pages other sites show in an <iframe>"
    )

    def claim_embed(self, claim_id: str) -> str:
        """Path below docs/ of a claim's embed page."""
        return f"{self.embed}/{claim_id}.md"

    def chart_embed(self, chart_id: str) -> str:
        """Path below docs/ of a chart's embed page."""
        return f"{self.embed}/{CHART_EMBEDS}/{chart_id}.md"


class License(_Record):
    """The licence under which anyone may reuse the site's own texts and data."""

    name: Text = Field(description="short name, e.g. 'CC BY 4.0'")
    title: Text = Field(
        description="full name, e.g. 'Creative Commons Namensnennung 4.0 International'"
    )
    url: Url = Field(description="the licence's own page")


class SiteInfo(_Record):
    """site.yaml: the site as a whole."""

    model_config = ConfigDict(title="site.yaml")

    title: Text
    updated: IsoDate = Field(description='"Stand:" date shown on every page')
    article: Article
    key_claims: list[ClaimId] = Field(
        [], description="claims the start page lists as key corrections"
    )
    key_figures: list[FigureId] = Field(
        [], description="figures the start page shows as key numbers"
    )
    paths: Paths = Paths()
    license: License | None = Field(
        None, description="licence of the site's own texts and data (not of the sources)"
    )


# ---------------------------------------------------------------------------------------------
# Records of the list files
# ---------------------------------------------------------------------------------------------


class Source(_Record):
    """A document the site relies on; cited by id. What was published (`url`, at the original
    publisher) is kept apart from what was read (`read_via`, a copy) and from `archive`."""

    id: Id
    publisher: Text
    title: Text = Field(description="the title as the publisher printed it")
    url: DocumentUrl | None = Field(
        None,
        description="the original publisher's address; leave it out (and say why in 'note') only "
        "where no original address could be established",
    )
    read_via: DocumentUrl | None = Field(
        None, description="the copy actually read, where the original could not be opened"
    )
    archive: Url | None = Field(None, description="an archived copy, e.g. the Wayback Machine's")
    published: KnownDate | None = Field(
        None, description="as precisely as known; leave it out (and say why) if unknown"
    )
    accessed: IsoDate | None = Field(None, description="the day `url` itself was opened, if it was")
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")] | None = None
    note: RichText | None = None

    @model_validator(mode="after")
    def _check_addresses(self) -> Source:
        if self.url is None and self.read_via is None:
            raise ValueError("needs 'url' (the original) or, if none is known, 'read_via'")
        if self.url is None and self.note is None:
            raise ValueError("without 'url', 'note' must say why no original address is known")
        if self.accessed and self.url is None:
            raise ValueError("'accessed' is the day 'url' was opened: leave it out without 'url'")
        return self


class Term(_Record):
    """A word readers may not know, explained where it appears and on the glossary page."""

    id: Id
    term: Text = Field(description="the word as it appears in the text, e.g. 'Token'")
    forms: list[Text] = Field([], description="other forms to mark too, e.g. 'Tokens'")
    explanation: Text = Field(description="one or two plain German sentences")
    source: SourceId | None = None


class Correction(_Record):
    """A published check changed: what was wrong, what changed, why."""

    date: IsoDate
    text: RichText


def _not_after_data_date(day: datetime.date, info: ValidationInfo, field: str) -> None:
    """A date after the data's own date ('updated' in site.yaml) cannot have happened yet."""
    data_date = (info.context or {}).get("data_date")
    if data_date and day > data_date:
        raise ValueError(
            f"{field} {day} lies after the date of the data (expected {data_date} or earlier, "
            "or update 'updated' in site.yaml)"
        )


def _not_before_check(day: datetime.date, info: ValidationInfo, field: str) -> None:
    checked = info.data.get("checked")
    if checked and day < checked:
        raise ValueError(f"{field} {day} lies before 'checked' (expected {checked} or later)")


class Verdict(_Record):
    """One step of the rating scale."""

    id: Id
    label: Text
    description: Text
    color: Color
    rated: bool = Field(True, description="false for opinions: labelled, not rated")


class Claim(_Record):
    """A statement of the article and our check of it."""

    id: Id
    quote: Text
    topic: Text
    verdict: VerdictId
    verdict_reason: RichText = Field(
        description="one sentence: why this verdict and not the neighbouring one on the scale"
    )
    summary: RichText
    evidence: RichText
    sources: list[SourceId] = Field(min_length=1)
    figures: list[FigureId] = []
    charts: list[ChartId] = []
    checked: IsoDate = Field(description="the day the check was done")
    updated: IsoDate | None = Field(None, description="the day of the last substantive change")
    corrections: list[Correction] = Field(
        [], description="what changed in a published check, and why"
    )

    @field_validator("checked")
    @classmethod
    def _check_checked(cls, day: datetime.date, info: ValidationInfo) -> datetime.date:
        _not_after_data_date(day, info, "checked")
        return day

    @field_validator("updated")
    @classmethod
    def _check_updated(
        cls, day: datetime.date | None, info: ValidationInfo
    ) -> datetime.date | None:
        if day is not None:
            _not_before_check(day, info, "updated")
            _not_after_data_date(day, info, "updated")
        return day

    @field_validator("corrections")
    @classmethod
    def _check_corrections(cls, items: list[Correction], info: ValidationInfo) -> list[Correction]:
        # An earlier correction may predate a later re-check ('checked'), so only the data date
        # bounds it.
        for index, item in enumerate(items):
            _not_after_data_date(item.date, info, f"corrections[{index}].date")
        return items

    @property
    def last_changed(self) -> datetime.date:
        """The day of the check, its last update or its last correction, whichever is latest."""
        return max([self.checked, self.updated or self.checked]
                   + [item.date for item in self.corrections])  # fmt: skip


class Question(_Record):
    """A FAQ entry: the article's question (or one readers ask) and our answer."""

    id: Id
    question: Text
    from_article: bool
    article_answer: RichText | None = None
    answer: RichText
    left_out: RichText | None = None
    claims: list[ClaimId] = []
    sources: list[SourceId] = []

    @model_validator(mode="after")
    def _check_article_answer(self) -> Question:
        if self.from_article and self.article_answer is None:
            raise ValueError("a question from the article needs 'article_answer'")
        if not self.from_article and self.article_answer is not None:
            raise ValueError("'article_answer' is only for questions with from_article: true")
        if not self.claims and not self.sources:
            raise ValueError("needs at least one entry in 'claims' or 'sources'")
        return self


class Figure(_Record):
    """A single sourced number (or date) that pages and texts print with fig('id')."""

    id: Id
    label: Text
    value: float | IsoDate = Field(description="number in base units, or a date for unit: date")
    unit: Unit
    counted: Text | None = Field(None, description="German plural noun for unit: count")
    per: Text | None = Field(None, description="for unit: usd, e.g. 'Million Tokens'")
    qualifier: Qualifier | None = None
    decimals: Annotated[int, Field(ge=0, le=3)] | None = None
    as_of: IsoDate
    source: SourceId
    note: RichText | None = None

    @model_validator(mode="after")
    def _check_unit(self) -> Figure:
        is_date = isinstance(self.value, datetime.date)
        if is_date != (self.unit in DATE_UNITS):
            raise ValueError("'value' must be a date exactly when 'unit' is date or month")
        if self.unit == "count" and self.counted is None:
            raise ValueError("unit: count needs 'counted' (what is counted, e.g. GPU-Stunden)")
        return self


class ChartPoint(_Record):
    """One sourced value of a chart."""

    label: Text = Field(description="category shown on the axis, or the trace name of a line")
    value: float
    date: IsoDate | None = Field(None, description="x position for line charts")
    group: Text | None = Field(None, description="series for grouped bars, e.g. '2024'")
    qualifier: Qualifier | None = Field(
        None, description="printed as 'rund', 'mehr als', 'bis zu', 'mindestens' in labels"
    )
    decimals: Annotated[int, Field(ge=0, le=3)] | None = Field(
        None, description="decimals to show, as for figures (default: as prose prints the value)"
    )
    source: SourceId
    note: Text | None = Field(None, description="caveat shown on hover and in the data table")


class ChartReference(_Record):
    """A labelled reference value drawn across the chart (e.g. a figure the article claims)."""

    label: Text
    value: float
    source: SourceId | None = Field(
        None, description="omit only for an unsourced claim being checked"
    )


class ChartAnnotation(_Record):
    """A text pinned to one point of a line chart."""

    date: IsoDate
    text: Text


ChartKindName = Literal[tuple(CHART_KINDS)]  # type: ignore[valid-type]


class Chart(_Record):
    """series/<id>.yaml: one chart, its words and its sourced points."""

    model_config = ConfigDict(title="series/*.yaml")

    id: Id = Field(description="must equal the file name without .yaml")
    kind: ChartKindName = Field(
        description="; ".join(f"{name}: {kind.description}" for name, kind in CHART_KINDS.items())
    )
    topic: Text = Field(description="heading the chart appears under on the numbers page")
    title: Text = Field(description="states the finding, e.g. 'Nvidia verlor am meisten'")
    subtitle: Text = Field(description="unit and date")
    description: Text = Field(description="what the chart shows, for screen readers")
    unit: Literal["usd", "percent", "points", "count"]
    counted: Text | None = None
    log_axis: bool = False
    note: RichText | None = None
    reference: ChartReference | None = None
    annotations: list[ChartAnnotation] = []
    points: list[ChartPoint] = Field(min_length=1)

    @model_validator(mode="after")
    def _check_kind(self) -> Chart:
        kind = CHART_KINDS[self.kind]
        position = kind.position
        if position and any(getattr(point, position) is None for point in self.points):
            raise ValueError(f"kind: {self.kind} needs '{position}' on every point")
        for feature in ("reference", "annotations"):
            if getattr(self, feature) and not getattr(kind, feature):
                allowed = " or ".join(
                    k for k, spec in CHART_KINDS.items() if getattr(spec, feature)
                )
                verb = "are" if feature.endswith("s") else "is"
                raise ValueError(f"'{feature}' {verb} only for kind: {allowed}")
        if self.log_axis and any(point.value <= 0 for point in self.points):
            raise ValueError("log_axis: true needs values above zero")
        if self.unit == "count" and self.counted is None:
            raise ValueError("unit: count needs 'counted' (what is counted, e.g. GPU-Stunden)")
        return self


# ---------------------------------------------------------------------------------------------
# operator.yaml (optional): who runs the site, for Impressum, Datenschutz and structured data
# ---------------------------------------------------------------------------------------------

EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


class Address(_Record):
    """A postal address that can be served with legal documents (no P.O. box)."""

    street: Text = Field(description="street and house number")
    postal_code: Text
    city: Text
    country: Text = "Deutschland"


class Reviewer(_Record):
    """A person who checks the claims, named on the Methodik page."""

    name: Text
    role: Text = Field(description="e.g. 'Recherche und Prüfung'")


class Operator(_Record):
    """operator.yaml: who runs the site (Impressum, Datenschutz, author of the fact checks)."""

    model_config = ConfigDict(title="operator.yaml")

    placeholder: bool = Field(
        False,
        description="true while the values are placeholders: every build says so, and a "
        "deploy build (CI_DEPLOY=1) stops",
    )
    name: Text = Field(description="person or organisation responsible for the site")
    address: Address
    email: Text
    phone: Text | None = None
    url: Url | None = Field(None, description="the operator's own web address, if any")
    responsible: Text | None = Field(
        None, description="responsible for the content (§ 18 Abs. 2 MStV); default: name"
    )
    reviewers: list[Reviewer] = Field([], description="who checks the claims")

    @model_validator(mode="after")
    def _check_email(self) -> Operator:
        if not self.placeholder and not re.match(EMAIL_PATTERN, self.email):
            raise ValueError(f"'email' must be an e-mail address, got {self.email!r}")
        return self
