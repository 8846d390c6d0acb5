"""Charts: the plot builders on small charts made here, then every chart of the real data as the
built site shows it. Expectations about the real charts come from the series files, so a new
chart (a new data/series/*.yaml) needs no change here."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, BuiltSite
from explainer.charts import chartgeometry
from explainer.charts.chartdrawings import CHART_DRAWINGS
from explainer.charts.charttable import chart_view, draw_plot, source_ids
from explainer.data.chartkinds import CHART_KINDS
from explainer.data.load import load_site_data
from explainer.data.models import Chart
from explainer.data.sitedata import SiteData
from explainer.outputs.themepatch import CARRIED
from explainer.text.formatting import Formatter
from minisite import copy_mini_site
from text import MINUS, NARROW, NBSP

GERMAN = Formatter("de")  # the edition of the real data and of most charts here


def make_chart(kind: str, points: list[dict], **fields: object) -> Chart:
    base = {
        "id": "test",
        "kind": kind,
        "topic": "X",
        "title": "T",
        "subtitle": "S",
        "description": "D",
    }
    return Chart.model_validate({**base, "unit": "usd", **fields, "points": points})


def plot(chart: Chart, formatter: Formatter = GERMAN) -> dict:
    return json.loads(draw_plot((chart, formatter)))


def hover_texts(figure: dict) -> list[str]:
    return [row[0] for trace in figure["data"] for row in trace["customdata"]]


BARS = [
    {"label": "USA", "value": 109_100_000_000, "source": "s"},
    {"label": "China", "value": 9_300_000_000, "source": "s", "qualifier": "about"},
]


# ---------------------------------------------------------------------------------------------
# Builders, one per kind
# ---------------------------------------------------------------------------------------------


def test_every_kind_builds_a_plot_of_the_trace_types_its_entry_names() -> None:
    points = {
        "bar": BARS,
        "grouped_bar": [{**point, "group": "2024"} for point in BARS],
        "diverging_bar": BARS,
        "line": [{**point, "date": "2025-01-27"} for point in BARS],
    }
    assert set(points) == set(CHART_KINDS)
    for kind, drawings in CHART_DRAWINGS.items():
        figure = drawings.plot(make_chart(kind, points[kind]), GERMAN)
        assert {trace.type for trace in figure.data} == set(CHART_KINDS[kind].traces), kind


def test_bar_chart_has_one_horizontal_trace_and_a_labelled_reference_line() -> None:
    reference = {"label": "Im Artikel: <b>180</b>", "value": 180_000_000_000}
    figure = plot(make_chart("bar", BARS, reference=reference))
    (trace,) = figure["data"]
    assert trace["type"] == "bar" and trace["orientation"] == "h"
    assert trace["x"] == [109.1, 9.3]  # Mrd. US-Dollar, as the axis title says
    assert figure["layout"]["xaxis"]["title"]["text"] == "Mrd. US-Dollar"
    (line,) = figure["layout"]["shapes"]
    assert line["x0"] == line["x1"] == 180
    labels = [note["text"] for note in figure["layout"]["annotations"]]
    assert "Im Artikel: &lt;b&gt;180&lt;/b&gt;" in labels  # data text is shown, not parsed
    assert trace["text"] == [f"109,1{NBSP}Mrd.", f"≈ 9,3{NBSP}Mrd."]


def test_grouped_bars_differ_in_colour_and_hatching() -> None:
    points = [
        {**BARS[0], "group": "2024"},
        {**BARS[0], "group": "Plan"},
        {**BARS[1], "group": "Plan"},
    ]
    figure = plot(make_chart("grouped_bar", points))
    assert [trace["name"] for trace in figure["data"]] == ["2024", "Plan"]
    assert figure["layout"]["barmode"] == "group"
    assert len({trace["marker"]["color"] for trace in figure["data"]}) == 2
    assert len({trace["marker"]["pattern"]["shape"] for trace in figure["data"]}) == 2
    assert figure["data"][0]["y"] == ["USA"]  # only the values the data has


def test_diverging_bars_are_signed_and_coloured_by_direction() -> None:
    points = [
        {"label": "Nvidia", "value": -16.97, "source": "s"},
        {"label": "Dow Jones", "value": 0.65, "source": "s"},
    ]
    figure = plot(make_chart("diverging_bar", points, unit="percent"))
    losses, gains = figure["data"]
    assert losses["marker"]["color"] != gains["marker"]["color"]
    assert losses["text"] == [f"{MINUS}17,0{NARROW}%"] and gains["text"] == [f"+0,7{NARROW}%"]
    assert figure["layout"]["xaxis"]["zeroline"] is True
    # Hover and table round as the text does: −16,97 is "−17,0 %" everywhere.
    assert any(f"{MINUS}17,0{NARROW}%" in text for text in hover_texts(figure))


def test_log_axis_and_line_chart_with_annotations() -> None:
    log = plot(make_chart("bar", BARS, log_axis=True))
    assert log["layout"]["xaxis"]["type"] == "log"
    points = [
        {"label": "Nvidia", "value": 142.62, "date": "2025-01-24", "source": "s"},
        {"label": "Nvidia", "value": 118.42, "date": "2025-01-27", "source": "s"},
    ]
    notes = [{"date": "2025-01-27", "text": "DeepSeek-Schock"}]
    figure = plot(make_chart("line", points, unit="points", annotations=notes))
    (trace,) = figure["data"]
    assert trace["mode"] == "lines+markers" and trace["x"] == ["2025-01-24", "2025-01-27"]
    assert [note["x"] for note in figure["layout"]["annotations"]] == ["2025-01-27"]
    assert f"27.{NBSP}Januar 2025" in hover_texts(figure)[1]


def test_the_german_locale_comes_with_every_plot() -> None:
    figure = plot(make_chart("bar", BARS))
    config = figure["config"]
    assert config["locale"] == "de" and figure["layout"]["separators"] == ",."
    locale = config["locales"]["de"]["format"]
    assert locale["months"][2] == "März" and locale["shortDays"][0] == "So"
    assert config["locales"]["de"]["dictionary"]["Reset axes"] == "Achsen zurücksetzen"


LINE = [
    {"label": "Nvidia", "value": 142.62, "date": "2025-01-24", "source": "s"},
    {"label": "Nvidia", "value": 118.42, "date": "2025-01-27", "source": "s"},
]


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("de", {"bar labels": [f"109,1{NBSP}Mrd.", f"≈ 9,3{NBSP}Mrd."],
                "axis title": "Mrd. US-Dollar", "separators": ",.", "first month": "Januar",
                "hover": f"<b>Nvidia, 27.{NBSP}Januar 2025</b><br>118,42{NBSP}US-Dollar",
                "day axis": "%-d. %b",
                "table": ["Datum", f"24.{NBSP}Januar 2025", f"142,62{NBSP}US-Dollar"],
                "bar SVG": ["0", "50", "100", "Mrd. US-Dollar",
                            "USA", f"109,1{NBSP}Mrd.", "China", f"≈ 9,3{NBSP}Mrd."],
                "line SVG": ["120", "130", "140", "US-Dollar", "24. Jan", "27. Jan",
                             f"Nvidia, 24.{NBSP}Januar 2025: 142,62{NBSP}US-Dollar",
                             f"Nvidia, 27.{NBSP}Januar 2025: 118,42{NBSP}US-Dollar"]}),
        ("en", {"bar labels": ["109.1B", "≈ 9.3B"],
                "axis title": "billion US dollars", "separators": ".,", "first month": "January",
                "hover": "<b>Nvidia, January 27, 2025</b><br>$118.42",
                "day axis": "%b %-d",
                "table": ["Date", "January 24, 2025", "$142.62"],
                "bar SVG": ["0", "50", "100", "billion US dollars",
                            "USA", "109.1B", "China", "≈ 9.3B"],
                "line SVG": ["120", "130", "140", "US dollars", "Jan 24", "Jan 27",
                             "Nvidia, January 24, 2025: $142.62",
                             "Nvidia, January 27, 2025: $118.42"]}),
    ],
    ids=["German", "English"],
)  # fmt: skip
def test_a_chart_speaks_the_language_of_the_formatter_it_is_drawn_with(
    locale: str, expected: dict
) -> None:
    formatter = Formatter(locale)
    bars = chart_view(make_chart("bar", BARS), formatter)
    line = chart_view(make_chart("line", LINE, unit="usd"), formatter)
    bar_figure, line_figure = (
        json.loads(draw_plot(bars.plot.subject)),
        json.loads(draw_plot(line.plot.subject)),
    )
    config = bar_figure["config"]
    shown = {
        "bar labels": bar_figure["data"][0]["text"],
        "axis title": bar_figure["layout"]["xaxis"]["title"]["text"],
        "separators": bar_figure["layout"]["separators"],
        "first month": config["locales"][locale]["format"]["months"][0],
        "hover": hover_texts(line_figure)[1],
        "day axis": line_figure["layout"]["xaxis"]["tickformat"],
        "table": [line.position_header, line.rows[0].position, line.rows[0].value],
        "bar SVG": svg_texts(bars.svg),
        "line SVG": svg_texts(line.svg),
    }
    assert config["locale"] == line_figure["config"]["locale"] == locale
    assert shown == expected


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"kind": "line"}, "kind: line needs 'date' on every point"),
        ({"kind": "grouped_bar"}, "kind: grouped_bar needs 'group' on every point"),
        ({"kind": "diverging_bar", "reference": {"label": "x", "value": 1}},
         "'reference' is only for kind: bar or grouped_bar"),
        ({"annotations": [{"date": "2025-01-01", "text": "x"}]},
         "'annotations' are only for kind: line"),
    ],
)  # fmt: skip
def test_chart_rules_come_from_the_table_of_kinds(change: dict, message: str) -> None:
    fields = {
        "id": "t",
        "kind": "bar",
        "topic": "X",
        "title": "T",
        "subtitle": "S",
        "description": "D",
    }
    with pytest.raises(ValueError, match=re.escape(message)):
        Chart.model_validate({**fields, "unit": "usd", "points": BARS, **change})


def test_chart_id_must_equal_its_file_name(tmp_path: Path) -> None:
    from explainer.data.errors import DataError

    project = copy_mini_site(tmp_path / "project")
    series = project / "data" / "series"
    (series / "parkflaeche.yaml").rename(series / "parkgroesse.yaml")
    with pytest.raises(DataError) as error:
        load_site_data(project / "data")
    assert (
        "data/series/parkgroesse.yaml:1: id: 'parkflaeche' must equal the file name"
        " (expected 'parkgroesse' or rename the file)"
    ) in str(error.value)


# ---------------------------------------------------------------------------------------------
# Every chart of the real data
# ---------------------------------------------------------------------------------------------


def test_every_plot_is_deterministic_and_safe_in_an_attribute(data: SiteData) -> None:
    for chart in data.charts:
        text = draw_plot((chart, GERMAN)).decode()
        assert text == draw_plot((chart, GERMAN)).decode(), chart.id
        assert not set("<>&") & set(text), chart.id
        assert '"uid"' not in text, chart.id


def test_every_light_colour_has_a_dark_twin(data: SiteData) -> None:
    for chart in data.charts:
        used = set(re.findall(r'"(#[0-9a-f]{6})"', draw_plot((chart, GERMAN)).decode()))
        assert used - set(chartgeometry.DARK.values()) <= set(chartgeometry.DARK), chart.id


class _Figures(HTMLParser):
    """The charts of one page: the address of the plot JSON, source links, tables and download
    links."""

    def __init__(self) -> None:
        super().__init__()
        self.charts: list[dict] = []
        self._in_figure = False
        self._in_caption = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "figure" and "xp-chart" in (values.get("class") or ""):
            self._in_figure = True
            chart_id = (values.get("id") or "").removeprefix("diagramm-")
            self.charts.append({"id": chart_id, "plot": None, "links": [], "rows": 0})
        elif self._in_figure and "data-xp-chart" in values:
            self.charts[-1]["plot"] = values["data-xp-chart"]
        elif self._in_figure and tag == "tr":
            self.charts[-1]["rows"] += 1
        elif self._in_figure and tag == "figcaption":
            self._in_caption = True
        elif self._in_caption and tag == "a":
            self.charts[-1]["links"].append(values.get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "figure":
            self._in_figure = self._in_caption = False


def charts_on(html: str) -> list[dict]:
    parser = _Figures()
    parser.feed(html)
    return parser.charts


def test_the_numbers_page_shows_every_chart(site: BuiltSite, data: SiteData) -> None:
    shown = [chart["id"] for chart in charts_on(site.page("zahlen"))]
    assert sorted(shown) == sorted(chart.id for chart in data.charts)


@dataclass(frozen=True)
class Edition:
    """One edition of the built site: its folder, its data and its formatter."""

    folder: str  # "" for the original at the root, "en/" for a translation
    data: SiteData
    formatter: Formatter


@pytest.fixture(scope="module")
def editions(data: SiteData) -> list[Edition]:
    """The original edition first, then every translation."""
    translations = [
        Edition(
            f"{language}/", load_site_data(ROOT / "data", language=language), Formatter(language)
        )
        for language in data.site.translations
    ]
    return [Edition("", data, Formatter(data.language)), *translations]


def edition_of(site: BuiltSite, path: Path, editions: list[Edition]) -> Edition:
    """The edition of a built page: the translation whose folder holds it, else the original."""
    relative = path.relative_to(site.site_dir).as_posix()
    translations = [edition for edition in editions[1:] if relative.startswith(edition.folder)]
    return translations[0] if translations else editions[0]


def test_every_chart_on_every_page_is_complete(site: BuiltSite, editions: list[Edition]) -> None:
    anchors = {
        edition.folder: set(
            re.findall(r'id="(quelle-[a-z0-9-]+)"', site.page(f"{edition.folder}quellen"))
        )
        for edition in editions
    }
    for path in sorted(site.site_dir.rglob("*.html")):
        edition = edition_of(site, path, editions)
        for shown in charts_on(path.read_text("utf-8")):
            chart = edition.data.by_id["chart"][shown["id"]]
            view = chart_view(chart, edition.formatter)
            where = f"{path.relative_to(site.site_dir)}: {chart.id}"
            plot = (path.parent / shown["plot"]).resolve()  # as the browser resolves it
            drawn = draw_plot(view.plot.subject)
            assert json.loads(plot.read_text("utf-8")) == json.loads(drawn), where
            header_row = 1
            assert shown["rows"] == header_row + len(view.rows), where
            cited = {href.split("#quelle-")[1] for href in shown["links"] if "#quelle-" in href}
            assert set(source_ids(chart)) <= cited, where
            assert {f"quelle-{source}" for source in cited} <= anchors[edition.folder], where
            downloads = [href for href in shown["links"] if "/downloads/" in href]
            assert len(downloads) == 2, where
            for href in downloads:
                assert (path.parent / href).resolve().is_file(), f"{where}: {href}"


def test_every_table_shows_the_values_as_its_edition_writes_them(
    site: BuiltSite, editions: list[Edition]
) -> None:
    for edition in editions:
        page = site.page(f"{edition.folder}zahlen")
        for chart in edition.data.charts:
            for row in chart_view(chart, edition.formatter).rows:
                cell = f'<td class="xp-chart__value">{row.value}</td>'
                assert cell in page, (edition.folder, chart.id, row)


def test_downloads_hold_the_numbers_of_the_yaml(site: BuiltSite, data: SiteData) -> None:
    for chart in data.charts:
        raw = yaml.safe_load((ROOT / "data" / "series" / f"{chart.id}.yaml").read_text("utf-8"))
        expected = [point["value"] for point in raw["points"]]
        if "reference" in raw:
            expected.append(raw["reference"]["value"])

        text = (site.site_dir / "downloads" / f"{chart.id}.csv").read_bytes().decode("utf-8")
        rows = list(csv.DictReader(io.StringIO(text)))
        assert [row["value"] for row in rows] == [str(value) for value in expected], chart.id
        for row in rows:
            if row["source_id"]:
                address = row["source_url"] or row["source_read_via"]
                assert address.startswith(("https://", "http://")), (chart.id, row)

        document = json.loads((site.site_dir / "downloads" / f"{chart.id}.json").read_text("utf-8"))
        assert [row["value"] for row in document["rows"]] == expected, chart.id
        source = data.by_id["source"][chart.points[0].source]
        assert document["rows"][0]["source_publisher"] == source.publisher


def test_plotly_js_is_not_inlined_and_every_page_loads_the_small_chart_script(
    site: BuiltSite,
) -> None:
    """Alone (embed pages) or inside Material's bundle (CARRIED: every other page)."""
    chart_script = "assets/javascripts/charts.js"
    bundle = next(carrier for carrier, ours in CARRIED.items() if chart_script in ours)
    own_code = (ROOT / "overrides" / chart_script).read_text("utf-8")
    assert own_code in (site.site_dir / bundle).read_text("utf-8")
    for path in site.site_dir.rglob("*.html"):
        html = path.read_text("utf-8")
        assert "plotly-custom.min.js" not in html, path
        assert chart_script in html or bundle in html, path
    assert (site.site_dir / "assets/javascripts/vendor/plotly-custom.min.js").is_file()


