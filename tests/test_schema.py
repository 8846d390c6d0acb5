"""Editors get JSON Schemas generated from the models, referenced from every data file; fields
that refer to other records offer the current ids."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import ROOT
from explainer.data.datafiles import DATA_FILES
from explainer.data.sitedata import SiteData
from explainer.outputs.schema import schema_texts

DATA = ROOT / "data"
SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")
DATA_FILES_ON_DISK = sorted(DATA.glob("*.yaml")) + sorted((DATA / "series").glob("*.yaml"))


def test_committed_schemas_match_the_models_and_the_data(data: SiteData) -> None:
    for name, text in schema_texts(data).items():
        committed = DATA / "schema" / name
        assert committed.read_text("utf-8") == text, f"{name} is stale: run make schema"


def test_reference_fields_offer_the_current_ids(data: SiteData) -> None:
    claims = json.loads(schema_texts(data)["claims.schema.json"])
    assert claims["$defs"]["verdict_ids"]["enum"] == sorted(v.id for v in data.verdicts)
    assert claims["$defs"]["source_ids"]["enum"] == sorted(s.id for s in data.sources)
    claim = claims["$defs"]["Claim"]["properties"]
    assert claim["verdict"]["$ref"] == "#/$defs/verdict_ids"
    assert claim["sources"]["items"]["$ref"] == "#/$defs/source_ids"


@pytest.mark.parametrize("path", DATA_FILES_ON_DISK, ids=lambda path: path.name)
def test_data_file_points_at_its_schema(path: Path) -> None:
    first_line = path.read_text("utf-8").splitlines()[0]
    match = SCHEMA_LINE.match(first_line)
    assert match, f"{path.name}: first line must be '# yaml-language-server: $schema=…'"
    schema = (path.parent / match.group(1)).resolve()
    folder = path.parent.name if path.parent != DATA else None
    expected = folder or path.stem
    assert expected in {entry.name for entry in DATA_FILES}, path
    assert schema == DATA / "schema" / f"{expected}.schema.json"
