"""Rich data text is a closed language: text and the helper calls fig("id") and cite("id"),
parsed by the engine and never compiled or run by Jinja. Anything else is an error with its line;
whatever parses renders as text plus the helpers' escaped output."""

from __future__ import annotations

import json
import re
import shutil
import tempfile
import threading
from pathlib import Path

import jinja2
import pytest
import yaml
from conftest import ROOT
from explainer.data.errors import DataError
from explainer.data.load import load_site_data
from explainer.text import richtext
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup, escape
from minisite import MINI_SITE

# Stand-ins for the page helpers: their output shows which helper got which id.
HELPERS = {"fig": lambda target: f"<fig {target}>", "cite": lambda target: f"<cite {target}>"}
HANG_GUARD = 30  # seconds: a hang, not a slow machine
ONLY = 'rich text may hold text, {{ fig("id") }} and {{ cite("id") }} only'


def rendered(text: str) -> str:
    return richtext.render(richtext.parse(text), HELPERS)


def reference_rendering(text: str) -> str:
    """The closed language rendered by hand: each helper call replaced by its escaped output,
    every other character escaped as HTML (quotes kept) with braces as references."""
    calls = re.compile(r'\{\{ (fig|cite)\("([^"\\]*)"\) \}\}')
    pieces, position = [], 0
    for call in calls.finditer(text):
        pieces += [richtext.markdown_source(text[position : call.start()]),
                   escape(HELPERS[call.group(1)](call.group(2)))]  # fmt: skip
        position = call.end()
    return "".join([*pieces, richtext.markdown_source(text[position:])])


def test_text_and_helper_calls_render_with_the_helpers_output_escaped() -> None:
    text = 'Laut {{ cite("ap") }} <b>stieg</b> "der" Kurs um {{ fig("plus") }}.'
    assert rendered(text) == (
        'Laut &lt;cite ap&gt; &lt;b&gt;stieg&lt;/b&gt; "der" Kurs um &lt;fig plus&gt;.'
    )
    assert richtext.helper_calls(text) == [
        richtext.HelperCall("cite", "ap"), richtext.HelperCall("fig", "plus")
    ]  # fmt: skip


def test_a_helper_returning_markup_is_not_escaped_again() -> None:
    parts = richtext.parse('{{ fig("a") }}')
    assert richtext.render(parts, {"fig": lambda target: Markup("<b>1</b>")}) == "<b>1</b>"


def test_attribute_lists_are_shown_literally() -> None:
    assert rendered('Text {: style="position: fixed" }') == (
        'Text &#123;: style="position: fixed" &#125;'
    )


HOSTILE = [
    ("os-through-cycler", "{{ cycler.__init__.__globals__.os.popen('id').read() }}", 1,
     "found 'cycler'"),
    ("globals-of-self", "Text\n{{ self.__init__.__globals__ }}", 2, "found 'self'"),
    ("globals-of-lipsum", "{{ lipsum.__globals__ }}", 1, "found 'lipsum'"),
    ("attribute-of-a-helper", '{{ fig.__globals__ }}', 1, "found '.'"),
    ("endless-loop", "{% for i in range(10**9) %}x{% endfor %}", 1, "found '{%'"),
    ("safe-filter", '{{ "<script>x</script>"|safe }}', 1, "found '\"<script>x</script>\"'"),
    ("filter-on-a-helper", '{{ fig("a")|safe }}', 1, "found '|'"),
    ("expression", "{{ 1 + 1 }}", 1, "found '1'"),
    ("unknown-helper", '{{ chart("a") }}', 1, "found 'chart'"),
    ("name-as-argument", "{{ fig(figures) }}", 1, "found 'figures'"),
    ("second-argument", '{{ cite("a", bare=true) }}', 1, "found ','"),
    ("whitespace-control", '{{- fig("a") }}', 1, "found '{{-'"),
    ("comment", "Text {# Notiz #}", 1, "found '{#'"),
    ("raw-block", "{% raw %}{{ x }}{% endraw %}", 1, "found '{% raw %}'"),
    ("unclosed-call", 'Text {{ fig("a") ', 1, "found 'the end of the text'"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "line", "found"), [case[1:] for case in HOSTILE], ids=[case[0] for case in HOSTILE]
)
def test_template_code_beyond_the_helpers_is_an_error_with_its_line(
    text: str, line: int, found: str
) -> None:
    with pytest.raises(richtext.RichTextError) as error:
        richtext.parse(text)
    assert (error.value.line, error.value.message) == (line, f"{ONLY} ({found})")


def test_a_lexer_error_names_its_line() -> None:
    with pytest.raises(richtext.RichTextError) as error:
        richtext.parse('Erste Zeile\n{{ cite("a" }}')
    assert (error.value.line, error.value.message) == (
        2, "template error: unexpected '}', expected ')'"
    )  # fmt: skip


