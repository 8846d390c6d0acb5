"""The one walk over the models' fields finds every marker where the annotation puts it: on the
value, on a list's items, inside optional values and nested records."""

from __future__ import annotations

import pytest
from explainer.data.modelfields import every_field, fields_of, marked_values, model_at
from explainer.data.models import RICH, SENTENCES, WORDS, Chart, ChartReference, Claim, Correction


@pytest.mark.parametrize(
    ("model", "name", "inside", "record_type"),
    [
        (Claim, "verdict", 0, "verdict"),
        (Claim, "sources", 1, "source"),
        (Claim, "sources", 0, None),
        (ChartReference, "source", 0, "source"),
        (Claim, "quote", 0, None),
    ],
    ids=["an-id", "a-list-of-ids", "the-list-itself", "an-optional-id", "no-reference"],
)
def test_a_reference_is_found_on_the_value_or_on_a_lists_items(
    model: type, name: str, inside: int, record_type: str | None
) -> None:
    assert fields_of(model)[name].refers_to(inside) == record_type


def test_rich_text_carries_its_sentence_marker_and_a_label_only_words() -> None:
    assert fields_of(Claim)["summary"].markers() == (RICH, SENTENCES)
    assert fields_of(Claim)["quote"].markers() == (WORDS,)


def test_nested_records_are_walked_once_each() -> None:
    fields = list(every_field([Claim, Claim]))
    assert [(f.owner, f.name) for f in fields].count((Correction, "text")) == 1
    assert fields_of(Claim)["corrections"].models == (Correction,)
    assert model_at(Claim, ("corrections", 0)) is Correction
    assert model_at(Chart, ("reference",)) is ChartReference


def test_marked_values_follow_lists_and_nested_records_and_pass_over_the_rest() -> None:
    record = {
        "verdict": "belegt",
        "sources": ["a", 7, "b"],
        "corrections": [{"text": "Zahl *korrigiert*.", "unknown": "x"}, "not a record"],
        "unknown": "x",
    }
    found = [(where, type(marker).__name__, text) for where, marker, text in
             marked_values(Claim, record)]  # fmt: skip
    assert found == [
        (("verdict",), "RefersTo", "belegt"),
        (("sources", 0), "RefersTo", "a"),
        (("sources", 2), "RefersTo", "b"),
        (("corrections", 0, "text"), "Rich", "Zahl *korrigiert*."),
        (("corrections", 0, "text"), "Prose", "Zahl *korrigiert*."),
    ]