# ---------------------------------------------------------------------------------------------
# A new chart needs no code
# ---------------------------------------------------------------------------------------------

NEW_CHART = """\
# yaml-language-server: $schema=../schema/series.schema.json
id: neue-testgrafik
kind: bar
topic: {topic}
title: Eine neue Grafik, nur aus Daten
subtitle: Werte in US-Dollar
description: Zwei Balken aus vorhandenen Quellen.
unit: usd
points:
  - label: Erster Wert
    value: 1000000
    source: {source}
  - label: Zweiter Wert
    value: 2500000
    source: {source}
"""
# Its text in each translation (data/<language>/series/): a new chart is data in every edition.
NEW_CHART_TRANSLATION = """\
topic: {topic}
title: A new chart, from data alone
subtitle: Values in US dollars
description: Two bars from existing sources.
points:
  - label: First value
  - label: Second value
"""
SUITE_ON_DATA = ["tests/test_charts.py", "tests/test_site.py", "tests/test_schema.py",
                 "tests/test_docs.py", "tests/test_links.py"]  # fmt: skip


def test_a_new_series_file_builds_and_passes_the_tests_with_no_code_change(
    tmp_path: Path, data: SiteData
) -> None:
    import shutil
    import subprocess
    import sys

    project = tmp_path / "project"
    ignore = shutil.ignore_patterns(".venv", ".git", "site", "__pycache__", ".pytest_cache")
    shutil.copytree(ROOT, project, ignore=ignore)
    text = NEW_CHART.format(topic=data.charts[0].topic, source=data.sources[0].id)
    (project / "data" / "series" / "neue-testgrafik.yaml").write_text(text, "utf-8")
    for language in data.site.translations:
        topic = load_site_data(ROOT / "data", language=language).charts[0].topic
        translation = project / "data" / language / "series" / "neue-testgrafik.yaml"
        translation.write_text(NEW_CHART_TRANSLATION.format(topic=topic), "utf-8")
    run = [sys.executable, "-m", "explainer", "schema", "."]  # what `make schema` does
    subprocess.run(run, cwd=project, env={"PYTHONPATH": "hooks"}, check=True)

    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-n", "0", *SUITE_ON_DATA,
         "-k", "not a_new_series_file"],
        cwd=project, capture_output=True, text=True, check=False,
    )  # fmt: skip

    assert result.returncode == 0, result.stdout[-3000:]
    assert "neue-testgrafik" in (project / "data" / "schema" / "claims.schema.json").read_text(
        "utf-8"
    )


