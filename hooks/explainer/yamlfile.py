"""Read one YAML data file into plain Python values plus the line of every node."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import DataProblem

Location = tuple[str | int, ...]


# Dates stay strings so that an impossible date ("2025-02-30") becomes a validation error with a
# line number instead of an exception inside PyYAML; the models parse them.
class _Loader(yaml.SafeLoader):
    pass


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class YamlFile:
    """Parsed content of a data file and the line on which each value starts."""

    path: Path
    display_name: str
    content: Any
    lines: dict[Location, int] = field(default_factory=dict)

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
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        return fail(line, "file is not UTF-8 text (save it as UTF-8)")
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        return fail(*_syntax_error(error))
    if root is None:
        return fail(1, "file is empty (expected YAML data)")
    lines: dict[Location, int] = {}
    problems: list[DataProblem] = []
    _collect_lines(root, (), lines, problems, display_name)
    content = _Loader(text).get_single_data()
    return YamlFile(path, display_name, content, lines), problems


def _syntax_error(error: yaml.MarkedYAMLError) -> tuple[int, str]:
    mark = error.problem_mark or error.context_mark
    message = f"YAML syntax error: {error.problem or error.context}"
    if error.context and error.context_mark and error.problem_mark:
        started = error.context_mark.line + 1
        if started != error.problem_mark.line + 1:
            message += f" ({error.context} that starts on line {started})"
    return (mark.line + 1 if mark else 1), message


def _collect_lines(
    node: yaml.Node,
    location: Location,
    lines: dict[Location, int],
    problems: list[DataProblem],
    display_name: str,
) -> None:
    lines[location] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            child = (*location, key)
            if key in seen:
                line = key_node.start_mark.line + 1
                problems.append(
                    DataProblem(display_name, line, child, "key appears twice in this record")
                )
            seen.add(key)
            _collect_lines(value_node, child, lines, problems, display_name)
            lines[child] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _collect_lines(item, (*location, index), lines, problems, display_name)
