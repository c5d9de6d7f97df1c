"""Regular-expression building blocks made from a language's vocabulary.

The word lists come from the data files; how words combine (English word order) is written here
once, as named fragments that the rules in `rules.py` assemble. Patterns are compiled with
IGNORECASE | VERBOSE; names of months and weekdays are wrapped in `(?-i:...)` because in news
text their capital letter is what tells "May" the month from "may" the verb.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cached_property, lru_cache

from summarize.extract.dates.lexicon import Lexicon


def words(items: Iterable[str]) -> str:
    """An alternation of words or phrases in any case, longer before shorter, spaces matching any whitespace.

    Written as a trie with each letter a two-case class and case-sensitive matching: the engine
    then looks at one branch per first letter, where under IGNORECASE it would enter every one.
    """
    return f"(?-i:{trie((' '.join(item.split()) for item in items), any_case=True)})"


def cased(items: Iterable[str]) -> str:
    """Like `words`, but only in Title Case or UPPER CASE."""
    forms: set[str] = set()
    for item in items:
        forms.add(" ".join(w[:1].upper() + w[1:] for w in item.split()))
        forms.add(item.upper())
    return f"(?-i:{trie(forms)})"


DASH = r"(?:-|–|—|‐|‑)"
RANGE_SEP = rf"(?:\s*{DASH}\s*|\s+(?:to|through|thru|until|till)\s+)"


class Fragments:
    """Named pattern pieces for one lexicon."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex

    @cached_property
    def month_full(self) -> str:
        return cased(self.lex.calendar.months)

    @cached_property
    def month_any(self) -> str:
        abbr = cased(self.lex.calendar.month_abbreviations)
        return rf"(?:{self.month_full}|{abbr}(?![a-z])\.?)"

    def month(self, name: str) -> str:
        return rf"(?<![\w])(?P<{name}>{self.month_any})(?![\w])"

    @cached_property
    def weekday_any(self) -> str:
        abbr = cased(self.lex.calendar.weekday_abbreviations)
        return rf"(?:{cased(self.lex.calendar.weekdays)}|{abbr}\.)"

    def weekday(self, name: str) -> str:
        return rf"(?<![\w])(?P<{name}>{self.weekday_any})(?!\w)"

    @staticmethod
    def day(name: str) -> str:
        return rf"(?P<{name}>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:%]|[.,]\d)"

    @staticmethod
    def year(name: str) -> str:
        return rf"(?<![\w$£€#.,/-])(?P<{name}>1[6-9]\d\d|20\d\d)(?![\d%]|[.,]\d|\w)"

    @cached_property
    def cardinal(self) -> str:
        return words(k for k in self.lex.numbers.cardinals if k not in {"a", "an"})

    def number(self, name: str) -> str:
        """A count: digits, a number word, 'twenty-five', 'a', 'an', or a vague 'several'."""
        c = self.cardinal
        vague = words(self.lex.numbers.vague)
        return rf"(?<![\w.,])(?P<{name}>\d{{1,4}}(?:\.\d+)?|(?:{c})(?:[-\s](?:{c}))?|an?|{vague})(?!\w)"

    @cached_property
    def unit_singular(self) -> str:
        return words(self.lex.units.units)

    @cached_property
    def unit_plural(self) -> str:
        return words(u.plural for u in self.lex.units.units.values())

    @cached_property
    def unit_any(self) -> str:
        return rf"(?:{self.unit_plural}|{self.unit_singular})"

    @cached_property
    def fillers(self) -> str:
        return rf"(?:(?:{words(self.lex.units.unit_fillers)})[-\s]+){{0,2}}"

    @cached_property
    def approx(self) -> str:
        return rf"(?:(?P<approx>{words(self.lex.words.approximators)})\s+)?"

    @cached_property
    def ordinal(self) -> str:
        return words(list(self.lex.numbers.ordinals) + self.lex.numbers.last_ordinals)

    @cached_property
    def season(self) -> str:
        return words(self.lex.calendar.seasons)

    @cached_property
    def part_of_day(self) -> str:
        return words(self.lex.calendar.parts_of_day)

    @cached_property
    def shift(self) -> str:
        return words(self.lex.words.shift_words)

    @cached_property
    def edge(self) -> str:
        """'the end of (the) ', 'early ', 'mid-', 'later ' before a date (the value ignores it)."""
        bounds = words(self.lex.words.boundaries)
        fuzzy = words(self.lex.words.fuzzy_edges)
        return rf"(?P<edge>the\s+(?:very\s+)?(?:{bounds})\s+of\s+(?:the\s+)?|(?:{fuzzy})(?:-|\s+)(?:in\s+)?)?"

    @cached_property
    def relative_day(self) -> str:
        return words(self.lex.words.relative_days)

    @cached_property
    def zones(self) -> str:
        cal = self.lex.calendar
        return rf"(?-i:{words(z.upper() for z in cal.utc_zones + cal.other_zones)})"

    @cached_property
    def holiday(self) -> str:
        return cased(self.lex.calendar.holidays)

    @cached_property
    def reference_word(self) -> str:
        return words(self.lex.words.reference_words)

    @cached_property
    def set_word(self) -> str:
        return words(self.lex.words.sets)

    @cached_property
    def anaphora_head(self) -> str:
        return words(self.lex.words.anaphora_heads)

    @cached_property
    def anaphora_det(self) -> str:
        return words(self.lex.words.anaphora_determiners)

    # -- triggers -------------------------------------------------------------------------------
    @cached_property
    def trigger_kinds(self) -> dict[str, str]:
        """Every trigger word or phrase, in each case it may be written in, with its kind."""
        lex = self.lex
        cal, w = lex.calendar, lex.words

        def title(item: str) -> str:
            return " ".join(p[:1].upper() + p[1:] for p in item.split())

        units = set(lex.units.units) | {u.plural for u in lex.units.units.values()} | {"annum"}
        capitalised = {
            "MONTH": list(cal.months) + list(cal.month_abbreviations),
            "WEEKDAY": list(cal.weekdays) + list(cal.weekday_abbreviations),
            "HOLIDAY": [h for name in cal.holidays for h in (name, name.replace("'", "’"))],
        }
        any_case = {
            "REF": list(w.reference_words),
            "RELDAY": list(w.relative_days),
            "SET": list(w.sets),
            "SEASON": list(cal.seasons),
            "POD": [*cal.parts_of_day, "noon", "midday", "midnight"],
            "EVERY": ["every", "each"],
            "HALF": ["half"],
            "ANAPH": [h for h in w.anaphora_heads if h not in units] + ["season"],
            "UNIT": sorted(units),
        }
        kinds: dict[str, str] = {}
        for kind, items in capitalised.items():
            for item in items:
                for form in (title(item), item.upper()):
                    kinds.setdefault(form, kind)
        for kind, items in any_case.items():
            for item in items:
                for form in (item, title(item), item.upper(), item[:1].upper() + item[1:]):
                    kinds.setdefault(form, kind)
        return kinds

    @cached_property
    def trigger(self) -> str:
        """One pattern, run over the lower-cased text, for the words every rule hangs on.

        The words are folded into a trie so that the engine tests a handful of branches per
        position; scanning once for these and trying rules only there is what keeps the tagger
        at a few milliseconds per article. A match is a word (its kind looked up in
        `trigger_kinds`), one, two or four digits (not the tail of 2.5 nor a percentage), an
        apostrophe year or a quarter code. The rules themselves check capitals where they matter
        ("May" the month, "may" the verb). There are no groups: capturing at every position the
        scan stops at costs more than telling a word from digits or an apostrophe year by its
        first character afterwards.
        """
        return self._trigger(ascii_only=False)

    @cached_property
    def trigger_ascii(self) -> str:
        """`trigger` for ASCII text: the same matches there, without what only matches beyond ASCII.

        Without the curly apostrophe every class the scan tests holds ASCII characters only,
        which the engine tests in a table of 256 bits rather than one of all characters.
        """
        return self._trigger(ascii_only=True)

    def _trigger(self, ascii_only: bool) -> str:
        lowered = {k.lower() for k in self.trigger_kinds}
        apostrophe, quotes = "['’]", "'’"
        if ascii_only:
            lowered = {k for k in lowered if k.isascii()}
            apostrophe, quotes = "'", "'"
        # Every alternative opens with a letter, digit or apostrophe, which lets the engine pass
        # over all but the one that can match by looking at that first character alone.
        # A word ends where no letter follows, nor an apostrophe but that of a possessive
        # ("Monday's", "this year's": the expression is the word without it).
        end = rf"(?!\w|{apostrophe}(?!s(?![\w{quotes}])))"
        words = "|".join(f"{branch}{end}" for branch in trie_branches(lowered))
        # For ASCII text the pattern itself passes over the digits of amounts (2.36, 5,210), which
        # the tagger would otherwise do; there a digit is a digit for "\d" and str.isdigit alike.
        digits_end = r"(?![\d%]|[.,]\d)" if ascii_only else r"(?![\d%])"
        return rf"{words}|\d(?<![.,]\d)(?:\d{{3}}|\d?){digits_end}|{apostrophe}\d\d|q[1-4](?!\w)"

    @cached_property
    def prefix_words(self) -> frozenset[str]:
        """Lower-case words that may open an expression before its trigger word ("the past two")."""
        lex = self.lex
        w, n = lex.words, lex.numbers
        out: set[str] = set()
        groups = [
            w.shift_words,
            w.approximators,
            w.boundaries,
            w.fuzzy_edges,
            w.anaphora_determiners,
            n.cardinals,
            n.ordinals,
            n.last_ordinals,
            n.vague,
            lex.units.unit_fillers,
            lex.units.units,
            lex.calendar.weekdays,
            lex.calendar.months,
        ]
        for group in groups:
            for phrase in group:
                out.update(phrase.lower().split())
        out.update(
            "the a an of very between from and in for within just mere only took takes take taking "
            "fiscal financial calendar every each other same entire whole over that its half early "
            "late mid year fy per".split()
        )
        return frozenset(out)


