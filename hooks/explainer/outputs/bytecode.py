"""Compiled templates, kept for the life of the process and for the next build.

MkDocs makes new Jinja environments for every build, so every language edition and every rebuild
of `mkdocs serve` would compile Material's templates and our page templates again. The compiled
code goes to the next environment instead: through Jinja's bytecode cache for templates loaded
from files (keyed by name and file, checked against the source, so an edited or patched template
is compiled anew), and by its source for page templates compiled from text. Environments that
compile differently (extensions, escaping, whitespace rules, sandbox, the kind of each filter)
never share code.

The code also goes to Jinja's own bytecode folder (FileSystemBytecodeCache: a folder of the
user's in the system's temp folder, which Jinja makes private to the user and refuses if anyone
else could write to it), so a new build process compiles only what changed: editors change data,
rarely templates. Never a folder below the project: a file there could come with a pull request,
and compiled code is code. A damaged or unreadable file there is compiled anew.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
from collections.abc import Callable
from types import CodeType
from typing import Any

import jinja2

COMPILED_SOURCES = 4096  # page sources kept; `mkdocs serve` adds one for every edited page


class ProcessBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates in memory, and in `folder` (a cache of Jinja's) for the next process."""

    def __init__(self, folder: jinja2.BytecodeCache | None = None) -> None:
        self._compiled: dict[str, bytes] = {}
        self.folder = folder

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        compiled = self._compiled.get(bucket.key)
        if compiled is not None:
            bucket.bytecode_from_string(compiled)  # Jinja drops it if the source changed
        if bucket.code is None and self.folder is not None:
            if not _quietly(self.folder.load_bytecode, bucket):
                bucket.reset()
            if bucket.code is not None:
                self._compiled[bucket.key] = bucket.bytecode_to_string()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()
        if self.folder is not None:
            _quietly(self.folder.dump_bytecode, bucket)


_CACHES: dict[tuple[object, ...], ProcessBytecodeCache] = {}
_SOURCES: dict[tuple[object, ...], CodeType] = {}


def shared_bytecode_cache(env: jinja2.Environment) -> ProcessBytecodeCache:
    """The process's cache for environments that compile as `env` does (ask for it once the
    extensions, their gettext style and the filters are set)."""
    settings = _compile_settings(env)
    if settings not in _CACHES:
        _CACHES[settings] = ProcessBytecodeCache(_jinja_folder(settings))
    return _CACHES[settings]


def compiled_source(env: jinja2.Environment, source: str, name: str) -> CodeType:
    """`env.compile(source, name)`, once for each source, name and way of compiling: from
    memory, else from Jinja's folder, else compiled."""
    key = (_compile_settings(env), name, source)
    if key not in _SOURCES:
        if len(_SOURCES) >= COMPILED_SOURCES:
            _SOURCES.clear()
        _SOURCES[key] = _compiled_through(shared_bytecode_cache(env), env, source, name)
    return _SOURCES[key]


def _compiled_through(
    cache: ProcessBytecodeCache, env: jinja2.Environment, source: str, name: str
) -> CodeType:
    """A page source's code through the cache, keyed by its name and its source's digest."""
    bucket = cache.get_bucket(env, name, hashlib.sha256(source.encode()).hexdigest(), source)
    if bucket.code is None:
        bucket.code = env.compile(source, name=name, filename=name)
        cache.set_bucket(bucket)
    return bucket.code


def _jinja_folder(settings: tuple[object, ...]) -> jinja2.FileSystemBytecodeCache | None:
    """Jinja's bytecode folder, its files for this way of compiling apart from all others; None
    where Jinja finds no safe folder (then each process compiles for itself)."""
    described = repr((jinja2.__version__, sys.version, *map(_described, settings)))
    pattern = f"__explainer_{hashlib.sha256(described.encode()).hexdigest()[:24]}_%s.cache"
    try:
        return jinja2.FileSystemBytecodeCache(pattern=pattern)
    except (OSError, RuntimeError):
        return None


def _described(setting: object) -> object:
    """A setting as the same text in every process: a function or class by its name."""
    if callable(setting):
        return f"{getattr(setting, '__module__', '')}.{getattr(setting, '__qualname__', setting)}"
    return setting


def _quietly(action: Callable[[jinja2.bccache.Bucket], None], bucket: Any) -> bool:
    """Read or write one file of Jinja's folder; False if the file was unreadable or damaged
    (a full disk, a file cut short) or could not be written: the template is compiled anew."""
    try:
        action(bucket)
    except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):
        return False
    return True


def _compile_settings(env: jinja2.Environment) -> tuple[object, ...]:
    """Everything of `env` that changes the code Jinja compiles from a template."""
    return (
        type(env),  # a sandbox compiles every call and attribute through its checks
        tuple(sorted(env.extensions)),
        getattr(env, "newstyle_gettext", None),  # set by the i18n extension
        env.autoescape,
        env.finalize,
        env.optimized,
        env.trim_blocks,
        env.lstrip_blocks,
        env.keep_trailing_newline,
        env.newline_sequence,
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        # The compiled call of a filter or test hands it the context, evaluation context or
        # environment first if the function asks for one (@pass_context and the like).
        tuple(sorted((name, _passes(f)) for name, f in env.filters.items())),
        tuple(sorted((name, _passes(f)) for name, f in env.tests.items())),
        _passes(env.finalize),
    )


def _passes(function: object) -> str | None:
    """What Jinja hands a filter, test or finalize function first, if anything."""
    passed = getattr(function, "jinja_pass_arg", None)
    return getattr(passed, "name", None)
