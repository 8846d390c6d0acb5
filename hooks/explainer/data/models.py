"""Pydantic models of the data files: what each field holds and what it must look like.

The field descriptions end up in the JSON Schemas that editors' YAML plugins show as help.
Markers say what the engine does with a field beyond validating it: `RefersTo` (the value is the
id of a record in another file: checked, and offered as a choice in the schema), `RICH`
(Markdown that may call fig() and cite(): checked and rendered), `Prose` (text that readers see:
spell-checked in German, and with `SENTENCES` finished sentences; a translation overlay holds
exactly these fields, overlay.py) and `TranslationOf` (a translation of a field that stays in the
original language in every edition, such as the article's quotes: set only from an overlay). The
engine reads them through modelfields.py (the schema writer through the JSON Schema key `RefersTo`
adds); nothing else lists such fields.
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
from pydantic.json_schema import SkipJsonSchema

from ..text import german
from .chartkinds import CHART_KINDS

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
# An id becomes a file name (<id>.md, <id>.png, <id>.csv) and part of an address: 80 characters
# still read as words in an address, far below the 255 bytes a file name may have.
MAX_ID_LENGTH = 80
PAGE_PATH_PATTERN = r"^([a-z0-9]+(-[a-z0-9]+)*/)*[a-z0-9]+(-[a-z0-9]+)*\.md$"
# Beyond 2**53, a float (and so plotly.js) no longer holds every whole number exactly; Babel's
# German formatting (28 decimal digits) fails outright from about 10**26.
MAX_MAGNITUDE = 2**53
# The data's date becomes the date of every built file: ZIP archives (the open-data package)
# cannot store a date before 1980, the gzip header of sitemap.xml.gz none after 7 February 2106.
EARLIEST_DATA_DATE = datetime.date(1980, 1, 1)
LATEST_DATA_DATE = datetime.date(2106, 2, 7)
REFERS_TO_KEY = "x-refers-to"  # schema key that schema.py replaces by the list of current ids
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


RICH = Rich()


def _short_enough(value: str) -> str:
    if len(value) > MAX_ID_LENGTH:
        raise ValueError(
            f"an id of {len(value)} characters is too long (expected at most {MAX_ID_LENGTH}: "
            "an id becomes a file name and part of an address)"
        )
    return value


def _within_magnitude(value: float) -> float:
    if abs(value) > MAX_MAGNITUDE:
        raise ValueError(
            f"{value!r} is too large to print and chart exactly (expected at most "
            f"{MAX_MAGNITUDE:,} either side of zero)"
        )
    return value


@dataclass(frozen=True)
class Prose:
    """Field marker: text readers see, spell-checked in the original's German (spelling.py)
    and translated in an overlay (overlay.py); with `sentences`, finished sentences: every
    paragraph ends with sentence punctuation (prose.py)."""

    sentences: bool


SENTENCES = Prose(sentences=True)  # paragraphs of finished sentences
WORDS = Prose(sentences=False)  # a label, title or name: words, not necessarily a sentence


@dataclass(frozen=True)
class TranslationOf:
    """Field marker: an edition's translation of the field `original`, whose text (the article's
    own words) every edition shows as written. Set from a translation overlay only."""

    original: str


FIELD_MARKERS = (
    RefersTo,
    Rich,
    Prose,
    TranslationOf,
)  # what the engine reads from a field's annotations

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN), AfterValidator(_short_enough)]
Number = Annotated[float, AfterValidator(_within_magnitude)]
PagePath = Annotated[
    str,
    StringConstraints(pattern=PAGE_PATH_PATTERN),
    Field(description="path of a page below docs/, e.g. 'quellen.md'"),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Words = Annotated[Text, WORDS]
Sentences = Annotated[Text, SENTENCES]
LanguageCode = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z]{2}$"),
    Field(description="ISO 639-1 code, e.g. 'de', 'en'"),
]


def _only_in_overlay(value: object, info: ValidationInfo) -> object:
    raise ValueError(
        f"'{info.field_name}' is written in a translation (data/<language>/), not in the original "
        "(remove it here)"
    )


def translation_of(original: str) -> Any:
    """The type of a field holding an edition's translation of `original`: left out of the
    original's schema and of its open data, refused in the original's files."""
    return Annotated[
        str | None, TranslationOf(original), AfterValidator(_only_in_overlay), SkipJsonSchema()
    ]


def translation_field() -> Any:
    return Field(None, exclude=True, description="set from the translation overlay only")


def _require_counted(unit: str, counted: str | None) -> None:
    """A count is printed with the noun it counts ('2.048 GPUs'), in figures and charts alike."""
    if unit == "count" and counted is None:
        raise ValueError("unit: count needs 'counted' (what is counted, e.g. GPU-Stunden)")


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
    SENTENCES,
]
SourceId = Annotated[Id, RefersTo("source")]
VerdictId = Annotated[Id, RefersTo("verdict")]
ClaimId = Annotated[Id, RefersTo("claim")]
FigureId = Annotated[Id, RefersTo("figure")]
ChartId = Annotated[Id, RefersTo("chart")]


class Checked(str):
    """A value whose form the model checked: pages print it in its own syntax, not as text
    (render.page_text)."""


class WebAddress(Checked):
    """A checked web address: pages print it as one link target."""


class CssColor(Checked):
    """A checked colour, '#1b5e20': pages print it into style attributes."""


Color = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$"), AfterValidator(CssColor)]


def _require_iso_text(value: object) -> object:
    if isinstance(value, datetime.date):
        return value
    if not isinstance(value, str):
        raise ValueError('expected a date written as "YYYY-MM-DD" in quotes')
    return value


def _require_web_address(value: str) -> WebAddress:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in value:
        raise ValueError("expected a web address starting with https://")
    return WebAddress(value)


def _refuse_search_page(value: str) -> str:
    """A search-results page shows whatever the search finds today, not the document cited."""
    parts = urlsplit(value)
    query = {key.lower() for key, _ in parse_qsl(parts.query, keep_blank_values=True)}
    searched = SEARCH_PARAMETERS | (ROOT_SEARCH_PARAMETERS if parts.path in ("", "/") else set())
    if "/search" in parts.path.lower() or query & searched:
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


SEARCH_PARAMETERS = {"q", "query", "search"}
# A search only at a site's root (WordPress: https://example.org/?s=term); on another path, `s`
# may name what the document is about (Stooq: /q/d/l/?s=nvda.us, a share's prices).
ROOT_SEARCH_PARAMETERS = {"s"}

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

    title: Words
    title_translation: translation_of("title") = translation_field()
    publisher: Text
    url: Url | None = None
    published: IsoDate | None = None
    note: RichText | None = None
    origin: RichText | None = Field(
        None,
        description="what is known about where the text comes from: as likelihood, with evidence",
    )


FOLDER_PATHS = ("claims", "embed")  # the other paths are pages


def _address(path: str, is_folder: bool) -> str:
    """The address below the site of a page or folder ('faq.md' -> 'faq/'), as MkDocs makes it."""
    if is_folder:
        return f"{path}/"
    stem = path.removesuffix(".md")
    return stem.removesuffix("index") if stem.split("/")[-1] == "index" else f"{stem}/"


def _overlap(first: tuple[str, bool], second: tuple[str, bool]) -> bool:
    """Two paths overlap when they have the same address or one is inside the other's folder."""
    one, other = _address(*first), _address(*second)
    return (
        one == other
        or (first[1] and other.startswith(one))
        or (second[1] and one.startswith(other))
    )


