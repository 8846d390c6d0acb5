"""The reader audit finds what it looks for: a page made with known faults, audited as the pages of
the site are (test_every_page.py): light, then dark after the reader's system switched."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from localweb import serve_folder
from playwright.sync_api import Browser

from .audit import AXE_COLOUR_OPTIONS, View, audit_in_new_context

# Grey on white is readable, grey on near-black is not: a fault of the dark scheme alone. The
# image has no text alternative and the page asks another host (a closed port) for a picture.
FAULTY_PAGE = """<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Prüfseite</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  p { color: #555; background: #fff; }
  @media (prefers-color-scheme: dark) { p { background: #111; } }
</style></head>
<body><main><h1>Prüfseite</h1><p>Ein Absatz.</p>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="1" height="1">
<img src="http://127.0.0.2:9/pixel.gif" alt="" width="1" height="1">
</main></body></html>
"""
PHONE = View("phone", {"width": 360, "height": 740})
PHONE_DARK = View("phone, dark", PHONE.viewport, "dark", AXE_COLOUR_OPTIONS)


@pytest.fixture(scope="module")
def faulty_page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder: Path = tmp_path_factory.mktemp("faulty")
    (folder / "index.html").write_text(FAULTY_PAGE, "utf-8")
    server, url = serve_folder(folder)
    yield url
    server.shutdown()
    server.server_close()


def test_the_light_audit_finds_a_missing_text_alternative_and_a_foreign_request(
    browser: Browser, faulty_page: str
) -> None:
    problems = audit_in_new_context(browser, faulty_page, (PHONE,))
    assert any("phone: axe image-alt" in problem for problem in problems), problems
    assert any("request to another host: http://127.0.0.2:9/" in p for p in problems), problems
    assert not any("color-contrast" in problem for problem in problems), problems


def test_the_dark_audit_finds_text_readable_only_in_the_light_scheme(
    browser: Browser, faulty_page: str
) -> None:
    problems = audit_in_new_context(browser, faulty_page, (PHONE, PHONE_DARK))
    assert any("phone, dark: axe color-contrast" in problem for problem in problems), problems
    assert not any("phone: axe color-contrast" in problem for problem in problems), problems
