"""Temporal expressions: finding, typing and normalising them (provisional minimal version)."""

from __future__ import annotations

from summarize.models import Article, DateMention, ReferenceDateSource


def find_dates(text: str, reference_date: str | None = None) -> list[DateMention]:
    """Every temporal expression in text, in document order."""
    return []


def tag_article(article: Article, reference_date: str | None) -> list[DateMention]:
    """Every temporal expression of an article (furniture excluded)."""
    return find_dates(article.view, reference_date)


def infer_reference_date(article: Article) -> tuple[str | None, ReferenceDateSource | None]:
    """The article's reference date and where it came from: metadata, then the text."""
    if article.published:
        return article.published, "metadata"
    return None, None
