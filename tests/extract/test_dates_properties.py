"""Properties of the date tagger on arbitrary input: it never raises, spans are sound."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.extract.dates import find_dates
from summarize.extract.dates.rules import compiled_rules, plain_ascii
from summarize.extract.dates.tagger import tag_with

_PIECES = st.sampled_from(
    [
        "Feb. 16-18",
        "March 3",
        " 2009",
        "-",
        "Monday",
        " last week",
        "the past decade",
        "'82",
        "10:45 UTC",
        "between May 3 and 5",
        "two and a half years",
        "Q3",
        "the 1990s",
        ", ",
        " ",
        "\n",
        "today",
        "(",
        ")",
        "5 p.m.",
        "every Friday",
        "1/2/03",
        "mid-2011",
        "the same period last year",
        "later this year",
    ]
)
_DATEISH = st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=30).map("".join)
_REFS = st.one_of(st.none(), st.sampled_from(["2009", "2009-02", "2009-02-13", "1999-12-31", "bogus"]))


def _check(text: str, ref: str | None) -> None:
    for d in find_dates(text, ref):
        assert 0 <= d.evidence.start < d.evidence.end <= len(text)
        assert text[d.evidence.start : d.evidence.end] == d.evidence.text == d.text
        assert d.value
        assert (d.range_id is None) == (d.range_role is None)


@settings(max_examples=300, deadline=None)
@given(st.text(), _REFS)
def test_arbitrary_unicode_never_raises(text: str, ref: str | None) -> None:
    _check(text, ref)


@settings(max_examples=300, deadline=None)
@given(_DATEISH, _REFS)
def test_date_like_noise_never_raises(text: str, ref: str | None) -> None:
    _check(text, ref)


_ASCII_DATEISH = st.lists(
    st.one_of(_PIECES, st.text(alphabet=st.characters(max_codepoint=127), max_size=6)), max_size=30
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_ASCII_DATEISH, _REFS)
def test_ascii_rules_find_what_the_unicode_rules_find(text: str, ref: str | None) -> None:
    """On ASCII text the rules compiled with re.ASCII find exactly what the general ones find
    (the tagger uses them there), including around the control characters that tell them apart."""
    general = [d.model_dump() for d in tag_with(compiled_rules("en"), text, text, ref)]
    if plain_ascii(text):
        assert [d.model_dump() for d in tag_with(compiled_rules("en", True), text, text, ref)] == general
    assert [d.model_dump() for d in find_dates(text, ref)] == general
