"""Itinerary extraction: the stops of trips by a person or delegation, with dates and status.

The story of one article:

1. find travel triggers in each body sentence ("will visit", "travel to", "a tour of",
   "the tour opens in", "will be in", "before heading to", ...);
2. take the places a trigger governs: its direct object or the object of one of its
   prepositions, and the places coordinated with those ("Japan (Feb. 16-18), Indonesia ...
   and China"); a place merely mentioned nearby is not taken;
3. attach dates: a parenthesis or a date right after the place, a date shared by a
   coordinated list, a date opening the sentence or the paragraph, "the next day";
4. name the traveller (the subject, a pronoun or a title resolved to a named person) and
   the status (planned or past) from tense and dates;
5. fold mentions of one stop together (the same place twice; a country and its cities in
   one trip; a continent around its countries), keeping the mention the dates hang on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from summarize.extract import names
from summarize.extract.places import Gazetteer, PlaceMention, gazetteer
from summarize.extract.travel_rules import TravelRules, TriggerKind, travel_rules, words_of
from summarize.models import Article, DateMention, Evidence, Stop

StopKind = Literal["country", "city", "region", "other"]

# A clause break ends the reach of a trigger: the place after it is not its destination.
_TERMINATOR = re.compile(
    r"[;:!?]|\s[—–-]\s|,?\s+(?:where|which|who|whom|whose|because|but|while|whilst|although|though|said|says|"
    r"told|according|amid|despite|unless|whether|so\s+that|in\s+order|on\s+behalf|with|without|about|"
    r"against|over|regarding|including|like|except|than)\b|\s+to\s+(?!the\b|a\b|an\b)[a-z]+",
    re.IGNORECASE,
)
_NAME_PART_BEFORE = re.compile(r"[A-Z][\w.&'’-]*\s+(?:of|for|de|du|des|del|on)\s+(?:the\s+)?$")
_CAP_AFTER = re.compile(r"[ \t]+((?:[A-Z][\w'’.&-]*)(?:[ \t]+(?:of[ \t]+|de[ \t]+)?[A-Z][\w'’.&-]*)*)")
_SP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
_CAP_RUN = re.compile(rf"[A-Z][\w'’.&-]*(?:{_SP}(?:of{_SP}(?:the{_SP})?|de{_SP}|la{_SP})?[A-Z][\w'’.&-]*)*")
_POSSESSED = re.compile(
    r"[ \t]*((?:[A-Z][\w'’-]*)(?:[ \t]+[A-Z][\w'’-]*)*|(?:[a-z][\w-]*)(?:[ \t]+(?!and\b|to\b|or\b|on\b|in\b|"
    r"where\b|for\b|with\b|at\b|from\b)[a-z][\w-]*){0,2})"
)
_PRONOUN = re.compile(r"\b(?:he|she|they|him|her|them|his|their)\b", re.IGNORECASE)
_DURATION_BEFORE = re.compile(r"(\d+|one|two|three|four|five|six|seven|eight|nine|ten)[- ]day\s+(?:[a-z]+\s+)?$")
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
_ISO = re.compile(r"^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:T.*)?$")
_ANAPHOR_NEXT = re.compile(
    r"^(?:the\s+)?(?:next|following)\s+day$|^a\s+day\s+later$|^the\s+day\s+after$", re.IGNORECASE
)
_ANAPHOR_SAME = re.compile(r"^(?:the\s+)?same\s+day$|^that\s+day$|^later\s+that\s+day$", re.IGNORECASE)
_AND_DAY = re.compile(r"^\s+and\s+(\d{1,2})\b(?!\s*(?:per|%|million|billion|people|year))")
_LEADING = re.compile(
    r"^\s*(?:(?:on|by|from|in|during|starting|beginning|early|late|later|then|and)\s+)?$", re.IGNORECASE
)
_DATEISH = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|day|"
    r"week|month|year|today|tomorrow|yesterday|tonight|christmas|easter|eve\b)",
    re.IGNORECASE,
)
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
# A date after a stop belongs to it unless a new clause starts in between ("Africa, the UK chancellor
# predicted ... by 2012"); a relative clause about the stop is fine ("Accra, where she will ... on Monday").
_DATE_GAP_BREAK = re.compile(r"[;:\"“”]|,(?!\s*(?:where|when|which|and|before|after|then|from|on|in)\b)")
_WEEKDAY = re.compile(
    r"(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+(?:and|to|-|–)\s+"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)?[,.]?$",
    re.IGNORECASE,
)
# "..., Buckingham Palace said": a name as the source of a statement is no destination.
_SPEAKER = re.compile(r"\s+(?:said|says|announced|added|told|reported|confirmed|stated|declared)\b")
_WEAK_LEAD = re.compile(r"^\s*In\s+$")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_MONTHS = frozenset(
    "January February March April May June July August September October November December Jan Feb Mar Apr "
    "Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)


# --- working records ------------------------------------------------------------------------


@dataclass
class _When:
    """A date or date range as written, with ISO ends (None where the text does not fix them)."""

    start: int
    end: int
    first: str | None
    last: str | None
    offset_days: int | None = None  # "the next day" (1), "the same day" (0): relative to the previous stop


@dataclass
class _Found:
    """A place-like span found after a trigger; start < 0 marks a span to step over."""

    start: int
    end: int
    text: str = ""
    country: str | None = None
    kind: StopKind = "other"
    continent: str | None = None
    consumed: list[int] = field(default_factory=list)
    tail: int = 0


@dataclass
class _Trigger:
    start: int
    end: int
    kind: TriggerKind
    name: str
    past: bool
    object: bool
    preps: frozenset[str]
    reach: int = 3


@dataclass
class _Cand:
    place: str
    country: str | None
    kind: StopKind
    continent: str | None
    start: int
    end: int
    sentence: int
    trigger: _Trigger | None
    weak: bool = False
    when: _When | None = None
    traveler: str | None = None
    status: Literal["planned", "past"] = "planned"
    rule: str = ""
    event: str | None = None
    group: int = -1
    days: int | None = None
    pre: _When | None = None
    days_span: tuple[int, int] | None = None
    tail: int = 0  # end of the place with its qualifier (", Romania", " in Poland")
    extra: list[int] = field(default_factory=list)


# --- entry point ----------------------------------------------------------------------------


def extract_itinerary(article: Article, dates: list[DateMention], reference_date: str | None) -> list[Stop]:
    """Stops of trips described in the article."""
    view = article.view
    if not article.sentences or not view.strip():
        return []
    rules, gaz = travel_rules(), gazetteer()
    whens = _whens(view, dates)
    body_start, body_end = article.sentences[0].start, article.sentences[-1].end
    mentions = gaz.find(view, body_start, body_end)
    paragraphs = [m.start() for m in _BLANK_LINE.finditer(view)]

    cands: list[_Cand] = []
    para_date: tuple[int, _When] | None = None
    free: list[_When] = []
    group = 0
    for k, sent in enumerate(article.sentences):
        s, e = sent.start, sent.end
        para = _bisect(paragraphs, s)
        if para_date is not None and para_date[0] != para:
            para_date = None
        sent_whens = [w for w in whens if s <= w.start and w.end <= e]
        leading = [w for w in sent_whens if _LEADING.match(view[s : w.start])]
        found = _sentence_stops(view, k, s, e, mentions, sent_whens, rules, gaz, article, cands)
        for c in found:
            group += 1 if c.rule != "coordinated" else 0
            c.group = group
        _attach_dates(view, found, sent_whens, mentions, e)
        undated = [c for c in found if c.when is None]
        if leading and undated:
            for c in undated:
                c.when, c.rule = leading[0], c.rule + "+leading_date"
        elif para_date is not None and undated and not sent_whens:
            for c in undated:
                c.when, c.rule = para_date[1], c.rule + "+paragraph_date"
        if leading:
            para_date = (para, leading[0])
            if not found:
                free.append(leading[0])
        cands.extend(found)

    _resolve_anaphors(cands)
    _extend_stays(cands, free)
    _event_dates(view, cands, whens, rules)
    _dateline_visits(article, cands, reference_date)
    _status(view, article, cands, reference_date, rules)
    return _fold(article, cands, gaz)


# --- dates ----------------------------------------------------------------------------------


def _iso(value: str) -> str | None:
    m = _ISO.match(value)
    return m.group(1) if m else None


def _whens(view: str, dates: list[DateMention]) -> list[_When]:
    out: list[_When] = []
    ranges: dict[int, list[DateMention]] = {}
    for d in sorted(dates, key=lambda d: d.evidence.start):
        if d.type not in ("DATE", "TIME"):
            continue
        if d.range_id is not None:
            ranges.setdefault(d.range_id, []).append(d)
            continue
        text = d.text.strip()
        if not _DATEISH.search(text):
            continue  # "in the evening": a time of day fixes no date
        if _ANAPHOR_NEXT.match(text):
            out.append(_When(d.evidence.start, d.evidence.end, None, None, offset_days=1))
            continue
        if _ANAPHOR_SAME.match(text):
            out.append(_When(d.evidence.start, d.evidence.end, None, None, offset_days=0))
            continue
        value = _iso(d.value)
        w = _When(d.evidence.start, d.evidence.end, value, value)
        m = _AND_DAY.match(view[d.evidence.end : d.evidence.end + 12])
        if value and len(value) == 10 and m:
            # "June 24 and 25": one stop over two consecutive-or-near days.
            day = int(m.group(1))
            if int(value[8:]) < day <= 31:
                w.last = f"{value[:8]}{day:02d}"
                w.end = d.evidence.end + m.end()
        out.append(w)
    for items in ranges.values():
        first = next((d for d in items if d.range_role == "start"), items[0])
        last = next((d for d in items if d.range_role == "end"), items[-1])
        a, b = _iso(first.value), _iso(last.value)
        out.append(
            _When(min(first.evidence.start, last.evidence.start), max(first.evidence.end, last.evidence.end), a, b)
        )
    out.sort(key=lambda w: w.start)
    # A bare day number swallowed into "June 24 and 25" must not be reused on its own.
    kept: list[_When] = []
    for w in out:
        if kept and w.start < kept[-1].end:
            continue
        if kept and _joins_range(view, kept[-1], w):
            p = kept[-1]
            kept[-1] = _When(p.start, w.end, p.first, w.last)
            continue
        kept.append(w)
    return kept


def _joins_range(view: str, a: _When, b: _When) -> bool:
    """'Monday to Wednesday', 'on Wednesday and Thursday': two single days that make one span."""
    if a.offset_days is not None or b.offset_days is not None or a.first != a.last or b.first != b.last:
        return False
    if not (a.first and b.first and len(a.first) == len(b.first) == 10 and a.first < b.first):
        return False
    gap = view[a.end : b.start].strip().lower()
    if gap in ("-", "–", "—", "to", "until", "till", "through", "thru"):
        return True
    return gap == "and" and (date.fromisoformat(b.first) - date.fromisoformat(a.first)).days <= 3


def _add_days(iso: str | None, days: int) -> str | None:
    if not iso or len(iso) != 10:
        return None
    try:
        return (date.fromisoformat(iso) + timedelta(days=days)).isoformat()
    except ValueError:
        return None


def _attach_dates(view: str, found: list[_Cand], whens: list[_When], mentions: list[PlaceMention], end: int) -> None:
    """Give each stop the date written right after it, before the next place."""
    if not found:
        return
    qualifiers = {x for c in found for x in c.extra}
    starts = sorted({m.start for m in mentions if m.start not in qualifiers} | {c.start for c in found})
    for c in found:
        nxt = next((p for p in starts if p >= c.tail), end)
        limit = min(nxt, end, c.tail + 140)
        w = next((w for w in whens if c.tail <= w.start < limit), None)
        if w is not None and not _DATE_GAP_BREAK.search(_strip_parens(view[c.tail : w.start])):
            c.when = _until(view, w, whens, end)
        elif c.pre is not None:
            c.when = c.pre
    # A date after the last of a coordinated list is shared by the list ("Romania and Slovakia from May 5").
    by_group: dict[int, list[_Cand]] = {}
    for c in found:
        by_group.setdefault(c.group, []).append(c)
    for members in by_group.values():
        dated = [c for c in members if c.when is not None]
        if len(members) > 1 and len(dated) == 1 and dated[0] is members[-1]:
            gap = view[members[-1].tail : dated[0].when.start]  # type: ignore[union-attr]
            if re.fullmatch(r"[\s,]*(?:on|from|in|between|during|through|for)?\s*\(?", gap):
                for c in members[:-1]:
                    c.when = dated[0].when


def _until(view: str, w: _When, whens: list[_When], end: int) -> _When:
    # "arrived on Sunday and will stay until the summit closes on Thursday": the stay's last day.
    m = re.compile(r"\b(?:until|till|through)\b").search(view, w.end, min(end, w.end + 60))
    if m is None or not w.first:
        return w
    last = next((x for x in whens if m.end() <= x.start < m.end() + 40 and x.first), None)
    if last is None or not last.last or last.last <= (w.last or w.first):
        return w
    return _When(w.start, last.end, w.first, last.last)


def _strip_parens(text: str) -> str:
    return re.sub(r"\([^()]*\)", "", text)


def _resolve_anaphors(cands: list[_Cand]) -> None:
    prev: _When | None = None
    for c in cands:
        w = c.when
        if w is not None and w.offset_days is not None:
            base = (prev.last or prev.first) if prev else None
            day = _add_days(base, w.offset_days)
            c.when = _When(w.start, w.end, day, day) if day else None
        if c.when is not None and c.when.first:
            prev = c.when


def _extend_stays(cands: list[_Cand], free: list[_When]) -> None:
    """'In the evening she travels to X. On Saturday, May 7, she meets ...': the stay at X runs on."""
    for i, c in enumerate(cands):
        w = c.when
        if w is None or not w.first or w.first != w.last or len(w.first) != 10:
            continue
        nxt = cands[i + 1].start if i + 1 < len(cands) else 1 << 62
        later = [f.first for f in free if c.end < f.start < nxt and f.first and f.first == f.last]
        limit = _add_days(w.first, 3) or ""
        later = [d for d in later if len(d) == 10 and w.first < d <= limit]
        if later:
            c.when = _When(w.start, w.end, w.first, max(later))


def _event_dates(view: str, cands: list[_Cand], whens: list[_When], rules: TravelRules) -> None:
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


def _dateline_visits(article: Article, cands: list[_Cand], reference_date: str | None) -> None:
    """A 'two-day visit to X' reported from X under a dated dateline starts on that date."""
    if not reference_date or len(reference_date) != 10 or article.dateline is None:
        return
    line = article.text[article.dateline.start : article.dateline.end]
    for c in cands:
        if c.when is not None or c.days is None:
            continue
        if re.match(rf"\s*{re.escape(c.place)}\b", line, re.IGNORECASE):
            a, b = c.days_span or (c.start, c.end)
            c.when = _When(a, b, reference_date, _add_days(reference_date, c.days - 1))
            c.rule += "+dateline"


# --- finding stops in one sentence ----------------------------------------------------------


def _triggers(view: str, s: int, e: int, rules: TravelRules) -> list[_Trigger]:
    found: list[_Trigger] = []
    words = words_of(view, s, e)
    for m in rules.trigger.finditer(view, s, e, words):
        word = m.group(1)
        if rules.negation.search(view[max(s, m.start() - 30) : m.start()]):
            continue  # "will not visit Melbourne"
        if not word[1:].islower() and not word[1:].replace(" ", "").islower():
            continue
        form = rules.forms[re.sub(r"\s+", " ", word.lower())]
        if form.kind == "noun" and _is_noun_modifier(view, m.end()):
            continue
        found.append(_Trigger(m.start(), m.end(), form.kind, form.name, form.past, form.object, form.preps, form.reach))
    frame_objects: list[tuple[int, int]] = []
    for m in rules.frame.finditer(view, s, e, words):
        word = m.group(1).lower()
        subject_zone = view[max(s, m.start() - 60) : m.start()]
        object_zone = view[m.end() : min(e, m.end() + 45)]
        obj = (
            rules.frame_subjects.search(object_zone)
            if re.match(r"\s+(?:the|their|his|her|its|a|an)\s", object_zone)
            else None
        )
        if rules.frame_subjects.search(subject_zone) or obj:
            past = rules.frame_forms[word]
            found.append(_Trigger(m.start(), m.end(), "frame", word, past, False, rules.frame_preps, rules.frame_reach))
            if obj:
                # "begin the first leg of their tour at X": the trip nouns belong to the frame.
                zone_end = m.end() + max(x.end() for x in rules.frame_subjects.finditer(object_zone))
                frame_objects.append((m.end(), zone_end))
    for m in rules.before_after.finditer(view, s, e):
        # "before departing for": the participle's own prepositions count too.
        own = rules.forms.get(m.group(0).split()[-1].lower())
        preps = rules.before_after_preps | (own.preps if own else frozenset())
        reach = rules.before_after_reach
        found.append(_Trigger(m.start(), m.end(), "before_after", "before", False, False, preps, reach))
    found = [t for t in found if not (t.kind in ("noun", "verb") and any(a <= t.start < b for a, b in frame_objects))]
    found.sort(key=lambda t: (t.start, -t.end))
    out: list[_Trigger] = []
    for t in found:
        if out and t.start < out[-1].end:
            continue
        out.append(t)
    return out


def _is_noun_modifier(view: str, pos: int) -> bool:
    # "tour operator", "trip wire": the trip noun modifies another noun and names no trip.
    return bool(
        re.match(r"\s+(?:operator|operators|guide|guides|bus|company|companies|agency|wire|report)\b", view[pos:])
    )


def _sentence_stops(
    view: str,
    k: int,
    s: int,
    e: int,
    mentions: list[PlaceMention],
    whens: list[_When],
    rules: TravelRules,
    gaz: Gazetteer,
    article: Article,
    earlier: list[_Cand],
) -> list[_Cand]:
    triggers = _triggers(view, s, e, rules)
    in_sentence = [m for m in mentions if s <= m.start and m.end <= e]
    found: list[_Cand] = []
    used: set[int] = set()
    for i, t in enumerate(triggers):
        limit = triggers[i + 1].start if i + 1 < len(triggers) else e
        for m in _TERMINATOR.finditer(view, t.end, limit):
            if m.group(0).strip().lower().startswith("to") and not view[t.end : m.start()].strip():
                continue  # the trigger's own preposition ("travel to ...")
            limit = m.start()
            break
        found.extend(_window(view, k, t, limit, in_sentence, whens, rules, gaz, used))
    found.extend(_place_noun_stops(view, k, in_sentence, used, rules, triggers))
    found.sort(key=lambda c: c.start)
    for c in found:
        c.traveler = _traveler(view, s, c, found, earlier)
    if not triggers or not found:
        weak = _weak_stop(view, k, s, e, in_sentence, rules, earlier)
        if weak is not None:
            found.append(weak)
    return found


def _place_noun_stops(
    view: str, k: int, mentions: list[PlaceMention], used: set[int], rules: TravelRules, triggers: list[_Trigger]
) -> list[_Cand]:
    """'the Dublin dates on June 24', 'his Beijing visit': a place naming a leg of a trip."""
    out = []
    for m in mentions:
        if m.start in used or m.possessive or _name_part(view, m.start):
            continue
        after = rules.place_noun_after.match(view, m.end)
        before = re.search(
            r"(?:^|\s)(?:the|his|her|their|its|a|an)\s+(?:[a-z]+\s+)?$", view[max(0, m.start - 30) : m.start], re.I
        )
        if not after or not before:
            continue
        trigger = next((t for t in triggers if t.start == after.start(1)), None)
        word = after.group(1).lower()
        t = trigger or _Trigger(after.start(1), after.end(1), "noun", word, False, False, frozenset())
        used.add(m.start)
        c = _Cand(m.text, m.place.country, m.place.kind, m.place.continent, m.start, m.end, k, t, rule="place_" + word)
        c.tail = after.end(1)
        out.append(c)
    return out


def _window(
    view: str,
    k: int,
    t: _Trigger,
    limit: int,
    mentions: list[PlaceMention],
    whens: list[_When],
    rules: TravelRules,
    gaz: Gazetteer,
    used: set[int],
) -> list[_Cand]:
    """The places trigger t governs between its end and limit."""
    out: list[_Cand] = []
    anchor = t.end
    pos = t.end
    direct_ok = t.object or t.kind == "continuation"
    prep_pattern = rules.prep_lead(t.preps) if t.preps else None
    while pos < limit:
        nxt = _next_place(view, pos, limit, mentions, used, whens)
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
        if re.search(r"\b(?:back|home)\b", lead, re.IGNORECASE):
            break  # "is due back in Canberra": going home is no stop
        rule = ""
        if out and rules.coordination.match(lead):
            rule = "coordinated"
        elif direct_ok and not out and rules.direct.match(lead):
            rule = f"{t.name}_object"
        elif prep_pattern is not None and _within_reach(lead, t, out) and prep_pattern.search(lead):
            rule = f"{t.name}_{_last_prep(lead, t.preps)}"
        elif (
            t.kind in ("verb", "noun")
            and not out
            and rules.event_noun.match(view[end:])
            and re.fullmatch(r"\s*the\s+", lead)
        ):
            rule = f"{t.name}_event"
        modifier = consumed == [start] and not rule.endswith("_event") and not _ends_phrase(view, end, whens)
        speaker = _SPEAKER.match(view, max(end, nxt.tail))
        if not rule or _name_part(view, start) or modifier or speaker:
            pos = end
            continue
        used.update(consumed)
        cand = _Cand(text, country, kind, continent, start, end, k, t, rule=rule)
        cand.extra = [x for x in consumed if x != start]
        cand.tail = max([end, nxt.tail, *(m.end for m in mentions if m.start in cand.extra)])
        ev = rules.event_noun.match(view[end:])
        if ev:
            cand.event = ev.group(1)
        if t.kind in ("noun", "verb"):
            lo = max(0, t.start - 30)
            d = _DURATION_BEFORE.search(view[lo : t.start])
            if d:
                n = d.group(1)
                cand.days = int(n) if n.isdigit() else _NUMBERS.get(n)
                cand.days_span = (lo + d.start(), lo + d.end(1) + 4)
        # "will travel on June 12 to West Berlin": a date between trigger and place.
        cand.pre = next((w for w in whens if t.end <= w.start and w.end <= start), None) if not out else None
        out.append(cand)
        anchor = pos = cand.tail = _after_qualifier(view, cand.tail, limit, mentions, used, cand)
    return out


def _within_reach(lead: str, t: _Trigger, out: list[_Cand]) -> bool:
    # "left for Paris" but not "is left of ... an asset for New Zealand": count the words before the
    # last preposition (after a first place the trigger's reach starts again from that place).
    words = lead.split()
    last = max((i for i, w in enumerate(words) if w.lower() in t.preps), default=-1)
    return last >= 0 and last <= (12 if out else t.reach)


def _ends_phrase(view: str, end: int, whens: list[_When]) -> bool:
    # "the UK chancellor": a place followed by a noun modifies it and is no destination.
    m = re.match(r"\s*", view[end : end + 20])
    nxt = end + (m.end() if m else 0)
    return bool(_PLACE_END.match(view, end)) or any(w.start == nxt for w in whens)


def _last_prep(lead: str, preps: frozenset[str]) -> str:
    words = [w for w in re.findall(r"[a-z]+", lead.lower()) if w in preps]
    return words[-1] if words else "prep"


def _lead(view: str, a: int, b: int, whens: list[_When]) -> str:
    """Text between a and b with dates (and the prepositions that carry them) taken out."""
    text = view[a:b]
    for w in sorted((w for w in whens if a <= w.start and w.end <= b), key=lambda w: -w.start):
        text = text[: w.start - a] + " DATE " + text[w.end - a :]
    text = re.sub(r"\(\s*DATE\s*\)", " ", text)
    text = re.sub(r"(?:\b(?:on|from|in|between|during|through|until|till|to|and|by)\s+)?DATE", " ", text)
    return re.sub(r"\s+", " ", text)


def _name_part(view: str, start: int) -> bool:
    # "the Commission for Africa", "the Government of Romania": the place is inside another name.
    before = view[max(0, start - 40) : start]
    m = _NAME_PART_BEFORE.search(before)
    return bool(m) and not re.search(
        r"\b(?:city|town|capital|island|state|province|region)\s+of\s+(?:the\s+)?$", before
    )


def _next_place(
    view: str, pos: int, limit: int, mentions: list[PlaceMention], used: set[int], whens: list[_When]
) -> _Found | None:
    """The next place-like span from pos: a known place, a place's possession, or a named venue."""
    rules, gaz = travel_rules(), gazetteer()
    known = next((m for m in mentions if pos <= m.start < limit and m.start not in used), None)
    cap = None
    for m in _CAP_RUN.finditer(view, pos, limit):
        word = m.group(0)
        first = word.split()[0].rstrip(".,")
        if known is not None and m.start() >= known.start:
            break
        if first in _MONTHS or any(w.start < m.end() and m.start() < w.end for w in whens):
            continue
        if not _overlaps_known(m.start(), m.end(), mentions):
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
            return _Found(start, end, text, country, kind, continent, consumed)
    after = _CAP_AFTER.match(view, end, limit)
    if (
        after
        and not _overlaps_known(after.start(1), after.end(1), mentions)
        and after.group(1).split()[0] not in _MONTHS
    ):
        # "Sydney Opera House": a venue named after its city, taken whole when it looks like a venue.
        full_end = after.end(1)
        if after.group(1).endswith(rules.venue_cues):
            start0 = start - 4 if view[max(0, start - 4) : start] in ("the ", "The ") else start
            return _Found(start0, full_end, view[start0:full_end], country, "other", continent, consumed)
        return None if full_end >= limit else _Found(-1, full_end)
    return _Found(start, end, text, country, kind, continent, consumed)


