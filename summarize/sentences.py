"""Sentence splitting over news text, as character spans."""

from __future__ import annotations

import re

# Provisional boundary rule: terminal punctuation, optional closing quote, whitespace, capital.
_BOUNDARY = re.compile(r"[.!?][\"')\]’”]*\s+(?=[\"'‘“(\[]?[A-Z0-9])|\n\s*\n|\n(?=\s*[-*•] )")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans (start, end) of the sentences of text, whitespace trimmed, in order."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        cut = m.start() + len(m.group(0).rstrip())
        _add(text, start, cut, spans)
        start = m.end()
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
