"""`mkdocs serve` picks up a data edit: the served page changes without a restart."""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import MKDOCS
from minisite import copy_mini_site


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


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


@pytest.fixture
def served_project(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    project = copy_mini_site(tmp_path / "project")
    port = _free_port()
    server = subprocess.Popen(
        [*MKDOCS, "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        yield project, f"http://127.0.0.1:{port}/stadtpark/"
    finally:
        server.terminate()
        server.wait(timeout=10)


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
