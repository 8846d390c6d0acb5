"""The reference for editors and the README cannot drift from the engine: every data file has its
heading, every field and every allowed value is documented, and counts are not typed in."""

from __future__ import annotations

import re
from typing import Any

import pytest
from conftest import ROOT
from explainer.data.chartkinds import CHART_KINDS
from explainer.data.datafiles import DATA_FILES
from explainer.data.modelfields import ModelField, every_field

REFERENCE = (ROOT / "data" / "README.md").read_text("utf-8")


def _every_field() -> list[ModelField]:
    return list(every_field(entry.model for entry in DATA_FILES))


@pytest.mark.parametrize("entry", DATA_FILES, ids=lambda entry: entry.pattern)
def test_every_data_file_has_its_heading(entry: Any) -> None:
    assert re.search(rf"^## `{re.escape(entry.pattern)}`", REFERENCE, re.MULTILINE), entry.pattern


def test_every_data_field_is_in_the_editors_reference() -> None:
    missing = [
        f"{field.owner.__name__}.{field.name}"
        for field in _every_field()
        if f"`{field.name}`" not in REFERENCE and f"`{field.name}:`" not in REFERENCE
    ]
    assert not missing, f"document these in data/README.md: {missing}"


def test_every_allowed_value_is_in_the_editors_reference() -> None:
    missing = {
        f"{field.owner.__name__}.{field.name}: {value}"
        for field in _every_field()
        for shape in field.shapes
        for value in shape.choices
        if f"`{value}`" not in REFERENCE
    }
    assert not missing, f"document these values in data/README.md: {sorted(missing)}"
    assert set(CHART_KINDS) <= set(re.findall(r"`(\w+)`", REFERENCE))


def test_readme_types_in_no_count_that_the_tests_can_derive() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert not re.search(r"\b\d+ (?:kinds of )?broken[- ]data", readme)
