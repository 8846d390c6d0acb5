"""The German spell check (`make spell`): a planted typo is named with file, line, field and the
dictionary's suggestion; compounds of known words, words of the project's word list and quoted
English pass; template code and Markdown syntax are no words."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from explainer.data.spelling import Speller, misspellings, unknown_words
from minisite import MINI_SITE
from test_data_errors import replace

WORD_LIST = ["DeepSeek", "Nvidia", "Mixture of Experts", "Start-up"]


@pytest.fixture(scope="module")
def speller() -> Speller:
    return Speller(WORD_LIST)


@pytest.mark.parametrize(
    ("word", "known"),
    [
        ("Exportkontrollen", True),  # Export + Kontrollen
        ("Rechenzentrumsbetreiber", True),  # Rechen + Zentrum-s + Betreiber
        ("Handelsschluss", True),  # Handel-s + Schluss
        ("Farbschema", True),  # Farb(e) + Schema
        ("Börsentag", True),  # Börse-n + Tag
        ("Umfelds", True),  # genitive of Umfeld
        ("Nvidias", True),  # genitive of a word-list name
        ("Nvidiaaktie", True),  # a word-list name in a compound
        ("Untersuchnug", False),
        ("Kursverlsut", False),
        ("Ergebniss", False),  # not the genitive of Ergebnis
        ("Aktein", False),  # „Akt“ + „ein“ is too short to be a compound
        ("Nvdia", False),
    ],
    ids=lambda value: str(value),
)
def test_a_word_is_known_as_itself_its_genitive_or_a_compound_of_known_words(
    speller: Speller, word: str, known: bool
) -> None:
    assert speller.knows(word) is known


@pytest.mark.parametrize(
    ("text", "unknown"),
    [
        ("Die Untersuchnug läuft.", [(0, "Untersuchnug")]),
        ("Eine Nvidia-Aktie und ein Nvdia-Chip.", [(0, "Nvdia")]),
        ("Das KI-Start-up DeepSeek aus China.", []),
        ("Eine Mixture-of-Experts-Architektur.\nEine Mixture of Experts.", []),
        ("Nur „of“ allein ist kein deutsches Wort, of aber auch nicht.", [(0, "of")]),
        ("Er sagte „We expect to invest about“ und ging.", []),
        ('Am {{ fig("flaechnaenderung") }} war es [so](https://exampel.org/falsch).', []),
        ("Wie Investing.com meldet, GPUs und V3.2-Exp.", []),
        ("Erste Zeile.\n\nDritte Zeile mit Fehlre.", [(2, "Fehlre")]),
        (
            'Auf Englisch heißt es <span lang="en">Misleading</span>, nicht <i>Misleding</i>.',
            [(0, "Misleding")],
        ),
    ],
    ids=[
        "typo",
        "typo-in-a-hyphenated-word",
        "word-list-word-inside-a-compound",
        "name-of-several-words",
        "name-part-alone",
        "quoted-english",
        "template-code-and-link-targets",
        "hosts-abbreviations-and-model-names",
        "line-of-the-word",
        "marked-as-another-language",
    ],
)
def test_unknown_words_are_found_with_their_line(
    speller: Speller, text: str, unknown: list[tuple[int, str]]
) -> None:
    assert list(unknown_words(text, speller)) == unknown


def test_a_planted_typo_is_named_with_file_line_field_and_suggestion(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(MINI_SITE / "data", project / "data")
    (project / "docs").mkdir()
    (project / "docs" / "index.md").write_text(
        "---\ndescription: Eine Prüfunng.\n---\n\n# Start\n\n{{ claims|length }} Behauptungen.\n"
    )
    claims = project / "data" / "claims.yaml"
    claims.write_text(replace("Der Rückgang um", "Der Rückgnag um")(claims.read_text("utf-8")))

    found = [str(problem) for problem in misspellings(project, Speller())]

    assert found == [
        "data/claims.yaml:12: claims[0].evidence: 'Rückgnag' is not in the German dictionary (did"
        " you mean 'Rückgang'? fix the word, or add it to data/wortliste.txt if it is right)",
        "docs/index.md:2: 'Prüfunng' is not in the German dictionary (did you mean 'Prüfung'? fix"
        " the word, or add it to data/wortliste.txt if it is right)",
    ]


def test_make_spell_prints_each_unknown_word_and_fails(tmp_path: Path) -> None:
    shutil.copytree(MINI_SITE / "data", tmp_path / "data")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Start\n\nEin Tippfeler.\n", "utf-8")

    result = subprocess.run(
        [sys.executable, "-m", "explainer", "spell", str(tmp_path)],
        env={**os.environ, "PYTHONPATH": str(ROOT / "hooks")},
        capture_output=True, text=True, check=False,
    )  # fmt: skip

    assert (result.returncode, result.stdout, result.stderr) == (
        1,
        "",
        "docs/index.md:3: 'Tippfeler' is not in the German dictionary (did you mean 'Tippfehler'?"
        " fix the word, or add it to data/wortliste.txt if it is right)\n",
    )
