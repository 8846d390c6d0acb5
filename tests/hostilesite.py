"""The mini site with hostile data that the loader accepts: markup, scripts, event handlers,
links, images and attribute lists in plain fields and in rich text, each of which must reach the
reader as text. Each payload sets `window.__pwned` if it ever runs."""

from __future__ import annotations

import json
from pathlib import Path

from minisite import copy_mini_site

SCRIPT = "<script>window.__pwned = 1</script>"
HANDLER = '<img src=x onerror="window.__pwned = 2">'
MARKDOWN = (
    "[Link](javascript:window.__pwned=3) ![Bild](https://tracker.example/pixel.gif) *kursiv*"
    ' _unter_ `code` | Zelle {: style="position:fixed;inset:0" onclick="window.__pwned=4" }'
)
PLAIN = f"{SCRIPT} {HANDLER} {MARKDOWN}"
# Rich text may hold Markdown, so its payload is only what rich text allows to look harmless.
RICH = (
    f'{SCRIPT} {HANDLER} [Quelle](https://example.org/"onmouseover="window.__pwned=5)'
    ' {: style="position:fixed" }.'
)
# An address that would end its Markdown link early and open a javascript: link after it.
BREAKING_URL = "https://example.org/a)[x](javascript:window.__pwned=6)"

# (file below data/, text in it, the hostile text to put after it)
EDITS = [
    ("claims.yaml", "quote: Der Park wird jedes Jahr deutlich kleiner.", "quote: {}"),
    ("claims.yaml", "topic: Fläche", "topic: Fläche {}"),
    ("claims.yaml", 'summary: Die Fläche sank nur um {{ fig("flaechenaenderung") }}.',
     'summary: Die Fläche sank nur um {{{{ fig("flaechenaenderung") }}}}. {}'),
    ("sources.yaml", "title: Flächenbericht Stadtpark (Beispiel)", "title: Flächenbericht {}"),
    ("sources.yaml", "archive: https://archive.example.org/2024/protokoll", "archive: {}"),
    ("faq.yaml", "question: Wird der Park kleiner?", "question: Wird der Park kleiner? {}"),
    ("site.yaml", "title: Stadtpark – geprüft", "title: Stadtpark {}"),
    ("figures.yaml", "label: Fläche des Stadtparks (Beispiel)", "label: Fläche {}"),
    ("series/parkflaeche.yaml", "title: Die Parkfläche blieb fast gleich", "title: Fläche {}"),
    ("series/parkflaeche.yaml",
     "subtitle: Fläche in Quadratmetern, jeweils am 1. Januar (Beispiel)", "subtitle: {}"),
]  # fmt: skip
PAYLOADS = {"summary": RICH, "archive": BREAKING_URL}


def copy_hostile_site(target: Path) -> Path:
    """A copy of the mini site whose data holds every payload above."""
    project = copy_mini_site(target)
    for file_name, old, new in EDITS:
        path = project / "data" / file_name
        text = path.read_text("utf-8")
        assert old in text, f"test setup: {old!r} not in {file_name}"
        key, value = new.format(PAYLOADS.get(new.split(":")[0], PLAIN)).split(": ", 1)
        text = text.replace(old, f"{key}: {json.dumps(value, ensure_ascii=False)}", 1)
        path.write_text(text, "utf-8")
        if file_name == "site.yaml":  # mkdocs.yml must name the site as site.yaml does
            _rename_site(project / "mkdocs.yml", old.split(": ", 1)[1], value)
    return project


def _rename_site(config: Path, old_name: str, new_name: str) -> None:
    text = config.read_text("utf-8")
    assert f"site_name: {old_name}" in text, "test setup: mkdocs.yml names the site otherwise"
    quoted = json.dumps(new_name, ensure_ascii=False)
    config.write_text(text.replace(f"site_name: {old_name}", f"site_name: {quoted}", 1), "utf-8")
