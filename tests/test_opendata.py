"""Reuse: the open-data package (checked with Frictionless, the standard's own validator), the
Atom feed, the Dataset JSON-LD on the numbers page and the licence in every footer. Expectations
come from the data, so new records need no change here."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import frictionless
import pytest
import yaml
from conftest import EDITION_ROOTS, ROOT, BuiltSite, address_of
from explainer.data.datafiles import DATA_FILES
from explainer.data.load import load_site_data
from explainer.data.sitedata import SiteData
from explainer.outputs import opendata
from explainer.outputs.render import Renderer, make_environment
from explainer.site import write_files
from explainer.text import german
from explainer.text.catalogue import translations
from htmlmeta import read_head
from minisite import MINI_SITE

SITE_URL = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))["site_url"]
SITE_PATH = "/" + SITE_URL.split("://", 1)[1].split("/", 1)[1]  # '/deepseek-eingeordnet/'
ATOM = "{http://www.w3.org/2005/Atom}"
RFC_3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
FEED_LINK = re.compile(
    r'<link rel="alternate" type="application/atom\+xml" title="[^"]+" href="([^"]+)">'
)


@pytest.fixture(scope="module")
def package(site: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built zip, unpacked: the folder holding datapackage.json."""
    folder = tmp_path_factory.mktemp("unpacked")
    with zipfile.ZipFile(site.site_dir / opendata.ZIP_PATH) as archive:
        archive.extractall(folder)
    return folder / opendata.FOLDER


def _table(package: Path, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((package / f"{name}.csv").read_text("utf-8"))))


def _local(site: BuiltSite, page: Path, href: str) -> Path:
    """The file a link of a built page points at: absolute, from the site root, or relative."""
    href = href.split("#")[0]
    if href.startswith(SITE_URL):
        target = site.site_dir / href.removeprefix(SITE_URL)
    elif href.startswith("/"):
        target = site.site_dir / href.removeprefix(SITE_PATH)
    else:
        target = page.parent / href
    target = target.resolve()
    return target / "index.html" if target.is_dir() else target


def _pages(site: BuiltSite) -> list[Path]:
    return sorted(site.site_dir.rglob("*.html"))


# ---------------------------------------------------------------------------------------------
# The data package
# ---------------------------------------------------------------------------------------------


def test_the_data_package_is_valid_by_the_standard_and_its_data_by_the_table_schemas(
    package: Path,
) -> None:
    report = frictionless.validate(package / opendata.DESCRIPTOR)
    problems = [
        (task.name, error.type, error.note) for task in report.tasks for error in task.errors
    ]
    assert report.valid, [*report.errors, *problems]
    assert all(task.type in ("table", "json") for task in report.tasks)


def test_the_zip_holds_exactly_the_files_its_descriptor_lists(package: Path) -> None:
    descriptor = json.loads((package / opendata.DESCRIPTOR).read_text("utf-8"))
    listed = [resource["path"] for resource in descriptor["resources"]]
    assert sorted(path.name for path in package.iterdir()) == sorted([*listed, opendata.DESCRIPTOR])
    for resource in descriptor["resources"]:
        content = (package / resource["path"]).read_bytes()
        assert len(content) == resource["bytes"], resource["path"]
        if resource["format"] == "json":
            assert json.loads(content), resource["path"]


def test_the_package_holds_every_record_as_plain_text(package: Path, data: SiteData) -> None:
    for entry in DATA_FILES:
        if entry.shape == "single" or entry.name in opendata.NOT_PUBLISHED:
            continue
        records = getattr(data, entry.attribute) or []
        rows = _table(package, entry.name)
        assert [row["id"] for row in rows] == [record.id for record in records], entry.name
    corrections = _table(package, "claims-corrections")
    assert len(corrections) == sum(len(claim.corrections) for claim in data.claims)
    points = _table(package, "series-points")
    assert len(points) == sum(len(chart.points) for chart in data.charts)
    everything = "".join(path.read_text("utf-8") for path in package.iterdir())
    assert "{{" not in everything and "](" not in everything  # rich text as a reader sees it
    site = json.loads((package / opendata.SITE_FILE).read_text("utf-8"))
    assert site["title"] == data.site.title


