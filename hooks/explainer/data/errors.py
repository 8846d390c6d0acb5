"""Problems found in the data, worded for the editor who has to fix them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DataProblem:
    """One mistake in one data file."""

    file: str
    line: int
    location: tuple[str | int, ...]
    message: str

    def __str__(self) -> str:
        place = f"{self.file}:{self.line}" if self.line else self.file
        field = format_location(self.location)
        return f"{place}: {field}: {self.message}" if field else f"{place}: {self.message}"


class DataError(Exception):
    """All problems found in one run; the build stops once, listing every one."""

    def __init__(self, problems: list[DataProblem]) -> None:
        self.problems = sorted(problems, key=lambda problem: (problem.file, problem.line))
        count = len(problems)
        lines = "\n".join(f"  {problem}" for problem in self.problems)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"The data has {count} {noun}; nothing was built:\n{lines}")


def format_location(location: tuple[str | int, ...]) -> str:
    """('claims', 3, 'verdict') -> 'claims[3].verdict'."""
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else str(part)
    return text
