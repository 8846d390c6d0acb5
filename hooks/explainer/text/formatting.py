"""Numbers, amounts and dates in one locale: the formatter for prose, tables, chart labels and
hovers of one edition (`Formatter("de")`, `Formatter("en")`).

Babel's locale data (CLDR) supplies separators, the percent and currency patterns, scale words
("Mrd.", "billion"), date patterns and month and day names. This module adds only what CLDR
leaves open: a true minus sign, half-up rounding, non-breaking spaces that keep a number with its
unit, the choices a locale's newsrooms make where CLDR offers several forms (CONVENTIONS), and
the few words of an amount, translated by the message catalogues (text/catalogue.py).
"""

from __future__ import annotations

import datetime
import decimal
import gettext
import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Literal

from babel import Locale
from babel.dates import format_date, get_day_names, get_month_names, match_skeleton
from babel.numbers import NumberPattern, format_decimal, get_currency_symbol, parse_decimal

from . import catalogue
from .catalogue import N_

MINUS = "\u2212"  # a true minus sign, not a hyphen
NBSP = "\u00a0"  # keeps number and unit on one line
NARROW_NBSP = "\u202f"  # a space CLDR puts before "%" (de, fr) becomes this: "17,0 %"

# The words of an amount, as gettext msgids (text/catalogue.py): English text, with
# {placeholders} so that a language can order the parts its own way.
QUALIFIERS = {
    "about": N_("about {amount}"),
    "more_than": N_("more than {amount}"),
    "up_to": N_("up to {amount}"),
    "at_least": N_("at least {amount}"),
}
SHORT_QUALIFIERS = {"about": "≈", "more_than": ">", "up_to": "≤", "at_least": "≥"}
UNIT_WORDS = {
    "usd": N_("US dollars"),
    "points": N_("points"),
    "percentage_points": N_("percentage points"),
}
PER = N_("{amount} per {per}")
FACTOR = N_("{number}-fold")
CHANGE_IN_PERCENT = N_("Change in %")  # the value axis of a chart in percent
WORDS = (*QUALIFIERS.values(), *UNIT_WORDS.values(), PER, FACTOR, CHANGE_IN_PERCENT)

CURRENCIES = {"usd": "USD"}  # unit -> ISO 4217 code, for CLDR's currency symbol
SCALED_UNITS = ("usd", "count")  # amounts written with Mio./million, Mrd./billion …
KILO = 1000  # bytes per kB: SI prefixes, as the symbols kB and MB say
SMALLEST_SCALE = 10**6  # below a million, numbers are written out ("294.000")
YEAR_MONTH = "yMMMM"  # CLDR skeleton: "Januar 2025", "January 2025"
NUMERIC_DATE = "yMMdd"  # CLDR skeleton: "27.01.2025", "1/27/2025" (plotly.js's %x)
AXIS_DAY = "MMMd"  # CLDR skeleton: "27. Jan" (de), "Jan 27" (en), a chart's date axis
D3_DATE_FIELDS = {
    "d": "%-d", "dd": "%d", "M": "%-m", "MM": "%m", "MMM": "%b", "MMMM": "%B",
    "y": "%Y", "yy": "%y",
}  # fmt: skip

# prose: as text, tables and hovers print a value; short: bar labels.
Style = Literal["prose", "short"]
MOST_DECIMALS = {"prose": 2, "short": 1}


@dataclass(frozen=True)
class Conventions:
    """What a locale's newsrooms choose where CLDR offers several forms. The defaults are
    English wire style (AP, Reuters): "$5.5 billion", "January 27, 2025"."""

    prose_scale: Literal["short", "long"] = "long"  # scale word in prose: "Mrd." or "billion"
    currency: Literal["symbol", "name"] = "symbol"  # "$5.5 billion" or "5,5 Mrd. US-Dollar"
    day_glue: bool = False  # no line break after the day: "27. Januar" (DIN 5008)


# English, and every locale without a row, uses the defaults.
CONVENTIONS = {"de": Conventions(prose_scale="short", currency="name", day_glue=True)}


