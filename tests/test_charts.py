"""Charts: the figure builders on their own, then every chart as the built site shows it."""

from __future__ import annotations

import csv
import io
import json
import re
import typing
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, Build, build_site, copy_mini_site
from explainer import charts
from explainer.load import load_site_data
from explainer.models import Chart, ChartKind

DATA = load_site_data(ROOT / "data")
CHARTS = {chart.id: chart for chart in DATA.charts}
NARROW, MINUS = "\u202f", "\u2212"
EXPECTED_CHARTS = {
    "ki-investitionen-2024", "big-tech-capex", "trainingskosten",
    "kursbewegungen-27-januar", "nvidia-kurs",
}  # fmt: skip


def figure(chart_id: str) -> dict:
    return json.loads(charts.figure_json(CHARTS[chart_id]))


def hover_texts(fig: dict) -> list[str]:
    return [row[0] for trace in fig["data"] for row in trace["customdata"]]


# ---------------------------------------------------------------------------------------------
# Builders
# ---------------------------------------------------------------------------------------------


def test_the_five_charts_exist_and_each_kind_has_a_builder() -> None:
    assert EXPECTED_CHARTS <= set(CHARTS)
    assert set(charts.BUILDERS) == set(typing.get_args(ChartKind))


def test_bar_chart_has_one_horizontal_bar_trace_and_a_labelled_reference_line() -> None:
    fig = figure("ki-investitionen-2024")
    assert [trace["type"] for trace in fig["data"]] == ["bar"]
    assert fig["data"][0]["orientation"] == "h"
    assert fig["data"][0]["x"] == [109.1, 9.3, 4.5]  # Mrd. US-Dollar, as the axis title says
    assert fig["layout"]["xaxis"]["title"]["text"] == "Mrd. US-Dollar"
    (line,) = fig["layout"]["shapes"]
    assert line["x0"] == line["x1"] == 180
    assert any("180 Mrd. (ohne Quelle)" in note["text"] for note in fig["layout"]["annotations"])


def test_grouped_bars_have_one_trace_per_group_told_apart_by_colour_and_hatching() -> None:
    fig = figure("big-tech-capex")
    assert [trace["name"] for trace in fig["data"]] == ["2024", "Plan 2025"]
    assert fig["layout"]["barmode"] == "group"
    colours = {trace["marker"]["color"] for trace in fig["data"]}
    patterns = {trace["marker"]["pattern"]["shape"] for trace in fig["data"]}
    assert len(colours) == len(patterns) == 2
    # Only sourced values are drawn: Microsoft and Amazon have no bar for 2024.
    assert fig["data"][0]["y"] == ["Meta", "Alphabet"]


def test_log_axis() -> None:
    fig = figure("trainingskosten")
    assert fig["layout"]["xaxis"]["type"] == "log"
    assert fig["layout"]["xaxis"]["title"]["text"] == "Mio. US-Dollar"
    assert f"rund 1,6{chr(160)}Mrd.{chr(160)}US-Dollar" in hover_texts(fig)[-1]


def test_diverging_bars_differ_in_colour_and_in_signed_labels() -> None:
    fig = figure("kursbewegungen-27-januar")
    losses, gains = fig["data"]
    assert losses["marker"]["color"] != gains["marker"]["color"]
    assert f"{MINUS}17,0{NARROW}%" in losses["text"]  # Nvidia, -16.97
    assert gains["text"] == [f"+0,7{NARROW}%"]  # Dow Jones
    assert fig["layout"]["xaxis"]["zeroline"] is True
    assert fig["layout"]["xaxis"]["ticksuffix"] == f"{NARROW}%"


def test_line_chart_marks_every_day_and_annotates_the_drop_and_the_rebound() -> None:
    fig = figure("nvidia-kurs")
    (trace,) = fig["data"]
    assert trace["type"] == "scatter" and trace["mode"] == "lines+markers"
    assert trace["x"][0] == "2025-01-17" and trace["x"][-1] == "2025-02-10"
    assert [note["x"] for note in fig["layout"]["annotations"]] == ["2025-01-27", "2025-01-28"]
    assert fig["layout"]["xaxis"]["type"] == "date"


def test_hover_texts_and_separators_are_german() -> None:
    fig = figure("kursbewegungen-27-januar")
    assert fig["layout"]["separators"] == ",."
    assert any(f"{MINUS}16,97{NARROW}%" in text for text in hover_texts(fig))
    assert "27.\u00a0Januar 2025" in hover_texts(figure("nvidia-kurs"))[5]
    assert all(trace["hovertemplate"].endswith("<extra></extra>") for trace in fig["data"])


def test_figure_json_is_deterministic_and_safe_in_an_attribute() -> None:
    for chart in DATA.charts:
        text = charts.figure_json(chart)
        assert text == charts.figure_json(chart)
        assert not set("<>&") & set(text), chart.id
        assert '"uid"' not in text
        config = json.loads(text)["config"]
        assert config["displaylogo"] is False and config["responsive"] is True


def test_every_light_colour_has_a_dark_twin() -> None:
    used = set(re.findall(r'"(#[0-9a-f]{6})"', charts.figure_json(CHARTS["big-tech-capex"])))
    assert used - set(charts.DARK.values()) <= set(charts.DARK)


