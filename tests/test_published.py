"""No silent edit: once a snapshot of the published state exists (`make publish-snapshot`), a
changed verdict, summary, source, FAQ answer or figure, and a removed record, stop `make check`
and the build until a correction logs it that is new since the snapshot and dated on or after
its day (a snapshot from before the log was kept: dated after its day).

Each case takes a copy of the mini site's data, writes its snapshot as published, edits the data
and runs the loader, which the build and `make check` share.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from explainer.data.errors import DataError
from explainer.data.load import load_site_data
from explainer.data.published import SNAPSHOT_FILE, write_snapshot
from explainer.outputs.render import Renderer, make_environment
from minisite import MINI_SITE, problems_after_edits
from test_data_errors import replace
from text import NBSP

EXPECTED_CLAIM_ENTRY = (
    "without a correction (expected a new entry in this claim's 'corrections' dated 2024-05-01"
    " or later: what was wrong, what changed, why"
)
BACK_DATED = (
    "; the new entry dated 2024-04-30 lies before the published state: the Korrekturen page"
    " would show the change as made before it, so date it the day of the change)"
)
MINOR_HINT = "; a typo-level edit may be logged with 'minor: true')"
LATER = replace('updated: "2024-05-01"', 'updated: "2024-06-01"')  # site.yaml: the data moves on


def correction(date: str, text: str, *, minor: bool = False) -> str:
    """A corrections list for the second claim (which has none), as YAML after its sources."""
    flag = "\n        minor: true" if minor else ""
    return (
        f'sources: [stadtrat]\n    corrections:\n      - date: "{date}"\n        text: {text}{flag}'
    )


def revised_with_correction(date: str) -> dict:
    """The second claim re-rated, with a correction of `date`."""
    logged = replace("sources: [stadtrat]", correction(date, "Neu bewertet."))
    return {"claims.yaml": lambda text: replace("verdict: ansichtssache", "verdict: stimmt")(
        logged(text))}  # fmt: skip


def removal(date: str) -> str:
    """site.yaml's `removed`, logging that the second claim was taken off the site."""
    return (
        f'removed:\n  - record: claim\n    id: park-schoen\n    date: "{date}"\n'
        "    text: Die Aussage ist eine Meinung und wird nicht mehr geführt.\n"
    )


