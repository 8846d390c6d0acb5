"""Keyboard readers: every link, toggle, chart table and download is reachable with Tab and
visibly focused."""

from __future__ import annotations

import pytest
from conftest import EDITION_ROOTS
from localweb import open_page
from playwright.sync_api import Page

# Everything a reader can operate in the page content, plus the colour-scheme toggle: a radio
# group of hidden inputs whose label shows the focus ring.
OPERABLE = (
    ".md-content a[href], .md-content summary, .md-content button, .md-content input,"
    " form[data-md-component=palette] input.md-option:checked"
)
MARK = """selector => [...document.querySelectorAll(selector)]
    .filter(el => el.checkVisibility() || el.matches('input.md-option'))
    .map((el, index) => { el.dataset.xpFocusCheck = index; return index; }).length"""
FOCUSED = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const shown = el.matches('input.md-option') ? el.nextElementSibling : el;
    const style = getComputedStyle(shown);
    const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
        || style.boxShadow !== 'none' || style.textDecorationLine.includes('underline');
    const html = el.outerHTML.slice(0, 120);
    return {mark: el.dataset.xpFocusCheck ?? null, visible: visible, html: html};
}"""


@pytest.mark.parametrize(
    "path",
    [
        root + path
        for root in EDITION_ROOTS
        for path in ("", "behauptungen/", "zahlen/", "behauptungen/nvidia-fragil/")
    ],
)
def test_every_control_is_reachable_by_tab_and_visibly_focused(
    page: Page, served: str, path: str
) -> None:
    open_page(page, served + path)
    count = page.evaluate(MARK, OPERABLE)
    reached: set[str] = set()
    invisible: list[str] = []
    for _ in range(count * 3 + 50):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None:
            continue
        if not focused["visible"]:
            invisible.append(focused["html"])
        if focused["mark"] is not None:
            reached.add(focused["mark"])
        if len(reached) == count:
            break
    missing = page.evaluate(
        """(reached) => [...document.querySelectorAll('[data-xp-focus-check]')]
            .filter(el => !reached.includes(el.dataset.xpFocusCheck))
            .map(el => el.outerHTML.slice(0, 120))""",
        sorted(reached),
    )
    assert count > 10
    assert not missing, f"{path}: not reachable with Tab:\n" + "\n".join(missing)
    assert not invisible, f"{path}: focus not visible on:\n" + "\n".join(invisible)
