"""The tagger: run every rule, keep the longest non-overlapping matches, resolve in document order."""

from __future__ import annotations

import re
from dataclasses import replace

from summarize.extract.dates.resolve import Context
from summarize.extract.dates.rules import Piece, compiled_rules
from summarize.extract.dates.values import parse_iso
from summarize.models import DateMention, Evidence


def tag(scan: str, source: str, reference_date: str | None, language: str = "en") -> list[DateMention]:
    """Temporal expressions of `scan` (a view of `source` with the same length), evidence from `source`."""
    rules = compiled_rules(language)
    candidates: list[tuple[int, int, int, list[Piece]]] = []
    tried: set[tuple[int, int]] = set()
    prefix_words = rules.prefix_words
    kinds = rules.trigger_kinds
    opens_with_trigger = rules.opens_with_trigger
    lowered = scan.lower()
    if len(lowered) != len(scan):  # a few characters grow when lower-cased; keep offsets exact
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in scan)
    first = rules.trigger_at_start.match(lowered)
    triggers = ([first] if first else []) + list(rules.trigger.finditer(lowered))
    for trigger in triggers:
        group = trigger.lastgroup or ""
        at = trigger.start(group)
        if group == "w":
            kind = kinds.get(" ".join(trigger.group(group).split()), "")
        elif group == "d":
            kind = _number_kind(trigger.group(group), scan, at)
        else:
            kind = "APOS" if group == "a" else "QCODE"
        indexes = rules.by_trigger.get(kind)
        if not indexes:
            continue
        starts = _starts(scan, at, prefix_words)
        for index in indexes:
            pattern = rules.rules[index].pattern
            for start in starts[:1] if index in opens_with_trigger else starts:
                if (index, start) in tried:
                    continue
                tried.add((index, start))
                m = pattern.match(scan, start)
                if m is None or m.end() <= at:
                    continue
                pieces = rules.rules[index].parse(m, rules)
                if not pieces:
                    continue
                pieces = [t for t in (_trim(scan, p) for p in pieces) if t.end > t.start]
                if pieces:
                    candidates.append((min(p.start for p in pieces), max(p.end for p in pieces), index, pieces))

    # Longest first, then rule order: "the past decade" beats "the past", "Feb. 16-18" beats "Feb. 16".
    candidates.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
    taken: list[tuple[int, int]] = []
    chosen: list[tuple[int, int, int, list[Piece]]] = []
    for cand in candidates:
        start, end = cand[0], cand[1]
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        chosen.append(cand)
    chosen.sort(key=lambda c: (c[0], c[1]))

    ctx = Context(scan, rules.lex, parse_iso(reference_date))
    out: list[DateMention] = []
    floating: list[int] = []
    range_id = 0
    for _, _, index, pieces in chosen:
        name = rules.rules[index].name
        ranged = any(p.role == "start" for p in pieces)
        if ranged:
            range_id += 1
        for piece in sorted(pieces, key=lambda p: (p.start, -p.end)):
            value = piece.value(ctx)
            text = source[piece.start : piece.end]
            if piece.type in ("DATE", "TIME"):
                ctx.note(value, _WRITTEN_YEAR.search(scan, piece.start, piece.end) is not None)
            role = piece.role if piece.role in ("start", "end") else None
            if piece.floating:
                floating.append(len(out))
            # Built without re-validation: spans come from the scan and are ordered by construction.
            out.append(
                DateMention.model_construct(
                    text=text,
                    type=piece.type,
                    value=value,
                    evidence=Evidence.model_construct(start=piece.start, end=piece.end, text=text),
                    range_id=range_id if role else None,
                    range_role=role,
                    rule=name,
                )
            )
    for i in floating:
        out[i] = _day_from_sentence(scan, out, i)
    return out


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
_GAP = " \t\n,-–"


def _starts(text: str, at: int, prefix_words: frozenset[str]) -> list[int]:
    """The trigger's position and those of the opening words before it ("the past two" years)."""
    starts = [at]
    pos = at
    for _ in range(_MAX_PREFIX):
        end = pos
        while end > 0 and text[end - 1] in _GAP and pos - end < 3:
            end -= 1
        begin = end
        while begin > 0 and text[begin - 1].isalnum():
            begin -= 1
        if begin == end or (end == pos and pos != at):
            break
        word = text[begin:end]
        if not (word[0].isdigit() or word.lower() in prefix_words):
            break
        pos = begin
        starts.append(pos)
    return starts


_TRIM = " \t\n\r,;:"


def _trim(text: str, p: Piece) -> Piece:
    start, end = p.start, p.end
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    while start < end and text[start] in _TRIM:
        start += 1
    return p if (start, end) == (p.start, p.end) else replace(p, start=start, end=end)


_WRITTEN_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)|\d/\d+/\d")
_FULL_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")
_SENTENCE_BREAK = re.compile(r"[.!?]\s|\n")


def _day_from_sentence(text: str, out: list[DateMention], i: int) -> DateMention:
    """A clock time takes its day from the nearest full date in the same sentence ("at 16:15, June 1")."""
    timed = out[i]
    best: tuple[int, str] | None = None
    for j, other in enumerate(out):
        if j == i or other.type != "DATE" or not _FULL_DAY.match(other.value):
            continue
        lo, hi = (
            sorted((timed.evidence.end, other.evidence.start))
            if other.evidence.start >= timed.evidence.end
            else sorted((other.evidence.end, timed.evidence.start))
        )
        if _SENTENCE_BREAK.search(text, lo, hi):
            continue
        dist = hi - lo
        if best is None or dist < best[0]:
            best = (dist, other.value)
    if best is None or "T" not in timed.value:
        return timed
    return timed.model_copy(update={"value": best[1] + timed.value[timed.value.index("T") :]})
