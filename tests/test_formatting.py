"""Numbers, amounts and dates per locale: German, English, and French with no words of its own."""

from __future__ import annotations

import datetime
import gettext
from collections.abc import Callable

import pytest
from explainer.text import german
from explainer.text.formatting import (
    CHANGE_IN_PERCENT,
    QUALIFIERS,
    Formatter,
)

NBSP, NARROW, MINUS = "\u00a0", "\u202f", "\u2212"
JAN_27 = datetime.date(2025, 1, 27)
FORMATTERS = {
    "de": Formatter("de"),
    "en": Formatter("en"),
    "fr": Formatter("fr", words=gettext.NullTranslations()),  # a language without a catalogue
}

Call = Callable[[Formatter], str]

# id, call, and what each locale prints. French has no catalogue here, so it appears only where
# CLDR alone decides (numbers, scale words, currency symbol, percent, dates).
CASES: list[tuple[str, Call, dict[str, str]]] = [
    ("number with grouping", lambda f: f.number(1234.5),
     {"de": "1.234,5", "en": "1,234.5", "fr": f"1{NARROW}234,5"}),
    ("negative number with a true minus", lambda f: f.number(-3.07),
     {"de": f"{MINUS}3,07", "en": f"{MINUS}3.07", "fr": f"{MINUS}3,07"}),
    ("rounded zero without a sign", lambda f: f.number(-0.001, 1),
     {"de": "0,0", "en": "0.0", "fr": "0,0"}),
    ("billions of dollars", lambda f: f.amount(5_500_000_000, "usd"),
     {"de": f"5,5{NBSP}Mrd.{NBSP}US-Dollar", "en": f"$5.5{NBSP}billion",
      "fr": f"5,5{NBSP}milliards{NBSP}$US"}),
    ("negative millions, sign before the symbol", lambda f: f.amount(-5_576_000, "usd"),
     {"de": f"{MINUS}5,6{NBSP}Mio.{NBSP}US-Dollar", "en": f"{MINUS}$5.6{NBSP}million",
      "fr": f"{MINUS}5,6{NBSP}millions{NBSP}$US"}),
    ("dollars below a million written out", lambda f: f.amount(294_000, "usd"),
     {"de": f"294.000{NBSP}US-Dollar", "en": "$294,000", "fr": f"294{NARROW}000{NBSP}$US"}),
    ("bar label with the short scale word", lambda f: f.amount(5_576_000, "usd", style="short"),
     {"de": f"5,6{NBSP}Mio.", "en": "5.6M", "fr": f"5,6{NBSP}M"}),
    ("percent", lambda f: f.amount(-16.97, "percent"),
     {"de": f"{MINUS}17,0{NARROW}%", "en": f"{MINUS}17.0%", "fr": f"{MINUS}17,0{NARROW}%"}),
    ("percent signed and rounded half up", lambda f: f.amount(0.65, "percent", signed=True),
     {"de": f"+0,7{NARROW}%", "en": "+0.7%", "fr": f"+0,7{NARROW}%"}),
    ("dollars per unit", lambda f: f.amount(0.55, "usd", per="GPU"),
     {"de": f"0,55{NBSP}US-Dollar je GPU", "en": "$0.55 per GPU"}),
    ("about", lambda f: f.amount(2_788_000, "count", counted="GPUs", qualifier="about"),
     {"de": f"rund 2,8{NBSP}Mio.{NBSP}GPUs", "en": f"about 2.8{NBSP}million{NBSP}GPUs"}),
    ("more than", lambda f: f.amount(500_000_000, "usd", qualifier="more_than"),
     {"de": f"mehr als 500{NBSP}Mio.{NBSP}US-Dollar", "en": f"more than $500{NBSP}million"}),
    ("up to", lambda f: f.amount(50_000, "count", counted="GPUs", qualifier="up_to"),
     {"de": f"bis zu 50.000{NBSP}GPUs", "en": f"up to 50,000{NBSP}GPUs"}),
    ("at least", lambda f: f.amount(10, "percent", qualifier="at_least"),
     {"de": f"mindestens 10,0{NARROW}%", "en": "at least 10.0%"}),
    ("qualifier as a sign on a bar label",
     lambda f: f.amount(5_576_000, "usd", qualifier="about", style="short"),
     {"de": f"≈ 5,6{NBSP}Mio.", "en": "≈ 5.6M", "fr": f"≈ 5,6{NBSP}M"}),
    ("factor", lambda f: f.amount(280, "factor"), {"de": "280-fach", "en": "280-fold"}),
    ("index points", lambda f: f.amount(19341.83, "points"),
     {"de": f"19.341,83{NBSP}Punkte", "en": f"19,341.83{NBSP}points"}),
    ("percentage points", lambda f: f.amount(1.5, "percentage_points"),
     {"de": f"1,5{NBSP}Prozentpunkte", "en": f"1.5{NBSP}percentage points"}),
    ("long date", lambda f: f.date(JAN_27),
     {"de": f"27.{NBSP}Januar 2025", "en": "January 27, 2025", "fr": "27 janvier 2025"}),
    ("month and year", lambda f: f.month(JAN_27),
     {"de": "Januar 2025", "en": "January 2025", "fr": "janvier 2025"}),
    ("date known to the day", lambda f: f.known_date("2025-04-07"),
     {"de": f"7.{NBSP}April 2025", "en": "April 7, 2025", "fr": "7 avril 2025"}),
    ("date known to the year", lambda f: f.known_date("2025"),
     {"de": "2025", "en": "2025", "fr": "2025"}),
    ("file size", lambda f: f.file_size(1_234_567),
     {"de": f"1,2{NBSP}MB", "en": f"1.2{NBSP}MB", "fr": f"1,2{NBSP}MB"}),
]  # fmt: skip


