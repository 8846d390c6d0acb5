"""JSON Schemas of the data files, generated from the models, for editors' YAML plugins.

Fields that refer to records of another file (a verdict, a source …) list the ids the data has
now, so that an editor's completion offers them. `make schema` writes them; a test keeps the
committed files current.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..data.datafiles import DATA_FILES
from ..data.models import REFERS_TO_KEY
from ..data.sitedata import SiteData
from ..store.atomicfile import write_if_changed


def schema_texts(data: SiteData) -> dict[str, str]:
    """File name -> JSON Schema text, deterministic so that the committed files can be compared."""
    ids = {record_type: sorted(records) for record_type, records in data.by_id.items()}
    texts = {}
    for entry in DATA_FILES:
        used: set[str] = set()
        schema = _with_id_lists(entry.file_model.model_json_schema(), used)
        for record_type in used:
            schema.setdefault("$defs", {})[_id_list(record_type)] = {"enum": ids[record_type]}
        text = json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True)
        texts[f"{entry.name}.schema.json"] = text + "\n"
    return texts


def write_schemas(data: SiteData, folder: Path) -> None:
    """Write the schemas that changed, each whole (raises OSError where one cannot be)."""
    for name, text in schema_texts(data).items():
        write_if_changed(folder / name, text.encode("utf-8"))


def _with_id_lists(schema: Any, used: set[str]) -> Any:
    """Replace every reference marker by a $ref to the list of ids it may take."""
    if isinstance(schema, list):
        return [_with_id_lists(item, used) for item in schema]
    if not isinstance(schema, dict):
        return schema
    result = {k: _with_id_lists(v, used) for k, v in schema.items() if k != REFERS_TO_KEY}
    if REFERS_TO_KEY in schema:
        used.add(schema[REFERS_TO_KEY])
        result["$ref"] = f"#/$defs/{_id_list(schema[REFERS_TO_KEY])}"
    return result


def _id_list(record_type: str) -> str:
    return f"{record_type}_ids"