def _overlaps_known(a: int, b: int, mentions: list[PlaceMention]) -> bool:
    return any(m.start < b and a < m.end for m in mentions)


def _venue(
    view: str, cap: re.Match[str], limit: int, mentions: list[PlaceMention], rules: TravelRules, gaz: Gazetteer
) -> _Found | None:
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
        return _Found(-1, end)
    if view[max(0, start - 4) : start] in ("the ", "The "):
        start -= 4
    kind: StopKind = "region" if noun else "other"
    rest = view[end:limit]
    q = re.match(r"(?:,\s*|\s+in\s+(?:the\s+)?)", rest)
    if q:
        qual = next((m for m in mentions if m.start == end + q.end()), None)
        if qual is not None and (qual.place.kind != "region" or qual.place.country):
            if q.group(0).startswith(",") and not venue:
                kind = "city"
            place = qual.place
            return _Found(start, end, view[start:end], place.country, kind, place.continent, [qual.start], qual.end)
        unknown = _CAP_RUN.match(view, end + q.end(), limit) if q.group(0).strip() == "in" else None
        if venue and unknown:
            # "the Grange Hospital in Cwmbran": a town the gazetteer does not know still says where.
            return _Found(start, end, view[start:end], None, kind, None, [], unknown.end())
    if venue:
        return _Found(start, end, view[start:end], None, kind, None, [])
    return _Found(-1, end)


