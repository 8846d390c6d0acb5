"""Material markup made valid HTML on the built page, where no template override reaches it.

Material's base.html writes its drawer and search toggles (checkboxes) with autocomplete="off",
outside any block or partial. HTML allows autocomplete on text-like inputs only, so the W3C Nu
HTML Checker reports both on every page. Material added it to keep Firefox from restoring an open
drawer or search after a reload; without it, Firefox may do so. Overriding the whole base.html
for two attributes would leave a stale copy of Material's main template on every update.
"""

from __future__ import annotations

TOGGLES = ("drawer", "search")  # data-md-toggle of base.html's checkboxes


def drop_toggle_autocomplete(html: str) -> str:
    """The page without autocomplete="off" on Material's drawer and search checkboxes."""
    for name in TOGGLES:
        toggle = f'<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}"'
        html = html.replace(f'{toggle} autocomplete="off">', f"{toggle}>", 1)
    return html
