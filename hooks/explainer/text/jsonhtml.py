"""JSON that can sit inside HTML: in an attribute (chart figures) or a <script> (JSON-LD).

plotly.py keeps one such table (`_swap_json`); this is ours. Inside <script>, "</script>" or
"<!--" in a string would end or confuse the element; in an attribute Python-Markdown would decode
entities once more. These escapes are valid JSON and mean the same characters.
"""

from __future__ import annotations

import json
from typing import Any

_HTML_ESCAPES = str.maketrans(
    {
        "<": "\\u003c",
        ">": "\\u003e",
        "&": "\\u0026",
        "\u2028": "\\u2028",  # line separators end a JavaScript string literal in older engines
        "\u2029": "\\u2029",
    }
)


def html_safe_json(value: Any, *, sort_keys: bool = False) -> str:
    """Compact JSON with <, >, & and line separators written as \\u escapes."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=sort_keys)
    return text.translate(_HTML_ESCAPES)
