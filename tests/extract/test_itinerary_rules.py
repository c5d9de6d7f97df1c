"""The compiled travel phrases: the prefix-tree alternation and the whole-text scan."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.extract.itinerary.rules import phrase_trie, travel_rules

_WORDS = st.sampled_from(["go", "goes", "going", "on", "to", "visit", "visits", "vis", "be", "will", "a", "stop-over"])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(_WORDS, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=8),
    st.lists(st.sampled_from(["go", "going", "on", "to", "visits", "vis", "will", "be", "x", "stop-over"]), max_size=9),
    st.sampled_from([" ", "  ", "\n"]),
)
def test_prefix_tree_matches_a_longest_first_alternation(phrases: list[str], words: list[str], sep: str) -> None:
    flat = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(set(phrases), key=len, reverse=True))
    text = sep.join(words)
    expected = [m.span() for m in re.finditer(rf"(?<![\w-])(?:{flat})(?![\w-])", text)]
    found = [m.span() for m in re.finditer(rf"(?<![\w-])(?:{phrase_trie(phrases)})(?![\w-])", text)]
    assert found == expected


def test_scan_finds_phrases_at_word_starts_only_and_across_line_breaks() -> None:
    text = "She will\nbe in Rome. The revisit of (visits) “tour” pre-trip stop-over"
    found = [text[a:b] for a, b in travel_rules().scan(text, 0, len(text))]
    assert found == ["will\nbe", "visits", "tour", "stop-over"]


def test_scan_reads_text_whose_lower_case_changes_length() -> None:
    text = "İstanbul first; then she will visit Ankara."
    found = [text[a:b] for a, b in travel_rules().scan(text, 0, len(text))]
    assert found == ["then", "visit"]


def test_scan_finds_a_phrase_opening_the_text() -> None:
    text = "Visits to Rome and Oslo are planned."
    assert travel_rules().scan(text, 0, len(text)) == [(0, 6)]
