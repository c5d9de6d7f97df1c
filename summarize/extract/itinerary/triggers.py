"""Travel triggers: found once per article, then read sentence by sentence.

One scan of the whole body (``TravelRules.scan``) finds every phrase that can make a sentence
worth reading; only those sentences get the place lookup and the rest of the analysis.
"""

from __future__ import annotations

import re

from summarize.extract.itinerary.records import Trigger
from summarize.extract.itinerary.rules import TravelRules

_SPACES = re.compile(r"\s+")
_OBJECT_LEAD = re.compile(r"\s+(?:the|their|his|her|its|a|an)\s")
# "tour operator", "trip wire": the trip noun modifies another noun and names no trip.
_NOUN_MODIFIER = re.compile(r"\s+(?:operator|operators|guide|guides|bus|company|companies|agency|wire|report)\b")


def names_a_leg(view: str, s: int, hits: list[tuple[int, int]], rules: TravelRules) -> bool:
    """Whether a leg noun follows a capitalised word ("the Dublin dates", "his Beijing visit")."""
    for a, b in hits:
        if view[a:b].lower() not in rules.place_noun_words:
            continue
        j = a
        while j > s and view[j - 1].isspace():
            j -= 1
        i = j
        while i > s and (view[i - 1].isalnum() or view[i - 1] in "'’.&-"):
            i -= 1
        if j < a and view[i:j][:1].isupper():
            return True
    return False


_RETURNING = re.compile(r"\s(?:returning|heading\s+home|flying\s+home|going\s+home)$", re.IGNORECASE)


def sentence_triggers(view: str, s: int, e: int, hits: list[tuple[int, int]], rules: TravelRules) -> list[Trigger]:
    """The triggers of sentence view[s:e], given the scanned phrase spans inside it."""
    found: list[Trigger] = []
    frame_objects: list[tuple[int, int]] = []
    for a, b in hits:
        if view[a - 1 : a] in ("'", "’"):
            continue  # a phrase after an apostrophe is part of a contraction
        word = view[a:b]
        key = _SPACES.sub(" ", word.lower())
        form = rules.forms.get(key)
        if form is not None:
            if rules.negation.search(view[max(s, a - 30) : a]):
                continue  # "will not visit Melbourne"
            if not word[1:].islower() and not word[1:].replace(" ", "").islower():
                continue
            if form.kind == "noun" and _NOUN_MODIFIER.match(view, b):
                continue
            if form.kind == "presence" and rules.passive.match(view, b):
                continue  # "a service will be held in Crieff": no one is said to be there
            found.append(Trigger(a, b, form.kind, form.name, form.past, form.object, form.preps, form.reach))
            continue
        past = rules.frame_forms.get(key)
        if past is None:
            continue
        subject_zone = view[max(s, a - 60) : a]
        object_zone = view[b : min(e, b + 45)]
        obj = rules.frame_subjects.search(object_zone) if _OBJECT_LEAD.match(object_zone) else None
        if rules.frame_subjects.search(subject_zone) or obj:
            preps = rules.frame_preps
            if obj:
                # "begin the first leg of their tour at X": the trip nouns belong to the frame, and
                # so do their prepositions ("begins a two-day visit to Chile").
                nouns = list(rules.frame_subjects.finditer(object_zone))
                frame_objects.append((b, b + max(x.end() for x in nouns)))
                for x in nouns:
                    form = rules.forms.get(x.group(0).lower())
                    if form is not None:
                        preps = preps | form.preps
            found.append(Trigger(a, b, "frame", key, past, False, preps, rules.frame_reach))
    if any(view[a : a + 6].lower().startswith(("before", "after")) for a, _ in hits):
        for m in rules.before_after.finditer(view, s, e):
            if _RETURNING.search(m.group(0)):
                continue  # "before returning to Santiago": going home is no stop
            # "before departing for": the participle's own prepositions count too.
            own = rules.forms.get(m.group(0).split()[-1].lower())
            preps = rules.before_after_preps | (own.preps if own else frozenset())
            reach = rules.before_after_reach
            found.append(Trigger(m.start(), m.end(), "before_after", "before", False, False, preps, reach))
    found = [t for t in found if not (t.kind in ("noun", "verb") and any(a <= t.start < b for a, b in frame_objects))]
    found.sort(key=lambda t: (t.start, -t.end))
    out: list[Trigger] = []
    for t in found:
        if out and t.start < out[-1].end:
            continue
        out.append(t)
    return out
