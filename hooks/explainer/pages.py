"""Pages generated from the data: one Markdown source per claim."""

from __future__ import annotations

from .sitedata import SiteData

CLAIM_PAGE_TEMPLATE = "explainer/claim_page.md"


def claim_page_sources(data: SiteData) -> dict[str, str]:
    """Path below docs/ -> Markdown source, for every claim."""
    folder = data.site.paths.claims
    return {f"{folder}/{claim.id}.md": _claim_page_source(claim.id) for claim in data.claims}


def _claim_page_source(claim_id: str) -> str:
    return (
        f'{{% set claim = data.claim_by_id["{claim_id}"] %}}'
        f'{{% include "{CLAIM_PAGE_TEMPLATE}" %}}\n'
    )
