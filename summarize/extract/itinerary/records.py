"""Working records of the itinerary rules: dates as written, triggers, candidate stops."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from summarize.extract.itinerary.rules import TriggerKind

StopKind = Literal["country", "city", "region", "other"]


@dataclass(slots=True)
class When:
    """A date or date range as written, with ISO ends (None where the text does not fix them)."""

    start: int
    end: int
    first: str | None
    last: str | None
    offset_days: int | None = None  # "the next day" (1), "the same day" (0): relative to the previous stop
    from_first: bool = False  # the offset counts from the previous stop's first day ("the first day of that leg")


@dataclass(slots=True)
class Found:
    """A place-like span found after a trigger; start < 0 marks a span to step over."""

    start: int
    end: int
    text: str = ""
    country: str | None = None
    kind: StopKind = "other"
    continent: str | None = None
    consumed: list[int] = field(default_factory=list)
    tail: int = 0


@dataclass(slots=True)
class Trigger:
    start: int
    end: int
    kind: TriggerKind
    name: str
    past: bool
    object: bool
    preps: frozenset[str]
    reach: int = 3


@dataclass(slots=True)
class Cand:
    """A candidate stop: one mention of a place governed by a trigger, with what was learnt about it."""

    place: str
    country: str | None
    kind: StopKind
    continent: str | None
    start: int
    end: int
    sentence: int
    trigger: Trigger | None
    weak: bool = False
    when: When | None = None
    traveler: str | None = None
    status: Literal["planned", "past"] = "planned"
    rule: str = ""
    event: str | None = None
    group: int = -1
    days: int | None = None
    pre: When | None = None
    days_span: tuple[int, int] | None = None
    tail: int = 0  # end of the place with its qualifier (", Romania", " in Poland")
    extra: list[int] = field(default_factory=list)
