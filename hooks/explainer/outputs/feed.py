"""The site's Atom feed (RFC 4287): one entry per checked claim and one per correction, dated from
the data, so that a feed reader learns of new checks and of every change to a published one.

Built with ElementTree, which escapes every text and attribute. Dates are days, written as
RFC 3339 timestamps at midnight UTC.
"""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from gettext import NullTranslations

from ..data.idrules import CORRECTIONS_ANCHOR
from ..data.sitedata import SiteData
from .opendata import license_text

FEED_PATH = "feed.xml"  # below the site root; linked from every page's <head>
ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class Entry:
    """One feed entry, as plain text."""

    id: str
    title: str
    link: str
    published: datetime.date
    updated: datetime.date
    summary: str


def feed_title(site_title: str, words: NullTranslations) -> str:
    return words.gettext("%(site)s: checks and corrections") % {"site": site_title}


def entries(
    data: SiteData,
    claim_url: Callable[[str], str],
    plain_text: Callable[[str], str],
    words: NullTranslations,
) -> list[Entry]:
    """Every claim and every correction, latest change first. A correction's id is its claim's
    address with its place in the claim's list, which stays as long as corrections are added at
    the end."""
    found = []
    for claim in data.claims:
        url = claim_url(claim.id)
        verdict = data.verdict_of(claim).label
        summary = words.gettext("Verdict: %(verdict)s. %(summary)s") % {
            "verdict": verdict,
            "summary": plain_text(claim.summary),
        }
        found.append(
            Entry(url, f"„{claim.quote}“", url, claim.checked, claim.last_changed, summary)
        )
        anchor = f"{url}#{CORRECTIONS_ANCHOR.format(claim.id)}"
        for number, item in enumerate(claim.corrections, start=1):
            title = words.gettext("Correction: „%(quote)s“") % {"quote": claim.quote}
            text = plain_text(item.text)
            found.append(
                Entry(f"{url}#korrektur-{number}", title, anchor, item.date, item.date, text)
            )
    return sorted(found, key=lambda entry: (entry.updated, entry.id), reverse=True)


def atom_feed(
    data: SiteData,
    site_url: str,
    feed_entries: list[Entry],
    words: NullTranslations,
    language: str = "de",
) -> bytes:
    """The feed document in `language`: title, author and licence from the data, entries as
    given."""
    feed = ET.Element("feed", {"xmlns": ATOM, XML_LANG: language})
    _text(feed, "id", site_url)
    _text(feed, "title", feed_title(data.site.title, words))
    _text(feed, "updated", _timestamp(max(entry.updated for entry in feed_entries)))
    ET.SubElement(feed, "link", rel="self", type="application/atom+xml",
                  href=site_url.rstrip("/") + "/" + FEED_PATH)  # fmt: skip
    ET.SubElement(feed, "link", rel="alternate", type="text/html", href=site_url)
    author = ET.SubElement(feed, "author")
    _text(author, "name", data.operator.name if data.operator else data.site.title)
    _text(author, "uri", (data.operator and data.operator.url) or site_url)
    if data.site.license:
        rights = words.gettext("Texts and data: %(license)s")
        _text(feed, "rights", rights % {"license": license_text(data.site.license)})
    for entry in feed_entries:
        _entry(feed, entry)
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _entry(feed: ET.Element, entry: Entry) -> None:
    element = ET.SubElement(feed, "entry")
    _text(element, "id", entry.id)
    _text(element, "title", entry.title)
    ET.SubElement(element, "link", rel="alternate", type="text/html", href=entry.link)
    _text(element, "published", _timestamp(entry.published))
    _text(element, "updated", _timestamp(entry.updated))
    _text(element, "summary", entry.summary)


def _text(parent: ET.Element, tag: str, text: str) -> None:
    ET.SubElement(parent, tag).text = text


def _timestamp(day: datetime.date) -> str:
    """RFC 3339, as Atom requires: the day at midnight UTC."""
    return f"{day.isoformat()}T00:00:00Z"
