"""Templates are compiled once (explainer/outputs/bytecode.py): the next build's environment,
another edition's, or a new process through Jinja's private folder, takes the compiled code; an
edited template or a damaged file is compiled anew, and environments that compile differently
share nothing."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import jinja2
import pytest
from conftest import ROOT
from explainer.outputs.bytecode import (
    ProcessBytecodeCache,
    compiled_source,
    shared_bytecode_cache,
)
from jinja2.sandbox import ImmutableSandboxedEnvironment

TEMPLATES = {
    "page.html": "<h1>{{ title }}</h1>{% include 'part.html' %}",
    "part.html": "<p>Teil</p>",
}


class CountingEnvironment(jinja2.Environment):
    """Counts the templates it compiles."""

    compiled = 0

    def compile(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        CountingEnvironment.compiled += 1
        return super().compile(*args, **kwargs)


def environment(templates: dict[str, str], cache: ProcessBytecodeCache) -> jinja2.Environment:
    """A fresh environment, as MkDocs makes one for every build."""
    return CountingEnvironment(loader=jinja2.DictLoader(templates), bytecode_cache=cache)


@pytest.fixture(autouse=True)
def no_compilations() -> None:
    CountingEnvironment.compiled = 0


def test_the_next_environment_takes_the_compiled_templates() -> None:
    cache = ProcessBytecodeCache()
    first = environment(TEMPLATES, cache).get_template("page.html").render(title="Zahlen")
    second = environment(TEMPLATES, cache).get_template("page.html").render(title="Zahlen")
    assert first == second == "<h1>Zahlen</h1><p>Teil</p>"
    assert CountingEnvironment.compiled == 2  # page and part, once each


def test_an_edited_template_is_compiled_anew() -> None:
    cache = ProcessBytecodeCache()
    environment(TEMPLATES, cache).get_template("page.html").render(title="Zahlen")
    edited = {**TEMPLATES, "part.html": "<p>Neu</p>"}
    page = environment(edited, cache).get_template("page.html").render(title="Zahlen")
    assert page == "<h1>Zahlen</h1><p>Neu</p>"
    assert CountingEnvironment.compiled == 3


def test_environments_that_compile_differently_do_not_share_a_cache() -> None:
    plain = jinja2.Environment()
    with_gettext = jinja2.Environment(extensions=["jinja2.ext.i18n"])
    with_gettext.install_null_translations(newstyle=True)  # type: ignore[attr-defined]
    old_style = jinja2.Environment(extensions=["jinja2.ext.i18n"])
    old_style.install_null_translations(newstyle=False)  # type: ignore[attr-defined]
    caches = [shared_bytecode_cache(env) for env in (plain, with_gettext, old_style)]
    assert len({id(cache) for cache in caches}) == 3
    assert shared_bytecode_cache(jinja2.Environment()) is caches[0]


def test_a_sandbox_does_not_share_the_code_of_an_environment_without_one() -> None:
    source = "{{ ''.__class__ }}"  # the sandbox refuses the attribute and prints nothing
    rendered = {}
    for env in (jinja2.Environment(), ImmutableSandboxedEnvironment()):
        code = compiled_source(env, source, "page.md")
        template = env.template_class.from_code(env, code, env.make_globals(None))
        rendered[type(env).__name__] = template.render()
    assert rendered == {"Environment": "<class 'str'>", "ImmutableSandboxedEnvironment": ""}
    assert shared_bytecode_cache(ImmutableSandboxedEnvironment()) is not shared_bytecode_cache(
        jinja2.Environment()
    )


def test_a_new_process_takes_the_compiled_templates_from_jinjas_folder(tmp_path: Path) -> None:
    for _ in range(2):  # each cache stands for a new process: its memory starts empty
        cache = ProcessBytecodeCache(jinja2.FileSystemBytecodeCache(str(tmp_path)))
        page = environment(TEMPLATES, cache).get_template("page.html").render(title="Zahlen")
        assert page == "<h1>Zahlen</h1><p>Teil</p>"
    assert CountingEnvironment.compiled == 2  # by the first process only


def test_a_damaged_file_in_jinjas_folder_is_compiled_anew(tmp_path: Path) -> None:
    first = ProcessBytecodeCache(jinja2.FileSystemBytecodeCache(str(tmp_path)))
    environment(TEMPLATES, first).get_template("page.html").render(title="Zahlen")
    for number, file in enumerate(sorted(tmp_path.iterdir())):
        file.write_bytes(file.read_bytes()[: 10 + number * 40])  # cut short at different places
    second = ProcessBytecodeCache(jinja2.FileSystemBytecodeCache(str(tmp_path)))
    page = environment(TEMPLATES, second).get_template("page.html").render(title="Zahlen")
    assert page == "<h1>Zahlen</h1><p>Teil</p>"
    assert CountingEnvironment.compiled == 4


def test_a_filter_that_takes_the_context_is_compiled_apart() -> None:
    plain, with_context = jinja2.Environment(), jinja2.Environment()
    plain.filters["shown"] = lambda value: value
    with_context.filters["shown"] = jinja2.pass_context(lambda context, value: value)
    caches = [shared_bytecode_cache(env) for env in (plain, with_context)]
    assert caches[0] is not caches[1]
    assert caches[0].folder is not None and caches[1].folder is not None
    assert caches[0].folder.pattern != caches[1].folder.pattern


def test_the_compiled_code_is_kept_in_jinjas_private_folder_outside_the_project() -> None:
    folder = shared_bytecode_cache(jinja2.Environment()).folder
    assert isinstance(folder, jinja2.FileSystemBytecodeCache)
    directory = Path(folder.directory)
    assert not directory.is_relative_to(ROOT)
    assert stat.S_IMODE(directory.stat().st_mode) == 0o700
    assert directory.stat().st_uid == os.getuid()
