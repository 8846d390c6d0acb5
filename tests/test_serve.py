"""`mkdocs serve` picks up a data edit: the served page changes without a restart. While the
data has a mistake, the last good site stays served (requests never hang); after the fix the
preview recovers by itself; an edit to the engine's Python code is named with the advice to
restart."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import MKDOCS, ROOT
from minisite import copy_mini_site

HANG_GUARD = 30  # seconds a request or a rebuild may take before the test calls it stuck


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.3)
    return False


def _fetch(url: str, timeout: float = 5) -> str:
    return _fetch_bytes(url, timeout).decode("utf-8")


def _fetch_bytes(url: str, timeout: float = 5) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read()
    except OSError:
        return b""


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"test setup: {old!r} not in {path}"
    path.write_text(text.replace(old, new), "utf-8")


def _serve(project: Path, log: Path) -> Iterator[str]:
    port = _free_port()
    with log.open("wb") as output:
        server = subprocess.Popen(
            [*MKDOCS, "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            stdout=output,
            stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
    try:
        yield f"http://127.0.0.1:{port}/stadtpark/"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def served_project(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    project = copy_mini_site(tmp_path / "project")
    for url in _serve(project, tmp_path / "serve.log"):
        yield project, url


@pytest.fixture
def served_with_own_engine(tmp_path: Path) -> Iterator[tuple[Path, str, Path]]:
    """The mini site with a copy of the engine of its own, to edit."""
    project = copy_mini_site(tmp_path / "project")
    for folder in ("hooks", "overrides"):
        shutil.copytree(
            ROOT / folder, project / folder, ignore=shutil.ignore_patterns("__pycache__")
        )
    _edit(project / "mkdocs.yml", f"{ROOT}/", "")
    log = tmp_path / "serve.log"
    for url in _serve(project, log):
        yield project, url, log


def test_editing_data_reloads_the_served_site(served_project: tuple[Path, str]) -> None:
    project, url = served_project
    assert _wait_for(lambda: "Stadtpark – geprüft" in _fetch(url), 30), "server did not start"
    # The live-reload script MkDocs adds is inline and new on every request: a Content Security
    # Policy would block it, so the preview states only the referrer policy.
    page = _fetch(url)
    assert '<meta name="referrer"' in page and "Content-Security-Policy" not in page

    site_file = project / "data" / "site.yaml"
    site_file.write_text(
        site_file.read_text("utf-8").replace("title: Stadtpark – geprüft", "title: Park neu"),
        "utf-8",
    )

    assert _wait_for(lambda: "<h1" in _fetch(url) and "Park neu</h1>" in _fetch(url), 30)


def test_a_quote_edited_while_serving_gets_its_new_share_image(
    served_project: tuple[Path, str],
) -> None:
    project, url = served_project
    image = f"{url}assets/share/park-schrumpft.png"
    assert _wait_for(lambda: "Stadtpark – geprüft" in _fetch(url), HANG_GUARD), "did not start"
    before = _fetch_bytes(image)

    _edit(project / "data" / "claims.yaml", "Der Park wird jedes Jahr deutlich kleiner.", "Neu.")

    claim_page = f"{url}pruefungen/park-schrumpft/"
    assert _wait_for(lambda: "Neu." in _fetch(claim_page), HANG_GUARD), "not rebuilt"
    after = _fetch_bytes(image)
    assert after.startswith(b"\x89PNG\r\n\x1a\n") and before.startswith(b"\x89PNG")
    assert after != before


KEPT = "The preview shows the last good version of the site until this is fixed."


def test_broken_data_keeps_the_last_good_site_served_until_it_is_fixed(
    served_with_own_engine: tuple[Path, str, Path],
) -> None:
    project, url, log = served_with_own_engine
    assert _wait_for(lambda: "Stadtpark – geprüft" in _fetch(url), HANG_GUARD), "did not start"

    _edit(project / "data" / "claims.yaml", "verdict: stimmt-nicht", "verdict: fasch")
    assert _wait_for(lambda: KEPT in log.read_text("utf-8"), HANG_GUARD), log.read_text("utf-8")
    output = log.read_text("utf-8")
    assert "data/claims.yaml:5: claims[0].verdict: 'fasch' is not a verdict" in output
    assert "Traceback" not in output
    # Answered at once, with the last good site: MkDocs alone would keep the request waiting.
    assert "Stadtpark – geprüft</h1>" in _fetch(url, timeout=HANG_GUARD)

    _edit(project / "data" / "claims.yaml", "verdict: fasch", "verdict: stimmt-nicht")
    _edit(project / "data" / "site.yaml", "title: Stadtpark – geprüft", "title: Park neu")
    assert _wait_for(lambda: "Park neu</h1>" in _fetch(url), HANG_GUARD), log.read_text("utf-8")


def test_an_edit_to_the_engines_python_code_asks_for_a_restart(
    served_with_own_engine: tuple[Path, str, Path],
) -> None:
    project, url, log = served_with_own_engine
    assert _wait_for(lambda: "Stadtpark – geprüft" in _fetch(url), HANG_GUARD), "did not start"

    german = project / "hooks" / "explainer" / "text" / "german.py"
    german.write_text(german.read_text("utf-8") + "\n# edited\n", "utf-8")
    _edit(project / "data" / "site.yaml", "title: Stadtpark – geprüft", "title: Park neu")

    expected = (
        "Python code of the engine changed (hooks/explainer/text/german.py): stop the preview and "
        "start it again (make serve) for the change to take effect"
    )
    assert _wait_for(lambda: expected in log.read_text("utf-8"), HANG_GUARD), log.read_text()
    assert _wait_for(lambda: "Park neu</h1>" in _fetch(url), HANG_GUARD)
