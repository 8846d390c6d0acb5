"""What the Makefile and .ci/ install, and how they say it: `make serve` only the site's packages,
`make test` the test tools too; a Debian package only after saying what and why, with nothing
recommended or upgraded and apt-get's output shown; without root, the command to run instead."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from portcheck import port_in_use

APT_SCRIPTS = {
    "install-chromium": "chromium",
    "install-java": "default-jre-headless",
}
APT_INSTALL = "apt-get install -y --no-install-recommends --no-upgrade"


def planned_commands(target: str, *variables: str) -> list[str]:
    """Every command `make TARGET` would run on a fresh clone (-B: as if nothing were made)."""
    result = subprocess.run(
        ["make", "-n", "-B", "--no-print-directory", target, *variables],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return result.stdout.splitlines()


@pytest.mark.parametrize("target", ["serve", "build", "check"])
def test_the_site_targets_install_only_the_sites_packages(target: str) -> None:
    commands = "\n".join(planned_commands(target))
    assert "--require-hashes -r requirements.txt" in commands
    assert "requirements-test" not in commands


@pytest.mark.parametrize("target", ["test", "bench"])
def test_the_test_targets_install_the_test_tools_with_hashes(target: str) -> None:
    commands = "\n".join(planned_commands(target))
    assert "--require-hashes -r requirements-test.txt" in commands


def test_make_serve_checks_the_chosen_port_before_serving_on_it() -> None:
    commands = planned_commands("serve", "PORT=8123")
    check = next(
        i for i, line in enumerate(commands) if "bench/portcheck.py 127.0.0.1 8123" in line
    )
    serve = next(i for i, line in enumerate(commands) if "serve --dev-addr 127.0.0.1:8123" in line)
    assert check < serve


def test_a_busy_port_is_one_sentence_without_traceback() -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        assert port_in_use("127.0.0.1", port)
        result = subprocess.run(
            [sys.executable, str(ROOT / "bench" / "portcheck.py"), "127.0.0.1", str(port)],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"Port {port} on 127.0.0.1 is in use (another `make serve`?): stop that server, "
        f"or serve on another port, e.g. make serve PORT={port + 1}\n"
    )
    assert not port_in_use("127.0.0.1", port)  # closed again: free


def fake_system(folder: Path, user_id: int) -> dict[str, str]:
    """A PATH whose `id` answers `user_id` and whose `apt-get` prints what it was asked."""
    folder.mkdir()
    for name, script in {
        "id": f"#!/bin/sh\necho {user_id}\n",
        "apt-get": '#!/bin/sh\necho "apt-get output: $*"\n',
    }.items():
        (folder / name).write_text(script)
        (folder / name).chmod(stat.S_IRWXU)
    return {**os.environ, "PATH": f"{folder}:{os.environ['PATH']}", "CHROMIUM": "/usr/bin/chromium"}


def run_install_script(script: str, tmp_path: Path, user_id: int) -> subprocess.CompletedProcess:
    """One of the .ci install scripts, run as `user_id` against a fake id and apt-get."""
    return subprocess.run(
        [str(ROOT / ".ci" / script)], env=fake_system(tmp_path / "bin", user_id),
        capture_output=True, text=True, check=False,
    )  # fmt: skip


@pytest.mark.parametrize("script", APT_SCRIPTS, ids=APT_SCRIPTS)
def test_as_root_the_package_is_named_explained_and_installed_visibly(
    script: str, tmp_path: Path
) -> None:
    package = APT_SCRIPTS[script]
    result = run_install_script(script, tmp_path, user_id=0)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"==> make test needs the Debian package '{package}': ")
    assert f"apt-get output: install -y --no-install-recommends --no-upgrade {package}" in lines
    assert lines.index("apt-get output: update") < len(lines) - 1  # update, then install


@pytest.mark.parametrize("script", APT_SCRIPTS, ids=APT_SCRIPTS)
def test_without_root_nothing_is_installed_and_the_command_is_printed(
    script: str, tmp_path: Path
) -> None:
    package = APT_SCRIPTS[script]
    result = run_install_script(script, tmp_path, user_id=1000)
    assert result.returncode == 1
    assert "apt-get output" not in result.stdout + result.stderr
    assert f"  sudo apt-get update && sudo {APT_INSTALL} {package}\n" in result.stderr


def test_the_ci_entry_point_still_just_runs_make_test() -> None:
    lines = (ROOT / ".ci" / "run").read_text("utf-8").splitlines()
    assert lines[-1] == "make test"
