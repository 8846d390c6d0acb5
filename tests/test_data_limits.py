"""Ids, paths, characters, numbers and dates that would break the built site are data errors.

Each case breaks one thing in a copy of the mini site (data and pages) and runs the loader with
the pages beside it, as the build and `make check` do; the message names file, line and field.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from explainer.data import chartkinds, idrules
from explainer.data.errors import DataError
from explainer.data.load import load_site_data
from explainer.data.models import MAX_ID_LENGTH
from explainer.outputs.pages import PAGE_KINDS
from explainer.outputs.render import slug
from explainer.site import load_build
from minisite import MINI_SITE


def replace(old: str, new: str, count: int = 1) -> Callable[[str], str]:
    def edit(text: str) -> str:
        assert old in text, f"test setup: {old!r} not found"
        return text.replace(old, new, count)

    return edit


def append(text: str) -> Callable[[str], str]:
    return lambda before: before + text


LONG_ID = "park-" + "x" * MAX_ID_LENGTH
SECOND_CHART = """\
id: parkflaeche-beschreibung
kind: bar
topic: Fläche
title: T
subtitle: S
description: D.
unit: percent
points:
  - {label: A, value: 1, source: gruenflaechenamt}
"""

# (case, file below the project, how to break it, the exact line the loader must report)
CASES = [
    # Ids and what they become
    (
        "claim-id-index",
        "data/claims.yaml",
        replace("id: park-schoen", "id: index"),
        "data/claims.yaml:19: claims[1].id: id 'index' is taken by the claims overview (the"
        " claims folder's index.md) (expected another id)",
    ),
    (
        "claim-id-of-the-chart-embed-folder",
        "data/claims.yaml",
        replace("id: park-schoen", "id: grafik"),
        "data/claims.yaml:19: claims[1].id: id 'grafik' is taken by the folder of the charts'"
        " embed pages (in the embed folder) (expected another id)",
    ),
    (
        "claim-id-of-a-hand-written-page",
        "data/claims.yaml",
        replace("id: park-schoen", "id: handgeschrieben"),
        "data/claims.yaml:19: claims[1].id: claim 'handgeschrieben' would replace the page"
        " docs/pruefungen/handgeschrieben.md (expected another id)",
    ),
    (
        "id-too-long-for-a-file-name",
        "data/claims.yaml",
        replace("id: park-schoen", f"id: {LONG_ID}"),
        f"data/claims.yaml:19: claims[1].id: an id of {len(LONG_ID)} characters is too long"
        f" (expected at most {MAX_ID_LENGTH}: an id becomes a file name and part of an address)",
    ),
    (
        "claim-anchor-taken-by-a-chart-on-its-page",
        "data/claims.yaml",
        replace("id: park-schoen", "id: diagramm-parkflaeche\n    charts: [parkflaeche]"),
        "data/claims.yaml:19: claims[1].id: claim 'diagramm-parkflaeche' gives the page of claim"
        " 'diagramm-parkflaeche' the anchor #einbetten-diagramm-parkflaeche, which chart"
        " 'parkflaeche' gives it too (expected another id)",
    ),
    (
        "chart-anchor-taken-by-another-chart",
        "data/series/parkflaeche-beschreibung.yaml",
        lambda _: SECOND_CHART,
        "data/series/parkflaeche.yaml:1: id: chart 'parkflaeche' gives the numbers page the"
        " anchor #diagramm-parkflaeche-beschreibung, which chart 'parkflaeche-beschreibung'"
        " gives it too (expected another id)",
    ),
    (
        "topic-without-anchor",
        "data/claims.yaml",
        replace("topic: Meinung", "topic: 🌳🌳"),
        "data/claims.yaml:21: claims[1].topic: '🌳🌳' gives its heading no anchor (expected a"
        " topic with letters or digits)",
    ),
    (
        "two-topics-one-anchor",
        "data/claims.yaml",
        replace("topic: Meinung", "topic: Fläche!"),
        "data/claims.yaml:21: claims[1].topic: 'Fläche!' and 'Fläche' give their headings the"
        " same anchor #flache (expected one spelling of the topic, or another topic)",
    ),
    (
        "topic-with-the-anchor-of-a-heading-of-the-overview",
        "data/claims.yaml",
        replace("topic: Meinung", "topic: Prüfungen!"),
        "data/claims.yaml:21: claims[1].topic: 'Prüfungen!' gives its heading the anchor"
        " #prufungen of the heading 'Prüfungen' in docs/pruefungen/index.md (expected another"
        " topic)",
    ),
    # Paths in site.yaml
    (
        "embed-folder-is-the-claims-folder",
        "data/site.yaml",
        replace("embed: einbinden", "embed: pruefungen"),
        "data/site.yaml:9: paths.embed: 'pruefungen' overlaps 'claims: pruefungen' (expected a"
        " folder whose address no other path uses)",
    ),
    (
        "page-inside-the-claims-folder",
        "data/site.yaml",
        replace("faq: fragen.md", "faq: pruefungen/fragen.md"),
        "data/site.yaml:8: paths.faq: 'pruefungen/fragen.md' overlaps 'claims: pruefungen'"
        " (expected a page whose address no other path uses)",
    ),
    (
        "page-with-the-address-of-a-folder",
        "data/site.yaml",
        replace("embed: einbinden", "embed: fragen"),
        "data/site.yaml:9: paths.embed: 'fragen' overlaps 'faq: fragen.md' (expected a folder"
        " whose address no other path uses)",
    ),
    (
        "path-is-no-folder-name",
        "data/site.yaml",
        replace("embed: einbinden", "embed: ../oben"),
        "data/site.yaml:9: paths.embed: '../oben' is not allowed here (expected an id:"
        " lower-case letters, digits and hyphens, e.g. 'nvidia-kurssturz')",
    ),
    (
        "page-path-leaves-docs",
        "data/site.yaml",
        replace("faq: fragen.md", "faq: /etc/fragen.md"),
        "data/site.yaml:8: paths.faq: '/etc/fragen.md' is not allowed here (expected the path"
        " of a page below docs/: lower-case words, '/' between folders, '.md' at the end)",
    ),
    (
        "path-to-no-page",
        "data/site.yaml",
        replace("faq: fragen.md", "faq: fargen.md"),
        "data/site.yaml:8: paths.faq: docs/fargen.md does not exist (expected the path of a"
        " page below docs/)",
    ),
    (
        "default-path-to-no-page",
        "docs/quellen.md",
        lambda _: None,
        "data/site.yaml:6: paths.sources: docs/quellen.md (the default) does not exist"
        " (expected the path of a page below docs/)",
    ),
    # Characters
    (
        "control-character",
        "data/claims.yaml",
        replace("quote: Der Park ist der schönste der Stadt.", 'quote: "Der Park\\a ist schön."'),
        "data/claims.yaml:20: claims[1].quote: contains the control character U+0007 (remove it)",
    ),
    (
        "control-character-written-raw",
        "data/claims.yaml",
        replace("summary: Eine Geschmacksfrage.", "summary: Eine\x1b Geschmacksfrage."),
        "data/claims.yaml:25: claims[1].summary: contains the control character U+001B (remove it)",
    ),
    (
        "control-character-written-raw-after-many-umlauts",
        "data/claims.yaml",
        lambda text: text.replace(
            "quote: Der Park ist der", "quote: " + "Ä" * 300 + " Der", 1
        ).replace("summary: Eine Geschmacksfrage.", "summary: Eine\x1b Geschmacksfrage."),
        "data/claims.yaml:25: claims[1].summary: contains the control character U+001B (remove it)",
    ),
    (
        "bidirectional-override",
        "data/claims.yaml",
        replace("quote: Der Park ist", "quote: Der Park \u202eist"),
        "data/claims.yaml:20: claims[1].quote: contains the bidirectional control U+202E"
        " RIGHT-TO-LEFT OVERRIDE, which can show the text in another order than it is stored"
        " (remove it)",
    ),
    (
        "bidirectional-isolate",
        "data/sources.yaml",
        replace("publisher: Beispielstadt, Stadtrat", "publisher: Beispielstadt\u2067"),
        "data/sources.yaml:10: sources[1].publisher: contains the bidirectional control U+2067"
        " RIGHT-TO-LEFT ISOLATE, which can show the text in another order than it is stored"
        " (remove it)",
    ),
    (
        "only-zero-width-characters",
        "data/claims.yaml",
        replace("topic: Meinung", 'topic: "\\u200b\\u200d"'),
        "data/claims.yaml:21: claims[1].topic: holds only invisible zero-width characters"
        " (expected visible text)",
    ),
    # The operator's address
    (
        "email-carrying-a-header",
        "data/operator.yaml",
        replace("email: kontakt@example.org", "email: kontakt@example.org?bcc=alle@example.org"),
        "data/operator.yaml:7: email: 'kontakt@example.org?bcc=alle@example.org' is not"
        " an e-mail address alone (expected e.g. 'redaktion@example.org', without name,"
        " 'mailto:' or '?')",
    ),
    (
        "email-as-mail-link",
        "data/operator.yaml",
        replace("email: kontakt@example.org", "email: mailto:kontakt@example.org"),
        "data/operator.yaml:7: email: 'mailto:kontakt@example.org' is not an e-mail"
        " address alone (expected e.g. 'redaktion@example.org', without name, 'mailto:' or '?')",
    ),
    # Numbers and dates at the edges
    (
        "figure-too-large",
        "data/figures.yaml",
        replace("value: 125000", "value: 1e308"),
        "data/figures.yaml:4: figures[0].value: 1e+308 is too large to print and chart exactly"
        " (expected at most 9,007,199,254,740,992 either side of zero)",
    ),
    (
        "series-value-too-large",
        "data/series/parkflaeche.yaml",
        replace("value: 125000", "value: -1e300"),
        "data/series/parkflaeche.yaml:15: points[1].value: -1e+300 is too large to print and"
        " chart exactly (expected at most 9,007,199,254,740,992 either side of zero)",
    ),
    (
        "series-value-not-a-number",
        "data/series/parkflaeche.yaml",
        replace("value: 125000", "value: .nan"),
        "data/series/parkflaeche.yaml:15: points[1].value: nan is not allowed (expected a finite"
        " number, not .nan or .inf)",
    ),
    (
        "data-date-after-2106",
        "data/site.yaml",
        replace('updated: "2024-05-01"', 'updated: "2107-01-01"'),
        "data/site.yaml:2: updated: 2107-01-01 cannot be the date of the built files (expected a"
        " day from 1980-01-01 to 2106-02-07: ZIP archives and gzip files store no other)",
    ),
    # Charts whose values leave an axis no range, or that hide a value
    (
        "every-bar-zero",
        "data/series/flaechen-vergleich.yaml",
        lambda text: (
            text.replace("value: 125500", "value: 0")
            .replace("value: 125000", "value: 0")
            .replace("value: 80000", "value: 0")
            .replace("value: 130000", "value: 0")
        ),
        "data/series/flaechen-vergleich.yaml:1: every value is 0: the value axis has no range"
        " (expected a value other than 0)",
    ),
    (
        "line-of-one-value",
        "data/series/parkflaeche.yaml",
        replace("value: 125500", "value: 125000"),
        "data/series/parkflaeche.yaml:1: kind: line needs at least two different values: with"
        " one, the value axis has no range (show a single value as a figure or a bar)",
    ),
    (
        "log-axis-at-zero",
        "data/series/flaechen-vergleich.yaml",
        lambda text: text.replace("unit: count", "unit: count\nlog_axis: true").replace(
            "value: 80000", "value: 0"
        ),
        "data/series/flaechen-vergleich.yaml:1: log_axis: true needs values above zero",
    ),
    (
        "log-axis-with-its-reference-line-at-zero",
        "data/series/flaechen-vergleich.yaml",
        lambda text: text.replace("unit: count", "unit: count\nlog_axis: true").replace(
            "value: 130000", "value: 0"
        ),
        "data/series/flaechen-vergleich.yaml:1: log_axis: true needs values above zero",
    ),
    (
        "two-values-at-one-place",
        "data/series/flaechen-vergleich.yaml",
        replace('group: "2023"', 'group: "2024"'),
        "data/series/flaechen-vergleich.yaml:13: points: points[1] repeats the place of"
        " points[0] (Stadtpark 2024) (expected one value per label, date and group)",
    ),
    (
        "chart-file-ending-in-yml",
        "data/series/parkflaeche.yaml",
        lambda text: None,
        "data/series/parkflaeche.yml:1: file is not read: data files end in .yaml (rename it to"
        " parkflaeche.yaml)",
    ),
    (
        "data-file-ending-in-yml",
        "data/glossary.yml",
        lambda _: "terms: []\n",
        "data/glossary.yml:1: file is not read: data files end in .yaml (rename it to"
        " glossary.yaml)",
    ),
]


def break_project(project: Path, file_name: str, break_file: Callable) -> None:
    path = project / file_name
    broken = break_file(path.read_text("utf-8") if path.exists() else "")
    if broken is None:
        if file_name.endswith("parkflaeche.yaml"):  # the chart-file-ending-in-yml case
            path.rename(path.with_suffix(".yml"))
            _drop_chart_from_claims(project)
        else:
            path.unlink()
    else:
        path.write_text(broken, "utf-8")


def _drop_chart_from_claims(project: Path) -> None:
    """Nothing refers to parkflaeche today; keep it so, or the case reports a second problem."""
    claims = (project / "data" / "claims.yaml").read_text("utf-8")
    assert "parkflaeche]" not in claims and "charts: [parkflaeche" not in claims


@pytest.fixture
def project(tmp_path: Path) -> Path:
    target = shutil.copytree(MINI_SITE, tmp_path / "project")
    (target / "docs" / "pruefungen" / "handgeschrieben.md").write_text("# Von Hand\n", "utf-8")
    return target


def load_project(project: Path) -> None:
    """Load the project's data as the build does: checked against its pages and the generated."""
    load_site_data(project / "data", docs_dir=project / "docs", page_kinds=PAGE_KINDS.values())


