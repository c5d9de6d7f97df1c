"""Place-like spans after a trigger: a known place, a place's possession, or a named venue."""

from __future__ import annotations

import re
from bisect import bisect_left

from summarize.extract import names
from summarize.extract.itinerary.records import Found, StopKind, When
from summarize.extract.itinerary.rules import TravelRules, travel_rules
from summarize.extract.places import Gazetteer, PlaceMention, gazetteer

_NAME_PART_BEFORE = re.compile(r"[A-Z][\w.&'’-]*\s+(?:of|for|de|du|des|del|on)\s+(?:the\s+)?$")
_AREA_OF_BEFORE = re.compile(r"\b(?:city|town|capital|island|state|province|region)\s+of\s+(?:the\s+)?$")
_COMMA_OR_IN = re.compile(r"(?:,\s*|\s+in\s+(?:the\s+)?)")


_CAP_AFTER = re.compile(r"[ \t]+((?:[A-Z][\w'’.&-]*)(?:[ \t]+(?:of[ \t]+|de[ \t]+)?[A-Z][\w'’.&-]*)*)")


_SP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"


_CAP_RUN = re.compile(rf"[A-Z][\w'’.&-]*(?:{_SP}(?:of{_SP}(?:the{_SP})?|de{_SP}|la{_SP})?[A-Z][\w'’.&-]*)*")


_POSSESSED = re.compile(
    r"[ \t]*((?:[A-Z][\w'’-]*)(?:[ \t]+[A-Z][\w'’-]*)*|(?:[a-z][\w-]*)(?:[ \t]+(?!and\b|to\b|or\b|on\b|in\b|"
    r"where\b|for\b|with\b|at\b|from\b)[a-z][\w-]*){0,2})"
)


