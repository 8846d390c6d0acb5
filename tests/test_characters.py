"""The characters a data text may not hold, checked by one search per text: exactly Unicode's
control characters but line breaks and tabs, and the bidirectional controls, in all of Unicode."""

from __future__ import annotations

import unicodedata

from explainer.data.characters import text_problem

BIDI_CONTROLS = {*range(0x202A, 0x202F), *range(0x2066, 0x206A)}


def refused_by_definition(code_point: int) -> bool:
    character = chr(code_point)
    is_control = unicodedata.category(character) == "Cc" and character not in "\n\t"
    return is_control or code_point in BIDI_CONTROLS


def test_every_code_point_is_refused_exactly_when_the_rule_says() -> None:
    wrong = [
        f"U+{code_point:04X}"
        for code_point in range(0x110000)
        if (text_problem(f"a{chr(code_point)}b") is not None) != refused_by_definition(code_point)
    ]
    assert wrong == []


def test_the_first_refused_character_is_named_with_its_kind() -> None:
    assert text_problem("Kurs\u202efiel\x07") == (
        "contains the bidirectional control U+202E RIGHT-TO-LEFT OVERRIDE, which can show the "
        "text in another order than it is stored (remove it)"
    )
    assert text_problem("Kurs\rfiel") == "contains the control character U+000D (remove it)"
