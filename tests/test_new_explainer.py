"""`make new-explainer`: a complete, separate site for another article, with none of this site's
content, that builds strictly and passes its own data check and tests; `update-engine` brings it
a newer engine and leaves its site alone."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, build_site
from explainer import __version__
from explainer.changelog import engine_version, entries_between
from explainer.data.sitedata import SiteData
from explainer.newsite import ExplainerError, create_explainer, update_engine

# What the issue asks a new explainer to hold, besides the engine.
SITE_FILES = [
    "mkdocs.yml", "README.md", "Makefile", "requirements.txt", ".gitignore", ".ci/run",
    "hooks/mkdocs_explainer.py", "overrides/main.html", "data/site.yaml", "data/sources.yaml",
    "data/claims.yaml", "data/faq.yaml", "data/figures.yaml", "data/verdicts.yaml",
    "data/operator.yaml", "data/glossary.yaml", "data/schema/claims.schema.json",
    "docs/index.md", "docs/behauptungen/index.md", "docs/faq.md", "docs/zahlen.md",
    "docs/quellen.md", "docs/glossar.md", "docs/methodik.md", "docs/korrekturen.md",
    "docs/impressum.md", "docs/datenschutz.md", "tests/test_explainer_rules.py",
    "requirements-test.txt", ".github/dependabot.yml", ".github/workflows/tests.yml",
    "data/ANLEITUNG.md", "LICENSE", "CHANGELOG.md",
]  # fmt: skip
NEWER_ENGINE_MARK = "# a later engine version\n"


def _engine(engine_of: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """`python -m explainer …` with the engine of the explainer in `engine_of`."""
    return subprocess.run(
        [sys.executable, "-m", "explainer", *arguments],
        env={**os.environ, "PYTHONPATH": str(engine_of / "hooks")},
        capture_output=True, text=True, check=False,
    )  # fmt: skip


@pytest.fixture(scope="module")
def explainer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new explainer made as `make new-explainer DIR=…` makes it."""
    folder = tmp_path_factory.mktemp("new") / "anderer-artikel"
    made = _engine(ROOT, "new", str(folder))
    assert made.returncode == 0, made.stderr
    assert f"cd {folder}" in made.stdout and "make serve" in made.stdout
    steps = made.stdout.splitlines()
    assert steps.index(f"  cd {folder}") + 1 == steps.index(
        '  git init && git add . && git commit -m "Start from the explainer starter"'
    )
    assert "data/ANLEITUNG.md (Anleitung für die Redaktion)" in made.stdout
    return folder


def test_a_new_explainer_has_config_engine_starter_data_pages_and_tests(explainer: Path) -> None:
    missing = [path for path in SITE_FILES if not (explainer / path).is_file()]
    assert not missing, missing
    assert len(list((explainer / "data" / "series").glob("*.yaml"))) == 1


def test_a_new_explainer_has_dependabot_for_its_workflows_and_its_packages(
    explainer: Path,
) -> None:
    workflow = (explainer / ".github" / "workflows" / "pages.yml").read_text("utf-8")
    assert ".github/dependabot.yml" in workflow  # what the workflow's header refers to
    updates = yaml.safe_load((explainer / ".github" / "dependabot.yml").read_text("utf-8"))
    ecosystems = {
        (update["package-ecosystem"], update["directory"]) for update in updates["updates"]
    }
    assert ecosystems == {("github-actions", "/"), ("pip", "/")}


def test_the_starters_site_name_is_its_title(explainer: Path) -> None:
    config = yaml.load((explainer / "mkdocs.yml").read_text("utf-8"), Loader=yaml.BaseLoader)
    site = yaml.safe_load((explainer / "data" / "site.yaml").read_text("utf-8"))
    assert config["site_name"] == site["title"]


def test_the_editors_guide_is_german_and_formal(explainer: Path) -> None:
    guide = (explainer / "data" / "ANLEITUNG.md").read_text("utf-8")
    assert guide.startswith("# Anleitung für die Redaktion\n")
    words = set(re.findall(r"\w+", guide))
    assert {"Sie", "Ihre"} <= words
    assert not words & {"du", "Du", "dein", "deine", "dich", "dir"}  # „Sie“ throughout
    assert "make check" in guide and "make serve" in guide and "README.md" in guide


def test_a_new_explainer_builds_strictly_with_a_page_per_claim(
    explainer: Path, tmp_path: Path
) -> None:
    build = build_site(explainer, tmp_path / "site")
    assert build.returncode == 0, build.output
    claims = (explainer / "data" / "claims.yaml").read_text("utf-8")
    for claim_id in re.findall(r"^  - id: (\S+)$", claims, re.MULTILINE):
        assert (tmp_path / "site" / "behauptungen" / claim_id / "index.html").is_file(), claim_id


def test_a_new_explainer_passes_its_own_data_check(explainer: Path) -> None:
    check = _engine(explainer, "check", str(explainer))
    assert (check.returncode, check.stdout, check.stderr) == (0, "", "")


def test_a_new_explainer_passes_its_own_tests_outside_the_browser(explainer: Path) -> None:
    tests = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-n", "0", "--ignore=tests/browser"],
        cwd=explainer, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert tests.returncode == 0, tests.stdout + tests.stderr


