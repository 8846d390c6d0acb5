"""Interface words per language: the gettext catalogues, complete and readable, and the pages and
formatter of an edition speaking its language."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from conftest import ROOT
from explainer.data.load import load_site_data
from explainer.outputs.pages import TEMPLATE_DIR
from explainer.outputs.render import Renderer, make_environment
from explainer.text import catalogue
from explainer.text.messages import extracted, update_catalogues
from minisite import MINI_SITE

SHIPPED = sorted(catalogue.ENGINE_LOCALE_DIR.glob("*/LC_MESSAGES/*.po"))
# %(name)s for Jinja and Python's %, {name} for str.format (text/formatting.py)
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{(\w+)\}")


def _placeholders(*texts: str) -> set[str]:
    return {a or b for text in texts for a, b in PLACEHOLDER.findall(text)}


def _as_tuple(value: str | tuple[str, ...]) -> tuple[str, ...]:
    return value if isinstance(value, tuple) else (value,)


@pytest.fixture(scope="module")
def used_msgids() -> dict[str | tuple[str, ...], list[tuple[str, int]]]:
    return {message.id: message.locations for message in extracted(ROOT) if message.id}


@pytest.mark.parametrize("po_path", SHIPPED, ids=[path.parts[-3] for path in SHIPPED])
def test_every_msgid_in_code_and_templates_is_translated_in_each_catalogue(
    po_path: Path, used_msgids: dict
) -> None:
    with po_path.open("rb") as po_file:
        translated = read_po(po_file)
    problems = []
    for msgid, locations in used_msgids.items():
        message = translated.get(msgid)
        where = f"{msgid!r} ({locations[0][0]}:{locations[0][1]})"
        if message is None or not all(_as_tuple(message.string)):
            problems.append(f"not translated: {where}")
        elif message.fuzzy:
            problems.append(f"fuzzy: {where}")
        elif any(
            _placeholders(form) - _placeholders(*_as_tuple(msgid))
            or (not message.pluralizable and _placeholders(form) != _placeholders(msgid))
            for form in _as_tuple(message.string)
        ):
            problems.append(f"placeholders differ: {where}")
    assert not problems, "\n".join(problems)


def test_the_engine_uses_around_a_hundred_interface_words(used_msgids: dict) -> None:
    assert len(used_msgids) > 90


def _claim_page(language: str) -> str:
    data = load_site_data(MINI_SITE / "data")
    renderer = Renderer(data, make_environment(language))
    template = (TEMPLATE_DIR / "explainer" / "claim_page.md").read_text("utf-8")
    page = "pruefungen/x.md"
    return renderer.render_page(
        template, page, page, record=data.claims[0], url=str, absolute_link=str
    )


@pytest.mark.parametrize(
    ("language", "expected", "not_expected"),
    [
        ("de", ["## Die Fakten { #die-fakten }", "Geprüft am", "Warum diese Bewertung:"],
         ["The facts", "Checked on"]),
        ("en", ["## The facts { #die-fakten }", "Checked on", "Why this verdict:",
                "## Sources { #quellen }", "Report an error", 'data-xp-copied="Copied!"'],
         ["Die Fakten", "Geprüft am", "Quellen", "Fehler melden"]),
    ],
    ids=["German", "English"],
)  # fmt: skip
def test_a_claim_page_speaks_its_editions_language_with_the_same_anchors(
    language: str, expected: list[str], not_expected: list[str]
) -> None:
    page = _claim_page(language)
    assert all(text in page for text in expected), page
    assert not any(text in page for text in not_expected), page


def test_english_pages_write_dates_as_english_does() -> None:
    env = make_environment("en")
    template = env.from_string("{{ day|date }} · {{ 1234.5|number }}")
    assert template.render(day=datetime.date(2025, 1, 27)) == "January 27, 2025 · 1,234.5"


def test_a_language_without_a_catalogue_is_one_error_naming_where_it_is_looked_for(
    tmp_path: Path,
) -> None:
    with pytest.raises(catalogue.CatalogueError) as error:
        catalogue.translations("fr", tmp_path)
    message = str(error.value)
    assert "'fr'" in message
    assert str(tmp_path / "locale" / "fr" / "LC_MESSAGES" / "explainer.po") in message


def test_a_broken_catalogue_is_one_error_naming_file_and_line(tmp_path: Path) -> None:
    po_path = catalogue.catalogue_path(tmp_path / "locale", "fr")
    po_path.parent.mkdir(parents=True)
    po_path.write_text('msgid "Sources"\nmsgstr "Sources"\n\nmsgid "Topic"\nThema\n', "utf-8")
    with pytest.raises(
        catalogue.CatalogueError,
        match=rf"^{re.escape(str(po_path))}:5: Unknown or misformatted keyword$",
    ):
        catalogue.translations("fr", tmp_path)


def test_a_projects_own_catalogue_is_used_before_the_engines(tmp_path: Path) -> None:
    po_path = catalogue.catalogue_path(tmp_path / "locale", "de")
    po_path.parent.mkdir(parents=True)
    po_path.write_text('msgid "Sources"\nmsgstr "Belege"\n', "utf-8")
    assert catalogue.translations("de", tmp_path).gettext("Sources") == "Belege"
    assert catalogue.translations("de").gettext("Sources") == "Quellen"


def test_fuzzy_entries_are_left_out_as_msgfmt_does(tmp_path: Path) -> None:
    po_path = catalogue.catalogue_path(tmp_path / "locale", "fr")
    po_path.parent.mkdir(parents=True)
    po_path.write_text('#, fuzzy\nmsgid "Sources"\nmsgstr "Belege"\n', "utf-8")
    assert catalogue.translations("fr", tmp_path).gettext("Sources") == "Sources"


def test_the_catalogue_command_adds_new_msgids_untranslated_and_keeps_translations(
    tmp_path: Path,
) -> None:
    po_path = catalogue.catalogue_path(tmp_path, "fr")
    po_path.parent.mkdir(parents=True)
    po_path.write_text('msgid "Sources"\nmsgstr "Sources"\n', "utf-8")
    assert update_catalogues(ROOT, tmp_path) == [po_path]
    with po_path.open("rb") as po_file:
        updated = read_po(po_file)
    assert updated.get("Sources").string == "Sources"
    assert updated.get("The facts").string == ""