@pytest.mark.parametrize(
    ("locale", "call", "expected"),
    [
        pytest.param(locale, call, text, id=f"{locale}: {name}")
        for name, call, expected in CASES
        for locale, text in expected.items()
    ],
)
def test_each_locale_writes_numbers_amounts_and_dates_its_own_way(
    locale: str, call: Call, expected: str
) -> None:
    assert call(FORMATTERS[locale]) == expected


@pytest.mark.parametrize(("name", "call", "expected"), CASES, ids=[case[0] for case in CASES])
def test_the_german_module_prints_what_the_german_formatter_prints(
    name: str, call: Call, expected: dict[str, str]
) -> None:
    assert call(german) == expected["de"]


@pytest.mark.parametrize(
    ("locale", "style", "expected"),
    [
        ("de", "prose", (10**9, "Mrd.")),
        ("de", "short", (10**9, "Mrd.")),
        ("en", "prose", (10**9, "billion")),
        ("en", "short", (10**9, "B")),
        ("fr", "prose", (10**9, "milliards")),
        ("fr", "short", (10**9, "Md")),
    ],
    ids=["de prose", "de label", "en prose", "en label", "fr prose", "fr label"],
)
def test_scale_words_follow_the_locale_and_its_prose_convention(
    locale: str, style: str, expected: tuple[int, str]
) -> None:
    assert FORMATTERS[locale].scale(1_600_000_000, style) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(1_500_000_000, f"1,5{NBSP}milliard"), (2_500_000_000, f"2,5{NBSP}milliards")],
    ids=["one", "other"],
)
def test_the_number_as_printed_picks_the_plural_of_the_scale_word(
    value: float, expected: str
) -> None:
    assert FORMATTERS["fr"].amount(value, "count", counted="GPU").startswith(expected)


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("de", {"date": "%d.%m.%Y", "decimal": ",", "thousands": ".", "first month": "Januar"}),
        ("en", {"date": "%-m/%-d/%Y", "decimal": ".", "thousands": ",", "first month": "January"}),
        ("fr", {"date": "%d/%m/%Y", "decimal": ",", "thousands": NARROW, "first month": "janvier"}),
    ],
    ids=["de", "en", "fr"],
)
def test_plotly_gets_the_locales_date_separators_and_months(
    locale: str, expected: dict[str, str]
) -> None:
    plotly = FORMATTERS[locale].plotly_locale()
    shown = {key: plotly[key] for key in ("date", "decimal", "thousands")}
    assert {**shown, "first month": plotly["months"][0]} == expected


@pytest.mark.parametrize(
    ("locale", "d3_format", "day"),
    [("de", "%-d. %b", "7. Mär"), ("en", "%b %-d", "Mar 7"), ("fr", "%-d %b", "7 mars")],
    ids=["de", "en", "fr"],
)
def test_a_charts_date_axis_has_the_locales_format_and_the_svg_writes_days_in_it(
    locale: str, d3_format: str, day: str
) -> None:
    formatter = FORMATTERS[locale]
    assert formatter.axis_day_format() == d3_format  # plotly.js's tickformat
    assert formatter.axis_day(datetime.date(2025, 3, 7)) == day  # the static SVG's label


@pytest.mark.parametrize(
    ("locale", "expected"), [("de", "Veränderung in %"), ("en", "Change in %")], ids=["de", "en"]
)
def test_a_percent_charts_axis_title_is_a_word_of_the_locale(locale: str, expected: str) -> None:
    assert FORMATTERS[locale].word(CHANGE_IN_PERCENT) == expected


def test_a_locale_without_words_prints_the_english_msgids_as_gettext_does() -> None:
    assert FORMATTERS["fr"].word(QUALIFIERS["about"]) == "about {amount}"
    assert FORMATTERS["fr"].unit_words["usd"] == "US dollars"
