"""Editors get JSON Schemas generated from the models, referenced from every data file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT
from explainer.schema import schema_texts

DATA = ROOT / "data"
SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")
DATA_FILES = sorted(DATA.glob("*.yaml")) + sorted((DATA / "series").glob("*.yaml"))


def test_committed_schemas_match_the_models() -> None:
    for name, text in schema_texts().items():
        committed = DATA / "schema" / name
        assert committed.read_text("utf-8") == text, f"{name} is stale: run make schema"


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda path: path.name)
def test_data_file_points_at_its_schema(path: Path) -> None:
    first_line = path.read_text("utf-8").splitlines()[0]
    match = SCHEMA_LINE.match(first_line)
    assert match, f"{path.name}: first line must be '# yaml-language-server: $schema=…'"
    schema = (path.parent / match.group(1)).resolve()
    expected = "series.schema.json" if path.parent.name == "series" else f"{path.stem}.schema.json"
    assert schema == DATA / "schema" / expected
