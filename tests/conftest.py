"""Shared fixtures: the site's data, and the site built into a temporary folder.

Every explainer runs this file and the other standard tests (explainer/newsite.py lists them).
"""

from __future__ import annotations

import sys

import pytest
from explainer.data.load import load_site_data
from explainer.data.sitedata import SiteData
from sitebuild import ROOT, BuiltSite, address_of, build_site

# Where each edition's pages are below the site: "" for the original, "en/" for a translation.
EDITION_ROOTS = [
    "",
    *(f"{code}/" for code in load_site_data(ROOT / "data").site.translations),
]

MKDOCS = [sys.executable, "-m", "mkdocs"]
# Files whose tests the xdist workers share one by one (one test per page: each takes seconds);
# every other file runs whole on one worker (--dist loadfile), so its module fixtures run once.
SHARED_ONE_BY_ONE = ("tests/browser/test_every_page.py",)

__all__ = ["MKDOCS", "ROOT", "BuiltSite", "address_of", "build_site"]


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


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    """--dist loadfile, except for the files of SHARED_ONE_BY_ONE."""
    from xdist.scheduler import LoadFileScheduling

    class FilesAndSharedTests(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            shared = nodeid.split("::", 1)[0] in SHARED_ONE_BY_ONE
            return nodeid if shared else super()._split_scope(nodeid)

    return FilesAndSharedTests(config, log)
