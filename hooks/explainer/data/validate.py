"""Turn a parsed YAML file into a model, translating Pydantic's errors into editor language."""

from __future__ import annotations

import re
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import DataProblem
from .modelfields import model_at, written_fields
from .yamlfile import YamlFile

ModelT = TypeVar("ModelT", bound=BaseModel)

UNION_BRANCH_TYPES = ("float", "date", "str", "bool", "int")
UNION_BRANCH_WITH_VALIDATOR = re.compile(r"[a-z-]+\[.*\]")
BRANCH_NAMES = {
    "float": "a number",
    "int": "a whole number",
    "str": "text",
    "bool": "true or false",
}


def validate_file(
    file: YamlFile, model: type[ModelT], context: dict[str, Any] | None = None
) -> tuple[ModelT | None, list[DataProblem]]:
    """Validate the whole file; return the model or every problem found in it. `context` holds
    what rules across files need (the data's date)."""
    if not isinstance(file.content, dict):
        expected = ", ".join(written_fields(model))
        return None, [file.problem((), f"expected a mapping with the key(s): {expected}")]
    try:
        return model.model_validate(file.content, context=context), []
    except ValidationError as error:
        return None, _problems_for(file, model, error.errors())


def _problems_for(
    file: YamlFile, model: type[BaseModel], details: list[dict[str, Any]]
) -> list[DataProblem]:
    """One problem per field: a value that fits no branch of a union is one mistake, not one
    per branch."""
    by_field: dict[tuple, list[dict[str, Any]]] = {}
    for detail in details:
        location = _without_union_branches(detail["loc"])
        if detail["type"] == "extra_forbidden":  # the last part is a key as written, whatever it is
            location = (*_without_union_branches(detail["loc"][:-1]), detail["loc"][-1])
        by_field.setdefault(location, []).append(detail)
    problems = []
    for location, found in by_field.items():
        finite = [d for d in found if _is_number_rule(d)]
        if finite:  # .nan or 1e308 in a number-or-date field: the number branch says what is wrong
            problems.append(file.problem(location, _message_for(finite[0], model, location)))
        elif len(found) > 1 and all(len(d["loc"]) > len(location) for d in found):
            expected = " or ".join(_branch_description(d["loc"][len(location)]) for d in found)
            message = f"{_shown(found[0].get('input'))} is not allowed (expected {expected})"
            problems.append(file.problem(location, message))
        else:
            problems += [file.problem(location, _message_for(d, model, location)) for d in found]
    return problems


def _is_number_rule(detail: dict[str, Any]) -> bool:
    """A number broke a rule for numbers (finite, not too large), not a rule for dates."""
    branch = str(detail["loc"][-1]) if detail["loc"] else ""
    return detail["type"] == "finite_number" or (
        detail["type"] == "value_error" and branch.endswith("float]")
    )


def _branch_description(branch: str) -> str:
    if "date" in branch:
        return 'a date written "YYYY-MM-DD" in quotes'
    # A branch with a validator is named "function-after[_rule(), float]": its type comes last.
    return BRANCH_NAMES[branch.rsplit(", ", 1)[-1].rstrip("]")]


def _without_union_branches(location: tuple[Any, ...]) -> tuple[str | int, ...]:
    """Drop the union branch Pydantic names ("float", "function-before[...]"): editors only
    need the field."""
    return tuple(part for part in location if not _is_union_branch(part))


def _is_union_branch(part: str | int) -> bool:
    """Pydantic's name of a union branch: a type ("float") or a validator ("function-after[…]")."""
    return isinstance(part, str) and (
        part in UNION_BRANCH_TYPES or UNION_BRANCH_WITH_VALIDATOR.fullmatch(part) is not None
    )


def _message_for(detail: dict[str, Any], model: type[BaseModel], location: tuple) -> str:
    error_type, given = detail["type"], detail.get("input")
    shown = _shown(given)
    if error_type == "missing":
        return "required field is missing"
    if error_type == "extra_forbidden":
        return _unknown_field_message(model_at(model, location[:-1]), str(location[-1]))
    if error_type == "string_pattern_mismatch":
        return f"{shown} is not allowed here (expected {_pattern_hint(detail)})"
    if error_type in ("string_too_short", "too_short"):
        return "must not be empty"
    if error_type.startswith("date_") or error_type == "date_type":
        return f'{shown} is not a valid date (expected "YYYY-MM-DD" in quotes)'
    if error_type == "finite_number":
        return f"{shown} is not allowed (expected a finite number, not .nan or .inf)"
    if error_type == "literal_error":
        return f"{shown} is not allowed (expected one of: {detail['ctx']['expected']})"
    if error_type == "value_error":
        return detail["msg"].removeprefix("Value error, ")
    if error_type in ("model_type", "model_attributes_type", "dict_type"):
        return f"expected a mapping of fields, got {shown}"
    if error_type == "list_type":
        return f"expected a list (lines starting with '- '), got {shown}"
    return f"{detail['msg'].lower()}, got {shown}"


def _unknown_field_message(model: type[BaseModel], name: str) -> str:
    """A model may say why it refuses a field (a translation overlay: the field is not text)."""
    explain = getattr(model, "unknown_field_message", None)
    if explain and (message := explain(name)):
        return message
    return f"unknown field (expected one of: {', '.join(written_fields(model))})"


def _shown(value: Any) -> str:
    if isinstance(value, dict | list):
        return "a mapping" if isinstance(value, dict) else "a list"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _pattern_hint(detail: dict[str, Any]) -> str:
    pattern = detail["ctx"]["pattern"]
    if pattern.startswith("^[a-z0-9]+"):
        return "an id: lower-case letters, digits and hyphens, e.g. 'nvidia-kurssturz'"
    if pattern.endswith("\\.md$"):
        return (
            "the path of a page below docs/: lower-case words, '/' between folders, "
            "'.md' at the end"
        )
    if "#" in pattern:
        return "a colour like '#1b5e20'"
    return f"text matching {pattern}"
