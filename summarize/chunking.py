"""Token-aware chunking: pack whole sentences into chunks that fit a model's input window.

Tokens are counted with the model's own tokenizer (any `TokenCounter`). A chunk is a run
of whole sentences; only a sentence longer than the window is cut, at token boundaries,
into pieces that each fit. Two invariants hold, and are property-tested: every sentence
lies in some chunk (pieces of a cut sentence cover it), and no chunk's text counts more
tokens than the budget.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from summarize.errors import ConfigError
from summarize.models import Article

_SPACES = re.compile(r"\s+")


@runtime_checkable
class TokenCounter(Protocol):
    """Counts tokens the way a model's tokenizer does (without special tokens)."""

    def count(self, texts: Sequence[str]) -> list[int]:
        """Token counts of several texts."""
        ...

    def token_spans(self, text: str) -> list[tuple[int, int]]:
        """Character span of each token of text, in order."""
        ...


class WordCounter:
    """A whitespace 'tokenizer': one token per run of non-space characters (no model needed)."""

    _WORD = re.compile(r"\S+")

    def count(self, texts: Sequence[str]) -> list[int]:
        return [len(self._WORD.findall(t)) for t in texts]

    def token_spans(self, text: str) -> list[tuple[int, int]]:
        return [m.span() for m in self._WORD.finditer(text)]


@dataclass(frozen=True)
class Chunk:
    """A run of sentences (or a piece of one long sentence) as the model will read it.

    `start`/`end` are character offsets into the source text the sentences came from;
    `first`/`last` are the indices of the first and last sentence it holds (equal for a piece).
    """

    text: str
    start: int
    end: int
    first: int
    last: int
    tokens: int


@dataclass(frozen=True)
class _Unit:
    text: str
    start: int
    end: int
    sentence: int
    tokens: int


def normalise(text: str) -> str:
    """Collapse runs of whitespace (newlines, blanked furniture) to one space."""
    return _SPACES.sub(" ", text).strip()


def chunk_article(article: Article, counter: TokenCounter, budget: int, overlap: int = 0) -> list[Chunk]:
    """Chunks of the article's body sentences, read from the cleaned view."""
    spans = [(s.start, s.end) for s in article.sentences]
    return chunk_spans(article.view, spans, counter, budget, overlap)


def chunk_spans(
    text: str,
    spans: Sequence[tuple[int, int]],
    counter: TokenCounter,
    budget: int,
    overlap: int = 0,
) -> list[Chunk]:
    """Pack the sentences text[start:end] into chunks of at most `budget` tokens each.

    `overlap` sentences at the end of one chunk are repeated at the start of the next,
    as far as the budget allows; each chunk still brings at least one new sentence.
    """
    if budget < 1:
        raise ConfigError(f"chunk budget must be at least one token, got {budget}")
    if overlap < 0:
        raise ConfigError(f"overlap must be zero or more sentences, got {overlap}")
    units = _units(text, spans, counter, budget)
    chunks: list[Chunk] = []
    start = 0
    while start < len(units):
        end = _fill(units, start, budget)
        chunk, end = _verified(units, start, end, counter, budget)
        chunks.append(chunk)
        if end >= len(units):
            break
        start = _next_start(units, start, end, overlap, budget)
    return chunks


def _units(text: str, spans: Sequence[tuple[int, int]], counter: TokenCounter, budget: int) -> list[_Unit]:
    """One unit per sentence, or several pieces for a sentence over the budget."""
    texts = [normalise(text[a:b]) for a, b in spans]
    counts = _costs(counter, texts)
    units: list[_Unit] = []
    for index, ((a, b), sentence, tokens) in enumerate(zip(spans, texts, counts, strict=True)):
        if not sentence:
            continue
        if tokens <= budget:
            units.append(_Unit(sentence, a, b, index, tokens))
        else:
            units.extend(_split(text, a, b, index, counter, budget))
    return units


def _split(text: str, a: int, b: int, index: int, counter: TokenCounter, budget: int) -> list[_Unit]:
    """Cut text[a:b] at token boundaries into contiguous pieces of at most `budget` tokens."""
    raw = text[a:b]
    cuts = [end for _, end in counter.token_spans(raw)]
    pieces: list[_Unit] = []
    lo = 0  # character offset (in raw) where the next piece starts
    pos = 0  # index of the next token not yet placed in a piece
    while lo < len(raw) and raw[lo:].strip():
        size = budget
        while True:
            last = min(pos + size, len(cuts)) - 1
            hi = len(raw) if last >= len(cuts) - 1 else max(cuts[last], lo + 1)
            piece = normalise(raw[lo:hi])
            tokens = _costs(counter, [piece])[0]
            if tokens <= budget or size == 1:
                break
            # Re-tokenising a piece can merge differently at its edges: shrink and retry.
            size = max(1, size - max(1, tokens - budget))
        if tokens > budget:
            raise ConfigError(f"a single token of {raw[lo:hi]!r} does not fit a budget of {budget} tokens")
        pieces.append(_Unit(piece, a + lo, a + hi, index, tokens))
        lo = hi
        pos = last + 1
        while pos < len(cuts) and cuts[pos] <= lo:
            pos += 1
    return pieces


def _costs(counter: TokenCounter, texts: Sequence[str]) -> list[int]:
    """Tokens a text can take inside a chunk: alone at the start, or after a joining space.

    Tokenizers that mark a space on the following token (byte-level BPE, SentencePiece)
    may cut a word differently with and without it; the larger count makes the sum over a
    chunk's sentences an upper bound of the chunk's real count.
    """
    counts = counter.count([*texts, *(" " + t for t in texts)])
    n = len(texts)
    return [max(counts[i], counts[n + i]) for i in range(n)]


def _fill(units: Sequence[_Unit], start: int, budget: int) -> int:
    """Index one past the last unit that fits when packing from `start` (at least one unit)."""
    total = 0
    end = start
    while end < len(units) and total + units[end].tokens <= budget:
        total += units[end].tokens
        end += 1
    return max(end, start + 1)


def _verified(units: Sequence[_Unit], start: int, end: int, counter: TokenCounter, budget: int) -> tuple[Chunk, int]:
    """Build the chunk and count its joined text for real, dropping units from the end if over."""
    while True:
        run = units[start:end]
        joined = " ".join(u.text for u in run)
        tokens = counter.count([joined])[0]
        if tokens <= budget or end - start == 1:
            break
        end -= 1
    chunk = Chunk(
        text=joined,
        start=run[0].start,
        end=run[-1].end,
        first=run[0].sentence,
        last=run[-1].sentence,
        tokens=tokens,
    )
    return chunk, end


def _next_start(units: Sequence[_Unit], start: int, end: int, overlap: int, budget: int) -> int:
    """Where the next chunk starts: `overlap` units back, as long as the next new unit still fits."""
    nxt = max(end - overlap, start + 1)
    while nxt < end and sum(u.tokens for u in units[nxt : end + 1]) > budget:
        nxt += 1
    return nxt
