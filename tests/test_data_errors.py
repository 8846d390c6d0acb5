"""Broken data stops the build with one clear message per mistake: file, line, field, expectation.

Each case breaks one thing in a copy of the mini site's data and runs the loader, which the build
and `make check` share; a few full builds check that the same message reaches the editor through
MkDocs and through the command line, without a traceback and without a half-built site.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT, build_site
from explainer.data.errors import DataError
from explainer.data.load import load_site_data
from explainer.outputs.render import PageError, Renderer, make_environment
from minisite import MINI_SITE, copy_mini_site

ONLY_HELPERS = 'rich text may hold text, {{ fig("id") }} and {{ cite("id") }} only'


def replace(old: str, new: str, count: int = 1) -> Callable[[str], str]:
    def edit(text: str) -> str:
        assert old in text, f"test setup: {old!r} not found"
        return text.replace(old, new, count)

    return edit


# (case, file below data/, how to break it, the exact line the build must print)
CASES = [
    (
        "yaml-syntax",
        "claims.yaml",
        replace("topic: Fläche", "topic: [Fläche"),
        "data/claims.yaml:5: YAML syntax error: expected ',' or ']', but got ':'"
        " (while parsing a flow sequence that starts on line 4)",
    ),
    (
        "empty-file",
        "figures.yaml",
        lambda text: "",
        "data/figures.yaml:1: file is empty (expected YAML data)",
    ),
    (
        "unknown-key",
        "claims.yaml",
        replace("sources: [stadtrat]", "sorces: [stadtrat]"),
        "data/claims.yaml:27: claims[1].sorces: unknown field (expected one of: id, quote, topic,"
        " verdict, verdict_reason, summary, evidence, sources, figures, charts, checked, updated,"
        " corrections)",
    ),
    (
        "missing-field",
        "claims.yaml",
        replace("    topic: Fläche\n", ""),
        "data/claims.yaml:2: claims[0].topic: required field is missing",
    ),
    (
        "wrong-type",
        "claims.yaml",
        replace("sources: [stadtrat]", "sources: stadtrat"),
        "data/claims.yaml:27: claims[1].sources: expected a list (lines starting with '- '),"
        " got 'stadtrat'",
    ),
    (
        "bad-date",
        "sources.yaml",
        replace('published: "2024-03-01"', 'published: "2024-02-30"'),
        "data/sources.yaml:6: sources[0].published: '2024-02-30' is not a valid date"
        ' (expected "YYYY-MM-DD", or "YYYY-MM" or "YYYY" if only the month or year is known,'
        " in quotes)",
    ),
    (
        "unquoted-number-as-date",
        "figures.yaml",
        replace('as_of: "2024-01-01"', "as_of: 2024"),
        'data/figures.yaml:7: figures[0].as_of: expected a date written as "YYYY-MM-DD" in quotes',
    ),
    (
        "text-instead-of-number",
        "figures.yaml",
        replace("value: 125000", "value: viel"),
        "data/figures.yaml:4: figures[0].value: 'viel' is not allowed (expected a number or"
        ' a date written "YYYY-MM-DD" in quotes)',
    ),
    (
        "bad-url",
        "sources.yaml",
        replace("https://example.org/protokoll", "example.org/protokoll"),
        "data/sources.yaml:12: sources[1].url: expected a web address starting with https://",
    ),
    (
        "duplicate-id",
        "sources.yaml",
        replace("id: stadtrat", "id: gruenflaechenamt"),
        "data/sources.yaml:9: sources[1].id: id 'gruenflaechenamt' is used twice"
        " (first in data/sources.yaml:2)",
    ),
    (
        "duplicate-key",
        "claims.yaml",
        replace("    topic: Meinung\n", "    topic: Meinung\n    topic: Geschmack\n"),
        "data/claims.yaml:22: claims[1].topic: key appears twice in this record",
    ),
    (
        "unknown-source",
        "claims.yaml",
        replace("sources: [stadtrat]", "sources: [stadtrat, nirgends]"),
        "data/claims.yaml:27: claims[1].sources[1]: 'nirgends' is not a source"
        " (expected one of: gruenflaechenamt, stadtrat)",
    ),
    (
        "unknown-verdict",
        "claims.yaml",
        replace("verdict: stimmt-nicht", "verdict: fasch"),
        "data/claims.yaml:5: claims[0].verdict: 'fasch' is not a verdict"
        " (expected one of: ansichtssache, stimmt, stimmt-nicht)",
    ),
    (
        "unknown-claim",
        "faq.yaml",
        replace("claims: [park-schrumpft]", "claims: [park-waechst]"),
        "data/faq.yaml:8: questions[0].claims[0]: 'park-waechst' is not a claim"
        " (expected one of: park-schoen, park-schrumpft)",
    ),
    (
        "unknown-figure",
        "claims.yaml",
        replace("figures: [parkflaeche,", "figures: [parkgroesse,"),
        "data/claims.yaml:14: claims[0].figures[0]: 'parkgroesse' is not a figure"
        " (expected one of: flaechenaenderung, parkflaeche)",
    ),
    (
        "unknown-figure-in-text",
        "faq.yaml",
        replace('fig("flaechenaenderung")', 'fig("flaechenverlust")'),
        "data/faq.yaml:6: questions[0].answer: 'flaechenverlust' is not a figure"
        " (expected one of: flaechenaenderung, parkflaeche)",
    ),
    (
        "date-opening-a-paragraph",
        "claims.yaml",
        replace(
            "summary: Eine Geschmacksfrage.", "summary: 27. Januar 2025, eine Geschmacksfrage."
        ),
        "data/claims.yaml:25: claims[1].summary: a paragraph starting with '27. Januar' becomes a"
        " numbered list in Markdown (expected '27\\. Januar' with the dot escaped, or another word"
        " first)",
    ),
    (
        "template-error-in-text",
        "claims.yaml",
        replace('{{ cite("stadtrat") }}', '{{ cite("stadtrat" }}'),
        "data/claims.yaml:26: claims[1].evidence: template error: unexpected '}', expected ')'",
    ),
    (
        "shell-command-in-text",
        "claims.yaml",
        replace(
            "summary: Eine Geschmacksfrage.",
            "summary: \"{{ cycler.__init__.__globals__.os.popen('id').read() }}\"",
        ),
        "data/claims.yaml:25: claims[1].summary: " + ONLY_HELPERS + " (found 'cycler')",
    ),
    (
        "loop-in-text",
        "faq.yaml",
        replace(
            'fig("flaechenaenderung")', 'fig("flaechenaenderung") }}{% for i in range(10**9) %}{{ 1'
        ),
        "data/faq.yaml:6: questions[0].answer: " + ONLY_HELPERS + " (found '{%')",
    ),
    (
        "script-through-safe-in-text",
        "claims.yaml",
        replace(
            "summary: Eine Geschmacksfrage.",
            "summary: Eine {{ '<script>window.__pwned=1</script>'|safe }}",
        ),
        "data/claims.yaml:25: claims[1].summary: "
        + ONLY_HELPERS
        + " (found \"'<script>window.__pwned=1</script>'\")",
    ),
    (
        "javascript-link-in-text",
        "claims.yaml",
        replace("summary: Eine Geschmacksfrage.", "summary: Eine [Frage](javascript:alert(1))."),
        "data/claims.yaml:25: claims[1].summary: a link in rich text must lead to a web address"
        " (expected http:// or https://, found 'javascript:alert(1)')",
    ),
    (
        "image-in-text",
        "claims.yaml",
        replace(
            "summary: Eine Geschmacksfrage.",
            "summary: Eine Frage ![](https://tracker.example/pixel.gif)",
        ),
        "data/claims.yaml:25: claims[1].summary: images are not allowed in rich text (the site"
        " loads nothing from other hosts; expected text and links)",
    ),
    (
        "not-utf8",
        "claims.yaml",
        lambda text: text.encode("latin-1"),
        "data/claims.yaml:4: file is not UTF-8 text (save it as UTF-8)",
    ),
    (
        "missing-file",
        "verdicts.yaml",
        lambda text: None,
        "data/verdicts.yaml: file is missing (expected a YAML data file here)",
    ),
    (
        "empty-text",
        "claims.yaml",
        replace("quote: Der Park ist der schönste der Stadt.", 'quote: ""'),
        "data/claims.yaml:20: claims[1].quote: must not be empty",
    ),
    (
        "bad-id",
        "claims.yaml",
        replace("id: park-schoen", "id: Park Schoen"),
        "data/claims.yaml:19: claims[1].id: 'Park Schoen' is not allowed here"
        " (expected an id: lower-case letters, digits and hyphens, e.g. 'nvidia-kurssturz')",
    ),
    (
        "bad-unit",
        "figures.yaml",
        replace("unit: percent", "unit: prozent"),
        "data/figures.yaml:12: figures[1].unit: 'prozent' is not allowed (expected one of:"
        " 'usd', 'percent', 'percentage_points', 'points', 'factor', 'count', 'date' or 'month')",
    ),
    (
        "count-without-noun",
        "figures.yaml",
        replace("    counted: Quadratmeter\n", ""),
        "data/figures.yaml:2: figures[0]: unit: count needs 'counted'"
        " (what is counted, e.g. GPU-Stunden)",
    ),
    (
        "bad-colour",
        "verdicts.yaml",
        replace('color: "#1b5e20"', "color: green"),
        "data/verdicts.yaml:5: verdicts[0].color: 'green' is not allowed here"
        " (expected a colour like '#1b5e20')",
    ),
    (
        "list-instead-of-mapping",
        "site.yaml",
        lambda text: "- title: Stadtpark\n",
        "data/site.yaml:1: expected a mapping with the key(s): title, updated, description, "
        "language, translations, article, key_claims, key_figures, paths, license, removed",
    ),
    (
        "not-a-finite-number",
        "figures.yaml",
        replace("value: 125000", "value: .inf"),
        "data/figures.yaml:4: figures[0].value: inf is not allowed"
        " (expected a finite number, not .nan or .inf)",
    ),
    (
        "nan-in-a-chart",
        "series/parkflaeche.yaml",
        replace("value: 125000", "value: .nan"),
        "data/series/parkflaeche.yaml:15: points[1].value: nan is not allowed"
        " (expected a finite number, not .nan or .inf)",
    ),
    (
        "alias",
        "claims.yaml",
        replace("verdict: stimmt-nicht", "verdict: &v stimmt-nicht\n    topic2: *v"),
        "data/claims.yaml:5: YAML anchors and aliases (&name, *name) are not allowed in data files"
        " (write the value out)",
    ),
    (
        "reserved-id",
        "claims.yaml",
        replace("id: park-schoen", "id: site"),
        "data/claims.yaml:19: claims[1].id: id 'site' is taken by the site's share image"
        " (assets/share/site.png) (expected another id)",
    ),
    (
        "mapping-as-key",
        "site.yaml",
        lambda text: "? [a, b]\n: c\n" + text,
        "data/site.yaml:1: a key must be a plain word",
    ),
    (
        "search-page-as-url",
        "sources.yaml",
        replace(
            "url: https://example.org/flaechenbericht", "url: https://example.org/search?q=park"
        ),
        "data/sources.yaml:5: sources[0].url: 'https://example.org/search?q=park' is a"
        " search-results page (expected the address of the document itself)",
    ),
    (
        "wordpress-search-at-the-site-root-as-url",
        "sources.yaml",
        replace("url: https://example.org/flaechenbericht", "url: https://example.org/?s=park"),
        "data/sources.yaml:5: sources[0].url: 'https://example.org/?s=park' is a"
        " search-results page (expected the address of the document itself)",
    ),
    (
        "query-parameter-below-the-root-as-url",
        "sources.yaml",
        replace(
            "url: https://example.org/flaechenbericht", "url: https://example.org/archiv/?q=park"
        ),
        "data/sources.yaml:5: sources[0].url: 'https://example.org/archiv/?q=park' is a"
        " search-results page (expected the address of the document itself)",
    ),
    (
        "copy-without-original-and-note",
        "sources.yaml",
        replace(
            "    url: https://example.org/flaechenbericht\n",
            "    read_via: https://copy.example.net/f\n",
        ),
        "data/sources.yaml:2: sources[0]: without 'url', 'note' must say why no original address is"
        " known",
    ),
    (
        "unknown-key-that-looks-like-a-type",
        "claims.yaml",
        replace("claims:\n", "'0[': 1\nclaims:\n"),
        "data/claims.yaml:1: 0[: unknown field (expected one of: claims)",
    ),
    (
        "correction-after-data-date",
        "claims.yaml",
        replace('      - date: "2024-04-28"', '      - date: "2024-05-02"'),
        "data/claims.yaml:16: claims[0].corrections: corrections[0].date 2024-05-02 lies after the"
        " date of the data (expected 2024-05-01 or earlier, or update 'updated' in site.yaml)",
    ),
    (
        "check-after-data-date",
        "claims.yaml",
        replace('checked: "2024-04-20"', 'checked: "2024-06-01"'),
        "data/claims.yaml:7: claims[0].checked: checked 2024-06-01 lies after the date of the data"
        " (expected 2024-05-01 or earlier, or update 'updated' in site.yaml)",
    ),
]


def break_data(data_dir: Path, file_name: str, break_file: Callable) -> None:
    path = data_dir / file_name
    broken = break_file(path.read_text("utf-8"))
    if broken is None:
        path.unlink()
    elif isinstance(broken, bytes):
        path.write_bytes(broken)
    else:
        path.write_text(broken, "utf-8")


def problems_of(data_dir: Path) -> str:
    with pytest.raises(DataError) as error:
        load_site_data(data_dir)
    return str(error.value)


@pytest.mark.parametrize(
    ("file_name", "break_file", "expected"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_broken_data_is_reported_with_a_clear_message(
    tmp_path: Path, file_name: str, break_file: Callable, expected: str
) -> None:
    data_dir = shutil.copytree(MINI_SITE / "data", tmp_path / "data")
    break_data(data_dir, file_name, break_file)

    message = problems_of(data_dir)

    assert f"  {expected}" in message.splitlines(), message


# (case, a source's address that names no search) — `s` is a search only at a site's root
ADDRESSES_WITH_A_QUERY = [
    ("symbol-parameter-below-the-root", "https://example.org/q/d/l/?s=park.de&i=d"),
    ("s-parameter-on-a-page", "https://example.org/flaechenbericht?s=2"),
    ("other-parameter-at-the-root", "https://example.org/?p=123"),
]


@pytest.mark.parametrize(
    "address",
    [case[1] for case in ADDRESSES_WITH_A_QUERY],
    ids=[case[0] for case in ADDRESSES_WITH_A_QUERY],
)
def test_an_address_with_a_query_that_names_no_search_is_kept(tmp_path: Path, address: str) -> None:
    data_dir = shutil.copytree(MINI_SITE / "data", tmp_path / "data")
    break_data(data_dir, "sources.yaml", replace("https://example.org/flaechenbericht", address))

    assert load_site_data(data_dir).by_id["source"]["gruenflaechenamt"].url == address


def test_all_problems_of_a_run_are_reported_together(tmp_path: Path) -> None:
    data_dir = shutil.copytree(MINI_SITE / "data", tmp_path / "data")
    break_data(data_dir, "claims.yaml", replace("verdict: stimmt-nicht", "verdict: fasch"))
    (data_dir / "figures.yaml").write_text("", "utf-8")

    message = problems_of(data_dir)

    assert message.startswith("The data has 2 problems; nothing was built:")
    assert "data/claims.yaml:5: claims[0].verdict: 'fasch' is not a verdict" in message
    assert "data/figures.yaml:1: file is empty" in message


# ---------------------------------------------------------------------------------------------
# The same messages through MkDocs and through `make check`
# ---------------------------------------------------------------------------------------------

ONE_MISTAKE = ("claims.yaml", replace("verdict: stimmt-nicht", "verdict: fasch"))
EXPECTED = "data/claims.yaml:5: claims[0].verdict: 'fasch' is not a verdict"


def test_broken_data_stops_the_build_without_a_traceback_or_a_site(tmp_path: Path) -> None:
    project = copy_mini_site(tmp_path / "project")
    break_data(project / "data", *ONE_MISTAKE)

    build = build_site(project, tmp_path / "site")

    assert build.returncode != 0
    assert "Traceback" not in build.output
    assert "The data has 1 problem; nothing was built:" in build.output
    assert EXPECTED in build.output, build.output
    assert not (tmp_path / "site" / "index.html").exists()


def test_check_prints_the_builds_message_and_fails(tmp_path: Path) -> None:
    project = copy_mini_site(tmp_path / "project")
    break_data(project / "data", *ONE_MISTAKE)

    result = check(project)

    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == problems_of(project / "data") + "\n"
    assert EXPECTED in result.stderr


def test_check_on_the_real_data_prints_nothing() -> None:  # its speed: make bench
    result = check(ROOT)

    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def check(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "explainer", "check", str(project)],
        cwd=ROOT / "hooks", capture_output=True, text=True, check=False,
    )  # fmt: skip


# ---------------------------------------------------------------------------------------------
# Mistakes in pages
# ---------------------------------------------------------------------------------------------


def render(markdown_text: str) -> str:
    renderer = Renderer(load_site_data(MINI_SITE / "data"), make_environment())
    return renderer.render_page(markdown_text, "index.md", "docs/index.md")


def test_unknown_name_in_a_page_names_page_and_line() -> None:
    with pytest.raises(PageError, match=r"^docs/index.md:3: 'nicht_definiert' is undefined$"):
        render("# Titel\n\n{{ nicht_definiert }}\n")


def test_template_syntax_error_in_a_page_names_page_and_line() -> None:
    with pytest.raises(PageError, match=r"^docs/index.md:2: Unexpected end of template"):
        render("# Titel\n{% for claim in claims %}\n")


SANDBOXED = [
    ("python-internals", "# Titel\n\n{{ cycler.__init__.__globals__.os }}",
     "docs/index.md:3: access to attribute '__init__' of 'type' object is unsafe."),
    ("globals-of-a-function", "{{ lipsum.__globals__ }}",
     "docs/index.md:1: access to attribute '__globals__' of 'function' object is unsafe."),
    ("changing-the-data", "\n{{ claims.append(claims[0]) }}",
     "docs/index.md:2: access to attribute 'append' of 'list' object is unsafe."),
    ("endless-loop", "{% for i in range(10**9) %}{% endfor %}",
     "docs/index.md:1: Range too big. The sandbox blocks ranges larger than MAX_RANGE (100000)."),
]  # fmt: skip


@pytest.mark.parametrize(
    ("page", "expected"), [case[1:] for case in SANDBOXED], ids=[case[0] for case in SANDBOXED]
)
def test_a_page_cannot_reach_python_or_change_the_data(page: str, expected: str) -> None:
    with pytest.raises(PageError, match=f"^{re.escape(expected)}$"):
        render(page)


def test_html_in_a_rich_text_is_escaped_and_the_helpers_markup_is_not() -> None:
    page = render("""{% set text = "<b>{{ fig(\\"parkflaeche\\") }}</b>" %}{{ rich(text) }}""")
    assert page.startswith('&lt;b&gt;<span class="xp-fig"') and page.endswith("&lt;/b&gt;"), page


def test_template_code_in_a_rich_text_a_page_passes_is_named_with_the_page_line() -> None:
    expected = "docs/index.md:2: " + ONLY_HELPERS + " (found 'unbekannt')"
    with pytest.raises(PageError, match=f"^{re.escape(expected)}$"):
        render("""Titel\n{{ rich('Text {{ unbekannt("x") }}') }}""")


def test_a_page_mistake_stops_the_build_with_page_and_line(tmp_path: Path) -> None:
    project = copy_mini_site(tmp_path / "project")
    page = project / "docs" / "index.md"
    page.write_text(page.read_text("utf-8") + "\n{{ nicht_definiert }}\n", "utf-8")

    build = build_site(project, tmp_path / "site")

    assert build.returncode != 0
    assert "Traceback" not in build.output
    assert "docs/index.md:7: 'nicht_definiert' is undefined" in build.output, build.output


def test_a_source_nothing_rests_on_stops_the_strict_build(tmp_path: Path) -> None:
    project = copy_mini_site(tmp_path / "project")
    sources = project / "data" / "sources.yaml"
    sources.write_text(
        sources.read_text("utf-8")
        + "  - id: vergessen\n    publisher: Niemand\n    title: Unbenutzt\n"
        + "    url: https://example.org/unbenutzt\n",
        "utf-8",
    )

    build = build_site(project, tmp_path / "site")
    checked = check(project)

    expected = "source 'vergessen' is cited by no claim, FAQ answer or glossary term"
    assert build.returncode != 0 and expected in build.output, build.output
    assert checked.returncode == 1 and expected in checked.stderr
    assert "data/sources.yaml:17: sources[2].id:" in checked.stderr, checked.stderr


def test_template_code_in_data_stops_check_and_build_alike_and_runs_nothing(
    tmp_path: Path,
) -> None:
    project = copy_mini_site(tmp_path / "project")
    marker = tmp_path / "ran"
    command = f"{{{{ cycler.__init__.__globals__.os.system('touch {marker}') }}}}"
    break_data(project / "data", "claims.yaml",
               replace("summary: Eine Geschmacksfrage.", f'summary: "{command}"'))  # fmt: skip

    build = build_site(project, tmp_path / "site")
    checked = check(project)

    expected = f"data/claims.yaml:25: claims[1].summary: {ONLY_HELPERS} (found 'cycler')"
    assert checked.returncode == 1 and f"  {expected}\n" in checked.stderr, checked.stderr
    assert build.returncode != 0 and f"  {expected}\n" in build.output, build.output
    assert not marker.exists()
