"""The reference date of an article: metadata first, then what the text says about itself.

In the text, in order of trust: a "Published/Posted/Updated ..." line, a full date in the lines
above the body (byline, front matter), the wire dateline ("OSLO, March 4 -"), and the
copyright notice ("© Harbour Press Agency (2009)"), which usually sits in the furniture. A dateline
without a year borrows the copyright year.
"""

from __future__ import annotations

import re

from summarize.extract.dates.tagger import tag
from summarize.extract.dates.values import parse_iso
from summarize.models import Article, ReferenceDateSource

# "Published", "Posted on", "Updated:" ... The first letter is matched by a class (see _COPYRIGHT).
_STAMP = re.compile(
    r"[fpuldrFPULDR](?<!\w.)(?i:(?<=f)irst\s+published|(?<=p)ublished|(?<=p)osted|(?<=u)pdated"
    r"|(?<=l)ast\s+updated|(?<=d)ated?|(?<=r)eleased)\b(?i:\s*(?:on|at)?\s*[:|-]?)"
)
# Opening with a character class lets a search skip to "©", "(" or "c" in C; a plain
# alternation under IGNORECASE would try the pattern at every position of the article.
_COPYRIGHT = re.compile(r"[©(cC](?:(?<=©)|(?<=\()[cC]\)|(?<=[cC])(?i:opyright)\b)[^\n]{0,120}")
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_FULL = re.compile(r"^\d{4}-\d\d-\d\d$")
_MONTH_DAY = re.compile(r"^XXXX-(\d\d)-(\d\d)$")
_HEADER_LIMIT = 600  # characters of body start still treated as byline territory


def _dates_in(text: str) -> list[str]:
    # Without a reference date, a value with a year needs digits in the text: skip the rest.
    if not _DIGIT.search(text):
        return []
    return [d.value for d in tag(text, text, None) if d.type in ("DATE", "TIME")]


def _best(values: list[str]) -> str | None:
    """The first full date (a time cut to its day), else the first year-month."""
    for v in values:
        head = v[:10]
        if _FULL.match(head) and parse_iso(head):
            return head
    for v in values:
        if re.match(r"^\d{4}-\d\d$", v):
            return v
    return None


def _copyright_year(article: Article) -> int | None:
    years = [int(y) for m in _COPYRIGHT.finditer(article.text) for y in _YEAR.findall(m.group(0))]
    return max(years) if years else None


def infer_reference_date(article: Article) -> tuple[str | None, ReferenceDateSource | None]:
    """The article's reference date (ISO, partial allowed) and where it came from."""
    if article.published and parse_iso(article.published):
        anchor = parse_iso(article.published)
        assert anchor is not None
        parts = [f"{anchor.year:04d}"] + [f"{p:02d}" for p in (anchor.month, anchor.day) if p is not None]
        return "-".join(parts), "metadata"

    text = article.text
    body_start = article.body.start if article.body else 0
    header_end = min(len(text), body_start + _HEADER_LIMIT)

    # 1. an explicit stamp near the top
    for m in _STAMP.finditer(text, 0, header_end):
        found = _best(_dates_in(text[m.end() : m.end() + 80]))
        if found:
            return found, "text"

    # 2. a full date in the lines above the body, or in the byline zone just below the headline
    title_end = article.title_span.end if article.title_span else 0
    zone_end = body_start if body_start > title_end else min(len(text), title_end + 200)
    for line in text[:zone_end].splitlines():
        found = _best(_dates_in(line))
        if found:
            return found, "text"

    copyright_year = _copyright_year(article)

    # 3. the dateline, completed with the copyright year when it has none
    if article.dateline:
        values = _dates_in(text[article.dateline.start : article.dateline.end])
        found = _best(values)
        if found:
            return found, "text"
        for v in values:
            md = _MONTH_DAY.match(v)
            if md and copyright_year:
                candidate = f"{copyright_year:04d}-{md.group(1)}-{md.group(2)}"
                if parse_iso(candidate):
                    return candidate, "text"

    # 4. the copyright year alone
    if copyright_year:
        return f"{copyright_year:04d}", "text"
    return None, None
