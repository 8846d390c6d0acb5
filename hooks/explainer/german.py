"""German number, money, percent and date formatting for prose, tables and downloads."""

from __future__ import annotations

import datetime

from .models import Figure

MINUS = "\u2212"  # a true minus sign, not a hyphen
NBSP = "\u00a0"  # keeps number and unit on one line
NARROW_NBSP = "\u202f"  # German style puts a narrow space between number and %

MONTHS = (
    "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember",
)  # fmt: skip

# Scale words for large values, largest first (German "Billion" is 10^12).
SCALES = ((10**12, "Bio."), (10**9, "Mrd."), (10**6, "Mio."))

QUALIFIERS = {"about": "rund", "more_than": "mehr als", "up_to": "bis zu", "at_least": "mindestens"}


def number(value: float, decimals: int | None = None) -> str:
    """1234.5 -> '1.234,5'; negative values get a true minus sign."""
    if decimals is None:
        decimals = _natural_decimals(value)
    text = f"{abs(value):,.{decimals}f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return f"{MINUS}{text}" if value < 0 and text.strip("0,.") else text


def scaled(value: float, decimals: int | None = None) -> str:
    """109_100_000_000 -> '109,1 Mrd.'; values below a million are written out."""
    for size, word in SCALES:
        if abs(value) >= size:
            shown = value / size
            text = number(shown, 1 if decimals is None else decimals)
            if decimals is None:
                text = text.removesuffix(",0")
            return f"{text}{NBSP}{word}"
    return number(value, decimals)


def money(value: float, decimals: int | None = None, per: str | None = None) -> str:
    """5_576_000 -> '5,6 Mio. US-Dollar'."""
    text = f"{scaled(value, decimals)}{NBSP}US-Dollar"
    return f"{text} je {per}" if per else text


def percent(value: float, decimals: int = 1, signed: bool = False) -> str:
    """-16.97 -> '−17,0 %'; signed=True writes '+8,9 %' for gains."""
    text = number(value, decimals)
    if signed and value > 0:
        text = f"+{text}"
    return f"{text}{NARROW_NBSP}%"


def date(value: datetime.date) -> str:
    """2025-01-27 -> '27. Januar 2025'."""
    return f"{value.day}.{NBSP}{MONTHS[value.month - 1]} {value.year}"


def figure_value(figure: Figure) -> str:
    """A figure as prose prints it, qualifier and unit included."""
    text = _value_with_unit(figure)
    if figure.qualifier:
        text = f"{QUALIFIERS[figure.qualifier]} {text}"
    return text


def _value_with_unit(figure: Figure) -> str:
    value, decimals = figure.value, figure.decimals
    if isinstance(value, datetime.date):
        return date(value)
    if figure.unit == "usd":
        return money(value, decimals, figure.per)
    if figure.unit == "percent":
        return percent(value, 1 if decimals is None else decimals)
    if figure.unit == "percentage_points":
        return f"{number(value, decimals)}{NBSP}Prozentpunkte"
    if figure.unit == "points":
        return f"{number(value, decimals)}{NBSP}Punkte"
    if figure.unit == "factor":
        return f"{number(value, decimals)}-fach"
    return f"{scaled(value, decimals)}{NBSP}{figure.counted}"


def _natural_decimals(value: float) -> int:
    """Decimals needed to show `value` without trailing zeros (at most 2)."""
    for decimals in range(3):
        if round(value, decimals) == round(value, 6):
            return decimals
    return 2
