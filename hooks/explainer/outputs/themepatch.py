"""Our changes to Material's (and MkDocs') templates, made on the installed template as it loads.

A template copied into overrides/ for a change of a few lines keeps the markup of the theme version
it was copied from through every update. Instead, each change here is an exact text edit of the
installed template: `patched_loader()` serves the edited text in front of the theme's own loader
(the publish hook installs it in on_env), and an edit whose text is no longer in the template stops
the build, naming the template. Each patch also records the SHA-256 of the template it was written
against, so that tests/test_theme_patches.py fails on the first update that changes one, saying
what the patch does there and so what to re-check.

A file of the theme that MkDocs copies instead of rendering (Material's script bundle) is patched
the same way by `patch_assets()`, which gives the copied file its edited text (on_files). Our own
stylesheets and scripts for every page ride in the theme's stylesheet and script bundle
(`carry_our_assets()`, CARRIED), so that a page view makes no request for them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import jinja2
from mkdocs.structure.files import Files

# The package whose templates/ folder holds a patched template -> its distribution and the
# version the edits and checksums below were made against.
MADE_AGAINST = {"material": ("mkdocs-material", "9.8.2"), "mkdocs": ("mkdocs", "1.6.1")}


@dataclass(frozen=True)
class Edit:
    """Replace `old`, which must occur exactly once in the template, by `new`."""

    old: str
    new: str


@dataclass(frozen=True)
class ThemePatch:
    """Our edits of one installed template."""

    template: str  # its path in the theme ("partials/toc.html", "assets/javascripts/...")
    package: str  # the package whose templates/ folder holds it (a key of MADE_AGAINST)
    sha256: str  # of the installed template the edits were written against
    purpose: str  # what the edits do, for the editor who re-checks them after an update
    edits: tuple[Edit, ...]

    def apply(self, source: str) -> str:
        """The template's text with every edit made; ThemePatchError if one does not fit."""
        for edit in self.edits:
            found = source.count(edit.old)
            if found != 1:
                raise ThemePatchError(
                    f"{self.package}'s template {self.template} has changed: our patch expects "
                    f"{edit.old!r} once in it, found it {found} times. The patch: {self.purpose} "
                    "Re-write it for the installed template in "
                    "hooks/explainer/outputs/themepatch.py (README: Theme patches)."
                )
            source = source.replace(edit.old, edit.new)
        return source


class ThemePatchError(Exception):
    """A patch does not fit the installed template."""


def patched_loader(environment: jinja2.Environment) -> jinja2.BaseLoader:
    """The environment's loader with every patched template served patched."""
    theme = environment.loader
    assert theme is not None, "MkDocs' theme environment has a loader"
    patched = {}
    for patch in THEME_PATCHES:
        try:
            source = theme.get_source(environment, patch.template)[0]
        except jinja2.TemplateNotFound:
            raise _gone(patch) from None
        patched[patch.template] = patch.apply(source)
    return jinja2.ChoiceLoader([jinja2.DictLoader(patched), theme])


def patch_assets(files: Files) -> None:
    """Give each patched file that MkDocs copies from the theme (`files`) its patched text."""
    for patch in ASSET_PATCHES:
        copied = files.get_file_from_path(patch.template)
        if copied is None:
            raise _gone(patch)
        copied.content_string = patch.apply(copied.content_string)


def carry_our_assets(files: Files) -> None:
    """Append our stylesheets and scripts (`files`) to the theme's files that carry them."""
    for carrier, ours in CARRIED.items():
        theme_file = files.get_file_from_path(carrier)
        if theme_file is None:
            raise ThemePatchError(
                f"The theme has no file {carrier} any more, which carries our {', '.join(ours)} "
                "to every page: name the theme's new file in CARRIED "
                "(hooks/explainer/outputs/themepatch.py)."
            )
        missing = [path for path in ours if files.get_file_from_path(path) is None]
        if missing:
            raise ThemePatchError(
                f"No {', '.join(missing)} to carry inside {carrier}: restore it in overrides/ "
                "or take it out of CARRIED (hooks/explainer/outputs/themepatch.py)."
            )
        texts = [files.get_file_from_path(path).content_string for path in ours]
        if carrier.endswith(".css"):
            texts = [compact_css(text) for text in texts]
        theme_file.content_string = "\n".join([theme_file.content_string, *texts])


def compact_css(css: str) -> str:
    """A stylesheet without its comments, each run of whitespace one space (strings kept as
    written): what a browser reads of it. Our stylesheets explain themselves at length, which
    every page view would otherwise download before its first paint (1.9 KB gzip)."""
    return _CSS_TOKEN.sub(_css_token_read, css).strip()


def _css_token_read(token: re.Match[str]) -> str:
    found = token.group()
    if token.group("string") or not any(char.isspace() for char in found):
        return found  # a comment between two tokens without whitespace keeps them apart
    return " "


