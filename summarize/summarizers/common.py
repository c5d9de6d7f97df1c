"""Text helpers shared by the summarisation engines."""

from __future__ import annotations

import re

from summarize.sentences import split_sentences

_WORD = re.compile(r"\S+")


def word_count(text: str) -> int:
    """Words as runs of non-space characters."""
    return len(_WORD.findall(text))


def trim_words(text: str, max_words: int | None) -> str:
    """Keep whole sentences up to max_words words; cut inside the first sentence only if it alone is longer."""
    if max_words is None or word_count(text) <= max_words:
        return text
    kept: list[str] = []
    total = 0
    for start, end in split_sentences(text):
        sentence = text[start:end]
        n = word_count(sentence)
        if total + n > max_words:
            break
        kept.append(sentence)
        total += n
    if kept:
        return " ".join(kept)
    return " ".join(_WORD.findall(text)[:max_words])