def test_the_package_names_the_licence_and_the_publisher(package: Path, data: SiteData) -> None:
    descriptor = json.loads((package / opendata.DESCRIPTOR).read_text("utf-8"))
    assert descriptor["title"] == opendata.package_title(data, translations("de"))
    assert descriptor["licenses"] == [
        {"path": data.site.license.url, "title": opendata.license_text(data.site.license)}
    ]
    assert descriptor["contributors"][0]["title"] == data.operator.name


def test_the_zip_is_dated_from_the_data_and_equals_the_package_on_the_site(
    site: BuiltSite, data: SiteData
) -> None:
    day = data.site.updated
    unpacked = site.site_dir / opendata.ZIP_PATH.removesuffix(".zip")
    with zipfile.ZipFile(site.site_dir / opendata.ZIP_PATH) as archive:
        names = archive.namelist()
        assert names == sorted(names)
        for info in archive.infolist():
            assert info.date_time == (day.year, day.month, day.day, 0, 0, 0), info.filename
            name = info.filename.removeprefix(f"{opendata.FOLDER}/")
            assert archive.read(info) == (unpacked / name).read_bytes(), info.filename


def test_a_site_without_licence_or_glossary_gets_a_valid_package_too(tmp_path: Path) -> None:
    mini = load_site_data(MINI_SITE / "data")
    assert mini.site.license is None and mini.terms is None
    files = Renderer(mini, make_environment()).open_data().files
    folder = opendata.ZIP_PATH.removesuffix(".zip") + "/"
    write_files({path.removeprefix(folder): content for path, content in files.items()
                 if path.startswith(folder)}, tmp_path)  # fmt: skip
    report = frictionless.validate(tmp_path / opendata.DESCRIPTOR)
    assert report.valid, report.flatten(["type", "note"])
    assert "licenses" not in json.loads((tmp_path / opendata.DESCRIPTOR).read_text("utf-8"))
    assert (tmp_path / "glossary.csv").read_text("utf-8").count("\n") == 1  # the header only


@pytest.mark.parametrize("data_dir", [ROOT / "data", MINI_SITE / "data"], ids=["site", "mini"])
def test_the_package_has_the_files_known_before_it_is_built(data_dir: Path) -> None:
    """The build names the package's files before the pages are rendered (pages link them),
    and fills them in once the package is built (SiteBuild.pending_files)."""
    files = Renderer(load_site_data(data_dir), make_environment()).open_data().files
    assert opendata.file_paths() == list(files)


def test_the_package_is_the_same_bytes_when_built_again(data: SiteData) -> None:
    first = Renderer(data, make_environment()).open_data().files
    assert Renderer(data, make_environment()).open_data().files == first


@pytest.mark.parametrize("page", ["zahlen", "methodik"])
def test_the_numbers_and_method_pages_offer_the_package_with_its_size(
    site: BuiltSite, page: str
) -> None:
    path = site.site_dir / page / "index.html"
    links = re.findall(r'<a class="xp-download" download="[^"]+" href="([^"]+)">([^<]+)</a>',
                       path.read_text("utf-8"))  # fmt: skip
    assert len(links) == 1, page
    href, text = links[0]
    target = _local(site, path, href)
    assert target == (site.site_dir / opendata.ZIP_PATH).resolve()
    assert german.file_size(target.stat().st_size) in text


# ---------------------------------------------------------------------------------------------
# The feed
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def feed(site: BuiltSite) -> ET.Element:
    return ET.parse(site.site_dir / "feed.xml").getroot()  # raises unless well-formed


def _child_text(element: ET.Element, tag: str) -> str:
    child = element.find(ATOM + tag)
    assert child is not None and child.text and child.text.strip(), f"no {tag}"
    return child.text


def test_the_feed_has_what_atom_requires(feed: ET.Element, data: SiteData) -> None:
    assert feed.tag == f"{ATOM}feed"
    for tag in ("id", "title", "updated"):
        _child_text(feed, tag)
    author = feed.find(f"{ATOM}author")
    assert author is not None and _child_text(author, "name") == data.operator.name
    self_links = [link.get("href") for link in feed.findall(f"{ATOM}link[@rel='self']")]
    assert self_links == [f"{SITE_URL}feed.xml"]
    assert data.site.license.name in _child_text(feed, "rights")
    ids = []
    for entry in feed.findall(f"{ATOM}entry"):
        where = entry.findtext(f"{ATOM}id")
        for tag in ("id", "title", "updated", "published", "summary"):
            _child_text(entry, tag)
        assert entry.find(f"{ATOM}link[@rel='alternate']").get("href"), where
        ids.append(where)
    assert len(ids) == len(set(ids))
    dates = [e.text for e in feed.iter() if e.tag in (f"{ATOM}updated", f"{ATOM}published")]
    assert all(RFC_3339.match(date) for date in dates), dates
    newest = max(entry.findtext(f"{ATOM}updated") for entry in feed.findall(f"{ATOM}entry"))
    assert _child_text(feed, "updated") == newest