CHART_EMBEDS = "grafik"  # folder of the charts' embed pages, inside the embed folder
SITE_IMAGE = "site"  # name of the site-wide share image; claim images are named by claim id


class Paths(_Record):
    """Where the generated pages live, relative to docs/."""

    claims: Id = Field("behauptungen", description="folder of the claim pages and their overview")
    sources: PagePath = "quellen.md"
    faq: PagePath = "faq.md"
    glossary: PagePath = "glossar.md"
    numbers: PagePath = Field("zahlen.md", description="the numbers page, which describes the data")
    embed: Id = Field(
        "einbetten", description="folder of the pages other sites show in an <iframe>"
    )

    @field_validator("sources", "faq", "glossary", "numbers", "embed")
    @classmethod
    def _apart(cls, value: str, info: ValidationInfo) -> str:
        """Every path needs addresses of its own: an embed folder that is the claims folder
        would make every claim page an embed card."""
        is_folder = info.field_name in FOLDER_PATHS
        for name, other in info.data.items():
            if _overlap((value, is_folder), (other, name in FOLDER_PATHS)):
                raise ValueError(
                    f"{value!r} overlaps '{name}: {other}' (expected a "
                    f"{'folder' if is_folder else 'page'} whose address no other path uses)"
                )
        return value

    def claim_page(self, claim_id: str) -> str:
        """Path below docs/ of a claim's page."""
        return f"{self.claims}/{claim_id}.md"

    def claims_overview(self) -> str:
        """Path below docs/ of the page that lists every claim (written by hand)."""
        return f"{self.claims}/index.md"

    def claim_embed(self, claim_id: str) -> str:
        """Path below docs/ of a claim's embed page."""
        return f"{self.embed}/{claim_id}.md"

    def chart_embed(self, chart_id: str) -> str:
        """Path below docs/ of a chart's embed page."""
        return f"{self.embed}/{CHART_EMBEDS}/{chart_id}.md"