# ---------------------------------------------------------------------------------------------
# The static SVG shown until plotly.js takes over
# ---------------------------------------------------------------------------------------------


def svg_texts(svg: str) -> list[str]:
    """The texts of an SVG and the tooltips (titles) of its dots, as a reader sees them."""
    found = re.findall(r"<text[^>]*>([^<]*)</text>|<circle[^>]*><title>([^<]*)</title>", svg)
    return [unescape(text or title) for text, title in found]


def svg_marks(svg: str) -> list[str]:
    """The data marks of an SVG: bars, whose width is a share of the chart's, and dots. (Legend
    swatches are rectangles of a fixed size.)"""
    return re.findall(r'<rect [^>]*width="[0-9.]+%"|<circle ', svg)


def svg_legend(svg: str) -> list[str]:
    """The names beside the legend's swatches."""
    return [unescape(name) for name in re.findall(r'height="12"/><text[^>]*>([^<]*)</text>', svg)]


def assert_svg_matches_series(chart: Chart, svg: str, series: list[str]) -> None:
    """One mark per point, a legend naming the series if there are several, and the labels,
    values, reference, annotations and axis title of the series as text."""
    texts = svg_texts(svg)
    shown = " | ".join(texts)
    assert len(svg_marks(svg)) == len(chart.points), chart.id
    assert svg_legend(svg) == (series if len(series) > 1 else []), chart.id
    for point in chart.points:
        assert point.label in shown, (chart.id, point.label)
        values = [
            chartgeometry.value_text(
                chart, GERMAN, point.value, point.qualifier, point.decimals, short
            )
            for short in (True, False)
        ]
        assert any(value in shown for value in values), (chart.id, values)
    if chart.reference:
        assert chart.reference.label in texts, chart.id
    for annotation in chart.annotations:
        assert annotation.text in texts, chart.id
    assert chartgeometry.axis_title(chart, GERMAN) in texts, chart.id


