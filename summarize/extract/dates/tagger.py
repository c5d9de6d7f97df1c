"""The tagger: run every rule, keep the longest non-overlapping matches, resolve in document order.

Where the time goes, and why the code is shaped as it is: one regular-expression pass finds the
trigger words every rule hangs on; at each trigger a single match call tries all the rules that
word may start (see `Rules.plan`), at its position and at those of the opening words before it,
which one more call reads on the reversed text. Matches are parsed lazily, longest first, so one
inside an expression already chosen is never parsed; values are computed once the winners are
known, and the mentions are validated in one batch at the end.
"""

from __future__ import annotations

import re
from heapq import heappop, heappush

from pydantic import TypeAdapter

from summarize.extract.dates.resolve import Context
from summarize.extract.dates.rules import Piece, Rules, compiled_rules
from summarize.extract.dates.values import parse_iso
from summarize.models import DateMention

# Validating the finished list in one call is cheaper than building each model on its own.
_MENTIONS = TypeAdapter(list[DateMention])

# A rule match: minus its length, rule index, start, order found, end, and the rule's own
# match where the rule was tried alone (else it is run again to be parsed).
Match = tuple[int, int, int, int, int, "re.Match[str] | None"]
# A parsed one: the same for the span of its pieces, and the pieces.
Candidate = tuple[int, int, int, int, int, list[Piece]]


def tag(scan: str, source: str, reference_date: str | None, language: str = "en") -> list[DateMention]:
    """Temporal expressions of `scan` (a view of `source` with the same length), evidence from `source`."""
    rules = compiled_rules(language)
    lowered = scan.lower()
    if len(lowered) != len(scan):  # a few characters grow when lower-cased; keep offsets exact
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in scan)
    found = _matches(scan, lowered, rules)
    if not found:
        return []
    return _resolve(scan, source, rules, _choose(scan, rules, found), reference_date)


def _triggers(scan: str, lowered: str, rules: Rules) -> list[tuple[int, str, str]]:
    """(position, kind, word) of every trigger, in text order; digits have no word."""
    kinds = rules.trigger_kinds
    day_number_follows = rules.day_number_follows
    out: list[tuple[int, str, str]] = []
    first = rules.trigger_at_start.match(lowered)
    found = [(0, " " + first.group())] if first else []
    found += _scan(lowered, rules)
    for at, word in found:
        word = word[1:]
        c = word[0]
        if c.isdecimal():
            # one, two or four digits, not after "." or "," nor before "%" (see grammar.trigger)
            after = at + len(word)
            if lowered[after : after + 1] in (".", ",") and lowered[after + 1 : after + 2].isdigit():
                continue  # 2.36, 5,210: amounts, not dates
            if len(word) == 4:
                kind = "YEAR4" if 1600 <= int(word) <= 2099 else "NUM"
            elif day_number_follows(scan, after):
                kind = "NUM12"
            else:
                continue
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


def _scan(lowered: str, rules: Rules) -> list[tuple[int, str]]:
    """(position, separator + trigger) of each trigger after the first character."""
    found = [(m.start() + 1, m.group()) for m in rules.trigger.finditer(lowered)]
    for _, seen in found:
        c = seen[0]
        if c > "\x7f" and c.isalnum():  # a letter the fast pattern took for a separator
            return [(m.start() + 1, m.group()) for m in rules.trigger_exact.finditer(lowered)]
    return found


def _matches(scan: str, lowered: str, rules: Rules) -> list[Match]:
    """Every rule match that covers a trigger, not yet parsed."""
    found: list[Match] = []
    seen: set[tuple[int, int]] = set()
    plan = rules.plan
    reverse: _Reversed | None = None
    for at, kind, word in _triggers(scan, lowered, rules):
        combined, before = plan(kind, word)
        starts: list[int] = [at] if combined is not None else []
        if before is not None:
            if reverse is None:
                reverse = _Reversed(lowered, rules)
            starts += reverse.openings(at)
        for start in starts:
            if start != at:
                combined = before
            m = combined.match(scan, start)  # type: ignore[union-attr]
            if m is None:
                continue
            single = combined.single  # type: ignore[union-attr]
            if single is not None:
                end = m.end()
                if end <= at or (single, start) in seen:
                    continue
                seen.add((single, start))
                found.append((start - end, single, start, len(found), end, m))
                continue
            if m.lastindex is None:  # no rule matched here
                continue
            for number, index in combined.groups:  # type: ignore[union-attr]
                # A match that ends before the trigger belongs to another trigger (or none).
                end = m.end(number)
                if end <= at or (index, start) in seen:
                    continue
                seen.add((index, start))
                found.append((start - end, index, start, len(found), end, None))
    return found


