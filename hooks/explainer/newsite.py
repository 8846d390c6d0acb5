"""Start an explainer for another article, and bring an explainer's engine up to date.

An explainer is a folder with a site of its own (mkdocs.yml, README.md, data/, docs/) and a copy of
the engine (ENGINE_PATHS), so that it builds from its own folder alone. `create_explainer` copies
the starter site and this engine into a new folder; `update_engine` replaces an explainer's engine
with this one and leaves its site as it is. Plain file copies with the standard library: they run
even before the packages a newer engine needs are installed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

ENGINE_ROOT = Path(__file__).resolve().parents[2]  # the explainer this engine is part of
STARTER = Path(__file__).resolve().parent / "starter"

# What belongs to the engine: copied into a new explainer and replaced by `update-engine`.
# Everything else belongs to the site and is never touched after `new`.
ENGINE_PATHS = (
    "hooks",  # the engine, the MkDocs hooks, templates, share-image fonts, the starter
    "overrides",  # Material templates, CSS, JavaScript, plotly.js
    "bench",  # build helper, local web server, page-weight benchmark
    "tools",  # make plotly-bundle: the vendored plotly.js from the chart kinds' trace types
    "Makefile", "requirements.in", "requirements.txt", "requirements-test.in",
    "requirements-test.txt", "pyproject.toml", ".gitignore", ".pre-commit-config.yaml",
    ".ci", ".github/workflows/pages.yml", ".github/workflows/tests.yml", ".github/dependabot.yml",
    "LICENSE", "CHANGELOG.md",
    "data/README.md",  # the editors' reference
    "data/ANLEITUNG.md",  # the editors' guide in German (Anleitung für die Redaktion)
    # The standard tests: rules every explainer keeps, schemas, links, the browser audit.
    "tests/conftest.py", "tests/links.py", "tests/text.py", "tests/test_explainer_rules.py",
    "tests/test_schema.py", "tests/test_links.py", "tests/test_theme_patches.py",
    "tests/test_requirements.py",
    "tests/browser/__init__.py", "tests/browser/conftest.py", "tests/browser/audit.py",
    "tests/browser/test_every_page.py",
)  # fmt: skip
# Engine files an earlier version had and this one has not: `update-engine` deletes them.
RETIRED_ENGINE_PATHS = ("tests/browser/test_every_page_dark.py",)  # merged into test_every_page.py
NOT_COPIED = shutil.ignore_patterns("__pycache__", "*.pyc")


class ExplainerError(Exception):
    """A folder cannot become an explainer, or cannot take this engine."""


def create_explainer(folder: Path) -> None:
    """A complete explainer in `folder` (new or empty): the starter site and this engine."""
    _check_engine_is_complete()
    if folder.exists() and any(folder.iterdir()):
        raise ExplainerError(f"{folder} is not empty: name a new folder")
    _copy(STARTER, folder)
    _copy_engine(folder)


def update_engine(project: Path) -> None:
    """Replace the engine of the explainer in `project` with this one; its site stays as it is."""
    _check_engine_is_complete()
    if not (project / "mkdocs.yml").is_file() or not (project / "data").is_dir():
        raise ExplainerError(f"{project} is not an explainer: it has no mkdocs.yml and data/")
    if project.resolve() == ENGINE_ROOT:
        raise ExplainerError(f"{project} is where this engine comes from: nothing to update")
    for path in (*ENGINE_PATHS, *RETIRED_ENGINE_PATHS):
        target = project / path
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
    _copy_engine(project)


def _check_engine_is_complete() -> None:
    missing = [path for path in ENGINE_PATHS if not (ENGINE_ROOT / path).exists()]
    if missing:
        raise ExplainerError(f"{ENGINE_ROOT} is not a complete explainer: no {', '.join(missing)}")


def _copy_engine(project: Path) -> None:
    for path in ENGINE_PATHS:
        _copy(ENGINE_ROOT / path, project / path)


def _copy(source: Path, target: Path) -> None:
    # Copies get the current time, so that `make` sees a changed requirements.txt as newer than
    # the installed packages and installs again.
    target.parent.mkdir(parents=True, exist_ok=True)
    if source.is_dir():
        shutil.copytree(
            source, target, ignore=NOT_COPIED, copy_function=shutil.copy, dirs_exist_ok=True
        )
    else:
        shutil.copy(source, target)