# A quoted string (which may hold "/*"), or a run of comments and whitespace: CSS reads such a
# run as one space where it holds whitespace.
_CSS_TOKEN = re.compile(
    r"""(?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|(?:/\*.*?\*/|\s+)+""",
    re.DOTALL,
)


def _gone(patch: ThemePatch) -> ThemePatchError:
    return ThemePatchError(
        f"The theme has no template {patch.template} any more. Our patch of it: "
        f"{patch.purpose} Find where the installed {patch.package} does that now "
        "and re-write the patch in hooks/explainer/outputs/themepatch.py "
        "(README: Theme patches)."
    )


THEME_PATCHES = (
    ThemePatch(
        template="base.html",
        package="material",
        sha256="a919e32d2225e09ecbdeb8076ca6ce9ca0836329760bf7871a04172569b77842",
        purpose=(
            'No autocomplete="off" on the drawer and search toggles (checkboxes): HTML allows '
            "autocomplete on text-like inputs only (W3C Nu checker error on every page). "
            "Material added it to keep Firefox from restoring an open drawer or search after a "
            "reload; without it, Firefox may do so."
        ),
        edits=tuple(
            Edit(f'id="__{toggle}" autocomplete="off">', f'id="__{toggle}">')
            for toggle in ("drawer", "search")
        ),
    ),
    ThemePatch(
        template="partials/nav-item.html",
        package="material",
        sha256="89895208f22d68ce405a4bcb6649b9150eba5bbb04663a6cb3f93f02daf1d2f7",
        purpose=(
            "A section whose only child is its index page (navigation.indexes) renders no "
            'toggle label "<path>_label", so its nested <nav> takes its name from aria-label '
            "instead of an aria-labelledby that points at nothing (W3C Nu checker error, and a "
            "navigation without an accessible name)."
        ),
        edits=(
            Edit(
                '<nav class="md-nav" data-md-level="{{ level }}" '
                'aria-labelledby="{{ path }}_label"',
                """{% if not index or nav_item.children | length > 1 %}
          {% set name = 'aria-labelledby="' ~ path ~ '_label"' %}
        {% else %}
          {% set name = 'aria-label="' ~ nav_item.title | e ~ '"' %}
        {% endif %}
        <nav class="md-nav" data-md-level="{{ level }}" {{ name }}""",
            ),
        ),
    ),
    ThemePatch(
        template="partials/toc.html",
        package="material",
        sha256="fde48f583563364b0e0e6865a5ab1e7060ec1826161f69f5cbee653e621b0f84",
        purpose=(
            'The title\'s label points at the toggle "__toc" only where partials/nav-item.html '
            "renders that toggle, i.e. where the navigation lists the page as itself (not a page "
            "left out of the navigation, such as a claim page, and not a section's index page "
            "under navigation.indexes). Elsewhere a label for a missing control is invalid HTML "
            "(W3C Nu checker error)."
        ),
        edits=(
            Edit(
                '<label class="md-nav__title" for="__toc">',
                "{% set listed = page in nav.pages and not (page.is_index and page.parent and "
                '"navigation.indexes" in features) %}\n'
                '    <label class="md-nav__title"{% if listed %} for="__toc"{% endif %}>',
            ),
        ),
    ),
    ThemePatch(
        template="partials/search.html",
        package="material",
        sha256="bfd556535abcddb99396ab2a7e3acc2ebcd3f36756007d3969396caa4126be30",
        purpose=(
            "The search dialog gets an accessible name (aria-label), which axe-core requires "
            'for role="dialog" (rule aria-dialog-name).'
        ),
        edits=(
            Edit(
                'data-md-component="search" role="dialog">',
                """data-md-component="search" role="dialog" aria-label="{{ lang.t('search') }}">""",
            ),
        ),
    ),
    ThemePatch(
        template="partials/source.html",
        package="material",
        sha256="6847616d67be4920d39c278c2799bf20222bbc02ee2a8393aca85e3eaa518752",
        purpose=(
            'The repository link without data-md-component="source": that component asks '
            "GitHub's API for stars and forks, a request to a third-party host on every first "
            "visit."
        ),
        edits=(Edit('class="md-source" data-md-component="source">', 'class="md-source">'),),
    ),
    ThemePatch(
        template="partials/copyright.html",
        package="material",
        sha256="bc86bca3bf75070fe5d72e2a3463bdddf87c10f4d6459c945fe81c5d384e35ea",
        purpose=(
            "The footer of every page and the 404 page shows the licence of the site's own texts "
            "and data (data/site.yaml `license`, partials/xp-license.html) first, and after "
            "mkdocs.yml's copyright the links to the legal pages (Impressum, Datenschutz); "
            "hooks/mkdocs_publish.py (on_env) hands both over."
        ),
        edits=(
            Edit(
                '<div class="md-copyright">\n',
                '<div class="md-copyright">\n  {% include "partials/xp-license.html" %}\n',
            ),
            Edit(
                "  {% if not config.extra.generator == false %}",
                """  {% if xp_legal_links %}
    <nav class="xp-legal" aria-label="Rechtliches">
      {% for link in xp_legal_links %}
        <a class="xp-legal__link" href="{{ link.url | url }}">{{ link.title }}</a>
      {% endfor %}
    </nav>
  {% endif %}
  {% if not config.extra.generator == false %}""",
            ),
        ),
    ),
    ThemePatch(
        template="sitemap.xml",
        package="mkdocs",
        sha256="0950766d642ac999c74b68150a39a961a5103bda5e2d9d7747f4c06522c11b18",
        purpose=(
            "sitemap.xml (and MkDocs' sitemap.xml.gz made from it) leaves out the pages whose "
            "front matter keeps them from search engines (`robots: noindex`: the embed pages). "
            "On a site with several language editions, each page lists itself in every edition "
            "and the original as x-default (hreflang; xp_hreflang: hooks/mkdocs_explainer.py)."
        ),
        edits=(
            Edit(
                '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
                '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
                '{% if config.extra.alternate %} xmlns:xhtml="http://www.w3.org/1999/xhtml"'
                "{% endif %}>",
            ),
            Edit(
                "(file.page.abs_url or file.page.canonical_url) %}",
                '(file.page.abs_url or file.page.canonical_url) and "noindex" not in '
                'file.page.meta.robots | d("") %}',
            ),
            Edit(
                "<lastmod>{{file.page.update_date}}</lastmod>{% endif %}\n",
                "<lastmod>{{file.page.update_date}}</lastmod>{% endif %}\n"
                "{%- if config.extra.alternate %}{% for lang, href in xp_hreflang(file.page.url) %}"
                '\n         <xhtml:link rel="alternate" hreflang="{{ lang }}" href="{{ href|e }}"/>'
                "{% endfor %}\n{% endif %}",
            ),
        ),
    ),
)