class License(_Record):
    """The licence under which anyone may reuse the site's own texts and data."""

    name: Text = Field(description="short name, e.g. 'CC BY 4.0'")
    title: Words = Field(
        description="full name, e.g. 'Creative Commons Namensnennung 4.0 International'"
    )
    url: Url = Field(description="the licence's own page")


# What readers rely on, per kind of record: published.py keeps it after each release, and a
# change needs a correction; a removed record of these kinds is logged in site.yaml `removed`.
PUBLISHED_FIELDS = {
    "claim": ("verdict", "summary", "sources"),
    "question": ("answer",),
    "figure": ("value", "unit", "qualifier", "as_of"),
}


class Removal(_Record):
    """A published claim, FAQ entry or figure taken off the site: when, and why."""

    record: Literal[tuple(PUBLISHED_FIELDS)]  # type: ignore[valid-type]
    id: Id
    date: IsoDate
    text: RichText


class SiteInfo(_Record):
    """site.yaml: the site as a whole."""

    model_config = ConfigDict(title="site.yaml")

    title: Words
    updated: IsoDate = Field(description='"Stand:" date shown on every page')
    description: Sentences | None = Field(
        None,
        exclude=True,  # the site's self-description, not checked content: not in the open data
        description="one or two sentences on what the site is: the description search engines and "
        "share previews show for pages without their own (else site_description in mkdocs.yml)",
    )
    # How the site is built, not what it says: left out of the open data (exclude).
    language: LanguageCode = Field(
        "de", exclude=True, description="language of the original edition"
    )
    translations: list[LanguageCode] = Field(
        [],
        exclude=True,
        description="languages of the translated editions, each with its data/<code>/ overlay",
    )

    @field_validator("translations")
    @classmethod
    def _check_translations(cls, codes: list[str], info: ValidationInfo) -> list[str]:
        original = info.data.get("language")
        for index, code in enumerate(codes):
            if code == original or code in codes[:index]:
                raise ValueError(
                    f"translations[{index}] {code!r} is "
                    + ("the original's language" if code == original else "named twice")
                    + " (expected each translated language once)"
                )
        return codes

    @field_validator("updated")
    @classmethod
    def _check_updated(cls, day: datetime.date) -> datetime.date:
        if not EARLIEST_DATA_DATE <= day <= LATEST_DATA_DATE:
            raise ValueError(
                f"{day} cannot be the date of the built files (expected a day from "
                f"{EARLIEST_DATA_DATE} to {LATEST_DATA_DATE}: ZIP archives and gzip files "
                "store no other)"
            )
        return day

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
    removed: list[Removal] = Field(
        [], description="published claims, FAQ entries and figures taken off the site, and why"
    )

    @field_validator("removed")
    @classmethod
    def _check_removed(cls, items: list[Removal], info: ValidationInfo) -> list[Removal]:
        updated = info.data.get("updated")
        for index, item in enumerate(items):
            if updated and item.date > updated:
                raise ValueError(
                    f"removed[{index}].date {item.date} lies after 'updated' (expected "
                    f"{updated} or earlier)"
                )
        return items


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
    term: Words = Field(description="the word as it appears in the text, e.g. 'Token'")
    forms: list[Words] = Field([], description="other forms to mark too, e.g. 'Tokens'")
    explanation: Sentences = Field(description="one or two plain German sentences")
    source: SourceId | None = None


