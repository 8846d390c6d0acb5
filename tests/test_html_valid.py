"""Every built page is valid HTML: the W3C Nu HTML Checker (npm vnu-jar, which `make test`
installs into .cache/vnu) reports no error, and each ARIA reference names an element of its page.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, BuiltSite

VNU_JAR = ROOT / ".cache/vnu/node_modules/vnu-jar/build/dist/vnu.jar"  # Makefile: html-checker
INSTALL = "run `make test` or `make html-checker`, which install it"
# Attributes that name other elements by id. The checker no longer follows the ARIA ones.
ID_REFERENCES = re.compile(r'\saria-(?:labelledby|describedby|controls|owns)="([^"]*)"')
IDS = re.compile(r'\sid="([^"]*)"')


def test_the_html_checker_finds_no_error_on_any_page(site: BuiltSite) -> None:
    pages = sorted(site.site_dir.rglob("*.html"))
    assert pages, f"no HTML page in {site.site_dir}"
    errors = [_describe(message, site.site_dir) for message in _check(pages)]
    assert not errors, f"{len(errors)} errors:\n" + "\n".join(errors)


def test_aria_references_name_elements_of_the_same_page(site: BuiltSite) -> None:
    dangling = []
    for path in sorted(site.site_dir.rglob("*.html")):
        html = path.read_text("utf-8")
        ids = set(IDS.findall(html))
        references = {name for value in ID_REFERENCES.findall(html) for name in value.split()}
        dangling += [f"{path.relative_to(site.site_dir)}: #{name}" for name in references - ids]
    assert not dangling, "\n".join(sorted(dangling))


def _check(pages: list[Path]) -> list[dict]:
    """The checker's messages for all pages, from one Java process (it starts slowly)."""
    java = shutil.which("java")
    if java is None:
        pytest.fail(f"Java is missing, which runs the W3C Nu HTML Checker: {INSTALL}")
    if not VNU_JAR.is_file():
        pytest.fail(f"The W3C Nu HTML Checker is missing ({VNU_JAR}): {INSTALL}")
    command = [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, pages)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    # The report goes to stderr; exit status 1 means "errors found", not a failed run.
    try:
        return json.loads(result.stderr)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"The checker did not run (exit {result.returncode}): {result.stderr[-2000:]}")


def _describe(message: dict, site_dir: Path) -> str:
    """file:line: message, with the file relative to the built site."""
    path = message.get("url", "").removeprefix("file:")
    where = Path(path).relative_to(site_dir) if path.startswith(str(site_dir)) else path
    line = message.get("lastLine", "?")
    return f"{where}:{line}: {message.get('message', message)}"
