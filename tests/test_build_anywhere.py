"""`make build` needs only Python and make: no root, no package manager, no system fonts.

The share-image font comes with the engine: DejaVu Sans 2.37, the files of Debian's package
fonts-dejavu-core 2.37-6, with that package's copyright file (the Bitstream Vera licence allows
redistribution). To update: copy DejaVuSans.ttf and DejaVuSans-Bold.ttf of a newer release and its
licence into hooks/explainer/outputs/fonts/, then update SHA256 here.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, BuiltSite, build_site
from explainer.outputs.shareimage import BOLD, REGULAR, VENDORED_FONT_DIR

SHA256 = {
    REGULAR: "abdc775b21b1bc470d50c97e790d276f2054b7504e56e5bd3e64f48d68582322",
    BOLD: "0d977336a6d5fba34eab8e3199eb218327161b5143749f802982c2bc34df0c96",
}
SYSTEM_FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")  # Debian's fonts-dejavu-core
# What a bare machine has besides Python and make; no apt-get, sudo or anything else.
BASIC_TOOLS = ("make", "sh", "env", "cat", "rm", "mkdir", "touch", "grep", "awk")
NOT_COPIED = shutil.ignore_patterns(".git", ".venv", "site", "__pycache__", ".pytest_cache")


def test_the_vendored_fonts_are_the_checked_files_with_their_licence() -> None:
    for name, checksum in SHA256.items():
        assert hashlib.sha256((VENDORED_FONT_DIR / name).read_bytes()).hexdigest() == checksum
    licence = (VENDORED_FONT_DIR / "DejaVu.LICENSE.txt").read_text("utf-8")
    assert "Bitstream Vera" in licence and "DejaVu changes are in public domain" in licence


@pytest.fixture(scope="module")
def bare_build(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """`make build` on a copy of this repository, with a PATH of Python and basic tools only and
    every font folder a program might search pointing at an empty folder."""
    folder = tmp_path_factory.mktemp("bare")
    project = folder / "project"
    shutil.copytree(ROOT, project, ignore=NOT_COPIED)
    (project / ".venv").symlink_to((ROOT / ".venv").resolve())
    tools = folder / "bin"
    tools.mkdir()
    (tools / "python3").symlink_to(sys.executable)
    for name in BASIC_TOOLS:
        if found := shutil.which(name):
            (tools / name).symlink_to(found)
    empty = folder / "empty"
    empty.mkdir()
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith("EXPLAINER_")
    }
    environment.update(PATH=str(tools), HOME=str(empty), XDG_DATA_HOME=str(empty),
                       XDG_DATA_DIRS=str(empty))  # fmt: skip
    # -o: the shared .venv counts as installed; the copy's requirements.txt is newer than it.
    result = subprocess.run(
        [str(tools / "make"), "-o", ".venv/.installed-runtime", "build"],
        cwd=project, env=environment, capture_output=True, text=True, check=False,
    )  # fmt: skip
    return BuiltSite(project / "site", result.returncode, result.stdout + result.stderr, 0)


def test_make_build_needs_no_package_manager_and_no_system_font(bare_build: BuiltSite) -> None:
    tools = bare_build.site_dir.parent.parent / "bin"
    assert shutil.which("apt-get", path=str(tools)) is None
    assert shutil.which("sudo", path=str(tools)) is None
    assert bare_build.returncode == 0, bare_build.output
    assert (bare_build.site_dir / "assets" / "share" / "site.png").is_file()


@pytest.mark.skipif(not (SYSTEM_FONT_DIR / BOLD).is_file(), reason="no system DejaVu fonts")
def test_share_images_are_byte_identical_to_those_drawn_with_the_system_fonts(
    bare_build: BuiltSite, tmp_path: Path
) -> None:
    assert bare_build.returncode == 0, bare_build.output
    system = build_site(
        bare_build.site_dir.parent, tmp_path / "site", EXPLAINER_FONT_DIR=str(SYSTEM_FONT_DIR)
    )
    assert system.returncode == 0, system.output
    images = sorted(path.name for path in (bare_build.site_dir / "assets" / "share").glob("*.png"))
    assert images == sorted(path.name for path in (system.site_dir / "assets" / "share").iterdir())
    different = [
        name
        for name in images
        if (bare_build.site_dir / "assets" / "share" / name).read_bytes()
        != (system.site_dir / "assets" / "share" / name).read_bytes()
    ]
    assert not different, different
