"""Properties of the date tagger on arbitrary input: it never raises, spans are sound."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.extract.dates import find_dates
from summarize.extract.dates import rules as rules_module
from summarize.extract.dates.lexicon import load_lexicon
from summarize.extract.dates.rules import Rules, compiled_rules, plain_ascii
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


class _AllRules(Rules):
    """Rules that try every rule a trigger may start, whatever follows it."""

    def follow(self, plan, key, seen):  # type: ignore[no-untyped-def]
        return plan.at


_EVERY_TIME = Rules(load_lexicon("en"))
_NEVER = _AllRules(load_lexicon("en"))


@settings(max_examples=300, deadline=None)
@given(_DATEISH, _REFS)
def test_rules_left_out_by_what_follows_a_trigger_could_not_match(text: str, ref: str | None) -> None:
    """Reading the rules for the two characters after a trigger leaves out only rules that could
    not match there: the tagger finds what it finds trying them all."""
    original = rules_module._SEEN
    rules_module._SEEN = 1  # read the rules at once, not on the third time a key comes
    try:
        pruned = [d.model_dump() for d in tag_with(_EVERY_TIME, text, text, ref)]
    finally:
        rules_module._SEEN = original
    assert pruned == [d.model_dump() for d in tag_with(_NEVER, text, text, ref)]


def test_rules_left_out_by_what_follows_a_trigger_could_not_match_on_the_samples() -> None:
    from pathlib import Path

    samples = Path(__file__).resolve().parents[2] / "samples"
    texts = [p.read_text(encoding="utf-8") for p in sorted(samples.iterdir()) if p.suffix in (".txt", ".md", ".html")]
    original = rules_module._SEEN
    rules_module._SEEN = 1
    try:
        for text in texts:
            ascii_only = plain_ascii(text)
            every_time = Rules(load_lexicon("en"), ascii_only)
            never = _AllRules(load_lexicon("en"), ascii_only)
            for ref in (None, "2010-06-15"):
                pruned = [d.model_dump() for d in tag_with(every_time, text, text, ref)]
                assert pruned == [d.model_dump() for d in tag_with(never, text, text, ref)]
    finally:
        rules_module._SEEN = original
