"""Pages generated from the data: one Markdown source per claim."""

from __future__ import annotations

from markupsafe import escape

from .models import Claim
from .sitedata import SiteData

CLAIM_PAGE_TEMPLATE = "explainer/claim_page.md"


def claim_page_path(data: SiteData, claim: Claim) -> str:
    """Path below docs/ of the claim's generated page."""
    return f"{data.site.paths.claims}/{claim.id}.md"


def claim_page_sources(data: SiteData) -> dict[str, str]:
    """Path below docs/ -> Markdown source, for every claim."""
    return {claim_page_path(data, claim): _claim_page_source(claim.id) for claim in data.claims}


def claim_page_titles(data: SiteData) -> dict[str, str]:
    """Path below docs/ -> page title, HTML-escaped: themes print titles without escaping."""
    return {claim_page_path(data, claim): str(escape(f"„{claim.quote}“")) for claim in data.claims}


def _claim_page_source(claim_id: str) -> str:
    return (
        f'{{% set claim = data.claim_by_id["{claim_id}"] %}}'
        f'{{% include "{CLAIM_PAGE_TEMPLATE}" %}}\n'
    )