def _choose(scan: str, rules: Rules, found: list[Match]) -> list[Candidate]:
    """The longest parsed matches that do not overlap, in text order.

    Longest first, then rule order, then the order found: "the past decade" beats "the past",
    "Feb. 16-18" beats "Feb. 16". A parsed expression lies within its match, so matches are
    taken longest first and parsed only when needed: one whose every character is already
    claimed cannot win and is never parsed, and a parsed one is settled once no match still
    waiting could come before it.
    """
    found.sort()
    taken = bytearray(len(scan))
    waiting: list[Candidate] = []  # parsed, ordered as the matches are (a heap)
    chosen: list[Candidate] = []
    rule_list = rules.rules

    def settle(cand: Candidate) -> None:
        start, end = cand[2], cand[4]
        if taken.find(1, start, end) == -1:
            taken[start:end] = b"\x01" * (end - start)
            chosen.append(cand)

    for match in found:
        while waiting and waiting[0][:4] <= match[:4]:
            settle(heappop(waiting))
        _, index, start, order, end, m = match
        if taken.find(0, start, end) == -1:
            continue
        rule = rule_list[index]
        pieces = rule.parse(m or rule.pattern.match(scan, start), rules)
        if not pieces:
            continue
        if len(pieces) == 1:
            p = pieces[0]
            if scan[p.start] in _TRIM or scan[p.end - 1] in _TRIM:
                p = _trim(scan, p)
                if p.end <= p.start:
                    continue
                pieces = [p]
            lo, hi = p.start, p.end
        else:
            pieces = [t for t in (_trim(scan, p) for p in pieces) if t.end > t.start]
            if not pieces:
                continue
            lo, hi = min(p.start for p in pieces), max(p.end for p in pieces)
        heappush(waiting, (lo - hi, index, lo, order, hi, pieces))
    while waiting:
        settle(heappop(waiting))
    chosen.sort(key=_start)
    return chosen


def _start(cand: Candidate) -> int:
    return cand[2]


def _resolve(
    scan: str, source: str, rules: Rules, chosen: list[Candidate], reference_date: str | None
) -> list[DateMention]:
    ctx = Context(scan, rules.lex, parse_iso(reference_date))
    rows: list[list] = []  # start, end, type, value, range id, role, rule, floating
    range_id = 0
    rule_list = rules.rules
    note = ctx.note
    floating = False
    for cand in chosen:
        name = rule_list[cand[1]].name
        pieces = cand[5]
        if len(pieces) > 1:
            if any(p.role == "start" for p in pieces):
                range_id += 1
            pieces = sorted(pieces, key=lambda p: (p.start, -p.end))
        for start, end, type_, value_fn, role, float_ in pieces:
            value = value_fn(ctx)
            if type_ == "DATE" or type_ == "TIME":
                note(value, start, end)
            if role == "span":
                role = None
            rows.append([start, end, type_, value, range_id if role else None, role, name, float_])
            floating = floating or float_
    if floating:
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


class _Reversed:
    """The lower-cased text read backwards, for the words that may open an expression before its trigger."""

    def __init__(self, lowered: str, rules: Rules) -> None:
        self.text = lowered[::-1]
        self.n = len(lowered)
        self.match = rules.openings

    def openings(self, at: int) -> list[int]:
        """Where the opening words before the trigger at `at` begin ("the past two" years), nearest first."""
        m = self.match(self.text, self.n - at)
        if m is None:
            return []
        n = self.n
        out = []
        for a, b in m.regs[1:]:
            if a < 0:
                break
            out.append(n - b)
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
_SENTENCE_BREAK = re.compile(r"[\n.!?](?:(?<=\n)|\s)")


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
