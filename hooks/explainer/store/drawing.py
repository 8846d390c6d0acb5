"""Files drawn while the build goes on: share images and plots.

A file drawn before from the same inputs is read from its cache folder (filecache.py) at once;
the others are drawn by worker processes on the processors the build leaves idle, each kept in
its cache by the worker that drew it, so that a cold build hardly waits for them, nor does
`mkdocs serve` after an edit. The build takes each file when it needs it, and draws itself
those no worker has finished by then.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import filecache

DRAWING_NICENESS = 19  # added to the build's (POSIX nice): the lowest priority


@dataclass(frozen=True)
class Drawing:
    """One file to draw: `draw(subject)` makes it. `draw` is a module-level function and
    `subject` can be pickled: both go to a worker process."""

    key: str  # the digest of everything the file is made from (filecache.digest)
    suffix: str  # ".png", ".json"
    folder: Path | None  # the cache of its kind; None: drawn every time
    draw: Callable[[Any], bytes]
    subject: Any


class FilesInDrawing:
    """Drawings under way: `workers` processes (None: one for each processor the build leaves
    idle; 0: none, each is drawn here when `file()` asks for it), begun in the order given."""

    def __init__(self, drawings: Iterable[Drawing], workers: int | None = None) -> None:
        self._found: dict[_Place, bytes] = {}
        missing: dict[_Place, Drawing] = {}  # the same file twice is drawn once
        for drawing in drawings:
            found = filecache.read(drawing.folder, drawing.key, drawing.suffix)
            if found is None:
                missing[_place(drawing)] = drawing
            else:
                self._found[_place(drawing)] = found
        self._pool: ProcessPoolExecutor | None = None
        self._drawing: dict[_Place, Future[tuple[bytes, str | None]]] = {}
        if missing and workers != 0:
            self._pool = ProcessPoolExecutor(
                max_workers=workers or _spare_processors(), initializer=_yield_to_the_build
            )
            self._drawing = {place: self._pool.submit(drawn_and_kept, drawing)
                             for place, drawing in missing.items()}  # fmt: skip

    def file(self, drawing: Drawing) -> bytes:
        """The file: from its cache, from the worker that has drawn it, or drawn here. The build
        never waits for a worker: workers run at the lowest priority, and on a busy machine they
        may hardly run. Raises what drawing it raised, after ending the workers."""
        place = _place(drawing)
        if place not in self._found:
            under_way = self._drawing.get(place)
            if under_way is not None and not under_way.done():
                under_way.cancel()  # if no worker has begun it; a worker's late result is dropped
                under_way = None
            try:
                content, unwritable = under_way.result() if under_way else drawn_and_kept(drawing)
            except BaseException:
                self.stop()
                raise
            if unwritable and drawing.folder:
                filecache.say_unwritable(drawing.folder, unwritable)
            self._found[place] = content
        return self._found[place]

    def stop(self) -> None:
        """End the workers, dropping the drawings they have not begun (a build that failed or
        has taken every file)."""
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool, self._drawing = None, {}


_Place = tuple[Path | None, str, str]  # where a drawing is kept: folder, key, suffix


def _place(drawing: Drawing) -> _Place:
    return drawing.folder, drawing.key, drawing.suffix


def drawn_and_kept(drawing: Drawing) -> tuple[bytes, str | None]:
    """The file drawn and written to its cache by the process that drew it (the build does not
    wait for the writing), and why its cache folder cannot be written, if it cannot."""
    content = drawing.draw(drawing.subject)
    return content, filecache.write(drawing.folder, drawing.key, drawing.suffix, content)


def _spare_processors() -> int:
    return max(1, (os.cpu_count() or 1) - 1)


def _yield_to_the_build() -> None:
    """A worker runs at the lowest priority: where processors are short (a small machine, a
    shared CI runner), the build's own work comes first, the pages rendered ahead (ahead.py)
    included. It draws in the build's idle time, and the build waits for a drawing only when
    it needs the file."""
    if hasattr(os, "nice"):
        os.nice(DRAWING_NICENESS)
