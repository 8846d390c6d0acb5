"""Translations of the data: `data/<lang>/<file>` holds, record by record, the text of every field
readers see (an overlay). Verdicts, values, dates, sources and addresses live in the original alone.

An overlay's models are generated from the original's: a field marked `Prose` or `RICH` (and a
`TranslationOf` field, the translation of a quote that stays as written) keeps its type; a record
keeps its id as the key; every other field is refused with a message that says where to change
it. List records are matched by id, the records inside them (corrections, chart points) by
position. `check_overlay` names every gap with file, line and field; `translated` lays the checked
overlay over the original's records.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, create_model

from ..text import richtext
from .datafiles import DATA_FILES, DataFile
from .errors import DataProblem
from .modelfields import ModelField, fields_of
from .models import RICH, Id, Prose, Rich, TranslationOf
from .prose import check_prose
from .references import ParsedFile, text_references
from .validate import validate_file
from .yamlfile import Location, YamlFile, read_yaml_file

# Who runs the site (Impressum, Datenschutz) stays in the original language: the law asks for it.
UNTRANSLATED = ("operator",)
TEXT_MARKERS = (Prose, Rich, TranslationOf)


class OverlayRecord(BaseModel):
    """Base of the generated overlay models: names the original's file in its messages."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    original_file: ClassVar[str] = "the original file"
    original_fields: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def unknown_field_message(cls, name: str) -> str | None:
        """Why a field of the original is refused here (validate.py asks for unknown fields);
        None for a field the original does not have either."""
        if name not in cls.original_fields:
            return None
        return (
            f"'{name}' is not translated: it is the same in every edition (change it in the "
            f"original file, {cls.original_file}, and remove it here)"
        )


@dataclass(frozen=True)
class Overlay:
    """One edition's overlay file, read and validated, beside its original."""

    original: ParsedFile
    file: YamlFile
    value: Any  # the validated overlay: a model, or a list of records for a list file


def overlay_entries() -> list[DataFile]:
    """The data files that have a translation."""
    return [entry for entry in DATA_FILES if entry.name not in UNTRANSLATED]


@cache
def overlay_model(model: type[BaseModel], original_file: str, keyed: bool) -> type[BaseModel]:
    """The overlay of one record of `model`: its text fields, its id (`keyed`) as the key."""
    fields: dict[str, Any] = {"id": (Id, ...)} if keyed else {}
    for name, field in fields_of(model).items():
        annotation = _overlay_annotation(model, field, original_file)
        if annotation is not None:
            fields[name] = (annotation, Field(None))
    overlay = create_model(f"{model.__name__}Overlay", __base__=OverlayRecord, **fields)
    overlay.original_file = original_file
    overlay.original_fields = tuple(model.model_fields)
    return overlay


def overlay_file_model(entry: DataFile, original_file: str) -> type[BaseModel]:
    """The model of a whole overlay file, as `DataFile.file_model` for the original."""
    record = overlay_model(entry.model, original_file, entry.shape == "list")
    if entry.shape != "list":
        return record
    overlay = create_model(
        f"{record.__name__}File", __base__=OverlayRecord, **{entry.attribute: (list[record], ...)}
    )
    overlay.original_file = original_file
    return overlay


def _overlay_annotation(model: type[BaseModel], field: ModelField, original_file: str) -> Any:
    """The type of a field in the overlay; None where the field is not translated."""
    if translation := _translation_marker(field):
        return _annotation(model, translation.original)
    if _is_text(field) and not _has_translation_field(model, field.name):
        return _annotation(model, field.name)
    inner = [m for m in field.models if _translatable_fields(m)]
    if not inner:
        return None
    nested = overlay_model(inner[0], original_file, keyed=False)
    return list[nested] if any(shape.inside for shape in field.shapes) else nested


def _annotation(model: type[BaseModel], name: str) -> Any:
    """The field's type with its constraints and markers, as the original declares it."""
    info = model.model_fields[name]
    return Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation


def _is_text(field: ModelField) -> bool:
    markers = field.markers(0) + field.markers(1)
    return any(isinstance(marker, TEXT_MARKERS) for marker in markers)


def _translation_marker(field: ModelField) -> TranslationOf | None:
    found = [m for m in field.markers() if isinstance(m, TranslationOf)]
    return found[0] if found else None


