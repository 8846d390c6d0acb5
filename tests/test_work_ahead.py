"""Work done ahead by a forked copy of the build (explainer/store/ahead.py): the build takes the
copy's results only where the copy did the job whole and silently; everything else it does
itself, so the site never depends on the copy.

A process with threads is never copied, and a test worker runs threads: the cases run in a
process started afresh (spawn), as a build is, one after the other."""

from __future__ import annotations

import logging
import os
import threading
import time
import warnings
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from explainer.store import ahead
from explainer.store.ahead import WorkAhead

HANG_GUARD = 30  # seconds the copy may take for what it does in a few milliseconds


_process: list[ProcessPoolExecutor] = []  # the process without threads, started once


def _in_a_new_process(case: Callable[..., Any], *args: Any) -> Any:
    """What `case(*args)` returns, run in a process without threads of its own."""
    if not _process:
        _process.append(ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")))
    return _process[0].submit(case, *args).result(timeout=HANG_GUARD)


def _numbers(count: int) -> list[tuple[str, Callable[[], int]]]:
    return [(f"job {n}", lambda n=n: n * n) for n in range(count)]


def _taken_in_any_order() -> list[int | None]:
    work = WorkAhead(_numbers(5))
    taken = [work.result(f"job {n}") for n in (3, 0, 4, 1, 2)]
    taken += [work.result("job 3"), work.result("no such job")]
    work.stop()
    return taken


def test_the_results_are_the_jobs_results_taken_in_any_order() -> None:
    assert _in_a_new_process(_taken_in_any_order) == [9, 0, 16, 1, 4, None, None]


def _broken() -> int:
    raise ValueError("the build raises this itself, with its own message")


def _after_a_job_that_raises() -> list[int | None]:
    work = WorkAhead([("broken", _broken), *_numbers(2)])
    return [work.result("broken"), work.result("job 1")]


def test_a_job_that_raises_is_left_to_the_build_and_the_next_is_done() -> None:
    assert _in_a_new_process(_after_a_job_that_raises) == [None, 1]


def _logs(level: int) -> int:
    logging.getLogger("mkdocs.test_work_ahead").log(level, "a message")
    return level


def _warns() -> int:
    warnings.warn("a warning", UserWarning, stacklevel=1)
    return 1


def _logging_and_warning_jobs() -> dict[str, int | None]:
    logger = logging.getLogger("mkdocs.test_work_ahead")
    logger.setLevel(logging.WARNING)
    logger.addHandler(logging.StreamHandler())  # the build's process prints what it logs
    jobs = [
        ("warning", lambda: _logs(logging.WARNING)),
        ("info", lambda: _logs(logging.INFO)),
        ("warns", _warns),
        *_numbers(1),
    ]
    work = WorkAhead(jobs)
    return {key: work.result(key) for key, _ in jobs}


def test_a_job_that_would_log_or_warn_is_left_to_the_build() -> None:
    """The build's process prints what it logs, and `mkdocs build --strict` counts its
    warnings: a copy's warning would be neither. What no handler takes (below a logger's
    level) is not heard, so that job stays done."""
    results = _in_a_new_process(_logging_and_warning_jobs)
    assert results == {"warning": None, "info": logging.INFO, "warns": None, "job 0": 0}


def _all_done_before_any_is_taken(done: Path) -> bool:
    big = [(f"big {n}", lambda n=n: bytes([n]) * 1_000_000) for n in range(8)]
    work = WorkAhead([*big, ("last", lambda: done.write_text("all jobs done") and 0)])
    deadline = time.monotonic() + HANG_GUARD
    while not done.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    taken = [work.result(f"big {n}") for n in range(8)]
    return done.exists() and taken == [bytes([n]) * 1_000_000 for n in range(8)]


def test_the_copy_goes_on_while_the_build_takes_nothing(tmp_path: Path) -> None:
    """Results larger than a pipe holds: the copy still does every job before the build takes
    the first one, so that it is ahead when the build gets to its pages."""
    assert _in_a_new_process(_all_done_before_any_is_taken, tmp_path / "done")


def _with_a_thread(ran: Path) -> tuple[int | None, int | None]:
    release = threading.Event()
    thread = threading.Thread(target=release.wait)
    thread.start()
    try:
        work = WorkAhead([("job", lambda: ran.write_text("ran") and 1)])
    finally:
        release.set()
        thread.join()
    return work.copy, work.result("job")


def test_a_process_with_threads_is_not_copied(tmp_path: Path) -> None:
    """Forking a process with threads can leave the copy waiting for a lock forever (`mkdocs
    serve` runs its server in threads): there the build does every job itself."""
    assert _in_a_new_process(_with_a_thread, tmp_path / "ran") == (None, None)
    assert not (tmp_path / "ran").exists()


def _still_there(process: int | None) -> bool:
    assert process is not None, "no copy was made"
    try:
        os.waitpid(process, os.WNOHANG)
    except ChildProcessError:  # ended and waited for: nothing left behind
        return False
    return True


def _stuck_copy() -> tuple[int | None, int | None, bool]:
    silence, ahead.SILENCE_SECONDS = ahead.SILENCE_SECONDS, 1.0
    try:
        work = WorkAhead([("stuck", lambda: time.sleep(3600)), *_numbers(1)])
        # Once the copy is given up, the build does the rest itself.
        return work.result("stuck"), work.result("job 0"), _still_there(work.copy)
    finally:
        ahead.SILENCE_SECONDS = silence


def test_a_stuck_copy_is_given_up_and_ended() -> None:
    assert _in_a_new_process(_stuck_copy) == (None, None, False)


def _dropped_copy() -> bool:
    """A build that fails drops its work without stop()."""
    work = WorkAhead([("stuck", lambda: time.sleep(3600))])
    copy = work.copy
    del work
    return _still_there(copy)


def test_a_dropped_copy_is_ended() -> None:
    assert _in_a_new_process(_dropped_copy) is False
