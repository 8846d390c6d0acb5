"""German numbers, amounts and dates under module names, bound to `Formatter("de")` from
formatting.py, for what only German text needs (the „am“/„im“ rule of data/prose.py, a date
opening a paragraph in data/models.py) and the open data's counts. Pages, feed and charts use
the `Formatter` of their edition (outputs/render.py's `env.formatter`).
"""

from __future__ import annotations

from .formatting import NARROW_NBSP, SCALED_UNITS, Formatter

__all__ = [
    "NARROW_NBSP",
    "PERCENT_SUFFIX",
    "SCALED_UNITS",
    "UNIT_WORDS",
    "amount",
    "date",
    "file_size",
    "known_date",
    "month",
    "month_names",
    "number",
    "plotly_locale",
    "scale",
    "word",
]

_GERMAN = Formatter("de")

number = _GERMAN.number
scale = _GERMAN.scale
amount = _GERMAN.amount
date = _GERMAN.date
month = _GERMAN.month
known_date = _GERMAN.known_date
file_size = _GERMAN.file_size
plotly_locale = _GERMAN.plotly_locale
month_names = _GERMAN.month_names
word = _GERMAN.word
UNIT_WORDS = _GERMAN.unit_words
PERCENT_SUFFIX = _GERMAN.percent_suffix
