"""Shared fixtures: the real site's data, the real site built into a temporary folder, and
writable copies of the mini site (another topic, built by the same engine)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from explainer.load import load_site_data
from explainer.sitedata import SiteData
from sitebuild import ROOT, BuiltSite, build_site

MINI_SITE = ROOT / "tests" / "sites" / "mini"
MKDOCS = [sys.executable, "-m", "mkdocs"]

__all__ = ["MINI_SITE", "MKDOCS", "ROOT", "BuiltSite", "build_site", "copy_mini_site"]


def copy_mini_site(target: Path) -> Path:
    """A writable copy of the mini site whose config still points at this repository's engine."""
    shutil.copytree(MINI_SITE, target)
    config = target / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("../../../", f"{ROOT}/"), "utf-8")
    return target


@pytest.fixture(scope="session")
def data() -> SiteData:
    """The real site's validated data."""
    return load_site_data(ROOT / "data")


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The real site, built once per test worker."""
    build = build_site(ROOT, tmp_path_factory.mktemp("site"))
    assert build.returncode == 0, build.output
    return build
