"""Files a build made before, found again by a digest of everything that went into them.

Share images and chart plots that did not change are read from an ignored folder below the
project (`.cache/`) instead of being drawn again: drawing a card takes Pillow about 140 ms, and
the first Plotly figure of a build loads Plotly's validators, the slowest step of a small build.
The digest covers the record, the code that draws it and the library versions, so a change to
any of them makes a new file. Without a folder, nothing is cached.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import cache
from pathlib import Path
from types import ModuleType


def digest(*inputs: str | bytes) -> str:
    """A file name for what these inputs make."""
    hasher = hashlib.sha256()
    for item in inputs:
        hasher.update((item.encode() if isinstance(item, str) else item) + b"\n")
    return hasher.hexdigest()


@cache
def source_digest(*modules: ModuleType) -> str:
    """The digest of the code of `modules`: a file made by other code is not found."""
    return digest(*(Path(str(module.__file__)).read_text("utf-8") for module in modules))


def read(folder: Path | None, key: str, suffix: str) -> bytes | None:
    """The file made before for `key`, if there is one."""
    path = folder / f"{key}{suffix}" if folder else None
    return path.read_bytes() if path and path.is_file() else None


def write(folder: Path | None, key: str, suffix: str, content: bytes) -> None:
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{key}{suffix}").write_bytes(content)


def cached(folder: Path | None, key: str, suffix: str, make: Callable[[], bytes]) -> bytes:
    """The file for `key`: read if made before, else made now and kept."""
    content = read(folder, key, suffix)
    if content is None:
        content = make()
        write(folder, key, suffix, content)
    return content
