"""Render page Markdown and rich data text as Jinja templates with the site data in context."""

from __future__ import annotations

import posixpath
import traceback
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from . import charts, downloads, german
from .sitedata import SiteData

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates"
MACROS = "explainer/macros.html"


class PageError(Exception):
    """A template mistake in one page, with the page and line it is on."""


def make_environment(extra_dirs: list[Path] | None = None) -> jinja2.Environment:
    """The Jinja environment for pages: strict about unknown names, escaping data text."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([*(extra_dirs or []), TEMPLATE_DIR]),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        number=german.number,
        money=german.money,
        percent=german.percent,
        date=german.date,
        figure=german.figure_value,
        chart_view=charts.chart_view,
        chart_downloads=downloads.download_paths,
    )
    return env


def macro_import_line(env: jinja2.Environment) -> str:
    """A Jinja line that makes every building block of the macro file available by name."""
    names = [name for name in vars(env.get_template(MACROS).module) if not name.startswith("_")]
    return "{% from '" + MACROS + "' import " + ", ".join(names) + " with context %}"


class Renderer:
    """Renders the pages of one build."""

    def __init__(self, data: SiteData, env: jinja2.Environment) -> None:
        self.data = data
        self.env = env
        self.import_line = macro_import_line(env)

    def render_page(self, markdown: str, page_path: str, shown_as: str, **extra: Any) -> str:
        """Render one page; `page_path` is its path below docs/, `shown_as` its name in errors."""
        try:
            template = self._compile(self.import_line + markdown, shown_as)
            return template.render(self.context(page_path, **extra))
        except jinja2.TemplateSyntaxError as error:
            raise PageError(f"{shown_as}:{error.lineno}: {error.message}") from None
        except (jinja2.UndefinedError, LookupError, TypeError, ValueError) as error:
            raise PageError(f"{shown_as}:{_line_in(error, shown_as)}: {error}") from None

    def _compile(self, source: str, shown_as: str) -> jinja2.Template:
        """A template named after the page, so that errors and tracebacks name it."""
        code = self.env.compile(source, name=shown_as, filename=shown_as)
        return self.env.template_class.from_code(self.env, code, self.env.make_globals(None))

    def context(self, page_path: str, **extra: Any) -> dict[str, Any]:
        """Names a page can use."""
        data = self.data
        return {
            "data": data,
            "site": data.site,
            "claims": data.claims,
            "questions": data.questions,
            "sources": data.sources,
            "verdicts": data.verdicts,
            "figures": data.figure_by_id,
            "charts": data.chart_by_id,
            "paths": data.site.paths,
            "operator": data.operator,
            "page_path": page_path,
            "link": lambda target: _relative_link(page_path, target),
            "rich": jinja2.pass_context(lambda context, text: self._rich(context, text)),
            **extra,
        }

    def _rich(self, context: jinja2.runtime.Context, text: str | None) -> Markup:
        """Data text: HTML in it is shown as text, then it is rendered with the page's helpers."""
        if text is None:
            return Markup("")
        safe_text = str(escape(text)).replace("&#34;", '"').replace("&#39;", "'")
        template = self.env.from_string(self.import_line + safe_text)
        return Markup(template.render(context.get_all()))


def _relative_link(page_path: str, target: str) -> str:
    """Markdown link target from the page to another file below docs/."""
    return posixpath.relpath(target, posixpath.dirname(page_path) or ".")


def _line_in(error: BaseException, template_name: str) -> int:
    frames = [
        frame
        for frame in traceback.extract_tb(error.__traceback__)
        if frame.filename.endswith(template_name)
    ]
    return frames[-1].lineno if frames else 1
