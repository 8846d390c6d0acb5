"""Build a site with MkDocs (or ProperDocs) into a folder: shared by the tests and the benchmark."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
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
    peak_mb: float  # the build process's largest resident memory

    def page(self, path: str) -> str:
        """HTML of a built page, e.g. 'faq/' or 'index.html'."""
        target = self.site_dir / path
        return (target / "index.html" if target.is_dir() else target).read_text("utf-8")


def build_site(
    project_dir: Path, site_dir: Path, generator: str = "mkdocs", **env: str
) -> BuiltSite:
    """Run a strict build the way a maintainer does and capture what it printed. Not --quiet:
    MkDocs then drops warnings before --strict can count them."""
    command = [sys.executable, "-m", GENERATORS[generator], "build", "--strict"]
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    with tempfile.TemporaryFile("w+", encoding="utf-8") as output:
        started = time.perf_counter()
        process = subprocess.Popen(
            [*command, "--site-dir", str(site_dir)],
            cwd=project_dir, stdout=output, stderr=subprocess.STDOUT, env=environment,
        )  # fmt: skip
        # wait4, not wait: it also reports the peak memory of this one build.
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        printed = output.read()
    return BuiltSite(site_dir, process.returncode, printed, seconds, usage.ru_maxrss / 1024)