def _has_translation_field(model: type[BaseModel], name: str) -> bool:
    """The field is the article's wording, translated in another field ('quote_translation')."""
    return any(
        (marker := _translation_marker(other)) and marker.original == name
        for other in fields_of(model).values()
    )


@cache
def _translatable_fields(model: type[BaseModel]) -> tuple[str, ...]:
    return tuple(overlay_model(model, "", keyed=False).model_fields)


# ---------------------------------------------------------------------------------------------
# Reading and checking an edition's overlay
# ---------------------------------------------------------------------------------------------


def read_overlays(
    data_dir: Path, language: str, originals: list[ParsedFile], shown_as: str = "data"
) -> tuple[list[Overlay], list[DataProblem]]:
    """Read and validate `data_dir`/<language>/ file by file; every problem found."""
    overlays: list[Overlay] = []
    problems: list[DataProblem] = []
    by_path = {parsed.file.path.relative_to(data_dir): parsed for parsed in originals}
    for entry in overlay_entries():
        for relative, original in sorted(by_path.items()):
            if original.entry is entry:
                found, found_problems = _read_overlay(
                    data_dir, language, relative, original, shown_as
                )
                overlays += [found] if found else []
                problems += found_problems
        problems += _unknown_files(data_dir, language, entry, by_path, shown_as)
    return overlays, problems


def _read_overlay(
    data_dir: Path, language: str, relative: Path, original: ParsedFile, shown_as: str
) -> tuple[Overlay | None, list[DataProblem]]:
    path = data_dir / language / relative
    name = f"{shown_as}/{language}/{relative.as_posix()}"
    if not path.exists():
        message = f"missing: the translation of {original.file.display_name}"
        return None, [DataProblem(name, 0, (), message)]
    file, problems = read_yaml_file(path, name)
    if file is None:
        return None, problems
    model = overlay_file_model(original.entry, original.file.display_name)
    value, invalid = validate_file(file, model)
    problems += invalid
    if value is None:
        return None, problems
    if original.entry.shape == "list":
        value = getattr(value, original.entry.attribute)
    overlay = Overlay(original, file, value)
    record_model = overlay_model(
        original.entry.model, original.file.display_name, original.entry.shape == "list"
    )
    problems += check_prose(
        [ParsedFile(replace(original.entry, model=record_model), file)], german=False
    )
    return overlay, problems


def _unknown_files(
    data_dir: Path,
    language: str,
    entry: DataFile,
    originals: dict[Path, ParsedFile],
    shown_as: str,
) -> list[DataProblem]:
    """An overlay file whose original does not exist: its text would be shown nowhere."""
    folder = data_dir / language
    paths = sorted(folder.glob(entry.pattern)) if folder.is_dir() else []
    return [
        DataProblem(
            f"{shown_as}/{language}/{path.relative_to(folder).as_posix()}",
            0,
            (),
            f"no original {shown_as}/{path.relative_to(folder).as_posix()} to translate "
            "(remove the file, or rename it after its original)",
        )
        for path in paths
        if path.relative_to(folder) not in originals
    ]


def check_overlay(overlay: Overlay, original_value: Any) -> list[DataProblem]:
    """Every record and field of the original missing in the overlay, every unknown id, and
    every text whose fig()/cite() calls differ from the original's."""
    entry = overlay.original.entry
    if entry.shape != "list":
        return list(_compare_record(overlay, original_value, overlay.value, ()))
    problems = []
    given: dict[str, int] = {}  # id -> index of its first translation
    for index, record in enumerate(overlay.value):
        given.setdefault(record.id, index)
    known = {record.id: index for index, record in enumerate(original_value)}
    for index, record in enumerate(overlay.value):
        if record.id not in known:
            message = (
                f"{record.id!r} is not a {entry.record_type} of "
                f"{overlay.original.file.display_name} (expected the id of a record there)"
            )
            problems.append(overlay.file.problem((entry.attribute, index, "id"), message))
        elif given[record.id] != index:
            problems.append(
                overlay.file.problem(
                    (entry.attribute, index, "id"), f"{record.id!r} is translated twice"
                )
            )
        else:
            location = (entry.attribute, index)
            original = original_value[known[record.id]]
            problems += _compare_record(
                overlay, original, record, location, (entry.attribute, known[record.id])
            )
    for record_id_, index in known.items():
        if record_id_ not in given:
            where = _where(overlay, (entry.attribute, index))
            message = f"{entry.record_type} {record_id_!r} has no translation (original: {where})"
            problems.append(overlay.file.problem((entry.attribute,), message))
    return problems


