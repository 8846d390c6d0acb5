"""Shared fixtures: build a real site into a temporary folder and read its pages."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MINI_SITE = ROOT / "tests" / "sites" / "mini"
MKDOCS = [sys.executable, "-m", "mkdocs"]


@dataclass(frozen=True)
class Build:
    """Result of one `mkdocs build --strict`."""

    site_dir: Path
    returncode: int
    output: str

    def page(self, path: str) -> str:
        """HTML of a built page, e.g. 'faq/' or 'index.html'."""
        target = self.site_dir / path
        return (target / "index.html" if target.is_dir() else target).read_text("utf-8")


def build_site(project_dir: Path, site_dir: Path) -> Build:
    """Run a strict build the way a maintainer does and capture what it printed."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [*MKDOCS, "build", "--strict", "--quiet", "--site-dir", str(site_dir)],
        cwd=project_dir,
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    return Build(site_dir, result.returncode, result.stdout + result.stderr)


def copy_mini_site(target: Path) -> Path:
    """A writable copy of the mini site whose config still points at this repository's engine."""
    shutil.copytree(MINI_SITE, target)
    config = target / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("../../../", f"{ROOT}/"), "utf-8")
    return target


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real site, built once per test worker."""
    build = build_site(ROOT, tmp_path_factory.mktemp("site"))
    assert build.returncode == 0, build.output
    return build
