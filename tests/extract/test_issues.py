"""Issues raised by rules (invented sentences)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.extract.issues import extract_issues
from summarize.ingest import read_text_article


def _issues(text: str) -> list[str]:
    article = read_text_article("Headline for the test\n\n" + text)
    return [i.text for i in extract_issues(article)]


def test_urged_to_make_a_topic_a_priority() -> None:
    text = "Unions urged the minister to make pension reform a top priority in her talks next week."
    assert _issues(text) == ["pension reform"]


def test_issue_lists_split_into_items() -> None:
    text = (
        "The groups list a number of issues they hope the envoy will raise, among them, the treatment of "
        "Kurdish and Yazidi villagers, censorship of local radio, torture and abuse of detained lawyers."
    )
    assert _issues(text) == [
        "the treatment of Kurdish and Yazidi villagers",
        "censorship of local radio",
        "torture",
        "abuse of detained lawyers",
    ]


def test_some_of_the_issues_are_and_from_to() -> None:
    text = (
        "Some of the issues are water shortages, rising rents and road safety. "
        "The mayor hopes to work with the region on a range of issues, from tackling air pollution and "
        "flood defences to the expansion of the tram network."
    )
    assert _issues(text) == [
        "water shortages",
        "rising rents",
        "road safety",
        "tackling air pollution",
        "flood defences",
        "the expansion of the tram network",
    ]


def test_calls_for_and_raised_by() -> None:
    text = "The Harbour Users Association called for a ban on night dredging and for stricter noise limits."
    article = read_text_article("Port row\n\n" + text)
    issues = extract_issues(article)
    assert [i.text for i in issues] == ["a ban on night dredging", "for stricter noise limits"]
    assert {i.raised_by for i in issues} == {"Harbour Users Association"}


def test_concern_and_agenda() -> None:
    text = (
        "Housing costs will be at the heart of the party's campaign, its leader said. "
        "Farmers are worried about the price of diesel."
    )
    assert _issues(text) == ["Housing costs", "the price of diesel"]


def test_plain_news_gives_nothing() -> None:
    text = (
        "The team won 3-1 on Saturday, with two goals in the second half. "
        "Demand for tickets was high, and the coach said he would focus on the next match. "
        "The company raised funds from investors and plans to open a factory."
    )
    assert _issues(text) == []


def test_duplicates_are_dropped() -> None:
    text = (
        "Critics called on the council to make road safety a priority. "
        "Residents also urged it to make road safety the main topic of the meeting."
    )
    assert _issues(text) == ["road safety"]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_and_evidence_is_valid(text: str) -> None:
    article = read_text_article("T\n\n" + text + " They called for reform, issues such as A and B.")
    for i in extract_issues(article):
        assert article.text[i.evidence.start : i.evidence.end] == i.evidence.text
