"""Rules for the German sentences readers see: every paragraph of a text is finished, and a
date figure follows the preposition its precision takes („am 27. Januar 2025“, „im Januar 2025“).

The texts are found through the markers on the models (`SENTENCES`, `RICH` in models.py), on the
parsed files, like the reference checks: a file with other mistakes is still checked.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from typing import Any

from ..text import german, richtext
from .errors import DataProblem
from .models import DATE_UNITS, RICH, SENTENCES
from .references import ParsedFile, marked_texts, record_id
from .yamlfile import Location, YamlFile

# A sentence ends with . ! ? or …; closing quotes, brackets and Markdown emphasis may follow.
SENTENCE_END = re.compile(r"[.!?…][\"'“”‘’»«›‹)\]*_]*\Z")
LIST_ITEM = re.compile(r" {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]")  # as Markdown starts a list item
HEADING = re.compile(r" {0,3}#{1,6}(?:[ \t]|\Z)")
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
EXCERPT_LENGTH = 40  # characters of a paragraph's end shown in the message
WORD_OR_CALL = re.compile(r"\{\{.*?\}\}|\S+", re.DOTALL)

# The preposition a date takes, by the figure unit's precision; the preposition right before a
# figure in a text: 'am', 'Am', 'im' or 'Im' at the end of the text before the call.
PREPOSITION_FOR = {"date": "am", "month": "im"}
PREPOSITION_BEFORE = re.compile(r"(?:^|[^\w])([AaIi]m)\s+\Z")


def check_prose(files: list[ParsedFile], german: bool = True) -> list[DataProblem]:
    """Every unfinished paragraph and, in `german` texts, every date figure after the wrong
    preposition."""
    dates = _date_figures(files) if german else {}
    problems: list[DataProblem] = []
    for file, location, marker, text in marked_texts(files):
        if marker == SENTENCES:
            problems += _unfinished_paragraphs(file, location, text)
        elif marker is RICH:
            problems += _wrong_prepositions(file, location, text, dates)
    return problems


# ---------------------------------------------------------------------------------------------
# Every paragraph is finished
# ---------------------------------------------------------------------------------------------


def _unfinished_paragraphs(file: YamlFile, location: Location, text: str) -> list[DataProblem]:
    """A paragraph, or a list item, that does not end a sentence. A paragraph may end with ':'
    when a list follows it; headings need no punctuation."""
    blocks = list(_blocks(text))
    problems = []
    for index, (last_line, block) in enumerate(blocks):
        lines = block.split("\n")
        if HEADING.match(lines[0]):
            continue
        if LIST_ITEM.match(lines[0]):
            ends = _list_item_ends(last_line - len(lines) + 1, lines)
        else:
            followed_by_list = index + 1 < len(blocks) and LIST_ITEM.match(blocks[index + 1][1])
            if followed_by_list and block.rstrip().endswith(":"):
                continue
            ends = [(last_line, block)]
        problems += [
            DataProblem(file.display_name, file.line_in_text(location, line), location,
                        _unfinished_message(part))
            for line, part in ends if not SENTENCE_END.search(part.rstrip())
        ]  # fmt: skip
    return problems


def _blocks(text: str) -> Iterator[tuple[int, str]]:
    """(line of its last line in the text, counted from 0; the block) for every paragraph."""
    start = 0
    for found in [*PARAGRAPH_BREAK.finditer(text), None]:
        end = found.start() if found else len(text)
        block = text[start:end].strip("\n")
        if block.strip():
            last = text[:end].rstrip().count("\n")
            yield last, block
        start = found.end() if found else end


def _list_item_ends(first_line: int, lines: list[str]) -> list[tuple[int, str]]:
    """(line, text) of every item of a list written as one block."""
    items: list[tuple[int, str]] = []
    for number, line in enumerate(lines):
        if LIST_ITEM.match(line) or not items:
            items.append((first_line + number, line))
        else:
            items[-1] = (first_line + number, f"{items[-1][1]}\n{line}")
    return items


def _unfinished_message(paragraph: str) -> str:
    words = [" ".join(word.split()) for word in WORD_OR_CALL.findall(paragraph)]
    tail = words[-1:]  # the last whole words (a helper call is one), about EXCERPT_LENGTH long
    while len(tail) < len(words) and len(" ".join(words[-len(tail) - 1 :])) <= EXCERPT_LENGTH:
        tail = words[-len(tail) - 1 :]
    shown = ("… " if len(tail) < len(words) else "") + " ".join(tail)
    return (
        f"paragraph ends without sentence punctuation: {shown!r} (finish the sentence and end it "
        "with '.', '!', '?' or '…'; a closing quote or bracket may follow)"
    )


# ---------------------------------------------------------------------------------------------
# „am“ before a day, „im“ before a month
# ---------------------------------------------------------------------------------------------


def _date_figures(files: list[ParsedFile]) -> dict[str, tuple[str, datetime.date]]:
    """Figure id -> (unit, date) of every readable date figure, from the parsed figures file."""
    found = {}
    for parsed in files:
        if parsed.entry.record_type != "figure":
            continue
        records = (
            parsed.file.content.get("figures") if isinstance(parsed.file.content, dict) else []
        )
        for record in records if isinstance(records, list) else []:
            day = _date_of(record)
            if day is not None and record_id(record):
                found[record["id"]] = (record["unit"], day)
    return found


def _date_of(record: Any) -> datetime.date | None:
    if not isinstance(record, dict) or record.get("unit") not in DATE_UNITS:
        return None
    try:
        return datetime.date.fromisoformat(str(record.get("value")))
    except ValueError:
        return None  # the model names the mistake


def _wrong_prepositions(
    file: YamlFile, location: Location, text: str, dates: dict[str, tuple[str, datetime.date]]
) -> Iterator[DataProblem]:
    try:
        parts = richtext.parse(text)
    except richtext.RichTextError:
        return  # the reference checks name the mistake
    lines = 0
    for before, part in zip([None, *parts], parts, strict=False):
        if isinstance(part, str):
            lines += part.count("\n")
            continue
        figure_id = part.target if part.name == "fig" else None
        written = PREPOSITION_BEFORE.search(before) if isinstance(before, str) else None
        if figure_id in dates and written:
            unit, day = dates[figure_id]
            if written.group(1).lower() != PREPOSITION_FOR[unit]:
                line = file.line_in_text(location, lines)
                message = _preposition_message(written.group(1), figure_id, unit, day)
                yield DataProblem(file.display_name, line, location, message)


def _preposition_message(written: str, figure_id: str, unit: str, day: datetime.date) -> str:
    shown = german.date(day) if unit == "date" else german.month(day)
    right = PREPOSITION_FOR[unit]
    right = right.capitalize() if written[0].isupper() else right
    precision = "a day" if unit == "date" else "a month"
    return (
        f"{written!r} before figure {figure_id!r} reads „{written} {shown}“ ({precision} takes "
        f"„{right.lower()}“: write '{right} {{{{ fig(\"{figure_id}\") }}}}')"
    )
