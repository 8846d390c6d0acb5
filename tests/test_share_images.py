"""Share images keep the card's colours exactly: the background, the texts and the verdict's
colour, through the reduction to a palette that keeps the PNG small."""

from __future__ import annotations

import io

import pytest
from explainer.outputs.shareimage import BRAND_COLOR, MUTED, TEXT, Card, render_card
from PIL import Image, ImageChops, ImageColor

MOST_LEVELS_OFF = 8  # of 255, in any channel: an edge pixel a shade lighter or darker
CARD = Card(
    kicker="DeepSeek – eingeordnet",
    text="„Mit einem Bruchteil der Mittel gebaut“",
    label="Irreführend",
    label_color="#b71c1c",
    footer="example.org/deepseek",
)


def card_colors(card: Card) -> set[tuple[int, int, int]]:
    image = Image.open(io.BytesIO(render_card(card))).convert("RGB")
    return {color for _, color in image.getcolors(maxcolors=256)}


def test_a_card_shows_its_own_colours_exactly() -> None:
    wanted = {
        ImageColor.getrgb(color)[:3] for color in (BRAND_COLOR, TEXT, MUTED, CARD.label_color)
    }
    assert wanted <= card_colors(CARD)


def test_the_palette_keeps_every_pixel_close_to_the_true_colour_drawing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown = Image.open(io.BytesIO(render_card(CARD))).convert("RGB")
    monkeypatch.setattr(Image.Image, "quantize", lambda image, **_: image)
    true_colour = Image.open(io.BytesIO(render_card(CARD))).convert("RGB")
    difference = ImageChops.difference(shown, true_colour)
    assert max(high for _, high in difference.getextrema()) <= MOST_LEVELS_OFF
