"""The benchmarks' anchor is plain Material: our theme settings with YAML's types (so `font: false`
keeps Google Fonts away), none of our code or templates, and a check that names any other host
the built anchor loads from."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from anchor import plain_material_config, read_config, third_party_hosts
from build_scale import FACTORS, multiplied_project
from conftest import ROOT
from explainer.data.yamlfile import MAX_FILE_BYTES

TAGGED_CONFIG = """\
site_name: Test
site_url: !ENV [SITE_URL, "https://example.org/"]
hooks:
  - hooks/ours.py
extra_css:
  - assets/stylesheets/ours.css
theme:
  name: material
  custom_dir: overrides
  font: false
markdown_extensions:
  - pymdownx.superfences:
      custom_fences:
        - name: mermaid
          class: mermaid
          format: !!python/name:pymdownx.superfences.fence_code_format
"""


def _anchor_config(tmp_path: Path, config: str) -> dict:
    (tmp_path / "mkdocs.yml").write_text(config, "utf-8")
    return yaml.load(plain_material_config(read_config(tmp_path)), Loader=yaml.BaseLoader)


def test_the_anchor_keeps_our_theme_settings_with_their_types() -> None:
    config = yaml.safe_load(plain_material_config(read_config(ROOT)))
    ours = read_config(ROOT)
    assert config["theme"]["font"] is False
    assert config["theme"]["palette"] == ours["theme"]["palette"]
    assert config["markdown_extensions"] == ours["markdown_extensions"]


@pytest.mark.parametrize(
    "key", ["hooks", "extra_css", "custom_dir"], ids=["hooks", "our stylesheet", "overrides"]
)
def test_the_anchor_has_none_of_our_code_or_templates(tmp_path: Path, key: str) -> None:
    config = _anchor_config(tmp_path, TAGGED_CONFIG)
    assert key not in config and key not in config["theme"]


def test_tags_mkdocs_resolves_are_written_back_as_they_were(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(TAGGED_CONFIG, "utf-8")
    written = plain_material_config(read_config(tmp_path))
    assert "!!python/name:pymdownx.superfences.fence_code_format" in written
    assert "!ENV" in written and "SITE_URL" in written


PAGES = {
    "a font from Google": (
        '<link rel="preconnect" href="https://fonts.gstatic.com" crossorigin>',
        {"fonts.gstatic.com"},
    ),
    "a script from a CDN": ('<script src="//cdn.example.net/x.js"></script>', {"cdn.example.net"}),
    "an inline style's url()": (
        "<div style=\"background: url('https://img.example.com/a.png')\"></div>",
        {"img.example.com"},
    ),
    "a link to a source": ('<a href="https://apnews.com/article">AP</a>', set()),
    "the site's own canonical address": (
        '<link rel="canonical" href="https://example.github.io/site/">',
        set(),
    ),
    "a relative stylesheet": ('<link rel="stylesheet" href="assets/main.css">', set()),
}


@pytest.mark.parametrize(("html", "hosts"), PAGES.values(), ids=PAGES.keys())
def test_the_check_names_the_other_hosts_a_page_loads_from(
    tmp_path: Path, html: str, hosts: set[str]
) -> None:
    (tmp_path / "index.html").write_text(f"<!doctype html><html>{html}</html>", "utf-8")
    assert set(third_party_hosts(tmp_path, "example.github.io")) == hosts


def test_every_copied_claim_has_a_quote_of_its_own_in_every_edition(tmp_path: Path) -> None:
    project = multiplied_project(tmp_path / "project", 3)
    for claims_file, field in [("claims.yaml", "quote"), ("en/claims.yaml", "quote_translation")]:
        claims = yaml.safe_load((project / "data" / claims_file).read_text("utf-8"))["claims"]
        originals = len(claims) // 3
        assert originals and len(claims) == 3 * originals
        assert len({claim[field] for claim in claims}) == len(claims), claims_file


def test_the_largest_copy_the_bench_builds_fits_the_data_limits(tmp_path: Path) -> None:
    """`make bench` builds the claims 100 times over: its files stay below the size the loader
    accepts (a real newsroom's claims file, 2,300 claims)."""
    project = multiplied_project(tmp_path / "project", max(FACTORS))
    sizes = {path: path.stat().st_size for path in (project / "data").glob("**/claims.yaml")}
    assert len(sizes) == 2 and all(size <= MAX_FILE_BYTES for size in sizes.values()), sizes
