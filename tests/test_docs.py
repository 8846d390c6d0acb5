"""The reference for editors and the README cannot drift from the engine: every data file has its
heading, every field and every allowed value is documented, and counts are not typed in."""

from __future__ import annotations

import re
import typing
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import ROOT
from explainer.chartkinds import CHART_KINDS
from explainer.datafiles import DATA_FILES
from pydantic import BaseModel

REFERENCE = (ROOT / "data" / "README.md").read_text("utf-8")


def _fields(model: type[BaseModel], seen: set[type]) -> Iterator[tuple[str, str, Any]]:
    if model in seen:
        return
    seen.add(model)
    for name, field in model.model_fields.items():
        yield model.__name__, name, field.annotation
        for inner in _models_in(field.annotation):
            yield from _fields(inner, seen)


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for argument in typing.get_args(annotation):
        yield from _models_in(argument)


def _literal_values(annotation: Any) -> Iterator[str]:
    if typing.get_origin(annotation) is typing.Literal:
        yield from typing.get_args(annotation)
    for argument in typing.get_args(annotation):
        yield from _literal_values(argument)


def _every_field() -> list[tuple[str, str, Any]]:
    seen: set[type] = set()
    return [found for entry in DATA_FILES for found in _fields(entry.model, seen)]


@pytest.mark.parametrize("entry", DATA_FILES, ids=lambda entry: entry.pattern)
def test_every_data_file_has_its_heading(entry: Any) -> None:
    assert re.search(rf"^## `{re.escape(entry.pattern)}`", REFERENCE, re.MULTILINE), entry.pattern


def test_every_data_field_is_in_the_editors_reference() -> None:
    missing = [
        f"{model}.{name}"
        for model, name, _ in _every_field()
        if f"`{name}`" not in REFERENCE and f"`{name}:`" not in REFERENCE
    ]
    assert not missing, f"document these in data/README.md: {missing}"


def test_every_allowed_value_is_in_the_editors_reference() -> None:
    missing = {
        f"{model}.{name}: {value}"
        for model, name, annotation in _every_field()
        for value in _literal_values(annotation)
        if f"`{value}`" not in REFERENCE
    }
    assert not missing, f"document these values in data/README.md: {sorted(missing)}"
    assert set(CHART_KINDS) <= set(re.findall(r"`(\w+)`", REFERENCE))


def test_readme_types_in_no_count_that_the_tests_can_derive() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert not re.search(r"\b\d+ (?:kinds of )?broken[- ]data", readme)
