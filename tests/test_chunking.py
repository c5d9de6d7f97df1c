"""Token-aware chunking: whole sentences packed under a budget, long sentences cut at tokens."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.chunking import Chunk, WordCounter, chunk_article, chunk_spans, normalise
from summarize.errors import ConfigError
from summarize.ingest import read_text_article
from summarize.sentences import split_sentences

WORDS = WordCounter()


def spans_of(text: str) -> list[tuple[int, int]]:
    return split_sentences(text)


def covered(chunks: list[Chunk], start: int, end: int, text: str) -> bool:
    """Every non-space character of text[start:end] lies inside some chunk's range."""
    return all(text[i].isspace() or any(c.start <= i < c.end for c in chunks) for i in range(start, end))


def test_short_text_is_one_chunk():
    text = "The ferry left at noon. It reached the island by two."
    chunks = chunk_spans(text, spans_of(text), WORDS, budget=50)
    assert len(chunks) == 1
    assert chunks[0].text == text
    assert (chunks[0].start, chunks[0].end, chunks[0].first, chunks[0].last) == (0, len(text), 0, 1)


def test_sentences_are_packed_whole_and_in_order():
    text = "One two three. Four five six. Seven eight nine. Ten eleven twelve."
    chunks = chunk_spans(text, spans_of(text), WORDS, budget=6)
    assert [c.text for c in chunks] == ["One two three. Four five six.", "Seven eight nine. Ten eleven twelve."]
    assert [(c.first, c.last) for c in chunks] == [(0, 1), (2, 3)]
    for c in chunks:
        assert normalise(text[c.start : c.end]) == c.text


def test_long_sentence_is_cut_at_token_boundaries():
    long = " ".join(f"Word{i}" for i in range(23)) + "."
    text = "Short one. " + long + " Tail."
    chunks = chunk_spans(text, spans_of(text), WORDS, budget=10)
    holders = [c for c in chunks if c.first <= 1 <= c.last]
    assert len(holders) == 3
    assert all(c.tokens <= 10 for c in chunks)
    # The pieces tile the sentence: each starts where the previous one ended, cut between words.
    assert all(a.end == b.start for a, b in itertools.pairwise(holders))
    assert holders[0].text.startswith("Word0") and holders[1].text.startswith("Word10")
    assert holders[-1].text == "Word20 Word21 Word22. Tail."  # the last piece packs with what follows


def test_whitespace_and_newlines_are_collapsed():
    text = "The  council\nmet on   Tuesday.\n\nIt   agreed."
    chunks = chunk_spans(text, spans_of(text), WORDS, budget=20)
    assert chunks[0].text == "The council met on Tuesday. It agreed."


def test_overlap_repeats_sentences_and_still_advances():
    text = " ".join(f"Sentence number {i} ends here." for i in range(10))
    spans = spans_of(text)
    plain = chunk_spans(text, spans, WORDS, budget=15)
    lapped = chunk_spans(text, spans, WORDS, budget=15, overlap=1)
    assert len(lapped) > len(plain)
    for a, b in itertools.pairwise(lapped):
        assert b.first == a.last  # one sentence shared
        assert b.last > a.last  # and at least one new one
    assert lapped[-1].last == len(spans) - 1


def test_overlap_gives_way_when_it_would_not_leave_room():
    text = "Alpha beta gamma delta. Epsilon zeta eta theta. Iota kappa lambda mu."
    chunks = chunk_spans(text, spans_of(text), WORDS, budget=4, overlap=2)
    assert [(c.first, c.last) for c in chunks] == [(0, 0), (1, 1), (2, 2)]


def test_empty_input_gives_no_chunks():
    assert chunk_spans("   ", [], WORDS, budget=5) == []


def test_bad_budget_or_overlap_is_a_config_error():
    with pytest.raises(ConfigError, match="budget"):
        chunk_spans("A b.", [(0, 4)], WORDS, budget=0)
    with pytest.raises(ConfigError, match="overlap"):
        chunk_spans("A b.", [(0, 4)], WORDS, budget=3, overlap=-1)


def test_chunk_article_reads_body_sentences_from_the_view():
    text = "Harbour reopens\n\nThe harbour reopened on Monday. Boats returned in the afternoon.\n"
    article = read_text_article(text)
    chunks = chunk_article(article, WORDS, budget=100)
    assert len(chunks) == 1
    body = [article.view[s.start : s.end] for s in article.sentences]
    assert all(sentence in chunks[0].text for sentence in body)


# --------------------------------------------------------------------- properties

_word = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFG0123456789éü'-", min_size=1, max_size=12)
_sentence = st.lists(_word, min_size=1, max_size=40).map(lambda ws: " ".join(ws).capitalize() + ".")
_text = st.lists(_sentence, min_size=1, max_size=25).map(lambda ss: "  ".join(ss))


def _check_invariants(text: str, counter, budget: int, overlap: int) -> None:
    spans = spans_of(text)
    chunks = chunk_spans(text, spans, counter, budget, overlap)
    # 1. No chunk exceeds the budget, counted on its own joined text.
    for chunk in chunks:
        assert counter.count([chunk.text])[0] <= budget
    # 2. Every sentence lies in some chunk (pieces of a cut sentence cover it together).
    for index, (start, end) in enumerate(spans):
        holders = [c for c in chunks if c.first <= index <= c.last]
        assert holders, f"sentence {index} is in no chunk"
        assert covered(holders, start, end, text)


@given(text=_text, budget=st.integers(min_value=1, max_value=60), overlap=st.integers(min_value=0, max_value=3))
@settings(max_examples=150, deadline=None)
def test_invariants_with_a_word_counter(text, budget, overlap):
    _check_invariants(text, WORDS, budget, overlap)


@pytest.fixture(scope="module")
def bart_counter(tiny_bart_dir):
    from transformers import AutoTokenizer

    from summarize.summarizers.seq2seq import TokenizerCounter

    return TokenizerCounter(AutoTokenizer.from_pretrained(tiny_bart_dir, local_files_only=True))


@given(text=_text, budget=st.integers(min_value=4, max_value=80), overlap=st.integers(min_value=0, max_value=2))
@settings(max_examples=60, deadline=None)
def test_invariants_with_a_model_tokenizer(bart_counter, text, budget, overlap):
    _check_invariants(text, bart_counter, budget, overlap)