class Correction(_Record):
    """A published check changed: what was wrong, what changed, why."""

    date: IsoDate
    text: RichText
    minor: bool = Field(
        False,
        description="true for a typo-level edit that changes no statement: shown folded",
    )


def _not_after_data_date(day: datetime.date, info: ValidationInfo, field: str) -> None:
    """A date after the data's own date ('updated' in site.yaml) cannot have happened yet."""
    data_date = (info.context or {}).get("data_date")
    if data_date and day > data_date:
        raise ValueError(
            f"{field} {day} lies after the date of the data (expected {data_date} or earlier, "
            "or update 'updated' in site.yaml)"
        )


def _corrections_until_data_date(items: list[Correction], info: ValidationInfo) -> list[Correction]:
    for index, item in enumerate(items):
        _not_after_data_date(item.date, info, f"corrections[{index}].date")
    return items


CORRECTIONS_DESCRIPTION = "what changed since publication, and why"


def _not_before_check(day: datetime.date, info: ValidationInfo, field: str) -> None:
    checked = info.data.get("checked")
    if checked and day < checked:
        raise ValueError(f"{field} {day} lies before 'checked' (expected {checked} or later)")


class Verdict(_Record):
    """One step of the rating scale."""

    id: Id
    label: Words
    description: Sentences
    color: Color
    rated: bool = Field(True, description="false for opinions: labelled, not rated")


class Claim(_Record):
    """A statement of the article and our check of it."""

    id: Id
    quote: Words
    quote_translation: translation_of("quote") = translation_field()
    topic: Words
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

    # An earlier correction may predate a later re-check ('checked'): only the data date bounds it.
    _check_corrections = field_validator("corrections")(_corrections_until_data_date)

    @property
    def last_changed(self) -> datetime.date:
        """The day of the check, its last update or its last correction, whichever is latest."""
        return max([self.checked, self.updated or self.checked]
                   + [item.date for item in self.corrections])  # fmt: skip


class Question(_Record):
    """A FAQ entry: the article's question (or one readers ask) and our answer."""

    id: Id
    question: Words
    from_article: bool
    article_answer: RichText | None = None
    article_answer_translation: translation_of("article_answer") = translation_field()
    answer: RichText
    left_out: RichText | None = None
    claims: list[ClaimId] = []
    sources: list[SourceId] = []
    corrections: list[Correction] = Field([], description=CORRECTIONS_DESCRIPTION)

    _check_corrections = field_validator("corrections")(_corrections_until_data_date)

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
    label: Words
    value: Number | IsoDate = Field(description="number in base units, or a date for unit: date")
    unit: Unit
    counted: Words | None = Field(None, description="German plural noun for unit: count")
    per: Words | None = Field(None, description="for unit: usd, e.g. 'Million Tokens'")
    qualifier: Qualifier | None = None
    decimals: Annotated[int, Field(ge=0, le=3)] | None = None
    as_of: IsoDate
    source: SourceId
    note: RichText | None = None
    corrections: list[Correction] = Field([], description=CORRECTIONS_DESCRIPTION)

    _check_corrections = field_validator("corrections")(_corrections_until_data_date)

    @model_validator(mode="after")
    def _check_unit(self) -> Figure:
        is_date = isinstance(self.value, datetime.date)
        if is_date != (self.unit in DATE_UNITS):
            raise ValueError("'value' must be a date exactly when 'unit' is date or month")
        _require_counted(self.unit, self.counted)
        return self


class ChartPoint(_Record):
    """One sourced value of a chart."""

    label: Words = Field(description="category shown on the axis, or the trace name of a line")
    value: Number
    date: IsoDate | None = Field(None, description="x position for line charts")
    group: Words | None = Field(None, description="series for grouped bars, e.g. '2024'")
    qualifier: Qualifier | None = Field(
        None, description="printed as 'rund', 'mehr als', 'bis zu', 'mindestens' in labels"
    )
    decimals: Annotated[int, Field(ge=0, le=3)] | None = Field(
        None, description="decimals to show, as for figures (default: as prose prints the value)"
    )
    source: SourceId
    note: Words | None = Field(None, description="caveat shown on hover and in the data table")


class ChartReference(_Record):
    """A labelled reference value drawn across the chart (e.g. a figure the article claims)."""

    label: Words
    value: Number
    source: SourceId | None = Field(
        None, description="omit only for an unsourced claim being checked"
    )