class Formatter:
    """Numbers, amounts and dates as one locale writes them ('de', 'en', 'fr')."""

    def __init__(self, locale: str, words: gettext.NullTranslations | None = None) -> None:
        """`words`: the language's interface words (text/catalogue.py), the engine's by
        default."""
        data = Locale.parse(locale)
        self.locale = str(data)
        self.conventions = CONVENTIONS.get(data.language, Conventions())
        self.words = words if words is not None else catalogue.translations(data.language)
        self.unit_words = {unit: self.word(msgid) for unit, msgid in UNIT_WORDS.items()}
        self._plural_form = data.plural_form
        self._scales = {length: _scales(data, length) for length in ("short", "long")}
        self._percent = _affixes(data.percent_formats[None], NARROW_NBSP)
        self.percent_suffix = self._percent[1]  # after a percentage: text and chart axes
        self._currency = _affixes(data.currency_formats["standard"], NBSP)
        self._long_date = _long_date_pattern(data, self.conventions.day_glue)
        self._year_month = _skeleton_pattern(data, YEAR_MONTH)
        self._axis_day = _d3_date(_skeleton_pattern(data, AXIS_DAY))

    def __reduce__(self) -> tuple[object, tuple[str, gettext.NullTranslations]]:
        """Pickled as its locale and words (a worker process drawing plots rebuilds it)."""
        return Formatter, (self.locale, self.words)

    def word(self, msgid: str) -> str:
        """The locale's word for an English msgid: 'about {amount}' -> 'rund {amount}'."""
        return self.words.gettext(msgid)

    def fingerprint(self) -> str:
        """The locale and the catalogue's word for every msgid it writes (WORDS): with the code
        and Babel's version, all that this formatter's output depends on (a key of cached
        drawings)."""
        return json.dumps([self.locale, {msgid: self.word(msgid) for msgid in WORDS}])

    def number(self, value: float, decimals: int | None = None, most: int = 2) -> str:
        """1234.5 -> '1.234,5' (de), '1,234.5' (en); `decimals` fixed, else as many as needed
        up to `most`."""
        pattern = "#,##0." + ("0" * decimals if decimals is not None else "#" * most)
        return _number(value, pattern, self.locale)

    def scale(self, value: float, style: Style = "prose") -> tuple[int, str]:
        """Divisor and CLDR scale word for a value: 1_600_000_000 -> (10**9, 'Mrd.') in
        German, (10**9, 'billion') in English prose, (10**9, 'B') in English bar labels."""
        size, words, _ = self._scale(value, style)
        return size, words.get("other", "")

    def amount(
        self,
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
        """A value with its unit: '109,1 Mrd. US-Dollar', '−17,0 %', 'rund 2,8 Mio.
        GPU-Stunden'; in English '$109.1 billion', '−17.0%', 'about 2.8 million GPU hours'."""
        size, words, glue = self._scale(value, style) if unit in SCALED_UNITS else (1, {}, "")
        shown = value / size
        if decimals is None and unit == "percent":
            decimals = 1
        if decimals is None and size > 1 and style == "prose":
            text = self.number(shown, most=1)
        else:
            text = self.number(shown, decimals, MOST_DECIMALS[style])
        if words:  # the number as printed picks the plural: "1,5 milliard", "2,5 milliards"
            text += glue + words.get(self._plural(text), words["other"])
        if signed and value > 0:
            text = "+" + text
        text = self._with_unit(text, unit, counted, style)
        if per:
            text = self.word(PER).format(amount=text, per=per)
        if qualifier and style == "short":
            text = f"{SHORT_QUALIFIERS[qualifier]} {text}"
        elif qualifier:
            text = self.word(QUALIFIERS[qualifier]).format(amount=text)
        return text

    def date(self, value: datetime.date) -> str:
        """2025-01-27 -> '27. Januar 2025' (de), 'January 27, 2025' (en)."""
        return _date(value, self._long_date, self.locale)

    def month(self, value: datetime.date) -> str:
        """2025-04-01 -> 'April 2025', for a date known only to the month."""
        return _date(value, self._year_month, self.locale)

    def known_date(self, text: str) -> str:
        """As precisely as known: '2025-04-07' -> '7. April 2025', '2025-04' -> 'April 2025',
        '2025' -> '2025'."""
        if len(text) == len("2025"):
            return text
        if len(text) == len("2025-04"):
            return self.month(datetime.date.fromisoformat(f"{text}-01"))
        return self.date(datetime.date.fromisoformat(text))

    def file_size(self, size: int) -> str:
        """Bytes as a reader reads a download's size: 38400 -> '38 kB', 1234567 -> '1,2 MB'."""
        if size >= KILO * KILO:
            return f"{self.number(size / KILO / KILO, decimals=1)}{NBSP}MB"
        return f"{self.number(max(1, round(size / KILO)), decimals=0)}{NBSP}kB"

    def plotly_locale(self) -> dict[str, Any]:
        """The `format` part of a plotly.js locale, from the same locale data."""
        return _plotly_locale(self.locale)

    def axis_day_format(self) -> str:
        """The d3-time-format of a chart's date axis: '%-d. %b' (de), '%b %-d' (en)."""
        return self._axis_day

    def axis_day(self, value: datetime.date) -> str:
        """A day as plotly.js writes it on a chart's date axis (axis_day_format, with the
        locale's short month names): '27. Jan' (de), 'Jan 27' (en)."""
        return _d3_formatted(value, self.axis_day_format(), self.plotly_locale())

    def month_names(self) -> tuple[str, ...]:
        """'Januar' … 'Dezember'."""
        return tuple(self.plotly_locale()["months"])

    def _scale(self, value: float, style: Style) -> tuple[int, dict[str, str], str]:
        """Divisor, scale words by plural form, and the space before them."""
        length = "short" if style == "short" else self.conventions.prose_scale
        for size, words, glue in self._scales[length]:
            if abs(value) >= size:
                return size, words, glue
        return 1, {}, ""

    def _plural(self, text: str) -> str:
        """CLDR plural form ('one', 'other', …) of a number as printed."""
        return self._plural_form(abs(parse_decimal(text.replace(MINUS, "-"), locale=self.locale)))

    def _with_unit(self, text: str, unit: str, counted: str | None, style: Style) -> str:
        if unit == "percent":
            return _wrapped(text, *self._percent)
        if unit == "factor":
            return self.word(FACTOR).format(number=text)
        if style == "short":
            return text
        if unit in CURRENCIES and self.conventions.currency == "symbol":
            prefix, suffix = self._currency
            symbol = get_currency_symbol(CURRENCIES[unit], self.locale)
            return _wrapped(text, prefix.replace("¤", symbol), suffix.replace("¤", symbol))
        name = self.unit_words.get(unit) or counted
        return f"{text}{NBSP}{name}" if name else text


@lru_cache(maxsize=4096)  # Babel is slow; pages print the same values again and again
def _number(value: float, pattern: str, locale: str) -> str:
    # Babel rounds with the decimal context; German practice (DIN 1333) rounds half up:
    # 0,65 % is "0,7 %", not the banker's "0,6 %".
    with decimal.localcontext(rounding=decimal.ROUND_HALF_UP):
        text = format_decimal(value, format=pattern, locale=locale)
    if not re.search("[1-9]", text):
        return text.replace("-", "")  # -0.001 rounded is "0,0", not "−0,0"
    return text.replace("-", MINUS)


@lru_cache(maxsize=4096)
def _date(value: datetime.date, pattern: str, locale: str) -> str:
    return format_date(value, pattern, locale=locale)


def _wrapped(text: str, prefix: str, suffix: str) -> str:
    """A number between a pattern's affixes, its sign in front: '−$5.5 billion'."""
    sign = text[0] if text[0] in (MINUS, "+") else ""
    return sign + prefix + text[len(sign) :] + suffix


def _affixes(pattern: NumberPattern, space: str) -> tuple[str, str]:
    """Prefix and suffix of a CLDR number pattern, a space in them made `space`:
    "#,##0 %" -> ('', ' %') and "¤#,##0.00" -> ('¤', '')."""
    return re.sub(r"\s", space, pattern.prefix[0]), re.sub(r"\s", space, pattern.suffix[0])


def _scales(data: Locale, length: str) -> tuple[tuple[int, dict[str, str], str], ...]:
    """(10**9, {'other': 'Mrd.', …}, NBSP) … from CLDR's compact decimal formats, largest first.
    "0 Mrd'.'" means: the number, a space, then "Mrd."; "0B", the number and then "B"."""
    scales: dict[int, tuple[dict[str, str], str]] = {}
    for form, patterns in data.compact_decimal_formats[length].items():
        for size_text, number_pattern in patterns.items():
            pattern = number_pattern.pattern
            size = 10 ** (len(size_text) - pattern.count("0"))
            word = pattern.lstrip("0").replace("'", "")
            if size >= SMALLEST_SCALE and pattern.startswith("0") and word.strip():
                words, _ = scales.setdefault(size, ({}, NBSP if word[0].isspace() else ""))
                words[form] = word.strip()
    return tuple((size, *scales[size]) for size in sorted(scales, reverse=True))


def _long_date_pattern(data: Locale, day_glue: bool) -> str:
    pattern = data.date_formats["long"].pattern
    return re.sub(r"\b(d{1,2}\.?) ", rf"\1{NBSP}", pattern, count=1) if day_glue else pattern


def _skeleton_pattern(data: Locale, skeleton: str) -> str:
    """The locale's pattern for a CLDR skeleton, or for the nearest one it has."""
    return data.datetime_skeletons[match_skeleton(skeleton, data.datetime_skeletons)].pattern


def _d3_date(pattern: str) -> str:
    """A CLDR date pattern as a d3-time-format string: 'dd.MM.y' -> '%d.%m.%Y'."""

    def field(match: re.Match[str]) -> str:
        text = match.group()
        if text.startswith("'"):
            return text.strip("'").replace("%", "%%")
        return D3_DATE_FIELDS[text]

    return re.sub(r"'[^']*'|d+|M+|y+", field, pattern)


def _d3_formatted(value: datetime.date, pattern: str, names: dict[str, Any]) -> str:
    """A date in a d3-time-format string of _d3_date's fields, with a plotly.js locale's month
    names: as plotly.js prints it."""
    fields = {
        "%-d": str(value.day),
        "%d": f"{value.day:02d}",
        "%-m": str(value.month),
        "%m": f"{value.month:02d}",
        "%b": names["shortMonths"][value.month - 1],
        "%B": names["months"][value.month - 1],
        "%Y": str(value.year),
        "%y": f"{value.year % 100:02d}",
        "%%": "%",
    }
    return re.sub(r"%-?[a-zA-Z%]", lambda match: fields[match.group()], pattern)


@cache
def _plotly_locale(locale: str) -> dict[str, Any]:
    data = Locale.parse(locale)
    return {
        "days": _names(get_day_names("wide", "format", locale), range(-1, 6)),
        "shortDays": _names(get_day_names("abbreviated", "stand-alone", locale), range(-1, 6)),
        "months": _names(get_month_names("wide", "format", locale), range(1, 13)),
        "shortMonths": _names(get_month_names("abbreviated", "stand-alone", locale), range(1, 13)),
        "date": _d3_date(_skeleton_pattern(data, NUMERIC_DATE)),
        "decimal": data.number_symbols["latn"]["decimal"],
        "thousands": data.number_symbols["latn"]["group"],
    }


def _names(names: dict[int, str], keys: range) -> list[str]:
    """CLDR numbers days from Monday (0); plotly.js from Sunday: Sunday is -1 -> 6."""
    return [names[key % 7 if keys.start < 0 else key] for key in keys]
