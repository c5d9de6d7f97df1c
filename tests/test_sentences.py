"""Sentence spans: a table of news phenomena, and properties that hold for any input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from summarize import sentences
from summarize.errors import ConfigError
from summarize.sentences import split_sentences

CASES = json.loads((Path(__file__).parent / "data" / "sentences_cases.json").read_text(encoding="utf-8"))["cases"]


def texts(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_case_table(case: dict[str, object]) -> None:
    assert texts(str(case["text"])) == case["sentences"]


def test_case_ids_are_unique() -> None:
    ids = [case["id"] for case in CASES]
    assert len(ids) == len(set(ids))


def test_spans_point_into_the_original_text() -> None:
    text = "  The port reopened.\n\n  Ships queued at the gate.  "
    assert split_sentences(text) == [(2, 20), (24, 49)]


def test_long_token_before_a_stop_is_not_an_abbreviation() -> None:
    url = "https://example.org/" + "a/" * 60 + "page.html"
    text = f"The archive is at {url}. It opens at nine."
    assert texts(text) == [f"The archive is at {url}.", "It opens at nine."]


def test_wrapped_text_with_a_dash_at_line_start_stays_one_sentence() -> None:
    text = (
        "    OSLO, May 2 - Fishing crews from the northern ports\n"
        "agreed on Friday to share the quota for the coming season\n"
        "- a first for the three cooperatives, their spokesman told\n"
        "reporters at the harbour office after the vote was counted.\n"
    )
    assert len(split_sentences(text)) == 1


ALPHABET = st.characters(codec="utf-8", exclude_categories=("Cs",))
NEWSY = st.lists(
    st.sampled_from(
        [
            "The",
            "U.S.",
            "Mr.",
            "Feb.",
            "12.",
            "1)",
            "a.",
            "• ",
            "...",
            ". . .",
            "?!",
            '"',
            "’",
            "(",
            ")",
            "**",
            "_",
            "[x](y.z)",
            "\n",
            "\n\n",
            "    ",
            "\u00a0",
            "said",
            "Inc.",
            "J.",
            "I.",
            "-",
            "word",
        ]
    ),
    max_size=40,
).map(" ".join)


def check_spans(text: str) -> None:
    spans = split_sentences(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace()
        assert not text[end - 1].isspace()
        previous_end = end
    covered = "".join(text[start:end] for start, end in spans)
    assert "".join(covered.split()) == "".join(text.split())


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=200))
@example("")
@example(" . . . .")
@example("\u2029x.\u2028Y")
def test_properties_on_arbitrary_unicode(text: str) -> None:
    check_spans(text)


@settings(max_examples=300, deadline=None)
@given(NEWSY)
def test_properties_on_news_like_tokens(text: str) -> None:
    check_spans(text)


def test_malformed_abbreviation_file_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    def fake_lines(name: str, language: str = "en") -> tuple[str, ...]:
        return ("Mr.", "two words") if name == "abbreviations_prefix.txt" else ("the",)

    sentences._lexicon.cache_clear()
    monkeypatch.setattr(sentences, "load_lines", fake_lines)
    try:
        with pytest.raises(ConfigError, match="two words"):
            split_sentences("Mr. Smith left.")
    finally:
        monkeypatch.undo()
        sentences._lexicon.cache_clear()


def test_malformed_starter_file_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    def fake_lines(name: str, language: str = "en") -> tuple[str, ...]:
        return ("The",) if name == "sentence_starters.txt" else ("Mr.",)

    sentences._lexicon.cache_clear()
    monkeypatch.setattr(sentences, "load_lines", fake_lines)
    try:
        with pytest.raises(ConfigError, match="'The'"):
            split_sentences("Mr. Smith left.")
    finally:
        monkeypatch.undo()
        sentences._lexicon.cache_clear()


def test_shipped_lexicon_loads() -> None:
    lexicon = sentences._lexicon()
    assert {"Mr", "Gov", "e.g"} <= lexicon.prefix
    assert {"Inc", "Feb", "Co", "co", "etc"} <= lexicon.abbreviations
    assert {"the", "it", "however"} <= lexicon.starters
