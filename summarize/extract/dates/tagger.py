"""The tagger: run every rule, keep the longest non-overlapping matches, resolve in document order.

Where the time goes, and why the code is shaped as it is: one regular-expression pass finds the
trigger words every rule hangs on; at each trigger a single match call tries all the rules that
word may start (see `Rules.at_trigger`), and the words before it are read with one more call on
the reversed text. Only matches that cover a trigger are parsed; values are computed once the
winners are known, and the mentions are validated in one batch at the end.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from functools import lru_cache

from pydantic import TypeAdapter

from summarize.extract.dates.resolve import Context
from summarize.extract.dates.rules import Piece, Rules, compiled_rules
from summarize.extract.dates.values import parse_iso
from summarize.models import DateMention

# Validating the finished list in one call is cheaper than building each model on its own.
_MENTIONS = TypeAdapter(list[DateMention])

Candidate = tuple[int, int, int, list[Piece]]  # start, end, rule index, pieces


def tag(scan: str, source: str, reference_date: str | None, language: str = "en") -> list[DateMention]:
    """Temporal expressions of `scan` (a view of `source` with the same length), evidence from `source`."""
    rules = compiled_rules(language)
    lowered = scan.lower()
    if len(lowered) != len(scan):  # a few characters grow when lower-cased; keep offsets exact
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in scan)
    candidates = _candidates(scan, lowered, rules)
    if not candidates:
        return []
    return _resolve(scan, source, rules, _longest(candidates), reference_date)


def _triggers(lowered: str, rules: Rules) -> list[tuple[int, str, str]]:
    """(position, kind, word) of every trigger, in text order; digits have no word."""
    kinds = rules.trigger_kinds
    out: list[tuple[int, str, str]] = []
    first = rules.trigger_at_start.match(lowered)
    found = [(0, first.group())] if first else []
    found += [(m.start() + 1, m.group()[1:]) for m in rules.trigger.finditer(lowered)]
    for at, word in found:
        c = word[0]
        if c.isdecimal():
            kind = _number_kind(word, lowered, at)
            word = ""
        elif c in "'’":
            kind, word = "APOS", ""
        elif c == "q" and len(word) == 2 and word[1] in "1234":
            kind, word = "QCODE", ""
        else:
            kind = kinds.get(word)
            if kind is None:
                word = " ".join(word.split())
                kind = kinds.get(word, "")
        if kind:
            out.append((at, kind, word))
    return out


def _candidates(scan: str, lowered: str, rules: Rules) -> list[Candidate]:
    """Every parsed rule match that covers a trigger."""
    candidates: list[Candidate] = []
    seen: set[tuple[int, int]] = set()
    rule_list = rules.rules
    plan = rules.plan
    reverse: _Reversed | None = None
    for at, kind, word in _triggers(lowered, rules):
        combined, before = plan(kind, word)
        starts: list[int] = [at] if combined is not None else []
        if before is not None:
            if reverse is None:
                reverse = _Reversed(lowered, rules.prefix_words_reversed)
            starts += reverse.openings(at)
        for start in starts:
            if start != at:
                combined = before
            m = combined.match(scan, start)  # type: ignore[union-attr]
            if m is None or m.lastindex is None:  # no rule matched here
                continue
            for number, index in combined.groups:
                # A match that ends before the trigger belongs to another trigger (or none).
                if m.end(number) <= at or (index, start) in seen:
                    continue
                seen.add((index, start))
                rule = rule_list[index]
                pieces = rule.parse(rule.pattern.match(scan, start), rules)
                if not pieces:
                    continue
                pieces = [t for t in (_trim(scan, p) for p in pieces) if t.end > t.start]
                if pieces:
                    lo = min(p.start for p in pieces) if len(pieces) > 1 else pieces[0].start
                    hi = max(p.end for p in pieces) if len(pieces) > 1 else pieces[0].end
                    candidates.append((lo, hi, index, pieces))
    return candidates


def _longest(candidates: list[Candidate]) -> list[Candidate]:
    """Longest first, then rule order: "the past decade" beats "the past", "Feb. 16-18" beats "Feb. 16"."""
    candidates.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
    starts: list[int] = []  # of the chosen spans, which never overlap, so their ends are sorted too
    ends: list[int] = []
    chosen: list[Candidate] = []
    for cand in candidates:
        start, end = cand[0], cand[1]
        i = bisect_left(starts, end)
        if i and ends[i - 1] > start:
            continue
        insort(starts, start)
        ends.insert(bisect_left(starts, start), end)
        chosen.append(cand)
    chosen.sort(key=lambda c: (c[0], c[1]))
    return chosen


def _resolve(
    scan: str, source: str, rules: Rules, chosen: list[Candidate], reference_date: str | None
) -> list[DateMention]:
    ctx = Context(scan, rules.lex, parse_iso(reference_date))
    rows: list[list] = []  # start, end, type, value, range id, role, rule, floating
    range_id = 0
    rule_list = rules.rules
    for _, _, index, pieces in chosen:
        name = rule_list[index].name
        if len(pieces) > 1:
            if any(p.role == "start" for p in pieces):
                range_id += 1
            pieces = sorted(pieces, key=lambda p: (p.start, -p.end))
        for piece in pieces:
            value = piece.value(ctx)
            if piece.type in ("DATE", "TIME"):
                ctx.note(value, piece.start, piece.end)
            role = piece.role if piece.role in ("start", "end") else None
            rows.append(
                [piece.start, piece.end, piece.type, value, range_id if role else None, role, name, piece.floating]
            )
    for row in rows:
        if row[7]:
            row[3] = _day_from_sentence(scan, rows, row)
    out = []
    for start, end, type_, value, rid, role, name, _ in rows:
        text = source[start:end]
        out.append(
            {
                "text": text,
                "type": type_,
                "value": value,
                "evidence": {"start": start, "end": end, "text": text},
                "range_id": rid,
                "range_role": role,
                "rule": name,
            }
        )
    return _MENTIONS.validate_python(out)


def _number_kind(digits: str, text: str, at: int) -> str:
    if at and text[at - 1] in ".,":
        return ""  # the tail of 2.62 or 1,000
    after = at + len(digits)
    if text[after : after + 1] == "%" or (
        text[after : after + 1] in (".", ",") and text[after + 1 : after + 2].isdigit()
    ):
        return ""  # 2.36%, 5,210.17: amounts, not dates
    if len(digits) <= 2:
        return "NUM12"
    if len(digits) == 4:
        return "YEAR4" if 1600 <= int(digits) <= 2099 else "NUM"
    return ""


_MAX_PREFIX = 6
_GAP = r"[ \t\n,\-–]"
_ALNUM = r"[^\W_]+"


@lru_cache(maxsize=1)
def _openings_pattern() -> re.Pattern[str]:
    # Read backwards from a trigger: up to three gap characters, a word, then (optionally) up to
    # five more words each after one to three gap characters. Words are runs of letters and digits.
    tail = ""
    for _ in range(_MAX_PREFIX - 1):
        tail = f"(?:({_GAP}{{1,3}})({_ALNUM}){tail})?"
    return re.compile(f"{_GAP}{{0,3}}({_ALNUM}){tail}")


class _Reversed:
    """The lower-cased text read backwards, for the words that may open an expression before its trigger."""

    def __init__(self, lowered: str, prefix_words_reversed: frozenset[str]) -> None:
        self.text = lowered[::-1]
        self.n = len(lowered)
        self.words = prefix_words_reversed
        self.match = _openings_pattern().match

    def openings(self, at: int) -> list[int]:
        """Where the opening words before the trigger at `at` begin ("the past two" years), nearest first."""
        m = self.match(self.text, self.n - at)
        if m is None:
            return []
        out = []
        n = self.n
        words = self.words
        for g in range(1, 2 * _MAX_PREFIX, 2):
            word = m.group(g)
            # the word's first letter is the last one read backwards
            if word is None or not (word[-1].isdigit() or word in words):
                break
            out.append(n - m.end(g))
        return out


_TRIM = " \t\n\r,;:"


def _trim(text: str, p: Piece) -> Piece:
    start, end = p.start, p.end
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    while start < end and text[start] in _TRIM:
        start += 1
    return p if (start, end) == (p.start, p.end) else p._replace(start=start, end=end)


_FULL_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")
_SENTENCE_BREAK = re.compile(r"[.!?]\s|\n")


def _day_from_sentence(text: str, rows: list[list], timed: list) -> str:
    """A clock time takes its day from the nearest full date in the same sentence ("at 16:15, June 1")."""
    value = timed[3]
    if "T" not in value:
        return value
    best: tuple[int, str] | None = None
    for other in rows:
        if other is timed or other[2] != "DATE" or not _FULL_DAY.match(other[3]):
            continue
        lo, hi = (timed[1], other[0]) if other[0] >= timed[1] else (other[1], timed[0])
        lo, hi = min(lo, hi), max(lo, hi)
        if _SENTENCE_BREAK.search(text, lo, hi):
            continue
        dist = hi - lo
        if best is None or dist < best[0]:
            best = (dist, other[3])
    if best is None:
        return value
    return best[1] + value[value.index("T") :]
