"""The no-weights engine: whole body sentences, in document order, up to the word limit."""

from __future__ import annotations

from summary_articles import SECOND, SHORT, article, long_text

from summarize.config import SummarizerOptions
from summarize.models import Summary
from summarize.summarizers.extractive import (
    DEFAULT_MAX_WORDS,
    ExtractiveSummarizer,
    body_sentences,
    lead,
    rank,
    select,
)
from summarize.summarizers.extractive import _vectorise as vectorise


def summarise(text: str, **options) -> Summary:
    (summary,) = ExtractiveSummarizer(SummarizerOptions(engine="extractive", **options)).summarize([article(text)])
    assert isinstance(summary, Summary)
    return summary


def test_summary_is_whole_body_sentences_in_document_order():
    a = article(long_text())
    sentences = body_sentences(a)
    summary = summarise(long_text())
    picked = [s for s in sentences if s in summary.text]
    assert picked, "no body sentence in the summary"
    assert " ".join(picked) == summary.text
    positions = [summary.text.index(s) for s in picked]
    assert positions == sorted(positions)


def test_provenance_fields():
    summary = summarise(SHORT)
    assert (summary.engine, summary.model, summary.chunks, summary.levels) == ("extractive", None, 0, 0)


def test_word_limit_is_respected():
    for limit in (15, 30, 60):
        assert len(summarise(long_text(), max_words=limit).text.split()) <= limit
    assert len(summarise(long_text()).text.split()) <= DEFAULT_MAX_WORDS


def test_headline_is_not_part_of_the_summary():
    assert "Harbour council approves night ferries" not in summarise(SHORT, max_words=200).text


def test_lead_bias_prefers_the_opening_when_sentences_are_alike():
    text = (
        "Rail fares\n\n"
        "Rail fares will rise by four percent in March, the operator said. "
        "The operator said rail fares will rise in March by four percent. "
        "Fares for rail travel rise four percent in March, according to the operator.\n"
    )
    summary = summarise(text, max_words=13)
    assert summary.text == "Rail fares will rise by four percent in March, the operator said."


def test_near_repeats_are_skipped():
    text = (
        "Storm\n\n"
        "A storm closed the coastal road on Monday night. "
        "A storm closed the coastal road on Monday night, police said. "
        "Power was cut to about two thousand homes near the harbour.\n"
    )
    summary = summarise(text, max_words=40)
    assert "police said" not in summary.text
    assert "Power was cut" in summary.text


def test_central_sentences_outrank_isolated_ones():
    texts = [
        "The dam project will flood three villages near the river.",
        "Residents of the villages near the river oppose the dam project.",
        "A bakery opened downtown selling rye bread.",
        "Engineers say the dam project is needed to stop the river flooding.",
    ]
    scores = rank(vectorise(texts))
    assert scores[2] == min(scores)


def test_short_fragments_are_not_chosen():
    texts = ["By staff reporter.", "The council agreed a new budget for schools on Monday evening."]
    assert select(texts, 50) == [1]


def test_best_sentence_kept_even_when_over_the_limit():
    text = "Title\n\n" + "The committee " + " ".join(["met again"] * 20) + " on Friday.\n"
    assert summarise(text, max_words=5).text


def test_lead_baseline():
    a = article(SECOND)
    assert lead(body_sentences(a), 2) == " ".join(body_sentences(a)[:2])


def test_many_articles_in_one_call_keep_order():
    summarizer = ExtractiveSummarizer()
    results = summarizer.summarize([article(SHORT), article(SECOND)])
    assert "ferries" in results[0].text and "library" in results[1].text
