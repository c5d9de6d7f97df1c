"""The rules: each a pattern (English word order, built from the vocabulary) and a parser.

A parser turns a match into `Piece`s without looking at the rest of the document; the value of
each piece is a function of the `Context` (reference date, tense, earlier mentions), called once
the pieces are in document order. A parser returning None rejects the match.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from summarize.extract.dates.grammar import DASH, RANGE_SEP, Fragments, may_begin_with, may_match_at, trie
from summarize.extract.dates.lexicon import Lexicon, Unit, load_lexicon
from summarize.extract.dates.resolve import Context
from summarize.extract.dates.values import add_months, duration, fmt_date, fmt_number

ValueFn = Callable[[Context], str]


# A piece of an expression: (start, end, type, value, role, floating). The value is the value
# itself where it depends on nothing else, or a function of the context; the role is "start" or
# "end" of a range, "span" for the range as a whole, or None; floating marks a clock time whose
# day the sentence may name elsewhere. A plain tuple: parsers make one for nearly every match,
# and a named tuple costs three times as much to make.
Piece = tuple[int, int, str, "ValueFn | str", "str | None", bool]


def piece(
    start: int, end: int, type_: str, value: ValueFn | str, role: str | None = None, floating: bool = False
) -> Piece:
    return (start, end, type_, value, role, floating)


Parser = Callable[[re.Match[str], "Rules"], "list[Piece] | None"]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    parse: Parser
    triggers: frozenset[str]  # kinds of trigger word (see grammar.Fragments.trigger_kinds, tagger) it hangs on


class Combined(NamedTuple):
    match: Callable[..., re.Match[str] | None]
    groups: tuple[tuple[int, int], ...]  # (group number, rule index) in rule order
    single: int | None = None  # the rule's index where there is one rule: `match` is its own pattern's


AtRules = tuple[tuple[int, Callable[..., "re.Match[str] | None"]], ...]


class Plan(NamedTuple):
    # (index, pattern's match) of each rule a match of which may open with the trigger word
    at: AtRules
    before: Combined | None  # the rules a match of which may open with words before it
    before_rules: tuple[int, ...]  # their indexes
    openers: dict[str, Combined | None]  # those of them that may open with a given word (see `Rules.opener`)
    digits: bool  # a plan for numbers (the rules are read for any digits, see `Rules.follow`)
    # those of `at` that may match the text at the trigger, or how often it has come (see `Rules.follow`)
    follows: dict[str, AtRules | int]


_FOLLOWS = 4096
_SEEN = 3
_DIGITS = "0123456789"
_SPACES = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u2028\u2029"


def _step(c: str) -> str:
    """The characters a character of the text stands for when rules are read for it (see `Rules.follow`)."""
    return _DIGITS if "0" <= c <= "9" else _SPACES if c.isspace() else c


def _uncaptured(source: str, prefix: str) -> str:
    """A pattern with its named groups made non-capturing, but for those a conditional tests,
    which are renamed with `prefix` so that several patterns can be joined in one."""
    tested = set(re.findall(r"\(\?\((\w+)\)", source))

    def group(m: re.Match[str]) -> str:
        return f"(?P<{prefix}{m.group(1)}>" if m.group(1) in tested else "(?:"

    source = re.sub(r"\(\?P<(\w+)>", group, source)
    return re.sub(r"\(\?\((\w+)\)", lambda m: f"(?({prefix}{m.group(1)})", source)


def _const(value: str) -> str:
    """A value that depends on nothing but the expression (see `Piece`)."""
    return value


class Rules:
    """The compiled rules for one lexicon, with the helpers parsers share.

    ascii_only: the patterns are compiled for text of ASCII characters only (see `compiled_rules`).
    """

    def __init__(self, lex: Lexicon, ascii_only: bool = False) -> None:
        self.lex = lex
        self.f = Fragments(lex)
        self.ascii_only = ascii_only
        self.flags = re.IGNORECASE | re.VERBOSE | (re.ASCII if ascii_only else 0)
        self.rules: list[Rule] = []
        for name, template, parse, triggers in _RULES:
            pattern = template(self.f)
            compiled = re.compile(pattern, self.flags)
            self.rules.append(Rule(name, compiled, parse, frozenset(triggers.split())))
        self.names = [rule.name for rule in self.rules]
        self.by_trigger: dict[str, list[int]] = {}
        for index, rule in enumerate(self.rules):
            for kind in rule.triggers:
                self.by_trigger.setdefault(kind, []).append(index)
        # Rules whose match always opens with the trigger word itself need not be tried at the
        # positions of the words before it.
        self.opens_with_trigger = frozenset(i for i, rule in enumerate(self.rules) if rule.name in _OPENS_WITH_TRIGGER)
        self._hangs_on = {
            i: frozenset(words) for i, rule in enumerate(self.rules) if (words := _hangs_on(rule.name, lex)) is not None
        }
        self._needs_opening = frozenset(i for i, rule in enumerate(self.rules) if rule.name in _NEEDS_OPENING)
        self.plans: dict[tuple[str, str], Plan] = {}  # filled by `plan` as triggers are met
        self.word_plans: dict[str, Plan] = {}  # the plan of each trigger word met, by the word as read
        self._combined: dict[tuple[int, ...], Combined | None] = {}
        self._opens: dict[tuple[int, str], bool] = {}  # (rule index, word): may the rule open with it
        # Opening with the character before the word (a character class) lets the engine skip
        # through the insides of words in C; the very start of the text is tried apart.
        # The separator before a trigger is any character but a letter, digit, "_" or apostrophe.
        # Testing for ASCII ones is quicker; where a letter beyond ASCII stands before a trigger,
        # the text is scanned again with the exact class (see tagger._scan).
        if ascii_only:
            self.trigger = re.compile(rf"[^a-zA-Z0-9_'](?:{self.f.trigger_ascii})", re.ASCII)
            self.trigger_exact = self.trigger
            self.trigger_at_start = re.compile(self.f.trigger_ascii, re.ASCII)
        else:
            self.trigger = re.compile(rf"[^a-zA-Z0-9_'’](?:{self.f.trigger})")
            self.trigger_exact = re.compile(rf"[^\w'’](?:{self.f.trigger})")
            self.trigger_at_start = re.compile(self.f.trigger)
        self.trigger_kinds = {k.lower(): v for k, v in self.f.trigger_kinds.items()}
        self.prefix_words = self.f.prefix_words
        self.openings = _openings_pattern(self.prefix_words, re.ASCII if ascii_only else 0).match
        # What every rule started by a number of one or two digits needs right after it: a day
        # ending (an ordinal number may be a day without its month: "on the 3rd"), a separator
        # of a numeric date or clock time, a decade's "s", am/pm, a range separator, or a month
        # name (capitalised). Most such numbers are counts and fail here.
        self.day_number_follows = re.compile(
            rf"(?i:st|nd|rd|th)(?![a-zA-Z])"
            rf"|(?i:st|nd|rd|th)?(?:[/.:]|(?i:s)|\s*(?i:[ap])|\s*{DASH}|\s+(?:(?i:of)\s+)?[A-Z]"
            rf"|\s+(?i:to|through|thru|until|till|and)\s)",
            re.ASCII if ascii_only else 0,
        ).match
        cal = lex.calendar
        self._months = {**cal.month_abbreviations, **cal.months}
        self._weekdays = {**cal.weekday_abbreviations, **cal.weekdays}
        self._units = {u.plural: (name, u) for name, u in lex.units.units.items()}
        self._units.update((name, (name, u)) for name, u in lex.units.units.items())
        self._numbers: dict[str, float | None] = {}
        self._singular_units = frozenset(lex.units.units)
        self._parts_of_day = dict(cal.parts_of_day)
        self._ambiguous_months = frozenset(cal.ambiguous_months)
        w = lex.words
        self._shift_words = dict(w.shift_words)
        self._reference_words = dict(w.reference_words)
        self._year_blockers = frozenset(w.year_blockers)
        self._year_preps = frozenset(w.year_preposition_words)
        self._month_cues = frozenset(w.month_cue_words)
        self._day_ordinal_cues = frozenset(w.day_ordinal_cues)
        self._day_ordinal_followers = frozenset(w.day_ordinal_followers)

    def plan(self, kind: str, word: str) -> Plan:
        """The rules to try at a trigger of this kind and word, at its position and before it."""
        key = (kind, word)
        plan = self.plans.get(key)
        if plan is None:
            indexes = [i for i in self.by_trigger.get(kind, ()) if word in self._hangs_on.get(i, (word,))]
            at = tuple(i for i in indexes if i not in self._needs_opening)
            before = tuple(i for i in indexes if i not in self.opens_with_trigger)
            alone = tuple((i, self.rules[i].pattern.match) for i in at)
            digits = kind in ("NUM12", "YEAR4", "NUM")
            plan = self.plans[key] = Plan(alone, self._combine(before), before, {}, digits, {})
        return plan

    def follow(self, plan: Plan, key: str, seen: int | None) -> AtRules:
        """The rules of `plan.at` that may match where the trigger and the two characters after it
        read `key` (for a plan of numbers: how many digits, then the two characters).

        Read off the patterns (`may_match_at`, every digit standing for any and every space for any)
        once per plan and key, where the key has come `_SEEN` times (`seen` of them before): most
        rules a trigger may start fail on the next character or two ("March said", "2009 to",
        "Monday the"), but reading them costs as much as trying them a few hundred times. A plan
        keeps at most `_FOLLOWS` keys, then tries all its rules where the key is new.
        """
        if len(plan.follows) >= _FOLLOWS and seen is None:
            return plan.at
        seen = (seen or 0) + 1
        if seen < _SEEN:
            plan.follows[key] = seen
            return plan.at
        steps = [_DIGITS] * int(key[0]) + [_step(c) for c in key[1:]] if plan.digits else [_step(c) for c in key]
        chosen = plan.follows[key] = tuple(
            (i, match) for i, match in plan.at if may_match_at(self.rules[i].pattern, steps)
        )
        return chosen

    def opener(self, plan: Plan, word: str) -> Combined | None:
        """The rules to try before a trigger at an opening word (lower case) of the text.

        Those of `plan.before` whose patterns may begin with the word and the gap after it (a
        match that counts runs on to the trigger); read off the patterns (`may_begin_with`) once
        per word of the vocabulary and plan. Any other word (a number) keeps them all.
        """
        if word not in self.prefix_words:
            return plan.before
        indexes = tuple(i for i in plan.before_rules if self._may_open(i, word))
        combined = plan.openers[word] = self._combine(indexes)
        return combined

    def _may_open(self, index: int, word: str) -> bool:
        key = (index, word)
        found = self._opens.get(key)
        if found is None:
            found = self._opens[key] = may_begin_with(self.rules[index].pattern, [*word, _GAP_CHARS])
        return found

    def _combine(self, indexes: tuple[int, ...]) -> Combined | None:
        """Every rule given, tried at one position by one call.

        Each rule is an optional lookahead with its own group, so a single match says which
        rules match there and how far; only those are run again on their own to be parsed.
        """
        if indexes in self._combined:
            return self._combined[indexes]
        if not indexes:
            return None
        if len(indexes) == 1:
            # One rule: its own pattern, whose match the parser can then take as it is.
            (i,) = indexes
            combined = self._combined[indexes] = Combined(self.rules[i].pattern.match, ((0, i),), i)
            return combined
        parts = [f"(?:(?=(?P<rule{i}>\n{_uncaptured(self.rules[i].pattern.pattern, f'r{i}_')}\n))|)" for i in indexes]
        pattern = re.compile("".join(parts), self.flags)
        groups = tuple((pattern.groupindex[f"rule{i}"], i) for i in indexes)
        combined = self._combined[indexes] = Combined(pattern.match, groups)
        return combined

    # -- shared helpers ---------------------------------------------------------------------
    # Parsers run for every match, so the lexicon's lookups are kept here as flat dictionaries.
    def month_number(self, name: str) -> int | None:
        return self._months.get(name.lower().rstrip("."))

    def weekday_number(self, name: str) -> int | None:
        return self._weekdays.get(name.lower().rstrip("."))

    def unit(self, word: str) -> tuple[str, Unit] | None:
        """The unit a singular or plural unit word names, with its singular form."""
        return self._units.get(word.lower())

    def number(self, text: str | None) -> float | None:
        """The count a number group holds; None for a vague one ('several')."""
        if text is None:
            return None
        if text in self._numbers:
            return self._numbers[text]
        value = self._numbers[text] = self._number(text)
        return value

    def _number(self, text: str) -> float | None:
        t = " ".join(text.lower().split())
        if t in ("a", "an"):
            return 1
        try:
            return float(t)
        except ValueError:
            pass
        cards = self.lex.numbers.cardinals
        if t in cards:
            return cards[t]
        parts = re.split(r"[-\s]", t)
        if len(parts) == 2 and parts[0] in cards and parts[1] in cards:
            a, b = cards[parts[0]], cards[parts[1]]
            return a * b if b == 100 else a + b
        return None

    def previous_word(self, text: str, start: int) -> str:
        """The word just before `start` (commas and spaces between allowed), lower-cased; "" if none."""
        lo = max(0, start - 30)
        i = start
        while i > lo and (text[i - 1] == "," or text[i - 1].isspace()):
            i -= 1
        j = i
        while j > lo and text[j - 1] in _ASCII_LETTERS:
            j -= 1
        return text[j:i].lower()

    def next_word(self, text: str, end: int) -> str:
        m = _NEXT_WORD(text, end, end + 30)
        return m.group(1).lower() if m else ""


_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)").match


def _piece(m: re.Match[str], group: str | int, type_: str, value: ValueFn, role: str | None = None) -> Piece:
    s, e = m.span(group)
    return piece(s, e, type_, value, role)


def _strip_start(m: re.Match[str], skip_groups: tuple[str, ...]) -> int:
    """Where the expression starts once leading words that TimeML leaves out are skipped."""
    start = m.start()
    for g in skip_groups:
        if m.group(g) is not None and m.start(g) == start:
            start = m.end(g)
    return start


# =========================================================================================
# calendar dates
# =========================================================================================


def _day(text: str) -> int:
    """The number of a day group (see `Fragments.day`): one or two digits, then perhaps "st", "th" ..."""
    return int(text[:2]) if text[1:2].isdecimal() else int(text[:1])


def _parse_date(m: re.Match[str], r: Rules) -> list[Piece] | None:
    name, d, y = m.group("m", "d", "y")
    month = r.month_number(name)
    if month is None:
        return None
    day = _day(d)
    if day > 31 or (month == 2 and day > 29):
        return None
    year = int(y) if y else None
    span = m.span()
    lead_start, lead_end = m.span("lead")
    start = lead_end if lead_start == span[0] else span[0]  # "the" left out
    return [piece(start, span[1], "DATE", lambda ctx: ctx.month_day(month, day, year, span))]


def _pat_date_md(f: Fragments) -> str:
    return rf"""(?P<lead>the\s+)?(?:{f.weekday("w")},?\s+(?:the\s+)?)?{f.month("m")}\s*{f.day("d")}
                (?:,?\s*{f.year("y")})?"""


def _pat_date_dm(f: Fragments) -> str:
    return rf"""(?<![\d,.])(?:{f.weekday("w")},?\s+)?(?P<lead>the\s+)?{f.day("d")}(?:\s+of)?\s+{f.month("m")}
                (?:,?\s*{f.year("y")})?"""


_ORDINAL_DAY = r"(?P<d>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th))(?![\w%])"
_AFTER_DAY = frozenset(".,;:!?)]\"'’”")


def _day_ends(r: Rules, text: str, end: int) -> bool:
    """Whether an ordinal number ending at `end` may be a day rather than a rank ("the 3rd round",
    "2nd-largest"): at the end of the text or a clause, or before a word that no noun phrase
    goes on with ("on the 3rd, officials said", "on the 3rd at noon", "on the 3rd he resigned")."""
    c = text[end : end + 1]
    if not c or c in _AFTER_DAY:
        return True
    if not c.isspace():
        return False
    rest = text[end : end + 40].lstrip()
    if not rest or rest[0] in _AFTER_DAY or rest[0] in "—–-":
        return True
    word = r.next_word(text, end)
    return bool(word) and (rest[0].islower() or word == "i") and word in r._day_ordinal_followers


def _parse_ordinal_day(m: re.Match[str], r: Rules) -> list[Piece] | None:
    """ "on the 3rd", "by the 15th", "the 17th of the month": a day of the month without the month."""
    text = m.string
    start, end = m.span()
    if not m.group("ofm") and (r.previous_word(text, start) not in r._day_ordinal_cues or not _day_ends(r, text, end)):
        return None
    day = _day(m.group("d"))
    span = (start, end)
    return [piece(m.start("d"), end, "DATE", lambda ctx: ctx.day_of_month(day, None, span))]


def _pat_ordinal_day(f: Fragments) -> str:
    return rf"""(?<!\w)the\s+{_ORDINAL_DAY}(?P<ofm>\s+of\s+the\s+month(?!\w))?"""


def _parse_weekday_ordinal(m: re.Match[str], r: Rules) -> list[Piece] | None:
    """ "Monday the 17th", "Monday, 17th": a weekday and a day of the month, without the month."""
    wd = r.weekday_number(m.group("w"))
    start, end = m.span()
    if wd is None or not _day_ends(r, m.string, end):
        return None
    day = _day(m.group("d"))
    span = (start, end)
    return [piece(start, end, "DATE", lambda ctx: ctx.day_of_month(day, wd, span))]


def _pat_weekday_ordinal(f: Fragments) -> str:
    return rf"""{f.weekday("w")},?\s+(?:the\s+)?{_ORDINAL_DAY}"""


def _parse_weekend_days(m: re.Match[str], r: Rules) -> list[Piece] | None:
    """ "the weekend of the 12th and 13th": two days, as a range, in the month named or resolved
    as a day without its month is."""
    d1, d2 = _day(m.group("d1")), _day(m.group("d2"))
    name, y = m.group("m", "y")
    month = r.month_number(name) if name else None
    year = int(y) if y else None
    wrapped = d2 < d1  # "the 31st and 1st"
    if not (0 < d2 - d1 <= 2 or (wrapped and d1 >= 28 and d2 <= 2)):
        return None
    span = m.span()

    def first(ctx: Context) -> str:
        if month is not None:
            return ctx.month_day(month, d1, year, span)
        return ctx.day_of_month(d1, None, span)

    def second(ctx: Context) -> str:
        start = first(ctx)
        if not (start[:4].isdigit() and start[5:7].isdigit()):
            return start[:8] + f"{d2:02d}"
        y, mo = int(start[:4]), int(start[5:7])
        if wrapped:
            y, mo = add_months(y, mo, 1)
        return fmt_date(y, mo, d2)

    return [
        piece(span[0], m.end("d1"), "DATE", first, "start"),
        piece(m.start("d2"), span[1], "DATE", second, "end"),
    ]


def _pat_weekend_days(f: Fragments) -> str:
    day = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
    return rf"""(?:the\s+)?(?<!\w)weekend\s+of\s+(?:the\s+)?(?P<d1>{day})(?![\d%])
                (?:\s*(?:{DASH}|&)\s*|\s+(?:and|to)\s+)(?:the\s+)?(?P<d2>{day})(?![\w%])
                (?:\s+(?:of\s+)?{f.month("m")}(?:,?\s*{f.year("y")})?)?"""


# Shift words that count from the last date mentioned rather than from the anchor.
_ANAPHORIC_SHIFTS = frozenset({"the following", "the previous", "the next", "following"})


def _parse_weekday_of_week(m: re.Match[str], r: Rules) -> list[Piece] | None:
    """ "Friday of last week", "Thursday and Friday of last week": the days of a week named by its
    shift from the anchor's (or, for "the following week", from the last date mentioned)."""
    wd1 = r.weekday_number(m.group("w1"))
    wd2 = r.weekday_number(m.group("w2")) if m.group("w2") else None
    shift_word = " ".join(m.group("shift").lower().split())
    shift = r._shift_words.get(shift_word)
    if wd1 is None or shift is None or (m.group("w2") and wd2 is None):
        return None
    anaphoric = shift_word in _ANAPHORIC_SHIFTS
    start, end = m.span()
    if wd2 is None:
        return [piece(start, end, "DATE", lambda ctx: ctx.weekday_of_week(wd1, shift, anaphoric))]
    return [
        piece(start, m.end("w1"), "DATE", lambda ctx: ctx.weekday_of_week(wd1, shift, anaphoric)),
        piece(m.start("w2"), end, "DATE", lambda ctx: ctx.weekday_of_week(wd2, shift, anaphoric)),
    ]


