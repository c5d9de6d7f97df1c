"""Signatory extraction (provisional minimal version)."""

from __future__ import annotations

from summarize.models import Article, Signatory


def extract_signatories(article: Article) -> list[Signatory]:
    """Signers of letters, petitions and joint statements."""
    return []