# Files MkDocs copies from the theme as they are, patched by patch_assets().
ASSET_PATCHES = (
    ThemePatch(
        template="assets/javascripts/bundle.a5f9d56c.min.js",
        package="material",
        sha256="b9a1ef14b5e91ad61fa8d7dd42e1f55e6af0ebd224bc8970dff0e7d7311b172f",
        purpose=(
            "Material's script does less on a page view. (1) Its language-version handler "
            '(setupAlternate) fetches a sitemap.xml next to every <link rel="alternate">, also '
            "our Atom feed's (main.html): a second request for sitemap.xml on every page view. It "
            "now takes only links with hreflang, which are the language versions. (2) The search "
            "index (search/search_index.json, the largest file of a first view) loads when the "
            "reader first opens search (the search toggle: a click or tap on the search field or "
            "button, or the keys f, s and /), as Material already does for file:// addresses, and "
            "for search.highlight only on a page reached from a search result (?h=). The bundle's "
            "source map, copied as it is, points past each edit by the edit's change in length."
        ),
        # The minified names (Material's source: src/templates/assets/javascripts/ in its
        # repository, or the bundle's source map): M = getElements, L = merge, $ = of,
        # Je = watchToggle, z = combineLatest, b = switchMap, m = map.
        edits=(
            # setupAlternate (integrations/alternate): language versions only
            Edit('M("link[rel=alternate]")', 'M("link[rel=alternate][hreflang]")'),
            # setupSearchWorker (integrations/search/worker): the index when search first opens
            Edit('L($(location.protocol!=="file:"),Je("search")).pipe(', 'Je("search").pipe('),
            # mountSearchHiglight (components/search/highlight): combineLatest([index$, location
            # with ?h=]) subscribed to the index at once; now the index only for such a location
            Edit(
                'return z([t,r.pipe(Q(we()),g(o=>!!o.searchParams.get("h")))]).pipe(',
                'return r.pipe(Q(we()),g(o=>!!o.searchParams.get("h")),'
                "b(n=>t.pipe(m(o=>[o,n])))).pipe(",
            ),
        ),
    ),
)

# Our stylesheets and scripts that every page reads, appended to the theme's stylesheet and
# script bundle by carry_our_assets(): no request of their own. Six more requests moved
# Material's script past the first paint on a phone, where Lighthouse counts it as blocking time
# (README: The benchmarks and their anchor). Each script ends its own statement; the files stay
# on the site too (embed pages load charts.js alone).
CARRIED = {
    # Linked by every page; Material's palette stylesheet comes after it (explainer.css says
    # where ours must outweigh it).
    "assets/stylesheets/main.57a0d79d.min.css": (
        "assets/stylesheets/xp-chart-palette.css",  # generated: the charts' colours (site.py)
        "assets/stylesheets/explainer.css",
    ),
    "assets/javascripts/bundle.a5f9d56c.min.js": (
        "assets/javascripts/charts.js",  # draws [data-xp-chart] (plotly.js only where needed)
        "assets/javascripts/share.js",  # copies and shares addresses and citations
        "assets/javascripts/filter.js",  # filters the claims overview
        "assets/javascripts/editions.js",  # keeps the language switch on this page
    ),
}
