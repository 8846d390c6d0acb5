"""Faults outside the data stop a build with one line and a non-zero exit, never a traceback and
never an empty file published: a full disk while the site is written, a damaged font. A cache
that cannot be written is no fault: the site is built without it."""

from __future__ import annotations

import os
from pathlib import Path

from conftest import ROOT, build_site
from explainer.outputs import shareimage
from minisite import copy_mini_site

# Loaded by Python at start (sitecustomize): every file MkDocs writes fails as on a full disk.
FULL_DISK = """\
import errno
import mkdocs.utils


def full(content, output_path):
    raise OSError(errno.ENOSPC, "No space left on device", output_path)


mkdocs.utils.write_file = full
"""


def test_a_full_disk_stops_the_build_with_one_line_naming_the_file(tmp_path: Path) -> None:
    project = copy_mini_site(tmp_path / "project")
    startup = tmp_path / "startup"
    startup.mkdir()
    (startup / "sitecustomize.py").write_text(FULL_DISK, "utf-8")

    build = build_site(project, tmp_path / "site", PYTHONPATH=str(startup))

    assert build.returncode != 0
    assert "Traceback" not in build.output
    failure = [line for line in build.output.splitlines() if "No space left" in line]
    assert len(failure) == 1 and failure[0].startswith("Error: Cannot write or read "), failure
    assert failure[0].endswith(": No space left on device")


def test_a_damaged_font_stops_the_build_with_one_line_naming_it(tmp_path: Path) -> None:
    project = copy_mini_site(tmp_path / "project")
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    for name in (shareimage.REGULAR, shareimage.BOLD):
        (fonts / name).write_bytes(b"kein Font")

    build = build_site(project, tmp_path / "site", EXPLAINER_FONT_DIR=str(fonts))

    assert build.returncode != 0
    assert "Traceback" not in build.output
    assert (
        f"share images need the font {fonts / shareimage.BOLD}, which is damaged or no TrueType"
        " font:" in build.output
    ), build.output
    assert not list((tmp_path / "site").rglob("*.png"))


# Every write to the cache fails as in a read-only folder.
READ_ONLY_CACHE = """\
import errno
from explainer.store import filecache


def refuse(path, content):
    raise OSError(errno.EROFS, "Read-only file system", str(path))


filecache.write_atomically = refuse
"""


def test_a_cache_that_cannot_be_written_builds_the_site_without_it(tmp_path: Path) -> None:
    project = copy_mini_site(tmp_path / "project")
    startup = tmp_path / "startup"
    startup.mkdir()
    (startup / "sitecustomize.py").write_text(READ_ONLY_CACHE, "utf-8")

    build = build_site(
        project, tmp_path / "site", PYTHONPATH=f"{startup}{os.pathsep}{ROOT / 'hooks'}"
    )

    assert build.returncode == 0, build.output
    cache = project / ".cache"
    assert sorted(
        line for line in build.output.splitlines() if "Cannot write the cache" in line
    ) == [
        f"Cannot write the cache {cache / 'plots'} (Read-only file system): building without it",
        f"Cannot write the cache {cache / 'share-images'} (Read-only file system): building"
        " without it",
    ]
    assert all(png.stat().st_size > 0 for png in (tmp_path / "site").rglob("*.png"))
