"""Every installed package is pinned, with hashes, in the compiled requirements files; the site's
packages (requirements.txt) hold no test tool; no file names a package index."""

from __future__ import annotations

import importlib.metadata
import re
import sys
from pathlib import Path

import pytest
from conftest import ROOT

RUNTIME = ROOT / "requirements.txt"
TESTING = ROOT / "requirements-test.txt"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+) \\$", re.MULTILINE)
TEST_TOOLS = {"pytest", "pytest-xdist", "hypothesis", "ruff", "playwright", "pip-tools"}
HASHED = re.compile(
    r"^([A-Za-z0-9]\S*==\S+ \\)(?:\n    --hash=sha256:[0-9a-f]{64}(?: \\)?)+$", re.M
)
# Where packages come from is the machine's pip configuration, never the committed files.
INDEX_OPTION = re.compile(r"--(?:extra-)?index-url|--find-links|--trusted-host|file://|https?://")


def normalized(name: str) -> str:
    """A distribution's name as pip compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(path: Path) -> dict[str, str]:
    return {normalized(name): version for name, version in PIN.findall(path.read_text("utf-8"))}


def test_every_installed_distribution_is_pinned_in_the_test_requirements() -> None:
    if sys.prefix == sys.base_prefix:
        pytest.fail("the tests run outside a virtual environment: run them with make test")
    pinned = pins(TESTING)
    installed = {
        normalized(dist.metadata["Name"]): dist.version
        for dist in importlib.metadata.distributions()
    }
    unpinned = {name: v for name, v in installed.items() if pinned.get(name) != v}
    assert not unpinned, f"installed but not pinned in {TESTING.name}: {unpinned}"


@pytest.mark.parametrize("path", [RUNTIME, TESTING], ids=lambda path: path.name)
def test_every_pin_carries_hashes_and_no_index_address(path: Path) -> None:
    text = path.read_text("utf-8")
    requirements = re.findall(r"^[A-Za-z0-9].*", text, re.MULTILINE)
    assert requirements == HASHED.findall(text)  # each pin followed by its hashes
    addresses = [line for line in text.splitlines() if INDEX_OPTION.search(line)]
    assert not addresses, addresses


def test_the_site_needs_no_test_tool_and_both_files_agree_on_its_versions() -> None:
    runtime, testing = pins(RUNTIME), pins(TESTING)
    assert not TEST_TOOLS & runtime.keys()
    assert TEST_TOOLS <= testing.keys()
    differing = {
        name: (v, testing.get(name)) for name, v in runtime.items() if testing.get(name) != v
    }
    assert not differing, differing
