"""The engine's version and changelog: what `update-engine` says a newer engine changed.

Plain text reading with the standard library, as in newsite.py: it runs before the packages of a
newer engine are installed, and it reads an older engine's version from its file, not by import.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import __version__
from .newsite import ENGINE_ROOT

VERSION_LINE = re.compile(r'^__version__ = "([^"]+)"$', re.MULTILINE)
RELEASE_HEADING = re.compile(r"^## \[(\d+(?:\.\d+)*)\]")  # "## [1.2.0] - 2026-12-05"


def engine_version(project: Path) -> str | None:
    """The engine version of the explainer in `project`; None for an engine from before
    versions (1.0.0)."""
    init = project / "hooks" / "explainer" / "__init__.py"
    match = VERSION_LINE.search(init.read_text("utf-8")) if init.is_file() else None
    return match.group(1) if match else None


def entries_between(changelog: str, older: str | None, newer: str) -> str:
    """The release sections of `changelog` after `older` up to and including `newer`, as
    written (newest first); every release up to `newer` when `older` is None."""
    sections = re.split(r"(?m)^(?=## \[)", changelog)[1:]
    chosen = []
    for section in sections:
        release = RELEASE_HEADING.match(section)
        if release is None:  # [Unreleased]
            continue
        version = _key(release.group(1))
        if version <= _key(newer) and (older is None or version > _key(older)):
            chosen.append(section.strip())
    return "\n\n".join(chosen)


def update_report(older: str | None) -> str:
    """What `update-engine` prints: the versions, then what changed between them."""
    before = older or "without a version (before 1.0.0)"
    changelog = (ENGINE_ROOT / "CHANGELOG.md").read_text("utf-8")
    entries = entries_between(changelog, older, __version__)
    if not entries:
        return f"Engine {before} -> {__version__}: no changelog entries in between.\n"
    return (
        f"Engine {before} -> {__version__}. What changed (CHANGELOG.md):\n\n{entries}\n\n"
        "Check the site with `make check` and `make test`; `git diff` shows every file the "
        "update changed.\n"
    )


def _key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))