# (case, {file below data/: edit}, the exact problems the loader reports; none: it loads)
CASES = [
    ("unchanged", {}, []),
    (
        "verdict-changed",
        {"claims.yaml": replace("verdict: ansichtssache", "verdict: stimmt")},
        [
            "data/claims.yaml:22: claims[1].verdict: changed since the published state of"
            f" 2024-05-01 (was 'ansichtssache', now 'stimmt') {EXPECTED_CLAIM_ENTRY})"
        ],
    ),
    (
        "summary-changed",
        {"claims.yaml": replace("Eine Geschmacksfrage.", "Eine Frage des Geschmacks.")},
        [
            "data/claims.yaml:25: claims[1].summary: changed since the published state of"
            f" 2024-05-01 (was 'Eine Geschmacksfrage.', now 'Eine Frage des Geschmacks.')"
            f" {EXPECTED_CLAIM_ENTRY}{MINOR_HINT}"
        ],
    ),
    (
        "source-added",
        {"claims.yaml": replace("sources: [stadtrat]", "sources: [stadtrat, gruenflaechenamt]")},
        [
            "data/claims.yaml:27: claims[1].sources: changed since the published state of"
            f" 2024-05-01 (added gruenflaechenamt) {EXPECTED_CLAIM_ENTRY})"
        ],
    ),
    (
        "faq-answer-changed",
        {"faq.yaml": replace("answer: Kaum –", "answer: Kaum, nur –")},
        [
            "data/faq.yaml:6: questions[0].answer: changed since the published state of"
            " 2024-05-01 without a correction (expected a new entry in this FAQ entry's"
            " 'corrections' dated 2024-05-01 or later: what was wrong, what changed, why"
            + MINOR_HINT
        ],
    ),
    (
        "figure-value-changed",
        {"figures.yaml": replace("value: -0.4", "value: -0.5")},
        [
            "data/figures.yaml:11: figures[1].value: changed since the published state of"
            " 2024-05-01 (was -0.4, now -0.5) without a correction (expected a new entry in this"
            " figure's 'corrections' dated 2024-05-01 or later: what was wrong, what changed, why)"
        ],
    ),
    (
        "figure-date-changed",
        {
            "figures.yaml": replace(
                'as_of: "2024-01-01"\n    source', 'as_of: "2024-02-01"\n    source'
            )
        },
        [
            "data/figures.yaml:7: figures[0].as_of: changed since the published state of"
            " 2024-05-01 (was '2024-01-01', now '2024-02-01') without a correction (expected a new"
            " entry in this figure's 'corrections' dated 2024-05-01 or later: what was wrong, what"
            " changed, why)"
        ],
    ),
    (
        "verdict-changed-with-a-correction",
        {
            "site.yaml": LATER,
            **revised_with_correction("2024-06-01"),
        },
        [],
    ),
    (
        "verdict-changed-with-a-correction-of-the-day-of-publishing",
        revised_with_correction("2024-05-01"),
        [],
    ),
    (
        "verdict-changed-with-a-back-dated-correction",
        revised_with_correction("2024-04-30"),
        [
            "data/claims.yaml:22: claims[1].verdict: changed since the published state of"
            f" 2024-05-01 (was 'ansichtssache', now 'stimmt') {EXPECTED_CLAIM_ENTRY}{BACK_DATED}"
        ],
    ),
    (
        "verdict-changed-with-only-a-minor-correction",
        {
            "site.yaml": LATER,
            "claims.yaml": lambda text: replace("verdict: ansichtssache", "verdict: stimmt")(
                replace("sources: [stadtrat]", correction("2024-06-01", "Tippfehler.", minor=True))(
                    text
                )
            ),
        },
        [
            "data/claims.yaml:22: claims[1].verdict: changed since the published state of"
            f" 2024-05-01 (was 'ansichtssache', now 'stimmt') {EXPECTED_CLAIM_ENTRY})"
        ],
    ),
    (
        "summary-typo-with-a-minor-correction",
        {
            "site.yaml": LATER,
            "claims.yaml": lambda text: replace("Eine Geschmacksfrage.", "Eine Geschmackssache.")(
                replace(
                    "sources: [stadtrat]",
                    correction("2024-06-01", "Wort geändert.", minor=True),
                )(text)
            ),
        },
        [],
    ),
    (
        "claim-removed",
        {"claims.yaml": lambda text: text[: text.index("  - id: park-schoen")]},
        [
            "data/site.yaml:1: removed: claim 'park-schoen' was published on 2024-05-01 and is no"
            " longer in data/claims.yaml (expected it back, or a new entry in 'removed' with"
            " record: claim, id: park-schoen, dated 2024-05-01 or later and a text saying why)"
        ],
    ),
    (
        "claim-removed-and-logged",
        {
            "site.yaml": lambda text: LATER(text) + removal("2024-06-01"),
            "claims.yaml": lambda text: text[: text.index("  - id: park-schoen")],
        },
        [],
    ),
    (
        "claim-removed-and-logged-the-day-of-publishing",
        {
            "site.yaml": lambda text: text + removal("2024-05-01"),
            "claims.yaml": lambda text: text[: text.index("  - id: park-schoen")],
        },
        [],
    ),
    (
        "claim-removed-with-a-back-dated-entry",
        {
            "site.yaml": lambda text: text + removal("2024-04-30"),
            "claims.yaml": lambda text: text[: text.index("  - id: park-schoen")],
        },
        [
            "data/site.yaml:10: removed: claim 'park-schoen' was published on 2024-05-01 and is no"
            " longer in data/claims.yaml (expected it back, or a new entry in 'removed' with"
            " record: claim, id: park-schoen, dated 2024-05-01 or later and a text saying why"
            + BACK_DATED
        ],
    ),
    (
        "figure-added-needs-no-correction",
        {
            "figures.yaml": lambda text: (
                text + "  - id: baeume\n    label: Bäume im Park\n    value: 800\n    unit: count\n"
                '    counted: Bäume\n    as_of: "2024-01-01"\n    source: gruenflaechenamt\n'
            )
        },
        [],
    ),
]


