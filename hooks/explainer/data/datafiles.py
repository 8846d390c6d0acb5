"""The data files of a site, each declared once.

The loader, the reference checks, the schema writer, the site data and the docs test all read
this table. Adding a data file means one entry here, its record model in models.py and its
section in data/README.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

from .models import (
    CHART_EMBEDS,
    SITE_IMAGE,
    Chart,
    Claim,
    Figure,
    Operator,
    Question,
    SiteInfo,
    Source,
    Term,
    Verdict,
)

# single: the file is one mapping; list: the file holds a list of records under one key;
# folder: a folder of files, each one record whose id is its file name.
Shape = Literal["single", "list", "folder"]


@dataclass(frozen=True)
class DataFile:
    """One kind of data file: where it lives, what it holds, how other files refer to it."""

    name: str  # 'claims' is data/claims.yaml; a folder 'series' is data/series/*.yaml
    model: type[BaseModel]  # the whole file (single) or one record (list, folder)
    attribute: str  # name in the site data and in pages; for a list, also its key in the file
    shape: Shape = "list"
    record_type: str | None = None  # what a reference to one of its records names: 'claim'
    required: bool = True
    min_records: int = 1
    reserved_ids: dict[str, str] = field(default_factory=dict)  # id -> what already uses it

    @property
    def pattern(self) -> str:
        """Path below data/: 'claims.yaml' or 'series/*.yaml'."""
        return f"{self.name}/*.yaml" if self.shape == "folder" else f"{self.name}.yaml"

    @cached_property
    def file_model(self) -> type[BaseModel]:
        """The model of one whole file: for a list, a mapping with the list under `attribute`."""
        if self.shape != "list":
            return self.model
        records = (list[self.model], Field(min_length=self.min_records))  # type: ignore[name-defined]
        config = ConfigDict(title=self.pattern, extra="forbid", frozen=True)
        return create_model(
            f"{self.model.__name__}File", __config__=config, **{self.attribute: records}
        )


DATA_FILES: tuple[DataFile, ...] = (
    DataFile("site", SiteInfo, "site", shape="single"),
    DataFile("sources", Source, "sources", record_type="source"),
    DataFile("verdicts", Verdict, "verdicts", record_type="verdict"),
    DataFile(
        "claims",
        Claim,
        "claims",
        record_type="claim",
        reserved_ids={
            SITE_IMAGE: "the site's share image (assets/share/site.png)",
            "index": "the claims overview (the claims folder's index.md)",
            CHART_EMBEDS: "the folder of the charts' embed pages (in the embed folder)",
        },
    ),
    DataFile("faq", Question, "questions", record_type="question"),
    DataFile("figures", Figure, "figures", record_type="figure", min_records=0),
    DataFile("glossary", Term, "terms", record_type="term", required=False),
    DataFile("series", Chart, "charts", shape="folder", record_type="chart", required=False),
    DataFile("operator", Operator, "operator", shape="single", required=False),
)

BY_RECORD_TYPE = {entry.record_type: entry for entry in DATA_FILES if entry.record_type}
