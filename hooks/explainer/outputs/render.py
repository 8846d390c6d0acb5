"""Render page Markdown as Jinja templates with the site data in context, and rich data text
(richtext.py) with the pages' helpers.

Pages and the engine's page templates are template code, rendered in Jinja's immutable sandbox:
no template reaches Python internals or changes the data it shows. Data text is never a
template (richtext.py).
"""

from __future__ import annotations

import functools
import posixpath
import re
import traceback
from collections.abc import Callable
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import quote, urlencode, urlsplit

import jinja2
import markdown
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markdown.extensions.toc import slugify
from markupsafe import Markup, escape

from ..charts.charttable import ChartView, chart_view, plot_drawing, plot_path
from ..data.idrules import CORRECTIONS_ANCHOR
from ..data.models import Checked, WebAddress
from ..data.sitedata import SiteData
from ..store.drawing import Drawing
from ..text import catalogue, richtext
from ..text.formatting import Formatter
from . import bytecode, downloads, opendata
from .pages import TEMPLATE_DIR

MACROS = "explainer/macros.html"
PLAIN_TEXT_PAGE = "index.md"  # the page context for rich text shown outside pages (open data, feed)
PLAIN_TEXT_FOLDER = posixpath.dirname(PLAIN_TEXT_PAGE)
# Pixel heights of the <iframe> in the embed code (macros.html), for a column 600 px wide.
EMBED_HEIGHTS = {
    "claim": 420,  # the claim's card and the embed page's footer
    "around_chart": 420,  # added to the plot: title, subtitle, table toggle, notes, sources, footer
}


class PageError(Exception):
    """A template mistake in one page, with the page and line it is on."""


class PageSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, its verdict on an attribute kept per type and name. Its checks
    look at nothing else (a leading underscore, is_internal_attribute, modifies_known_mutable:
    isinstance tests and names), and the pages of a site ask for the same few names of the same
    types a hundred thousand times."""

    _verdicts: ClassVar[dict[tuple[type, str], bool]] = {}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        key = (type(obj), attr)
        if key not in self._verdicts:
            self._verdicts[key] = super().is_safe_attribute(obj, attr, value)
        return self._verdicts[key]


def make_environment(language: str = "de", project_dir: Path | None = None) -> jinja2.Environment:
    """The Jinja environment for pages in `language`: sandboxed, strict about unknown names,
    escaping data text; interface words from the language's catalogue (`_()`, `ngettext()`,
    text/catalogue.py, the project's own first), numbers and dates as the language writes them.
    `env.words` and `env.formatter` hold both for the Python side of the build."""
    words = catalogue.translations(language, project_dir)
    formatter = Formatter(language, words)
    env = PageSandbox(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=page_text,
        extensions=["jinja2.ext.i18n"],
    )
    env.extend(words=words, formatter=formatter)
    env.install_gettext_translations(words, newstyle=True)  # type: ignore[attr-defined]
    for name in ("gettext", "ngettext"):
        env.globals[name] = _with_page_text_values(env.globals[name])
    env.globals.update(embed_heights=EMBED_HEIGHTS)
    env.filters.update(
        number=formatter.number,
        date=formatter.date,
        known_date=formatter.known_date,
        file_size=formatter.file_size,
        host=host,
        figure=functools.partial(figure_value, formatter=formatter),
        download_paths=downloads.download_paths,
        corrections_anchor=CORRECTIONS_ANCHOR.format,
        grouped=grouped,
        slug=slug,
        mailto=mailto,
    )
    return env


# Characters Markdown reads as syntax within a line (backslash escapes, code, emphasis, links and
# images, attribute lists, table cells), and line breaks and tabs, which could start a block (a
# heading, a list, code): as character references, which Markdown passes through and the browser
# shows as the character, in text and in attributes alike. HTML's own characters are escaped
# before.
_LITERAL_IN_MARKDOWN = str.maketrans({char: f"&#{ord(char)};" for char in "\\`*_[]{}|\t\n\r"})
# The first character of a heading or of a rule ('---', '==='), where a value starts a line in a
# page (`{{ operator.name }}<br>` in the Impressum). Lists ('1.', '+ ') start only a paragraph,
# where no template puts a value; dates ('27. Januar') and signs ('+0,65 %') stay as they are.
_BLOCK_START = re.compile(r"^[#=-]")
# Characters that would end a link target in Markdown or start something after it, as URL
# escapes: an address stays one link, to the same place.
_ADDRESS_IN_MARKDOWN = str.maketrans(
    {char: f"%{ord(char):02X}" for char in "()[]<>{}|`\\\"' \t\n\r"}
)


def page_text(value: Any) -> Any:
    """What `{{ … }}` prints in a page (the environment's finalize): a string, from data or
    made from it, as literal text in HTML and in Markdown; a checked web address as one link
    target, another checked value (a colour) as it is; Markup (helpers, rich text, engine-made
    addresses) and other values unchanged."""
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    if isinstance(value, WebAddress):
        return address(value)
    if isinstance(value, Checked):
        return escape(value)
    return _literal(str(value))


@lru_cache(maxsize=65536)  # pages print the same few thousand texts (names, dates, labels) often
def _literal(text: str) -> Markup:
    """Text as literal text in HTML and in Markdown (page_text)."""
    escaped = _BLOCK_START.sub(lambda found: f"&#{ord(found.group())};", str(escape(text)))
    return Markup(escaped.translate(_LITERAL_IN_MARKDOWN))  # noqa: S704 - escaped just above


def address(target: str) -> Markup:
    """A link target as pages print it: HTML-escaped, and one link target in Markdown."""
    return escape(target.translate(_ADDRESS_IN_MARKDOWN))


# Markdown or HTML that would change the text of a paragraph: inline markup, links, tags,
# attribute lists, backslash escapes, and block markers at the start of a line.
MARKDOWN_SYNTAX = re.compile(r"[\\`*_{\[<]|^(?: {4}|\t| {0,3}(?:[-+=#>]|\d+[.)]))", re.MULTILINE)
_PLAIN_MARKDOWN = markdown.Markdown(extensions=["attr_list", "md_in_html"])


@lru_cache(maxsize=8192)  # the next build (another edition, a rebuild of serve) has most texts
def plain_text_of(markdown_text: str) -> str:
    """Markdown as the plain text a reader sees, whitespace collapsed. Text without any Markdown
    syntax is that already (Markdown would only wrap its paragraphs), so only the rest is
    converted: most data texts, and each conversion costs more than the rest of the text's way."""
    if MARKDOWN_SYNTAX.search(markdown_text):
        markdown_text = _PLAIN_MARKDOWN.reset().convert(markdown_text)
    return Markup(markdown_text).striptags()


def mailto(email: str, subject: str, body: str) -> Markup:
    """A mailto: address (RFC 6068) with subject and body, each part percent-encoded."""
    headers = urlencode({"subject": subject, "body": body}, quote_via=quote)
    return address(f"mailto:{quote(email, safe='@')}?{headers}")


def host(url: str) -> str:
    """The host of an address, as a reader recognises it: 'perthnow.com.au'."""
    return (urlsplit(url).hostname or url).removeprefix("www.")


def slug(text: str) -> Markup:
    """An anchor for a heading: 'Börse & Märkte' -> 'borse-markte' (as Python-Markdown's toc)."""
    return escape(slugify(text, "-"))


def grouped(records: list[Any], attribute: str) -> dict[Any, list[Any]]:
    """Records by the value of one attribute, groups in order of first appearance (Jinja's own
    groupby sorts them)."""
    groups: dict[Any, list[Any]] = {}
    for record in records:
        groups.setdefault(getattr(record, attribute), []).append(record)
    return groups


def _with_page_text_values(gettext: Callable[..., str]) -> Callable[..., str]:
    """Jinja's gettext or ngettext, its %(placeholder)s values printed as `{{ … }}` prints them
    (page_text): a translated sentence shows data text as literally as the page around it."""

    @jinja2.pass_context
    def translated(context: jinja2.runtime.Context, *args: Any, **values: Any) -> str:
        shown = {name: page_text(value) for name, value in values.items()}
        return gettext(context, *args, **shown)

    return translated


def figure_value(figure: Any, formatter: Formatter) -> str:
    """A sourced figure as prose prints it, qualifier and unit included."""
    if figure.unit == "date":
        return formatter.date(figure.value)
    if figure.unit == "month":
        return formatter.month(figure.value)
    return formatter.amount(
        figure.value,
        figure.unit,
        counted=figure.counted,
        per=figure.per,
        qualifier=figure.qualifier,
        decimals=figure.decimals,
    )


class Renderer:
    """Renders the pages of one build."""

    def __init__(
        self, data: SiteData, env: jinja2.Environment, plot_cache: Path | None = None
    ) -> None:
        self.data = data
        self.env = env
        self.plot_cache = plot_cache  # plots of unchanged charts, drawn by an earlier build
        self.formatter: Formatter = env.formatter  # type: ignore[attr-defined]  # make_environment
        self._chart_views: dict[str, ChartView] = {}
        env.filters["chart_view"] = self.chart_view
        env.bytecode_cache = bytecode.shared_bytecode_cache(env)  # every filter set: see there
        module = env.get_template(MACROS).module
        self.macro_names = sorted(name for name in vars(module) if not name.startswith("_"))
        self.import_line = (
            "{% from '" + MACROS + "' import " + ", ".join(self.macro_names) + " with context %}"
        )
        self._page_templates: dict[str, jinja2.Template] = {}
        self._plain_texts: dict[str, str] = {}
        self._helper_outputs: dict[tuple[str, str, str], str] = {}
        self._open_data: opendata.OpenData | None = None

    def render_page(self, markdown_text: str, page_path: str, shown_as: str, **extra: Any) -> str:
        """Render one page; `page_path` is its path below docs/, `shown_as` its name in errors."""
        try:
            template = self._page_template(markdown_text, shown_as)
            page = template.render(self.context(page_path, **extra))
            return page + self.glossary_definitions(page)
        except jinja2.TemplateSyntaxError as error:
            raise PageError(f"{shown_as}:{error.lineno}: {error.message}") from None
        except (
            jinja2.UndefinedError,
            SecurityError,  # the sandbox refused an attribute or a mutating method
            OverflowError,  # the sandbox refused a range too large
            LookupError,
            TypeError,
            ValueError,
        ) as error:
            raise PageError(f"{shown_as}:{_line_in(error, shown_as)}: {error}") from None

    def glossary_definitions(self, page: str) -> str:
        """Markdown abbreviations (`*[Token]: …`) for the glossary terms and forms on the page:
        the abbr extension marks each occurrence, the browser shows the explanation as a
        tooltip. Terms not on the page would only make the page longer and slower to convert."""
        lines = [line for forms, line in self._glossary_lines if any(f in page for f in forms)]
        return "\n\n" + "\n".join(lines) + "\n" if lines else ""

    @cached_property
    def _glossary_lines(self) -> list[tuple[set[str], str]]:
        """(a form as typed and as data text shows it, escaped; its abbreviation line) of every
        term and form. Each on one line: a line break in a form or an explanation would end the
        definition and put the rest into the page as Markdown."""
        return [
            (
                {form, richtext.markdown_source(form)},
                f"*[{' '.join(form.split())}]: {' '.join(term.explanation.split())}",
            )
            for term in self.data.terms or []
            for form in [term.term, *term.forms]
        ]

    def plain_text(self, rich_text: str) -> str:
        """Rich data text rendered with the page helpers (figures, citations), as plain text.
        Once per text and build: without its links, the text is the same on every page."""
        if rich_text not in self._plain_texts:
            self._plain_texts[rich_text] = plain_text_of(self._plain_source(rich_text))
        return self._plain_texts[rich_text]

    def _plain_source(self, rich_text: str) -> str:
        """The text's Markdown for its plain text. Where the text has no Markdown of its own,
        each helper goes in as the plain text it shows, so the whole needs no conversion
        (plain_text_of); where it has, the helpers go in as pages show them, since Markdown
        reads what is around a helper by its first and last character (`</span>_a_`)."""
        parts = richtext.parse(rich_text)
        if any(MARKDOWN_SYNTAX.search(part) for part in parts if isinstance(part, Markup)):
            return self._render_rich(rich_text, self._plain_context)
        helpers = {name: functools.partial(self._plain_helper, name) for name in richtext.HELPERS}
        return richtext.render(parts, helpers)

    def _plain_helper(self, name: str, target: str) -> Markup:
        """What a reader sees of a helper's output, as literal Markdown text. The first
        character is a character reference, so that nothing a helper shows ('3. Januar') starts
        a list or a heading where the helper starts a line."""
        macro = self._plain_context[name]
        shown = plain_text_of(self._helper_output(macro, name, PLAIN_TEXT_FOLDER)(target))
        return Markup(f"&#{ord(shown[0])};") + page_text(shown[1:]) if shown else Markup("")

    def context(self, page_path: str, **extra: Any) -> dict[str, Any]:
        """Names a page can use. The site generator adds, through `extra`, what only it knows:
        `url(target)`, the address of a file below docs/ relative to this page, and
        `absolute_link(target)`, its full address on the published site."""
        data = self.data
        return {
            "data": data,
            "site": data.site,
            "claims": data.claims,
            "questions": data.questions,
            "sources": data.sources,
            "verdicts": data.verdicts,
            "figures": data.by_id["figure"],
            "charts": data.by_id["chart"],
            "paths": data.site.paths,
            "operator": data.operator,
            "page_path": page_path,
            "link": lambda target: address(_relative_link(posixpath.dirname(page_path), target)),
            "rich": self._rich,
            "open_data": self.open_data,
            **extra,
        }

    @jinja2.pass_context
    def _rich(self, context: jinja2.runtime.Context, text: str | None) -> Markup:
        """Data text: HTML in it is shown as text, then it is rendered with the page's helpers."""
        if text is None:
            return Markup("")
        return Markup(self._render_rich(text, context.get_all()))

    def chart_view(self, chart: Any) -> ChartView:
        """A chart's plot, drawing and table in the edition's language, built once per build for
        every page showing it."""
        if chart.id not in self._chart_views:
            view = chart_view(chart, self.formatter, self.plot_cache)
            self._chart_views[chart.id] = view
        return self._chart_views[chart.id]

    def plots(self) -> dict[str, Drawing]:
        """Path below docs/ -> the plot of every chart in the edition's language, as a file to
        draw (the same as the chart views', without making the views)."""
        plots = [(chart, plot_drawing(chart, self.formatter, self.plot_cache))
                 for chart in self.data.charts]  # fmt: skip
        return {plot_path(chart, plot): plot for chart, plot in plots}

    def open_data(self) -> opendata.OpenData:
        """All data as an open-data package, built once per build on first use: pages show its
        size. A method, not a property: building it renders rich text in a page context."""
        if self._open_data is None:
            self._open_data = opendata.open_data(
                self.data, self.plain_text, self.env.words, self.env.formatter
            )
        return self._open_data

    def open_data_and_plain_texts(self) -> tuple[opendata.OpenData, dict[str, str]]:
        """The open-data package and every plain text made so far (most of them for it), for a
        renderer of the same build in another process (SiteBuild.render_ahead)."""
        return self.open_data(), self._plain_texts

    def take_open_data(self, package: opendata.OpenData, plain_texts: dict[str, str]) -> None:
        """The package and plain texts of open_data_and_plain_texts, made by a copy of this
        renderer (store/ahead.py) from the same data: this one need not make them again."""
        self._open_data = package
        self._plain_texts.update(plain_texts)

    @cached_property
    def _plain_context(self) -> dict[str, Any]:
        """A page's names and helpers, made once for every plain text (they lose their links)."""
        context = self.context(PLAIN_TEXT_PAGE)
        helpers = self.env.get_template(MACROS).make_module(context)
        return context | {name: getattr(helpers, name) for name in self.macro_names}

    def _page_template(self, markdown_text: str, shown_as: str) -> jinja2.Template:
        """A page's source with the helpers imported, compiled once per build: generated pages
        of one kind (every claim page, every embed page) share their source and its template;
        a page changed while `mkdocs serve` runs is a new source. Errors name the page."""
        source = self.import_line + markdown_text
        if source not in self._page_templates:
            self._page_templates[source] = self._compiled(source, shown_as)
        return self._page_templates[source]

    def _render_rich(self, text: str, context: dict[str, Any]) -> str:
        """A rich text with the helpers of the page it is on: it needs no import of them."""
        folder = posixpath.dirname(context["page_path"])
        helpers = {
            name: self._helper_output(context[name], name, folder) for name in richtext.HELPERS
        }
        return richtext.render(richtext.parse(text), helpers)

    def _helper_output(
        self, macro: Callable[[str], str], name: str, folder: str
    ) -> Callable[[str], str]:
        """A helper that renders once per id and build for every page in `folder`: its output
        depends only on the data and on where the page links from (its folder)."""

        def output(target: str) -> str:
            key = (name, target, folder)
            if key not in self._helper_outputs:
                self._helper_outputs[key] = macro(target)
            return self._helper_outputs[key]

        return output

    def _compiled(self, source: str, name: str) -> jinja2.Template:
        code = bytecode.compiled_source(self.env, source, name)
        return self.env.template_class.from_code(self.env, code, self.env.make_globals(None))


@lru_cache(maxsize=4096)
def _relative_link(page_folder: str, target: str) -> str:
    """Markdown link target from a page in `page_folder` to another file below docs/ (the same
    few pairs come up on every claim page)."""
    return posixpath.relpath(target, page_folder or ".")


def _line_in(error: BaseException, template_name: str) -> int:
    frames = [
        frame
        for frame in traceback.extract_tb(error.__traceback__)
        if frame.filename.endswith(template_name)
    ]
    return frames[-1].lineno if frames else 1
