"""The field reference for editors cannot drift from the models: every field is documented."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from conftest import ROOT
from explainer.models import FILE_MODELS, Chart
from pydantic import BaseModel

REFERENCE = (ROOT / "data" / "README.md").read_text("utf-8")


def _fields(model: type[BaseModel], seen: set[type]) -> Iterator[tuple[str, str]]:
    if model in seen:
        return
    seen.add(model)
    for name, field in model.model_fields.items():
        yield model.__name__, name
        for inner in _models_in(field.annotation):
            yield from _fields(inner, seen)


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for argument in getattr(annotation, "__args__", ()):
        yield from _models_in(argument)


def test_every_data_field_is_in_the_editors_reference() -> None:
    seen: set[type] = set()
    missing = [
        f"{model}.{name}"
        for root in [*FILE_MODELS.values(), Chart]
        for model, name in _fields(root, seen)
        if f"`{name}`" not in REFERENCE and f"`{name}:`" not in REFERENCE
    ]
    assert not missing, f"document these in data/README.md: {missing}"
