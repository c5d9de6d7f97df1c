"""The no-weights engine: rank the body's sentences, keep the best whole ones in document order.

Ranking is TextRank with a lead bias: sentences are nodes, edges weigh the TF-IDF cosine
similarity of their content words, and the random walk restarts at early sentences more
often than late ones (news puts the gist first). The best-ranked sentences are taken
greedily, skipping near-repeats of sentences already taken, up to the word limit, and
returned in the order they appear in the article.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from summarize.chunking import normalise
from summarize.config import SummarizerOptions
from summarize.models import Article, Summary
from summarize.resources import load_lines
from summarize.summarizers.common import word_count

DEFAULT_MAX_WORDS = 75  # about the length of a news agency's three-sentence summary
MIN_WORDS = 5  # shorter "sentences" are bylines, captions and list stubs
DAMPING = 0.85
REDUNDANCY = 0.5  # cosine above which a sentence repeats one already taken
LEAD_DECAY = 1.0  # restart weight of sentence i is 1 / (i + 1) ** LEAD_DECAY
ITERATIONS = 50

_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_LEADING_PUNCT = re.compile(r"^[\s\-–—:|,.]+")


@dataclass(frozen=True)
class _Sentence:
    index: int
    text: str
    words: int
    vector: dict[str, float]


class ExtractiveSummarizer:
    """Lead-biased TextRank over the cleaned body; no model weights."""

    engine = "extractive"
    model_id: str | None = None
    prompt_name: str | None = None
    prompt_sha256: str | None = None

    def __init__(self, options: SummarizerOptions | None = None) -> None:
        options = options or SummarizerOptions()
        self.max_words = options.max_words or DEFAULT_MAX_WORDS

    def summarize(self, articles: Sequence[Article]) -> list[Summary | Exception]:
        """One summary per article, in order (this engine does not fail on text)."""
        return [self.summarize_one(article) for article in articles]

    def summarize_one(self, article: Article) -> Summary:
        """The summary of one article."""
        texts = body_sentences(article)
        chosen = select(texts, self.max_words)
        return Summary(text=" ".join(texts[i] for i in chosen), engine="extractive", model=None, chunks=0, levels=0)


def body_sentences(article: Article) -> list[str]:
    """The body sentences from the cleaned view, whitespace collapsed, a leading dateline dropped."""
    texts = []
    dateline = article.dateline
    for span in article.sentences:
        start = span.start
        if dateline is not None and dateline.start <= start < dateline.end < span.end:
            start = dateline.end
        text = _LEADING_PUNCT.sub("", normalise(article.view[start : span.end]))
        texts.append(text)
    return texts


def lead(texts: Sequence[str], n: int = 3) -> str:
    """The first n sentences (the Lead-N baseline)."""
    return " ".join(t for t in texts[:n] if t)


def select(texts: Sequence[str], max_words: int) -> list[int]:
    """Indices of the sentences to keep, in document order."""
    sentences = _vectorise(texts)
    candidates = [s for s in sentences if s.words >= MIN_WORDS] or [s for s in sentences if s.words]
    if not candidates:
        return []
    scores = rank(candidates)
    taken: list[_Sentence] = []
    total = 0
    for sentence, _ in sorted(zip(candidates, scores, strict=True), key=lambda p: (-p[1], p[0].index)):
        if total + sentence.words > max_words:
            continue
        if any(_cosine(sentence.vector, t.vector) > REDUNDANCY for t in taken):
            continue
        taken.append(sentence)
        total += sentence.words
    if not taken:  # even the best sentence is over the limit: keep it rather than nothing
        taken = [max(zip(candidates, scores, strict=True), key=lambda p: p[1])[0]]
    return sorted(s.index for s in taken)


def rank(sentences: Sequence[_Sentence]) -> list[float]:
    """Lead-biased PageRank over the sentence similarity graph."""
    n = len(sentences)
    restart = [1.0 / (i + 1) ** LEAD_DECAY for i in range(n)]
    norm = sum(restart)
    restart = [r / norm for r in restart]
    edges: list[list[tuple[int, float]]] = [[] for _ in range(n)]
    for i, j, w in _similar_pairs(sentences):
        edges[i].append((j, w))
        edges[j].append((i, w))
    out_weight = [sum(w for _, w in e) for e in edges]
    score = restart[:]
    for _ in range(ITERATIONS):
        nxt = [(1 - DAMPING) * r for r in restart]
        dangling = sum(score[i] for i in range(n) if out_weight[i] == 0)
        for i in range(n):
            if out_weight[i] == 0:
                continue
            share = DAMPING * score[i] / out_weight[i]
            for j, w in edges[i]:
                nxt[j] += share * w
        # A sentence with no neighbour hands its weight back through the restart vector.
        for i in range(n):
            nxt[i] += DAMPING * dangling * restart[i]
        if sum(abs(a - b) for a, b in zip(nxt, score, strict=True)) < 1e-9:
            score = nxt
            break
        score = nxt
    return score


def _similar_pairs(sentences: Sequence[_Sentence]) -> list[tuple[int, int, float]]:
    """(i, j, cosine) for every pair sharing a content word (found through an inverted index)."""
    postings: dict[str, list[int]] = {}
    for i, s in enumerate(sentences):
        for term in s.vector:
            postings.setdefault(term, []).append(i)
    pairs: set[tuple[int, int]] = set()
    for ids in postings.values():
        for a in range(len(ids)):
            for b in range(a + 1, len(ids)):
                pairs.add((ids[a], ids[b]))
    result = []
    for i, j in sorted(pairs):
        w = _cosine(sentences[i].vector, sentences[j].vector)
        if w > 0:
            result.append((i, j, w))
    return result


def _vectorise(texts: Sequence[str]) -> list[_Sentence]:
    stop = _stopwords()
    terms = [[_stem(w) for w in _WORD.findall(t.lower()) if w not in stop] for t in texts]
    df = Counter(term for ts in terms for term in set(ts))
    n = max(1, len(texts))
    sentences = []
    for i, (text, ts) in enumerate(zip(texts, terms, strict=True)):
        tf = Counter(ts)
        vector = {t: (1 + math.log(c)) * math.log(1 + n / df[t]) for t, c in tf.items()}
        length = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        sentences.append(_Sentence(i, text, word_count(text), {t: v / length for t, v in vector.items()}))
    return sentences


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def _stem(word: str) -> str:
    """A light suffix stripper: enough to match 'talks'/'talk' and 'visited'/'visit'."""
    word = word.replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: -len(suffix)] + keep
    return word


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return frozenset(load_lines("stopwords.txt"))
