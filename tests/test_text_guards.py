"""Reader-facing sentences are finished, and a date figure follows the preposition its precision
takes: `make check` and the build stop otherwise, naming the line of the paragraph or the date.

Each case edits a copy of the mini site's data and runs the loader, which the build and
`make check` share.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from minisite import MINI_SITE, problems_after_edits
from test_data_errors import replace
from text import NBSP

PUNCTUATION_HINT = (
    "(finish the sentence and end it with '.', '!', '?' or '…'; a closing quote or bracket"
    " may follow)"
)

# Two date figures: one known to the day, one only to the month.
DATE_FIGURES = """
  - id: bericht-tag
    label: Tag des Flächenberichts (Beispiel)
    value: "2024-03-01"
    unit: date
    as_of: "2024-03-01"
    source: gruenflaechenamt
  - id: bericht-monat
    label: Monat des Flächenberichts (Beispiel)
    value: "2024-03-01"
    unit: month
    as_of: "2024-03-01"
    source: gruenflaechenamt
"""


def with_date_figures(summary: str) -> dict[str, object]:
    """Edits that add the two date figures and give the second claim `summary`."""
    return {
        "figures.yaml": lambda text: text + DATE_FIGURES,
        "claims.yaml": replace("summary: Eine Geschmacksfrage.", f"summary: {summary}"),
    }


# (case, {file below data/: edit}, the exact problems the loader reports; none: it loads)
CASES = [
    (
        "paragraph-without-punctuation",
        {"claims.yaml": replace("ist kaum messbar.", "ist kaum messbar")},
        [
            "data/claims.yaml:12: claims[0].evidence: paragraph ends without sentence"
            " punctuation: '… ist kaum messbar' " + PUNCTUATION_HINT
        ],
    ),
    (
        "first-paragraph-without-punctuation",
        {"claims.yaml": replace('misst der Park {{ fig("parkflaeche") }}.', "misst der Park")},
        [
            "data/claims.yaml:10: claims[0].evidence: paragraph ends without sentence"
            " punctuation: '… misst der Park' " + PUNCTUATION_HINT
        ],
    ),
    (
        "plain-sentence-field-without-punctuation",
        {"verdicts.yaml": replace("Die Aussage ist belegt.", "Die Aussage ist belegt")},
        [
            "data/verdicts.yaml:4: verdicts[0].description: paragraph ends without sentence"
            " punctuation: 'Die Aussage ist belegt' " + PUNCTUATION_HINT
        ],
    ),
    (
        "closing-quote-after-the-point",
        {"claims.yaml": replace("ist kaum messbar.", "ist „kaum messbar.“")},
        [],
    ),
    (
        "closing-bracket-after-the-point",
        {"claims.yaml": replace("ist kaum messbar.", "ist kaum messbar (laut Amt.)")},
        [],
    ),
    (
        "list-after-a-colon",
        {
            "claims.yaml": replace(
                "ist kaum messbar.",
                "ist kaum messbar:\n\n      - im Norden etwas.\n      - im Süden nichts",
            )
        },
        [
            "data/claims.yaml:15: claims[0].evidence: paragraph ends without sentence"
            " punctuation: '- im Süden nichts' " + PUNCTUATION_HINT
        ],
    ),
    (
        "heading-needs-no-punctuation",
        {"claims.yaml": replace("      Der Rückgang", "      ## Rückgang\n\n      Der Rückgang")},
        [],
    ),
    (
        "am-before-a-month",
        with_date_figures('Am {{ fig("bericht-monat") }} erschien der Bericht.'),
        [
            "data/claims.yaml:25: claims[1].summary: 'Am' before figure 'bericht-monat' reads"
            " „Am März 2024“ (a month takes „im“: write 'Im {{ fig(\"bericht-monat\") }}')"
        ],
    ),
    (
        "im-before-a-day",
        with_date_figures('Der Bericht erschien im {{ fig("bericht-tag") }}.'),
        [
            "data/claims.yaml:25: claims[1].summary: 'im' before figure 'bericht-tag' reads"
            f" „im 1.{NBSP}März 2024“ (a day takes „am“: write 'am "
            '{{ fig("bericht-tag") }}\')'
        ],
    ),
    (
        "right-prepositions",
        with_date_figures(
            'Am {{ fig("bericht-tag") }} erschien der Bericht, im {{ fig("bericht-monat") }}.'
        ),
        [],
    ),
]


@pytest.mark.parametrize(
    ("edits", "expected"), [case[1:] for case in CASES], ids=[case[0] for case in CASES]
)
def test_unfinished_sentences_and_wrong_date_prepositions_are_named_with_their_line(
    tmp_path: Path, edits: dict, expected: list[str]
) -> None:
    data_dir = shutil.copytree(MINI_SITE / "data", tmp_path / "data")

    assert problems_after_edits(data_dir, edits) == expected
