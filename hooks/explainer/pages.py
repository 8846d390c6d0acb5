"""Pages generated from the data: one Markdown source per claim."""

from __future__ import annotations

from markupsafe import escape

from .metadata import shorten
from .models import Claim
from .sitedata import SiteData

CLAIM_PAGE_TEMPLATE = "explainer/claim_page.md"
TITLE_LENGTH = 60  # characters of the quote in navigation and browser tab


def claim_page_path(data: SiteData, claim: Claim) -> str:
    """Path below docs/ of the claim's generated page."""
    return f"{data.site.paths.claims}/{claim.id}.md"


def claim_page_sources(data: SiteData) -> dict[str, str]:
    """Path below docs/ -> Markdown source, for every claim."""
    return {claim_page_path(data, claim): _claim_page_source(claim.id) for claim in data.claims}


def claim_page_titles(data: SiteData) -> dict[str, str]:
    """Path below docs/ -> page title for navigation and the browser tab: the quote, shortened
    (the page's heading shows it whole), HTML-escaped because themes print titles unescaped."""
    return {
        claim_page_path(data, claim): str(escape(f"„{shorten(claim.quote, TITLE_LENGTH)}“"))
        for claim in data.claims
    }


def _claim_page_source(claim_id: str) -> str:
    return (
        f'{{% set claim = data.claim_by_id["{claim_id}"] %}}'
        f'{{% include "{CLAIM_PAGE_TEMPLATE}" %}}\n'
    )
