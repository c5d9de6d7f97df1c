"""Candidate stops of one sentence: the places each trigger governs, place-noun legs, weak leads.

A trigger reaches up to the next clause break; within that window a place is taken as its
direct object, as the object of one of its prepositions, or coordinated with a place already
taken ("Japan (Feb. 16-18), Indonesia ... and China"). A place merely mentioned nearby is not.
"""

from __future__ import annotations

import re

from summarize.extract.itinerary.dating import date_before, day_of_leg
from summarize.extract.itinerary.records import Cand, Trigger, When
from summarize.extract.itinerary.rules import TravelRules, alternation
from summarize.extract.itinerary.spans import name_part, next_place
from summarize.extract.itinerary.travelers import new_subject, subject, thing_moves, traveler
from summarize.extract.places import Gazetteer, PlaceMention

# A clause break ends the reach of a trigger: the place after it is not its destination. "to" with a
# lower-case verb starts a purpose clause ("went there to meet"); "to Chile" does not.
_CLAUSE_WORDS = [
    *"where which who whom whose because but while whilst although though said says told according amid".split(),
    *"despite unless whether with without about against over regarding including like except than".split(),
    *("so that", "in order", "on behalf"),
]
_TERMINATOR = re.compile(
    rf"[;:!?]|\s[—–-]\s|,?\s+(?:{alternation(_CLAUSE_WORDS)})\b|\s+to\s+(?!the\b|a\b|an\b)(?-i:[a-z])[a-z]*",
    re.IGNORECASE,
)

_DURATION_BEFORE = re.compile(r"(\d+|one|two|three|four|five|six|seven|eight|nine|ten)[- ]day\s+(?:[a-z]+\s+)?$")
_LENGTH_IN_LEAD = re.compile(
    r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten)(?:[- ]day\b|\s+days\s+(?:in|at)\s)", re.IGNORECASE
)


_LENGTH_AFTER = re.compile(
    r"[^,;.]{0,40}?\bfor\s+(?:a|an)\s+(\d+|one|two|three|four|five|six|seven|eight|nine|ten)[- ]day\s+"
    r"(?:official\s+|state\s+|working\s+)?(?:visit|stay|trip|tour)\b",
    re.IGNORECASE,
)


_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}


_PLACE_END = re.compile(
    r"\s*(?:[,.;:)(!?'\"’”]|$)|\s+(?:to|on|in|for|from|and|or|before|after|where|with|at|during|next|this|"
    r"last|later|early|then|until|by|as|is|are|was|were|will|would|while|when|the|a|an|via|over|through|"
    r"this|that|since|ahead|later|itself)\b|\s+[—–-]"
)


# What may follow "Bucharest, Romania": punctuation or a function word, not a noun ("the UK chancellor").
_QUALIFIER_END = re.compile(
    r"\s*(?:[,.;:)]|$)|\s+(?:to|on|in|for|from|and|or|before|after|where|with|at|during|next|this|last|"
    r"later|early|then|until|by)\b"
)


# "..., Buckingham Palace said": a name as the source of a statement is no destination.
_SPEAKER = re.compile(r"\s+(?:said|says|announced|added|told|reported|confirmed|stated|declared)\b")
_WEAK_LEAD = re.compile(r"^\s*In\s+$")
_CAPITAL = re.compile(r"[^\W\d_a-z]")  # any letter but a plain lower-case one
# The most words a link between trigger (or stop) and place can have besides the words of reach:
# ", and then also to the ... city of" (coordination), "to the ... capital of" after a preposition.
_LONGEST_LINK = 16
_DETERMINER_BEFORE = re.compile(r"(?:^|\s)(?:the|his|her|their|its|a|an)\s+(?:[a-z]+\s+)?$", re.IGNORECASE)
_HOMEWARD = re.compile(r"\b(?:back|home|returning|returns?|returned)\b", re.IGNORECASE)
_BARE_THE = re.compile(r"\s*the\s+")
_SPACES = re.compile(r"\s*")
_WHITESPACE = re.compile(r"\s+")
_LOWER_WORD = re.compile(r"[a-z]+")
_DATE_IN_PARENS = re.compile(r"\(\s*DATE\s*\)")
_DATE_WITH_PREP = re.compile(r"(?:\b(?:on|from|in|between|during|through|until|till|to|and|by)\s+)?DATE")
_COMMA_OR_SPACE = re.compile(r"\s*,?\s")
_COMMA_THE = re.compile(r",\s*(?:the\s+)?")
# "a four-nation tour on Sunday: Ghana (May 2-4), Nigeria ...": a colon after a trip word (and a
# few words, a date among them) opens the list of its stops.
_COLON_LEAD = re.compile(r"[^:]*:\s*(?:the\s+)?")
# What may stand between the trip word and such a colon (dates aside): "begins a four-nation tour
# on Sunday:", "will take him to:", "includes stops in:"; anything else ("his visit in one word:")
# makes the colon an ordinary clause break.
_LIST_LEAD_WORD = re.compile(
    r"(?:a|an|the|of|on|from|in|to|at|this|next|that|will|be|is|are|as|follows|following|which|"
    r"take|takes|taking|him|her|them|include|includes|including|with|his|their|its|stops?|legs?|"
    r"tour|trip|visit|itinerary|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several)?-?"
    r"(?:nation|country|city|state|day|week|leg|stop)s?)"
)
_COLON_LIST_WORDS = 8


