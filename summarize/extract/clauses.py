"""Small clause utilities shared by the signatory and issue rules: sentences and list items as spans."""

from __future__ import annotations

import re

from summarize.models import Article
from summarize.sentences import split_sentences

__all__ = ["list_items", "previous_sentences", "sentence_spans", "trim"]


def sentence_spans(article: Article) -> list[tuple[int, int]]:
    """The body sentences as (start, end); split here when the article carries none."""
    if article.sentences:
        return [(s.start, s.end) for s in article.sentences]
    lo, hi = article.body.start, article.body.end
    return [(lo + a, lo + b) for a, b in split_sentences(article.view[lo:hi])]


def previous_sentences(spans: list[tuple[int, int]], i: int, n: int) -> list[tuple[int, int]]:
    """Up to ``n`` sentences before sentence ``i``, nearest last."""
    return spans[max(0, i - n) : i]


def trim(view: str, a: int, b: int) -> tuple[int, int]:
    """Shrink [a, b) past surrounding whitespace and stray punctuation."""
    while a < b and (view[a].isspace() or view[a] in ",;:'\"‘“"):
        a += 1
    while b > a and (view[b - 1].isspace() or view[b - 1] in ",;:'\"’”."):
        b -= 1
    return a, b


# A comma between digits ("30,000") separates nothing.
_SEPARATOR = re.compile(
    r"\s*(?:,\s*(?:and|or|as\s+well\s+as|plus)\s+|(?<!\d),|,(?!\d)|;|\s(?:and|as\s+well\s+as|plus|&)\s)\s*"
)


def list_items(view: str, start: int, end: int, separator: re.Pattern[str] = _SEPARATOR) -> list[tuple[int, int]]:
    """Items of a list "A, B and C" in view[start:end], as trimmed spans; brackets are kept whole."""
    items: list[tuple[int, int]] = []
    depth = 0
    pos = start
    cut = start
    while pos < end:
        ch = view[pos]
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        elif depth == 0:
            m = separator.match(view, pos, end)
            if m and m.end() > pos:
                items.append((cut, pos))
                cut = pos = m.end()
                continue
        pos += 1
    items.append((cut, end))
    out = []
    for a, b in items:
        a, b = trim(view, a, b)
        if b > a:
            out.append((a, b))
    return out
