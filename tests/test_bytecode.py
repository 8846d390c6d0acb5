"""Templates are compiled once per process (explainer/outputs/bytecode.py): the next build's
environment, or another edition's, takes the compiled code; an edited template is compiled anew,
and environments that compile differently share nothing."""

from __future__ import annotations

import jinja2
import pytest
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