def _is_person_or_org(view: str, start: int, end: int) -> bool:
    return any(
        sp.kind in ("person", "organization") and sp.start < end and start < sp.end
        for sp in names.find_names(view, max(0, start - 60), end + 60)
    )


def _after_qualifier(view: str, end: int, limit: int, mentions: list[PlaceMention], used: set[int], cand: _Cand) -> int:
    """Skip ', Romania' after 'Bucharest' (and a parenthesis): the country only says where the city is."""
    m = re.match(r",\s*(?:the\s+)?", view[end:limit])
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


def _weak_stop(
    view: str, k: int, s: int, e: int, mentions: list[PlaceMention], rules: TravelRules, earlier: list[_Cand]
) -> _Cand | None:
    """'In Tokyo, she will ...' inside a trip already under way: a stop only when nothing else covers it."""
    if not earlier or not mentions:
        return None
    m = mentions[0]
    if not _WEAK_LEAD.match(view[s : m.start]) or not re.match(r"\s*,?\s", view[m.end : m.end + 2]):
        return None
    if not rules.future.search(view[m.end : e]) or (m.place.kind == "region" and not m.place.country):
        return None
    c = _Cand(
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
    c.traveler = _subject(view, m.end, e) or earlier[-1].traveler
    return c


# --- who and when ---------------------------------------------------------------------------


def _traveler(view: str, s: int, c: _Cand, found: list[_Cand], earlier: list[_Cand]) -> str | None:
    t = c.trigger
    if t is not None and t.kind in ("continuation", "before_after"):
        prev = [x for x in found if x.start < c.start and x.traveler]
        if prev:
            return prev[-1].traveler
        # "... before flying to Shanghai": the sentence's subject goes on, not the last name in it.
        subject = _first_person(view, s, t.start)
        if subject:
            return subject
    end = t.start if t is not None else c.start
    person = _subject_before(view, s, end)
    if person:
        return person
    return earlier[-1].traveler if earlier else _nearest_person(view, s)


def _subject_before(view: str, s: int, end: int) -> str | None:
    spans = names.find_names(view, s, end)
    people = [sp for sp in spans if sp.kind == "person"]
    others = [sp for sp in spans if sp.kind == "organization" or _is_group(sp)]
    pron = list(_PRONOUN.finditer(view, s, end))
    last_pron = pron[-1].start() if pron else -1
    if people and people[-1].end > last_pron:
        return _person_name(view, people[-1])
    before_pron = [sp for sp in people if sp.end <= last_pron]
    if before_pron:
        # "Chirac ... first proposed by Minister X, during his visit": the pronoun is the subject's.
        return _person_name(view, before_pron[0])
    if pron:
        sp = names.resolve_person(view, last_pron)
        if sp is not None:
            return _person_name(view, sp)
    if others:
        return others[0].canonical or others[0].text
    return None


def _first_person(view: str, s: int, end: int) -> str | None:
    people = names.find_people(view, s, end)
    pron = _PRONOUN.search(view, s, end)
    if pron is not None and (not people or pron.start() < people[0].start):
        sp = names.resolve_person(view, pron.start())
        return _person_name(view, sp) if sp is not None else None
    return _person_name(view, people[0]) if people else None


def _subject(view: str, a: int, b: int) -> str | None:
    people = names.find_people(view, a, b)
    return _person_name(view, people[0]) if people else None


def _nearest_person(view: str, offset: int) -> str | None:
    sp = names.resolve_person(view, offset)
    return _person_name(view, sp) if sp is not None else None


def _is_group(sp: names.NameSpan) -> bool:
    # "The Duke and Duchess of Cambridge", "U2": a capitalised subject of a travel verb.
    return sp.kind is None and not gazetteer().lookup(sp.text)


def _person_name(view: str, sp: names.NameSpan) -> str:
    """A title standing for a person ("the First Lady") is the person named earlier with that title."""
    if not sp.role:
        return sp.canonical or sp.text
    role = {w.lower() for w in re.findall(r"[A-Za-z]+", sp.text)}
    for earlier in reversed(names.find_people(view, 0, sp.start)):
        if earlier.role:
            continue
        title = {w.lower() for w in re.findall(r"[A-Za-z]+", earlier.title or "")}
        if role & title:
            return earlier.canonical or earlier.text
    return sp.text


def _status(view: str, article: Article, cands: list[_Cand], reference: str | None, rules: TravelRules) -> None:
    """Planned or past, from the trigger's tense, the sentence's tense and the date against the reference."""
    for c in cands:
        sent = article.sentences[c.sentence]
        text = view[sent.start : sent.end]
        t = c.trigger
        at = t.start if t is not None else c.start
        future = bool(rules.future.search(view[max(sent.start, at - 40) : at]))
        if t is not None and t.kind in ("verb", "frame"):
            past = t.past and not future
        else:
            past = bool(rules.past.search(text)) and not rules.future.search(text)
        if c.when is not None and c.when.first and reference:
            c.when = _weekday_by_tense(view, c.when, reference, past)
            n = min(len(c.when.first), len(reference))
            earlier, later = c.when.first[:n] < reference[:n], c.when.first[:n] > reference[:n]
            if future and earlier and view[c.when.start - 1 : c.when.start] != "(":
                # "will visit Christchurch, where ... three years ago": the date is about something else.
                c.when = None
            elif earlier:
                past = True
            elif later:
                past = False
        c.status = "past" if past else "planned"


def _weekday_by_tense(view: str, w: _When, reference: str, past: bool) -> _When:
    """A bare weekday lies ahead of a planned stop and behind a past one ("travels to Brussels on Monday")."""
    if len(reference) != 10 or not w.first or len(w.first) != 10 or not _WEEKDAY.match(view[w.start : w.end]):
        return w
    shift = 7 if (not past and w.first < reference) else -7 if (past and w.first > reference) else 0
    if not shift:
        return w
    return _When(w.start, w.end, _add_days(w.first, shift), _add_days(w.last, shift))


# --- folding mentions into stops -------------------------------------------------------------


def _fold(article: Article, cands: list[_Cand], gaz: Gazetteer) -> list[Stop]:
    cands = [c for c in cands if c.start >= 0 and c.place]
    dated = {_identity(c) for c in cands if _dated(c)}
    # An undated trip-noun mention ("their Dublin concerts") of a place dated elsewhere is that
    # stop, whatever the tense around it.
    cands = [
        c
        for c in cands
        if _dated(c) or _identity(c) not in dated or (c.trigger is not None and c.trigger.kind == "verb")
    ]
    trips: dict[str, list[_Cand]] = {}
    for c in cands:
        # Travellers are told apart too unreliably to split trips by them; the status does split them.
        trips.setdefault(c.status, []).append(c)
    keep: list[_Cand] = []
    for members in trips.values():
        merged = _merge_same_place(members)
        keep.extend(c for c in merged if not _covered(c, merged, cands))
    keep.sort(key=lambda c: c.start)
    return [_stop(article, c) for c in keep]


def _dated(c: _Cand) -> bool:
    return c.when is not None and c.when.first is not None


def _identity(c: _Cand) -> str:
    if c.kind == "country" and c.country:
        return "country:" + c.country
    return "place:" + re.sub(r"^the\s+", "", " ".join(c.place.lower().split()))


def _merge_same_place(members: list[_Cand]) -> list[_Cand]:
    """The same place twice is one stop: keep the dated mention (two different dates stay apart)."""
    merged: list[_Cand] = []
    for c in members:
        same = [x for x in merged if _identity(x) == _identity(c)]
        if not same:
            merged.append(c)
        elif _dated(c):
            undated = [x for x in same if not _dated(x)]
            if undated:
                merged[merged.index(undated[0])] = c
            elif all((x.when.first, x.when.last) != (c.when.first, c.when.last) for x in same if x.when and c.when):
                merged.append(c)
    return merged


def _covered(c: _Cand, trip: list[_Cand], everything: list[_Cand]) -> bool:
    """Whether a more specific stop of the trip stands for c (a country and its cities, a continent)."""
    others = [x for x in trip if x is not c]
    if c.kind == "country":
        inside = [x for x in others if not x.weak and x.kind != "country" and x.country == c.country]
        if inside and (any(_dated(x) for x in inside) or not _dated(c)):
            return True
    if c.weak and not _dated(c) and any(x.country == c.country for x in others):
        return True
    # "the Philippines on November 12 for talks in Manila": the dated country is the stop.
    if (
        c.kind != "country"
        and not _dated(c)
        and c.country
        and any(x.kind == "country" and x.country == c.country and _dated(x) for x in others)
    ):
        return True
    if c.kind == "region" and not c.country and c.continent:
        # "a tour of Africa" around "Nairobi" and "Cape Town", whatever their tenses.
        return any(x is not c and x.continent == c.continent and (x.country or x.kind != "region") for x in everything)
    return False


def _stop(article: Article, c: _Cand) -> Stop:
    w = c.when
    lo = c.start
    hi = c.end
    if c.trigger is not None and c.trigger.start < lo and c.start - c.trigger.start < 200:
        lo = c.trigger.start
    date_text = None
    if w is not None and w.first:
        date_text = article.text[w.start : w.end]
        if w.end > hi and w.start - hi < 160:
            hi = w.end
    return Stop(
        traveler=c.traveler,
        place=" ".join(c.place.split()),
        country=c.country,
        start=w.first if w else None,
        end=w.last if w else None,
        date_text=date_text,
        status=c.status,
        kind=c.kind,
        evidence=Evidence.of(article.text, lo, hi),
        rule=c.rule,
    )


def _bisect(points: list[int], x: int) -> int:
    n = 0
    for p in points:
        if p < x:
            n += 1
        else:
            break
    return n
