"""Deployment: the Pages workflow, serving under a sub-path, and byte-identical rebuilds."""

from __future__ import annotations

import datetime
import filecmp
import gzip
import os
import re
import subprocess
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from conftest import MKDOCS, ROOT, BuiltSite, build_site
from explainer.data.sitedata import SiteData
from explainer.outputs.metadata import date_epoch
from htmlmeta import read_head
from localweb import QuietHandler, serve_folder
from minisite import copy_mini_site

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
TESTS_WORKFLOW = ROOT / ".github" / "workflows" / "tests.yml"  # pull requests; called by Pages
DEPENDABOT = ROOT / ".github" / "dependabot.yml"
PREFIX = "/deepseek-eingeordnet/"  # the path of site_url in mkdocs.yml
PAGES_ACTIONS = {"actions/checkout", "actions/setup-python", "actions/upload-pages-artifact",
                 "actions/deploy-pages"}  # fmt: skip
# owner/name@<commit> # v1.2.3 - a full commit SHA, the release it came from beside it
PINNED = re.compile(r"^\s*(?:- )?uses: ([\w.-]+/[\w.-]+)@[0-9a-f]{40} # v\d+\.\d+\.\d+$")
LOCAL_WORKFLOW = re.compile(r"^\s*uses: \./\.github/workflows/[\w.-]+\.yml(?: #.*)?$")


# ---------------------------------------------------------------------------------------------
# The workflows
# ---------------------------------------------------------------------------------------------


def _workflow(path: Path = WORKFLOW) -> dict:
    return yaml.safe_load(path.read_text("utf-8"))


def _triggers(workflow: dict) -> dict:
    return workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true


def _steps(job: dict) -> list[str]:
    """Each step as its command or the action it uses (without version)."""
    return [step.get("run") or step.get("uses", "").split("@")[0] for step in job["steps"]]


def test_workflow_deploys_on_push_to_main_with_the_official_actions() -> None:
    workflow = _workflow()
    assert _triggers(workflow)["push"]["branches"] == ["main"]
    used = {step["uses"].split("@")[0] for job in workflow["jobs"].values()
            for step in job.get("steps", []) if "uses" in step}  # fmt: skip
    assert used == PAGES_ACTIONS


@pytest.mark.parametrize("path", [WORKFLOW, TESTS_WORKFLOW], ids=lambda path: path.name)
def test_every_action_is_pinned_to_a_commit_with_its_version_beside_it(path: Path) -> None:
    lines = [line for line in path.read_text("utf-8").splitlines() if "uses:" in line]
    unpinned = [line.strip() for line in lines
                if not PINNED.match(line) and not LOCAL_WORKFLOW.match(line)]  # fmt: skip
    assert lines and not unpinned, unpinned


@pytest.mark.parametrize("path", [WORKFLOW, TESTS_WORKFLOW], ids=lambda path: path.name)
def test_every_job_with_steps_has_a_time_limit(path: Path) -> None:
    jobs = _workflow(path)["jobs"]
    unlimited = [
        name for name, job in jobs.items() if "steps" in job and not job.get("timeout-minutes")
    ]
    assert not unlimited, unlimited


def test_each_job_may_do_only_what_it_needs() -> None:
    workflow, tests = _workflow(), _workflow(TESTS_WORKFLOW)
    assert workflow["permissions"] == tests["permissions"] == {}
    jobs = workflow["jobs"]
    assert jobs["test"]["permissions"] == jobs["build"]["permissions"] == {"contents": "read"}
    assert tests["jobs"]["test"]["permissions"] == {"contents": "read"}
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    for job in (jobs["build"], tests["jobs"]["test"]):
        checkout = job["steps"][_steps(job).index("actions/checkout")]
        assert checkout["with"]["persist-credentials"] is False


def test_pull_requests_run_every_test_and_deploy_nothing() -> None:
    tests = _workflow(TESTS_WORKFLOW)
    assert set(_triggers(tests)) == {"pull_request", "workflow_call"}
    assert [_steps(job) for job in tests["jobs"].values()] == [
        ["actions/checkout", "actions/setup-python", "make test"]
    ]


def test_workflow_tests_then_builds_without_test_tools_then_deploys() -> None:
    jobs = _workflow()["jobs"]
    assert jobs["test"]["uses"] == "./.github/workflows/tests.yml"
    steps, commands = jobs["build"]["steps"], _steps(jobs["build"])
    assert jobs["build"]["needs"] == "test"
    assert "make test" not in commands  # the build job installs requirements.txt only
    build, upload = commands.index("make build"), commands.index("actions/upload-pages-artifact")
    assert build < upload
    assert steps[build]["env"]["CI_DEPLOY"] == "1"
    assert steps[upload]["with"]["path"] == "site"
    assert not any(step.get("continue-on-error") for step in steps)
    assert jobs["deploy"]["needs"] == "build"
    assert jobs["deploy"]["environment"]["name"] == "github-pages"
    assert _steps(jobs["deploy"]) == ["actions/deploy-pages"]


def test_dependabot_proposes_updates_of_the_actions_and_the_python_packages() -> None:
    updates = yaml.safe_load(DEPENDABOT.read_text("utf-8"))["updates"]
    assert {(update["package-ecosystem"], update["directory"]) for update in updates} == {
        ("github-actions", "/"), ("pip", "/")}  # fmt: skip


