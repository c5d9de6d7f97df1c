"""Build articles and date mentions by hand, so itinerary tests do not depend on the date tagger."""

from __future__ import annotations

import hashlib

from summarize.extract.itinerary import extract_itinerary
from summarize.ingest import read_text_article
from summarize.models import Article, DateMention, Evidence, Source, Span, Stop
from summarize.sentences import split_sentences

DateSpec = tuple[str, str] | tuple[str, str, str]


def article(text: str) -> Article:
    return read_text_article(text)


def raw_article(text: str) -> Article:
    """An article straight from text (no cleaning), for inputs the reader would refuse."""
    data = text.encode("utf-8", "surrogatepass")
    source = Source(
        path=None, sha256=hashlib.sha256(data).hexdigest(), chars=len(text), bytes=len(data), encoding="utf-8"
    )
    spans = [Span(start=a, end=b) for a, b in split_sentences(text)]
    body = Span(start=spans[0].start, end=spans[-1].end) if spans else Span(start=0, end=len(text))
    return Article(text=text, view=text, source=source, body=body, sentences=spans)


def mentions(text: str, specs: list[DateSpec]) -> list[DateMention]:
    """Date mentions for (surface, value) or, for a range, (surface, start value, end value).

    A range's surface is split at its last hyphen or " to ": "Feb. 16-18" gives "Feb. 16" and "18".
    """
    out: list[DateMention] = []
    pos = 0
    for n, spec in enumerate(specs):
        surface = spec[0]
        at = text.index(surface, pos)
        pos = at + len(surface)
        if len(spec) == 2:
            out.append(DateMention(text=surface, type="DATE", value=spec[1], evidence=Evidence.of(text, at, pos)))
            continue
        sep = " to " if " to " in surface else ("–" if "–" in surface else "-")
        cut = surface.rindex(sep)
        left_end, right_start = at + cut, at + cut + len(sep)
        out.append(
            DateMention(
                text=text[at:left_end],
                type="DATE",
                value=spec[1],
                evidence=Evidence.of(text, at, left_end),
                range_id=n,
                range_role="start",
            )
        )
        out.append(
            DateMention(
                text=text[right_start:pos],
                type="DATE",
                value=spec[2],
                evidence=Evidence.of(text, right_start, pos),
                range_id=n,
                range_role="end",
            )
        )
    return out


def stops(text: str, dates: list[DateSpec] | None = None, reference: str | None = None) -> list[Stop]:
    """The itinerary of an article made of text, with the date mentions given by hand."""
    a = article(text)
    return extract_itinerary(a, mentions(a.text, dates or []), reference)


def brief(found: list[Stop]) -> list[tuple[str, str | None, str | None, str | None, str]]:
    return [(s.place, s.country, s.start, s.end, s.status) for s in found]
