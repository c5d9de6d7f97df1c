"""Build articles and date mentions by hand, so itinerary tests do not depend on the date tagger."""

from __future__ import annotations

from summarize.ingest import read_text_article
from summarize.models import Article, DateMention, Evidence

DateSpec = tuple[str, str] | tuple[str, str, str]


def article(text: str) -> Article:
    return read_text_article(text)


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