def published_mini_data(tmp_path: Path) -> Path:
    """A copy of the mini site's data with its snapshot written, as after publishing."""
    data_dir = shutil.copytree(MINI_SITE / "data", tmp_path / "data")
    write_snapshot(load_site_data(data_dir), data_dir)
    return data_dir


@pytest.mark.parametrize(
    ("edits", "expected"), [case[1:] for case in CASES], ids=[case[0] for case in CASES]
)
def test_a_change_to_the_published_state_needs_a_dated_correction(
    tmp_path: Path, edits: dict, expected: list[str]
) -> None:
    data_dir = published_mini_data(tmp_path)

    assert problems_after_edits(data_dir, edits) == expected


def test_an_entry_the_snapshot_already_kept_logs_no_later_change(tmp_path: Path) -> None:
    data_dir = shutil.copytree(MINI_SITE / "data", tmp_path / "data")
    claims = data_dir / "claims.yaml"
    logged = correction("2024-05-01", "Neu bewertet.")
    claims.write_text(replace("sources: [stadtrat]", logged)(claims.read_text("utf-8")), "utf-8")
    write_snapshot(load_site_data(data_dir), data_dir)  # published with that day's correction

    problems = problems_after_edits(
        data_dir, {"claims.yaml": replace("verdict: ansichtssache", "verdict: stimmt")}
    )

    assert problems == [
        "data/claims.yaml:22: claims[1].verdict: changed since the published state of"
        f" 2024-05-01 (was 'ansichtssache', now 'stimmt') {EXPECTED_CLAIM_ENTRY})"
    ]


OLD_RULE_CLAIM = (
    "data/claims.yaml:22: claims[1].verdict: changed since the published state of 2024-05-01"
    " (was 'ansichtssache', now 'stimmt') without a correction (expected an entry in this"
    " claim's 'corrections' dated after 2024-05-01: what was wrong, what changed, why)"
)
OLD_RULE_REMOVAL = (
    "data/site.yaml:10: removed: claim 'park-schoen' was published on 2024-05-01 and is no"
    " longer in data/claims.yaml (expected it back, or an entry in 'removed' with record:"
    " claim, id: park-schoen, dated after 2024-05-01 and a text saying why)"
)
WITHOUT_PARK_SCHOEN = {"claims.yaml": lambda text: text[: text.index("  - id: park-schoen")]}


# (case, edits after publishing, the problems) against a snapshot that kept no log entries
OLD_SNAPSHOT_CASES = [
    ("changed-with-a-correction-of-the-day-of-publishing", revised_with_correction("2024-05-01"),
     [OLD_RULE_CLAIM]),
    ("changed-with-a-later-correction",
     {"site.yaml": LATER, **revised_with_correction("2024-06-01")}, []),
    ("removed-with-an-entry-of-the-day-of-publishing",
     {"site.yaml": lambda text: text + removal("2024-05-01"), **WITHOUT_PARK_SCHOEN},
     [OLD_RULE_REMOVAL]),
    ("removed-with-a-later-entry",
     {"site.yaml": lambda text: LATER(text) + removal("2024-06-01"), **WITHOUT_PARK_SCHOEN}, []),
]  # fmt: skip


@pytest.mark.parametrize(
    ("edits", "expected"),
    [case[1:] for case in OLD_SNAPSHOT_CASES],
    ids=[case[0] for case in OLD_SNAPSHOT_CASES],
)
def test_a_snapshot_that_kept_no_log_entries_counts_entries_dated_after_it(
    tmp_path: Path, edits: dict, expected: list[str]
) -> None:
    data_dir = published_mini_data(tmp_path)
    path = data_dir / SNAPSHOT_FILE
    snapshot = json.loads(path.read_text("utf-8"))
    del snapshot["corrections"], snapshot["removed"]  # as an older engine wrote it
    path.write_text(json.dumps(snapshot), "utf-8")

    assert problems_after_edits(data_dir, edits) == expected


