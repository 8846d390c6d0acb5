"""Write a JSON Schema per data file, generated from the models, for editors' YAML plugins.

Run `make schema` after changing hooks/explainer/models.py.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import BaseModel

from .models import (
    Chart,
    ClaimsFile,
    FaqFile,
    FiguresFile,
    Operator,
    SiteInfo,
    SourcesFile,
    VerdictsFile,
)

SCHEMAS: dict[str, type[BaseModel]] = {
    "site.schema.json": SiteInfo,
    "sources.schema.json": SourcesFile,
    "verdicts.schema.json": VerdictsFile,
    "claims.schema.json": ClaimsFile,
    "faq.schema.json": FaqFile,
    "figures.schema.json": FiguresFile,
    "series.schema.json": Chart,
    "operator.schema.json": Operator,
}


def schema_texts() -> dict[str, str]:
    """File name -> JSON Schema text, deterministic so that the committed files can be compared."""
    return {
        name: json.dumps(model.model_json_schema(), indent=2, ensure_ascii=False, sort_keys=True)
        + "\n"
        for name, model in SCHEMAS.items()
    }


def write_schemas(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in schema_texts().items():
        (folder / name).write_text(text, "utf-8")


if __name__ == "__main__":
    write_schemas(Path(sys.argv[1]))