def _pat_weekday_of_week(f: Fragments) -> str:
    return rf"""{f.weekday("w1")}(?:(?:\s*,\s*|\s+(?:and|or|&)\s+){f.weekday("w2")})?
                \s+of\s+(?P<shift>{f.shift})\s+week(?!\w)"""


def _range_pieces(
    m: re.Match[str], r: Rules, first: tuple[str, str], second: tuple[str, str], start_group: str
) -> list[Piece] | None:
    """Two dates sharing a year (and the first month when the second has none)."""
    name1, day1, name2, day2, y = m.group(first[0], first[1], second[0], second[1], "y")
    m1 = r.month_number(name1) if name1 else None
    m2 = r.month_number(name2) if name2 else None
    m1 = m1 or m2
    m2 = m2 or m1
    if m1 is None or m2 is None:
        return None
    d1, d2 = _day(day1), _day(day2)
    if m1 == m2 and d2 <= d1:
        return None
    year = int(y) if y else None
    span = m.span()

    def first_value(ctx: Context) -> str:
        return ctx.month_day(m1, d1, year, span)

    def second_value(ctx: Context) -> str:
        start_value = ctx.month_day(m1, d1, year, span)
        y = int(start_value[:4]) if start_value[:4].isdigit() else None
        if y is not None and m2 < m1:
            y += 1
        return fmt_date(y, m2, d2)

    s1 = m.start(start_group)
    end_of_first = m.end(first[1])
    if name1 and m.end(first[0]) > end_of_first:
        end_of_first = m.end(first[0])
    s2 = m.start(second[1])
    if name2 is not None and m.start(second[0]) < s2:
        s2 = m.start(second[0])
    return [
        piece(s1, end_of_first, "DATE", first_value, "start"),
        piece(s2, span[1], "DATE", second_value, "end"),
    ]


