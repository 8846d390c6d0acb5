"""Characters a text in data/ may not hold, whatever its field.

Control characters break the XML of the Atom feed and are invisible in an editor; bidirectional
overrides and isolates can show a quote reversed or reorder a sentence (the "Trojan Source"
trick); a value made only of zero-width characters looks empty but passes as filled in. None of
them is ever part of a sentence an editor means to publish.
"""

from __future__ import annotations

import re
import unicodedata

# Unicode's control characters (category Cc, which by Unicode's stability policy gains no new
# character: C0, DEL and C1) but line breaks and tabs, which block texts hold.
CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f"
# U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates.
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")  # spaces and joiners of no width
_REFUSED = re.compile(f"[{CONTROLS}{BIDI_CONTROLS}]")  # one search per text, not a loop


def text_problem(text: str) -> str | None:
    """What is wrong with the characters of `text`, worded for the editor; None if nothing."""
    refused = _REFUSED.search(text)
    if refused:
        character = refused.group()
        if unicodedata.category(character) == "Cc":
            return f"contains the control character {_named(character)} (remove it)"
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
