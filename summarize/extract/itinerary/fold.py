"""Folding mentions into stops, and the stops themselves.

The same place twice is one stop (the dated mention kept); a country and its cities in one
trip are one stop; a continent around its countries is no stop of its own.
"""

from __future__ import annotations

import re

from summarize.extract.itinerary.records import Cand
from summarize.extract.places import Gazetteer
from summarize.models import Article, Evidence, Stop

_LEADING_THE = re.compile(r"^the\s+")


def fold(article: Article, cands: list[Cand], gaz: Gazetteer) -> list[Stop]:
    cands = [c for c in cands if c.start >= 0 and c.place]
    dated = {_identity(c) for c in cands if _dated(c)}
    # An undated trip-noun mention ("their Dublin concerts") of a place dated elsewhere is that
    # stop, whatever the tense around it.
    cands = [
        c
        for c in cands
        if _dated(c) or _identity(c) not in dated or (c.trigger is not None and c.trigger.kind == "verb")
    ]
    trips: dict[str, list[Cand]] = {}
    for c in cands:
        # Travellers are told apart too unreliably to split trips by them; the status does split them.
        trips.setdefault(c.status, []).append(c)
    keep: list[Cand] = []
    for members in trips.values():
        merged = _merge_same_place(members)
        keep.extend(c for c in merged if not _covered(c, merged, cands))
    keep.sort(key=lambda c: c.start)
    return [_stop(article, c) for c in keep]


def _dated(c: Cand) -> bool:
    return c.when is not None and c.when.first is not None


def _identity(c: Cand) -> str:
    if c.kind == "country" and c.country:
        return "country:" + c.country
    return "place:" + _LEADING_THE.sub("", " ".join(c.place.lower().split()))


def _merge_same_place(members: list[Cand]) -> list[Cand]:
    """The same place twice is one stop: keep the dated mention, the wider one when one's dates hold
    the other's (two different dates stay apart)."""
    merged: list[Cand] = []
    ids = {id(c): _identity(c) for c in members}
    for c in members:
        same = [x for x in merged if ids[id(x)] == ids[id(c)]]
        if not same:
            merged.append(c)
        elif _dated(c):
            undated = [x for x in same if not _dated(x)]
            if undated:
                merged[merged.index(undated[0])] = c
            elif not any(_within(c, x) for x in same):
                wider = next((x for x in same if _within(x, c)), None)
                if wider is not None:
                    merged[merged.index(wider)] = c
                else:
                    merged.append(c)
    return merged


def _within(c: Cand, x: Cand) -> bool:
    """Whether c's dates lie inside x's ("May 5" inside "May 4-6"; equal dates count)."""
    a, b = c.when, x.when
    if a is None or b is None or not (a.first and a.last and b.first and b.last):
        return False
    if (a.first, a.last) == (b.first, b.last):
        return True
    if not len(a.first) == len(a.last) == len(b.first) == len(b.last) == 10:
        return False
    return b.first <= a.first and a.last <= b.last


def _loosely_dated_outside(c: Cand, country: Cand) -> bool:
    """Whether c's date comes only from the sentence or paragraph around it and lies outside the
    dates given for its country."""
    if not (_dated(c) and _dated(country)) or not ("+leading_date" in c.rule or "+paragraph_date" in c.rule):
        return False
    return not _within(c, country)


def _covered(c: Cand, trip: list[Cand], everything: list[Cand]) -> bool:
    """Whether a more specific stop of the trip stands for c (a country and its cities, a continent)."""
    others = [x for x in trip if x is not c]
    if c.kind == "country":
        inside = [
            x
            for x in others
            if not x.weak and x.kind != "country" and x.country == c.country and not _loosely_dated_outside(x, c)
        ]
        if inside and (any(_dated(x) for x in inside) or not _dated(c)):
            return True
    if c.weak and not _dated(c) and any(x.country == c.country for x in others):
        return True
    # "Côte d'Ivoire (May 6-7)" ... "On Monday, X urged her to ... when she meets officials in Abidjan":
    # a date that opens the sentence dates its main clause, and the country's own dates stand.
    if c.kind != "country" and any(
        x.kind == "country" and x.country == c.country and _loosely_dated_outside(c, x) for x in others
    ):
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


def _stop(article: Article, c: Cand) -> Stop:
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
    # Built once per kept stop, validated (pydantic's validating constructor is quicker than its
    # unvalidated one).
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
