"""Table-driven checks of the date tagger on invented sentences, plus API-shape checks."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from summarize.extract.dates import find_dates, infer_reference_date, tag_article
from summarize.extract.dates.grammar import may_begin_with
from summarize.extract.dates.lexicon import load_lexicon
from summarize.extract.dates.resolve import Context
from summarize.extract.dates.rules import compiled_rules, plain_ascii
from summarize.extract.dates.tagger import tag_with
from summarize.models import Article, DateMention, Source, Span

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
CASES = json.loads((Path(__file__).parent / "data" / "dates_cases.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_table(case: dict) -> None:
    found = [(d.text, d.value) for d in find_dates(case["text"], case["ref"])]
    assert found == [tuple(e) for e in case["expect"]]


def test_ranges_share_an_id_with_start_and_end() -> None:
    dates = find_dates("The envoy visits Ghana (Apr. 2-4) and Togo (Apr. 4-6).", "2010")
    assert [(d.range_id, d.range_role) for d in dates] == [(1, "start"), (1, "end"), (2, "start"), (2, "end")]
    assert all(d.type == "DATE" and d.rule.startswith("date.range") for d in dates)


def test_year_only_reference_leaves_weekdays_underspecified() -> None:
    (friday,) = find_dates("The letter was released Friday.", "2009")
    assert friday.value == "2009-WXX-5"


def test_without_reference_the_last_full_date_anchors() -> None:
    dates = find_dates("On 3 March 2005 the mill shut. Two days later it reopened; tomorrow it closes.")
    assert [d.value for d in dates] == ["2005-03-03", "2005-03-05", "2005-03-04"]


def test_evidence_points_into_the_text() -> None:
    text = "Bids close on Oct. 12, 2018, the agency said on Tuesday."
    for d in find_dates(text, "2018-09-20"):
        assert text[d.evidence.start : d.evidence.end] == d.evidence.text == d.text


def test_mentions_are_what_validation_would_make() -> None:
    """The mentions are built without pydantic's checks: each must equal its own validated copy."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.iterdir()) if p.suffix in (".txt", ".md", ".html")]
    texts.append("On 3 March 2005 at 16:15, June 1, the mill (Apr. 2-4) shut 2004-2008; Q3 2009 every Friday.")
    checked = 0
    for text in texts:
        for ref in (None, "2010", "2010-06", "2010-06-15"):
            for d in find_dates(text, ref):
                again = DateMention.model_validate(d.model_dump())
                assert again == d and again.model_fields_set == d.model_fields_set
                assert again.evidence.model_fields_set == d.evidence.model_fields_set
                assert hash(again) == hash(d) and repr(again) == repr(d)
                checked += 1
    assert checked > 500


def test_ascii_rules_agree_with_the_general_ones_on_the_samples() -> None:
    """The samples made ASCII (curly quotes and dashes straightened, other letters dropped) are
    tagged alike by the rules compiled for ASCII text and by the general ones."""
    straight = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})
    general, ascii_rules = compiled_rules("en"), compiled_rules("en", True)
    compared = 0
    for path in sorted(SAMPLES.iterdir()):
        if path.suffix not in (".txt", ".md", ".html"):
            continue
        text = path.read_text(encoding="utf-8").translate(straight).encode("ascii", "ignore").decode()
        assert plain_ascii(text)
        for ref in (None, "2010", "2010-06-15"):
            expected = [d.model_dump() for d in tag_with(general, text, text, ref)]
            assert [d.model_dump() for d in tag_with(ascii_rules, text, text, ref)] == expected
            assert [d.model_dump() for d in find_dates(text, ref)] == expected
            compared += len(expected)
    assert compared > 300