def _parse_range_md(m: re.Match[str], r: Rules) -> list[Piece] | None:
    return _range_pieces(m, r, ("m1", "d1"), ("m2", "d2"), "m1")


def _pat_range_md(f: Fragments) -> str:
    # Feb. 16-18 | Feb. 28-March 2 | between May 3 and 5 | from June 3 to 6, 2009
    return rf"""(?:(?P<btw>between)\s+|from\s+)?{f.month("m1")}\s*{f.day("d1")}
                (?(btw)\s+and\s+|{RANGE_SEP})
                (?:{f.month("m2")}\s*)?{f.day("d2")}(?!\s*{DASH}?\s*\d)(?:,?\s*{f.year("y")})?"""


def _parse_range_dm(m: re.Match[str], r: Rules) -> list[Piece] | None:
    return _range_pieces(m, r, ("m1", "d1"), ("m2", "d2"), "d1")


def _pat_range_dm(f: Fragments) -> str:
    # 16-18 February 2009 | 28 February - 2 March | between 3 and 5 May
    return rf"""(?<![\d,.])(?:(?P<btw>between)\s+|from\s+)?{f.day("d1")}(?:\s+(?:of\s+)?{f.month("m1")})?
                (?(btw)\s+and\s+|{RANGE_SEP})
                {f.day("d2")}(?:\s+of)?\s+{f.month("m2")}(?:,?\s*{f.year("y")})?"""


def _parse_month_year(m: re.Match[str], r: Rules) -> list[Piece] | None:
    month = r.month_number(m.group("m"))
    year = int(m.group("y"))
    return [piece(m.start(), m.end(), "DATE", _const(fmt_date(year, month)))]


def _pat_month_year(f: Fragments) -> str:
    return rf"""{f.edge}{f.month("m")},?\s*(?:of\s+)?{f.year("y")}"""


