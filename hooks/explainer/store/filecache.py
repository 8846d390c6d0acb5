"""Files a build made before, found again by a digest of everything that went into them.

Share images and chart plots that did not change are read from an ignored folder below the
project (`.cache/`) instead of being drawn again: drawing a card takes Pillow about 140 ms, and
the first Plotly figure of a build loads Plotly's validators, the slowest step of a small build.
The digest covers the record, the code that draws it and the library versions, so a change to
any of them makes a new file. Without a folder, nothing is cached.

A cache must never publish what it did not make: each file is written whole or not at all (a
temporary file renamed into place), its size and a keyed digest (HMAC-SHA256) are kept beside it
and checked on every read, and a file that fails the check is drawn again. The key is the user's
own, in Jinja's private folder outside the project (machinekey.py): a file that came into
`.cache/` any other way, say committed with a pull request, fails the check, however whole it
is. A cache folder that cannot be written (read only, disk full) is skipped with one message:
the build goes on without it.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from functools import cache
from pathlib import Path
from types import ModuleType

from .atomicfile import write_atomically
from .machinekey import machine_key

log = logging.getLogger(__name__)

FORMAT = "2"  # of the files below: a new format is a new digest, so old files are not read
CHECK_SUFFIX = ".hmac"  # beside each file: its size and HMAC-SHA256 with the user's key
# The first bytes of each kind of file kept: a file that does not start so is not one.
MAGIC = {".png": b"\x89PNG\r\n\x1a\n", ".json": b"{"}

_unwritable: set[Path] = set()  # folders a write failed in, this process: not tried again
_said_unwritable: set[Path] = set()  # ... and those the build has named


def digest(*inputs: str | bytes) -> str:
    """A file name for what these inputs make."""
    hasher = hashlib.sha256()
    for item in (FORMAT, *inputs):
        hasher.update((item.encode() if isinstance(item, str) else item) + b"\n")
    return hasher.hexdigest()


@cache
def source_digest(*modules: ModuleType) -> str:
    """The digest of the code of `modules`: a file made by other code is not found."""
    return digest(*(Path(str(module.__file__)).read_text("utf-8") for module in modules))


def looks_whole(content: bytes, suffix: str) -> bool:
    """Not empty, and starting as a file of its kind does."""
    return bool(content) and content.startswith(MAGIC.get(suffix, b""))


def read(folder: Path | None, key: str, suffix: str) -> bytes | None:
    """The file made before for `key`, if there is one and it is whole, unchanged and made by
    this user's builds."""
    if folder is None or machine_key() is None:
        return None
    path = folder / f"{key}{suffix}"
    try:
        content, check = path.read_bytes(), _check_path(path).read_text("ascii")
    except (OSError, UnicodeDecodeError):
        return None
    return content if looks_whole(content, suffix) and check == _check_of(content) else None


def write(folder: Path | None, key: str, suffix: str, content: bytes) -> str | None:
    """Keep `content` for `key`, whole or not at all. A folder that cannot be written is
    skipped from then on, in this process: returns why, for say_unwritable."""
    if folder is None or folder in _unwritable or machine_key() is None:
        return None
    path = folder / f"{key}{suffix}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomically(path, content)
        write_atomically(_check_path(path), _check_of(content).encode("ascii"))
    except OSError as error:
        _unwritable.add(folder)
        return error.strerror or str(error)
    return None


def say_unwritable(folder: Path, reason: str) -> None:
    """The one message, in the build's process, for a folder that cannot be written (the
    workers that draw for it report to it)."""
    if folder not in _said_unwritable:
        _said_unwritable.add(folder)
        log.warning("Cannot write the cache %s (%s): building without it", folder, reason)


def _check_path(path: Path) -> Path:
    return path.with_name(path.name + CHECK_SUFFIX)


def _check_of(content: bytes) -> str:
    keyed = hmac.new(machine_key() or b"", content, hashlib.sha256).hexdigest()
    return f"{len(content)} {keyed}\n"