# The series a kind's points fall into, by the kind's position field: grouped bars have one per
# group, lines one per label; a kind without a position draws one series.
SERIES_FIELD = {None: None, "group": "group", "date": "label"}


# Where a kind's points stand, by its position field: two of them, so that there are two series.
POSITIONS = {"group": ("2024", "2025"), "date": ("2024-01-01", "2025-01-01")}


def sample_series(kind_name: str) -> dict:
    """A series file of this kind with everything the kind may show: two series where the kind
    has them, a reference line, an annotation."""
    kind = CHART_KINDS[kind_name]
    rows = (("Nord", 1_200_000), ("Süd & Ost", 2_500_000))
    points = [{"label": label, "value": value, "source": "s"} for label, value in rows]
    if kind.position:
        points = [
            {**point, "value": point["value"] + index * 300_000, kind.position: place}
            for point in points
            for index, place in enumerate(POSITIONS[kind.position])
        ]
    series = {**BASE_SERIES, "id": kind_name.replace("_", "-"), "kind": kind_name}
    if kind.reference:
        series["reference"] = {"label": "Im Artikel genannt", "value": 3_000_000}
    if kind.annotations:
        series["annotations"] = [{"date": POSITIONS["date"][1], "text": "Ein Ereignis"}]
    return {**series, "points": points}