def test_a_new_explainer_contains_none_of_this_sites_content(
    explainer: Path, data: SiteData
) -> None:
    ours = {record_id for records in data.by_id.values() for record_id in records}
    ours -= {
        verdict.id for verdict in data.verdicts
    }  # the rating scale is the house's, not DeepSeek's
    for path in explainer.rglob("*"):
        if not path.is_file() or path.suffix in (".ttf", ".js", ".pyc", ".png"):
            continue
        text = path.read_text("utf-8")
        assert "deepseek" not in text.lower(), path
        if path.relative_to(explainer).parts[0] in ("data", "docs"):
            found = {i for i in ours if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", text)}
            assert not found, f"{path}: {sorted(found)}"


def test_update_engine_brings_a_newer_engine_and_leaves_the_site_alone(
    explainer: Path, tmp_path: Path
) -> None:
    newer = tmp_path / "newer"
    create_explainer(newer)
    with (newer / "hooks" / "explainer" / "text" / "german.py").open(
        "a", encoding="utf-8"
    ) as german:
        german.write(NEWER_ENGINE_MARK)
    release_newer_engine(newer, "99.0.0", "### Fixed\n\n- Something an editor would notice.\n")
    project = tmp_path / "project"
    shutil.copytree(explainer, project)
    (project / "hooks" / "explainer" / "dropped.py").write_text("# gone in the newer engine\n")
    retired = project / "tests" / "browser" / "test_every_page_dark.py"
    retired.write_text("# an engine test that a later version merged into another\n")
    site_file = project / "data" / "site.yaml"
    edited = site_file.read_text("utf-8").replace("Beispiel – eingeordnet", "Unser Thema")
    site_file.write_text(edited, "utf-8")
    page = (project / "docs" / "index.md").read_text("utf-8") + "\nUnser eigener Absatz.\n"
    (project / "docs" / "index.md").write_text(page, "utf-8")

    updated = _engine(newer, "update-engine", str(project))

    assert (updated.returncode, updated.stderr) == (0, "")
    assert updated.stdout.startswith(f"Engine {__version__} -> 99.0.0. What changed")
    assert "## [99.0.0] - 2026-12-31\n\n### Fixed\n\n- Something an editor" in updated.stdout
    assert f"## [{__version__}]" not in updated.stdout  # the explainer has that one already
    engine = (project / "hooks" / "explainer" / "text" / "german.py").read_text("utf-8")
    assert engine.endswith(NEWER_ENGINE_MARK)
    assert not (project / "hooks" / "explainer" / "dropped.py").exists()
    assert not retired.exists()
    assert site_file.read_text("utf-8") == edited
    assert (project / "docs" / "index.md").read_text("utf-8") == page
    check = _engine(project, "check", str(project))
    assert (check.returncode, check.stderr) == (0, "")


def test_a_new_explainer_needs_an_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("schon da\n")
    with pytest.raises(ExplainerError) as error:
        create_explainer(tmp_path)
    assert str(error.value) == f"{tmp_path} is not empty: name a new folder"


def test_update_engine_refuses_a_folder_that_is_no_explainer(tmp_path: Path) -> None:
    with pytest.raises(ExplainerError) as error:
        update_engine(tmp_path)
    assert str(error.value) == f"{tmp_path} is not an explainer: it has no mkdocs.yml and data/"


def release_newer_engine(engine_of: Path, version: str, entry: str) -> None:
    """Make the engine in `engine_of` a later release: its version and a changelog entry."""
    init = engine_of / "hooks" / "explainer" / "__init__.py"
    init.write_text(init.read_text("utf-8").replace(__version__, version), "utf-8")
    changelog = engine_of / "CHANGELOG.md"
    heading = f"## [{version}] - 2026-12-31\n\n{entry}\n"
    changelog.write_text(
        changelog.read_text("utf-8").replace(
            "## [Unreleased]\n\n", f"## [Unreleased]\n\n{heading}"
        ),
        "utf-8",
    )
    assert engine_version(engine_of) == version


CHANGELOG = """# Changelog

## [Unreleased]

- Not released yet.

## [1.10.0] - 2027-03-01

- Ten.

## [1.2.0] - 2027-02-01

- Two.

## [1.0.0] - 2026-12-05

- First.
"""
BETWEEN = {
    "one release": ("1.2.0", "1.10.0", ["1.10.0"]),
    "versions compare as numbers": ("1.0.0", "1.10.0", ["1.10.0", "1.2.0"]),
    "up to the new version only": ("1.0.0", "1.2.0", ["1.2.0"]),
    "same version: nothing": ("1.10.0", "1.10.0", []),
    "no version yet: everything": (None, "1.10.0", ["1.10.0", "1.2.0", "1.0.0"]),
}


@pytest.mark.parametrize(("older", "newer", "releases"), BETWEEN.values(), ids=BETWEEN.keys())
def test_update_engine_prints_the_changelog_entries_after_the_old_version(
    older: str | None, newer: str, releases: list[str]
) -> None:
    entries = entries_between(CHANGELOG, older, newer)
    assert re.findall(r"^## \[([\d.]+)\]", entries, re.MULTILINE) == releases
    assert "Unreleased" not in entries


def test_the_changelog_has_an_entry_for_the_engines_version() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text("utf-8")
    assert re.search(
        rf"^## \[{re.escape(__version__)}\] - \d{{4}}-\d{{2}}-\d{{2}}$", changelog, re.M
    )
    assert entries_between(changelog, None, __version__).startswith(f"## [{__version__}]")


def test_an_engine_from_before_versions_has_none(tmp_path: Path) -> None:
    (tmp_path / "hooks" / "explainer").mkdir(parents=True)
    (tmp_path / "hooks" / "explainer" / "__init__.py").write_text('"""An older engine."""\n')
    assert engine_version(tmp_path) is None
