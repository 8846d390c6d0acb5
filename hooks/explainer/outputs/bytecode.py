"""Compiled templates, kept for the life of the process.

MkDocs makes new Jinja environments for every build, so every language edition and every rebuild
of `mkdocs serve` would compile Material's templates and our page templates again. The compiled
code goes to the next environment instead: through Jinja's bytecode cache for templates loaded
from files (keyed by name and file, checked against the source, so an edited or patched template
is compiled anew), and by its source for page templates compiled from text. Environments that
compile differently (extensions, escaping, whitespace rules, sandbox) never share code.
"""

from __future__ import annotations

from types import CodeType

import jinja2

COMPILED_SOURCES = 4096  # page sources kept; `mkdocs serve` adds one for every edited page


class ProcessBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates in memory (Jinja's own caches keep them in files)."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        compiled = self._compiled.get(bucket.key)
        if compiled is not None:
            bucket.bytecode_from_string(compiled)  # Jinja drops it if the source changed

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


_CACHES: dict[tuple[object, ...], ProcessBytecodeCache] = {}
_SOURCES: dict[tuple[object, ...], CodeType] = {}


def shared_bytecode_cache(env: jinja2.Environment) -> ProcessBytecodeCache:
    """The process's cache for environments that compile as `env` does (ask for it once the
    extensions and their gettext style are set)."""
    return _CACHES.setdefault(_compile_settings(env), ProcessBytecodeCache())


def compiled_source(env: jinja2.Environment, source: str, name: str) -> CodeType:
    """`env.compile(source, name)`, once per process for each source, name and way of compiling."""
    key = (_compile_settings(env), name, source)
    if key not in _SOURCES:
        if len(_SOURCES) >= COMPILED_SOURCES:
            _SOURCES.clear()
        _SOURCES[key] = env.compile(source, name=name, filename=name)
    return _SOURCES[key]


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
    )
