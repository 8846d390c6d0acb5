"""Each page's security policy: a Content Security Policy that allows the theme's inline scripts
around the page content, never one in it, and a referrer policy, first in <head>. Chromium's view
of it: browser/test_csp_browser.py."""

from __future__ import annotations

import re

import pytest
from conftest import BuiltSite
from explainer.outputs import csp
from htmlmeta import read_head

PAGE = """<!doctype html>
<html><head>
  <meta charset="utf-8">
  <title>Seite</title>
  <script>var scope = 1;</script>
  <script src="bundle.js"></script>
  <script type="application/ld+json">{"@type": "WebSite"}</script>
  <script id="__config" type="application/json">{"base": "."}</script>
</head>
<body><script type="module">import "./app.js";</script><script>var scope = 1;</script></body>
</html>"""
NEVER_FOR_SCRIPTS = {"'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "http:", "https:",
                     "data:", "blob:"}  # fmt: skip


def directives(policy: str) -> dict[str, list[str]]:
    """A Content-Security-Policy's text as directive -> sources."""
    parts = [part.split() for part in policy.split(";") if part.strip()]
    return {name: sources for name, *sources in parts}


# ---------------------------------------------------------------------------------------------
# The engine
# ---------------------------------------------------------------------------------------------


def test_the_hash_of_an_empty_text_is_the_one_chromium_names() -> None:
    # Chromium's console suggests this hash when it blocks an empty <style> element.
    assert csp.source_hash("") == "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"


def test_inline_scripts_that_run_are_hashed_once_each_in_page_order() -> None:
    assert csp.inline_script_hashes(PAGE) == [
        csp.source_hash("var scope = 1;"),
        csp.source_hash('import "./app.js";'),
    ]


def test_line_breaks_are_hashed_as_the_browser_reads_them() -> None:
    page = "<head><script>first;\r\nsecond;\rthird;</script></head>"
    assert csp.inline_script_hashes(page) == [csp.source_hash("first;\nsecond;\nthird;")]


def test_a_script_in_the_page_content_gets_no_hash() -> None:
    content = "<p>Text</p><script>window.__pwned = 1;</script><p>mehr</p>"
    page = PAGE.replace("<body>", f"<body><article>{content}</article>")

    hashes = csp.theme_script_hashes(page, content)

    assert csp.source_hash("window.__pwned = 1;") in csp.inline_script_hashes(page)
    assert hashes == csp.inline_script_hashes(PAGE)
    assert csp.source_hash("window.__pwned = 1;") not in hashes


def test_a_script_in_the_content_equal_to_the_themes_is_the_themes_own() -> None:
    content = "<script>var scope = 1;</script>"
    page = PAGE.replace("<body>", f"<body>{content}")
    assert csp.theme_script_hashes(page, content) == csp.inline_script_hashes(PAGE)


def test_content_that_is_not_in_the_page_is_an_error() -> None:
    with pytest.raises(ValueError, match=r"^the page content is not in the page"):
        csp.theme_script_hashes(PAGE, "<p>anderswo</p>")


def test_a_page_made_from_a_template_alone_is_all_the_themes() -> None:
    assert csp.theme_script_hashes(PAGE, "") == csp.inline_script_hashes(PAGE)


def test_the_policy_goes_right_after_the_charset_before_any_script_or_style_sheet() -> None:
    page = csp.add_policy_meta(PAGE, csp.inline_script_hashes(PAGE))
    tags = ["<meta charset", 'http-equiv="Content-Security-Policy"', 'name="referrer"', "<title>",
            "<script"]  # fmt: skip
    positions = [page.index(tag) for tag in tags]
    assert positions == sorted(positions)
    policy = directives(read_head(page).meta["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'", *csp.inline_script_hashes(PAGE)]


def test_a_page_without_a_charset_gets_the_policy_first_in_head() -> None:
    page = csp.add_policy_meta("<html><head><title>Seite</title></head></html>", [])
    assert page.startswith('<html><head>\n<meta http-equiv="Content-Security-Policy"')


def test_without_the_content_security_policy_only_the_referrer_policy_is_stated() -> None:
    page = csp.add_policy_meta(PAGE, None)
    assert read_head(page).meta["referrer"] == "no-referrer"
    assert "Content-Security-Policy" not in page


def test_a_page_without_head_is_an_error() -> None:
    with pytest.raises(ValueError, match=r"the page has no <head> to state its security policy in"):
        csp.add_policy_meta("<p>Kein Kopf</p>", [])


def test_scripts_run_only_from_the_site_or_by_hash_never_inline_or_evaluated() -> None:
    policy = directives(csp.content_security_policy([csp.source_hash("var scope = 1;")]))
    for name in ("default-src", "script-src", "worker-src"):
        assert not NEVER_FOR_SCRIPTS & set(policy[name]), name
    assert policy["script-src"] == ["'self'", csp.source_hash("var scope = 1;")]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == policy["form-action"] == policy["default-src"] == ["'self'"]


def test_only_style_attributes_may_be_inline() -> None:
    policy = directives(csp.content_security_policy([]))
    inline = [name for name, sources in policy.items() if "'unsafe-inline'" in sources]
    assert inline == ["style-src-attr"]
    assert policy["style-src-elem"] == ["'self'", csp.source_hash("")]


# ---------------------------------------------------------------------------------------------
# The built site
# ---------------------------------------------------------------------------------------------


def test_every_built_page_states_both_policies_before_anything_it_loads(site: BuiltSite) -> None:
    pages = sorted(site.site_dir.rglob("*.html"))
    assert len(pages) > 20 and site.site_dir / "404.html" in pages
    for path in pages:
        page, where = path.read_text("utf-8"), path.relative_to(site.site_dir)
        head = read_head(page)
        assert head.meta.get("referrer") == csp.REFERRER_POLICY, where
        policy = directives(head.meta["Content-Security-Policy"])
        first_load = min(page.index(tag) for tag in ("<script", "<link") if tag in page)
        assert page.index('http-equiv="Content-Security-Policy"') < first_load, where
        assert not NEVER_FOR_SCRIPTS & set(policy["script-src"]), where
        # Material's inline scripts have no attributes; each must be allowed by its hash.
        inline = re.findall(r"<script>(.*?)</script>", page, re.DOTALL)
        assert inline, where
        assert {csp.source_hash(text) for text in inline} <= set(policy["script-src"]), where