class ChartAnnotation(_Record):
    """A text pinned to one point of a line chart."""

    date: IsoDate
    text: Words


ChartKindName = Literal[tuple(CHART_KINDS)]  # type: ignore[valid-type]


class Chart(_Record):
    """series/<id>.yaml: one chart, its words and its sourced points."""

    model_config = ConfigDict(title="series/*.yaml")

    id: Id = Field(description="must equal the file name without .yaml")
    kind: ChartKindName = Field(
        description="; ".join(f"{name}: {kind.description}" for name, kind in CHART_KINDS.items())
    )
    topic: Words = Field(description="heading the chart appears under on the numbers page")
    title: Words = Field(description="states the finding, e.g. 'Nvidia verlor am meisten'")
    subtitle: Words = Field(description="unit and date")
    description: Sentences = Field(description="what the chart shows, for screen readers")
    unit: Literal["usd", "percent", "points", "count"]
    counted: Words | None = None
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
        if self.log_axis and any(value <= 0 for value in self._values()):
            raise ValueError("log_axis: true needs values above zero")
        self._check_value_axis()
        _require_counted(self.unit, self.counted)
        return self

    @field_validator("points")
    @classmethod
    def _one_value_per_place(cls, points: list[ChartPoint]) -> list[ChartPoint]:
        """Two values at one place: the plot would show one, the table and the drawing both."""
        first_at: dict[tuple[object, ...], int] = {}
        for index, point in enumerate(points):
            place = (point.label, point.date, point.group)
            if place in first_at:
                where = " ".join(str(part) for part in place if part is not None)
                raise ValueError(
                    f"points[{index}] repeats the place of points[{first_at[place]}] ({where}) "
                    "(expected one value per label, date and group)"
                )
            first_at[place] = index
        return points

    def _values(self) -> list[float]:
        """Every value on the value axis: the points' and the reference line's."""
        return [point.value for point in self.points] + (
            [self.reference.value] if self.reference else []
        )

    def _check_value_axis(self) -> None:
        """Values that leave the value axis no range cannot be drawn."""
        values = set(self._values())
        if values == {0}:
            raise ValueError(
                "every value is 0: the value axis has no range (expected a value other than 0)"
            )
        if CHART_KINDS[self.kind].own_range and len(values) < 2:
            raise ValueError(
                f"kind: {self.kind} needs at least two different values: with one, the value "
                "axis has no range (show a single value as a figure or a bar)"
            )


# ---------------------------------------------------------------------------------------------
# operator.yaml (optional): who runs the site, for Impressum, Datenschutz and structured data
# ---------------------------------------------------------------------------------------------

# An address and nothing more: no name, no "mailto:", no "?cc=" or other header a mail link
# could carry (letters, digits and . _ % + - before the @, a domain with at least one dot).
EMAIL_PATTERN = r"^[\w.%+-]+@[\w-]+(\.[\w-]+)+$"
EMAIL_PLACEHOLDER_PATTERN = r"^\[[\w -]+\]$"  # '[E-Mail-Adresse]', while placeholder: true


class Address(_Record):
    """A postal address that can be served with legal documents (no P.O. box)."""

    street: Text = Field(description="street and house number")
    postal_code: Text
    city: Text
    country: Text = "Deutschland"


class Reviewer(_Record):
    """A person who checks the claims, named on the Methodik page."""

    name: Text
    role: Words = Field(description="e.g. 'Recherche und Prüfung'")


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
    email: Text = Field(description="the address alone, e.g. 'redaktion@example.org'")
    phone: Text | None = None
    url: Url | None = Field(None, description="the operator's own web address, if any")
    responsible: Text | None = Field(
        None, description="responsible for the content (§ 18 Abs. 2 MStV); default: name"
    )
    reviewers: list[Reviewer] = Field([], description="who checks the claims")

    @field_validator("email")
    @classmethod
    def _check_email(cls, email: str, info: ValidationInfo) -> str:
        if re.fullmatch(EMAIL_PATTERN, email) or (
            info.data.get("placeholder") and re.fullmatch(EMAIL_PLACEHOLDER_PATTERN, email)
        ):
            return email
        raise ValueError(
            f"{email!r} is not an e-mail address alone (expected e.g. 'redaktion@example.org', "
            "without name, 'mailto:' or '?')"
        )
