"""Small clause utilities shared by the signatory and issue rules: sentences and list items as spans."""

from __future__ import annotations

import re
from bisect import bisect_right

from summarize.models import Article
from summarize.sentences import split_sentences

__all__ = ["Triggers", "by_sentence", "list_items", "lowered", "previous_sentences", "sentence_spans", "trim"]


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
    cut = start
    if not _BRACKET.search(view, start, end):
        # Without brackets every separator counts, and the regex engine finds them in one pass.
        for m in separator.finditer(view, start, end):
            if m.end() > m.start():
                items.append((cut, m.start()))
                cut = m.end()
        return _trimmed(view, [*items, (cut, end)])
    depth = 0
    pos = start
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
    return _trimmed(view, items)


_BRACKET = re.compile(r"[(\[]")


def _trimmed(view: str, items: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for a, b in items:
        a, b = trim(view, a, b)
        if b > a:
            out.append((a, b))
    return out


# --- trigger words --------------------------------------------------------------------------


def lowered(view: str) -> str:
    """``view`` in lower case with the same length, so offsets found in one hold in the other."""
    low = view.lower()
    if len(low) == len(view):
        return low
    # A few characters grow when lower-cased ("İ"); those keep their case.
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in view)


def _trie(words: list[str]) -> str:
    """A regex alternation of ``words`` shaped as a prefix tree: one branch per first letter."""
    heads: dict[str, list[str]] = {}
    ends = False
    for w in words:
        if w:
            heads.setdefault(w[0], []).append(w[1:])
        else:
            ends = True
    if not heads:
        return ""
    branches = [re.escape(c) + _trie(rest) for c, rest in sorted(heads.items())]
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body


class Triggers:
    """Where any of a fixed set of lower-case words occurs in a text, found in one regex pass.

    The rules behind a trigger are costly; finding their trigger words first (over the
    lower-cased text, with a prefix-tree alternation the regex engine walks quickly) lets the
    callers run them only in the few sentences, and at the few places, where they can apply.
    With ``whole_words`` a hit must be a whole word; otherwise any occurrence counts ("includ"
    in "included").
    """

    def __init__(self, words: list[str] | set[str] | frozenset[str], *, whole_words: bool = True) -> None:
        body = _trie(sorted({w.lower() for w in words if w}))
        if not body:
            self.pattern = re.compile(r"(?!)")
        elif whole_words:
            body = body.replace(r"\ ", r"\s+")
            self.pattern = re.compile(rf"(?<![a-z])(?:{body})(?![a-z])")
        else:
            self.pattern = re.compile(body.replace(r"\ ", r"\s+"))

    def hits(self, low: str, start: int = 0, end: int | None = None) -> list[tuple[int, str]]:
        """(offset, word) of every trigger in low[start:end], in order."""
        stop = len(low) if end is None else end
        return [(m.start(), m.group()) for m in self.pattern.finditer(low, start, stop)]


def by_sentence(spans: list[tuple[int, int]], hits: list[tuple[int, str]]) -> dict[int, list[tuple[int, str]]]:
    """The hits grouped by the index of the sentence span holding them; hits outside every span are dropped."""
    starts = [s for s, _ in spans]
    out: dict[int, list[tuple[int, str]]] = {}
    for pos, word in hits:
        i = bisect_right(starts, pos) - 1
        if i >= 0 and pos < spans[i][1]:
            out.setdefault(i, []).append((pos, word))
    return out
