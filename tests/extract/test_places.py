"""Place names: countries by common and official names, cities, regions, possessives."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.extract.places import find_places, gazetteer


@pytest.mark.parametrize(
    ("text", "written", "country", "kind"),
    [
        ("Talks were held in the Republic of Korea.", "the Republic of Korea", "KR", "country"),
        ("She flew to South Korea.", "South Korea", "KR", "country"),
        ("He was born in North Korea.", "North Korea", "KP", "country"),
        ("Exports to Britain rose.", "Britain", "GB", "country"),
        ("Exports to the UK rose.", "the UK", "GB", "country"),
        ("A visit to the United States is planned.", "the United States", "US", "country"),
        ("Fishing off Côte d'Ivoire was banned.", "Côte d'Ivoire", "CI", "country"),
        ("The envoy reached Ouagadougou late.", "Ouagadougou", "BF", "city"),
        ("The envoy reached Kosice late.", "Kosice", "SK", "city"),
        ("Crowds gathered in West Berlin.", "West Berlin", "DE", "city"),
        ("Storms hit the Middle East.", "the Middle East", None, "region"),
        ("Rains lashed Tasmania.", "Tasmania", "AU", "region"),
    ],
)
def test_known_places(text: str, written: str, country: str | None, kind: str) -> None:
    found = find_places(text)
    assert [m.text for m in found] == [written]
    assert found[0].place.country == country
    assert found[0].place.kind == kind
    assert text[found[0].start : found[0].end] == written


def test_longest_name_wins() -> None:
    found = find_places("Officials from Papua New Guinea and New Zealand met.")
    assert [m.text for m in found] == ["Papua New Guinea", "New Zealand"]


def test_possessive_is_marked_and_excluded_from_the_span() -> None:
    (m,) = find_places("They toured Peru's northern coast.")
    assert m.text == "Peru" and m.possessive


def test_capitals_in_headlines_and_datelines() -> None:
    assert [m.place.country for m in find_places("LISBON, May 2 - Ministers met.")] == ["PT"]


def test_words_that_are_rarely_places_are_not_cities() -> None:
    assert find_places("Mary said Reading was her favourite pastime.") == []


def test_lookup_capital_continent_demonym() -> None:
    gaz = gazetteer()
    assert gaz.lookup("the Netherlands").country == "NL"  # type: ignore[union-attr]
    assert gaz.capital("KE").name == "Nairobi"  # type: ignore[union-attr]
    assert gaz.continent("AR") == "SA"
    assert gaz.demonym("Kenyan") == "KE"


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_raises_and_spans_are_valid(text: str) -> None:
    for m in find_places(text):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    "text",
    ["The anti-Japan protests grew.", "An iParis app launched.", "Rock'n'Peru is a band.", "Data on PERUVIAN exports."],
)
def test_names_inside_longer_words_are_not_places(text: str) -> None:
    assert find_places(text) == []


def test_search_from_inside_a_word_starts_a_fresh_word() -> None:
    text = "Paris-York"
    assert [(m.text, m.start) for m in find_places(text, 6)] == [("York", 6)]
    assert [m.text for m in find_places(text)] == []
