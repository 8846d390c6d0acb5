"""Shared fixtures: the site's data, and the site built into a temporary folder.

Every explainer runs this file and the other standard tests (explainer/newsite.py lists them).
"""

from __future__ import annotations

import sys

import pytest
from explainer.load import load_site_data
from explainer.sitedata import SiteData
from sitebuild import ROOT, BuiltSite, build_site

MKDOCS = [sys.executable, "-m", "mkdocs"]

__all__ = ["MKDOCS", "ROOT", "BuiltSite", "build_site"]


@pytest.fixture(scope="session")
def data() -> SiteData:
    """The site's validated data."""
    return load_site_data(ROOT / "data")


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The site, built strictly once per test worker."""
    build = build_site(ROOT, tmp_path_factory.mktemp("site"))
    assert build.returncode == 0, build.output
    return build
