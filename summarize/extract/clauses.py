"""Small clause utilities shared by the signatory and issue rules: sentences and list items as spans."""

from __future__ import annotations

import re

from summarize.models import Article
from summarize.sentences import split_sentences

__all__ = [
    "Triggers",
    "compile_lower",
    "list_items",
    "lowered",
    "previous_sentences",
    "sentence_spans",
    "trie_alternation",
    "trim",
]


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
    while a < b and (view[a].isspace() or view[a] in ",;:'\"‘“…"):
        a += 1
    while b > a and (view[b - 1].isspace() or view[b - 1] in ",;:'\"’”.…"):
        b -= 1
    return a, b


# A comma between digits ("30,000") separates nothing.
# Items are trimmed, so no leading \s* is needed (it would make the search slow on runs of spaces).
_SEPARATOR = re.compile(
    r"(?:,\s*(?:and|or|as\s+well\s+as|plus)\s+|(?<!\d),|,(?!\d)|;|\s(?:and|as\s+well\s+as|plus|&)\s)\s*"
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


# Bytes other than ASCII lower-case letters become spaces: the words of a lower-cased text are
# then found by bytes.split, which is far cheaper than a regex over the text.
_LETTERS_ONLY = bytes(c if 97 <= c <= 122 else 32 for c in range(256))


def _is_letter(ch: str) -> bool:
    return "a" <= ch <= "z"


class Triggers:
    """Where any of a fixed set of lower-case trigger words occurs in a text, sentence by sentence.

    The rules behind a trigger are costly; finding their trigger words first lets the callers
    run them only in the few sentences, and at the few places, where they can apply. With
    ``whole_words`` (single words only) a hit must be a whole word, bounded by characters
    other than a-z; otherwise any occurrence counts ("includ" in "included").

    Plain string operations do the work, far cheaper than a regex over the text: for whole
    words, a sentence's words are a set intersection away (bytes.translate and bytes.split);
    otherwise one substring test per word says whether it occurs. Only the words present are
    then looked for, and only inside their sentence.
    """

    def __init__(
        self, words: list[str] | set[str] | frozenset[str] | tuple[str, ...], *, whole_words: bool = True
    ) -> None:
        self.words = tuple(sorted({w.lower() for w in words if w}))
        self.whole_words = whole_words
        if whole_words:
            bad = [w for w in self.words if not w.isascii() or not w.isalpha()]
            if bad:
                raise ValueError(f"whole-word triggers must be single a-z words: {bad[:3]}")
        self._encoded = frozenset(w.encode() for w in self.words)

    def present(self, low: str) -> list[str]:
        """The trigger words that occur in the lower-cased text ``low``."""
        if self.whole_words:
            return sorted(w.decode() for w in self._encoded.intersection(_ascii_words(low)))
        return [w for w in self.words if w in low]

    def by_sentence(self, low: str, spans: list[tuple[int, int]]) -> dict[int, list[tuple[int, str]]]:
        """(offset, word) of the triggers in each span of ``low``, in order, keyed by the span's index.

        ``low`` is a lower-cased text (see ``lowered``); spans without a trigger are left out.
        """
        out: dict[int, list[tuple[int, str]]] = {}
        if self.whole_words:
            encoded = self._encoded
            for i, (s, e) in enumerate(spans):
                words = encoded.intersection(_ascii_words(low[s:e]))
                if words:
                    hits = self._find(low, s, e, [w.decode() for w in words])
                    if hits:
                        out[i] = hits
            return out
        present = self.present(low)
        if present:
            for i, (s, e) in enumerate(spans):
                sentence = low[s:e]
                words = [w for w in present if w in sentence]
                if words:
                    out[i] = self._find(low, s, e, words)
        return out

    def _find(self, low: str, s: int, e: int, words: list[str]) -> list[tuple[int, str]]:
        out = []
        whole = self.whole_words
        size = len(low)
        for word in words:
            n = len(word)
            i = low.find(word, s, e)
            while i >= 0:
                j = i + n
                if not whole or ((i == 0 or not _is_letter(low[i - 1])) and (j >= size or not _is_letter(low[j]))):
                    out.append((i, word))
                i = low.find(word, j if whole else i + 1, e)
        out.sort()
        return out


def _ascii_words(text: str) -> list[bytes]:
    """The runs of a-z in ``text``, as bytes (anything else separates words)."""
    return text.encode("utf-8", "replace").translate(_LETTERS_ONLY).split()


def compile_lower(source: str) -> re.Pattern[str]:
    """Compile a pattern meant for ``lowered`` text: case-blind in effect, without ``re.I``.

    Matching lower-cased text with a lower-case pattern finds what ``re.I`` would on the
    original, at a third of the cost. A capital letter outside an escape could then never
    match, so it is refused here rather than silently dropping matches.
    """
    k = 0
    while k < len(source):
        ch = source[k]
        if ch == "\\":
            k += 2
            continue
        if ch.isupper() and not (ch == "P" and source[k - 2 : k] == "(?"):
            context = source[max(0, k - 20) : k + 20]
            raise ValueError(f"capital {ch!r} at {k} in a pattern for lower-cased text: {context!r}")
        k += 1
    return re.compile(source)


def trie_alternation(words: list[str] | set[str] | frozenset[str]) -> str:
    """A regex alternation of ``words`` shaped as a prefix tree ("wh(?:ere|ile)"): the regex
    engine tries one branch per letter instead of every word in turn. Spaces match any run of
    white space."""
    heads: dict[str, list[str]] = {}
    ends = False
    for w in words:
        if w:
            heads.setdefault(w[0], []).append(w[1:])
        else:
            ends = True
    if not heads:
        return ""
    branches = [(r"\s+" if c == " " else re.escape(c)) + trie_alternation(rest) for c, rest in sorted(heads.items())]
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body
