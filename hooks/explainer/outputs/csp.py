"""The security policy each page states in its <head>: what it may load and run (Content Security
Policy) and what a link out tells the other site (referrer policy).

GitHub Pages sends no headers we choose, so both travel as <meta> tags, written into the built
HTML by hooks/mkdocs_publish.py. A <meta> policy cannot say frame-ancestors, sandbox or report-uri
(browsers ignore them there), so being framed by another site cannot be forbidden on GitHub Pages.

Which inline scripts may run: only those of the theme's chrome, the page as the theme wrote it
around the page content (Material's few, in <head> and at the end of <body>). Their hashes are
taken from the page with its content cut out, so a <script> in the content (from data or from a
page's Markdown) gets no hash and is blocked, whatever it says. The chrome holds data only where
the theme prints it escaped (titles, descriptions, the structured data's JSON), so no script in it
comes from data. When Material changes one of its scripts, the hash follows without an edit here.
"""

from __future__ import annotations

import base64
import hashlib
import re


def source_hash(text: str) -> str:
    """CSP source expression that allows exactly this inline script or style text."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


# plotly.js adds one empty <style> element and fills it through CSSOM (insertRule), which CSP does
# not govern; this hash allows that element and no <style> with content.
EMPTY_STYLE = source_hash("")

# Directive -> allowed sources; whatever is not listed falls back to default-src. The inline
# scripts' hashes are added to script-src page by page. A change here is a change to what the
# Datenschutz page promises (README, "Deploy").
POLICY: dict[str, tuple[str, ...]] = {
    "default-src": ("'self'",),
    "script-src": ("'self'",),
    # Material's site search runs in a web worker loaded from this site.
    "worker-src": ("'self'",),
    # For browsers from before 2022, which know neither of the two directives below.
    "style-src": ("'self'",),
    "style-src-elem": ("'self'", EMPTY_STYLE),
    # 'unsafe-inline' for style attributes only. Our templates write values from the data as
    # style attributes (verdict colour, share of claims, a chart's reserved height). Hashes
    # ('unsafe-hashes') would not do: Material's instant navigation inserts the next page's content
    # into the open document, whose first page's policy still applies (tried in Chromium). A style
    # attribute runs no script, and it cannot load from another host (img-src, font-src). To get
    # to 'none', these values would have to move into a stylesheet generated from the data.
    "style-src-attr": ("'unsafe-inline'",),
    # data: for the icons in Material's CSS; blob: for plotly.js's "download as PNG", which draws
    # an image the page itself made.
    "img-src": ("'self'", "data:", "blob:"),
    "object-src": ("'none'",),
    "base-uri": ("'self'",),
    "form-action": ("'self'",),
}

# Stricter than the browsers' default (strict-origin-when-cross-origin): a source a reader opens
# learns neither the page nor the site they came from. Nothing on this site needs a referrer.
REFERRER_POLICY = "no-referrer"

# The start of <head> and, if it comes first, the charset declaration (which must stay within
# the first 1024 bytes): the policy goes right after, before any script or style sheet.
_HEAD_START = re.compile(r"<head\b[^>]*>(\s*<meta\s+charset=[^>]*>)?", re.IGNORECASE)


def theme_script_hashes(page: str, content: str) -> list[str]:
    """Hashes of the inline scripts the theme wrote around `content`, the page's content as
    MkDocs rendered it (empty for a page made from a template alone, e.g. 404.html)."""
    if content and content not in page:
        raise ValueError("the page content is not in the page: its scripts cannot be told apart")
    return inline_script_hashes(page.replace(content, "", 1) if content else page)


def inline_script_hashes(html: str) -> list[str]:
    """Hashes of the inline scripts the browser would run, in page order, each once."""
    page = _COMMENT.sub("", html)
    sources = [
        # The browser hashes the text after its parser turned every line break into \n.
        text.replace("\r\n", "\n").replace("\r", "\n")
        for attributes, text in _SCRIPT.findall(page)
        if _runs(attributes)
    ]
    return list(dict.fromkeys(source_hash(text) for text in sources))


def content_security_policy(script_hashes: list[str]) -> str:
    """POLICY as the text of a Content-Security-Policy, with these hashes in script-src."""
    sources = {**POLICY, "script-src": (*POLICY["script-src"], *script_hashes)}
    return "; ".join(f"{directive} {' '.join(allowed)}" for directive, allowed in sources.items())


def add_policy_meta(html: str, script_hashes: list[str] | None) -> str:
    """The page with its referrer policy and its Content Security Policy, allowing the inline
    scripts of `script_hashes` (None: no Content Security Policy), as the first tags of <head>,
    after the charset."""
    head = _HEAD_START.search(html)
    if head is None:
        raise ValueError("the page has no <head> to state its security policy in")
    tags = [f'<meta name="referrer" content="{REFERRER_POLICY}">']
    if script_hashes is not None:
        policy = content_security_policy(script_hashes)
        tags.insert(0, f'<meta http-equiv="Content-Security-Policy" content="{policy}">')
    return html[: head.end()] + "".join("\n" + tag for tag in tags) + html[head.end() :]


# A script element and its text, which ends at the first "</script" (HTML's rule for script
# text); comments first removed, as the browser would not run a script inside one. Read with
# regular expressions, not an HTML parser: every page goes through this, and a parser costs a
# large site seconds. A script this misses would be blocked in the browser, where the CSP tests
# would see it.
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")


def _runs(attributes: str) -> bool:
    """Whether a script with these attributes runs from its own text: no src, not data."""
    values = {
        match.group(1).lower(): match.group(2) or match.group(3) or match.group(4) or ""
        for match in _ATTRIBUTE.finditer(attributes)
    }
    return "src" not in values and not _is_data_block(values.get("type"))


def _is_data_block(script_type: str | None) -> bool:
    """JSON in a <script> (JSON-LD, Material's configuration) is data: browsers never run it and
    CSP never checks it. Its hash would allow nothing, so the policy leaves it out."""
    return (script_type or "").split(";")[0].strip().lower().endswith("json")
