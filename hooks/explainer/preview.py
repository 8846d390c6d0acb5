"""The live preview (`make serve`): the last good site stays up while the data has a mistake,
and an edit to the engine's Python code is named with the advice to restart.

A preview server rebuilds its folder after every saved file. A failed rebuild would leave the
folder half-built, and MkDocs then keeps every request waiting for a build that never succeeds.
`LastGoodSite` wraps the rebuild: it moves the built site aside first and puts it back when the
rebuild fails, then reports the failure as done, so requests are answered with the last good
site at once; the next rebuild after a fix shows the fixed site, without a restart.

Data, pages, templates and theme files are read again by every rebuild. Python code is not:
MkDocs loads the hook files once per process, and they hold the engine's modules. Reloading
them in place would reset what the hooks learnt at start (that this is a preview), so an edit
to a Python file below hooks/ is reported instead, once, with the advice to restart.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

HOOKS_DIR = Path(__file__).resolve().parent.parent  # the hook files and the engine below them
KEPT_MESSAGE = "The preview shows the last good version of the site until this is fixed."

Snapshot = dict[Path, tuple[int, int]]  # Python file -> (modification time, size)


class LastGoodSite:
    """A site rebuild for a live preview that never leaves the served folder broken."""

    def __init__(
        self, build: Callable[[], None], site_dir: Path, log: logging.Logger | None = None
    ) -> None:
        self.build = build
        self.site_dir = site_dir
        self.log = log or logging.getLogger(__name__)
        self.code = code_snapshot()

    def __call__(self) -> None:
        self._name_code_edits()
        aside = Path(tempfile.mkdtemp(prefix="last-good-", dir=self.site_dir.parent))
        _move_entries(self.site_dir, aside)
        try:
            self.build()
        except Exception as error:  # MkDocs' Abort is one too; it has logged the problems
            _clear(self.site_dir)
            _move_entries(aside, self.site_dir)
            if isinstance(error, SystemExit):
                self.log.error("%s %s", error, KEPT_MESSAGE)
            else:
                self.log.exception("The rebuild failed. %s", KEPT_MESSAGE)
        finally:
            shutil.rmtree(aside, ignore_errors=True)

    def _name_code_edits(self) -> None:
        """Say which Python files changed since the last rebuild: they need a restart."""
        now = code_snapshot()
        changed = sorted(path for path in now.keys() | self.code.keys()
                         if now.get(path) != self.code.get(path))  # fmt: skip
        self.code = now
        if changed:
            names = ", ".join(f"hooks/{path.relative_to(HOOKS_DIR).as_posix()}" for path in changed)
            self.log.warning(
                "Python code of the engine changed (%s): stop the preview and start it "
                "again (make serve) for the change to take effect",
                names,
            )


def code_snapshot() -> Snapshot:
    """Modification time and size of every Python file below hooks/."""
    found: Snapshot = {}
    for path in HOOKS_DIR.rglob("*.py"):
        try:
            status = path.stat()
        except OSError:
            continue
        found[path] = (status.st_mtime_ns, status.st_size)
    return found


def _move_entries(source: Path, target: Path) -> None:
    for entry in list(source.iterdir()) if source.is_dir() else []:
        entry.rename(target / entry.name)


def _clear(folder: Path) -> None:
    for entry in list(folder.iterdir()) if folder.is_dir() else []:
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
