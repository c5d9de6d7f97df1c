"""Itinerary extraction (provisional minimal version)."""

from __future__ import annotations

from summarize.models import Article, DateMention, Stop


def extract_itinerary(article: Article, dates: list[DateMention], reference_date: str | None) -> list[Stop]:
    """Stops of trips described in the article."""
    return []