def sentence_stops(
    view: str,
    k: int,
    s: int,
    e: int,
    triggers: list[Trigger],
    in_sentence: list[PlaceMention],
    whens: list[When],
    rules: TravelRules,
    gaz: Gazetteer,
    earlier: list[Cand],
    prev: int = -1,
) -> list[Cand]:
    """Candidate stops of sentence k (view[s:e]) from its triggers and the places named in it.

    ``prev`` is where the sentence before starts (-1 for none): a bare count opening this one ("Two
    were flown to X") stands for its subject.
    """
    found: list[Cand] = []
    used: set[int] = set()
    thing_moved = -1  # the end of the last trigger whose subject is a thing, a vehicle, an animal or a crowd
    opening = -2  # the end of a thing opening the sentence as its subject (-1: none; -2: not looked for yet)
    for i, t in enumerate(triggers):
        if t.kind == "place_first":
            # only in a trip already described: "Germany comes next" is a ranking anywhere else
            c = _place_first(view, k, s, t, in_sentence, used) if earlier else None
            if c is not None:
                found.append(c)
            continue
        if t.kind in ("verb", "presence") and opening == -2:
            m = rules.opening_thing.match(view, s, e)  # once a sentence: "The extra sailing leaves ..."
            opening = m.end() if m is not None else -1
        if t.kind in ("verb", "presence") and thing_moves(view, s, prev, opening, t, rules):
            thing_moved = t.end  # "the exhibition will travel to Tokyo", "tourists heading to Iona"
            continue
        if thing_moved >= 0 and not new_subject(view, thing_moved, t.start):
            thing_moved = t.end
            continue  # "... and then to Montreal", "..., calls at X and will then go on to Y": the same thing
        limit = triggers[i + 1].start if i + 1 < len(triggers) else e
        for m in _TERMINATOR.finditer(view, t.end, limit):
            if m.group(0).strip().lower().startswith("to") and not view[t.end : m.start()].strip():
                continue  # the trigger's own preposition ("travel to ...")
            if m.group(0) == ":" and _opens_list(view, t, m.start(), whens):
                continue
            limit = m.start()
            break
        if _CAPITAL.search(view, t.end, limit):  # every place or venue name opens with a capital
            found.extend(_window(view, k, t, limit, in_sentence, whens, rules, gaz, used))
    found.extend(_place_noun_stops(view, k, in_sentence, used, rules, triggers))
    found.sort(key=lambda c: c.start)
    for c in found:
        c.traveler = traveler(view, s, c, found, earlier)
    if not triggers or not found:
        weak = _weak_stop(view, k, s, e, in_sentence, rules, earlier)
        if weak is not None:
            found.append(weak)
    return found


# A place that opens its clause: at the sentence start or after ", and", "and then", a semicolon.
_CLAUSE_OPENING = re.compile(r"(?:^|[;,]\s*(?:and\s+|then\s+|and\s+then\s+)?|\band\s+(?:then\s+)?)\s*$", re.IGNORECASE)
_TIME_AFTER = re.compile(r"\s+(?:week|month|year|day|weekend|time|to|in\s+line|door)\b", re.IGNORECASE)


def _place_first(view: str, k: int, s: int, t: Trigger, mentions: list[PlaceMention], used: set[int]) -> Cand | None:
    """'Berlin comes next', 'and Oslo is the final stop': the place before the phrase is the next stop."""
    if _TIME_AFTER.match(view, t.end):
        return None  # "Rome is next week's host", "Spain is next in line"
    m = next((x for x in reversed(mentions) if x.end <= t.start), None)
    if m is None or m.start in used or m.possessive or view[m.end : t.start].strip():
        return None
    if not _CLAUSE_OPENING.search(view[s : m.start]):
        return None
    used.add(m.start)
    c = Cand(m.text, m.place.country, m.place.kind, m.place.continent, m.start, m.end, k, t, rule="next_subject")
    c.tail = t.end
    return c


