"""Write a file whole or not at all: what the engine writes is never seen half-written."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, content: bytes) -> None:
    """Write `path` whole or leave it as it was: a reader never sees half a file, and a full disk
    leaves no partial file behind. The temporary file lies in the same folder, so that the
    rename never crosses file systems."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_if_changed(path: Path, content: bytes) -> bool:
    """Write `path` (atomically) unless it already holds `content`; True if it was written. An
    unchanged file is not touched, so a read-only folder of current files is no error."""
    try:
        if path.read_bytes() == content:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, content)
    return True