LINK_ERROR = "a link in rich text must lead to a web address (expected http:// or https://, found "
MARKDOWN_CASES = [
    ("javascript-link", "Mehr [hier](javascript:alert(1)).", 1,
     LINK_ERROR + "'javascript:alert(1)')"),
    ("javascript-in-angle-brackets", "[x](<JavaScript:alert(1)>)", 1,
     LINK_ERROR + "'<JavaScript:alert(1)>')"),
    ("reference-definition", "Text\n\n[quelle]: javascript:alert(1)", 3,
     LINK_ERROR + "'javascript:alert(1)')"),
    ("relative-link", "[FAQ](../faq.md)", 1, LINK_ERROR + "'../faq.md')"),
    ("link-in-an-indented-line", "Text\n\n    [x](data:text/html,1)", 3,
     LINK_ERROR + "'data:text/html,1')"),
    ("image-from-another-host", "Bild: ![Logo](https://evil.example/logo.png)", 1,
     "images are not allowed in rich text (the site loads nothing from other hosts; expected text"
     " and links)"),
    ("image-by-reference", "![Logo][bild]", 1,
     "images are not allowed in rich text (the site loads nothing from other hosts; expected text"
     " and links)"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [case[1:] for case in MARKDOWN_CASES],
    ids=[case[0] for case in MARKDOWN_CASES],
)
def test_links_go_only_to_web_addresses_and_images_are_not_allowed(
    text: str, line: int, message: str
) -> None:
    with pytest.raises(richtext.RichTextError) as error:
        richtext.parse(text)
    assert (error.value.line, error.value.message) == (line, message)


def test_links_to_web_addresses_stay_markdown() -> None:
    text = 'Laut [AP](https://apnews.com/x "AP") und [Reuters](http://reuters.com).'
    assert rendered(text) == text


def test_the_link_check_reads_markdown_as_the_site_does() -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=yaml.BaseLoader)
    names = [next(iter(item)) if isinstance(item, dict) else item
             for item in config["markdown_extensions"]]  # fmt: skip
    assert tuple(names) == richtext.MARKDOWN_EXTENSIONS


# Jinja syntax and the text around it, in any order: tags, operators, names, strings.
JINJA_PIECES = st.sampled_from(
    ["{{", "}}", "{%", "%}", "{#", "#}", "{{-", "-}}", "(", ")", '"', "'", "|", ".", ",", "[",
     "]", "fig", "cite", '{{ fig("ap") }}', '{{ cite("ap") }}', "safe", "range", "for", "in",
     "endfor", "__globals__", "cycler", '"ap"', "'ap'", " ", "\n", "<", ">", "&", "x", "{", "}",
     "**", "9", "raw", "=", "-"]
)  # fmt: skip


@settings(max_examples=800, deadline=None)
@given(st.lists(JINJA_PIECES, max_size=24).map("".join))
def test_any_jinja_syntax_is_an_error_with_a_line_or_renders_as_the_closed_language(
    text: str,
) -> None:
    try:
        output = rendered(text)
    except richtext.RichTextError as error:
        assert 1 <= error.line <= text.count("\n") + 1, (text, error.line)
        return
    assert output == reference_rendering(text), text


SUMMARY = "summary: Eine Geschmacksfrage."  # claims[1].summary in the mini site, line 25
SUMMARY_LINE = 25


@settings(max_examples=60, deadline=None)
@given(st.lists(JINJA_PIECES, max_size=16).map("".join))
def test_the_loader_names_file_line_and_field_of_any_text_outside_the_language(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        data_dir = shutil.copytree(MINI_SITE / "data", Path(folder) / "data")
        claims = data_dir / "claims.yaml"
        claims.write_text(
            claims.read_text("utf-8").replace(SUMMARY, f"summary: {json.dumps(text)}"), "utf-8"
        )
        try:
            load_site_data(data_dir)
        except DataError as error:
            lines = text.count("\n") + 1
            for problem in error.problems:
                assert problem.file == "data/claims.yaml", (text, str(problem))
                assert problem.location == ("claims", 1, "summary"), (text, str(problem))
                assert SUMMARY_LINE <= problem.line < SUMMARY_LINE + lines, (text, str(problem))
            return
    assert rendered(text) == reference_rendering(text), text


def test_an_attempted_shell_command_runs_nothing(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    text = f"{{{{ cycler.__init__.__globals__.os.system('touch {marker}') }}}}"
    with pytest.raises(richtext.RichTextError):
        richtext.parse(text)
    assert not marker.exists()


def test_a_loop_over_a_billion_numbers_is_an_error_at_once() -> None:
    errors: list[richtext.RichTextError] = []

    def parse() -> None:
        try:
            richtext.parse("{% for i in range(10**9) %}{{ fig('a') }}{% endfor %}")
        except richtext.RichTextError as error:
            errors.append(error)

    worker = threading.Thread(target=parse, daemon=True)
    worker.start()
    worker.join(HANG_GUARD)
    assert not worker.is_alive(), f"still parsing after {HANG_GUARD} s"
    assert [error.message for error in errors] == [f"{ONLY} (found '{{%')"]


def lexed(text: str) -> list[tuple[int, str, str]] | str:
    """Jinja's own tokens of the text, without whitespace; or its error."""
    lexer = jinja2.Environment(keep_trailing_newline=True).lexer
    try:
        return [token for token in lexer.tokeniter(text, None) if token[1] != "whitespace"]
    except jinja2.TemplateSyntaxError:
        return "error"


def read(text: str) -> list[tuple[int, str, str]] | str:
    try:
        return list(richtext._tokens(text))
    except richtext.RichTextError:
        return "error"


@settings(max_examples=800, deadline=None)
@given(st.lists(JINJA_PIECES | st.just("\r"), max_size=24).map("".join))
def test_a_text_is_read_as_jinja_s_lexer_reads_it(text: str) -> None:
    assert read(text) == lexed(text)
