"""Hostile or broken data files never hang or crash the loader: it returns valid data or raises
DataError with file:line messages. Generated YAML documents and random mutations of the
real data files are fed to it (Hypothesis), plus the classic attacks by name."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from explainer.data.errors import DataError
from explainer.data.load import load_site_data
from explainer.data.yamlfile import MAX_FILE_BYTES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

DATA_FILE_NAMES = sorted(
    path.relative_to(ROOT / "data").as_posix()
    for path in (ROOT / "data").rglob("*.yaml")
    if "schema" not in path.parts
)
FUZZ = settings(
    max_examples=60,
    deadline=None,  # no time limit in a test: bench/speed_goals.py times the loader
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.dates().map(str),
)
documents = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(st.text(max_size=12), children, max_size=6),
    ),
    max_leaves=40,
)


@pytest.fixture(scope="module")
def data_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return shutil.copytree(ROOT / "data", tmp_path_factory.mktemp("fuzz") / "data")


def load_or_name_every_problem(data_dir: Path) -> None:
    """The property: valid data or a DataError whose every line names a file and line."""
    try:
        load_site_data(data_dir)
    except DataError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.file.startswith("data/") and problem.line >= 0, problem


@FUZZ
@given(name=st.sampled_from(DATA_FILE_NAMES), document=documents)
def test_a_generated_document_in_place_of_a_data_file(
    data_copy: Path, name: str, document: object
) -> None:
    original = (ROOT / "data" / name).read_text("utf-8")
    target = data_copy / name
    try:
        target.write_text(yaml.safe_dump(document, allow_unicode=True), "utf-8")
        load_or_name_every_problem(data_copy)
    finally:
        target.write_text(original, "utf-8")


mutations = st.lists(
    st.tuples(
        st.sampled_from(["delete", "insert", "replace", "duplicate-line", "drop-line"]),
        st.floats(0, 1),
        st.text(alphabet=" \n\t-:'\"[]{}&*!|>#%@`,.0123456789abcxyz", max_size=8),
    ),
    min_size=1,
    max_size=4,
)


@FUZZ
@given(name=st.sampled_from(DATA_FILE_NAMES), edits=mutations)
def test_a_randomly_mutated_data_file(data_copy: Path, name: str, edits: list) -> None:
    original = (ROOT / "data" / name).read_text("utf-8")
    target = data_copy / name
    try:
        target.write_text(mutate(original, edits), "utf-8")
        load_or_name_every_problem(data_copy)
    finally:
        target.write_text(original, "utf-8")


def mutate(text: str, edits: list[tuple[str, float, str]]) -> str:
    for action, where, piece in edits:
        position = int(where * len(text))
        lines = text.splitlines(keepends=True)
        line = min(int(where * len(lines)), len(lines) - 1)
        if action == "delete":
            text = text[:position] + text[position + len(piece) :]
        elif action == "insert":
            text = text[:position] + piece + text[position:]
        elif action == "replace":
            text = text[:position] + piece + text[position + len(piece) :]
        elif action == "duplicate-line":
            text = "".join(lines[: line + 1] + lines[line:])
        else:
            text = "".join(lines[:line] + lines[line + 1 :])
    return text


# ---------------------------------------------------------------------------------------------
# Known attacks, by name
# ---------------------------------------------------------------------------------------------

BILLION_LAUGHS = "\n".join(
    [
        'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
        *(
            f"{chr(98 + level)}: &{chr(98 + level)} [{', '.join([f'*{chr(97 + level)}'] * 9)}]"
            for level in range(8)
        ),
    ]
)
ATTACKS = {
    "billion-laughs": BILLION_LAUGHS,
    "deep-nesting": "title: " + "[" * 5000 + "]" * 5000,
    "deep-block-nesting": "".join("  " * depth + "- \n" for depth in range(200)),
    "huge-file": "title: " + "x" * MAX_FILE_BYTES,
    "huge-number": "title: x\nupdated: 1" + "0" * 5000,
    "python-tag": "title: !!python/object/apply:os.system ['true']",
}


@pytest.mark.parametrize("text", ATTACKS.values(), ids=ATTACKS.keys())
def test_a_known_attack_is_rejected(data_copy: Path, text: str) -> None:
    target = data_copy / "site.yaml"
    original = target.read_text("utf-8")
    try:
        target.write_text(text, "utf-8")
        with pytest.raises(DataError) as error:
            load_site_data(data_copy)
    finally:
        target.write_text(original, "utf-8")
    assert all(problem.file == "data/site.yaml" for problem in error.value.problems)
