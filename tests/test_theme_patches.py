"""Our patches of Material's and MkDocs' templates and of Material's script
(explainer/outputs/themepatch.py) cannot go stale: a theme update that changes a patched file fails
here, naming it and what the patch does, and a patch whose text is gone stops the build, naming
the file. The patched markup itself is checked on the built site (test_html_valid.py,
test_publish.py, the browser audit), the patched script in Chromium
(browser/test_reader_features_browser.py: sitemap and search index)."""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
from pathlib import Path

import jinja2
import pytest
from conftest import ROOT, BuiltSite
from explainer.outputs.themepatch import (
    ASSET_PATCHES,
    CARRIED,
    MADE_AGAINST,
    THEME_PATCHES,
    ThemePatch,
    ThemePatchError,
    carry_our_assets,
    compact_css,
    patch_assets,
    patched_loader,
)
from mkdocs.structure.files import File, Files

PATCHES = pytest.mark.parametrize(
    "patch", THEME_PATCHES + ASSET_PATCHES, ids=lambda patch: patch.template
)


def _templates_folder(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    assert spec is not None and spec.submodule_search_locations, f"{package} is not installed"
    return Path(spec.submodule_search_locations[0]) / "templates"


def _theme_environment() -> jinja2.Environment:
    """Our theme's templates as MkDocs' theme loader finds them: overrides/, then the packages."""
    folders = [ROOT / "overrides", _templates_folder("material"), _templates_folder("mkdocs")]
    return jinja2.Environment(loader=jinja2.FileSystemLoader(folders))


@PATCHES
def test_every_patched_template_is_installed_as_its_patch_was_written_against(
    patch: ThemePatch,
) -> None:
    installed = _templates_folder(patch.package) / patch.template
    digest = hashlib.sha256(installed.read_bytes()).hexdigest()
    distribution, version = MADE_AGAINST[patch.package]
    assert digest == patch.sha256, (
        f"{patch.template} of the installed {distribution} "
        f"{importlib.metadata.version(distribution)} ({installed}) is not the one our patch was "
        f"written against ({version}'s). Our patch there: {patch.purpose} Diff the template "
        f"against {version}'s, re-check that the edits in hooks/explainer/outputs/themepatch.py "
        f"still do that on the new markup, then record its SHA-256 {digest} and the version there."
    )


def test_every_patch_fits_the_installed_template_and_compiles() -> None:
    environment = _theme_environment()
    environment.loader = patched_loader(environment)
    for patch in THEME_PATCHES:
        source = environment.loader.get_source(environment, patch.template)[0]
        assert all(edit.new in source for edit in patch.edits), patch.template
        environment.parse(source)


def test_every_asset_patch_gives_the_copied_theme_file_its_edits(tmp_path: Path) -> None:
    copied = [
        File(patch.template, str(_templates_folder(patch.package)), str(tmp_path), False)
        for patch in ASSET_PATCHES
    ]
    installed = [file.content_string for file in copied]
    patch_assets(Files(copied))
    for patch, file, before in zip(ASSET_PATCHES, copied, installed, strict=True):
        assert all(edit.old not in file.content_string for edit in patch.edits), patch.template
        assert all(edit.new in file.content_string for edit in patch.edits), patch.template
        assert len(file.content_string) - len(before) == sum(
            len(edit.new) - len(edit.old) for edit in patch.edits
        ), f"{patch.template}: changed beyond its edits"


def test_a_theme_asset_the_theme_no_longer_has_stops_naming_it_and_the_patch() -> None:
    patch = ASSET_PATCHES[0]
    with pytest.raises(ThemePatchError) as stopped:
        patch_assets(Files([]))
    assert f"no template {patch.template} any more" in str(stopped.value)
    assert "search index" in str(stopped.value)  # what the patch does


def test_a_theme_file_that_carried_our_assets_and_is_gone_stops_naming_it() -> None:
    carrier, ours = next(iter(CARRIED.items()))
    with pytest.raises(ThemePatchError) as stopped:
        carry_our_assets(Files([]))
    assert f"no file {carrier} any more" in str(stopped.value)
    assert ours[-1] in str(stopped.value)


def test_our_stylesheets_are_carried_without_comments_and_runs_of_whitespace(
    site: BuiltSite,
) -> None:
    carrier, ours = next((c, o) for c, o in CARRIED.items() if c.endswith(".css"))
    carried = (site.site_dir / carrier).read_text("utf-8")
    written = [(site.site_dir / path).read_text("utf-8") for path in ours]
    assert any("/*" in text for text in written)  # explainer.css explains itself
    for text in written:
        assert compact_css(text) in carried
        assert "/*" not in compact_css(text) and "  " not in compact_css(text)


@pytest.mark.parametrize(
    ("css", "read"),
    [
        ("/* a */\n.x {\n  color: red; /* b\n c */\n}\n", ".x { color: red; }"),
        ('.x::after { content: "/* kept */  two"; }', '.x::after { content: "/* kept */  two"; }'),
        ("a { content: 'it\\'s /* */'; }", "a { content: 'it\\'s /* */'; }"),
        # a comment that alone separates two tokens stays: without it they would be one
        (".a/**/.b {}", ".a/**/.b {}"),
    ],
)
def test_compact_css_keeps_what_a_browser_reads(css: str, read: str) -> None:
    assert compact_css(css) == read


def test_an_asset_of_ours_that_is_gone_stops_naming_it(tmp_path: Path) -> None:
    carriers = [Path(carrier) for carrier in CARRIED]
    for carrier in carriers:
        (tmp_path / carrier).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / carrier).write_text("/* theme */", "utf-8")
    site = str(tmp_path / "site")
    files = Files([File(carrier.as_posix(), str(tmp_path), site, False) for carrier in carriers])
    with pytest.raises(ThemePatchError) as stopped:
        carry_our_assets(files)
    first_carrier, ours = next(iter(CARRIED.items()))
    assert f"No {', '.join(ours)} to carry inside {first_carrier}" in str(stopped.value)


def test_a_patch_whose_text_is_gone_stops_naming_the_template_and_the_patch() -> None:
    templates = {
        patch.template: "\n".join(edit.old for edit in patch.edits) for patch in THEME_PATCHES
    }
    templates["partials/search.html"] = '<div class="md-search" role="dialog">'
    environment = jinja2.Environment(loader=jinja2.DictLoader(templates))
    with pytest.raises(ThemePatchError) as stopped:
        patched_loader(environment)
    message = str(stopped.value)
    assert "partials/search.html has changed" in message
    assert "aria-dialog-name" in message  # what the patch does
    assert "hooks/explainer/outputs/themepatch.py" in message


def test_a_template_the_theme_no_longer_has_stops_naming_it() -> None:
    environment = jinja2.Environment(loader=jinja2.DictLoader({}))
    with pytest.raises(ThemePatchError, match=r"no template base\.html any more"):
        patched_loader(environment)


def test_an_edit_whose_text_occurs_twice_is_refused() -> None:
    patch = THEME_PATCHES[0]
    twice = "\n".join(edit.old for edit in patch.edits for _ in range(2))
    with pytest.raises(ThemePatchError, match="found it 2 times"):
        patch.apply(twice)
