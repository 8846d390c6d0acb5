"""What a build tells an editor: the site's name in one place, template errors at the line the
editor sees, and one line (not a list) for the pages the engine generates."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from conftest import MKDOCS
from minisite import copy_mini_site

PAGE_WITH_FRONT_MATTER = """---
title: Anfahrt
description: Wie man zum Park kommt.
---

# Anfahrt

Mit dem Bus.

Mit der Bahn.

Zu Fuß.
Am Eingang steht {{ eine_zahl_die_es_nicht_gibt }}.
"""  # the mistake is on line 13 of the file


def build(project: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*MKDOCS, "build", *options, "--site-dir", str(project / "site")],
        cwd=project, capture_output=True, text=True, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )  # fmt: skip


def test_a_site_name_that_differs_from_the_title_stops_the_strict_build_naming_both(
    tmp_path: Path,
) -> None:
    project = copy_mini_site(tmp_path / "project")
    site_file = project / "data" / "site.yaml"
    site_file.write_text(
        site_file.read_text("utf-8").replace("title: Stadtpark – geprüft", "title: Park neu"),
        "utf-8",
    )

    strict, preview = build(project, "--strict"), build(project)

    assert strict.returncode == 1
    assert (
        "The site's name differs: data/site.yaml has title: 'Park neu', mkdocs.yml has "
        "site_name: 'Stadtpark – geprüft'. Set site_name in mkdocs.yml to the title."
    ) in strict.stderr
    assert preview.returncode == 0, preview.stderr
    start_page = (project / "site" / "index.html").read_text("utf-8")
    assert "<title>Park neu</title>" in start_page and "Stadtpark – geprüft" not in start_page


def test_a_template_error_names_the_line_of_the_file_with_its_front_matter(
    tmp_path: Path,
) -> None:
    project = copy_mini_site(tmp_path / "project")
    (project / "docs" / "anfahrt.md").write_text(PAGE_WITH_FRONT_MATTER, "utf-8")

    result = build(project, "--strict")

    assert result.returncode == 1
    assert "docs/anfahrt.md:13: 'eine_zahl_die_es_nicht_gibt' is undefined" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_build_names_the_generated_pages_in_one_line_and_lists_them_only_when_verbose(
    tmp_path: Path,
) -> None:
    project = copy_mini_site(tmp_path / "project")

    quiet, verbose = build(project, "--strict"), build(project, "--strict", "--verbose")

    assert quiet.returncode == verbose.returncode == 0, quiet.stderr
    summary = [line for line in quiet.stderr.splitlines() if "Generated" in line]
    assert len(summary) == 1 and "claim pages" in summary[0], quiet.stderr
    assert "pruefungen/" not in quiet.stderr and '"nav" configuration' not in quiet.stderr
    listed = [line for line in verbose.stderr.splitlines() if "Generated page: " in line]
    assert listed and all(line.startswith("DEBUG") for line in listed), verbose.stderr
