"""Travel trigger words (``travel_triggers.json``), compiled once into the patterns the itinerary rules use."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from summarize.resources import load_validated

TriggerKind = Literal["verb", "noun", "frame", "presence", "continuation", "before_after", "place_first"]


class _Verb(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str
    forms: list[str] = Field(min_length=1)
    past: list[str] = Field(default_factory=list)
    object: bool = False
    preps: list[str] = Field(default_factory=list)
    reach: int = Field(default=3, ge=0)


class _Noun(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str
    forms: list[str] = Field(min_length=1)
    preps: list[str] = Field(min_length=1)
    reach: int = Field(default=3, ge=0)


class _Frames(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    subjects: list[str] = Field(min_length=1)
    forms: list[str] = Field(min_length=1)
    past: list[str]
    preps: list[str] = Field(min_length=1)
    reach: int = Field(default=3, ge=0)


class _Presence(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    forms: list[str] = Field(min_length=1)
    past: list[str]
    preps: list[str] = Field(min_length=1)
    reach: int = Field(default=2, ge=0)
    person_passives: list[str]
    irregular_participles: list[str]


class _BeforeAfter(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    forms: list[str] = Field(min_length=1)
    preps: list[str] = Field(min_length=1)
    reach: int = Field(default=12, ge=0)


class _NotTravelers(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    things: list[str] = Field(min_length=1)
    vehicles: list[str] = Field(min_length=1)
    animals: list[str] = Field(min_length=1)
    crowds: list[str] = Field(min_length=1)


class _Triggers(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    about: str = Field(default="", alias="_about")
    verbs: list[_Verb] = Field(min_length=1)
    nouns: list[_Noun] = Field(min_length=1)
    frames: _Frames
    presence: _Presence
    continuations: list[str]
    place_first: list[str]
    before_after: _BeforeAfter
    place_nouns: list[str] = Field(min_length=1)
    venue_cues: list[str]
    event_nouns: list[str]
    future: list[str]
    past: list[str]
    negations: list[str]
    area_nouns: list[str]
    place_noun_after: list[str]
    not_travelers: _NotTravelers


@dataclass(frozen=True)
class TriggerForm:
    kind: TriggerKind
    name: str
    past: bool
    object: bool
    preps: frozenset[str]
    reach: int = 3


_COUNTS = "two three four five six seven eight nine ten eleven twelve both some most all several many".split()

_OPENER = r"""[ \t\n\r\f\v\u00a0(\[{"“‘/*_—–…]"""


class TravelRules:
    """Compiled patterns built from travel_triggers.json."""

    def __init__(self) -> None:
        data = load_validated("travel_triggers.json", _Triggers)
        forms: dict[str, TriggerForm] = {}

        def add(text: str, form: TriggerForm) -> None:
            key = text.lower()
            old = forms.get(key)
            if old is not None:
                # "visit" is both a verb and a noun: it takes the union of their slots.
                form = replace(
                    old,
                    object=old.object or form.object,
                    preps=old.preps | form.preps,
                    reach=max(old.reach, form.reach),
                )
            forms[key] = form

        for v in data.verbs:
            for f in v.forms:
                add(f, TriggerForm("verb", v.name, False, v.object, frozenset(v.preps), v.reach))
            for f in v.past:
                add(f, TriggerForm("verb", v.name, True, v.object, frozenset(v.preps), v.reach))
        for n in data.nouns:
            for f in n.forms:
                add(f, TriggerForm("noun", n.name, False, False, frozenset(n.preps), n.reach))
        for f in data.presence.forms:
            p = data.presence
            add(f, TriggerForm("presence", "be", False, False, frozenset(p.preps), p.reach))
        for f in data.continuations:
            add(f, TriggerForm("continuation", "then", False, True, frozenset({"to", "in", "at", "for"}), 2))
        for f in data.place_first:
            add(f, TriggerForm("place_first", "next", False, False, frozenset(), 0))
        self.place_first = frozenset(" ".join(f.lower().split()) for f in data.place_first)
        # "will be held in": a passive after the presence phrase speaks of an event or a thing;
        # "will be welcomed in" still puts the subject there.
        self.passive = re.compile(
            rf"\s+(?!(?:{alternation(data.presence.person_passives)})\b)"
            rf"(?:[a-z]+ed|{alternation(data.presence.irregular_participles)})\b"
        )
        self.frame_reach = data.frames.reach
        self.before_after_reach = data.before_after.reach
        self.forms = forms
        self.frame_forms = {f.lower(): False for f in data.frames.forms} | {f.lower(): True for f in data.frames.past}
        self.frame_preps = frozenset(data.frames.preps)
        self.frame_subjects = re.compile(rf"\b(?:{alternation(data.frames.subjects)})\b", re.IGNORECASE)
        # Everything that can make a sentence worth reading: trigger and frame phrases, the nouns a
        # place names a leg with ("the Dublin dates"), and "before"/"after" opening a participle.
        scanned = {*forms, *self.frame_forms, *(w.lower() for w in data.place_noun_after), "before", "after"}
        scanned = {w.lower() for w in scanned}
        trie = phrase_trie(scanned)
        # Over lower-cased text (same length as the original for nearly every text), else case-blind.
        # A phrase opens after a space, a line break, a bracket or a quote; a class of a few
        # characters is far quicker to test at every position than "not a word character".
        self.scan_lower = re.compile(rf"{_OPENER}({trie})(?![\w-])")
        self.scan_any = re.compile(rf"{_OPENER}({trie})(?![\w-])", re.IGNORECASE)
        self.before_after = re.compile(
            rf"(?<![\w-])(?:{alternation(data.before_after.forms)})\s+[a-z]+ing(?![\w-])", re.IGNORECASE
        )
        self.before_after_preps = frozenset(data.before_after.preps)
        descriptor = rf"(?:[\w'’-]+\s+){{0,3}}?(?:{alternation(data.place_nouns)})(?:\s+of)?"
        self.descriptor = descriptor
        self.place_nouns = frozenset(data.place_nouns)
        # A date after a stop belongs to it unless a new clause starts in between ("Africa, the UK
        # chancellor predicted ... by 2012"); a relative clause about the stop is fine ("Accra, where she
        # will ... on Monday"), and so are a participle that dates the stay ("Nairobi, starting March 14")
        # and the meetings held there ("Berlin comes next, with talks at the ministries on Thursday").
        events = alternation({*data.event_nouns, *(n + "s" for n in data.event_nouns if not n.endswith("s"))})
        self.date_gap_break = re.compile(
            r"[;:\"“”]|,(?!\s*(?:where|when|which|and|before|after|then|from|on|in|starting|beginning|arriving)\b"
            rf"|\s*with\s+(?:[\w'’-]+\s+)?(?:{events})\b)"
        )
        # ", the Kyrgyz capital,": an apposition that only says what the place is.
        self.apposition = re.compile(
            rf"\s*,\s*the\s+(?:[\w'’-]+\s+){{0,2}}(?:{alternation(data.place_nouns)})\s*(?=,)", re.IGNORECASE
        )
        self.area_noun = re.compile(rf"[ \t]+(?:{alternation(data.area_nouns)})\b")
        self.venue_cues = tuple(sorted(data.venue_cues, key=len, reverse=True))
        self.venue_cues_lower = tuple(c.lower() for c in self.venue_cues)
        self.event_noun = re.compile(rf"\s+({alternation(data.event_nouns)})\b")
        self.event_nouns = frozenset(data.event_nouns)
        self.negation = re.compile(rf"(?<![\w-])(?:{alternation(data.negations)})(?:\s+\w+){{0,2}}\s*$", re.IGNORECASE)
        self.place_noun_words = frozenset(w.lower() for w in data.place_noun_after)
        self.place_noun_after = re.compile(rf"\s+({alternation(data.place_noun_after)})\b", re.IGNORECASE)
        self.future = re.compile(rf"(?<![\w-])(?:{alternation(data.future)})(?![\w-])", re.IGNORECASE)
        self.past = re.compile(rf"(?<![\w-])(?:{alternation(data.past)})(?![\w-])", re.IGNORECASE)
        self.coordination = re.compile(
            r"^\s*(?:,\s*(?:and\s+|or\s+|then\s+|and\s+then\s+)?|(?:and|or|as\s+well\s+as|and\s+then|"
            rf"then|followed\s+by)\s+)(?:(?:also|finally|later|lastly)\s+)?(?:to\s+|in\s+)?(?:the\s+)?(?:{descriptor}\s+)?$",
            re.IGNORECASE,
        )
        # The subject just before a trigger, when it is a thing or a crowd: its travelling is no
        # trip of a person or a delegation.
        nt = data.not_travelers
        things = alternation([*nt.things, *nt.vehicles, *nt.animals])
        self.thing_subject = re.compile(
            rf"\b(?:the|its|this|that|a|an|their)\s+(?:[\w'’-]+\s+){{0,3}}?(?:{things})"
            r"\s+(?:(?:will|would|could|may|then|also|later|is|are|was|were|due|set|expected|to|be|has|have|had)\s+)*$",
            re.IGNORECASE,
        )
        # A sentence that opens with a thing as its subject ("The extra sailing leaves X at noon, calls
        # at Y and will then go on to Z"; "Eleven chicks were raised by hand"): the noun is the head of
        # the subject when one of a vehicle's verbs, an auxiliary, "of" or a comma follows it.
        self.opening_thing = re.compile(
            rf"\s*[\"“‘(]?\s*(?:the|its|this|that|these|those|a|an|their|our|{alternation(_COUNTS)}|\d+)\s+"
            rf"(?:[\w'’-]+\s+){{0,3}}?(?:{things})(?=\s*,|\s+(?:of|will|would|could|may|is|are|was|were|has|have|"
            r"had|then|also|leaves|departs|calls|sails|runs|stops|arrives|returns|goes|travels|heads|operates|serves|"
            r"carries|connects|continues|flies|lands|docks|moves|passes)\b)",
            re.IGNORECASE,
        )
        # "Two were flown to X": a bare count as the subject stands for the previous sentence's.
        self.bare_count = re.compile(
            rf"\s*(?:{alternation(_COUNTS)}|\d+)(?:\s+of\s+them)?\s+(?:(?:will|would|could|may|then|also|later|is|"
            r"are|was|were|has|have|had|been|be)\s+)*$",
            re.IGNORECASE,
        )
        self.crowd_subject = re.compile(
            rf"\b(?:{alternation(data.not_travelers.crowds)})\s+(?:(?:are|were|is|was|will|would|have|had|been|be|also|"
            r"then|now|still|often|usually|who|that)\s+)*$",
            re.IGNORECASE,
        )
        self.direct = re.compile(rf"^\s*(?:(?:also|then|finally)\s+)?(?:the\s+)?(?:{descriptor}\s+)?$", re.IGNORECASE)

    def prep_lead(self, preps: frozenset[str]) -> re.Pattern[str]:
        return _prep_lead(tuple(sorted(preps)), self.descriptor)

    def scan(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Spans of every scanned phrase in text[start:end] (a word or phrase, not inside another word)."""
        low = text.lower()
        pattern = self.scan_lower
        if len(low) != len(text):
            low, pattern = text, self.scan_any
        out = [(m.start(1), m.end(1)) for m in pattern.finditer(low, max(0, start - 1), end)]
        if start == 0 and (first := pattern.match(" " + low[: min(end, 200)])) is not None:
            out.insert(0, (first.start(1) - 1, first.end(1) - 1))
        return out


def phrase_trie(phrases: object) -> str:
    """One regex alternation of many phrases, shared prefixes factored out.

    The engine tries a flat alternation of a hundred words one by one at every position; a trie
    decides on each character once, which makes a whole-article scan cheap. Words of a phrase
    are separated by any whitespace. Longer phrases win (each branch is greedy).
    """
    trie: dict[str, dict] = {}
    for p in phrases:  # type: ignore[attr-defined]
        node = trie
        for ch in " ".join(str(p).split()):
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + emit(node[ch]) for ch in sorted(node) if ch]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        return "(?:" + "|".join(branches) + (")?" if "" in node else ")")

    return emit(trie)


@lru_cache(maxsize=64)
def _prep_lead(preps: tuple[str, ...], descriptor: str) -> re.Pattern[str]:
    return re.compile(rf"(?:^|\s)(?:{alternation(preps)})\s+(?:the\s+)?(?:{descriptor}\s+)?$", re.IGNORECASE)


def alternation(words: object) -> str:
    """Regex alternation of words and phrases (as a prefix tree, see ``phrase_trie``)."""
    return phrase_trie(words)


@lru_cache(maxsize=1)
def travel_rules() -> TravelRules:
    """The compiled trigger patterns (built once)."""
    return TravelRules()
