"""Share images (Open Graph cards, 1200×630 PNG) drawn from the data with Pillow, offline.

The font is DejaVu Sans, which comes with the engine (`fonts/`, with its licence), so a build
needs no system font; EXPLAINER_FONT_DIR points at another folder holding the same two files.
Same data, same Pillow and same font give the same bytes: no timestamps are written, and the
basic layout engine is used so that the output does not depend on an optional libraqm.
"""

from __future__ import annotations

import io
import os
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import PIL

from ..store import filecache
from ..store.drawing import Drawing, FilesInDrawing
from .metadata import IMAGE_SIZE

if TYPE_CHECKING:
    from PIL import Image, ImageDraw, ImageFont

FONT_VARIABLE = "EXPLAINER_FONT_DIR"
VENDORED_FONT_DIR = Path(__file__).parent / "fonts"
FONT_DIR = Path(os.environ.get(FONT_VARIABLE) or VENDORED_FONT_DIR)
REGULAR, BOLD = "DejaVuSans.ttf", "DejaVuSans-Bold.ttf"

MARGIN = 72
BRAND_COLOR = "#1a237e"  # Material indigo 900, the site's primary colour family
TEXT = "#ffffff"
MUTED = "#c5cae9"
QUOTE_SIZES = (60, 52, 46, 40, 36)  # largest that fits wins
MAX_QUOTE_LINES = 6
BLEND_STEPS = 21  # shades from a text colour to the colour behind it, both included


class FontMissing(Exception):
    """A font file for share images is missing or cannot be read."""


class DrawingFailed(Exception):
    """Pillow made no usable image of a card: nothing is published in its place."""


@dataclass(frozen=True)
class Card:
    """What one share image says."""

    kicker: str  # small line on top, e.g. the site title
    text: str  # the big text: a claim's quote or the site's description
    label: str  # bottom left, e.g. the verdict label
    label_color: str  # colour of the label text on its white badge
    footer: str  # bottom right, e.g. the site's address


def render_card(card: Card) -> bytes:
    """The card as PNG bytes, deterministic."""
    from PIL import Image, ImageDraw  # here: a build whose cards are all cached needs neither

    image = Image.new("RGB", IMAGE_SIZE, BRAND_COLOR)
    draw = ImageDraw.Draw(image)
    width = IMAGE_SIZE[0] - 2 * MARGIN
    draw.text((MARGIN, MARGIN - 8), card.kicker, font=_font(BOLD, 32), fill=MUTED)
    font, lines = _fit(card.text, width)
    line_height = round(font.size * 1.25)
    top = 150
    for number, line in enumerate(lines):
        draw.text((MARGIN, top + number * line_height), line, font=font, fill=TEXT)
    _draw_badge(draw, card.label, card.label_color)
    footer_font = _font(REGULAR, 26)
    footer_width = draw.textlength(card.footer, font=footer_font)
    draw.text(
        (IMAGE_SIZE[0] - MARGIN - footer_width, 548), card.footer, font=footer_font, fill=MUTED
    )
    buffer = io.BytesIO()
    # A palette of the card's own colours and their blends keeps the anti-aliased text smooth at
    # under half the size; mapping to it is 20 times faster than finding a palette per image.
    palette = _blends_palette(card.label_color)
    image.quantize(palette=palette, dither=Image.Dither.NONE).save(buffer, format="PNG")
    if not filecache.looks_whole(buffer.getvalue(), ".png"):
        raise DrawingFailed(f"the share image of {card.text[:40]!r} came out empty or not a PNG")
    return buffer.getvalue()


def card_drawing(card: Card, cache_dir: Path | None = None) -> Drawing:
    """The card's share image as a file to draw (store/drawing.py), kept in `cache_dir`."""
    return Drawing(_cache_key(card), ".png", cache_dir, render_card, card)


def render_cards(cards: list[Card], cache_dir: Path | None = None) -> list[bytes]:
    """Every card as PNG, in order, drawn in this process."""
    drawings = [card_drawing(card, cache_dir) for card in cards]
    files = FilesInDrawing(drawings, workers=0)
    return [files.file(drawing) for drawing in drawings]


