"""Structured data (schema.org JSON-LD) for search engines, built from the site data.

Pure functions returning plain dicts; `jsonhtml.html_safe_json` serialises one for a <script>.
What Google reads: ClaimReview needs claimReviewed, reviewRating (alternateName) and url;
author, itemReviewed and the numeric rating are recommended. FAQPage needs mainEntity with
Question.name and acceptedAnswer.text. Dataset needs name and description; license, creator and
distribution (each DataDownload with contentUrl and encodingFormat) are recommended.

Opinions (a verdict with `rated: false`) are labelled, not rated: their ClaimReview carries the
label as reviewRating.alternateName but no ratingValue, bestRating or worstRating, so no search
engine shows an opinion as "3 of 6".
"""

from __future__ import annotations

import datetime
from typing import Any

from ..data.models import Article, Claim, Operator, Verdict

CONTEXT = "https://schema.org"
LANGUAGE = "de"
ORGANIZATION_ANCHOR = "#betreiber"
WEBSITE_ANCHOR = "#website"

JsonObject = dict[str, Any]


def organization(operator: Operator | None, site_name: str, site_url: str) -> JsonObject:
    """Who runs the site: author and publisher of every review. Falls back to the site itself."""
    result: JsonObject = {"@type": "Organization", "@id": site_url + ORGANIZATION_ANCHOR}
    if operator is None:
        return {**result, "name": site_name, "url": site_url}
    result.update(name=operator.name, url=operator.url or site_url, email=operator.email)
    result["address"] = {
        "@type": "PostalAddress",
        "streetAddress": operator.address.street,
        "postalCode": operator.address.postal_code,
        "addressLocality": operator.address.city,
        "addressCountry": operator.address.country,
    }
    return result


def named_reference(node: JsonObject) -> JsonObject:
    """`node` (the operator) as the other pages name it: type, @id, name and web address. It is
    described in full (postal address, e-mail) once, on the start page (website()), so that each
    page's head stays short: a phone's first view of a long claim page needs every kilobyte
    (explainer/outputs/templatespace.py)."""
    return {key: node[key] for key in ("@type", "@id", "name", "url")}


def rating_values(verdicts: list[Verdict]) -> dict[str, int]:
    """Verdict id -> number, for rated verdicts: the first of the scale is best (highest)."""
    rated = [verdict for verdict in verdicts if verdict.rated]
    return {verdict.id: len(rated) - position for position, verdict in enumerate(rated)}


def review_rating(verdict: Verdict, values: dict[str, int], explanation: str) -> JsonObject:
    """The verdict as a schema.org Rating; numeric only for rated verdicts."""
    rating: JsonObject = {"@type": "Rating", "alternateName": verdict.label}
    if verdict.rated:
        rating.update(
            ratingValue=values[verdict.id], bestRating=max(values.values()), worstRating=1
        )
    rating["ratingExplanation"] = explanation
    return rating


def claim_review(
    claim: Claim,
    verdict: Verdict,
    values: dict[str, int],
    *,
    url: str,
    summary: str,
    article: Article,
    author: JsonObject,
    image: str,
) -> JsonObject:
    """ClaimReview of one claim page; `summary` is the claim's summary as plain text, `author`
    the operator as named_reference() names it, also its publisher. Its dates are the claim's
    own: checked, and last updated or corrected."""
    return {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "url": url,
        "name": f"„{claim.quote}“ – {verdict.label}",
        "claimReviewed": claim.quote,
        "reviewRating": review_rating(verdict, values, summary),
        "itemReviewed": {"@type": "Claim", "appearance": _article_work(article)},
        "author": author,
        "publisher": {"@id": author["@id"]},
        "datePublished": claim.checked.isoformat(),
        "dateModified": claim.last_changed.isoformat(),
        "inLanguage": LANGUAGE,
        "image": image,
    }


def faq_page(entries: list[tuple[str, str]], *, url: str, name: str) -> JsonObject:
    """FAQPage from (question, plain-text answer) pairs."""
    return {
        "@context": CONTEXT,
        "@type": "FAQPage",
        "url": url,
        "name": name,
        "inLanguage": LANGUAGE,
        "mainEntity": [
            {
                "@type": "Question",
                "name": question,
                "acceptedAnswer": {"@type": "Answer", "text": answer},
            }
            for question, answer in entries
        ],
    }


def dataset(
    *,
    name: str,
    description: str,
    url: str,
    license_url: str | None,
    creator: JsonObject,
    modified: datetime.date,
    downloads: list[tuple[str, str, str]],
) -> JsonObject:
    """Dataset of the numbers page: the site's data and where to download it, from
    (name, absolute address, media type) of each download."""
    result: JsonObject = {
        "@context": CONTEXT,
        "@type": "Dataset",
        "name": name,
        "description": description,
        "url": url,
        "inLanguage": LANGUAGE,
        "isAccessibleForFree": True,
        "creator": creator,
        "publisher": {"@id": creator["@id"]},
        "dateModified": modified.isoformat(),
        "distribution": [
            {"@type": "DataDownload", "name": title, "contentUrl": address, "encodingFormat": kind}
            for title, address, kind in downloads
        ],
    }
    if license_url:
        result["license"] = license_url
    return result


def website(
    *, site_name: str, site_url: str, description: str, publisher: JsonObject, image: str
) -> JsonObject:
    """WebSite and the Organization behind it, for the start page."""
    site: JsonObject = {
        "@type": "WebSite",
        "@id": site_url + WEBSITE_ANCHOR,
        "url": site_url,
        "name": site_name,
        "description": description,
        "inLanguage": LANGUAGE,
        "image": image,
        "publisher": {"@id": publisher["@id"]},
    }
    return {"@context": CONTEXT, "@graph": [site, publisher]}


def in_edition(
    node: JsonObject,
    language: str,
    *,
    original: str | None = None,
    translations: tuple[tuple[str, str], ...] = (),
) -> JsonObject:
    """`node` (one object or a @graph) as published in the edition in `language`: every
    `inLanguage` says so, and the work (the WebSite in a graph) links its other editions: a
    translation its `original` (address) as translationOfWork, the original each of its
    `translations` ((language, address)) as workTranslation."""
    parts = node.get("@graph", [node])
    for part in parts:
        if "inLanguage" in part:
            part["inLanguage"] = language
    work = parts[0]
    if original:
        work["translationOfWork"] = {"@id": original}
    if translations:
        work["workTranslation"] = [{"@id": url, "inLanguage": lang} for lang, url in translations]
    return node


def translated_review(
    review: JsonObject, quote: str, quote_translation: str, original_language: str
) -> JsonObject:
    """A ClaimReview in a translation: it reviews the claim as translated, and the claim it
    reviews is the original's wording, in the original's language."""
    review["claimReviewed"] = quote_translation
    review["name"] = review["name"].replace(f"„{quote}“", f"“{quote_translation}”", 1)
    review["itemReviewed"] = {
        **review["itemReviewed"],
        "text": quote,
        "inLanguage": original_language,
    }
    return review


def _article_work(article: Article) -> JsonObject:
    work: JsonObject = {
        "@type": "CreativeWork",
        "headline": article.title,
        "publisher": {"@type": "Organization", "name": article.publisher},
    }
    if article.url:
        work["url"] = article.url
    if article.published:
        work["datePublished"] = article.published.isoformat()
    return work