def test_matches_apart_are_chosen_as_the_longest_first_choice_would() -> None:
    """Choosing group by group (matches that overlap no other on their own) picks what taking
    every match of the text longest first picks."""
    from summarize.extract.dates import tagger

    def shape(chosen: list) -> list:
        return [(c[:5], [(*p[:3], *p[4:]) for p in c[5]]) for c in chosen]

    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.iterdir()) if p.suffix in (".txt", ".md", ".html")]
    compared = 0
    for text in texts:
        rules = compiled_rules("en", plain_ascii(text))
        lowered = text.lower()
        found = tagger._matches(text, lowered, lowered[::-1], rules)
        grouped = tagger._choose(text, rules, list(found))
        assert shape(grouped) == shape(tagger._choose_longest(text, rules, list(found), check=False))
        compared += len(grouped)
    assert compared > 100


@pytest.mark.parametrize(
    ("text", "ref", "expect"),
    [
        ("The vote is on the 2nd.", "2011-05-10", [("2nd", "2011-05-02")]),
        ("He resigned on the 3rd, officials said.", "2011-05-10", [("3rd", "2011-05-03")]),
        # a day already past in a sentence about the future: next month; still to come in one
        # about the past: last month
        ("The council will meet on the 3rd.", "2011-05-10", [("3rd", "2011-06-03")]),
        ("The council met on the 28th.", "2011-05-10", [("28th", "2011-04-28")]),
        ("Payment is due by the 15th at noon.", "2011-05-10", [("15th", "2011-05-15"), ("noon", "2011-05-15T12:00")]),
        ("On the 3rd he resigned.", "2011-05-10", [("3rd", "2011-05-03")]),
        ("Rent falls due on the 17th of the month.", "2011-05-10", [("17th of the month", "2011-05-17")]),
        ("The 31st falls outside it: on the 31st.", "2011-06-10", [("31st", "2011-05-31")]),
        # with a weekday, the month where the day falls on it
        ("The talks open on Monday the 16th.", "2011-05-10", [("Monday the 16th", "2011-05-16")]),
        ("They met on Sunday, the 17th.", "2011-05-10", [("Sunday, the 17th", "2011-04-17")]),
        ("It ends on Friday 13th.", "2011-05-10", [("Friday 13th", "2011-05-13")]),
        ("They met on the 4th of April.", "2011-05-10", [("4th of April", "2011-04-04")]),
        # without a month to anchor on
        ("The vote is on the 2nd.", "2011", [("2nd", "2011-XX-02")]),
        ("The vote is on the 2nd.", None, [("2nd", "XXXX-XX-02")]),
        # ranks, not days
        ("He finished 2nd place in the 2nd round, the 3rd largest.", "2011-05-10", []),
        ("The office is on the 2nd floor.", "2011-05-10", []),
        ("It is the 2nd-largest bank.", "2011-05-10", []),
        ("The 2nd was quiet.", "2011-05-10", []),
        ("He won on the 3rd attempt.", "2011-05-10", []),
        ("Play resumes Monday 2nd round.", "2011-05-10", [("Monday", "2011-05-09")]),
    ],
)
def test_ordinal_days_without_a_month(text: str, ref: str | None, expect: list[tuple[str, str]]) -> None:
    assert [(d.text, d.value) for d in find_dates(text, ref)] == expect


@pytest.mark.parametrize(
    ("text", "ref", "expect"),
    [
        (
            "The summit was held the weekend of the 12th and 13th.",
            "2011-05-20",
            [("the weekend of the 12th", "2011-05-12", "start"), ("13th", "2011-05-13", "end")],
        ),
        (
            "The fair will run the weekend of the 4th and 5th.",
            "2011-05-20",
            [("the weekend of the 4th", "2011-06-04", "start"), ("5th", "2011-06-05", "end")],
        ),
        (
            "They will come the weekend of the 31st and 1st.",
            "2011-07-20",
            [("the weekend of the 31st", "2011-07-31", "start"), ("1st", "2011-08-01", "end")],
        ),
        (
            "The race is the weekend of 30-31 July.",
            "2011-05-20",
            [("the weekend of 30", "2011-07-30", "start"), ("31 July", "2011-07-31", "end")],
        ),
        ("We met at the weekend of the 12th and 20th.", "2011-05-20", [("the weekend", "2011-W20-WE", None)]),
    ],
)
def test_the_weekend_of_two_days(text: str, ref: str, expect: list[tuple[str, str, str | None]]) -> None:
    dates = find_dates(text, ref)
    assert [(d.text, d.value, d.range_role) for d in dates] == expect
    assert len({d.range_id for d in dates}) == 1


