"""Turning parsed expressions into TIMEX3 values: the reference point, tense and anaphora."""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, timedelta
from functools import lru_cache

from summarize.extract.dates.grammar import trie
from summarize.extract.dates.lexicon import Lexicon
from summarize.extract.dates.values import (
    Anchor,
    Tense,
    add_months,
    anchor_of_value,
    closest_weekday,
    closest_year,
    fmt_date,
    fmt_day,
    fmt_week,
    quarter_of,
    safe_date,
)

# A clause ends at sentence punctuation followed by space, or at a line break.
# (Opening with one character class lets a search skip to candidates in C instead of trying
# every position; the same holds for the other patterns that are searched rather than matched.)
_CLAUSE_END = re.compile(r"[\n.!?;](?:(?<=\n)|\s)")
# The same, the last one in a stretch: the greedy run goes to the end and backs off to it.
_LAST_CLAUSE_END = re.compile(r"(?s:.*)[\n.!?;](?:(?<=\n)|\s)")


# A date written with its year ("3 March 2005", "3/3/2005"), as opposed to one resolved from context.
_WRITTEN_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)|\d/\d+/\d")

_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
_ED = frozenset({"ed", "ED", "Ed", "eD"})
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'’")
_BE = frozenset({"be", "is", "are", "been", "being", "am"})
# A run of letters in lower-cased text; where no apostrophe is near, the words are these runs.
_RUN = re.compile(r"[a-z]+")


class _Cues:
    """Tense cue words of a language, single words and two-word phrases."""

    def __init__(self, lex: Lexicon) -> None:
        def split(items: list[str]) -> tuple[frozenset[str], frozenset[tuple[str, ...]]]:
            singles = {w.lower() for w in items if " " not in w}
            pairs = {tuple(w.lower().split()[:2]) for w in items if " " in w}
            return frozenset(singles), frozenset(pairs)

        self.future, self.future_pairs = split(lex.words.future_cues)
        self.past, self.past_pairs = split(lex.words.past_cues)
        # every word that may be a cue alone or with a neighbour (besides a past participle),
        # as written in lower case, with a capital or in capitals
        maybe = self.future | self.past | {w for pair in self.future_pairs | self.past_pairs for w in pair}
        self.maybe = frozenset(f for w in maybe for f in (w, w.capitalize(), w.upper()))
        # The same in lower-cased text without apostrophes, where a word is a run of letters: a
        # run that may be a cue, read forwards and backwards.
        plain = [w for w in maybe if w.isalpha() and w.isascii()]
        self.candidate = re.compile(rf"(?<![a-z])(?:{trie(plain)}|[a-z]{{3,}}ed)(?![a-z])")
        self.candidate_backwards = re.compile(rf"(?<![a-z])(?:{trie(w[::-1] for w in plain)}|de[a-z]{{3,}})(?![a-z])")

    def kind(self, word: str, previous: str, following: str) -> Tense:
        if (word, following) in self.future_pairs or (previous, word) in self.future_pairs or word in self.future:
            return "future"
        if word in self.past or (word, following) in self.past_pairs:
            return "past"
        # a participle after a form of "be" is passive, not past: "should be completed"
        if len(word) > 4 and word.endswith("ed") and previous not in _BE:
            return "past"
        return None


_CUES: dict[str, _Cues] = {}


# Articles name the same few days over and over: the days near a reference date are cached.
@lru_cache(maxsize=4096)
def _day_after(d: date, delta: int) -> str:
    return fmt_day(d + timedelta(days=delta))


@lru_cache(maxsize=4096)
def _weekday_near(weekday: int, d: date, tense: Tense, direction: int | None) -> str:
    return fmt_day(closest_weekday(weekday, d, tense, direction))


def _cues(lex: Lexicon) -> _Cues:
    cues = _CUES.get(lex.language)
    if cues is None:
        cues = _CUES[lex.language] = _Cues(lex)
    return cues


