"""German numbers, amounts and dates: the one formatter for prose, tables, chart labels and hovers.

Babel's locale data (CLDR) supplies separators, scale words ("Mrd.") and month and day names;
this module adds only the typography Babel lacks: a true minus sign, a narrow space before "%",
non-breaking spaces that keep a number with its unit.
"""

from __future__ import annotations

import datetime
import decimal
from functools import cache, lru_cache
from typing import Any, Literal

from babel import Locale
from babel.dates import format_date, get_day_names, get_month_names
from babel.numbers import format_decimal

LOCALE = "de_DE"
MINUS = "\u2212"  # a true minus sign, not a hyphen
NBSP = "\u00a0"  # keeps number and unit on one line
NARROW_NBSP = "\u202f"  # German style puts a narrow space between number and %
PERCENT_SUFFIX = NARROW_NBSP + "%"  # after a percentage, in text and on chart axes

QUALIFIERS = {"about": "rund", "more_than": "mehr als", "up_to": "bis zu", "at_least": "mindestens"}
SHORT_QUALIFIERS = {"about": "≈", "more_than": ">", "up_to": "≤", "at_least": "≥"}
UNIT_WORDS = {"usd": "US-Dollar", "points": "Punkte", "percentage_points": "Prozentpunkte"}
SCALED_UNITS = ("usd", "count")  # amounts written with Mio., Mrd., Bio.
KILO = 1000  # bytes per kB: SI prefixes, as the symbols kB and MB say
SMALLEST_SCALE = 10**6  # below a million, numbers are written out ("294.000")

# prose: as text, tables and hovers print a value; short: bar labels.
Style = Literal["prose", "short"]
MOST_DECIMALS = {"prose": 2, "short": 1}


@lru_cache(maxsize=4096)  # Babel is slow; pages print the same values again and again
def number(value: float, decimals: int | None = None, most: int = 2) -> str:
    """1234.5 -> '1.234,5'; `decimals` fixed, else as many as needed up to `most`."""
    pattern = "#,##0." + ("0" * decimals if decimals is not None else "#" * most)
    # Babel rounds with the decimal context; German practice (DIN 1333) rounds half up:
    # 0,65 % is "0,7 %", not the banker's "0,6 %".
    with decimal.localcontext(rounding=decimal.ROUND_HALF_UP):
        text = format_decimal(value, format=pattern, locale=LOCALE)
    if not text.strip("-0,."):
        return text.lstrip("-")  # -0.001 rounded is "0,0", not "−0,0"
    return text.replace("-", MINUS)


def scale(value: float) -> tuple[int, str]:
    """Divisor and CLDR scale word for a value: 1_600_000_000 -> (10**9, 'Mrd.')."""
    for size, word in _scale_words():
        if abs(value) >= size:
            return size, word
    return 1, ""


def amount(
    value: float,
    unit: str,
    *,
    counted: str | None = None,
    per: str | None = None,
    qualifier: str | None = None,
    decimals: int | None = None,
    style: Style = "prose",
    signed: bool = False,
) -> str:
    """A value with its unit: '109,1 Mrd. US-Dollar', '−17,0 %', 'rund 2,8 Mio. GPU-Stunden'."""
    size, word = scale(value) if unit in SCALED_UNITS else (1, "")
    shown = value / size
    if decimals is None and unit == "percent":
        decimals = 1
    if decimals is None and size > 1 and style == "prose":
        text = number(shown, most=1)
    else:
        text = number(shown, decimals, MOST_DECIMALS[style])
    if signed and value > 0:
        text = "+" + text
    text += _unit_suffix(unit, word, counted, style)
    if per:
        text += f" je {per}"
    if qualifier:
        prefix = SHORT_QUALIFIERS[qualifier] if style == "short" else QUALIFIERS[qualifier]
        text = f"{prefix} {text}"
    return text


@lru_cache(maxsize=4096)
def date(value: datetime.date) -> str:
    """2025-01-27 -> '27. Januar 2025'."""
    return format_date(value, "d.'\u00a0'MMMM y", locale=LOCALE)


@lru_cache(maxsize=4096)
def month(value: datetime.date) -> str:
    """2025-04-01 -> 'April 2025', for a date known only to the month."""
    return format_date(value, "MMMM y", locale=LOCALE)


def known_date(text: str) -> str:
    """As precisely as known: '2025-04-07' -> '7. April 2025', '2025-04' -> 'April 2025',
    '2025' -> '2025'."""
    if len(text) == len("2025"):
        return text
    if len(text) == len("2025-04"):
        return month(datetime.date.fromisoformat(f"{text}-01"))
    return date(datetime.date.fromisoformat(text))


def file_size(size: int) -> str:
    """Bytes as a reader reads a download's size: 38400 -> '38 kB', 1234567 -> '1,2 MB'."""
    if size >= KILO * KILO:
        return f"{number(size / KILO / KILO, decimals=1)}{NBSP}MB"
    return f"{number(max(1, round(size / KILO)), decimals=0)}{NBSP}kB"


@cache
def plotly_locale() -> dict[str, Any]:
    """The `format` part of a plotly.js locale, from the same locale data."""
    return {
        "days": _names(get_day_names("wide", "format", LOCALE), range(-1, 6)),
        "shortDays": _names(get_day_names("abbreviated", "stand-alone", LOCALE), range(-1, 6)),
        "months": _names(get_month_names("wide", "format", LOCALE), range(1, 13)),
        "shortMonths": _names(get_month_names("abbreviated", "stand-alone", LOCALE), range(1, 13)),
        "date": "%d.%m.%Y",
        "decimal": Locale.parse(LOCALE).number_symbols["latn"]["decimal"],
        "thousands": Locale.parse(LOCALE).number_symbols["latn"]["group"],
    }


@cache
def month_names() -> tuple[str, ...]:
    """'Januar' … 'Dezember'."""
    return tuple(plotly_locale()["months"])


def _unit_suffix(unit: str, word: str, counted: str | None, style: Style) -> str:
    if unit == "percent":
        return PERCENT_SUFFIX
    if unit == "factor":
        return "-fach"
    words = [word] if style == "short" else [word, UNIT_WORDS.get(unit) or counted or ""]
    words = [each for each in words if each]
    return NBSP + NBSP.join(words) if words else ""


def _names(names: dict[int, str], keys: range) -> list[str]:
    """CLDR numbers days from Monday (0); plotly.js from Sunday: Sunday is -1 -> 6."""
    return [names[key % 7 if keys.start < 0 else key] for key in keys]


@cache
def _scale_words() -> tuple[tuple[int, str], ...]:
    """(10**12, 'Bio.'), (10**9, 'Mrd.'), (10**6, 'Mio.') from CLDR's short decimal formats
    ("0 Mrd'.'" means: the number, a space, then "Mrd.")."""
    formats = Locale.parse(LOCALE).compact_decimal_formats["short"]["other"]
    words = {}
    for size_text, number_pattern in formats.items():
        pattern = number_pattern.pattern
        if int(size_text) >= SMALLEST_SCALE and pattern.startswith("0"):
            words[10 ** (len(size_text) - len(pattern.split()[0]))] = _word_of(pattern)
    return tuple(sorted(words.items(), reverse=True))


def _word_of(pattern: str) -> str:
    return pattern.split(None, 1)[1].replace("'", "").strip()
