"""Work done ahead by a copy of the build's process, on a processor the build leaves idle.

MkDocs turns one page after another into HTML, and each page's Markdown is first rendered as a
template (outputs/render.py). A copy of the process, forked once everything a page template
needs is known, renders the templates of all pages in MkDocs' order while the build converts the
pages before them, then builds the open-data package: the build takes each result when it gets
to it (SiteBuild.render_ahead).

The copy only saves time; the build's result never depends on it. Whatever the copy did not do
whole and silently, the build does itself as before: a job that raised, or logged or warned
anything (a build with --strict counts warnings in its own process), results the copy did not
send (it was stopped, it died, it sent nothing for SILENCE_SECONDS), and everything where no copy
is made. A copy is made only of a process without threads (forking one with threads can leave
the copy waiting forever for a lock a thread held), so `mkdocs serve`, whose server runs in
threads, renders every page itself. The copy ends with os._exit: it never runs the build's exit
handlers or flushes output the build had buffered. Imports no other part.
"""

from __future__ import annotations

import gc
import logging
import os
import queue
import signal
import threading
import warnings
import weakref
from collections.abc import Callable, Iterable
from multiprocessing.connection import Connection, Pipe
from typing import Any, Generic, NoReturn, TypeVar

Result = TypeVar("Result")
SILENCE_SECONDS = 60.0  # a copy that sends nothing for this long is stuck: the build goes on alone


class WorkAhead(Generic[Result]):
    """`jobs` (key -> function without arguments), done in order by a forked copy of this
    process from now on; `result(key)` takes each when the build needs it."""

    def __init__(self, jobs: Iterable[tuple[str, Callable[[], Result]]]) -> None:
        self._arrived: dict[str, Result | None] = {}
        self._results: Connection | None = None
        self.copy: int | None = None  # the copy's process id; None: the build does every job
        if hasattr(os, "fork") and threading.active_count() == 1:
            receiving, sending = Pipe(duplex=False)
            # As Python's documentation advises before a fork: the objects the build holds now
            # (modules, configuration, data; they live as long as the build) leave the garbage
            # collector's care, so that the copy's collections do not write into the pages both
            # processes share, and neither process walks them again, at exit included.
            gc.freeze()
            copy = os.fork()
            if copy == 0:
                receiving.close()
                _work(jobs, sending)
            sending.close()
            self._results, self.copy = receiving, copy
            # Also when the build drops this object without stop() (it failed) or exits.
            self._end = weakref.finalize(self, _end_copy, receiving, copy)

    def result(self, key: str) -> Result | None:
        """What the job `key` returned, waiting for it; None if the copy did not do it whole
        and silently: the caller then does the job itself."""
        while key not in self._arrived and self._received():
            pass
        return self._arrived.pop(key, None)

    def stop(self) -> None:
        """End the copy, done or not (its results are no longer taken), and wait for its end."""
        if self._results is not None:
            self._end()
            self._results = None

    def _received(self) -> bool:
        """Take the next result the copy sends; False if none will come."""
        if self._results is None:
            return False
        try:
            if self._results.poll(SILENCE_SECONDS):
                key, value = self._results.recv()
                self._arrived[key] = value
                return True
        except (EOFError, OSError):  # the copy ended, sent everything or died
            pass
        self.stop()
        return False


def _end_copy(results: Connection, copy: int) -> None:
    results.close()
    os.kill(copy, signal.SIGKILL)  # a copy that has ended waits for us: no error
    os.waitpid(copy, 0)


def _work(jobs: Iterable[tuple[str, Callable[[], Any]]], results: Connection) -> NoReturn:
    """The copy: every job in order, each result sent as soon as it is there, None for a job
    that raised, logged or warned. A thread of the copy sends them, so that the jobs go on
    while the build has not yet taken what was sent before (a pipe holds only so much)."""
    try:
        heard = _listen()
        outbox: queue.SimpleQueue[tuple[str, Any] | None] = queue.SimpleQueue()
        sender = threading.Thread(target=_send_all, args=(outbox, results))
        sender.start()
        for key, job in jobs:
            before = heard.count
            try:
                value = job()
            except Exception:
                value = None
            outbox.put((key, value if heard.count == before else None))
        outbox.put(None)
        sender.join()
    except BaseException:  # noqa: S110 - the build was interrupted: end without a word
        pass
    finally:
        os._exit(0)


def _send_all(outbox: queue.SimpleQueue[tuple[str, Any] | None], results: Connection) -> None:
    """Send every result put into `outbox` until None comes, or the build stops listening."""
    while (result := outbox.get()) is not None:
        try:
            results.send(result)
        except OSError:  # a closed pipe: the build took what it needed
            return


class _Heard:
    """Counts what the build's process would have logged or shown as a warning."""

    def __init__(self) -> None:
        self.count = 0

    def handler(self, level: int) -> logging.Handler:
        """A handler that counts what reaches it at `level` or above, in place of one that
        would print it."""
        return _Counting(self, level)

    def show_warning(self, *args: object, **kwargs: object) -> None:
        self.count += 1


class _Counting(logging.Handler):
    def __init__(self, heard: _Heard, level: int) -> None:
        super().__init__(level)
        self.heard = heard

    def emit(self, record: logging.LogRecord) -> None:
        self.heard.count += 1


def _listen() -> _Heard:
    """In the copy: each handler of every logger (and logging's last resort) counts instead of
    printing, at its level, and so does a warning that would be shown."""
    heard = _Heard()
    loggers = [logging.getLogger(), *logging.Logger.manager.loggerDict.values()]
    for logger in loggers:
        if isinstance(logger, logging.Logger):
            logger.handlers = [heard.handler(handler.level) for handler in logger.handlers]
    logging.lastResort = heard.handler(logging.WARNING)
    warnings.showwarning = heard.show_warning
    return heard