def _parse_month(m: re.Match[str], r: Rules) -> list[Piece] | None:
    name, shift_word, edge, of_rel = m.group("m", "shift", "edge", "ofrel")
    month = r.month_number(name)
    if month is None:
        return None
    shift_word = shift_word.lower() if shift_word else ""
    span = m.span()
    if (
        not shift_word
        and not edge
        and name.lower() in r._ambiguous_months
        and r.previous_word(m.string, span[0]) not in r._month_cues
    ):
        return None
    of_rel = of_rel.lower() if of_rel else ""
    shift = r._shift_words.get(shift_word) if shift_word else None

    def value(ctx: Context) -> str:
        a = ctx.anchor()
        if a is None or a.year is None:
            return fmt_date(None, month)
        if of_rel:
            return fmt_date(a.year + r.lex.words.shift_words.get(of_rel, 0), month)
        if shift is not None and shift != 0 and a.month is None:
            return fmt_date(a.year + shift, month)  # "last December" in a year-only article
        if shift is not None and shift != 0 and a.month is not None:
            if shift < 0:
                return fmt_date(a.year if month < a.month else a.year - 1, month)
            return fmt_date(a.year if month > a.month else a.year + 1, month)
        if shift == 0:
            return fmt_date(a.year, month)
        return ctx.month_day(month, None, None, span)

    return [piece(span[0], span[1], "DATE", value)]


def _pat_month(f: Fragments) -> str:
    return rf"""(?:(?P<shift>{f.shift})\s+|{f.edge}){f.month("m")}
                (?=\s+of\s+(?P<ofrel>this|last|next)\s+year)?"""


def _parse_iso(m: re.Match[str], r: Rules) -> list[Piece] | None:
    return [piece(m.start(), m.end(), "DATE", _const(m.group(0)[:10]))]


def _pat_iso(f: Fragments) -> str:
    return r"(?<![\w-])(?:1[6-9]|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\w-])"


def _parse_slash(m: re.Match[str], r: Rules) -> list[Piece] | None:
    a, b, c = int(m.group("a")), int(m.group("b")), m.group("c")
    year = int(c) if len(c) == 4 else (2000 + int(c) if int(c) < 50 else 1900 + int(c))
    month, day = (a, b) if a <= 12 else (b, a)  # month first unless impossible
    if month > 12 or day > 31 or day < 1 or month < 1:
        return None
    return [piece(m.start(), m.end(), "DATE", _const(fmt_date(year, month, day)))]


def _pat_slash(f: Fragments) -> str:
    return r"(?<![\w/.])(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<c>\d{4}|\d{2})(?![\w/]|\.\d)"


# =========================================================================================
# years, decades, centuries, seasons, quarters
# =========================================================================================


def _parse_year(m: re.Match[str], r: Rules) -> list[Piece] | None:
    y, edge, lead = m.group("y", "edge", "lead")
    start, end = m.span()
    if not edge and not lead:
        text = m.string
        if r.next_word(text, end) in r._year_blockers:
            return None
        if _NUMBER_SIGN(text, max(0, start - 3), start):
            return None
    return [piece(start, end, "DATE", _const(fmt_date(int(y))))]


_NUMBER_SIGN = re.compile(r"(?:No|no|#)\.?\s*$").search  # "No. 2009", "#1999": numbers, not years


def _pat_year(f: Fragments) -> str:
    # After an edge word a hyphen may stand before the year ("mid-2011"), elsewhere not ("1-2011").
    year = f.year("y").replace("(?<![\\w$£€#.,/-])", "(?(edge)(?<![\\w$£€#.,/])|(?<![\\w$£€#.,/-]))", 1)
    assert year != f.year("y")
    return rf"""{f.edge}(?P<lead>the\s+year\s+|(?:fiscal|FY)\s*)?{year}"""


