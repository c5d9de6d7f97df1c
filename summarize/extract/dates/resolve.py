"""Turning parsed expressions into TIMEX3 values: the reference point, tense and anaphora."""

from __future__ import annotations

import re
from datetime import date, timedelta

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
)

# A clause ends at sentence punctuation followed by space, or at a line break.
_CLAUSE_END = re.compile(r"[.!?;]\s|\n")


# A date written with its year ("3 March 2005", "3/3/2005"), as opposed to one resolved from context.
_WRITTEN_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)|\d/\d+/\d")

_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
_BE = frozenset({"be", "is", "are", "been", "being", "am"})


class _Cues:
    """Tense cue words of a language, single words and two-word phrases."""

    def __init__(self, lex: Lexicon) -> None:
        def split(items: list[str]) -> tuple[frozenset[str], frozenset[tuple[str, ...]]]:
            singles = {w.lower() for w in items if " " not in w}
            pairs = {tuple(w.lower().split()[:2]) for w in items if " " in w}
            return frozenset(singles), frozenset(pairs)

        self.future, self.future_pairs = split(lex.words.future_cues)
        self.past, self.past_pairs = split(lex.words.past_cues)

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


def _cues(lex: Lexicon) -> _Cues:
    cues = _CUES.get(lex.language)
    if cues is None:
        cues = _CUES[lex.language] = _Cues(lex)
    return cues


class Context:
    """What a value depends on beyond the expression itself, updated in document order."""

    def __init__(self, text: str, lex: Lexicon, reference: Anchor | None) -> None:
        self.text = text
        self.lex = lex
        self.reference = reference if reference and reference.year is not None else None
        self.last_full: Anchor | None = None
        self.last_mention: Anchor | None = None
        self.last_day: Anchor | None = None
        self._cues = _cues(lex)
        self._tenses: dict[tuple[int, int], Tense] = {}

    # -- anchors ------------------------------------------------------------------------------
    def anchor(self) -> Anchor | None:
        """The document's reference date; failing that, the last full date mentioned so far."""
        return self.reference or self.last_full

    def anchor_date(self) -> date | None:
        a = self.anchor()
        return a.as_date() if a else None

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
            if _WRITTEN_YEAR.search(self.text, start, end) is not None:
                self.last_full = a

    # -- tense --------------------------------------------------------------------------------
    def tense(self, start: int, end: int) -> Tense:
        """Past or future as the nearest tense cue in the clause around [start, end) suggests."""
        key = (start, end)
        if key in self._tenses:
            return self._tenses[key]
        text = self.text
        lo = max(0, start - 120)
        for m in _CLAUSE_END.finditer(text, lo, start):
            lo = m.end()
        m = _CLAUSE_END.search(text, end, min(len(text), end + 80))
        hi = m.start() if m else min(len(text), end + 80)
        words = list(_WORD.finditer(text, lo, hi))
        # Nearest cue wins, one before the expression by 10 characters; so read outwards from it
        # and stop as soon as nothing further away could win.
        i = 0
        while i < len(words) and words[i].start() < start:
            i += 1
        best: tuple[int, Tense] | None = None
        for j in range(i - 1, -1, -1):
            we = words[j].end()
            kind = self._kind(words, j)
            if kind is None:
                continue
            dist = start - we if we <= start else words[j].start() - end + 10  # a word the span cuts into
            if best is None or dist <= best[0]:
                best = (dist, kind)
            if we <= start:
                break
        for j in range(i, len(words)):
            ws = words[j].start()
            if ws < end:
                continue
            dist = ws - end + 10
            if best is not None and dist >= best[0]:
                break
            kind = self._kind(words, j)
            if kind is not None:
                best = (dist, kind)
                break
        result = best[1] if best else None
        self._tenses[key] = result
        return result

    def _kind(self, words: list[re.Match[str]], j: int) -> Tense:
        previous = words[j - 1].group().lower() if j else ""
        following = words[j + 1].group().lower() if j + 1 < len(words) else ""
        return self._cues.kind(words[j].group().lower(), previous, following)

    # -- values -------------------------------------------------------------------------------
    def month_day(self, month: int, day: int | None, year: int | None, span: tuple[int, int]) -> str:
        if year is None:
            a = self.anchor()
            if a is not None:
                year = closest_year(month, day, a, self.tense(*span))
        return fmt_date(year, month, day)

    def shifted_day(self, delta: int) -> str:
        d = self.anchor_date()
        if d is None:
            a = self.anchor()
            return fmt_date(a.year if a else None, None, None) + "-XX-XX" if a else "XXXX-XX-XX"
        return fmt_day(d + timedelta(days=delta))

    def weekday(self, weekday: int, direction: int | None, span: tuple[int, int]) -> str:
        d = self.anchor_date()
        if d is None:
            a = self.anchor()
            return f"{fmt_date(a.year if a else None)}-WXX-{weekday}"
        return fmt_day(closest_weekday(weekday, d, self.tense(*span), direction))

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