BASE_SERIES = {
    "topic": "X",
    "title": "T",
    "subtitle": "S",
    "description": "D",
    "unit": "usd",
}


@pytest.mark.parametrize("kind", sorted(CHART_KINDS))
def test_every_kind_draws_a_mark_per_point_a_legend_and_the_texts_of_its_series(
    kind: str,
) -> None:
    raw = sample_series(kind)
    chart = Chart.model_validate(raw)
    field = SERIES_FIELD[CHART_KINDS[kind].position]
    series = list(dict.fromkeys(point[field] for point in raw["points"])) if field else []
    assert_svg_matches_series(chart, chart_view(chart, GERMAN).svg, series)


def test_every_static_svg_of_the_data_matches_its_series(data: SiteData) -> None:
    for chart in data.charts:
        view = chart_view(chart, GERMAN)
        assert f'height="{view.height}"' in view.svg and 'role="img"' in view.svg, chart.id
        field = SERIES_FIELD[CHART_KINDS[chart.kind].position]
        series = (
            list(dict.fromkeys(getattr(point, field) for point in chart.points)) if field else []
        )
        assert_svg_matches_series(chart, view.svg, series)


def test_the_static_svg_escapes_data_text_and_is_deterministic(data: SiteData) -> None:
    hostile = make_chart("bar", [{**BARS[0], "label": "<script>x</script> & co"}])
    svg = chart_view(hostile, GERMAN).svg
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    for chart in data.charts:
        assert chart_view(chart, GERMAN).svg == chart_view(chart, GERMAN).svg, chart.id
