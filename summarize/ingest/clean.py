"""Cleaning: headline, dateline and page furniture found as spans over the view.

Nothing is rewritten: furniture is blanked in the view (same length as the text) and listed,
so every later offset still points into the text as read.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from summarize.models import Span
from summarize.resources import load_validated

# Lines of prose after a tail marker mean the article goes on (a mid-article "Related:" box).
_PROSE_WORDS = 25
_HEADLINE_MAX_WORDS = 30
_TERMINAL = re.compile(r"[.!?…][\"'’”)\]]*$")
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# "OSLO, March 4 - ", "NAIROBI, Kenya, March 2, 2023 -- ", "LONDON (Reuters) - ", "GENEVA, Feb 13 (AFP) - "
_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Z.'’\- ]{1,40}?(?:,[ \t]*[A-Z][A-Za-z.]+(?:[ \t][A-Z][A-Za-z.]+)?){0,2})"
    rf"(?:,?[ \t]+(?P<date>{_MONTHS}[ \t]+\d{{1,2}}(?:,?[ \t]+\d{{4}})?|\d{{1,2}}[ \t]+{_MONTHS}(?:[ \t]+\d{{4}})?))?"
    r"(?:[ \t]*\((?P<agency>[A-Za-z][A-Za-z .&-]{0,30})\))?"
    r"[ \t]*(?:-{1,2}|—|–)[ \t]+",
)


class FurnitureRules(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")

    line_patterns: list[str]
    tail_markers: list[str]
    end_markers: list[str]
    dated_headline: str
    date_line: str


class _Compiled(BaseModel):
    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    lines: re.Pattern[str]
    tail: re.Pattern[str]
    end: re.Pattern[str]
    dated: re.Pattern[str]
    date_line: re.Pattern[str]


@lru_cache(maxsize=4)
def _rules(language: str = "en") -> _Compiled:
    rules = load_validated("furniture.json", FurnitureRules, language)
    return _Compiled(
        lines=re.compile("|".join(f"(?:{p})" for p in rules.line_patterns), re.I),
        tail=re.compile("|".join(f"(?:{p})" for p in rules.tail_markers), re.I),
        end=re.compile("|".join(f"(?:{p})" for p in rules.end_markers), re.I),
        dated=re.compile(rules.dated_headline, re.I),
        date_line=re.compile(rules.date_line, re.I),
    )


class Cleaned(BaseModel):
    model_config = ConfigDict(frozen=True)

    title_span: Span | None
    dateline: Span | None
    furniture: list[Span]


class _Line(BaseModel):
    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    norm: str

    @property
    def words(self) -> int:
        return len(self.norm.split())


def _lines(view: str) -> list[_Line]:
    out = []
    pos = 0
    for raw in view.split("\n"):
        end = pos + len(raw)
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            out.append(_Line(start=pos + lead, end=pos + lead + len(stripped), norm=" ".join(stripped.split())))
        pos = end + 1
    return out


def _is_prose(line: _Line) -> bool:
    return line.words >= _PROSE_WORDS and bool(_TERMINAL.search(line.norm))


def find_furniture(view: str, language: str = "en") -> list[Span]:
    """Spans of page-furniture lines in the view."""
    rules = _rules(language)
    lines = _lines(view)
    marked: dict[int, str] = {}
    for i, line in enumerate(lines):
        if rules.lines.fullmatch(line.norm):
            marked[i] = "furniture"
            # The name under a lone "By" line is a byline.
            if line.norm.lower() == "by" and i + 1 < len(lines) and lines[i + 1].words <= 5:
                marked[i + 1] = "byline"
        elif rules.date_line.fullmatch(line.norm):
            marked[i] = "date-line"
    # Lists of other headlines, each ending in a date: two in a row, or one bulleted.
    for i, line in enumerate(lines):
        if i in marked or not rules.dated.fullmatch(line.norm):
            continue
        bulleted = line.norm[:1] in "-*•–"
        neighbour = any(0 <= j < len(lines) and rules.dated.fullmatch(lines[j].norm) for j in (i - 1, i + 1))
        if bulleted or neighbour:
            marked[i] = "related-headline"
    # From an end marker ("ENDS", "###", a copyright line) in the second half of the page to
    # the end; from a softer tail marker ("Where next?", "Related stories") when no prose follows.
    for i, line in enumerate(lines):
        if i == 0:
            continue
        hard = rules.end.fullmatch(line.norm) is not None and line.start >= len(view) // 2
        if hard or rules.tail.fullmatch(line.norm):
            if hard or not any(_is_prose(rest) for rest in lines[i + 1 :]):
                for j in range(i, len(lines)):
                    marked.setdefault(j, "tail")
            break
    spans = [Span(start=lines[i].start, end=lines[i].end, label=label) for i, label in sorted(marked.items())]
    return spans


def find_headline(view: str, title_hint: str | None = None) -> Span | None:
    """The headline: the first line when it reads as one (short, no closing full stop)."""
    lines = _lines(view)
    if len(lines) < 2:
        return None
    first = lines[0]
    if title_hint and _same(first.norm, title_hint):
        return Span(start=first.start, end=first.end, label="headline")
    if first.words > _HEADLINE_MAX_WORDS or _DATELINE.match(first.norm):
        return None
    followed_by_blank = view[first.end : lines[1].start].count("\n") >= 2
    ends_like_sentence = bool(re.search(r"[.!][\"'’”]*$", first.norm))
    shouting = first.norm.upper() == first.norm and any(c.isalpha() for c in first.norm)
    if shouting or not ends_like_sentence:
        return Span(start=first.start, end=first.end, label="headline")
    if followed_by_blank and first.words <= 15 and first.norm.endswith("?"):
        return Span(start=first.start, end=first.end, label="headline")
    return None


def _same(a: str, b: str) -> bool:
    def norm(s: str) -> str:
        return re.sub(r"\W+", " ", s).strip().casefold()

    return norm(a) == norm(b)


def find_dateline(view: str, after: int) -> Span | None:
    """A wire dateline ("OSLO, March 4 -") opening the first paragraph after `after`."""
    rest = view[after:]
    lead = len(rest) - len(rest.lstrip())
    m = _DATELINE.match(rest[lead:])
    if not m:
        return None
    place = m.group("place").strip()
    # The place must be shouted ("OSLO"), or the line must carry a date or an agency.
    if not (place.split(",")[0].upper() == place.split(",")[0] or m.group("date") or m.group("agency")):
        return None
    start = after + lead
    return Span(start=start, end=start + m.end(), label="dateline")


def clean(view: str, title_hint: str | None = None, language: str = "en") -> Cleaned:
    """Find the headline, the dateline and the furniture of an article view."""
    furniture = find_furniture(view, language)
    blanked = list(view)
    for span in furniture:
        for i in range(span.start, span.end):
            blanked[i] = " "
    view_wo = "".join(blanked)
    title = find_headline(view_wo, title_hint)
    dateline = find_dateline(view_wo, title.end if title else 0)
    return Cleaned(title_span=title, dateline=dateline, furniture=furniture)