def test_without_a_snapshot_nothing_is_compared(tmp_path: Path) -> None:
    data_dir = shutil.copytree(MINI_SITE / "data", tmp_path / "data")
    claims = data_dir / "claims.yaml"
    claims.write_text(
        claims.read_text("utf-8").replace("verdict: ansichtssache", "verdict: stimmt")
    )

    assert load_site_data(data_dir).by_id["claim"]["park-schoen"].verdict == "stimmt"


def test_the_snapshot_is_sorted_json_with_one_field_a_line(tmp_path: Path) -> None:
    data_dir = published_mini_data(tmp_path)
    text = (data_dir / SNAPSHOT_FILE).read_text("utf-8")
    snapshot = json.loads(text)

    assert snapshot["published"] == "2024-05-01"
    assert snapshot["claims"]["park-schoen"] == {
        "sources": ["stadtrat"],
        "summary": "Eine Geschmacksfrage.",
        "verdict": "ansichtssache",
    }
    assert snapshot["questions"]["wird-der-park-kleiner"] == {
        "answer": 'Kaum – um {{ fig("flaechenaenderung") }}.'
    }
    assert snapshot["figures"]["flaechenaenderung"] == {
        "as_of": "2024-01-01",
        "qualifier": None,
        "unit": "percent",
        "value": -0.4,
    }
    (kept,) = snapshot["corrections"]["claims"]["park-schrumpft"]  # its date and a hash of its text
    assert re.fullmatch(r"2024-04-28 [0-9a-f]{12}", kept)
    assert snapshot["corrections"] == {
        "claims": {"park-schrumpft": [kept]},
        "figures": {},
        "questions": {},
    }
    assert snapshot["removed"] == []
    assert text == json.dumps(snapshot, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def test_a_broken_snapshot_is_named_with_the_command_that_rewrites_it(tmp_path: Path) -> None:
    data_dir = published_mini_data(tmp_path)
    (data_dir / SNAPSHOT_FILE).write_text("{", "utf-8")

    with pytest.raises(DataError) as error:
        load_site_data(data_dir)

    assert [str(problem) for problem in error.value.problems] == [
        "data/published.json:1: not a snapshot of the published state (Invalid JSON: EOF while"
        " parsing an object at line 1 column 1; write it again with make publish-snapshot after"
        " publishing)"
    ]


def test_minor_corrections_are_folded_on_the_claim_and_in_the_log(tmp_path: Path) -> None:
    data_dir = shutil.copytree(MINI_SITE / "data", tmp_path / "data")
    claims = data_dir / "claims.yaml"
    claims.write_text(
        replace("sources: [stadtrat]", correction("2024-04-30", "Tippfehler.", minor=True))(
            claims.read_text("utf-8")
        ),
        "utf-8",
    )
    data = load_site_data(data_dir)
    renderer = Renderer(data, make_environment())

    box = renderer.render_page(
        '{{ corrections_box(data.by_id.claim["park-schoen"]) }}', "index.md", "index.md"
    )
    log = renderer.render_page("{{ correction_log() }}", "korrekturen.md", "korrekturen.md")

    folded = (
        '<details class="xp-corrections__minor" markdown>\n'
        "<summary>Eine kleinere Korrektur (Tippfehler und Sprache)</summary>"
    )
    assert folded in box and f"- **30.{NBSP}April 2024:** Tippfehler." in box
    assert log.index("zuerst in Hektar") < log.index(folded) < log.index("Tippfehler.")


def test_publish_snapshot_writes_the_file_and_says_to_commit_it(tmp_path: Path) -> None:
    for folder in ("data", "docs"):  # the command checks the data as the build does
        shutil.copytree(MINI_SITE / folder, tmp_path / folder)

    result = subprocess.run(
        [sys.executable, "-m", "explainer", "publish-snapshot", str(tmp_path)],
        env={**os.environ, "PYTHONPATH": str(ROOT / "hooks")},
        capture_output=True, text=True, check=False,
    )  # fmt: skip

    written = tmp_path / "data" / SNAPSHOT_FILE
    assert (result.returncode, result.stdout) == (
        0,
        f"Wrote {written}: commit it with the release.\n",
    )
    assert json.loads(written.read_text("utf-8"))["published"] == "2024-05-01"
