"""Load every data file, validate it, check the references between files: all or nothing."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .datafiles import DATA_FILES, DataFile
from .errors import DataError, DataProblem
from .idrules import PageKindPaths, check_ids
from .overlay import Overlay, check_overlay, read_overlays, translated
from .prose import check_prose
from .published import unlogged_changes
from .references import ParsedFile, check_references
from .sitedata import SiteData
from .validate import validate_file
from .yamlfile import read_yaml_file

DOCS_DIR = "docs"  # the hand-written pages below a project, as mkdocs.yml's docs_dir default
YAML = ".yaml"  # the extension of every data file
YAML_SUFFIXES = (YAML, ".yml")  # how YAML files end; only YAML itself is read


def load_site_data(
    data_dir: Path,
    shown_as: str = "data",
    docs_dir: Path | None = None,
    page_kinds: Iterable[PageKindPaths] = (),
    language: str | None = None,
) -> SiteData:
    """Read `data_dir`; raise DataError naming every problem, or return the validated data.
    With `docs_dir`, the paths in site.yaml and the pages of `page_kinds` (pages.PAGE_KINDS,
    handed in by the build) are checked against it. With `language`, one of site.yaml's
    `translations`, the records hold the text of its overlay `data_dir`/<language>/."""
    data, reader = _load_original(data_dir, shown_as, docs_dir, page_kinds)
    if language is None or language == data.language:
        return data
    return _translation(data, reader, language)


def load_editions(
    data_dir: Path,
    shown_as: str = "data",
    docs_dir: Path | None = None,
    page_kinds: Iterable[PageKindPaths] = (),
) -> list[SiteData]:
    """The original and every translation site.yaml names, as `load_site_data` returns each;
    the problems of all translations in one DataError (what `make check` runs)."""
    data, reader = _load_original(data_dir, shown_as, docs_dir, page_kinds)
    editions, problems = [data], []
    for language in data.site.translations:
        try:
            editions.append(_translation(data, reader, language))
        except DataError as error:
            problems += error.problems
    if problems:
        raise DataError(problems)
    return editions


def _load_original(
    data_dir: Path, shown_as: str, docs_dir: Path | None, page_kinds: Iterable[PageKindPaths]
) -> tuple[SiteData, _DataReader]:
    reader = _DataReader(data_dir, shown_as)
    reader.refuse_other_yaml()
    content = {}
    for entry in DATA_FILES:
        content[entry.attribute] = reader.read(entry)
        if entry.attribute == "site" and content["site"]:
            reader.context["data_date"] = content["site"].updated
    problems, references = check_references(reader.parsed, reader.unreadable)
    problems += check_ids(reader.parsed, docs_dir, page_kinds)
    problems += check_prose(reader.parsed)
    if reader.problems or problems:
        raise DataError(reader.problems + problems)
    data = SiteData(content, references)
    if unlogged := unlogged_changes(data, reader.parsed, data_dir, shown_as):
        raise DataError(unlogged)
    data.warnings = reader.unused_source_warnings(data)
    return data, reader


def _translation(data: SiteData, reader: _DataReader, language: str) -> SiteData:
    """The data with the text of the translation `language`: checked first, all or nothing."""
    if language not in data.site.translations:
        site = next(p.file for p in reader.parsed if p.entry.attribute == "site")
        expected = ", ".join(data.site.translations) or "none configured"
        message = f"{language!r} is not a translation of this site (expected one of: {expected})"
        raise DataError([site.problem(("translations",), message)])
    overlays, problems = read_overlays(reader.data_dir, language, reader.parsed, reader.shown_as)
    for overlay in overlays:
        problems += check_overlay(overlay, _original_of(data, overlay))
    if problems:
        raise DataError(problems)
    content = dict(data._content)
    for overlay in overlays:
        entry = overlay.original.entry
        value = translated(_original_of(data, overlay), overlay)
        if entry.shape == "folder":
            value = [value if r.id == value.id else r for r in content[entry.attribute]]
        content[entry.attribute] = value
    return data.edition(content, language)


def _original_of(data: SiteData, overlay: Overlay) -> Any:
    """The original's content an overlay translates: a model, a list of records, or (in a
    folder) the one record of its file."""
    entry = overlay.original.entry
    value = data._content[entry.attribute]
    if entry.shape != "folder":
        return value
    return next(r for r in value if r.id == overlay.original.file.path.stem)


def read_data_files(data_dir: Path, shown_as: str = "data") -> list[ParsedFile]:
    """Every data file that could be read, as parsed, whatever else is wrong with the data."""
    reader = _DataReader(data_dir, shown_as)
    for entry in DATA_FILES:
        reader.read(entry)
    return reader.parsed


class _DataReader:
    """Reads the files of each table entry and keeps what it read and every problem it met."""

    def __init__(self, data_dir: Path, shown_as: str) -> None:
        self.data_dir = data_dir
        self.shown_as = shown_as
        self.parsed: list[ParsedFile] = []
        self.problems: list[DataProblem] = []
        self.unreadable: set[str] = set()  # record types whose file could not be read
        self.context: dict[str, Any] = {}  # what rules across files need: the data's date

    def read(self, entry: DataFile) -> Any:
        """The validated value of an entry: a model, a list of records, or None if optional."""
        if entry.shape == "folder":
            folder = self.data_dir / entry.name
            paths = sorted(folder.glob(f"*{YAML}")) if folder.is_dir() else []
            return [self._read_file(entry, path) for path in paths]
        path = self.data_dir / entry.pattern
        if not entry.required and not path.exists():
            return None
        value = self._read_file(entry, path)
        return getattr(value, entry.attribute) if entry.shape == "list" and value else value

    def unused_source_warnings(self, data: SiteData) -> list[DataProblem]:
        """Sources that nothing rests on pile up unchecked: name each with its line."""
        unused = set(data.unused_sources())
        sources = next(p.file for p in self.parsed if p.entry.record_type == "source")
        return [
            sources.problem(
                ("sources", index, "id"),
                f"source {source.id!r} is cited by no claim, FAQ answer or glossary term "
                "(cite it where it is used, or remove it)",
            )
            for index, source in enumerate(data.sources)
            if source.id in unused
        ]

    def refuse_other_yaml(self) -> None:
        """A data file ending in '.yml' (or '.YAML') would be skipped silently: name it."""
        folders = [
            self.data_dir,
            *(self.data_dir / e.name for e in DATA_FILES if e.shape == "folder"),
        ]
        found = [path for folder in folders if folder.is_dir() for path in folder.iterdir()]
        for path in sorted(found):
            if path.suffix != YAML and path.suffix.lower() in YAML_SUFFIXES:
                name = f"{self.shown_as}/{path.relative_to(self.data_dir).as_posix()}"
                message = f"file is not read: data files end in {YAML} (rename it to "
                self.problems.append(DataProblem(name, 1, (), f"{message}{path.stem}{YAML})"))

    def _read_file(self, entry: DataFile, path: Path) -> Any:
        name = path.relative_to(self.data_dir).as_posix()
        file, problems = read_yaml_file(path, f"{self.shown_as}/{name}")
        self.problems += problems
        if file is None:
            self.unreadable.add(entry.record_type or entry.name)
            return None
        self.parsed.append(ParsedFile(entry, file))
        result, problems = validate_file(file, entry.file_model, self.context)
        self.problems += problems
        return result