@pytest.mark.parametrize(
    ("text", "ref", "expect"),
    [
        (
            "Talks were held Thursday and Friday of last week.",
            "2011-05-10",
            [("Thursday", "2011-05-05"), ("Friday of last week", "2011-05-06")],
        ),
        ("It opened Thursday of last week.", "2011-05-10", [("Thursday of last week", "2011-05-05")]),
        (
            "They meet on Monday, Tuesday of next week.",
            "2011-05-10",
            [("Monday", "2011-05-16"), ("Tuesday of next week", "2011-05-17")],
        ),
        (
            "On 3 May 2011 it began; it ended on Friday of the following week.",
            None,
            [("3 May 2011", "2011-05-03"), ("Friday of the following week", "2011-05-13")],
        ),
        ("It opened Friday of last week.", "2011", [("Friday of last week", "2011-WXX-5")]),
    ],
)
def test_weekdays_of_a_named_week(text: str, ref: str | None, expect: list[tuple[str, str]]) -> None:
    dates = find_dates(text, ref)
    assert [(d.text, d.value) for d in dates] == expect
    assert all(d.range_id is None for d in dates)


@pytest.mark.parametrize(
    ("text", "ref", "expect"),
    [
        ("Sales fell in the last week of March.", "2009-04-01", [("the last week of March", "2009-W13")]),
        ("It opens in the first week of June 2010.", None, [("the first week of June 2010", "2010-W22")]),
        ("It opens in the second week of January.", "2011-12-20", [("the second week of January", "2012-W02")]),
        ("It ended in the final week of February.", "2011-05-01", [("the final week of February", "2011-W08")]),
        ("It ended in the fifth week of May.", "2011-05-01", [("May", "2011-05")]),
    ],
)
def test_a_week_of_a_month(text: str, ref: str | None, expect: list[tuple[str, str]]) -> None:
    assert [(d.text, d.value) for d in find_dates(text, ref)] == expect


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("Output should recover by mid-2011.", [("mid-2011", "2011")]),
        ("It slowed in early-2012 and late-2009.", [("early-2012", "2012"), ("late-2009", "2009")]),
        ("In mid 2011 prices rose.", [("mid 2011", "2011")]),
        ("The team won 1-2011 in points.", []),  # a hyphen before a year only after an edge word
    ],
)
def test_a_year_after_an_edge_word_and_a_hyphen(text: str, expect: list[tuple[str, str]]) -> None:
    assert [(d.text, d.value) for d in find_dates(text, "2010-10-23")] == expect


def _article(text: str, view: str | None = None, **kw: object) -> Article:
    view = view if view is not None else text
    kw.setdefault("body", Span(start=0, end=len(text)))
    return Article(
        text=text,
        view=view,
        source=Source(path=None, sha256="0" * 64, chars=len(text), bytes=len(text), encoding="utf-8"),
        **kw,
    )


def test_tag_article_reads_the_view_and_cites_the_text() -> None:
    text = "Rates rise on Friday.\n© Example News 2011. Updated Monday."
    cut = text.index("©")
    view = text[:cut] + " " * (len(text) - cut)
    dates = tag_article(_article(text, view), "2011-05-04")
    assert [(d.text, d.value) for d in dates] == [("Friday", "2011-05-06")]


def test_reference_from_metadata_first() -> None:
    assert infer_reference_date(_article("Nothing here.", published="2020-02-03")) == ("2020-02-03", "metadata")


def test_reference_from_a_published_line() -> None:
    text = "Harbour reopens\nPublished: 14 August 2019\n\nThe harbour reopened on Tuesday after repairs."
    art = _article(text, body=Span(start=text.index("The harbour"), end=len(text)))
    assert infer_reference_date(art) == ("2019-08-14", "text")