def _compare_record(
    overlay: Overlay,
    original: BaseModel,
    given: BaseModel,
    location: Location,
    original_location: Location = (),
) -> Iterator[DataProblem]:
    for name in type(given).model_fields:
        if name == "id":
            continue
        marker = _translation_marker(fields_of(type(original))[name])
        source_name = marker.original if marker else name
        field = fields_of(type(original))[source_name]
        text, translation = getattr(original, source_name), getattr(given, name)
        here, there = (*location, name), (*original_location, source_name)
        if field.markers(1):
            continue  # a list of words ('forms') is as long as the language needs
        if text in (None, []):
            if translation not in (None, []):
                yield overlay.file.problem(here, (
                    f"translates nothing: the original has no '{source_name}' "
                    f"({_where(overlay, original_location)}; remove it here)"))  # fmt: skip
        elif translation is None:
            yield overlay.file.problem(here, f"no translation (original: {_where(overlay, there)})")
        elif field.models and isinstance(text, list):
            yield from _compare_items(overlay, text, translation, here, there)
        elif field.models:
            yield from _compare_record(overlay, text, translation, here, there)
        elif RICH in field.markers():
            yield from _compare_calls(overlay, text, translation, here, there)


def _compare_items(
    overlay: Overlay,
    texts: list[BaseModel],
    translations: list[BaseModel],
    here: Location,
    there: Location,
) -> Iterator[DataProblem]:
    """Records inside a record (corrections, chart points): the same number, in the same order."""
    if len(texts) != len(translations):
        yield overlay.file.problem(
            here,
            (
                f"{len(translations)} entries, the original has {len(texts)} "
                f"({_where(overlay, there)}): translate each one, in the original's order"
            ),
        )
        return
    for index, (text, translation) in enumerate(zip(texts, translations, strict=True)):
        yield from _compare_record(overlay, text, translation, (*here, index), (*there, index))


def _compare_calls(
    overlay: Overlay, text: str, translation: str, here: Location, there: Location
) -> Iterator[DataProblem]:
    """fig() and cite() one for one: a translation shows the same numbers and sources."""
    found, problem = text_references(overlay.file, here, translation)
    if problem:
        yield problem
        return
    original_calls, _ = text_references(overlay.original.file, there, text)
    missing = Counter(original_calls) - Counter(found)
    extra = Counter(found) - Counter(original_calls)
    if missing or extra:
        parts = [f"missing {_shown_calls(missing)}"] if missing else []
        parts += [f"not in the original {_shown_calls(extra)}"] if extra else []
        yield overlay.file.problem(
            here,
            f"fig()/cite() calls differ from the original's ({_where(overlay, there)}): "
            f"{'; '.join(parts)} (expected the same calls, one for one)",
        )


def _shown_calls(calls: Counter[tuple[str, str]]) -> str:
    """ "fig('a'), cite('b')" for (record type, id) pairs, as an editor writes the calls."""
    helper = {record_type: name for name, record_type in richtext.HELPERS.items()}
    return ", ".join(f"{helper[kind]}('{target}')" for kind, target in sorted(calls.elements()))


def _where(overlay: Overlay, location: Location) -> str:
    return f"{overlay.original.file.display_name}:{overlay.original.file.line_of(location)}"


# ---------------------------------------------------------------------------------------------
# Laying a checked overlay over the original
# ---------------------------------------------------------------------------------------------


def translated(original: Any, overlay: Overlay) -> Any:
    """The original's content (a model or a list of records) with the overlay's text in place."""
    if overlay.original.entry.shape != "list":
        return _applied(original, overlay.value)
    by_id = {record.id: record for record in overlay.value}
    return [_applied(record, by_id.get(record.id)) for record in original]


def _applied(original: BaseModel, overlay: BaseModel | None) -> BaseModel:
    if overlay is None:
        return original
    update: dict[str, Any] = {}
    for name in overlay.model_fields_set - {"id"}:
        value, current = getattr(overlay, name), getattr(original, name)
        if isinstance(value, BaseModel):
            value = _applied(current, value)
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            value = [_applied(old, new) for old, new in zip(current, value, strict=True)]
        update[name] = value
    return original.model_copy(update=update)