def test_the_feed_has_one_entry_per_claim_and_per_correction(
    feed: ET.Element, data: SiteData
) -> None:
    entries = {entry.findtext(f"{ATOM}id"): entry for entry in feed.findall(f"{ATOM}entry")}
    corrections = [e for e in entries.values() if "Korrektur" in e.findtext(f"{ATOM}title")]
    assert len(entries) == len(data.claims) + len(data.corrections)
    assert len(corrections) == len(data.corrections)
    for claim in data.claims:
        entry = entries[SITE_URL + address_of(data.site.paths.claim_page(claim.id))]
        assert entry.findtext(f"{ATOM}title") == f"„{claim.quote}“", claim.id
        assert entry.findtext(f"{ATOM}published") == f"{claim.checked}T00:00:00Z", claim.id
        assert entry.findtext(f"{ATOM}updated") == f"{claim.last_changed}T00:00:00Z", claim.id
        verdict = data.verdict_of(claim).label
        assert entry.findtext(f"{ATOM}summary").startswith(f"Bewertung: {verdict}."), claim.id


def test_every_feed_entry_links_to_a_built_page_and_anchor(
    site: BuiltSite, feed: ET.Element
) -> None:
    for entry in feed.findall(f"{ATOM}entry"):
        href = entry.find(f"{ATOM}link").get("href")
        assert href.startswith(SITE_URL), href
        target = _local(site, site.site_dir / "index.html", href)
        assert target.is_file(), href
        if "#" in href:
            assert f'id="{href.split("#")[1]}"' in target.read_text("utf-8"), href


def test_every_page_links_the_feed_in_its_head(site: BuiltSite) -> None:
    for path in _pages(site):
        page = path.read_text("utf-8")
        links = FEED_LINK.findall(page[: page.index("</head>")])
        where = str(path.relative_to(site.site_dir))
        assert len(links) == 1, where
        edition = site.site_dir / "en" if where.startswith("en/") else site.site_dir
        assert _local(site, path, links[0]) == (edition / "feed.xml").resolve(), where


# ---------------------------------------------------------------------------------------------
# Dataset JSON-LD and the licence
# ---------------------------------------------------------------------------------------------


def test_the_numbers_page_describes_the_data_as_a_dataset(site: BuiltSite, data: SiteData) -> None:
    address = data.site.paths.numbers.removesuffix(".md") + "/"
    head = read_head(site.page(address))
    datasets = [item for item in head.jsonld if item.get("@type") == "Dataset"]
    assert len(datasets) == 1
    dataset = datasets[0]
    assert dataset["@context"] == "https://schema.org" and dataset["url"] == SITE_URL + address
    assert dataset["license"] == data.site.license.url
    assert dataset["name"] and len(dataset["description"]) >= 50  # Google: 50 to 5000
    assert dataset["creator"]["name"] == data.operator.name and dataset["isAccessibleForFree"]
    assert dataset["dateModified"] == data.site.updated.isoformat()
    urls = [download["contentUrl"] for download in dataset["distribution"]]
    assert f"{SITE_URL}{opendata.ZIP_PATH}" in urls
    assert len(urls) == 1 + len(data.charts)
    for url in urls:
        assert _local(site, site.site_dir, url).is_file(), url


def test_every_page_names_the_licence_in_its_footer(site: BuiltSite, data: SiteData) -> None:
    license = data.site.license
    link = f'href="{html.escape(license.url)}" rel="license">{html.escape(license.name)}</a>'
    titles = {  # the licence's full name in each edition's language
        root: load_site_data(ROOT / "data", language=root.strip("/") or None).site.license.title
        for root in EDITION_ROOTS
    }
    for path in _pages(site):
        page = path.read_text("utf-8")
        footer = page[page.rindex("<footer") :]  # Material's, or an embed page's own
        where = str(path.relative_to(site.site_dir))
        title = titles[next(root for root in reversed(EDITION_ROOTS) if where.startswith(root))]
        assert link in footer and html.escape(title) in footer, where
