"""The mini site: a second tiny site on another topic, built by the same engine in the tests."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT

MINI_SITE = ROOT / "tests" / "sites" / "mini"


def copy_mini_site(target: Path) -> Path:
    """A writable copy of the mini site whose config still points at this repository's engine."""
    shutil.copytree(MINI_SITE, target)
    config = target / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("../../../", f"{ROOT}/"), "utf-8")
    return target
