"""The one walk over the models' fields and the markers on them (models.py: `RefersTo`, `RICH`,
`Prose`).

A field's annotation is read once into the shapes its value may take (`Shape`: a string with its
markers, a record of a nested model, a list of either, a fixed choice). The reference checks, the
text rules, the error messages, the open-data tables and the docs test all read fields through
here; none of them takes an annotation apart itself.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel

from .models import FIELD_MARKERS, RefersTo, TranslationOf

Location = tuple[str | int, ...]  # field names and list indices, as in yamlfile.Location


@dataclass(frozen=True)
class Shape:
    """One form a field's value may take: `inside` lists deep, of type `kind`, with markers."""

    kind: Any  # str, float, a model class, a Literal[...] …
    markers: tuple[object, ...]  # the field markers on a value of this form
    inside: int  # 0: the value itself; 1: the items of a list

    @property
    def model(self) -> type[BaseModel] | None:
        """The nested model, where this form is a record."""
        is_model = isinstance(self.kind, type) and issubclass(self.kind, BaseModel)
        return self.kind if is_model else None

    @property
    def choices(self) -> tuple[Any, ...]:
        """The allowed values, where this form is a fixed choice (Literal)."""
        return typing.get_args(self.kind) if typing.get_origin(self.kind) is typing.Literal else ()


@dataclass(frozen=True)
class ModelField:
    """One field of a model, with every form its value may take."""

    owner: type[BaseModel]
    name: str
    shapes: tuple[Shape, ...]

    def markers(self, inside: int = 0) -> tuple[object, ...]:
        """The markers on the value itself (`inside=0`) or on the items of a list (1)."""
        return tuple(marker for s in self.shapes if s.inside == inside for marker in s.markers)

    def refers_to(self, inside: int = 0) -> str | None:
        """The record type the value (or a list's items) names, if it is a reference."""
        found = [m.record_type for m in self.markers(inside) if isinstance(m, RefersTo)]
        return found[0] if found else None

    @property
    def models(self) -> tuple[type[BaseModel], ...]:
        """The nested models whose records the value holds, itself or as list items."""
        return tuple(shape.model for shape in self.shapes if shape.model)


@cache
def fields_of(model: type[BaseModel]) -> dict[str, ModelField]:
    """Field name -> field, in the model's order."""
    return {
        name: ModelField(model, name, tuple(_shapes(info.annotation, info.metadata, 0)))
        for name, info in model.model_fields.items()
    }


def written_fields(model: type[BaseModel]) -> list[str]:
    """Names of the fields an editor writes in the model's file: not those a translation sets."""
    return [
        name
        for name, field in fields_of(model).items()
        if not any(isinstance(marker, TranslationOf) for marker in field.markers())
    ]


def every_field(models: Iterable[type[BaseModel]]) -> Iterator[ModelField]:
    """Every field of the models and of the models nested in them, each model once."""
    seen: set[type[BaseModel]] = set()

    def walk(model: type[BaseModel]) -> Iterator[ModelField]:
        if model not in seen:
            seen.add(model)
            for field in fields_of(model).values():
                yield field
                for inner in field.models:
                    yield from walk(inner)

    for model in models:
        yield from walk(model)


def model_at(model: type[BaseModel], location: Location) -> type[BaseModel]:
    """The model of the record at `location` within a record of `model` (list indices skipped)."""
    for part in location:
        if isinstance(part, str):
            model = fields_of(model)[part].models[0]
    return model


def marked_values(
    model: type[BaseModel], content: Any, location: Location = ()
) -> Iterator[tuple[Location, object, str]]:
    """(location, marker, text) for every string in a marked field of `content` (a record as
    parsed or dumped, read as `model`), once per marker. Unknown fields and values of the wrong
    type are passed over: validation reports them."""
    if not isinstance(content, dict):
        return
    fields = fields_of(model)
    for name, value in content.items():
        if isinstance(name, str) and name in fields:
            yield from _values(fields[name].shapes, value, (*location, name))


def _values(
    shapes: Iterable[Shape], value: Any, location: Location
) -> Iterator[tuple[Location, object, str]]:
    items = [Shape(s.kind, s.markers, s.inside - 1) for s in shapes if s.inside]
    for shape in shapes:
        if shape.inside:
            continue
        if isinstance(value, str):
            for marker in shape.markers:
                yield location, marker, value
        elif shape.model:
            yield from marked_values(shape.model, value, location)
    if items and isinstance(value, list):
        for index, item in enumerate(value):
            yield from _values(items, item, (*location, index))


def _shapes(annotation: Any, metadata: Iterable[object], inside: int) -> Iterator[Shape]:
    """The forms of a value: Annotated adds markers, a union offers each branch, a list goes
    one level inside (its own markers stay on the list)."""
    origin, arguments = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        yield from _shapes(arguments[0], (*metadata, *arguments[1:]), inside)
    elif origin is list:
        yield from _shapes(arguments[0], (), inside + 1)
    elif origin in (typing.Union, types.UnionType):
        for argument in arguments:
            yield from _shapes(argument, metadata, inside)
    else:
        markers = tuple(item for item in metadata if isinstance(item, FIELD_MARKERS))
        yield Shape(annotation, markers, inside)
