"""Temporal expressions: finding, typing and normalising them (TIMEX3 values).

`find_dates` tags any text; `tag_article` tags an article's cleaned view (headline included,
furniture blanked) with evidence into the text as read; `infer_reference_date` finds the date
relative expressions are resolved against.
"""

from __future__ import annotations

from summarize.extract.dates.reference import infer_reference_date
from summarize.extract.dates.tagger import tag
from summarize.models import Article, DateMention

__all__ = ["find_dates", "infer_reference_date", "tag_article"]


def find_dates(text: str, reference_date: str | None = None) -> list[DateMention]:
    """Every temporal expression in text, in document order.

    reference_date: ISO 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' that relative expressions ('Friday',
    'last year') are resolved against; without one, the last full date mentioned before an
    expression serves.
    """
    return tag(text, text, reference_date)


def tag_article(article: Article, reference_date: str | None) -> list[DateMention]:
    """Every temporal expression of an article (furniture excluded), evidence into `article.text`."""
    return tag(article.view, article.text, reference_date)
