"""The tagger: run every rule, keep the longest non-overlapping matches, resolve in document order.

Where the time goes, and why the code is shaped as it is: one regular-expression pass finds the
trigger words every rule hangs on. At each trigger, the rules that word may start (see
`Rules.plan`) are tried at its position each on its own, as most of them match there and their
matches go straight to the parsers; at the opening words before it, which one more call reads
on the reversed text, a single match call tries all the rules whose patterns may begin with that
word (`Rules.opener`), as most of them fail there. Matches are parsed lazily, longest first, so
one inside an expression already chosen is never parsed; values are computed once the winners
are known, and the mentions are built at the end without validating again what the code made.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from heapq import heappop, heappush
from operator import itemgetter

from pydantic import BaseModel

from summarize.extract.dates.resolve import Context
from summarize.extract.dates.rules import Piece, Plan, Rules, compiled_rules, plain_ascii
from summarize.extract.dates.values import parse_iso
from summarize.models import DateMention, Evidence

# A rule match: minus its length, rule index, start, order found, end, and the rule's own
# match where the rule was tried alone (else it is run again to be parsed).
Match = tuple[int, int, int, int, int, "re.Match[str] | None"]
# A parsed one: the same for the span of its pieces, and the pieces.
Candidate = tuple[int, int, int, int, int, list[Piece]]


def tag(scan: str, source: str, reference_date: str | None, language: str = "en") -> list[DateMention]:
    """Temporal expressions of `scan` (a view of `source` with the same length), evidence from `source`."""
    return tag_with(compiled_rules(language, plain_ascii(scan)), scan, source, reference_date)


def tag_with(rules: Rules, scan: str, source: str, reference_date: str | None) -> list[DateMention]:
    """`tag` with the given compiled rules (those for ASCII text only where `plain_ascii(scan)`)."""
    lowered = scan.lower()
    if len(lowered) != len(scan):  # a few characters grow when lower-cased; keep offsets exact
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in scan)
    backwards = lowered[::-1]  # read from a position on, the text before it, nearest first
    found = _matches(scan, lowered, backwards, rules)
    if not found:
        return []
    return _resolve(scan, lowered, backwards, source, rules, _choose(scan, rules, found), reference_date)


def _matches(scan: str, lowered: str, backwards: str, rules: Rules) -> list[Match]:
    """Every rule match that covers a trigger, not yet parsed, found trigger by trigger in text order."""
    found: list[Match] = []
    seen: set[int] = set()  # start * width + rule index
    first = rules.trigger_at_start.match(lowered)
    if first is not None:
        _at_triggers(scan, lowered, backwards, rules, (first,), 0, False, found, seen)
    kept = len(found)
    # In ASCII text no letter can stand where the fast pattern takes a separator.
    if not _at_triggers(
        scan, lowered, backwards, rules, rules.trigger.finditer(lowered), 1, not lowered.isascii(), found, seen
    ):
        # a letter the fast pattern took for a separator: scan again with the exact class
        del found[kept:]
        width = len(rules.rules)
        seen = {f[2] * width + f[1] for f in found}
        _at_triggers(scan, lowered, backwards, rules, rules.trigger_exact.finditer(lowered), 1, False, found, seen)
    return found


def _at_triggers(
    scan: str,
    lowered: str,
    backwards: str,
    rules: Rules,
    hits: Iterable[re.Match[str]],
    skip: int,
    check: bool,
    found: list[Match],
    seen: set[int],
) -> bool:
    """Add the rule matches at and before each trigger of `hits`, the word `skip` characters in.

    check: whether a separator may be a letter beyond ASCII; at one that is (before a trigger),
    returns False, having stopped.
    """
    width = len(rules.rules)
    n = len(lowered)
    openings = rules.openings
    word_plans = rules.word_plans
    for h in hits:
        sep, after = h.span()
        at = sep + skip
        if check:
            c = lowered[sep]
            if c > "\x7f" and c.isalnum():
                return False
        word = lowered[at:after]
        plan = word_plans.get(word)
        if plan is None:
            plan = _plan(scan, lowered, rules, word, after)
            if plan is None:
                continue
        at_rules = plan.at
        if len(at_rules) > 1:  # those that may match the next two characters (see `Rules.follow`)
            key = str(after - at) + lowered[after : after + 2] if plan.digits else lowered[at : after + 2]
            chosen = plan.follows.get(key)
            at_rules = chosen if chosen.__class__ is tuple else rules.follow(plan, key, chosen)  # type: ignore[arg-type]
        for index, match in at_rules:
            m = match(scan, at)
            if m is not None:
                end = m.end()
                key = at * width + index
                if end > at and key not in seen:
                    seen.add(key)
                    found.append((at - end, index, at, len(found), end, m))
        if plan.before is None:
            continue
        # where the opening words before the trigger begin ("the past two" years), nearest first,
        # each tried with the rules that may open with it
        o = openings(backwards, n - at)
        if o is None:
            continue
        openers = plan.openers
        for a, b in o.regs[1:]:
            if a < 0:
                break
            start = n - b
            opening = lowered[start : n - a]
            combined = openers[opening] if opening in openers else rules.opener(plan, opening)
            if combined is None:
                continue
            match, groups, single = combined
            m = match(scan, start)
            if m is None:
                continue
            if single is not None:
                end = m.end()
                key = start * width + single
                if end > at and key not in seen:
                    seen.add(key)
                    found.append((start - end, single, start, len(found), end, m))
                continue
            if m.lastindex is None:  # no rule matched here
                continue
            spans = m.regs
            for number, index in groups:
                # A match that ends before the trigger belongs to another trigger (or none).
                end = spans[number][1]
                if end <= at:
                    continue
                key = start * width + index
                if key not in seen:
                    seen.add(key)
                    found.append((start - end, index, start, len(found), end, None))
    return True


def _plan(scan: str, lowered: str, rules: Rules, word: str, after: int) -> Plan | None:
    """The plan for a trigger the word cache does not hold (a number, or a word met the first time)."""
    c = word[0]
    if c.isdecimal():
        # one, two or four digits, not after "." or "," nor before "%" (see grammar.trigger); the
        # pattern for ASCII text has passed over amounts itself
        if (
            not rules.ascii_only
            and lowered[after : after + 1] in (".", ",")
            and lowered[after + 1 : after + 2].isdigit()
        ):
            return None  # 2.36, 5,210: amounts, not dates
        if len(word) == 4:
            kind = "YEAR4" if 1600 <= int(word) <= 2099 else "NUM"
            plan = rules.plans.get((kind, "")) or rules.plan(kind, "")
            if rules.ascii_only:  # nothing else to check: the next one is looked up by the word
                rules.word_plans[word] = plan
            return plan
        if rules.day_number_follows(scan, after):
            return rules.plans.get(("NUM12", "")) or rules.plan("NUM12", "")
        return None
    if c in "'’":
        return rules.plans.get(("APOS", "")) or rules.plan("APOS", "")
    if c == "q" and len(word) == 2 and word[1] in "1234":
        return rules.plans.get(("QCODE", "")) or rules.plan("QCODE", "")
    kinds = rules.trigger_kinds
    kind = kinds.get(word)
    if kind is not None:
        plan = rules.word_plans[word] = rules.plan(kind, word)
        return plan
    word = " ".join(word.split())
    kind = kinds.get(word)
    if kind:
        return rules.plans.get((kind, word)) or rules.plan(kind, word)
    return None


def _choose(scan: str, rules: Rules, found: list[Match]) -> list[Candidate]:
    """The longest parsed matches that do not overlap, in text order.

    Longest first, then rule order, then the order found: "the past decade" beats "the past",
    "Feb. 16-18" beats "Feb. 16" (see `_choose_longest`). A parsed expression lies within its
    match, so matches that overlap no other are settled on their own (most are), and those that
    do in groups, each group by itself.
    """
    if len(found) > 1:
        found.sort(key=_START)
    chosen: list[Candidate] = []
    i, n = 0, len(found)
    try:
        while i < n:
            end = found[i][4]
            j = i + 1
            while j < n and found[j][2] < end:
                if found[j][4] > end:
                    end = found[j][4]
                j += 1
            if j == i + 1:
                cand = _parse(scan, rules, found[i])
                if cand is not None:
                    chosen.append(cand)
            else:
                chosen += _choose_longest(scan, rules, found[i:j])
            i = j
    except _Outside:
        return _choose_longest(scan, rules, found, check=False)
    return chosen


class _Outside(Exception):
    """A parsed expression reaches outside its match (none does; the groups are then not apart)."""


def _parse(scan: str, rules: Rules, match: Match, check: bool = True) -> Candidate | None:
    """A match parsed, its pieces trimmed; None if the parser rejects it or nothing is left."""
    _, index, start, order, end, m = match
    rule = rules.rules[index]
    pieces = rule.parse(m or rule.pattern.match(scan, start), rules)
    if not pieces:
        return None
    if len(pieces) == 1:
        p = pieces[0]
        lo, hi = p[0], p[1]
        if scan[lo] in _TRIM or scan[hi - 1] in _TRIM:
            p = _trim(scan, p)
            lo, hi = p[0], p[1]
            if hi <= lo:
                return None
            pieces = [p]
    else:
        pieces = [t for t in (_trim(scan, p) for p in pieces) if t[1] > t[0]]
        if not pieces:
            return None
        lo, hi = min(p[0] for p in pieces), max(p[1] for p in pieces)
    if check and (lo < start or hi > end):
        raise _Outside
    return (lo - hi, index, lo, order, hi, pieces)


def _choose_longest(scan: str, rules: Rules, found: list[Match], check: bool = True) -> list[Candidate]:
    """`_choose` for matches taken together: longest first, then rule order, then the order found.

    A parsed expression lies within its match, so matches are taken longest first and parsed
    only when needed: one whose every character is already claimed cannot win and is never
    parsed, and a parsed one is settled once no match still waiting could come before it.
    """
    found.sort()
    taken = bytearray(len(scan))
    waiting: list[Candidate] = []  # parsed, ordered as the matches are (a heap)
    chosen: list[Candidate] = []
    for match in found:
        # Settle what no match still to come can beat. Orders differ, so comparing whole
        # tuples never reaches their last items.
        while waiting and waiting[0] <= match:  # type: ignore[operator]
            cand = heappop(waiting)
            lo, hi = cand[2], cand[4]
            if taken.find(1, lo, hi) == -1:
                taken[lo:hi] = b"\x01" * (hi - lo)
                chosen.append(cand)
        if taken.find(0, match[2], match[4]) == -1:
            continue
        cand = _parse(scan, rules, match, check)
        if cand is not None:
            heappush(waiting, cand)
    while waiting:
        cand = heappop(waiting)
        lo, hi = cand[2], cand[4]
        if taken.find(1, lo, hi) == -1:
            taken[lo:hi] = b"\x01" * (hi - lo)
            chosen.append(cand)
    chosen.sort(key=_START)
    return chosen


_START = itemgetter(2)


def _resolve(
    scan: str,
    lowered: str,
    backwards: str,
    source: str,
    rules: Rules,
    chosen: list[Candidate],
    reference_date: str | None,
) -> list[DateMention]:
    ctx = Context(scan, rules.lex, parse_iso(reference_date), lowered, backwards)
    out: list[_Row] = []
    floating: list[int] = []  # where in `out` the clock times are whose day the sentence may name
    range_id = 0
    names = rules.names
    note = ctx.note
    for cand in chosen:
        name = names[cand[1]]
        pieces = cand[5]
        if len(pieces) > 1:
            if any(p[4] == "start" for p in pieces):
                range_id += 1
            pieces = sorted(pieces, key=lambda p: (p[0], -p[1]))
        for start, end, type_, value, role, float_ in pieces:
            if value.__class__ is not str:
                value = value(ctx)
            if type_ == "DATE" or type_ == "TIME":
                note(value, start, end)
            if role == "span":
                role = None
            if float_:
                floating.append(len(out))
            out.append((start, end, type_, value, range_id if role else None, role, name))
    if floating:
        for i in floating:
            row = out[i]
            out[i] = (*row[:3], _day_from_sentence(scan, out, i), *row[4:])
    # The mentions are built without validation (see the note at `_new` below), written out here
    # as this runs for every mention.
    mentions = []
    for start, end, type_, value, range_id, role, name in out:
        text = source[start:end]
        evidence = _new(Evidence)
        _set_dict(evidence, "__dict__", {"start": start, "end": end, "text": text})
        _set_fields(evidence, set(_EVIDENCE_FIELDS))
        _set_extra(evidence, None)
        _set_private(evidence, None)
        mention = _new(DateMention)
        _set_dict(
            mention,
            "__dict__",
            {
                "text": text,
                "type": type_,
                "value": value,
                "evidence": evidence,
                "range_id": range_id,
                "range_role": role,
                "rule": name,
            },
        )
        _set_fields(mention, set(_MENTION_FIELDS))
        _set_extra(mention, None)
        _set_private(mention, None)
        mentions.append(mention)
    return mentions


# A mention before it is built: start, end, type, value, range id, range role, rule.
_Row = tuple[int, int, str, str, "int | None", "str | None", str]

# The mentions are built without validation: every field comes from the code above (offsets
# into the text, a type and role from the rules, a value string), so the checks pydantic would
# run cannot fail, and the model is the same as a validated one (fields, fields set, equality;
# tests/extract/test_dates.py validates every mention of the samples again).
_new = object.__new__
_set_dict = object.__setattr__
_set_fields = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__
_EVIDENCE_FIELDS = frozenset(Evidence.model_fields)
_MENTION_FIELDS = frozenset(DateMention.model_fields)


_TRIM = " \t\n\r,;:"


def _trim(text: str, p: Piece) -> Piece:
    start, end = p[0], p[1]
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    while start < end and text[start] in _TRIM:
        start += 1
    return p if (start, end) == (p[0], p[1]) else (start, end, *p[2:])  # type: ignore[return-value]


_FULL_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")
_SENTENCE_BREAK = re.compile(r"[\n.!?](?:(?<=\n)|\s)")


def _day_from_sentence(text: str, mentions: list[_Row], i: int) -> str:
    """A clock time takes its day from the nearest full date in the same sentence ("at 16:15, June 1")."""
    start, end, _, value = mentions[i][:4]
    if "T" not in value:
        return value
    best: tuple[int, str] | None = None
    for j, other in enumerate(mentions):
        other_start, other_end, type_, day = other[:4]
        if j == i or type_ != "DATE" or not _FULL_DAY.match(day):
            continue
        lo, hi = (end, other_start) if other_start >= end else (other_end, start)
        lo, hi = min(lo, hi), max(lo, hi)
        if _SENTENCE_BREAK.search(text, lo, hi):
            continue
        dist = hi - lo
        if best is None or dist < best[0]:
            best = (dist, day)
    if best is None:
        return value
    return best[1] + value[value.index("T") :]
