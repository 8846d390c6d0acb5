"""Characters a text in data/ may not hold, whatever its field.

Control characters break the XML of the Atom feed and are invisible in an editor; bidirectional
overrides and isolates can show a quote reversed or reorder a sentence (the "Trojan Source"
trick); a value made only of zero-width characters looks empty but passes as filled in. None of
them is ever part of a sentence an editor means to publish.
"""

from __future__ import annotations

import unicodedata

ALLOWED_CONTROLS = "\n\t"  # line breaks and tabs: block texts hold them
# U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates.
BIDI_CONTROLS = frozenset(map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]))
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")  # spaces and joiners of no width


def text_problem(text: str) -> str | None:
    """What is wrong with the characters of `text`, worded for the editor; None if nothing."""
    for character in text:
        if unicodedata.category(character) == "Cc" and character not in ALLOWED_CONTROLS:
            return f"contains the control character {_named(character)} (remove it)"
        if character in BIDI_CONTROLS:
            return (
                f"contains the bidirectional control {_named(character)}, which can show the "
                "text in another order than it is stored (remove it)"
            )
    if text and all(c in ZERO_WIDTH or c.isspace() for c in text) and not text.isspace():
        return "holds only invisible zero-width characters (expected visible text)"
    return None


def _named(character: str) -> str:
    name = unicodedata.name(character, "")
    return f"U+{ord(character):04X}" + (f" {name}" if name else "")
