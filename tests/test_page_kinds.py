"""The table of page kinds: a kind is complete or the engine does not start, every page of the
site has the role of its kind, and a new kind of generated page joins with one table entry and
one template."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build_site
from explainer.data.datafiles import BY_RECORD_TYPE
from explainer.outputs.pages import PAGE_KINDS, PageKind, PageKindError, find_page_kinds
from minisite import MINI_IN_PROJECT, copy_project

COMPLETE = PAGE_KINDS["claim embed"]
RECORD_TYPES = set(BY_RECORD_TYPE)


def _without(part: str, **changes: object) -> PageKind:
    fields = {name: getattr(COMPLETE, name) for name in COMPLETE.__dataclass_fields__}
    return PageKind(**{**fields, part: None, **changes})


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        (_without("role"), "page kind 'card' names no role (metadata.PageRole) (PageKind role="),
        (_without("share_image"), "page kind 'card' names no share image"),
        (_without("structured_data"), "page kind 'card' names no structured data"),
        (_without("title"), "page kind 'card' names no title (a function of the record)"),
        (_without("template", records="claim"), "page kind 'card' names no template"),
        (_without("records"), "page kind 'card' names no records"),
        (_without("listed_on", template="explainer/nichts.md"),
         "page kind 'card' has no template: hooks/templates/explainer/nichts.md"),
        (_without("listed_on", records="tree"),
         "page kind 'card' has pages for unknown records 'tree'"),
        (_without("listed_on", listed_on="overview"),
         "page kind 'card' is listed on unknown kind 'overview'"),
    ],
    ids=["no role", "no share image", "no structured data", "no title", "no template",
         "no records", "template missing", "unknown records", "unknown overview"],
)  # fmt: skip
def test_a_kind_that_lacks_a_part_stops_the_engine_naming_the_kind(
    kind: PageKind, message: str
) -> None:
    with pytest.raises(PageKindError) as error:
        find_page_kinds({"card": kind}, RECORD_TYPES)
    assert message in str(error.value)


def test_every_registered_kind_is_complete() -> None:
    assert find_page_kinds(PAGE_KINDS, RECORD_TYPES) == PAGE_KINDS


# ---------------------------------------------------------------------------------------------
# A new kind in a scratch copy of the engine: one table entry and one template
# ---------------------------------------------------------------------------------------------

NEW_KIND = """
PAGE_KINDS["source"] = PageKind(
    records="source",
    template="explainer/source_page.md",
    path=lambda paths, source_id: f"{paths.embed}/quelle/{source_id}.md",
    title=lambda source: str(escape(source.title)),
    changed=data_updated,
    role="other",
    share_image=SITE_IMAGE,
    structured_data=no_structured_data,
)
PAGE_KINDS = find_page_kinds(PAGE_KINDS, set(BY_RECORD_TYPE))
"""

NEW_TEMPLATE = """\
{#- One source on a page of its own; the engine sets `record`. -#}
# {{ record.title }}

Veröffentlicht von {{ record.publisher }}: [zur Quelle]({{ record.url }})
"""


def scratch_copy_with_a_new_kind(target: Path) -> Path:
    """The repository with page kind 'source' added as pages.py says: a row and a template."""
    copy_project(target)
    pages = target / "hooks" / "explainer" / "outputs" / "pages.py"
    pages.write_text(pages.read_text("utf-8") + NEW_KIND, "utf-8")
    template = target / "hooks" / "templates" / "explainer" / "source_page.md"
    template.write_text(NEW_TEMPLATE, "utf-8")
    return target


def test_a_new_kind_with_its_template_is_built_and_without_it_stops_the_engine(
    tmp_path: Path,
) -> None:
    project = scratch_copy_with_a_new_kind(tmp_path / "project")
    build = build_site(mini := project / MINI_IN_PROJECT, tmp_path / "site")
    assert build.returncode == 0, build.output
    page = build.page("einbinden/quelle/gruenflaechenamt")  # the mini site's embed folder
    assert "<title>Flächenbericht Stadtpark (Beispiel) - " in page
    assert "Veröffentlicht von Beispielstadt, Grünflächenamt" in page
    assert '<meta property="og:type" content="article"' in page

    (project / "hooks" / "templates" / "explainer" / "source_page.md").unlink()
    build = build_site(mini, tmp_path / "site-without-template")
    assert build.returncode != 0
    message = "page kind 'source' has no template: hooks/templates/explainer/source_page.md"
    assert message in build.output