def test_readme_documents_the_manual_deploy() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "## Deploy" in readme and ".venv/bin/mkdocs gh-deploy --strict" in readme


# ---------------------------------------------------------------------------------------------
# Served from a sub-path, as GitHub Pages serves a project site
# ---------------------------------------------------------------------------------------------


class _SubPathHandler(QuietHandler):
    """Serves the built site under PREFIX only; anything else gets the 404 page, like Pages."""

    def translate_path(self, path: str) -> str:
        path = urlsplit(path).path
        if not path.startswith(PREFIX):
            return str(Path(self.directory) / "does-not-exist")
        return super().translate_path("/" + path.removeprefix(PREFIX))

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def served(site: BuiltSite) -> Iterator[str]:
    server, url = serve_folder(site.site_dir, _SubPathHandler)
    try:
        yield url.rstrip("/")
    finally:
        server.shutdown()
        server.server_close()


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def _read(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def _local_links(page_url: str, html: str) -> set[str]:
    """Every href and src of the page that points at this server, without fragments."""
    links = set()
    for link in read_head(html).links:
        url = urljoin(page_url, link).split("#", 1)[0]
        if urlsplit(url).netloc == urlsplit(page_url).netloc:
            links.add(url)
    return links


def test_pages_and_everything_they_link_resolve_under_the_sub_path(
    served: str, data: SiteData
) -> None:
    claim_id = data.claims[0].id
    pages = ["", "faq/", "zahlen/", "impressum/", f"behauptungen/{claim_id}/"]
    checked: dict[str, int] = {}
    for page in pages:
        status, html = _read(served + PREFIX + page)
        assert status == 200, page
        links = _local_links(served + PREFIX + page, html)
        assert any(link.endswith(".css") for link in links) and any(".js" in link for link in links)
        for link in links - checked.keys():
            checked[link] = _status(link)
    broken = {link: status for link, status in checked.items() if status != 200}
    assert not broken, broken
    assert all(urlsplit(link).path.startswith(PREFIX) for link in checked)


def test_unknown_address_under_the_sub_path_gets_a_404_page_whose_links_work(served: str) -> None:
    status, html = _read(served + PREFIX + "gibt/es/nicht/")
    assert status == 404 and "Seite nicht gefunden" in html
    links = _local_links(served + PREFIX + "gibt/es/nicht/", html)
    assert served + PREFIX in links
    statuses = {link: _status(link) for link in links}
    assert all(status == 200 for status in statuses.values()), statuses


# ---------------------------------------------------------------------------------------------
# Reproducible builds
# ---------------------------------------------------------------------------------------------


def test_building_twice_gives_byte_identical_output(site: BuiltSite, tmp_path: Path) -> None:
    again = build_site(ROOT, tmp_path / "again")
    assert again.returncode == 0, again.output
    first = sorted(p.relative_to(site.site_dir) for p in site.site_dir.rglob("*") if p.is_file())
    second = sorted(p.relative_to(again.site_dir) for p in again.site_dir.rglob("*") if p.is_file())
    assert first == second
    different = [
        str(path)
        for path in first
        if not filecmp.cmp(site.site_dir / path, again.site_dir / path, shallow=False)
    ]
    assert not different, different


def test_build_date_comes_from_the_data_not_the_clock(tmp_path: Path) -> None:
    project = copy_mini_site(tmp_path / "project")
    environment = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    result = subprocess.run(
        [*MKDOCS, "build", "--strict", "--site-dir", str(tmp_path / "out")],
        cwd=project, capture_output=True, text=True, check=False,
        env={**environment, "NO_MKDOCS_2_WARNING": "1"},
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    updated = yaml.safe_load((project / "data" / "site.yaml").read_text("utf-8"))["updated"]
    sitemap = (tmp_path / "out" / "sitemap.xml").read_text("utf-8")
    assert f"<lastmod>{updated}</lastmod>" in sitemap
    compressed = (tmp_path / "out" / "sitemap.xml.gz").read_bytes()
    day = datetime.date.fromisoformat(str(updated))
    assert int.from_bytes(compressed[4:8], "little") == date_epoch(day)  # gzip header mtime
    assert gzip.decompress(compressed).decode("utf-8") == sitemap


# ---------------------------------------------------------------------------------------------
# A second generator: ProperDocs, the maintained MkDocs 1.6 fork
# ---------------------------------------------------------------------------------------------

GENERATOR_TAG = re.compile(rb'<meta name="generator" content="[^"]*">')


def test_properdocs_builds_the_same_site(site: BuiltSite, tmp_path: Path) -> None:
    other = build_site(ROOT, tmp_path / "properdocs", generator="properdocs")
    assert other.returncode == 0, other.output
    files = sorted(p.relative_to(site.site_dir) for p in site.site_dir.rglob("*") if p.is_file())
    assert files == sorted(
        p.relative_to(other.site_dir) for p in other.site_dir.rglob("*") if p.is_file()
    )
    different = []
    for path in files:
        ours, theirs = (site.site_dir / path).read_bytes(), (other.site_dir / path).read_bytes()
        if ours != theirs and GENERATOR_TAG.sub(b"", ours) != GENERATOR_TAG.sub(b"", theirs):
            different.append(str(path))
    assert not different, different
    assert b"ProperDocs" in (other.site_dir / "index.html").read_bytes()