class Context:
    """What a value depends on beyond the expression itself, updated in document order."""

    __slots__ = (
        "_backwards",
        "_cues",
        "_lowered",
        "_tenses",
        "last_day",
        "last_full",
        "last_mention",
        "lex",
        "reference",
        "text",
    )

    def __init__(
        self, text: str, lex: Lexicon, reference: Anchor | None, lowered: str = "", backwards: str = ""
    ) -> None:
        self.text = text
        # `text` lower-cased, letter for letter (see tagger.tag), if given; and that reversed
        self._lowered = lowered if len(lowered) == len(text) and "\u212a" not in text else ""
        self._backwards = backwards if len(backwards) == len(self._lowered) else ""
        self.lex = lex
        self.reference = reference if reference and reference.year is not None else None
        self.last_full: Anchor | None = None  # the last date written with its year, if no reference
        self.last_mention: Anchor | None = None
        self.last_day: Anchor | None = None
        self._cues = _cues(lex)
        self._tenses: dict[tuple[int, int], Tense] = {}

    # -- anchors ------------------------------------------------------------------------------
    def anchor(self) -> Anchor | None:
        """The document's reference date; failing that, the last full date mentioned so far."""
        return self.reference or self.last_full

    def anchor_date(self) -> date | None:
        a = self.reference or self.last_full
        return a._date if a else None

    def anaphor(self) -> Anchor | None:
        """What 'the same day', 'that year' ... point back to: the last date mentioned, else the anchor."""
        return self.last_mention or self.anchor()

    def note(self, value: str, start: int, end: int) -> None:
        """Record a resolved mention; only a date written with its year may anchor later ones."""
        a = anchor_of_value(value)
        if a is None:
            return
        self.last_mention = a
        if a.full:
            self.last_day = a
            if self.reference is None and _WRITTEN_YEAR.search(self.text, start, end) is not None:
                self.last_full = a

    # -- tense --------------------------------------------------------------------------------
    def tense(self, start: int, end: int) -> Tense:
        """Past or future as the nearest tense cue in the clause around [start, end) suggests.

        The nearest cue wins, one before the expression by 10 characters. Words are read
        outwards from the expression, so the search usually ends a word or two away from it.
        """
        key = (start, end)
        if key in self._tenses:
            return self._tenses[key]
        text = self.text
        n = len(text)
        lo = max(0, start - 120)
        m = _LAST_CLAUSE_END.match(text, lo, start)
        if m is not None:
            lo = m.end()
        m = _CLAUSE_END.search(text, end, min(n, end + 80))
        hi = m.start() if m else min(n, end + 80)
        if 0 < start < n and text[start - 1] in _WORD_CHARS and text[start] in _WORD_CHARS:
            result = self._tense_all(start, end, lo, hi)
        elif self._lowered and text.find("'", lo, hi) < 0 and text.find("’", lo, hi) < 0:
            result = self._tense_plain(start, end, lo, hi)
        else:
            result = self._tense_near(start, end, lo, hi)
        self._tenses[key] = result
        return result

    def _tense_near(self, start: int, end: int, lo: int, hi: int) -> Tense:
        text = self.text
        cues = self._cues
        maybe = cues.maybe
        best: tuple[int, Tense] | None = None
        # Before the expression, nearest word first; a window of a few words usually holds the
        # cue, the whole clause is read only when it does not.
        window = start - 48
        if window <= lo:
            window = lo
        else:
            while window < start and text[window - 1] in _WORD_CHARS:
                window += 1
        while True:
            words = _WORD.findall(text, window, start)
            for j in range(len(words) - 1, -1, -1):
                word = words[j]
                if word not in maybe and not (len(word) > 4 and word[-2:] in _ED):
                    if word.islower():
                        continue
                    word = word.lower()
                    if word not in maybe and not (len(word) > 4 and word.endswith("ed")):
                        continue
                else:
                    word = word.lower()
                if j:
                    previous = words[j - 1].lower()
                elif window == lo:
                    previous = ""
                else:
                    break  # the word before it is outside the window
                if j + 1 < len(words):
                    following = words[j + 1].lower()
                else:
                    first = _WORD.search(text, start, hi)
                    following = first.group().lower() if first else ""
                kind = cues.kind(word, previous, following)
                if kind is not None:
                    # Where it ends: only letters make words, so each word, looked for from the
                    # right, is found where it stands.
                    at = start
                    for k in range(len(words) - 1, j - 1, -1):
                        at = text.rfind(words[k], window, at)
                    best = (start - at - len(words[j]), kind)
                    break
            if best is not None or window == lo:
                break
            window = lo
        if best is not None and best[0] <= 10:
            return best[1]
        # After it. The expression's own words are no cues, but the last of them (which may run on
        # past its end, as in "Friday's") is the word before the first one after it.
        if words:
            previous = words[-1].lower()
        elif window > lo:
            before = _WORD.findall(text, lo, start)
            previous = before[-1].lower() if before else ""
        else:
            previous = ""
        after = _WORD.finditer(text, start, hi)
        current = next(after, None)
        while current is not None and current.start() < end:
            previous = current.group().lower()
            current = next(after, None)
        while current is not None:
            dist = current.start() - end + 10
            if best is not None and dist >= best[0]:
                break
            following_match = next(after, None)
            word = current.group().lower()
            if word in maybe or (len(word) > 4 and word[-2:] == "ed"):
                following = following_match.group().lower() if following_match else ""
                kind = cues.kind(word, previous, following)
                if kind is not None:
                    return kind
            previous = word
            current = following_match
        return best[1] if best else None

    def _tense_plain(self, start: int, end: int, lo: int, hi: int) -> Tense:
        """`_tense_near` for a clause without apostrophes, where words are runs of letters.

        The cues are found by searching the lower-cased text, backwards from the expression (in
        the reversed text) and forwards after it, with the words beside each looked up alone.
        """
        low = self._lowered
        n = len(low)
        if not self._backwards:
            self._backwards = low[::-1]
        back = self._backwards
        cues = self._cues
        kind = cues.kind
        best: tuple[int, Tense] | None = None
        # Before it: the nearest cue, its word before (in the clause) and after.
        at = n - start
        while True:
            m = cues.candidate_backwards.search(back, at, n - lo)
            if m is None:
                break
            at = m.end()
            cue_start, cue_end = n - at, n - m.start()
            before = _RUN.search(back, at, n - lo)
            after = _RUN.search(low, cue_end, hi)
            found = kind(
                low[cue_start:cue_end],
                before.group()[::-1] if before else "",
                after.group() if after else "",
            )
            if found is not None:
                best = (start - cue_end, found)
                break
        if best is not None and best[0] <= 10:
            return best[1]
        # After it (the expression's own words are no cues); one before it wins at a distance
        # 10 characters shorter.
        at = end
        while True:
            m = cues.candidate.search(low, at, hi)
            if m is None:
                break
            cue_start, at = m.span()
            if best is not None and cue_start - end + 10 >= best[0]:
                break
            before = _RUN.search(back, n - cue_start, n - lo)
            after = _RUN.search(low, at, hi)
            found = kind(m.group(), before.group()[::-1] if before else "", after.group() if after else "")
            if found is not None:
                return found
        return best[1] if best else None

    def _tense_all(self, start: int, end: int, lo: int, hi: int) -> Tense:
        """The same reading over every word of the clause, for a span that cuts into a word."""
        words = [(w.start(), w.end(), w.group().lower()) for w in _WORD.finditer(self.text, lo, hi)]
        best: tuple[int, Tense] | None = None
        for i, (ws, we, word) in enumerate(words):
            if start <= ws < end:
                continue
            previous = words[i - 1][2] if i else ""
            following = words[i + 1][2] if i + 1 < len(words) else ""
            kind = self._cues.kind(word, previous, following)
            if kind is None:
                continue
            dist = start - we if we <= start else ws - end + 10
            if best is None or dist < best[0]:
                best = (dist, kind)
        return best[1] if best else None

    # -- values -------------------------------------------------------------------------------
    def month_day(self, month: int, day: int | None, year: int | None, span: tuple[int, int]) -> str:
        if year is None:
            a = self.anchor()
            if a is not None:
                year = closest_year(month, day, a, lambda: self.tense(*span))
        return fmt_date(year, month, day)

    def day_of_month(self, day: int, weekday: int | None, span: tuple[int, int]) -> str:
        """A day named without its month ("on the 3rd", "Monday the 17th"): in the anchor's month,
        or the next one for a day already past in a sentence about the future, the previous one
        for a day still to come in a sentence about the past. With a weekday, the nearest of
        these months where the day falls on it comes first.
        """
        a = self.anchor()
        if a is None or a.year is None or a.month is None:
            return fmt_date(a.year if a else None, None, day)
        here = (a.year, a.month)
        after = add_months(a.year, a.month, 1)
        before = add_months(a.year, a.month, -1)
        if weekday is not None:
            d = safe_date(a.year, a.month, day)
            if d is not None and d.isoweekday() == weekday:
                return fmt_date(a.year, a.month, day)
            for y, m in (after, before) if self.tense(*span) == "future" else (before, after):
                d = safe_date(y, m, day)
                if d is not None and d.isoweekday() == weekday:
                    return fmt_date(y, m, day)
        choice = here
        if a.day is not None and day != a.day:
            tense = self.tense(*span)
            if tense == "future" and day < a.day:
                choice = after
            elif tense == "past" and day > a.day:
                choice = before
        for y, m in (choice, here, before, after):  # the first of them that has such a day (the 31st)
            if safe_date(y, m, day) is not None:
                return fmt_date(y, m, day)
        return fmt_date(choice[0], choice[1], day)

    def weekday_of_week(self, weekday: int, shift: int, anaphoric: bool) -> str:
        """The weekday of the anchor's week shifted by `shift` weeks ("Friday of last week"); of
        the week of the last date mentioned where the shift is anaphoric ("of the following week")."""
        base = self.anaphor() if anaphoric else self.anchor()
        d = base._date if base is not None else None
        if d is None:
            return f"{fmt_date(base.year if base else None)}-WXX-{weekday}"
        return fmt_day(d + timedelta(days=weekday - d.isoweekday(), weeks=shift))

    def week_of_month(self, month: int, nth: int, year: int | None, span: tuple[int, int]) -> str:
        """The ISO week of "the first ... fourth week" (nth 1-4) or "the last week" (-1) of a month:
        the week holding the month's 4th, 11th ... or its fourth-last day, the first and last weeks
        of which at least four days fall in the month."""
        if year is None:
            a = self.anchor()
            if a is None or a.year is None:
                return "XXXX-WXX"
            year = closest_year(month, None, a, lambda: self.tense(*span))
            if year is None:
                return "XXXX-WXX"
        day = 4 + 7 * (nth - 1) if nth > 0 else monthrange(year, month)[1] - 3
        return fmt_week(date(year, month, day))

    def shifted_day(self, delta: int) -> str:
        d = self.anchor_date()
        if d is None:
            a = self.anchor()
            return fmt_date(a.year if a else None, None, None) + "-XX-XX" if a else "XXXX-XX-XX"
        return _day_after(d, delta)

    def weekday(self, weekday: int, direction: int | None, span: tuple[int, int]) -> str:
        d = self.anchor_date()
        if d is None:
            a = self.anchor()
            return f"{fmt_date(a.year if a else None)}-WXX-{weekday}"
        # the tense matters only for a day other than the anchor's, in no given direction
        tense = None if direction in (-1, 1) or weekday == d.isoweekday() else self.tense(*span)
        return _weekday_near(weekday, d, tense, direction)

    def unit_shift(self, code: str, shift: int, base: Anchor | None = None) -> str:
        """'this week', 'last month', 'next year', 'the previous quarter' ... (code: D W WE M Q Y DE CE)."""
        a = base or self.anchor()
        if a is None or a.year is None:
            return {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX", "Q": "XXXX-QX"}.get(
                code, "XXXX"
            )
        if code == "Y":
            return fmt_date(a.year + shift)
        if code == "DE":
            return f"{a.year // 10 + shift:03d}"
        if code == "CE":
            return f"{a.year // 100 + shift:02d}"
        if code in {"M", "Q"} and a.month is None:
            return f"{a.year:04d}-XX" if code == "M" else f"{a.year:04d}-QX"
        if code == "M":
            y, m = add_months(a.year, a.month, shift)  # type: ignore[arg-type]
            return fmt_date(y, m)
        if code == "Q":
            index = a.year * 4 + quarter_of(a.month) - 1 + shift  # type: ignore[arg-type]
            return f"{index // 4:04d}-Q{index % 4 + 1}"
        d = a.as_date()
        if d is None:
            if code == "D":
                return fmt_date(a.year, a.month) + ("-XX" if a.month else "-XX-XX")
            return f"{a.year:04d}-WXX" + ("-WE" if code == "WE" else "")
        if code == "D":
            return fmt_day(d + timedelta(days=shift))
        week = fmt_week(d + timedelta(weeks=shift))
        return week + "-WE" if code == "WE" else week

    def back_by(self, amount: float | None, code: str, sign: int, base: Anchor | None = None) -> str | None:
        """The date amount units before (sign -1) or after (+1) the anchor, at the unit's precision."""
        a = base or self.anchor()
        if amount is None or a is None or a.year is None or not float(amount).is_integer():
            return None
        n = int(amount) * sign
        if code in {"Y", "DE", "CE"}:
            factor = {"Y": 1, "DE": 10, "CE": 100}[code]
            return fmt_date(a.year + n * factor)
        if code in {"M", "Q"}:
            if a.month is None:
                return None
            y, m = add_months(a.year, a.month, n * (3 if code == "Q" else 1))
            return fmt_date(y, m)
        d = a.as_date()
        if d is None:
            return None
        days = {"D": 1, "W": 7}.get(code)
        if days is None:
            return None
        return fmt_day(d + timedelta(days=n * days))
