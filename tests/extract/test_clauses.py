"""Clause utilities shared by the signatory and issue rules (invented text)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.extract.clauses import Triggers, compile_lower, list_items, lowered, trie_alternation


@given(st.text(max_size=200))
def test_lowered_keeps_every_offset(text: str) -> None:
    low = lowered(text)
    assert len(low) == len(text)
    assert all(a == b or a == b.lower() for a, b in zip(low, text, strict=True))


def _naive_hits(low: str, s: int, e: int, words: set[str]) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in re.finditer(r"[a-z]+", low[:e]) if m.start() >= s and m.group() in words]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["urge", "urged", "raise", "x", "Urged", "raised,", "pre-urge", "é", " ", ".", "\n"])))
def test_whole_word_triggers_match_a_plain_word_scan(parts: list[str]) -> None:
    text = " ".join(parts)
    low = lowered(text)
    cut = low.find(" ", len(low) // 2)  # sentences end between words
    spans = [(0, len(low))] if cut < 0 else [(0, cut), (cut, len(low))]
    words = {"urge", "urged", "raise"}
    found = Triggers(words).by_sentence(low, spans)
    for i, (s, e) in enumerate(spans):
        assert found.get(i, []) == _naive_hits(low, s, e, words)


def test_substring_triggers_find_word_parts() -> None:
    low = "the letters were co-signed. nothing here. they included a pledge."
    spans = [(0, 27), (28, 41), (42, len(low))]
    found = Triggers(["letter", "signed", "includ", "pledge"], whole_words=False).by_sentence(low, spans)
    assert found == {0: [(4, "letter"), (20, "signed")], 2: [(47, "includ"), (58, "pledge")]}


def test_whole_word_triggers_refuse_phrases() -> None:
    with pytest.raises(ValueError):
        Triggers(["call for"])


def test_compile_lower_refuses_capitals_but_not_escapes_or_group_names() -> None:
    assert compile_lower(r"(?P<verb>urge)\s+\S+\W").match("urge them!")
    with pytest.raises(ValueError):
        compile_lower(r"(?:In|On)\s+")


def test_trie_alternation_matches_the_same_words() -> None:
    words = ["while", "which", "when", "so that", "in order to", "in"]
    pattern = re.compile(rf"\b(?:{trie_alternation(words)})\b")
    for w in words:
        assert pattern.fullmatch(w.replace(" ", "  "))
    assert not pattern.fullmatch("wh")
    assert [m.group() for m in pattern.finditer("within the week, so  that in time")] == ["so  that", "in"]


def test_list_items_without_and_with_brackets() -> None:
    text = "food aid, clean water (and soap, towels) and schools"
    assert [text[a:b] for a, b in list_items(text, 0, len(text))] == [
        "food aid",
        "clean water (and soap, towels)",
        "schools",
    ]