MONTHS = frozenset(
    "January February March April May June July August September October November December Jan Feb Mar Apr "
    "Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)


def next_place(
    view: str, pos: int, limit: int, mentions: list[PlaceMention], used: set[int], whens: list[When]
) -> Found | None:
    """The next place-like span from pos: a known place, a place's possession, or a named venue."""
    rules, gaz = travel_rules(), gazetteer()
    known = None
    # Mentions come in document order: start from the first one at or after pos.
    for m in mentions[bisect_left(mentions, pos, key=_start) :]:
        if m.start >= limit:
            break
        if m.start not in used:
            known = m
            break
    cap = None
    for m in _CAP_RUN.finditer(view, pos, limit):
        word = m.group(0)
        first = word.split()[0].rstrip(".,")
        if known is not None and m.start() >= known.start:
            break
        if first in MONTHS or any(w.start < m.end() and m.start() < w.end for w in whens):
            continue
        if not overlaps_known(m.start(), m.end(), mentions):
            cap = m
            break
    if cap is not None and (known is None or cap.start() < known.start):
        venue = _venue(view, cap, limit, mentions, rules, gaz)
        if venue is not None:
            return venue
    if known is None:
        return None
    start, end, text = known.start, known.end, known.text
    country, continent = known.place.country, known.place.continent
    kind: StopKind = known.place.kind
    consumed = [known.start]
    if known.possessive:
        # "New Zealand's South Island", "Australia's red centre": the place is the possessed thing.
        tail = _POSSESSED.match(view, known.end + 2, limit)
        if tail and tail.group(1).strip():
            end = tail.end(1)
            text = view[start:end]
            kind = "region" if tail.group(1)[:1].islower() or " " in tail.group(1) else "other"
            inner = [m for m in mentions if known.end < m.start < end]
            consumed += [m.start for m in inner]
            return Found(start, end, text, country, kind, continent, consumed)
    after = _CAP_AFTER.match(view, end, limit)
    if after and not overlaps_known(after.start(1), after.end(1), mentions) and after.group(1).split()[0] not in MONTHS:
        # "Sydney Opera House": a venue named after its city, taken whole when it looks like a venue.
        full_end = after.end(1)
        if after.group(1).endswith(rules.venue_cues):
            start0 = start - 4 if view[max(0, start - 4) : start] in ("the ", "The ") else start
            return Found(start0, full_end, view[start0:full_end], country, "other", continent, consumed)
        return None if full_end >= limit else Found(-1, full_end)
    return Found(start, end, text, country, kind, continent, consumed)


def _start(m: PlaceMention) -> int:
    return m.start


def overlaps_known(a: int, b: int, mentions: list[PlaceMention]) -> bool:
    return any(m.start < b and a < m.end for m in mentions)


def _venue(
    view: str, cap: re.Match[str], limit: int, mentions: list[PlaceMention], rules: TravelRules, gaz: Gazetteer
) -> Found | None:
    """A capitalised name that is not a known place: a venue or a small town, when the text says where."""
    start, end = cap.start(), cap.end()
    text = cap.group(0)
    if text.endswith((".", ",")):
        end -= 1
        text = text[:-1]
    noun = rules.area_noun.match(view, end, limit)
    if noun:
        # "the South Gobi region": an area named by the text itself.
        end = noun.end()
        text = view[cap.start() : end]
    venue = text.endswith(rules.venue_cues) or bool(noun)
    if _is_person_or_org(view, start, end) and not venue:
        return Found(-1, end)
    if view[max(0, start - 4) : start] in ("the ", "The "):
        start -= 4
    kind: StopKind = "region" if noun else "other"
    rest = view[end:limit]
    q = _COMMA_OR_IN.match(rest)
    if q:
        qual = next((m for m in mentions if m.start == end + q.end()), None)
        if qual is not None and (qual.place.kind != "region" or qual.place.country):
            if q.group(0).startswith(",") and not venue:
                kind = "city"
            place = qual.place
            return Found(start, end, view[start:end], place.country, kind, place.continent, [qual.start], qual.end)
        unknown = _CAP_RUN.match(view, end + q.end(), limit) if q.group(0).strip() == "in" else None
        if venue and unknown:
            # "the Grange Hospital in Cwmbran": a town the gazetteer does not know still says where.
            return Found(start, end, view[start:end], None, kind, None, [], unknown.end())
    if venue:
        return Found(start, end, view[start:end], None, kind, None, [])
    if (
        _MOVEMENT_BEFORE.search(view, max(0, start - 24), start)
        and len(text.split()) <= 2
        and not text.isupper()
        and text.split()[0] not in _COMPASS
        and _UNKNOWN_PLACE_END.match(view, end)
    ):
        # "travels on to Stornoway on Saturday": a town or island the gazetteer does not know,
        # after a verb of movement and its preposition, is where the traveller goes.
        return Found(start, end, text, None, "other", None, [])
    if (
        _VISIT_BEFORE.search(view, max(0, start - 24), start)
        and " " not in text
        and not text.isupper()
        and text not in _COMPASS
        and _DAY_AFTER.match(view, end)
    ):
        # "will visit Mull tomorrow": one unknown word, neither a person nor an organisation, visited on a day.
        return Found(start, end, text, None, "other", None, [])
    return Found(-1, end)


# The end of a verb of movement and its preposition, just before a capitalised name.
_MOVEMENT_BEFORE = re.compile(
    r"\b(?:(?:travel|travels|fly|flies|head|heads|go|goes|move|moves|continue|continues"
    r"|(?:is|are|was|were|be|been)\s+(?:travelling|traveling|flying|heading|going|moving|continuing))"
    r"\s+(?:on\s+)?(?:to|on\s+to)"
    r"|(?:arrive|arrives|land|lands|stop|stops|(?:is|are|was|were|be|been)\s+(?:arriving|landing|stopping))"
    r"\s+(?:in|at))\s+$",
    re.IGNORECASE,
)
_VISIT_BEFORE = re.compile(r"\b(?:will|to|would|shall|is\s+due\s+to|plans\s+to)\s+(?:also\s+)?visit\s+$", re.IGNORECASE)
_DAY_AFTER = re.compile(
    r"\s+(?:tomorrow|today|tonight|(?:on|next|this)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"on\s+\d{1,2}\s+[A-Z][a-z]+|on\s+[A-Z][a-z]+\.?\s+\d{1,2}\b)"
)
_COMPASS = frozenset("North South East West Northern Southern Eastern Western Central Upper Lower Greater".split())
_UNKNOWN_PLACE_END = re.compile(
    r"\s*(?:[,.;:)]|$)|\s+(?:on|in|for|to|and|before|after|where|next|this|last|later|early|then|until|by|"
    r"with|at|tomorrow|today|tonight)\b"
)


def _is_person_or_org(view: str, start: int, end: int) -> bool:
    return any(
        sp.kind in ("person", "organization") and sp.start < end and start < sp.end
        for sp in names.find_names(view, max(0, start - 60), end + 60)
    )


def name_part(view: str, start: int) -> bool:
    # "the Commission for Africa", "the Government of Romania": the place is inside another name.
    before = view[max(0, start - 40) : start]
    m = _NAME_PART_BEFORE.search(before)
    return bool(m) and not _AREA_OF_BEFORE.search(before)
