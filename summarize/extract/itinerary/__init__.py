"""Itinerary extraction: the stops of trips by a person or delegation, with dates and status.

The story of one article, one module per step:

1. ``triggers``: one scan of the body finds the travel phrases ("will visit", "travel to",
   "a tour of", "the tour opens in", "will be in", "before heading to", ...); only sentences
   with one are read further (and "In Tokyo, ..." openings while a trip is under way);
2. ``candidates`` (with ``spans``): the places a trigger governs -- its direct object or the
   object of one of its prepositions, and the places coordinated with those ("Japan (Feb.
   16-18), Indonesia ... and China"), or the place before it ("Berlin comes next"); a place
   merely mentioned nearby is not taken, nor one a thing, vehicle or animal travels to; a
   programme's dated lines;
3. ``dating``: a parenthesis or a date right after the place, a date shared by a coordinated
   list, a date opening the sentence, the paragraph or the next sentence, "the next day", the
   end of a stay in a later sentence;
4. ``travelers``: the traveller (the subject, a pronoun or a title resolved to a named person)
   and the status (planned or past) from tense and dates;
5. ``fold``: mentions of one stop folded together (the same place twice; a country and its
   cities in one trip; a continent around its countries), keeping the mention the dates hang on.

Word lists live in ``data/en/travel_triggers.json`` (compiled once in ``rules``) and the
gazetteer's files (``places``).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from summarize.extract.itinerary.candidates import sentence_stops
from summarize.extract.itinerary.dating import (
    attach_dates,
    dateline_visits,
    event_dates,
    extend_stays,
    resolve_anaphors,
    stays_ended_later,
    stretch_by_length,
    whens_of,
)
from summarize.extract.itinerary.fold import fold
from summarize.extract.itinerary.records import Cand, When
from summarize.extract.itinerary.rules import TravelRules, travel_rules
from summarize.extract.itinerary.travelers import status
from summarize.extract.itinerary.triggers import names_a_leg, sentence_triggers
from summarize.extract.places import Gazetteer, gazetteer
from summarize.models import Article, DateMention, Stop

__all__ = ["extract_itinerary"]

_LEADING = re.compile(
    r"\s*(?:(?:on|by|from|in|during|starting|beginning|early|late|later|then|and)\s+)?"
    r"(?:the\s+(?:weekend|week|morning|afternoon|evening|night)\s+of\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# "In Tokyo, she will ...": a sentence that may name a stop of a trip already under way.
_IN_LEAD = re.compile(r"\s*In\s")
_CAPITAL = re.compile(r"[^\W\d_a-z]")  # any letter but a plain lower-case one


def extract_itinerary(article: Article, dates: list[DateMention], reference_date: str | None) -> list[Stop]:
    """Stops of trips described in the article."""
    view = article.view
    if not article.sentences or not view.strip():
        return []
    rules, gaz = travel_rules(), gazetteer()
    whens = whens_of(view, dates)
    when_starts = [w.start for w in whens]
    body_start, body_end = article.sentences[0].start, article.sentences[-1].end
    hits = rules.scan(view, body_start, body_end)
    hit_starts = [a for a, _ in hits]
    paragraphs = [m.start() for m in _BLANK_LINE.finditer(view)]

    cands: list[Cand] = []
    para_date: tuple[int, When] | None = None
    free: list[When] = []
    group = 0
    for k, sent in enumerate(article.sentences):
        s, e = sent.start, sent.end
        para = bisect_left(paragraphs, s)
        if para_date is not None and para_date[0] != para:
            para_date = None
        lo = bisect_left(when_starts, s)
        hi = bisect_left(when_starts, e, lo)
        sent_whens = [w for w in whens[lo:hi] if w.end <= e] if hi > lo else []
        lo = bisect_left(hit_starts, s)
        hi = bisect_left(hit_starts, e, lo)
        here = [h for h in hits[lo:hi] if h[1] <= e] if hi > lo else []
        lead_in = bool(cands) and _IN_LEAD.match(view, s, e) is not None
        if not here and not lead_in:
            found: list[Cand] = []  # most sentences: nothing to read
        else:
            prev = article.sentences[k - 1].start if k else -1
            found, group = _read(view, k, s, e, here, lead_in, sent_whens, cands, group, prev)
        if not sent_whens:
            if para_date is not None and found:
                for c in found:
                    if c.when is None:
                        c.when, c.rule = para_date[1], c.rule + "+paragraph_date"
            cands.extend(found)
            continue
        leading = [w for w in sent_whens if _LEADING.match(view, s, w.start)]
        if leading:
            for c in found:
                if c.when is None:
                    c.when, c.rule = leading[0], c.rule + "+leading_date"
            para_date = (para, leading[0])
            if not found:
                free.append(leading[0])
                _date_from_next(view, k, para, leading[0], cands, article, paragraphs)
        cands.extend(found)

    if cands:
        cands = _programme_lines(view, article, whens, cands, gaz, rules)
    resolve_anaphors(cands)
    extend_stays(cands, free)
    event_dates(view, cands, whens, rules)
    dateline_visits(article, cands, reference_date)
    stretch_by_length(cands)
    status(view, article, cands, reference_date, rules)
    stays_ended_later(view, article, cands, whens, gaz)  # after a weekday is set by the tense
    return fold(article, cands, gaz)


# "On Saturday she preaches at the cathedral": the traveller goes on in the sentence after the date.
_PRONOUN_AFTER = re.compile(
    r"\s*,?\s*(?:he|she|they|the\s+(?-i:[A-Z])\w+|the\s+(?:delegation|group|couple))\b"
    r"(?!\s+(?:said|says|told|announced|added|wrote|tweeted|posted|confirmed|denied)\b)",  # a statement's date
    re.IGNORECASE,
)


def _date_from_next(
    view: str, k: int, para: int, w: When, cands: list[Cand], article: Article, paragraphs: list[int]
) -> None:
    """'She will be in Lilongwe. On the weekend of 7 and 8 June she preaches at the cathedral.': a
    stop left undated takes the date that opens the next sentence, in the same paragraph, about the
    same traveller."""
    if not cands or cands[-1].sentence != k - 1 or not w.first or len(w.first) != 10:
        return
    prev = [c for c in cands if c.sentence == k - 1]
    if any(c.when is not None for c in prev):
        return
    if bisect_left(paragraphs, article.sentences[k - 1].start) != para:
        return
    if not _PRONOUN_AFTER.match(view, w.end):
        return
    c = prev[-1]
    c.when, c.rule = w, c.rule + "+next_sentence_date"


# "2026-01-27  Kigali, Rwanda: meeting with ...": a programme line, a date then the place.
_LINE_START = re.compile(r"(?:^|\n)[ \t]*$")
_PROGRAMME_GAP = re.compile(r"[ \t]*(?:[:–—-][ \t]*)?")
# A name of up to five words up to the comma or colon that ends the place part of a programme line.
_PROGRAMME_VENUE = re.compile(r"((?-i:[A-Z])[\w'’.-]*(?:[ \t]+[\w'’.-]+){0,4}?)[ \t]*[,:][ \t]*")


def _programme_lines(
    view: str, article: Article, whens: list[When], cands: list[Cand], gaz: Gazetteer, rules: TravelRules
) -> list[Cand]:
    """Stops of a trip's programme laid out as lines that open with a date and name a place.

    Read only in an article that already describes a trip, so a dated list of anything else is
    left alone.
    """
    out = list(cands)
    starts = [sent.start for sent in article.sentences]
    for w in whens:
        if not w.first or not _LINE_START.search(view, max(0, w.start - 40), w.start):
            continue
        line_end = view.find("\n", w.end)
        line_end = len(view) if line_end < 0 else line_end
        gap = _PROGRAMME_GAP.match(view, w.end, line_end)
        at = gap.end() if gap else w.end
        found = gaz.find(view, at, min(line_end, at + 80))
        mention = next((m for m in found if m.start == at), None)
        k = max(0, bisect_left(starts, at + 1) - 1)
        if mention is not None:
            place = mention.place
            c = Cand(mention.text, place.country, place.kind, place.continent, mention.start, mention.end, k, None)
        else:
            venue = _PROGRAMME_VENUE.match(view, at, line_end)
            if venue is None:
                continue
            name = venue.group(1)
            # A name the gazetteer does not know is a place when it says so itself ("Kakuma refugee
            # camp") or is placed by a known one after it ("Kakuma, Kenya:").
            where = next((m for m in found if m.start == venue.end()), None)
            if not (name.lower().endswith(rules.venue_cues_lower) or where is not None):
                continue
            country = where.place.country if where is not None else None
            continent = where.place.continent if where is not None else None
            c = Cand(name, country, "other", continent, venue.start(1), venue.end(1), k, None)
        c.when, c.traveler, c.rule = w, cands[-1].traveler, "programme_line"
        c.tail = c.end
        out.append(c)
    out.sort(key=lambda c: c.start)
    return out


def _read(
    view: str,
    k: int,
    s: int,
    e: int,
    here: list[tuple[int, int]],
    lead_in: bool,
    whens: list[When],
    cands: list[Cand],
    group: int,
    prev: int,
) -> tuple[list[Cand], int]:
    """Candidate stops of sentence k, dated where the sentence says; a coordinated stop joins the
    group (numbered from ``group``) of the stop before it."""
    rules, gaz = travel_rules(), gazetteer()
    # "Berlin comes next": the place stands before its phrase.
    place_first = any(
        view[b - 4 : b] in ("next", "stop") and " ".join(view[a:b].lower().split()) in rules.place_first
        for a, b in here
    )
    whole = lead_in or place_first or (bool(here) and names_a_leg(view, s, here, rules))
    # Without a leg noun or an "In X," opening, only places after a trigger can be stops, and
    # every place or venue name opens with a capital.
    if not whole and not _CAPITAL.search(view, here[0][1], e):
        return [], group
    triggers = sentence_triggers(view, s, e, here, rules) if here else []
    if not whole and not (triggers and _CAPITAL.search(view, triggers[0].end, e)):
        return [], group
    mentions = [m for m in gaz.find(view, s if whole else triggers[0].end, e) if m.start >= s]
    found = sentence_stops(view, k, s, e, triggers, mentions, whens, rules, gaz, cands, prev)
    for c in found:
        group += 1 if c.rule != "coordinated" else 0
        c.group = group
    attach_dates(view, found, whens, mentions, e, rules)
    return found, group