def test_data_text_reaches_plotly_as_text_not_markup() -> None:
    chart = CHARTS["ki-investitionen-2024"].model_copy(
        update={
            "points": [
                CHARTS["ki-investitionen-2024"].points[0].model_copy(update={"label": "<b>A&B</b>"})
            ]
        }
    )
    fig = json.loads(charts.figure_json(chart))
    assert fig["data"][0]["y"] == ["&lt;b&gt;A&amp;B&lt;/b&gt;"]


# ---------------------------------------------------------------------------------------------
# Data rules
# ---------------------------------------------------------------------------------------------


def test_series_files_are_valid_against_the_model() -> None:
    for path in sorted((ROOT / "data" / "series").glob("*.yaml")):
        chart = Chart.model_validate(yaml.safe_load(path.read_text("utf-8")))
        assert chart.id == path.stem


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"kind": "line"}, "kind: line needs 'date' on every point"),
        ({"kind": "diverging_bar"}, "'reference' is only for kind: bar or grouped_bar"),
    ],
)
def test_chart_rules_are_explained(change: dict, message: str) -> None:
    record = yaml.safe_load((ROOT / "data/series/ki-investitionen-2024.yaml").read_text("utf-8"))
    with pytest.raises(ValueError, match=re.escape(message)):
        Chart.model_validate({**record, **change})


def test_chart_id_must_equal_its_file_name(tmp_path: Path) -> None:
    project = copy_mini_site(tmp_path / "project")
    series = project / "data" / "series"
    (series / "parkflaeche.yaml").rename(series / "parkgroesse.yaml")

    build = build_site(project, tmp_path / "site")

    assert build.returncode != 0
    assert (
        "data/series/parkgroesse.yaml:1: id: 'parkflaeche' must equal the file name"
        " (expected 'parkgroesse' or rename the file)"
    ) in build.output, build.output


# ---------------------------------------------------------------------------------------------
# The built site
# ---------------------------------------------------------------------------------------------


class _Figures(HTMLParser):
    """The charts of one page: figure JSON, source links, tables and download links."""

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
            self.charts.append({"id": chart_id, "json": None, "links": [], "tables": 0})
        elif self._in_figure and "data-xp-chart" in values:
            self.charts[-1]["json"] = values["data-xp-chart"]
        elif self._in_figure and tag == "table":
            self.charts[-1]["tables"] += 1
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


def pages_with_charts(site: Build) -> dict[Path, list[dict]]:
    found = {}
    for path in sorted(site.site_dir.rglob("*.html")):
        on_page = charts_on(path.read_text("utf-8"))
        if on_page:
            found[path] = on_page
    return found


def test_the_numbers_page_shows_all_five_charts(site: Build) -> None:
    shown = {chart["id"] for chart in charts_on(site.page("zahlen"))}
    assert shown == EXPECTED_CHARTS


def test_every_chart_on_every_page_is_complete(site: Build) -> None:
    anchors = set(re.findall(r'id="(quelle-[a-z0-9-]+)"', site.page("quellen")))
    found = pages_with_charts(site)
    assert found
    for path, on_page in found.items():
        for shown in on_page:
            chart = CHARTS[shown["id"]]
            where = f"{path.relative_to(site.site_dir)}: {chart.id}"
            assert json.loads(shown["json"]) == json.loads(charts.figure_json(chart)), where
            assert shown["tables"] == 1, where
            cited = {href.split("#quelle-")[1] for href in shown["links"] if "#quelle-" in href}
            assert set(charts.source_ids(chart)) <= cited, where
            assert {f"quelle-{source}" for source in cited} <= anchors, where
            downloads = [href for href in shown["links"] if "/downloads/" in href]
            assert len(downloads) == 2, where
            for href in downloads:
                assert (path.parent / href).resolve().is_file(), f"{where}: {href}"


def test_table_shows_the_numbers_german_formatted(site: Build) -> None:
    page = site.page("zahlen")
    assert f'<td class="xp-chart__value">{MINUS}16,97{NARROW}%</td>' in page
    assert '<td class="xp-chart__value">5,576\u00a0Mio.\u00a0US-Dollar</td>' in page


def test_downloads_hold_the_numbers_of_the_yaml(site: Build) -> None:
    for chart_id, chart in CHARTS.items():
        raw = yaml.safe_load((ROOT / "data" / "series" / f"{chart_id}.yaml").read_text("utf-8"))
        expected = [point["value"] for point in raw["points"]]
        if "reference" in raw:
            expected.append(raw["reference"]["value"])

        text = (site.site_dir / "downloads" / f"{chart_id}.csv").read_bytes().decode("utf-8")
        rows = list(csv.DictReader(io.StringIO(text)))
        assert [row["value"] for row in rows] == [str(value) for value in expected], chart_id
        assert all(row["source_url"].startswith("https://") for row in rows if row["source_id"])

        document = json.loads((site.site_dir / "downloads" / f"{chart_id}.json").read_text("utf-8"))
        assert [row["value"] for row in document["rows"]] == expected, chart_id
        assert (
            document["rows"][0]["source_publisher"]
            == DATA.source_by_id[chart.points[0].source].publisher
        )


def test_plotly_js_is_not_inlined_and_every_page_loads_the_small_chart_script(site: Build) -> None:
    for path in site.site_dir.rglob("*.html"):
        html = path.read_text("utf-8")
        assert "plotly-basic.min.js" not in html, path
        assert "assets/javascripts/charts.js" in html, path
    assert (site.site_dir / "assets/javascripts/vendor/plotly-basic.min.js").is_file()