def trie(items: Iterable[str], any_case: bool = False) -> str:
    """A regular expression matching exactly the given strings, prefix-factored."""
    branches = trie_branches(items, any_case)
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


def trie_branches(items: Iterable[str], any_case: bool = False) -> list[str]:
    """The top-level alternatives of `trie(items)`, one per first character (no empty string).

    any_case: letters match in either case (as a class of two), for case-sensitive patterns.
    """
    root: dict[str, dict] = {}
    for item in items:
        node = root
        for ch in item:
            node = node.setdefault(ch, {})
        node[""] = {}

    def char(ch: str) -> str:
        if ch == " ":
            return r"\s+"
        if any_case and ch.lower() != ch.upper():
            return f"[{re.escape(ch.lower())}{re.escape(ch.upper())}]"
        return re.escape(ch)

    def build(node: dict[str, dict]) -> str:
        ends = "" in node
        branches = [char(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return f"(?:{body})?"
        return body

    return [char(ch) + build(child) for ch, child in sorted(root.items()) if ch]


# -- what a pattern may begin with ------------------------------------------------------------
# The parse tree of a pattern is read with the standard library's own regular-expression parser
# (a module private to `re`, which is why every part of it this uses is looked up with care).
try:  # Python 3.11 and later
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

_CHARACTER_OPS = frozenset({_sre.LITERAL, _sre.NOT_LITERAL, _sre.ANY, _sre.IN})
_REPEAT_OPS = frozenset(
    op for op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None)) if op is not None
)
_ZERO_WIDTH_OPS = frozenset({_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT})
_CATEGORIES = {
    "DIGIT": str.isdecimal,
    "SPACE": str.isspace,
    "WORD": lambda c: c.isalnum() or c == "_",
}


