"""The theme's templates without their indentation (explainer/outputs/templatespace.py): every
page is the page built from the templates as written, but for whitespace that does not show."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import jinja2
import pytest
from conftest import ROOT, BuiltSite
from explainer.outputs.templatespace import CompactLoader, compact_source

# A strict build of the project in the working folder into sys.argv[1], its templates as written.
_BUILD_AS_WRITTEN = """
import sys
sys.path.insert(0, {hooks!r})
import explainer.outputs.templatespace as templatespace
templatespace.compact_source = lambda source: source
from mkdocs.__main__ import cli
cli(["build", "--strict", "--quiet", "--site-dir", sys.argv[1]], standalone_mode=False)
""".format(hooks=str(ROOT / "hooks"))

# Elements whose text shows as written (or is code): compared character for character.
_AS_WRITTEN = {"pre", "textarea", "script", "style", "code", "kbd"}


class _Shown(HTMLParser):
    """A page as a browser shows it: tags with their attributes exactly, text with each run of
    whitespace as one space (as HTML shows it), except in _AS_WRITTEN elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.events: list[tuple[object, ...]] = []
        self._text: list[str] = []
        self._as_written = 0

    def _end_text(self) -> None:
        if self._text:
            text = "".join(self._text)
            self.events.append(("text", text if self._as_written else re.sub(r"\s+", " ", text)))
            self._text = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._end_text()
        self.events.append(("start", tag, tuple(attrs)))
        self._as_written += tag in _AS_WRITTEN

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._end_text()
        self.events.append(("start", tag, tuple(attrs)))

    def handle_endtag(self, tag: str) -> None:
        self._end_text()
        self.events.append(("end", tag))
        self._as_written -= tag in _AS_WRITTEN

    def handle_data(self, data: str) -> None:
        self._text.append(data)

    def handle_entityref(self, name: str) -> None:
        self._text.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._text.append(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self._end_text()
        self.events.append(("comment", data))

    def handle_decl(self, decl: str) -> None:
        self._end_text()
        self.events.append(("declaration", decl))


def shown(page: str) -> list[tuple[object, ...]]:
    """What a browser shows of `page` (whitespace before the doctype shows nowhere)."""
    parser = _Shown()
    parser.feed(page.lstrip())
    parser.close()
    parser._end_text()
    return parser.events


def _chrome(page: str) -> str:
    """The page without its content (<article>), which comes from Markdown, not the theme."""
    return re.sub(r"<article\b.*</article>", "", page, flags=re.DOTALL)


@pytest.fixture(scope="module")
def site_as_written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site_dir = tmp_path_factory.mktemp("as-written")
    result = subprocess.run(
        [sys.executable, "-c", _BUILD_AS_WRITTEN, str(site_dir)],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    return site_dir


def test_every_page_shows_what_the_templates_as_written_show(
    site: BuiltSite, site_as_written: Path
) -> None:
    pages = sorted(site_as_written.rglob("*.html"))
    assert len(pages) > 100
    for written in pages:
        compact = (site.site_dir / written.relative_to(site_as_written)).read_text("utf-8")
        assert shown(compact) == shown(written.read_text("utf-8")), written


def test_the_theme_leaves_no_indentation_on_a_page(site: BuiltSite, site_as_written: Path) -> None:
    for page in sorted(site.site_dir.rglob("*.html")):
        indented = re.findall(r"(?m)^[ \t]+\S.*$", _chrome(page.read_text("utf-8")))
        assert not indented, (page, indented[:3])
    claim_page = "behauptungen/aktien-gefallen/index.html"
    compact, written = (folder / claim_page for folder in (site.site_dir, site_as_written))
    assert len(compact.read_bytes()) < len(written.read_bytes()) * 0.95


def test_the_parser_tells_shown_differences_apart() -> None:
    """The comparison above can fail: text, attributes and preformatted text count."""
    assert shown("<p>a\n    b</p>") == shown("<p>a b</p>")
    assert shown("<p>ab</p>") != shown("<p>a b</p>")
    assert shown('<p title="a\n  b">x</p>') != shown('<p title="a\nb">x</p>')
    assert shown("<pre>a\n  b</pre>") != shown("<pre>a\nb</pre>")
    assert shown("<textarea>a\n  b</textarea>") != shown("<textarea>a\nb</textarea>")


@pytest.mark.parametrize(
    ("written", "compact"),
    [
        ("<div>\n    <a>x</a>\n  </div>\n", "<div>\n<a>x</a>\n</div>\n"),
        (
            "<a>\n  {% if x %}\n    b\n  {% endif %}\n</a>",
            "<a>\n{% if x -%}\nb\n{% endif -%}\n</a>",
        ),
        ("  {% for i in l %}\n  {% endfor %}\n", "{% for i in l -%}\n{% endfor -%}\n"),
        ("{% set x = 1 %}\n", "{% set x = 1 -%}\n"),
        ("{% if x -%}\n{%- endif %}\n", "{% if x -%}\n{%- endif -%}\n"),
        # left as they are: tags that print or capture, a line with more than one tag or with
        # text, preformatted text
        ("{% include 'a.html' %}\n{% block b %}\n{% endblock %}\n", None),
        ("{% set x %}\na\n{% endset %}\n", None),
        (
            "{% if y %}b{% endif %}\n  {% if y %}{% endif %}\n",
            "{% if y %}b{% endif %}\n{% if y %}{% endif %}\n",
        ),
        ("<pre>\n  {% if x %}\n</pre>\n", None),
    ],
)
def test_compact_source(written: str, compact: str | None) -> None:
    assert compact_source(written) == (written if compact is None else compact)


def test_a_compact_template_prints_what_it_printed_as_written() -> None:
    template = (
        "<ul>\n  {% for item in items %}\n    {% if item %}\n      <li>{{ item }}</li>\n"
        "    {% else %}\n      <li>–</li>\n    {% endif %}\n  {% endfor %}\n</ul>\n"
        "<p>\n  {% set word = 'eins' %}\n  {{ word }}\n  {% if true %}\n    zwei\n  {% endif %}\n"
        "  drei\n</p>\n"
    )
    written = jinja2.Environment(loader=jinja2.DictLoader({"t.html": template}))
    compact = jinja2.Environment(loader=CompactLoader(written.loader))
    items = ["a", "", "b"]
    as_written = written.get_template("t.html").render(items=items)
    compacted = compact.get_template("t.html").render(items=items)
    assert shown(compacted) == shown(as_written)
    assert len(compacted) < len(as_written)
    assert "eins\nzwei\ndrei" in compacted