def problems_of(project: Path) -> list[str]:
    with pytest.raises(DataError) as error:
        load_project(project)
    return [str(problem) for problem in error.value.problems]


@pytest.mark.parametrize(
    ("file_name", "break_file", "expected"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_what_would_break_the_built_site_is_one_clear_data_error(
    project: Path, file_name: str, break_file: Callable, expected: str
) -> None:
    break_project(project, file_name, break_file)

    assert problems_of(project) == [expected]


def test_the_mini_site_with_its_pages_passes_every_rule(project: Path) -> None:
    load_project(project)


def test_a_wrong_path_is_one_message_not_one_per_link(project: Path) -> None:
    break_project(project, "data/site.yaml", replace("paths:\n", "paths:\n  sources: qellen.md\n"))

    assert problems_of(project) == [
        "data/site.yaml:7: paths.sources: docs/qellen.md does not exist (expected the path of a"
        " page below docs/)"
    ]


def test_a_placeholder_email_may_stay_a_bracketed_word_until_it_is_filled_in(
    project: Path,
) -> None:
    break_project(
        project,
        "data/operator.yaml",
        replace("email: kontakt@example.org", 'placeholder: true\nemail: "[E-Mail-Adresse]"'),
    )
    load_project(project)


@pytest.mark.parametrize(
    "topic", ["Fläche", "Börse & Märkte", "KI-Modelle 2025", "Ökonomie"], ids=str
)
def test_the_topic_anchor_checked_is_the_one_pages_get(topic: str) -> None:
    assert idrules.topic_anchor(topic) == slug(topic)


def test_only_a_kind_whose_axis_spans_its_own_values_needs_two_of_them() -> None:
    assert [name for name, kind in chartkinds.CHART_KINDS.items() if kind.own_range] == ["line"]


def test_the_overview_headings_keep_their_anchors_given_or_made(tmp_path: Path) -> None:
    page = tmp_path / "index.md"
    page.write_text(
        "# Alle Prüfungen\n\n## Die Skala { #skala }\n\n## {{ site.title }}\n\nText # kein Titel\n",
        "utf-8",
    )
    assert idrules._heading_anchors(page) == {
        "alle-prufungen": "Alle Prüfungen",
        "skala": "Die Skala",
    }


def test_the_anchors_checked_are_the_ones_a_claim_page_with_a_chart_gets(project: Path) -> None:
    break_project(
        project,
        "data/claims.yaml",
        replace("    figures: [parkflaeche, flaechenaenderung]\n", "    charts: [parkflaeche]\n"),
    )
    build = load_build(project)
    path, page = next(iter(build.pages.items()))
    claim = page.record

    html = build.render_page(page.source, path, path, url=str, absolute_link=str)

    found = set(re.findall(r'\bid="([^"]+)"', html))
    expected = {pattern.format(claim.id) for pattern in idrules.ANCHORS["claim"]}
    expected |= {pattern.format("parkflaeche") for pattern in idrules.ANCHORS["chart"]}
    assert {anchor for anchor in found if claim.id in anchor or "parkflaeche" in anchor} == expected


def test_an_unreadable_site_file_is_reported_without_the_path_checks(project: Path) -> None:
    break_project(project, "data/site.yaml", lambda text: "title: [kaputt\n")

    assert problems_of(project) == [
        "data/site.yaml:2: YAML syntax error: expected ',' or ']', but got '<stream end>'"
        " (while parsing a flow sequence that starts on line 1)"
    ]
