"""A translation's text lies over the original's records (`data/<lang>/`), and every gap in it is
named with file, line and field: the loader, which the build and `make check` share, on a copy of
the mini site with a small English overlay (tests/sites/mini-en/)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT
from explainer.data.errors import DataError
from explainer.data.load import load_site_data
from explainer.data.spelling import misspellings
from minisite import MINI_SITE

OVERLAY = ROOT / "tests" / "sites" / "mini-en"


def translated_mini_data(target: Path) -> Path:
    """A copy of the mini site's data with the English overlay and `translations: [en]`."""
    data_dir = shutil.copytree(MINI_SITE / "data", target / "data")
    shutil.copytree(OVERLAY, data_dir / "en", ignore=shutil.ignore_patterns("*.md"))
    site = data_dir / "site.yaml"
    site.write_text(site.read_text("utf-8") + "translations: [en]\n", "utf-8")
    return data_dir


def replace(old: str, new: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        assert old in text, f"test setup: {old!r} not found"
        return text.replace(old, new, 1)

    return edit


def problems_in_translation(data_dir: Path) -> list[str]:
    with pytest.raises(DataError) as error:
        load_site_data(data_dir, language="en")
    return [str(problem) for problem in error.value.problems]


def test_a_translation_holds_the_overlays_text_and_the_originals_facts(tmp_path: Path) -> None:
    data_dir = translated_mini_data(tmp_path)

    original = load_site_data(data_dir)
    english = load_site_data(data_dir, language="en")

    claim, german_claim = english.claims[0], original.claims[0]
    assert (original.language, english.language) == ("de", "en")
    assert claim.summary == 'The area fell by only {{ fig("flaechenaenderung") }}.'
    assert claim.quote == german_claim.quote  # the article's words stay as written
    assert claim.quote_translation == "The park gets noticeably smaller every year."
    assert german_claim.quote_translation is None
    assert (claim.verdict, claim.sources, claim.checked) == (
        german_claim.verdict, german_claim.sources, german_claim.checked,
    )  # fmt: skip
    assert claim.corrections[0].date == german_claim.corrections[0].date
    assert claim.corrections[0].text.startswith("The area was first given here in hectares")
    assert english.verdict_of(claim).label == "False"
    assert english.by_id["figure"]["parkflaeche"].counted == "square metres"
    assert english.by_id["figure"]["parkflaeche"].value == 125000
    assert english.charts[0].points[2].note == "Measured in 2024 only."
    assert english.site.article.title_translation == "The city park keeps getting smaller"
    assert english.questions[0].article_answer_translation == "Yes, noticeably, every year."


def test_a_site_without_translations_is_unchanged(tmp_path: Path) -> None:
    data_dir = shutil.copytree(MINI_SITE / "data", tmp_path / "data")

    data = load_site_data(data_dir)

    assert (data.language, data.site.translations) == ("de", [])
    assert data.claims[0].quote_translation is None
    with pytest.raises(DataError) as error:
        load_site_data(data_dir, language="en")
    assert str(error.value.problems[0]) == (
        "data/site.yaml:1: translations: 'en' is not a translation of this site "
        "(expected one of: none configured)"
    )


CASES = [
    (
        "a text field left out",
        "en/claims.yaml",
        replace("    summary: A matter of taste.\n", ""),
        "data/en/claims.yaml:16: claims[1].summary: no translation (original: data/claims.yaml:25)",
    ),
    (
        "a record left out",
        "en/figures.yaml",
        replace(
            "  - id: flaechenaenderung\n    label: Change in the park's area since the "
            "previous year (example)\n",
            "",
        ),
        "data/en/figures.yaml:1: figures: figure 'flaechenaenderung' has no translation "
        "(original: data/figures.yaml:9)",
    ),  # fmt: skip
    (
        "an id the original does not have",
        "en/verdicts.yaml",
        replace("id: stimmt\n", "id: stimmts\n"),
        "data/en/verdicts.yaml:2: verdicts[0].id: 'stimmts' is not a verdict of "
        "data/verdicts.yaml (expected the id of a record there)",
    ),
    (
        "an id translated twice",
        "en/verdicts.yaml",
        replace("id: stimmt-nicht\n", "id: stimmt\n"),
        "data/en/verdicts.yaml:5: verdicts[1].id: 'stimmt' is translated twice",
    ),
    (
        "a field that is not translated",
        "en/claims.yaml",
        replace("    topic: Area\n", "    topic: Area\n    verdict: stimmt\n"),
        "data/en/claims.yaml:5: claims[0].verdict: 'verdict' is not translated: it is the same "
        "in every edition (change it in the original file, data/claims.yaml, and remove it here)",
    ),
    (
        "a value in a chart point",
        "en/series/parkflaeche.yaml",
        replace("  - {label: City park}\n", "  - {label: City park, value: 1}\n"),
        "data/en/series/parkflaeche.yaml:10: points[0].value: 'value' is not translated: it is "
        "the same in every edition (change it in the original file, data/series/parkflaeche.yaml, "
        "and remove it here)",
    ),
    (
        "a field no record has",
        "en/claims.yaml",
        replace("    topic: Area\n", "    topik: Area\n"),
        "data/en/claims.yaml:4: claims[0].topik: unknown field (expected one of: id, "
        "quote_translation, topic, verdict_reason, summary, evidence, corrections)",
    ),
    (
        "a fig() call not in the original",
        "en/claims.yaml",
        replace('{{ fig("parkflaeche") }}.', '{{ fig("flaechenaenderung") }}.'),
        "data/en/claims.yaml:7: claims[0].evidence: fig()/cite() calls differ from the "
        "original's (data/claims.yaml:9): missing fig('parkflaeche'); not in the original "
        "fig('flaechenaenderung') (expected the same calls, one for one)",
    ),
    (
        "a fig() call left out",
        "en/faq.yaml",
        replace('Barely – by {{ fig("flaechenaenderung") }}.', "Barely."),
        "data/en/faq.yaml:5: questions[0].answer: fig()/cite() calls differ from the original's "
        "(data/faq.yaml:6): missing fig('flaechenaenderung') (expected the same calls, one for "
        "one)",
    ),
    (
        "a correction more than the original",
        "en/claims.yaml",
        replace("    corrections:\n", "    corrections:\n      - text: A second one.\n"),
        "data/en/claims.yaml:12: claims[0].corrections: 2 entries, the original has 1 "
        "(data/claims.yaml:16): translate each one, in the original's order",
    ),
    (
        "a paragraph without sentence punctuation",
        "en/verdicts.yaml",
        replace("backed by evidence.", "backed by evidence"),
        "data/en/verdicts.yaml:4: verdicts[0].description: paragraph ends without sentence "
        "punctuation: 'The statement is backed by evidence' (finish the sentence and end it "
        "with '.', '!', '?' or '…'; a closing quote or bracket may follow)",
    ),
    (
        "a file left out",
        "en/faq.yaml",
        lambda text: None,
        "data/en/faq.yaml: missing: the translation of data/faq.yaml",
    ),
    (
        "a translation written in the original",
        "claims.yaml",
        replace(
            "    topic: Fläche\n",
            "    topic: Fläche\n    quote_translation: Hi.\n",
        ),
        "data/claims.yaml:5: claims[0].quote_translation: 'quote_translation' is written in a "
        "translation (data/<language>/), not in the original (remove it here)",
    ),
]


@pytest.mark.parametrize(
    ("file_name", "edit", "expected"), [case[1:] for case in CASES], ids=[c[0] for c in CASES]
)
def test_a_gap_in_a_translation_is_named_with_file_line_and_field(
    tmp_path: Path, file_name: str, edit: Callable, expected: str
) -> None:
    data_dir = translated_mini_data(tmp_path)
    path = data_dir / file_name
    edited = edit(path.read_text("utf-8"))
    path.unlink() if edited is None else path.write_text(edited, "utf-8")

    problems = problems_in_translation(data_dir)

    assert expected in problems, "\n".join(problems)


def test_check_names_a_gap_in_a_translation_that_no_build_reads(tmp_path: Path) -> None:
    project = shutil.copytree(ROOT / "tests" / "sites" / "mini", tmp_path / "project")
    shutil.rmtree(project / "data")
    data_dir = translated_mini_data(project)
    (data_dir / "en" / "faq.yaml").unlink()

    result = subprocess.run(
        [sys.executable, "-m", "explainer", "check", str(project)],
        cwd=ROOT / "hooks", capture_output=True, text=True, check=False,
    )  # fmt: skip

    assert result.returncode == 1
    assert "  data/en/faq.yaml: missing: the translation of data/faq.yaml\n" in result.stderr
    assert load_site_data(data_dir).language == "de"  # the original alone still loads


def test_the_german_spell_check_leaves_out_the_translations(tmp_path: Path) -> None:
    project = shutil.copytree(ROOT / "tests" / "sites" / "mini", tmp_path / "project")
    shutil.rmtree(project / "data")
    translated_mini_data(project)
    (project / "docs" / "en").mkdir()
    (project / "docs" / "en" / "index.md").write_text("The city park, checked.\n", "utf-8")
    (project / "docs" / "index.md").write_text("Der Stadtpark, geprüfft.\n", "utf-8")

    found = [(word.file, word.word) for word in misspellings(project)]

    assert found == [("docs/index.md", "geprüfft")]
