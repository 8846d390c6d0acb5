"""This user's secret key for the caches' check files (filecache.py).

It lies in Jinja's bytecode folder, which Jinja makes in the system's temp folder, private to the
user, and refuses if anyone else could write to it: outside every project, so no pull request
and no copied project brings it along. Made on first use, once, even when several builds start
at the same moment (the first one's file is published with a hard link, which never replaces).
"""

from __future__ import annotations

import os
import secrets
from functools import cache
from pathlib import Path

import jinja2

KEY_FILE = "explainer-cache-key"
KEY_BYTES = 32


@cache
def machine_key() -> bytes | None:
    """The key; None where there is no private folder for it (then nothing is cached)."""
    try:
        folder = Path(jinja2.FileSystemBytecodeCache().directory)
        return _read_or_make(folder / KEY_FILE)
    except (OSError, RuntimeError):
        return None


def _read_or_make(path: Path) -> bytes:
    try:
        key = path.read_bytes()
    except FileNotFoundError:
        made = path.with_name(f"{KEY_FILE}.{secrets.token_hex(8)}.tmp")
        made.write_bytes(secrets.token_bytes(KEY_BYTES))
        made.chmod(0o600)
        try:
            os.link(made, path)  # fails if another build published one first: that one counts
        except FileExistsError:
            pass
        finally:
            made.unlink()
        key = path.read_bytes()
    if len(key) != KEY_BYTES:
        raise OSError(f"{path} is not a key of {KEY_BYTES} bytes")
    return key
