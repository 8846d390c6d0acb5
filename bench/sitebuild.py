"""Build a site with MkDocs (or ProperDocs) into a folder: shared by the tests and the benchmark."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERATORS = {"mkdocs": "mkdocs", "properdocs": "properdocs"}  # name -> Python module


@dataclass(frozen=True)
class BuiltSite:
    """Result of one strict build."""

    site_dir: Path
    returncode: int
    output: str
    seconds: float

    def page(self, path: str) -> str:
        """HTML of a built page, e.g. 'faq/' or 'index.html', or of the page built from a file
        below docs/, e.g. 'faq.md'."""
        target = self.site_dir / (address_of(path) if path.endswith(".md") else path)
        return (target / "index.html" if target.is_dir() else target).read_text("utf-8")


def address_of(docs_path: str) -> str:
    """Address below the site root of the page built from `docs_path` below docs/, as MkDocs
    gives it with directory URLs: 'behauptungen/x.md' -> 'behauptungen/x/'."""
    page = docs_path.removesuffix(".md")
    if page == "index" or page.endswith("/index"):
        return page.removesuffix("index")  # a folder's index page has the folder's address
    return f"{page}/"


def build_site(
    project_dir: Path,
    site_dir: Path,
    generator: str = "mkdocs",
    launcher: tuple[str, ...] = (),
    **env: str,
) -> BuiltSite:
    """Run a strict build the way a maintainer does and capture what it printed. Not --quiet:
    MkDocs then drops warnings before --strict can count them. `launcher` runs the build command
    (the benchmark measures the build's memory with it)."""
    command = [*launcher, sys.executable, "-m", GENERATORS[generator], "build", "--strict"]
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    started = time.perf_counter()
    result = subprocess.run(
        [*command, "--site-dir", str(site_dir)],
        cwd=project_dir,
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    seconds = time.perf_counter() - started
    return BuiltSite(site_dir, result.returncode, result.stdout + result.stderr, seconds)