# Characters beyond ASCII whose lower case is a single ASCII letter: only the Kelvin sign.
_LOWERS_TO = {"k": "\u212a"}


class _Unknown(Exception):
    """A part of a parse tree the reading below does not know."""


def may_begin_with(pattern: re.Pattern[str], prefix: Iterable[str]) -> bool:
    """Whether a match of `pattern` may begin with one of the characters of each string of `prefix`
    in turn, in any letter case (a lower-case letter stands for any that lower-cases to it).

    Read off the pattern's parse tree, taking every lookaround, anchor and condition to hold: the
    answer may be yes where no text matches, but is never no where some text does.
    """
    steps = [tuple({v for c in chars for v in (c, c.lower(), c.upper(), *_LOWERS_TO.get(c, ""))}) for chars in prefix]
    try:
        return len(steps) in _advance(_parsed(pattern), {0}, steps)
    except (_Unknown, AttributeError, TypeError, ValueError):
        return True


def may_match_at(pattern: re.Pattern[str], prefix: Iterable[str]) -> bool:
    """Whether a match of `pattern` of one character or more may begin the text `prefix` stands for
    (as in `may_begin_with`): one that ends inside it, or one that runs on to its end and beyond.

    Read as `may_begin_with` is: the answer may be yes where no text matches, but is never no
    where some text does.
    """
    steps = [tuple({v for c in chars for v in (c, c.lower(), c.upper(), *_LOWERS_TO.get(c, ""))}) for chars in prefix]
    try:
        return any(p > 0 for p in _advance(_parsed(pattern), {0}, steps))
    except (_Unknown, AttributeError, TypeError, ValueError):
        return True