def _place_noun_stops(
    view: str, k: int, mentions: list[PlaceMention], used: set[int], rules: TravelRules, triggers: list[Trigger]
) -> list[Cand]:
    """'the Dublin dates on June 24', 'his Beijing visit': a place naming a leg of a trip."""
    out = []
    for m in mentions:
        if m.start in used or m.possessive or name_part(view, m.start):
            continue
        after = rules.place_noun_after.match(view, m.end)
        before = _DETERMINER_BEFORE.search(view[max(0, m.start - 30) : m.start])
        if not after or not before:
            continue
        trigger = next((t for t in triggers if t.start == after.start(1)), None)
        word = after.group(1).lower()
        t = trigger or Trigger(after.start(1), after.end(1), "noun", word, False, False, frozenset())
        used.add(m.start)
        c = Cand(m.text, m.place.country, m.place.kind, m.place.continent, m.start, m.end, k, t, rule="place_" + word)
        c.tail = after.end(1)
        out.append(c)
    return out


def _window(
    view: str,
    k: int,
    t: Trigger,
    limit: int,
    mentions: list[PlaceMention],
    whens: list[When],
    rules: TravelRules,
    gaz: Gazetteer,
    used: set[int],
) -> list[Cand]:
    """The places trigger t governs between its end and limit."""
    out: list[Cand] = []
    anchor = t.end
    pos = t.end
    direct_ok = t.object or t.kind == "continuation"
    prep_pattern = rules.prep_lead(t.preps) if t.preps else None
    while pos < limit:
        nxt = next_place(view, pos, limit, mentions, used, whens)
        if nxt is None:
            break
        start, end, text, country, kind, continent, consumed = (
            nxt.start,
            nxt.end,
            nxt.text,
            nxt.country,
            nxt.kind,
            nxt.continent,
            nxt.consumed,
        )
        if start < 0:  # a capitalised span that is no place: step over it
            pos = end
            continue
        lead = _lead(view, anchor, start, whens)
        if _HOMEWARD.search(lead):
            break  # "is due back in Canberra": going home is no stop
        n_words = len(lead.split())
        if n_words > max(_LONGEST_LINK, (12 if out else t.reach) + _LONGEST_LINK // 2):
            # Too far from the trigger (or the last stop) for any rule below, and the leads of the
            # places further on only grow.
            break
        rule = ""
        if out and n_words <= _LONGEST_LINK and rules.coordination.match(lead):
            rule = "coordinated"
        elif direct_ok and not out and n_words <= _LONGEST_LINK // 2 and rules.direct.match(lead):
            rule = f"{t.name}_object"
        elif prep_pattern is not None and _within_reach(lead, t, out) and prep_pattern.search(lead):
            rule = f"{t.name}_{_last_prep(lead, t.preps)}"
        elif t.kind in ("verb", "noun") and not out and rules.event_noun.match(view, end) and _BARE_THE.fullmatch(lead):
            rule = f"{t.name}_event"
        elif t.kind in ("verb", "noun", "frame") and not out and ":" in lead and _COLON_LEAD.fullmatch(lead):
            rule = f"{t.name}_list"
        modifier = consumed == [start] and not rule.endswith("_event") and not _ends_phrase(view, end, whens)
        speaker = _SPEAKER.match(view, max(end, nxt.tail))
        if not rule or name_part(view, start) or modifier or speaker:
            pos = end
            continue
        used.update(consumed)
        cand = Cand(text, country, kind, continent, start, end, k, t, rule=rule)
        cand.extra = [x for x in consumed if x != start]
        cand.tail = max([end, nxt.tail, *(m.end for m in mentions if m.start in cand.extra)])
        ev = rules.event_noun.match(view, end)
        if ev:
            cand.event = ev.group(1)
        if t.kind in ("noun", "verb"):
            lo = max(0, t.start - 30)
            d = _DURATION_BEFORE.search(view[lo : t.start])
            if d:
                n = d.group(1)
                cand.days = int(n) if n.isdigit() else _NUMBERS.get(n)
                cand.days_span = (lo + d.start(), lo + d.end(1) + 4)
        if not out and cand.days is None:
            # "will spend three days in Oslo", "begins a two-day visit to Chile": the length of the
            # stay sits between trigger and place; or after it ("to Seoul on Friday for a two-day visit").
            d = _LENGTH_IN_LEAD.search(view, t.end, start) or _LENGTH_AFTER.match(view, cand.tail, cand.tail + 90)
            if d:
                n = d.group(1).lower()
                cand.days = int(n) if n.isdigit() else _NUMBERS.get(n)
                cand.days_span = (d.start(), d.end())
        # "will travel on June 12 to West Berlin": a date between trigger and place.
        cand.pre = next((w for w in whens if t.end <= w.start and w.end <= start), None) if not out else None
        if not out and cand.pre is None:
            cand.pre = day_of_leg(view, t, start)
        if not out and cand.pre is None:
            cand.pre = date_before(view, t, whens)
        out.append(cand)
        cand.tail = _after_qualifier(view, cand.tail, limit, mentions, used, cand)
        anchor = pos = cand.tail = _after_origin(view, cand.tail, limit, mentions, used, cand)
    return out


def _opens_list(view: str, t: Trigger, colon: int, whens: list[When]) -> bool:
    """Whether the colon at `colon` introduces the stops of trigger t ("her tour on Sunday: ...")."""
    if t.kind not in ("noun", "verb", "frame") or colon - t.end > 80:
        return False
    words = _lead(view, t.end, colon, whens).split()
    return len(words) <= _COLON_LIST_WORDS and all(_LIST_LEAD_WORD.fullmatch(w) for w in words)


def _within_reach(lead: str, t: Trigger, out: list[Cand]) -> bool:
    # "left for Paris" but not "is left of ... an asset for New Zealand": count the words before the
    # last preposition (after a first place the trigger's reach starts again from that place).
    words = lead.split()
    last = max((i for i, w in enumerate(words) if w.lower() in t.preps), default=-1)
    return last >= 0 and last <= (12 if out else t.reach)


def _ends_phrase(view: str, end: int, whens: list[When]) -> bool:
    # "the UK chancellor": a place followed by a noun modifies it and is no destination.
    nxt = _SPACES.match(view, end, end + 20).end()  # type: ignore[union-attr]
    return bool(_PLACE_END.match(view, end)) or any(w.start == nxt for w in whens)


def _last_prep(lead: str, preps: frozenset[str]) -> str:
    words = [w for w in _LOWER_WORD.findall(lead.lower()) if w in preps]
    return words[-1] if words else "prep"


def _lead(view: str, a: int, b: int, whens: list[When]) -> str:
    """Text between a and b with dates (and the prepositions that carry them) taken out."""
    text = view[a:b]
    for w in sorted((w for w in whens if a <= w.start and w.end <= b), key=lambda w: -w.start):
        text = text[: w.start - a] + " DATE " + text[w.end - a :]
    if "DATE" in text:
        text = _DATE_IN_PARENS.sub(" ", text)
        text = _DATE_WITH_PREP.sub(" ", text)
    return _WHITESPACE.sub(" ", text)


def _weak_stop(
    view: str, k: int, s: int, e: int, mentions: list[PlaceMention], rules: TravelRules, earlier: list[Cand]
) -> Cand | None:
    """'In Tokyo, she will ...' inside a trip already under way: a stop only when nothing else covers it."""
    if not earlier or not mentions:
        return None
    m = mentions[0]
    if not _WEAK_LEAD.match(view[s : m.start]) or not _COMMA_OR_SPACE.match(view, m.end, m.end + 2):
        return None
    if not rules.future.search(view[m.end : e]) or (m.place.kind == "region" and not m.place.country):
        return None
    c = Cand(
        m.text,
        m.place.country,
        m.place.kind,
        m.place.continent,
        m.start,
        m.end,
        k,
        None,
        weak=True,
        rule="in_place_lead",
    )
    c.traveler = subject(view, m.end, e) or earlier[-1].traveler
    return c


_FROM = re.compile(r"\s+from\s+(?:the\s+)?")


def _after_origin(view: str, end: int, limit: int, mentions: list[PlaceMention], used: set[int], cand: Cand) -> int:
    """Skip 'from Brussels' after 'arrived in Paris': where the traveller came from is no stop, and
    the date after it ('arrived in Paris from Brussels on Sunday') is the arrival's."""
    m = _FROM.match(view, end, limit)
    if m is None:
        return end
    q = next((x for x in mentions if x.start == m.end()), None)
    if q is None or q.possessive or not _QUALIFIER_END.match(view, q.end):
        return end
    used.add(q.start)
    cand.extra.append(q.start)
    return q.end


def _after_qualifier(view: str, end: int, limit: int, mentions: list[PlaceMention], used: set[int], cand: Cand) -> int:
    """Skip ', Romania' after 'Bucharest' (and a parenthesis): the country only says where the city is."""
    m = _COMMA_THE.match(view[end:limit])
    if m and cand.kind in ("city", "other"):
        q = next((x for x in mentions if x.start == end + m.end() or x.start == end + m.end() - 4), None)
        if (
            q is not None
            and q.place.kind == "country"
            and cand.country in (None, q.place.country)
            and _QUALIFIER_END.match(view, q.end)
        ):
            used.add(q.start)
            if cand.country is None:
                cand.country, cand.continent = q.place.country, q.place.continent
                cand.kind = "city" if cand.kind == "other" else cand.kind
            cand.extra.append(q.start)
            return q.end
    return end
