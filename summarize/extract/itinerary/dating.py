"""Dates of stops: date mentions turned into spans with ISO ends, attached to the stops they follow.

A parenthesis or a date right after the place (past an origin or an apposition), a date shared
by a coordinated list, a date before the trigger that its clause hangs on, "the next day" or "the
last day of that leg" counted from the previous stop, a stay carried over to the days written
after it or ended in a later sentence ("until Wednesday", "leaves on Friday"), the dates of an
event the stop is named by, a dateline for a "two-day visit".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, timedelta

from summarize.extract.itinerary.records import Cand, Trigger, When
from summarize.extract.itinerary.rules import TravelRules
from summarize.extract.places import Gazetteer, PlaceMention
from summarize.models import Article, DateMention

_ISO = re.compile(r"^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:T.*)?$")


_ANAPHOR_NEXT = re.compile(
    r"^(?:the\s+)?(?:next|following)\s+day$|^a\s+day\s+later$|^the\s+day\s+after$", re.IGNORECASE
)


_TIME_OF_DAY = re.compile(r"^(?:in\s+)?(?:the|that)\s+(?:morning|afternoon|evening|night)$", re.IGNORECASE)
_OF_AFTER = re.compile(r"\s+of\b")
_ANAPHOR_SAME = re.compile(r"^(?:the\s+)?same\s+day$|^that\s+day$|^later\s+that\s+day$", re.IGNORECASE)


_DAY_AND = re.compile(r"(?<![\d,.])(\d{1,2})(?:st|nd|rd|th)?\s+and\s+(?:the\s+)?$")
_DAY_FIRST = re.compile(r"(?:the\s+)?\d", re.IGNORECASE)
_AND_DAY = re.compile(r"^\s+and\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:per|%|million|billion|people|year))")


_DATEISH = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|day|"
    r"week|month|year|today|tomorrow|yesterday|tonight|christmas|easter|eve\b)",
    re.IGNORECASE,
)


_SHARED_DATE_GAP = re.compile(r"[\s,]*(?:on|from|in|between|during|through|for)?\s*\(?")
_UNTIL = re.compile(r"\b(?:until|till|through)\b")
_PARENS = re.compile(r"\([^()]*\)")


_WEEKDAY = re.compile(
    r"(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+(?:and|to|-|–)\s+"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)?[,.]?$",
    re.IGNORECASE,
)


def _iso(value: str) -> str | None:
    m = _ISO.match(value)
    return m.group(1) if m else None


def whens_of(view: str, dates: list[DateMention]) -> list[When]:
    out: list[When] = []
    ranges: dict[int, list[DateMention]] = {}
    for d in sorted(dates, key=lambda d: d.evidence.start):
        if d.type not in ("DATE", "TIME"):
            continue
        if d.range_id is not None:
            ranges.setdefault(d.range_id, []).append(d)
            continue
        text = d.text.strip()
        if _TIME_OF_DAY.match(text):
            # "in the afternoon", "that evening": a time of the day last named (but "the evening of 28
            # January" is that day's).
            if not _OF_AFTER.match(view, d.evidence.end):
                out.append(When(d.evidence.start, d.evidence.end, None, None, offset_days=0))
            continue
        if not _DATEISH.search(text):
            continue  # "in the evening" with no day before it: a time of day fixes no date
        if _ANAPHOR_NEXT.match(text):
            out.append(When(d.evidence.start, d.evidence.end, None, None, offset_days=1))
            continue
        if _ANAPHOR_SAME.match(text):
            out.append(When(d.evidence.start, d.evidence.end, None, None, offset_days=0))
            continue
        value = _iso(d.value)
        if value is None and _OF_AFTER.match(view, d.evidence.end):
            continue  # "the weekend of 7 and 8 June": the days after "of" are the date
        w = When(d.evidence.start, d.evidence.end, value, value)
        m = _AND_DAY.match(view[d.evidence.end : d.evidence.end + 16])
        if value and len(value) == 10 and m:
            # "June 24 and 25": one stop over two consecutive-or-near days.
            day = int(m.group(1))
            if int(value[8:]) < day <= 31:
                w.last = f"{value[:8]}{day:02d}"
                w.end = d.evidence.end + m.end()
        before = _DAY_AND.search(view, max(0, d.evidence.start - 16), d.evidence.start)
        if value and len(value) == 10 and before and _DAY_FIRST.match(d.text):
            # "on 15 and 16 September": the same, the month written once after both days.
            day = int(before.group(1))
            if 1 <= day < int(value[8:]):
                w.first = f"{value[:8]}{day:02d}"
                w.start = before.start(1)
        out.append(w)
    for items in ranges.values():
        first = next((d for d in items if d.range_role == "start"), items[0])
        last = next((d for d in items if d.range_role == "end"), items[-1])
        a, b = _iso(first.value), _iso(last.value)
        out.append(
            When(min(first.evidence.start, last.evidence.start), max(first.evidence.end, last.evidence.end), a, b)
        )
    out.sort(key=lambda w: w.start)
    # A bare day number swallowed into "June 24 and 25" must not be reused on its own.
    kept: list[When] = []
    for w in out:
        if kept and w.start < kept[-1].end:
            continue
        if kept and _joins_range(view, kept[-1], w):
            p = kept[-1]
            kept[-1] = When(p.start, w.end, p.first, w.last)
            continue
        kept.append(w)
    return kept


def _joins_range(view: str, a: When, b: When) -> bool:
    """'Monday to Wednesday', 'on Wednesday and Thursday': two single days that make one span."""
    if a.offset_days is not None or b.offset_days is not None or a.first != a.last or b.first != b.last:
        return False
    if not (a.first and b.first and len(a.first) == len(b.first) == 10 and a.first < b.first):
        return False
    gap = view[a.end : b.start].strip().lower()
    if gap in ("-", "–", "—", "to", "until", "till", "through", "thru"):
        return True
    return gap == "and" and (date.fromisoformat(b.first) - date.fromisoformat(a.first)).days <= 3


def add_days(iso: str | None, days: int) -> str | None:
    if not iso or len(iso) != 10:
        return None
    try:
        return (date.fromisoformat(iso) + timedelta(days=days)).isoformat()
    except ValueError:
        return None


def attach_dates(
    view: str, found: list[Cand], whens: list[When], mentions: list[PlaceMention], end: int, rules: TravelRules
) -> None:
    """Give each stop the date written right after it, before the next place."""
    if not found:
        return
    qualifiers = {x for c in found for x in c.extra}
    starts = sorted({m.start for m in mentions if m.start not in qualifiers} | {c.start for c in found})
    for c in found:
        nxt = next((p for p in starts if p >= c.tail), end)
        limit = min(nxt, end, c.tail + 140)
        w = next((w for w in whens if c.tail <= w.start < limit), None)
        if w is not None and not rules.date_gap_break.search(_strip_apposition(view[c.tail : w.start], rules)):
            c.when = _next_day_too(_until(view, w, whens, end), whens, min(nxt, end))
        elif c.pre is not None:
            c.when = c.pre
    # A date after the last of a coordinated list is shared by the list ("Romania and Slovakia from May 5").
    by_group: dict[int, list[Cand]] = {}
    for c in found:
        by_group.setdefault(c.group, []).append(c)
    for members in by_group.values():
        dated = [c for c in members if c.when is not None]
        if len(members) > 1 and len(dated) == 1 and dated[0] is members[-1]:
            gap = view[members[-1].tail : dated[0].when.start]  # type: ignore[union-attr]
            if _SHARED_DATE_GAP.fullmatch(gap):
                for c in members[:-1]:
                    c.when = dated[0].when


def _until(view: str, w: When, whens: list[When], end: int) -> When:
    # "arrived on Sunday and will stay until the summit closes on Thursday": the stay's last day.
    m = _UNTIL.search(view, w.end, min(end, w.end + 60))
    if m is None or not w.first:
        return w
    last = next((x for x in whens if m.end() <= x.start < m.end() + 40 and x.first), None)
    if last is None or not last.last or last.last <= (w.last or w.first):
        return w
    return When(w.start, last.end, w.first, last.last)


def _next_day_too(w: When, whens: list[When], limit: int) -> When:
    # "due at the ministry on Monday and will speak at the institute the following day": with no other
    # place in between, the next day is spent at the same stop.
    if not w.first or w.first != w.last or len(w.first) != 10:
        return w
    x = next((x for x in whens if w.end <= x.start < limit), None)
    if x is None or x.offset_days != 1:
        return w
    return When(w.start, w.end, w.first, add_days(w.first, 1))


def _strip_apposition(text: str, rules: TravelRules) -> str:
    """The gap without parentheses and without an apposition naming the place ("Bishkek, the Kyrgyz capital, on
    the 3rd")."""
    text = _PARENS.sub("", text) if "(" in text else text
    m = rules.apposition.match(text)
    return text[m.end() :] if m else text


_DAY_OF_LEG = re.compile(
    r"\b(?:the\s+)?(first|opening|last|final|closing)\s+day\s+of\s+(?:that|the|this|his|her|their|its)\s+"
    r"(?:leg|stay|visit|trip|tour|stop)\b",
    re.IGNORECASE,
)


def day_of_leg(view: str, t: Trigger, start: int) -> When | None:
    """'spend the last day of that leg in the Mangystau region': a day of the stop before, counted from
    it (the phrase may hold the trigger itself)."""
    part = _DAY_OF_LEG.search(view, max(0, t.start - 30), start)
    if part is None:
        return None
    first = part.group(1).lower() in ("first", "opening")
    return When(part.start(), part.end(), None, None, offset_days=0, from_first=first)


# "in April 2023, when he visited Turkmenistan": the date the clause hangs on.
_WHEN_CLAUSE = re.compile(
    r"\s*,\s*when\s+(?:(?-i:[A-Z])[\w'’.-]*\s+){0,3}?(?:he|she|they|it|we|(?-i:[A-Z])[\w'’.-]*)\s+"
    r"(?:(?:had|has|was|were|first|last|also|then)\s+)*$",
    re.IGNORECASE,
)
# "flies out early next month and will spend her first week in X": the departure dates the first stop.
_DEPARTURE_DATE_BEFORE = re.compile(
    r"\b(?:flies|fly|flew|flying|leaves|leave|left|leaving|sets?\s+off|sets?\s+out|departs?|departed|travels|"
    r"travelled|traveled|heads|headed)(?:\s+(?:out|off|abroad))?\s+(?:on\s+|in\s+|at\s+)?$",
    re.IGNORECASE,
)
_AND_THEN_WILL = re.compile(
    r"\s*,?\s*and\s+(?:(?:will|would|is\s+to|are\s+to|is\s+due\s+to|then|also|is\s+set\s+to|plans\s+to)\s+)*$",
    re.IGNORECASE,
)


def date_before(view: str, t: Trigger, whens: list[When]) -> When | None:
    """A date written before the trigger that its clause still hangs on."""
    w = next((w for w in reversed(whens) if w.end <= t.start and t.start - w.end <= 60), None)
    if w is None or not w.first:
        return None
    if _WHEN_CLAUSE.fullmatch(view, w.end, t.start):
        return w
    if _AND_THEN_WILL.fullmatch(view, w.end, t.start) and _DEPARTURE_DATE_BEFORE.search(
        view, max(0, w.start - 30), w.start
    ):
        return w
    return None


def resolve_anaphors(cands: list[Cand]) -> None:
    """'The next day', 'the last day of that leg': days counted from the stop before."""
    prev: Cand | None = None
    for c in cands:
        w = c.when
        if w is not None and w.offset_days is not None:
            pw = prev.when if prev is not None else None
            base = (pw.first if w.from_first else pw.last or pw.first) if pw is not None else None
            day = add_days(base, w.offset_days)
            c.when = When(w.start, w.end, day, day) if day else None
        if c.when is not None and c.when.first:
            prev = c


def extend_stays(cands: list[Cand], free: list[When]) -> None:
    """'In the evening she travels to X. On Saturday, May 7, she meets ...': the stay at X runs on."""
    # A programme line's date is its own stop's.
    taken = {c.when.start for c in cands if c.when is not None and c.rule == "programme_line"}
    for i, c in enumerate(cands):
        w = c.when
        if w is None or not w.first or w.first != w.last or len(w.first) != 10:
            continue
        nxt = cands[i + 1].start if i + 1 < len(cands) else 1 << 62
        later = [
            f.first for f in free if c.end < f.start < nxt and f.first and f.first == f.last and f.start not in taken
        ]
        limit = add_days(w.first, 3) or ""
        later = [d for d in later if len(d) == 10 and w.first < d <= limit]
        if later:
            c.when = When(w.start, w.end, w.first, max(later))


# "The ministers stay in the French capital until Wednesday", "She leaves Rome on Thursday": the end of
# a stay written in a later sentence than its start.
_UNTIL_BEFORE = re.compile(r"\b(?:until|till|through)\s+(?:the\s+end\s+of\s+)?$", re.IGNORECASE)
_STAY_VERB = re.compile(
    r"\b(?:stay|stays|staying|remain|remains|remaining|(?:is|are|will\s+be)\s+(?:there|in|at)|"
    r"will\s+(?:then\s+)?spend|spends)\b",
    re.IGNORECASE,
)
# The traveller's departure: the verb, what is left (a place, "there", "the city"), and the day.
_DEPARTURE_BEFORE = re.compile(
    r"\b(?:leaves?|leaving|departs?|departing|flies\s+(?:out|home|back)|fly\s+(?:out|home|back)|"
    r"heads\s+home|returns\s+home|goes\s+home)"
    r"(?:\s+(?:there|for\s+home|the\s+(?:city|capital|country|town)|(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?))?"
    r"\s+(?:(?:early|late)\s+)?(?:on\s+)?$",
    re.IGNORECASE,
)
_THERE = re.compile(r"\b(?:there|in\s+the\s+(?:[\w'’-]+\s+)?(?:capital|city|town|country))\b", re.IGNORECASE)
_STAY_DAYS = 7


def stays_ended_later(view: str, article: Article, cands: list[Cand], whens: list[When], gaz: Gazetteer) -> None:
    """A stay dated by its first day, whose last day comes in a later sentence: 'arrived in Paris on
    Sunday. The ministers stay in the French capital until Wednesday.' or '... She leaves on Thursday.'

    Only a stay of one day is run on, only to a day within a week, and only when the later sentence
    names no other place.
    """
    one_day = [c for c in cands if c.when is not None and c.when.first and c.when.first == c.when.last]
    if not one_day:
        return
    starts = [sent.start for sent in article.sentences]
    for w in whens:
        if w.start <= one_day[0].end or w.offset_days is not None:
            continue
        if not w.first or len(w.first) != 10 or w.first != w.last:
            continue
        k = bisect_right(starts, w.start) - 1
        s = starts[k]
        before = view[s : w.start]
        until = _UNTIL_BEFORE.search(view, max(s, w.start - 30), w.start)
        if until is not None:
            if not _STAY_VERB.search(view, s, until.start()):
                continue
        elif not _DEPARTURE_BEFORE.search(view, max(s, w.start - 60), w.start):
            continue
        earlier = [c for c in cands if c.sentence < k]
        if not earlier:
            continue
        c = earlier[-1]
        cw = c.when
        if cw is None or not cw.first or len(cw.first) != 10 or cw.first != cw.last:
            continue
        last = w.first
        if last <= cw.first and _WEEKDAY.match(view[w.start : w.end]):
            last = add_days(last, 7) or last  # a bare weekday ending a stay lies after its first day
        if not cw.first < last <= (add_days(cw.first, _STAY_DAYS) or ""):
            continue
        here = [x for x in cands if x.sentence == k and x.start < w.start]
        if any(x.place.lower() != c.place.lower() for x in here):
            continue
        named = [m for m in gaz.find(view, s, w.start) if m.text.lower() != c.place.lower()]
        if named and not _THERE.search(before):
            continue
        c.when = When(cw.start, cw.end, cw.first, last)
        c.rule += "+stay_ends"
        for x in here:
            x.when = None  # "She stays in Paris until Wednesday": the same stop, its end


def event_dates(view: str, cands: list[Cand], whens: list[When], rules: TravelRules) -> None:
    """'the Venice summit' ... 'after the June 8-10 summit': the event's dates are the stop's."""
    for c in cands:
        if c.event is None or c.when is not None:
            continue
        for w in whens:
            if w.start <= c.end or not w.first:
                continue
            after = view[w.end : w.end + 30]
            before = view[max(0, w.start - 30) : w.start]
            if re.match(rf"^\s+{re.escape(c.event)}\b", after) or re.search(
                rf"\b{re.escape(c.event)}\s+(?:on|from|in)\s+$", before
            ):
                c.when, c.rule = w, c.rule + "+event_date"
                break


def dateline_visits(article: Article, cands: list[Cand], reference_date: str | None) -> None:
    """A 'two-day visit to X' reported from X under a dated dateline starts on that date."""
    if not reference_date or len(reference_date) != 10 or article.dateline is None:
        return
    line = article.text[article.dateline.start : article.dateline.end]
    for c in cands:
        if c.when is not None or c.days is None:
            continue
        if re.match(rf"\s*{re.escape(c.place)}\b", line, re.IGNORECASE):
            a, b = c.days_span or (c.start, c.end)
            c.when = When(a, b, reference_date, add_days(reference_date, c.days - 1))
            c.rule += "+dateline"


def stretch_by_length(cands: list[Cand]) -> None:
    """'a three-day visit to Oslo from May 4', 'will spend two days in Rome on Monday': the stay runs on."""
    for c in cands:
        w = c.when
        if c.days is None or c.days < 2 or w is None or w.offset_days is not None:
            continue
        if not w.first or w.first != w.last or len(w.first) != 10:
            continue
        c.when = When(w.start, w.end, w.first, add_days(w.first, c.days - 1))
        c.rule += "+length"


def weekday_by_tense(view: str, w: When, reference: str, past: bool, after: str | None = None) -> When:
    """A bare weekday lies ahead of a planned stop and behind a past one ("travels to Brussels on Monday");
    a planned stop's weekday also lies after ``after``, the last day of the planned stop before it
    ("Lima on Wednesday, Oct. 1, and Cusco on Thursday")."""
    if len(reference) != 10 or not w.first or len(w.first) != 10 or not _WEEKDAY.match(view[w.start : w.end]):
        return w
    shift = 7 if (not past and w.first < reference) else -7 if (past and w.first > reference) else 0
    if not past and after and len(after) == 10 and (add_days(w.first, shift) or "") < after:
        shift += 7
    if not shift:
        return w
    return When(w.start, w.end, add_days(w.first, shift), add_days(w.last, shift))
