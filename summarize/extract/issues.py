"""Issues-raised extraction (provisional minimal version)."""

from __future__ import annotations

from summarize.models import Article, Issue


def extract_issues(article: Article) -> list[Issue]:
    """Topics, concerns and demands raised in the article."""
    return []
