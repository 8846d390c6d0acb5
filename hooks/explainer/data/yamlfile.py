"""Read one YAML data file into plain Python values plus the line of every node.

Data files come from editors and from pull requests, so reading one must never hang or crash:
anchors and aliases (which can expand exponentially, "billion laughs") are rejected, as are
files too large or too deeply nested to be data an editor wrote by hand. Every text value is
checked here, in one place for every field, for characters that are no text (characters.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .characters import text_problem
from .errors import DataProblem

Location = tuple[str | int, ...]

MAX_FILE_BYTES = 16 * 1024 * 1024  # claims.yaml is ~90 KB; 100× the claims (make bench) ~9 MB
MAX_DEPTH = 50  # nesting levels; real files use at most 5
_RAW_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # what YAML refuses raw
_TOO_DEEP = f"nested more than {MAX_DEPTH} levels deep (data files need at most a few levels)"


# Dates stay strings so that an impossible date ("2025-02-30") becomes a validation error with a
# line number instead of an exception inside PyYAML; the models parse them.
def _without_timestamps(resolvers: dict) -> dict:
    return {
        first: [(tag, regexp) for tag, regexp in entries if tag != "tag:yaml.org,2002:timestamp"]
        for first, entries in resolvers.items()
    }


# libyaml's parser (about 18 times faster) where PyYAML was built with it; the pure-Python one
# otherwise. Both keep the line of every node.
_FastBase = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _FastYamlLoader(_FastBase):  # type: ignore[misc,valid-type]
    yaml_implicit_resolvers = _without_timestamps(yaml.SafeLoader.yaml_implicit_resolvers)


class _WordingYamlLoader(yaml.SafeLoader):
    """The pure-Python parser: its error messages name what it expected and where."""

    yaml_implicit_resolvers = _without_timestamps(yaml.SafeLoader.yaml_implicit_resolvers)


class _Rejected(Exception):
    """A file that is valid YAML but not acceptable as data."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line, self.message = line, message


def _construct_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    """Python refuses to read integers of more than 4,300 digits: say so with the line."""
    try:
        return yaml.SafeLoader.construct_yaml_int(loader, node)
    except ValueError:
        raise _Rejected(node.start_mark.line + 1, "number has too many digits") from None


_FastYamlLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)


@dataclass
class YamlFile:
    """Parsed content of a data file and the line on which each value starts."""

    path: Path
    display_name: str
    content: Any
    lines: dict[Location, int] = field(default_factory=dict)
    text_starts: dict[Location, int] = field(default_factory=dict)  # first line of each text

    def line_in_text(self, location: Location, text_line: int) -> int:
        """File line of line `text_line` (0 = the first) of the text at `location`. Exact for
        texts written as blocks (`|-`), the house style; a folded text's lines are joined."""
        return self.text_starts.get(location, self.line_of(location)) + text_line

    def line_of(self, location: Location) -> int:
        """Line of the value at `location`, or of its closest parent that exists in the file."""
        while location not in self.lines and location:
            location = location[:-1]
        return self.lines.get(location, 1)

    def problem(self, location: Location, message: str) -> DataProblem:
        """A problem at `location`, ready to report."""
        return DataProblem(self.display_name, self.line_of(location), location, message)


def read_yaml_file(path: Path, display_name: str) -> tuple[YamlFile | None, list[DataProblem]]:
    """Read and parse `path`; on failure return no file and the problems found."""

    def fail(line: int, message: str) -> tuple[None, list[DataProblem]]:
        return None, [DataProblem(display_name, line, (), message)]

    if not path.is_file():
        return fail(0, "file is missing (expected a YAML data file here)")
    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        return fail(1, f"file is larger than {MAX_FILE_BYTES // 1024} KB (split it up)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return fail(
            raw[: error.start].count(b"\n") + 1, "file is not UTF-8 text (save it as UTF-8)"
        )
    try:
        content, lines, text_starts, problems = _parse(text, display_name)
    except yaml.MarkedYAMLError as error:
        return fail(*_syntax_error(text, error))
    except _Rejected as rejected:
        return fail(rejected.line, rejected.message)
    except yaml.reader.ReaderError as error:  # a control character written as itself
        return None, [_unreadable_character(text, error, display_name)]
    except RecursionError:
        return fail(1, _TOO_DEEP)
    if content is None and not lines:
        return fail(1, "file is empty (expected YAML data)")
    return YamlFile(path, display_name, content, lines, text_starts), problems