def _parse_year_range(m: re.Match[str], r: Rules) -> list[Piece] | None:
    y1 = int(m.group("y1"))
    raw2 = m.group("y2")
    y2 = int(raw2) if len(raw2) == 4 else (y1 // 100) * 100 + int(raw2)
    if y2 <= y1 or y2 - y1 > 100:
        return None
    pieces = [
        _piece(m, "y1", "DATE", _const(fmt_date(y1)), "start"),
        _piece(m, "y2", "DATE", _const(fmt_date(y2)), "end"),
    ]
    if m.group("btw") or m.group("frm"):
        pieces.append(piece(m.start(), m.end(), "DURATION", _const(f"P{y2 - y1}Y"), "span"))
    return pieces


def _pat_year_range(f: Fragments) -> str:
    return rf"""(?:(?P<btw>between)\s+|(?P<frm>from)\s+)?{f.year("y1")}
                (?(btw)\s+and\s+|(?:\s*(?:{DASH}|/)\s*|\s+(?:to|through|until|till)\s+))
                (?P<y2>(?:1[6-9]|20)\d\d|\d\d)(?![\w%]|[.,]\d)"""


def _parse_decade(m: re.Match[str], r: Rules) -> list[Piece] | None:
    raw = m.group("dec").lstrip("'’")
    digits = raw[:-2] if raw.endswith("0s") else raw[:-1]
    if len(digits) == 4 - 1:
        value = digits
    else:
        two = int(raw[:2])

        def value_fn(ctx: Context) -> str:
            a = ctx.anchor()
            century = 19 if a is None or a.year is None or 1900 + two * 1 + two * 0 <= a.year else 18
            if a is not None and a.year is not None and 2000 + two <= a.year and two < 30:
                century = 20
            return f"{century}{two // 10}"

        return [piece(m.start(), m.end(), "DATE", value_fn)]
    return [piece(m.start(), m.end(), "DATE", _const(value))]


def _pat_decade(f: Fragments) -> str:
    return rf"""(?:the\s+)?{f.edge}(?<![\w$£€])(?P<dec>(?:1[6-9]|20)\d0s|['’]\d0s|[1-9]0s)(?!\w)"""


def _parse_century(m: re.Match[str], r: Rules) -> list[Piece] | None:
    word = m.group("ord").lower()
    n = r.lex.numbers.ordinals.get(word)
    if n is None:
        digits = re.match(r"\d+", word)
        n = int(digits.group(0)) if digits else None
    if not n or n > 21:
        return None
    return [piece(m.start(), m.end(), "DATE", _const(f"{n - 1:02d}"))]


def _pat_century(f: Fragments) -> str:
    ords = (
        "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth"
        "|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first"
    )
    return rf"""(?:the\s+)?{f.edge}(?P<ord>{ords}|\d{{1,2}}(?:st|nd|rd|th))[-\s]+century(?!\w)"""


def _apostrophe_year(m: re.Match[str], r: Rules) -> list[Piece] | None:
    if r.previous_word(m.string, m.start()) not in r._year_preps:
        return None
    yy = int(m.group("yy"))

    def value(ctx: Context) -> str:
        a = ctx.anchor()
        century = 1900
        if a is not None and a.year is not None and 2000 + yy <= a.year:
            century = 2000
        return fmt_date(century + yy)

    return [piece(m.start(), m.end(), "DATE", value)]


def _pat_apostrophe_year(f: Fragments) -> str:
    return r"(?<![\w'’])['’](?P<yy>\d\d)(?![\w'’%])"


def _parse_season(m: re.Match[str], r: Rules) -> list[Piece] | None:
    name = m.group("season").lower()
    code = r.lex.calendar.seasons[name]
    shift_word = (m.group("shift") or "").lower()
    if name in r.lex.calendar.ambiguous_seasons and not (shift_word or m.group("y") or m.group("the")):
        return None
    # "the fall of Rome": a season only when nothing hangs off it
    if (
        m.group("the")
        and not m.group("y")
        and name in r.lex.calendar.ambiguous_seasons
        and re.match(r"\s+of\b", m.string[m.end() : m.end() + 5])
    ):
        return None
    year = int(m.group("y")) if m.group("y") else None
    shift = r.lex.words.shift_words.get(shift_word, 0) if shift_word else 0
    span = m.span()

    def value(ctx: Context) -> str:
        if year is not None:
            return f"{year:04d}-{code}"
        a = ctx.anchor()
        if a is None or a.year is None:
            return f"XXXX-{code}"
        y = a.year + shift
        if shift == 0 and not shift_word and a.month is not None:
            # a bare season in a past-tense sentence that has not begun yet this year is last year's
            start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
            if ctx.tense(*span) == "past" and start_month > a.month:
                y -= 1
        return f"{y:04d}-{code}"

    return [piece(m.start(), m.end(), "DATE", value)]


def _pat_season(f: Fragments) -> str:
    return rf"""(?:(?P<shift>{f.shift})\s+|{f.edge}|(?P<the>the\s+))?(?<!\w)(?P<season>{f.season})(?!\w)
                (?:\s+(?:of\s+)?{f.year("y")})?"""


def _parse_quarter(m: re.Match[str], r: Rules) -> list[Piece] | None:
    word = m.group("ord").lower()
    half = m.group("qu").lower() == "half"
    last = word in r.lex.numbers.last_ordinals
    n = r.lex.numbers.ordinals.get(word)
    parts = 2 if half else 4
    if not last and (n is None or n > parts):
        return None
    year = int(m.group("y")) if m.group("y") else None
    rel = (m.group("rel") or "").lower()
    has_of = m.group("of") is not None
    letter = "H" if half else "Q"
    span = m.span()
    start = m.start("ord") if m.group("the") is None and not has_of else m.start()
    start = m.start()

    def value(ctx: Context) -> str:
        a = ctx.anchor()
        if year is not None:
            return f"{year:04d}-{letter}{parts if last else n}"
        if rel:
            shift = r.lex.words.shift_words.get(" ".join(rel.split()), 0)
            base = a.year + shift if a and a.year is not None else None
            return f"{fmt_date(base)}-{letter}{parts if last else n}"
        if a is None or a.year is None:
            return f"XXXX-{letter}{parts if last else n}"
        if a.month is None:
            return f"{a.year:04d}-{letter}{parts if last else n}"
        current = (a.month - 1) // (12 // parts) + 1
        if last and not has_of:
            index = a.year * parts + current - 2  # "the last quarter": the one before this
            return f"{index // parts:04d}-{letter}{index % parts + 1}"
        q = parts if last else n
        tense = ctx.tense(*span)
        best: tuple[int, int] | None = None
        for y in (a.year - 1, a.year):
            dist = (y - a.year) * parts + q - current  # type: ignore[operator]
            cost = abs(dist) + (2 if (tense == "past" and dist > 0) or (tense == "future" and dist < 0) else 0)
            if best is None or cost < best[0]:
                best = (cost, y)
        return f"{best[1]:04d}-{letter}{q}"  # type: ignore[index]

    return [piece(start, m.end(), "DATE", value)]


def _pat_quarter(f: Fragments) -> str:
    return rf"""(?P<the>the\s+)?(?P<ord>{f.ordinal})[-\s]+(?:(?:fiscal|financial)[-\s]+)?(?P<qu>quarter|half)(?!\w)
                (?P<of>\s+of\s+(?:the\s+)?(?:(?P<rel>{f.shift})\s+(?:(?:fiscal|financial)\s+)?year
                   |(?:(?:fiscal|financial)\s+)?{f.year("y")}|(?:(?:fiscal|financial)\s+)?year))?"""


def _parse_week_of_month(m: re.Match[str], r: Rules) -> list[Piece] | None:
    """ "the last week of March", "the first week of June 2010": an ISO week."""
    word = m.group("ord").lower()
    nth = -1 if word in r.lex.numbers.last_ordinals else r.lex.numbers.ordinals.get(word)
    month = r.month_number(m.group("m"))
    if nth is None or not (nth == -1 or 1 <= nth <= 4) or month is None:
        return None
    year = int(m.group("y")) if m.group("y") else None
    span = m.span()
    return [piece(span[0], span[1], "DATE", lambda ctx: ctx.week_of_month(month, nth, year, span))]


def _pat_week_of_month(f: Fragments) -> str:
    return rf"""(?:the\s+)?(?<!\w)(?P<ord>first|second|third|fourth|last|final|1st|2nd|3rd|4th)\s+week\s+of\s+
                {f.month("m")}(?:,?\s*{f.year("y")})?"""


def _parse_quarter_code(m: re.Match[str], r: Rules) -> list[Piece] | None:
    q = int(m.group("q"))
    year = int(m.group("y")) if m.group("y") else None
    if m.group("yy"):
        year = 2000 + int(m.group("yy"))

    def value(ctx: Context) -> str:
        a = ctx.anchor()
        y = year if year is not None else (a.year if a else None)
        return f"{fmt_date(y)}-Q{q}"

    return [piece(m.start(), m.end(), "DATE", value)]


def _pat_quarter_code(f: Fragments) -> str:
    return rf"""(?<!\w)(?-i:Q)(?P<q>[1-4])(?:\s*{f.year("y")}|\s*['’](?P<yy>\d\d))?(?!\w)"""


# =========================================================================================
# days: today, weekdays, parts of day, clock times, holidays
# =========================================================================================

_POD_WORDS = "morning|afternoon|evening|night"


def _pod_code(r: Rules, word: str | None) -> str | None:
    return r._parts_of_day.get(word.lower()) if word else None


def _parse_relative_day(m: re.Match[str], r: Rules) -> list[Piece] | None:
    word = " ".join(m.group("rd").lower().split())
    delta = r.lex.words.relative_days[word]
    pod = _pod_code(r, m.group("pod")) or ("NI" if word in r.lex.words.night_words else None)

    def value(ctx: Context) -> str:
        day = ctx.shifted_day(delta)
        return f"{day}T{pod}" if pod else day

    return [piece(m.start(), m.end(), "TIME" if pod else "DATE", value)]


def _pat_relative_day(f: Fragments) -> str:
    return rf"""(?:(?:earlier|later|early|late)\s+)?(?<!\w)(?P<rd>{f.relative_day})(?!\w)
                (?:\s+(?P<pod>{_POD_WORDS}))?"""


def _parse_weekday(m: re.Match[str], r: Rules) -> list[Piece] | None:
    name, shift_word, pod_word = m.group("w", "shift", "pod")
    wd = r.weekday_number(name)
    if wd is None:
        return None
    direction = r._shift_words.get(" ".join(shift_word.lower().split())) if shift_word else None
    if direction == 0:
        direction = None  # "this Friday": the nearest one
    pod = _pod_code(r, pod_word)
    span = m.span()

    def value(ctx: Context) -> str:
        day = ctx.weekday(wd, direction, span)
        return f"{day}T{pod}" if pod else day

    return [piece(span[0], span[1], "TIME" if pod else "DATE", value)]


def _pat_weekday(f: Fragments) -> str:
    return rf"""(?:(?P<shift>last|next|this|coming|past|previous|the\s+following|the\s+previous)\s+)?
                {f.weekday("w")}(?:\s+(?P<pod>{_POD_WORDS}))?"""


def _parse_part_of_day(m: re.Match[str], r: Rules) -> list[Piece] | None:
    det = (m.group("det") or "").lower()
    word = m.group("pod").lower()
    if word == "night" and not det:
        return None
    if det == "the" and word == "night":
        return None
    code = r.lex.calendar.parts_of_day[word]
    if det in ("every", "each"):
        return [piece(m.start(), m.end(), "SET", _const(f"XXXX-XX-XXT{code}"))]
    delta = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(det, 0)

    def value(ctx: Context) -> str:
        if det in ("that", "the", "early", "late", "") and ctx.last_day is not None:
            base = ctx.last_day
            return f"{fmt_date(base.year, base.month, base.day)}T{code}"
        return f"{ctx.shifted_day(delta)}T{code}"

    start = m.start() if det not in ("the",) else m.start("pod")
    start = m.start()
    return [piece(start, m.end(), "TIME", value)]


def _pat_part_of_day(f: Fragments) -> str:
    return rf"""(?:(?P<det>this|that|the|yesterday|tomorrow|early|late|last|every|each)\s+)?(?<!\w)
                (?P<pod>{f.part_of_day})(?!\w)"""


def _parse_clock(m: re.Match[str], r: Rules) -> list[Piece] | None:
    sep = m.group("sep")
    ampm = (m.group("ampm") or "").lower().replace(".", "").replace(" ", "")
    tz = (m.group("tz") or "").lower()
    if sep == "." and not ampm and not tz:
        return None
    hour, minute = int(m.group("h")), int(m.group("mi"))
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23:
        return None
    return _timed(m, r, hour, minute, tz)


def _timed(m: re.Match[str], r: Rules, hour: int, minute: int, tz: str) -> list[Piece]:
    zulu = "Z" if tz in r.lex.calendar.utc_zones and not m.group("off") else ""
    day_word = m.group("day")
    clock = f"T{hour:02d}:{minute:02d}{zulu}"

    def value(ctx: Context) -> str:
        if day_word:
            key = day_word.lower()
            if key in r.lex.words.relative_days:
                day = ctx.shifted_day(r.lex.words.relative_days[key])
            else:
                wd = r.weekday_number(day_word) or 1
                day = ctx.weekday(wd, None, m.span())
        else:
            d = ctx.anchor()
            day = fmt_date(d.year, d.month, d.day) if d and d.full else "XXXX-XX-XX"
        return day + clock

    return [piece(m.start(), m.end(), "TIME", value, floating=not day_word)]


_TIME_TAIL = r"""(?:\s*\(?\s*(?P<tz>{zones})(?:\s*(?P<off>[+-]\s*\d{{1,2}}(?::?\d\d)?))?(?:\s*\))?)?
                 (?:,?\s+(?P<day>today|yesterday|tomorrow|tonight|{weekday}))?"""


def _pat_clock(f: Fragments) -> str:
    tail = _TIME_TAIL.format(zones=f.zones, weekday=f.weekday_any)
    return rf"""(?<![\w.,:$£€])(?P<h>[01]?\d|2[0-3])(?P<sep>[:.])(?P<mi>[0-5]\d)(?::[0-5]\d)?(?![\d%]|\.\d)
                (?:\s*(?P<ampm>[ap]\.?\s?m\.?(?!\w)))?{tail}"""


def _parse_clock_ampm(m: re.Match[str], r: Rules) -> list[Piece] | None:
    hour = int(m.group("h"))
    ampm = m.group("ampm").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    return _timed(m, r, hour, 0, (m.group("tz") or "").lower())


def _pat_clock_ampm(f: Fragments) -> str:
    tail = _TIME_TAIL.format(zones=f.zones, weekday=f.weekday_any)
    return rf"""(?<![\w.,:$£€])(?P<h>1[0-2]|0?[1-9])\s*(?P<ampm>[ap]\.m\.|[ap]m(?!\w)){tail}"""


def _parse_clock_military(m: re.Match[str], r: Rules) -> list[Piece] | None:
    hm = m.group("hm")
    return _timed(m, r, int(hm[:2]), int(hm[2:]), (m.group("tz") or "").lower())


def _pat_clock_military(f: Fragments) -> str:
    tail = _TIME_TAIL.format(zones=f.zones, weekday=f.weekday_any)
    tail = tail.replace("(?P<tz>", "(?P<tz0>", 1).replace("(?P<off>", "(?P<off0>", 1)
    return rf"""(?<![\w.,:$£€])(?P<hm>(?:[01]\d|2[0-3])[0-5]\d)\s*(?P<tz>(?-i:UTC|GMT|Z)|hours|hrs)(?P<off>)?
                (?:,?\s+(?P<day>today|yesterday|tomorrow|tonight|{f.weekday_any}))?"""


def _parse_noon(m: re.Match[str], r: Rules) -> list[Piece] | None:
    word = m.group("nm").lower()
    hour = 0 if word == "midnight" else 12
    return _timed(m, r, hour, 0, "")


def _pat_noon(f: Fragments) -> str:
    return rf"""(?<!\w)(?P<nm>noon|midday|midnight)(?P<tz>)(?P<off>)(?!\w)
                (?:,?\s+(?P<day>today|yesterday|tomorrow|tonight|{f.weekday_any}))?"""


def _parse_holiday(m: re.Match[str], r: Rules) -> list[Piece] | None:
    name = " ".join(m.group("hol").lower().split()).replace("’", "'")
    md = r.lex.calendar.holidays.get(name)
    if md is None:
        return None
    month, day = (int(x) for x in md.split("-"))
    year = int(m.group("y")) if m.group("y") else None
    span = m.span()
    return [piece(m.start(), m.end(), "DATE", lambda ctx: ctx.month_day(month, day, year, span))]


def _pat_holiday(f: Fragments) -> str:
    return rf"""(?<!\w)(?P<hol>{f.holiday.replace("'", "['’]")})(?!\w)(?:\s+{f.year("y")})?"""


# =========================================================================================
# relative units: this week, last year, next month, the past decade, two days ago
# =========================================================================================

_UNIT_CODES = {
    "day": "D",
    "week": "W",
    "weekend": "WE",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
}


def _parse_relative_unit(m: re.Match[str], r: Rules) -> list[Piece] | None:
    shift_word, unit = m.group("shift", "unit")
    shift_word = " ".join(shift_word.lower().split())
    unit = unit.lower()
    code = _UNIT_CODES[unit]
    shift = r._shift_words.get(shift_word, 0)
    anaphoric = shift_word in _ANAPHORIC_SHIFTS
    if shift_word in ("the past", "past") or (shift_word == "the last" and unit in ("decade", "century")):
        # "the past year", "the last decade": a stretch of time up to now
        if unit == "weekend":
            return None
        factor = {
            "D": (1, "D"),
            "W": (1, "W"),
            "M": (1, "M"),
            "Q": (1, "Q"),
            "Y": (1, "Y"),
            "DE": (10, "Y"),
            "CE": (100, "Y"),
        }
        n, letter = factor[code]
        return [piece(m.start(), m.end(), "DURATION", _const(duration(n, letter)))]
    if code == "D":
        if shift_word in ("this", "current", "the current"):
            return None

        def day_value(ctx: Context) -> str:
            base = ctx.last_day if anaphoric and ctx.last_day else None
            return ctx.unit_shift("D", shift, base)

        return [piece(m.start(), m.end(), "DATE", day_value)]

    def value(ctx: Context) -> str:
        base = ctx.anaphor() if anaphoric else None
        return ctx.unit_shift(code, shift, base)

    return [piece(m.start(), m.end(), "DATE", value)]


def _pat_relative_unit(f: Fragments) -> str:
    return rf"""{f.edge}(?<!\w)(?P<shift>{f.shift})\s+(?:(?:fiscal|financial|calendar)\s+)?
                (?P<unit>day|weekend|week|month|quarter|year|decade|century)(?!\w)(?!\s+(?:of|old)\b)"""


def _parse_ago(m: re.Match[str], r: Rules) -> list[Piece] | None:
    found = r.unit(m.group("unit"))
    if found is None:
        return None
    _, unit = found
    amount = r.number(m.group("num"))
    direction = " ".join(m.group("dir").lower().split())
    sign = 1 if direction in ("later", "after", "from now", "hence", "afterwards") else -1
    code = unit.code
    n = amount * unit.factor if amount is not None else None
    dur = duration(n, code, unit.time)
    if direction in ("before", "after"):
        return [piece(m.start(), m.end("unit"), "DURATION", _const(dur))]
    if unit.time:
        return [piece(m.start(), m.end(), "DURATION", _const(dur))]
    anaphoric = direction != "ago" and direction not in ("from now", "hence")

    def value(ctx: Context) -> str:
        base = ctx.anaphor() if anaphoric else None
        got = ctx.back_by(n, code, sign, base)
        return got or dur

    return [piece(m.start(), m.end(), "DATE", value)]


def _pat_ago(f: Fragments) -> str:
    return rf"""{f.approx}{f.number("num")}[-\s]+{f.fillers}(?P<unit>{f.unit_any})
                \s+(?P<dir>ago|earlier|later|before|after|from\s+now|hence|back|previously)(?!\w)"""


def _duration_value(r: Rules, num: str | None, unit_word: str, half: bool) -> str | None:
    found = r._units.get(unit_word.lower())
    if found is None:
        return None
    unit = found[1]
    amount = r.number(num) if num is not None else None  # None too for "several", "a few"
    if amount is not None and half:
        amount += 0.5
    if amount is None:
        letter = unit.vague_code or unit.code
        return duration(None, letter, unit.time)
    return duration(amount * unit.factor, unit.code, unit.time)


def _parse_duration(m: re.Match[str], r: Rules) -> list[Piece] | None:
    num, unit_word, half1, half2 = m.group("num", "unit", "half1", "half2")
    unit_key = unit_word.lower()
    num_key = num.lower()
    amount = r.number(num)
    if amount == 1 and num_key in ("a", "an", "one") and unit_key not in r._singular_units:
        return None
    if unit_key == "second" and num_key in ("a", "an"):
        return None
    start, end = m.span()
    if unit_key.startswith("quarter") and (
        amount == 1 or r.next_word(m.string, end) in ("of", "percent", "mile", "point")
    ):
        return None  # "a quarter of its dealers": a fraction
    value = _duration_value(r, num, unit_word, bool(half1 or half2))
    if value is None:
        return None
    return [piece(start, end, "DURATION", _const(value))]


def _pat_duration(f: Fragments) -> str:
    shifts = "past|last|next|first|coming|previous|following|final|remaining|initial|same|other"
    return rf"""(?:(?P<det>the)\s+(?P<shift>{shifts})\s+)?
                {f.approx}{f.number("num")}(?P<half1>\s+and\s+a\s+half)?(?P<hy>[-\s]+){f.fillers}
                (?<!\w)(?P<unit>{f.unit_any})(?!\w)(?P<half2>\s+and\s+a\s+half)?(?:[-\s](?:long|old)(?!\w))?"""


def _parse_half(m: re.Match[str], r: Rules) -> list[Piece] | None:
    unit = m.group("unit").lower()
    value = {
        "hour": "PT30M",
        "day": "PT12H",
        "year": "P6M",
        "month": "P2W",
        "week": "P3.5D",
        "decade": "P5Y",
        "century": "P50Y",
        "minute": "PT30S",
    }.get(unit)
    if value is None:
        return None
    return [piece(m.start(), m.end(), "DURATION", _const(value))]


def _pat_half(f: Fragments) -> str:
    return rf"""(?<!\w)half\s+(?:an?|the)\s+(?P<unit>{f.unit_singular})(?!\w)"""


def _parse_bare_plural(m: re.Match[str], r: Rules) -> list[Piece] | None:
    if not (m.group("pre") or m.group("long") or m.group("lead")):
        return None
    value = _duration_value(r, None, m.group("unit"), False)
    if value is None:
        return None
    start = m.start("pre") if m.group("pre") else m.start("unit")
    return [piece(start, m.end(), "DURATION", _const(value))]


def _pat_bare_plural(f: Fragments) -> str:
    return rf"""(?:(?P<lead>for|in|within|just|mere|only|took|takes|take|taking)\s+)?
                (?:(?P<pre>recent|past|coming|many|the\s+past|the\s+coming|the\s+last|over\s+the|over|for\s+the)\s+)?
                (?<!\w)(?P<unit>{f.unit_plural})(?!\w)(?P<long>[-\s]long(?!\w))?"""


# =========================================================================================
# reference words, sets, anaphora
# =========================================================================================


def _parse_reference(m: re.Match[str], r: Rules) -> list[Piece] | None:
    word = " ".join(m.group("ref").lower().split())
    value = r._reference_words.get(word)
    if value is None:
        return None
    end = m.end()
    if word == "current" and r.next_word(m.string, end) in ("account", "accounts", "affairs", "events"):
        return None
    return [piece(m.start("ref"), end, "DATE", _const(value))]


def _pat_reference(f: Fragments) -> str:
    return rf"""(?<![\w-])(?P<ref>{f.reference_word})(?![\w-])"""


def _parse_set(m: re.Match[str], r: Rules) -> list[Piece] | None:
    word = " ".join(m.group("set").lower().split())
    value = r.lex.words.sets.get(word)
    if value is None:
        return None
    return [piece(m.start(), m.end(), "SET", _const(value))]


def _pat_set(f: Fragments) -> str:
    return rf"""(?<![\w-])(?P<set>{f.set_word})(?![\w-])"""


def _parse_every(m: re.Match[str], r: Rules) -> list[Piece] | None:
    target = m.group("t")
    wd = r.weekday_number(target)
    if wd is not None:
        return [piece(m.start(), m.end(), "SET", _const(f"XXXX-WXX-{wd}"))]
    month = r.month_number(target)
    if month is not None:
        return [piece(m.start(), m.end(), "SET", _const(fmt_date(None, month)))]
    n = r.number(m.group("num")) if m.group("num") else 1
    if m.group("other"):
        n = (n or 1) * 2
    value = _duration_value(r, fmt_number(n or 1), target, False)
    if value is None:
        return None
    return [piece(m.start(), m.end(), "SET", _const(value))]


def _pat_every(f: Fragments) -> str:
    return rf"""(?<!\w)(?:every|each)\s+(?P<other>other\s+)?(?:{f.number("num")}\s+)?
                (?P<t>{f.unit_any}|{f.weekday_any}|{f.month_full})(?!\w)"""


def _parse_rate(m: re.Match[str], r: Rules) -> list[Piece] | None:
    unit_word, per, lead = m.group("unit", "per", "lead")
    unit_word = unit_word.lower()
    if unit_word == "annum":
        value = "P1Y"
    else:
        value = _duration_value(r, "1", unit_word, False)
        if value is None:
            return None
    if not lead and per.lower() in ("a", "an"):
        return None
    return [piece(m.start("rate"), m.end(), "SET", _const(value))]


def _pat_rate(f: Fragments) -> str:
    return rf"""(?:(?P<lead>\d[\d,.]*%?|twice|once|times|thrice|percent|million|billion|bn|[mk])\s+)?
                (?P<rate>(?P<per>per|an?)\s+(?P<unit>annum|{f.unit_singular}))(?!\w)"""


def _parse_anaphora(m: re.Match[str], r: Rules) -> list[Piece] | None:
    det = " ".join((m.group("det") or "").lower().split())
    head = m.group("head").lower()
    adj = (m.group("adj") or "").lower()
    post = (m.group("post") or "").lower()
    if not det and not m.group("edge"):
        return None
    if head in ("time", "period", "date") and not det.startswith("that"):
        return None
    if head == "weekend":
        return [piece(m.start(), m.end(), "DATE", lambda ctx: ctx.unit_shift("WE", 0))]
    if det in ("the", "the entire", "the whole") and head == "week" and not adj and not post and not m.group("edge"):
        return [piece(m.start(), m.end(), "DURATION", _const("P1W"))]
    shift = {"following": 1, "next": 1, "previous": -1, "preceding": -1, "prior": -1}.get(adj, 0)
    shift += {"after": 1, "later": 1, "before": -1, "earlier": -1, "previous": -1, "prior": -1}.get(post, 0)
    code = r.lex.words.anaphora_heads[head]

    def value(ctx: Context) -> str:
        if code == "D":
            base = ctx.last_day or ctx.anchor()
            return (
                ctx.unit_shift("D", shift, base)
                if base and base.full
                else (fmt_date(base.year) + "-XX-XX" if base and base.year else "XXXX-XX-XX")
            )
        base = ctx.anaphor()
        if base is None:
            return "XXXX-XX-XX"
        if code in ("T", "P"):
            if base.full:
                return fmt_date(base.year, base.month, base.day)
            return fmt_date(base.year, base.month)
        return ctx.unit_shift(code, shift, base)

    return [piece(m.start(), m.end(), "DATE", value)]


def _pat_anaphora(f: Fragments) -> str:
    return rf"""{f.edge}(?:(?P<det>{f.anaphora_det})\s+)?(?:(?P<adj>following|next|previous|preceding|prior)\s+)?
                (?<!\w)(?P<head>{f.anaphora_head})(?!\w)
                (?:\s+(?P<post>before|after|earlier|later|previous|prior)(?=\s*(?:[.,;:!?)"'’”]|$)))?"""


def _parse_same_period(m: re.Match[str], r: Rules) -> list[Piece] | None:
    year = int(m.group("y")) if m.group("y") else None

    def value(ctx: Context) -> str:
        base = ctx.last_mention or ctx.anchor()
        if base is None or base.year is None:
            return "XXXX"
        y = year if year is not None else base.year - 1
        return fmt_date(y, base.month, base.day)

    return [piece(m.start(), m.end(), "DATE", value)]


def _pat_same_period(f: Fragments) -> str:
    return rf"""(?:the\s+)?same\s+(?:period|month|quarter|week|day|time|season)\s+
                (?:last\s+year|a\s+year\s+(?:ago|earlier|before)|(?:of|in)\s+(?:the\s+)?(?:last|previous|prior)\s+year
                  |the\s+(?:previous|prior)\s+year|(?:of|in)\s+{f.year("y")})"""


# =========================================================================================
# the rule table: (name, pattern template, parser); earlier rules win ties of equal length
# =========================================================================================

_RULES: list[tuple[str, Callable[[Fragments], str], Parser, str]] = [
    ("date.range.month_day", _pat_range_md, _parse_range_md, "MONTH"),
    ("date.range.day_month", _pat_range_dm, _parse_range_dm, "NUM12"),
    ("date.range.year", _pat_year_range, _parse_year_range, "YEAR4"),
    ("date.iso", _pat_iso, _parse_iso, "YEAR4"),
    ("date.numeric", _pat_slash, _parse_slash, "NUM12"),
    ("date.month_day", _pat_date_md, _parse_date, "MONTH WEEKDAY"),
    ("date.day_month", _pat_date_dm, _parse_date, "NUM12 WEEKDAY"),
    ("date.ordinal_day", _pat_ordinal_day, _parse_ordinal_day, "NUM12"),
    ("date.weekday_ordinal", _pat_weekday_ordinal, _parse_weekday_ordinal, "WEEKDAY"),
    ("date.weekend_days", _pat_weekend_days, _parse_weekend_days, "ANAPH"),
    ("date.weekday_of_week", _pat_weekday_of_week, _parse_weekday_of_week, "WEEKDAY"),
    ("date.month_year", _pat_month_year, _parse_month_year, "MONTH"),
    ("date.same_period", _pat_same_period, _parse_same_period, "UNIT ANAPH"),
    ("date.quarter", _pat_quarter, _parse_quarter, "UNIT HALF"),
    ("date.week_of_month", _pat_week_of_month, _parse_week_of_month, "UNIT"),
    ("date.quarter_code", _pat_quarter_code, _parse_quarter_code, "QCODE"),
    ("date.holiday", _pat_holiday, _parse_holiday, "HOLIDAY"),
    ("date.season", _pat_season, _parse_season, "SEASON"),
    ("date.century", _pat_century, _parse_century, "UNIT"),
    ("date.decade", _pat_decade, _parse_decade, "NUM12 YEAR4 APOS"),
    ("date.year", _pat_year, _parse_year, "YEAR4"),
    ("date.year_apostrophe", _pat_apostrophe_year, _apostrophe_year, "APOS"),
    ("date.month", _pat_month, _parse_month, "MONTH"),
    ("time.clock", _pat_clock, _parse_clock, "NUM12"),
    ("time.clock_ampm", _pat_clock_ampm, _parse_clock_ampm, "NUM12"),
    ("time.clock_utc", _pat_clock_military, _parse_clock_military, "YEAR4 NUM"),
    ("time.noon", _pat_noon, _parse_noon, "POD"),
    ("date.relative_day", _pat_relative_day, _parse_relative_day, "RELDAY"),
    ("date.weekday", _pat_weekday, _parse_weekday, "WEEKDAY"),
    ("date.ago", _pat_ago, _parse_ago, "UNIT"),
    ("set.rate", _pat_rate, _parse_rate, "UNIT"),
    ("set.every", _pat_every, _parse_every, "EVERY"),
    ("set.word", _pat_set, _parse_set, "SET"),
    ("date.relative_unit", _pat_relative_unit, _parse_relative_unit, "UNIT ANAPH"),
    ("duration.count", _pat_duration, _parse_duration, "UNIT"),
    ("duration.half", _pat_half, _parse_half, "HALF"),
    ("duration.plural", _pat_bare_plural, _parse_bare_plural, "UNIT"),
    ("time.part_of_day", _pat_part_of_day, _parse_part_of_day, "POD"),
    ("date.anaphora", _pat_anaphora, _parse_anaphora, "UNIT ANAPH"),
    ("date.reference", _pat_reference, _parse_reference, "REF"),
]


_OPENS_WITH_TRIGGER = frozenset(
    {
        "date.iso",
        "date.numeric",
        "time.clock",
        "time.clock_ampm",
        "time.clock_utc",
        "time.noon",
        "date.holiday",
        "date.quarter_code",
        "date.year_apostrophe",
        "set.word",
        "date.reference",
        "set.every",
        "date.month_day",
        "date.day_month",
        "date.weekday_ordinal",
        "date.weekday_of_week",
    }
)


_MAX_OPENING_WORDS = 6
_GAP_CHARS = " \t\n,-–"  # between opening words
_GAP = f"[{re.escape(_GAP_CHARS)}]"


def _openings_pattern(prefix_words: frozenset[str], flags: int = 0) -> re.Pattern[str]:
    """Run on the reversed text from a trigger: the words before it that may open an expression.

    Up to six words, each a prefix word or one starting with a digit (read backwards: ending
    with one), the first after up to three gap characters and the others after one to three;
    group k holds the k-th word back. Reading backwards lets one call walk the words in order,
    and stop at the first that cannot open anything.
    """
    word = rf"(?:{trie(w[::-1] for w in prefix_words)}|[^\W_]*\d)(?![^\W_])"
    tail = ""
    for _ in range(_MAX_OPENING_WORDS - 1):
        tail = f"(?:{_GAP}{{1,3}}({word}){tail})?"
    return re.compile(f"{_GAP}{{0,3}}({word}){tail}", flags)


# Rules that never match from their trigger word itself: a count, shift word, determiner or
# ordinal comes first ("two days", "last week", "the same day", "the third quarter").
_NEEDS_OPENING = frozenset(
    {
        "date.same_period",
        "date.quarter",
        "date.century",
        "date.ago",
        "set.rate",
        "date.relative_unit",
        "duration.count",
        "date.anaphora",
        "date.ordinal_day",
        "date.week_of_month",
    }
)


def _hangs_on(rule: str, lex: Lexicon) -> set[str] | None:
    """The trigger words (lower case) a rule's match is found from, where fewer than its kinds allow.

    A match holds one of these words after nothing but opening words, so trying the rule at the
    other trigger words of its kinds ("years" for "the third quarter", "second" for "two days")
    could only find again what these find.
    """
    units = lex.units.units
    singular = set(units)
    plural = {u.plural for u in units.values()}
    words = {
        "date.same_period": {"period", "month", "quarter", "week", "day", "time", "season"},
        "date.quarter": {"quarter", "half"},
        "date.century": {"century"},
        "set.rate": singular | {"annum"},
        "date.relative_unit": set(_UNIT_CODES),
        "duration.plural": plural,
        "date.anaphora": set(lex.words.anaphora_heads),
        "date.weekend_days": {"weekend"},
        "date.week_of_month": {"week"},
        "duration.count": singular | plural,
        "date.ago": singular | plural,
    }
    return words.get(rule)


def compiled_rules(language: str = "en", ascii_only: bool = False) -> Rules:
    """The rules for a language, compiled once.

    ascii_only: compiled for text of ASCII characters without the separators \x1c-\x1f (see
    `plain_ascii`), on which they match exactly as the others do: there "\\d", "\\w", "\\s" and
    letter case mean the same under re.ASCII, which the engine tests more cheaply.
    """
    return _compiled_rules(language, ascii_only)


def plain_ascii(text: str) -> bool:
    """Whether `compiled_rules(..., ascii_only=True)` may run on text: ASCII, and none of the four
    control characters that Unicode, but not ASCII, counts as white space."""
    return text.isascii() and "\x1c" not in text and "\x1d" not in text and "\x1e" not in text and "\x1f" not in text


@lru_cache(maxsize=8)
def _compiled_rules(language: str, ascii_only: bool) -> Rules:
    return Rules(load_lexicon(language), ascii_only)
