"""The mini site: a second tiny site on another topic, built by the same engine in the tests."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from conftest import ROOT
from explainer.data.errors import DataError
from explainer.data.load import load_site_data

MINI_SITE = ROOT / "tests" / "sites" / "mini"


def copy_project(target: Path) -> Path:
    """A scratch copy of this repository (engine, tests, mini site) whose engine a test may
    change; the mini site inside it is at `MINI_IN_PROJECT`."""
    left_out = shutil.ignore_patterns(".venv", ".git", "site", ".cache", "__pycache__", ".pytest*")
    shutil.copytree(ROOT, target, ignore=left_out)
    return target


MINI_IN_PROJECT = Path("tests", "sites", "mini")


def copy_mini_site(target: Path) -> Path:
    """A writable copy of the mini site whose config still points at this repository's engine."""
    shutil.copytree(MINI_SITE, target)
    config = target / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("../../../", f"{ROOT}/"), "utf-8")
    return target


def problems_after_edits(data_dir: Path, edits: dict[str, Callable[[str], str]]) -> list[str]:
    """Each file below `data_dir` edited as given, then every problem the loader names."""
    for name, edit in edits.items():
        path = data_dir / name
        path.write_text(edit(path.read_text("utf-8")), "utf-8")
    try:
        load_site_data(data_dir)
    except DataError as error:
        return [str(problem) for problem in error.problems]
    return []
