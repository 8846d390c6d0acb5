"""German formatting of numbers, money, percentages and dates."""

from __future__ import annotations

import datetime

import pytest
from explainer.data.models import Figure
from explainer.outputs.render import figure_value
from explainer.text import german
from explainer.text.formatting import Formatter
from text import MINUS, NARROW, NBSP


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (1234.5, None, "1.234,5"),
        (1234567, None, "1.234.567"),
        (0, None, "0"),
        (-3.07, None, f"{MINUS}3,07"),
        (-0.001, 1, "0,0"),
        (142.62, 2, "142,62"),
    ],
)
def test_number(value: float, decimals: int | None, expected: str) -> None:
    assert german.number(value, decimals) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (5_576_000, f"5,6{NBSP}Mio.{NBSP}US-Dollar"),
        (109_100_000_000, f"109,1{NBSP}Mrd.{NBSP}US-Dollar"),
        (500_000_000, f"500{NBSP}Mio.{NBSP}US-Dollar"),
        (4_000_000_000_000, f"4{NBSP}Bio.{NBSP}US-Dollar"),
        (294_000, f"294.000{NBSP}US-Dollar"),
    ],
)
def test_money(value: float, expected: str) -> None:
    assert german.amount(value, "usd") == expected


def test_money_per_unit() -> None:
    text = german.amount(0.55, "usd", per="Million Tokens")
    assert text == f"0,55{NBSP}US-Dollar je Million Tokens"


@pytest.mark.parametrize(
    ("value", "signed", "expected"),
    [
        (-16.97, False, f"{MINUS}17,0{NARROW}%"),
        (8.93, True, f"+8,9{NARROW}%"),
        (0.65, False, f"0,7{NARROW}%"),
    ],
)
def test_percent(value: float, signed: bool, expected: str) -> None:
    assert german.amount(value, "percent", signed=signed) == expected


@pytest.mark.parametrize(
    ("value", "style", "expected"),
    [
        (5_576_000, "prose", f"5,6{NBSP}Mio.{NBSP}US-Dollar"),
        (5_576_000, "short", f"5,6{NBSP}Mio."),
        (-16.97, "prose", f"{MINUS}17,0{NARROW}%"),
        (-16.97, "short", f"{MINUS}17,0{NARROW}%"),
    ],
)
def test_text_tables_and_bar_labels_round_alike(value: float, style: str, expected: str) -> None:
    unit = "percent" if abs(value) < 100 else "usd"
    assert german.amount(value, unit, style=style) == expected


def test_date() -> None:
    assert german.date(datetime.date(2025, 1, 27)) == f"27.{NBSP}Januar 2025"
    assert german.date(datetime.date(2025, 3, 1)) == f"1.{NBSP}März 2025"
    assert german.month(datetime.date(2025, 4, 1)) == "April 2025"


def test_scale_words_come_from_the_locale_data() -> None:
    assert german.scale(1_600_000_000) == (10**9, "Mrd.")
    assert german.scale(4 * 10**12) == (10**12, "Bio.")
    assert german.scale(999_999) == (1, "")


def _figure(**fields: object) -> Figure:
    base = {"id": "x", "label": "x", "as_of": "2025-01-27", "source": "s"}
    return Figure.model_validate({**base, **fields})


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"value": 2_788_000, "unit": "count", "counted": "GPU-Stunden"},
         f"2,8{NBSP}Mio.{NBSP}GPU-Stunden"),
        ({"value": 2048, "unit": "count", "counted": "GPUs"}, f"2.048{NBSP}GPUs"),
        ({"value": 500_000_000, "unit": "usd", "qualifier": "more_than"},
         f"mehr als 500{NBSP}Mio.{NBSP}US-Dollar"),
        ({"value": 280, "unit": "factor"}, "280-fach"),
        ({"value": -3.07, "unit": "percent", "decimals": 2}, f"{MINUS}3,07{NARROW}%"),
        ({"value": 19341.83, "unit": "points"}, f"19.341,83{NBSP}Punkte"),
        ({"value": "2025-01-20", "unit": "date"}, f"20.{NBSP}Januar 2025"),
    ],
)  # fmt: skip
def test_figure_value(fields: dict, expected: str) -> None:
    assert figure_value(_figure(**fields), Formatter("de")) == expected
