"""Load every data file, validate it, check the references between files: all or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from .errors import DataError, DataProblem
from .models import (
    Chart,
    ClaimsFile,
    FaqFile,
    FiguresFile,
    Operator,
    SiteInfo,
    SourcesFile,
    VerdictsFile,
)
from .references import check_references
from .sitedata import SiteData
from .validate import validate_file
from .yamlfile import YamlFile, read_yaml_file

ModelT = TypeVar("ModelT", bound=BaseModel)

SERIES_FOLDER = "series"
OPERATOR_FILE = "operator.yaml"  # optional: a site without it has no legal pages


def load_site_data(data_dir: Path, shown_as: str = "data") -> SiteData:
    """Read `data_dir`; raise DataError naming every problem, or return the validated data."""
    loader = _Loader(data_dir, shown_as)
    site = loader.load("site.yaml", SiteInfo)
    sources = loader.load("sources.yaml", SourcesFile)
    verdicts = loader.load("verdicts.yaml", VerdictsFile)
    claims = loader.load("claims.yaml", ClaimsFile)
    faq = loader.load("faq.yaml", FaqFile)
    figures = loader.load("figures.yaml", FiguresFile)
    charts = [loader.load(path, Chart) for path in loader.series_files()]
    operator = loader.load_optional(OPERATOR_FILE, Operator)
    problems = loader.problems + loader.chart_id_problems() + check_references(loader.files)
    if problems:
        raise DataError(problems)
    return SiteData(
        site=site,
        sources=sources.sources,
        verdicts=verdicts.verdicts,
        claims=claims.claims,
        questions=faq.questions,
        figures=figures.figures,
        charts=charts,
        operator=operator,
    )


class _Loader:
    """Reads files one by one and keeps what it read and every problem it met."""

    def __init__(self, data_dir: Path, shown_as: str) -> None:
        self.data_dir = data_dir
        self.shown_as = shown_as
        self.files: dict[str, YamlFile] = {}
        self.problems: list[DataProblem] = []

    def series_files(self) -> list[str]:
        folder = self.data_dir / SERIES_FOLDER
        return [f"{SERIES_FOLDER}/{path.name}" for path in sorted(folder.glob("*.yaml"))]

    def chart_id_problems(self) -> list[DataProblem]:
        """A chart's id must equal its file name, so that `series/<id>.yaml` is easy to find."""
        problems = []
        for name, file in self.files.items():
            chart_id = file.content.get("id") if isinstance(file.content, dict) else None
            stem = Path(name).stem
            is_chart = name.startswith(f"{SERIES_FOLDER}/") and isinstance(chart_id, str)
            if is_chart and chart_id != stem:
                message = (
                    f"{chart_id!r} must equal the file name (expected {stem!r} or rename the file)"
                )
                problems.append(file.problem(("id",), message))
        return problems

    def load_optional(self, name: str, model: type[ModelT]) -> ModelT | None:
        """Like load, for a file a site may leave out."""
        return self.load(name, model) if (self.data_dir / name).exists() else None

    def load(self, name: str, model: type[ModelT]) -> ModelT:
        file, problems = read_yaml_file(self.data_dir / name, f"{self.shown_as}/{name}")
        self.problems += problems
        if file is None:
            return None  # type: ignore[return-value]  # only used when problems is non-empty
        self.files[name] = file
        result, problems = validate_file(file, model)
        self.problems += problems
        return result  # type: ignore[return-value]