def _cache_key(card: Card) -> str:
    """Everything the image depends on: the card, the fonts, the size and layout (this module's
    code and IMAGE_SIZE), Pillow and the libraries it rasterises and compresses with."""
    fonts = [_font_digest(name) for name in (REGULAR, BOLD)]
    code = filecache.source_digest(sys.modules[__name__])
    return filecache.digest(repr(card), repr(IMAGE_SIZE), *fonts, code, *_library_versions())


@cache
def _library_versions() -> tuple[str, ...]:
    from PIL import features

    return (PIL.__version__, *(str(features.version(name)) for name in ("freetype2", "zlib")))


@cache
def _font_digest(name: str) -> str:
    return filecache.digest((FONT_DIR / name).read_bytes())


def check_font() -> None:
    """Raise FontMissing saying how to fix it, before any image is drawn. (A font that is there
    but broken is found when it is first used: reading it needs Pillow, which a build whose
    cards are all cached does not load.)"""
    for name in (REGULAR, BOLD):
        if not (FONT_DIR / name).is_file():
            raise FontMissing(f"share images need the font {FONT_DIR / name}: {_restore_hint()}")


def _restore_hint() -> str:
    if FONT_DIR == VENDORED_FONT_DIR:
        return (
            "it comes with the engine; restore hooks/explainer/outputs/fonts/ from the repository"
        )
    return (
        f"{FONT_VARIABLE} points at {FONT_DIR}; set it to a folder holding {REGULAR} and "
        f"{BOLD}, or unset it to use the fonts that come with the engine"
    )


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy word wrap to lines at most `width` pixels wide (a too-long word gets its own line)."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and font.getlength(candidate) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def _fit(text: str, width: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest quote size whose wrapped text fits; else the smallest, cut with an ellipsis."""
    for size in QUOTE_SIZES:
        font = _font(BOLD, size)
        lines = wrap(text, font, width)
        if len(lines) <= MAX_QUOTE_LINES:
            return font, lines
    lines = lines[:MAX_QUOTE_LINES]
    last = lines[-1]
    while last and font.getlength(last + " …") > width:
        last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
    lines[-1] = f"{last} …"
    return font, lines


def _blends_palette(label_color: str) -> Image.Image:
    """A palette image holding every colour a card's pixels can have: each text colour blended
    in steps into the colour it is drawn on (anti-aliased edges lie on that line)."""
    from PIL import Image, ImageColor

    pairs = ((TEXT, BRAND_COLOR), (MUTED, BRAND_COLOR), (label_color, TEXT))
    colors = []
    for ink, ground in pairs:
        ends = list(zip(ImageColor.getrgb(ink)[:3], ImageColor.getrgb(ground)[:3], strict=True))
        for step in range(BLEND_STEPS):
            share = step / (BLEND_STEPS - 1)
            colors += [round(i * share + g * (1 - share)) for i, g in ends]
    palette = Image.new("P", (1, 1))
    palette.putpalette(colors)
    return palette


def _draw_badge(draw: ImageDraw.ImageDraw, label: str, color: str) -> None:
    font = _font(BOLD, 38)
    padding_x, top, height = 28, 528, 66
    width = draw.textlength(label, font=font) + 2 * padding_x
    draw.rounded_rectangle((MARGIN, top, MARGIN + width, top + height), radius=12, fill=TEXT)
    draw.text((MARGIN + padding_x, top + height / 2), label, font=font, fill=color, anchor="lm")


@cache
def _font(name: str, size: int) -> ImageFont.FreeTypeFont:
    from PIL import ImageFont

    path = FONT_DIR / name
    try:
        font_file = io.BytesIO(path.read_bytes())
    except OSError as error:
        raise FontMissing(
            f"share images need the font {path}, which cannot be read ({error.strerror}): "
            + _restore_hint()
        ) from None
    try:
        # The bytes, not the path: given a path it cannot read, Pillow looks for a font of the
        # same file name among the system's fonts and would draw with that one instead.
        return ImageFont.truetype(font_file, size, layout_engine=ImageFont.Layout.BASIC)
    except OSError:
        raise FontMissing(
            f"share images need the font {path}, which is damaged or no TrueType font: "
            + _restore_hint()
        ) from None
