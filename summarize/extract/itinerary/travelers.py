"""Who travels and whether the trip is planned or past.

The traveller is the subject before the trigger (a pronoun or a title resolved to a named
person); a continuation keeps the previous stop's traveller. A thing, a vehicle, an animal or a
crowd as the subject makes no trip. The status comes from the trigger's tense, the sentence's
tense and the date against the reference date.
"""

from __future__ import annotations

import re

from summarize.extract import names
from summarize.extract.itinerary.dating import weekday_by_tense
from summarize.extract.itinerary.records import Cand, Trigger
from summarize.extract.itinerary.rules import TravelRules
from summarize.extract.places import gazetteer
from summarize.models import Article

_PRONOUN = re.compile(r"\b(?:he|she|they|him|her|them|his|their)\b", re.IGNORECASE)
_LETTERS = re.compile(r"[A-Za-z]+")
_AFTER_PREPOSITION = re.compile(
    r"\b(?:with|by|of|from|to|at|in|for|on|about|against|between|among)\s+(?:the\s+)?$", re.IGNORECASE
)


def traveler(view: str, s: int, c: Cand, found: list[Cand], earlier: list[Cand]) -> str | None:
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
    title = _TITLE_SUBJECT.search(view, max(s, end - 60), end)
    if title is not None and (person is None or person in title.group(0)):
        # "The Moderator will fly to Lilongwe": the person earlier given that title, else the title.
        return _titled_person(view, title.start(), title.group(1)) or view[title.start() : title.end(1)]
    if person:
        return person
    return earlier[-1].traveler if earlier else _nearest_person(view, s)


# A title standing as the subject just before the trigger: "the Moderator", "the Tuvaluan minister".
_TITLE_SUBJECT = re.compile(
    r"\bthe\s+(?:(?-i:[A-Z])[\w'’-]+\s+)?(minister|president|premier|chancellor|envoy|secretary|ambassador|"
    r"governor|mayor|king|queen|prince|princess|pope|bishop|archbishop|moderator|commissioner|senator)"
    r"(?:\s+(?:will|would|is|was|also|then|later|has|had|to|be|due|set|expected))*\s*$",
    re.IGNORECASE,
)


def _titled_person(view: str, at: int, title: str) -> str | None:
    """The nearest person before ``at`` who carries ``title`` or is given it just after the name."""
    word = title.lower()
    people = names.find_people(view, 0, at)
    for sp in reversed(people):
        if word in {w.lower() for w in _LETTERS.findall(sp.title or "")}:
            return sp.canonical or sp.text
    for sp in reversed(people):
        # "Morag Tennant, installed as Moderator of ...": the title given in the name's own sentence.
        after = view[sp.end : sp.end + 60]
        after = after[: after.find(". ")] if ". " in after else after
        if len(sp.text.split()) >= 2 and after.startswith(",") and word in after.lower():
            return sp.canonical or sp.text
    return None


def _subject_before(view: str, s: int, end: int) -> str | None:
    spans = names.find_names(view, s, end)
    people = [sp for sp in spans if sp.kind == "person"]
    # "... in Brussels with European Commission officials, then arrived in Paris": a name after a
    # preposition is no subject.
    others = [
        sp
        for sp in spans
        if (sp.kind == "organization" or _is_group(sp))
        and not _AFTER_PREPOSITION.search(view, max(s, sp.start - 12), sp.start)
    ]
    pron = list(_PRONOUN.finditer(view, s, end))
    last_pron = pron[-1].start() if pron else -1
    if people and people[-1].end > last_pron:
        return _person_name(view, people[-1])
    before_pron = [sp for sp in people if sp.end <= last_pron]
    if before_pron:
        # "Okafor ... an idea first floated by Minister Diaz, during his visit": the pronoun is the subject's.
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


def subject(view: str, a: int, b: int) -> str | None:
    people = names.find_people(view, a, b)
    return _person_name(view, people[0]) if people else None


def _nearest_person(view: str, offset: int) -> str | None:
    sp = names.resolve_person(view, offset)
    return _person_name(view, sp) if sp is not None else None


def _is_group(sp: names.NameSpan) -> bool:
    # "The Earl and Countess of Wessex", "U2": a capitalised subject of a travel verb.
    return sp.kind is None and not gazetteer().lookup(sp.text)


def _person_name(view: str, sp: names.NameSpan) -> str:
    """A title standing for a person ("the First Lady") is the person named earlier with that title."""
    if not sp.role:
        return sp.canonical or sp.text
    role = {w.lower() for w in _LETTERS.findall(sp.text)}
    for earlier in reversed(names.find_people(view, 0, sp.start)):
        if earlier.role:
            continue
        title = {w.lower() for w in _LETTERS.findall(earlier.title or "")}
        if role & title:
            return earlier.canonical or earlier.text
    return sp.text


# A new subject between two verbs of a sentence: a pronoun, a relative or contrasting clause, a name
# with its verb.
_NEW_SUBJECT = re.compile(
    r";|:(?=\s)|\b(?:he|she|they|we|who|where|which|while|whereas|but)\b|\b(?-i:[A-Z])[a-z]+\s+(?:will|would|is|are|was|"
    r"were|has|have|had|then|also)\b",
    re.IGNORECASE,
)


def thing_moves(view: str, s: int, prev: int, opening: int, t: Trigger, rules: TravelRules) -> bool:
    """Whether the subject of trigger t is a thing, a vehicle, an animal or a crowd, not a traveller.

    ``opening`` is where a thing that opens the sentence as its subject ends (-1 for none).
    """
    if rules.thing_subject.search(view, max(s, t.start - 80), t.start):
        return True
    if rules.crowd_subject.search(view, max(s, t.start - 60), t.start):
        return True
    if 0 <= opening <= t.start and not new_subject(view, opening, t.start):
        return True  # "The extra sailing leaves X at noon and goes on to Y"
    # "Eleven chicks were raised by hand. Two were flown to X."
    if prev < 0 or rules.bare_count.fullmatch(view, s, t.start) is None:
        return False
    opening = rules.opening_thing.match(view, prev, s)
    return opening is not None and opening.end() < s


def new_subject(view: str, a: int, b: int) -> bool:
    """Whether a new subject starts in view[a:b] ("..., and Minister Ross will travel on to Y")."""
    return _NEW_SUBJECT.search(view, a, b) is not None


def status(view: str, article: Article, cands: list[Cand], reference: str | None, rules: TravelRules) -> None:
    """Planned or past, from the trigger's tense, the sentence's tense and the date against the reference."""
    prev: Cand | None = None  # the planned stop before, in the text's order
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
            c.when = weekday_by_tense(view, c.when, reference, past, _last_day_before(view, c, prev))
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
        if not past and c.when is not None and c.when.first:
            prev = c


def _last_day_before(view: str, c: Cand, prev: Cand | None) -> str | None:
    """The last day of the stop told just before c on the same trip, which c's weekday must follow: the
    same traveller, the same or the next sentence, c's date written after c (not a date opening the
    sentence, nor "after visiting X on Wednesday", which tell of other times)."""
    if prev is None or prev.when is None or not prev.traveler or prev.traveler != c.traveler:
        return None
    if c.sentence - prev.sentence > 1 or "+leading_date" in c.rule or "+paragraph_date" in c.rule:
        return None
    if c.trigger is not None and view[c.trigger.start : c.trigger.start + 5].lower() == "after":
        return None
    return prev.when.last or prev.when.first