def test_reference_from_the_copyright_year_in_furniture() -> None:
    text = "Council backs plan\nThe council backed the plan on Friday.\n© Valley Gazette (2007) All rights reserved."
    cut = text.index("©")
    art = _article(text, text[:cut] + " " * (len(text) - cut), furniture=[Span(start=cut, end=len(text))])
    assert infer_reference_date(art) == ("2007", "text")


def test_reference_from_copyright_and_update_lines_in_any_case() -> None:
    body = "The council backed the plan on Friday."
    for notice, year in (("(C) Valley Gazette 2007", "2007"), ("COPYRIGHT 2004-2008 Valley Gazette", "2008")):
        assert infer_reference_date(_article(f"Council backs plan\n{body}\n{notice}")) == (year, "text")
    text = "Harbour reopens\nLast updated: 5 May 2015\n\nThe harbour reopened on Tuesday."
    art = _article(text, body=Span(start=text.index("The harbour"), end=len(text)))
    assert infer_reference_date(art) == ("2015-05-05", "text")


def test_no_reference_when_the_text_has_none() -> None:
    assert infer_reference_date(_article("The council backed the plan on Friday.")) == (None, None)


def test_lexicon_validates_and_is_cached() -> None:
    lex = load_lexicon("en")
    assert lex is load_lexicon("en")
    assert lex.month_number("Sept.") == 9 and lex.weekday_number("Thurs") == 4


def test_what_a_pattern_may_begin_with() -> None:
    pattern = re.compile(r"(?:the\s+)?(?P<n>\d{1,2}|(?-i:[tT]wo))\s+(?:years|days)(?=\W)", re.IGNORECASE)
    assert may_begin_with(pattern, "the ")
    assert may_begin_with(pattern, "THE  two")
    assert may_begin_with(pattern, ["t", "w", "o", " \t"])
    assert may_begin_with(pattern, "12 d")
    assert not may_begin_with(pattern, "in ")
    assert not may_begin_with(pattern, "123")
    assert not may_begin_with(pattern, "the,")
    assert may_begin_with(re.compile("\u212aey"), "key")  # the Kelvin sign lower-cases to "k"
    conditional = re.compile(r"(a)?(?(1)b|c)d")
    assert may_begin_with(conditional, "abd") and may_begin_with(conditional, "cd")
    assert not may_begin_with(conditional, "xd")


def test_rules_may_begin_with_the_opening_words_they_match_from() -> None:
    """Where a rule matches from an opening word of the samples past its end, the word and the
    character after it may begin the rule's pattern."""
    rules = compiled_rules("en")
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    words = re.compile(r"(?<![\w'’])[a-z0-9]+(?=[ \t\n,\-–])", re.IGNORECASE)
    checked = 0
    for text in texts:
        for w in words.finditer(text):
            word = w.group().lower()
            if word not in rules.prefix_words:
                continue
            for rule in rules.rules:
                m = rule.pattern.match(text, w.start())
                if m and m.end() > w.end():
                    checked += 1
                    assert may_begin_with(rule.pattern, [*word, text[w.end()]]), (
                        rule.name,
                        text[w.start() : w.end() + 20],
                    )
    assert checked > 50


def test_tense_of_plain_clauses_is_read_as_words_are() -> None:
    """The search for cues in clauses without apostrophes finds what the reading word by word finds."""
    lex = load_lexicon("en")
    rng = random.Random(5)
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    texts += [t.upper() for t in texts[:3]] + [
        "Talks, which ENDED Friday, were Scheduled to resume Tuesday; officials hoped to be completed by June.",
        "The closedown was announced Monday. Going to Tuesday wo Friday, is to be held",
    ]
    compared = 0
    for text in texts:
        for _ in range(300):
            start = rng.randrange(len(text) - 1)
            end = min(len(text), start + rng.randrange(1, 25))
            lo, hi = max(0, start - 120), min(len(text), end + 80)
            words = Context(text, lex, None)
            plain = Context(text, lex, None, text.lower())
            if "'" in text[lo:hi] or "’" in text[lo:hi] or text[start - 1 : start + 1].isalpha():
                continue
            compared += 1
            assert plain._tense_plain(start, end, lo, hi) == words._tense_near(start, end, lo, hi)
    assert compared > 500