def _parse(
    text: str, display_name: str
) -> tuple[Any, dict[Location, int], dict[Location, int], list[DataProblem]]:
    loader = _FastYamlLoader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return None, {}, {}, []
        lines = _Lines()
        problems: list[DataProblem] = []
        _collect_lines(root, (), lines, problems, display_name, set())
        return loader.construct_document(root), lines.of_values, lines.text_starts, problems
    finally:
        loader.dispose()


def _unreadable_character(
    text: str, error: yaml.reader.ReaderError, display_name: str
) -> DataProblem:
    """A character YAML refuses in a file: its line, and its field where the file parses without
    such characters."""
    character = chr(error.character) if isinstance(error.character, int) else error.character
    message = text_problem(character) or f"YAML error: {error.reason}"
    # The reader stops at the first such character; libyaml counts its position in bytes.
    line = text[: max(text.find(character), 0)].count("\n") + 1
    try:
        _, lines, _, _ = _parse(_RAW_CONTROLS.sub(" ", text), display_name)
    except (yaml.YAMLError, _Rejected, RecursionError):
        lines = {}
    before = [(found, len(place), place) for place, found in lines.items() if found <= line]
    closest = max(before, key=lambda item: item[:2]) if before else (0, 0, ())
    return DataProblem(display_name, line, closest[2], message)


def _syntax_error(text: str, error: yaml.MarkedYAMLError) -> tuple[int, str]:
    """Line and wording of a syntax error, as the pure-Python parser words it."""
    if "nesting depth" in str(error.problem):  # libyaml's own limit; Python's parser would recurse
        return (error.problem_mark.line + 1 if error.problem_mark else 1), _TOO_DEEP
    try:
        yaml.compose(text, Loader=_WordingYamlLoader)
    except yaml.MarkedYAMLError as worded:
        error = worded
    except RecursionError:
        pass  # nested too deeply for the Python parser: keep libyaml's wording
    mark = error.problem_mark or error.context_mark
    message = f"YAML syntax error: {error.problem or error.context}"
    if error.context and error.context_mark and error.problem_mark:
        started = error.context_mark.line + 1
        if started != error.problem_mark.line + 1:
            message += f" ({error.context} that starts on line {started})"
    return (mark.line + 1 if mark else 1), message


@dataclass
class _Lines:
    """The line of every value (of its key, where it has one) and the first line of every text:
    a block text (`|-`) starts on the line after its key."""

    of_values: dict[Location, int] = field(default_factory=dict)
    text_starts: dict[Location, int] = field(default_factory=dict)


def _collect_lines(
    node: yaml.Node,
    location: Location,
    lines: _Lines,
    problems: list[DataProblem],
    display_name: str,
    seen: set[int],
) -> None:
    _check_node(node, location, seen)
    lines.of_values[location] = node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode):
        block = node.style in ("|", ">")
        lines.text_starts[location] = node.start_mark.line + (2 if block else 1)
        if message := text_problem(node.value):
            problems.append(DataProblem(display_name, lines.of_values[location], location, message))
    elif isinstance(node, yaml.MappingNode):
        keys: set[str] = set()
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Rejected(key_node.start_mark.line + 1, "a key must be a plain word")
            key = key_node.value
            child = (*location, key)
            if key in keys:
                line = key_node.start_mark.line + 1
                problems.append(
                    DataProblem(display_name, line, child, "key appears twice in this record")
                )
            keys.add(key)
            _collect_lines(value_node, child, lines, problems, display_name, seen)
            lines.of_values[child] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _collect_lines(item, (*location, index), lines, problems, display_name, seen)


def _check_node(node: yaml.Node, location: Location, seen: set[int]) -> None:
    """Reject aliases (a node met twice) and nesting deeper than data ever needs."""
    if len(location) > MAX_DEPTH:
        raise _Rejected(node.start_mark.line + 1, _TOO_DEEP)
    if isinstance(node, yaml.CollectionNode | yaml.ScalarNode) and id(node) in seen:
        message = "YAML anchors and aliases (&name, *name) are not allowed in data files"
        raise _Rejected(node.start_mark.line + 1, message + " (write the value out)")
    seen.add(id(node))
