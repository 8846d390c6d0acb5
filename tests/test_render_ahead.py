"""Pages rendered ahead by a copy of the build (SiteBuild.render_ahead, store/ahead.py): the site
is byte for byte the site the build makes alone, and a page whose Markdown reached our hook
changed is rendered from what the hook got."""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from minisite import copy_mini_site

# A build of the project in this folder into sys.argv[1], alone (a process with a thread is not
# copied) if sys.argv[2] says so; prints how many pages the build's own process rendered.
_BUILD = """
import os, sys, threading
sys.path.insert(0, {hooks!r})
import explainer.site

build_process, rendered_here = os.getpid(), []
render = explainer.site.SiteBuild._rendered

def counted(self, markdown, path, *args, **names):
    if os.getpid() == build_process:
        rendered_here.append(path)
    return render(self, markdown, path, *args, **names)

explainer.site.SiteBuild._rendered = counted
if sys.argv[2] == "alone":
    threading.Thread(target=threading.Event().wait, daemon=True).start()
from mkdocs.__main__ import cli
cli(["build", "--strict", "--quiet", "--site-dir", sys.argv[1]], standalone_mode=False)
print(len(rendered_here))
""".format(hooks=str(ROOT / "hooks"))


def _build(project: Path, site_dir: Path, how: str) -> int:
    """Build `project`; the number of pages the build's own process rendered."""
    result = subprocess.run(
        [sys.executable, "-c", _BUILD, str(site_dir), how],
        cwd=project, capture_output=True, text=True, timeout=300, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    return int(result.stdout.split()[-1])


def _differences(comparison: filecmp.dircmp) -> list[str]:
    found = [*comparison.left_only, *comparison.right_only, *comparison.diff_files]
    for sub in comparison.subdirs.values():
        found += _differences(sub)
    return found


def test_the_site_rendered_ahead_is_the_site_the_build_renders_alone(tmp_path: Path) -> None:
    project = copy_mini_site(tmp_path / "mini")
    pages = len(list((project / "docs").rglob("*.md")))
    assert _build(project, tmp_path / "ahead", "ahead") == 0  # every page came from the copy
    assert _build(project, tmp_path / "alone", "alone") > pages  # ... and the generated ones
    comparison = filecmp.dircmp(tmp_path / "ahead", tmp_path / "alone", ignore=[])
    assert _differences(comparison) == []
    for html in (tmp_path / "ahead").rglob("*.html"):  # dircmp compares sizes and dates only
        assert (
            html.read_bytes()
            == (tmp_path / "alone" / html.relative_to(tmp_path / "ahead")).read_bytes()
        )


def test_markdown_changed_before_our_hook_is_rendered_as_changed(tmp_path: Path) -> None:
    """Another hook changes a page's Markdown before ours (its priority is higher): the copy
    read the file, so the build renders the page from the Markdown it was handed."""
    project = copy_mini_site(tmp_path / "mini")
    (project / "tweak.py").write_text(
        "from mkdocs.plugins import event_priority\n\n\n"
        "@event_priority(50)\n"
        "def on_page_markdown(markdown, **kwargs):\n"
        "    return markdown.replace('Aussagen', 'Aussagen, von einem anderen Hook gezählt')\n",
        "utf-8",
    )
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("hooks:\n", "hooks:\n  - tweak.py\n"))
    _build(project, tmp_path / "site", "ahead")
    assert "Aussagen, von einem anderen Hook gezählt" in (
        tmp_path / "site" / "index.html"
    ).read_text("utf-8")
