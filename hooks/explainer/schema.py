"""Write a JSON Schema per data file, generated from the models, for editors' YAML plugins.

Run `make schema` after changing hooks/explainer/models.py.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import BaseModel

from .models import FILE_MODELS, Chart

SCHEMAS: dict[str, type[BaseModel]] = {
    **{f"{Path(name).stem}.schema.json": model for name, model in FILE_MODELS.items()},
    "series.schema.json": Chart,
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