@lru_cache(maxsize=512)
def _parsed(pattern: re.Pattern[str]) -> list[tuple[object, object]]:
    return _sre_parse.parse(pattern.pattern, pattern.flags)  # type: ignore[no-any-return]


def _advance(items: Iterable[tuple[object, object]], at: set[int], steps: list[tuple[str, ...]]) -> set[int]:
    """How far into `steps` the sequence of parse-tree items may have read, from each of `at`.

    Having read all of them is for good (the rest of the pattern may match anything after it),
    which keeps the reading the same for a set of starts as for each start on its own.
    """
    done = len(steps)
    for op, av in items:
        if not at or at == {done}:
            return at
        if op in _CHARACTER_OPS:
            at = {p + 1 for p in at if p < done and any(_takes(op, av, c) for c in steps[p])} | (at & {done})
        elif op is _sre.BRANCH:
            at = set().union(*(_advance(alternative, at, steps) for alternative in av[1]))  # type: ignore[index]
        elif op is _sre.SUBPATTERN:
            at = _advance(av[-1], at, steps)  # type: ignore[index]
        elif op is getattr(_sre, "ATOMIC_GROUP", _Unknown):
            at = _advance(av, at, steps)  # type: ignore[arg-type]
        elif op in _REPEAT_OPS:
            least, most, item = av  # type: ignore[misc]
            reached = set(at) if least == 0 else set()
            current, count = at, 0
            while count < most and current:
                count += 1
                current = _advance(item, current, steps)
                if count >= least:
                    if current <= reached:
                        break  # nothing new: more repeats reach nothing new either
                    reached |= current
            at = reached
        elif op in _ZERO_WIDTH_OPS:
            pass
        elif op is _sre.GROUPREF_EXISTS:
            _, yes, no = av  # type: ignore[misc]
            at = _advance(yes, at, steps) | (_advance(no, at, steps) if no is not None else at)
        elif op is _sre.GROUPREF:
            at = set(range(min(at), done + 1))
        elif op is _sre.FAILURE:
            at &= {done}
        else:
            raise _Unknown(op)
    return at


def _takes(op: object, av: object, c: str) -> bool:
    """Whether the character-matching item (op, av) may take the character c."""
    if op is _sre.LITERAL:
        return c == chr(av) or c.lower() == chr(av).lower()  # type: ignore[arg-type]
    if op is not _sre.IN:
        return True  # any character, or any but one
    negate = hit = False
    for kind, value in av:  # type: ignore[attr-defined]
        if kind is _sre.NEGATE:
            negate = True
        elif kind is _sre.LITERAL:
            hit = hit or c == chr(value)
        elif kind is _sre.RANGE:
            hit = hit or value[0] <= ord(c) <= value[1]
        elif kind is _sre.CATEGORY:
            name = str(value)
            test = next((t for k, t in _CATEGORIES.items() if name.endswith("_" + k)), None)
            if test is None:
                return True
            hit = hit or (not test(c) if "_NOT_" in name else test(c))
        else:
            raise _Unknown(kind)
    return hit != negate
