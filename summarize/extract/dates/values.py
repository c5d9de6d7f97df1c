"""Calendar arithmetic and TIMEX3 value strings, independent of any language."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property, lru_cache
from typing import Literal

Tense = Literal["past", "future"] | None

_VALUE_HEAD = re.compile(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?")
_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?\s*$")


@dataclass(frozen=True)
class Anchor:
    """A point on the calendar known to year, month or day precision (or not at all)."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @cached_property
    def full(self) -> bool:
        return self.year is not None and self.month is not None and self.day is not None

    def as_date(self) -> date | None:
        return self._date

    @cached_property
    def _date(self) -> date | None:
        if not self.full:
            return None
        try:
            return date(self.year, self.month, self.day)  # type: ignore[arg-type]
        except ValueError:
            return None

    @classmethod
    def of(cls, d: date) -> Anchor:
        return cls(d.year, d.month, d.day)


@lru_cache(maxsize=256)
def parse_iso(value: str | None) -> Anchor | None:
    """An Anchor from 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (a time part is ignored); None if not a date."""
    if not value:
        return None
    m = _ISO.match(value)
    if not m:
        return None
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    if month is not None and not 1 <= month <= 12:
        return None
    anchor = Anchor(year, month, day)
    if day is not None and anchor.as_date() is None:
        return None
    return anchor


@lru_cache(maxsize=4096)
def anchor_of_value(value: str) -> Anchor | None:
    """The calendar point a DATE/TIME value names, when it names one (not for XXXX or *_REF)."""
    m = _VALUE_HEAD.match(value)
    if not m:
        return None
    rest = value[m.end() :]
    if rest and not rest.startswith("T"):
        return Anchor(int(m.group(1)))
    return Anchor(int(m.group(1)), int(m.group(2)) if m.group(2) else None, int(m.group(3)) if m.group(3) else None)


# Values are written often: numbers of one or two digits are read from a table, four-digit years
# are their own str(), and a whole date is formatted by the datetime module in C.
_TWO = tuple(f"{i:02d}" for i in range(100))


def _two(n: int) -> str:
    return _TWO[n] if 0 <= n < 100 else f"{n:02d}"


def _four(n: int) -> str:
    return str(n) if 1000 <= n <= 9999 else f"{n:04d}"


def fmt_date(year: int | None, month: int | None = None, day: int | None = None) -> str:
    """'2009-02-16', '2009-02', '2009', 'XXXX-02-16' ..."""
    out = _four(year) if year is not None else "XXXX"
    if month is None:
        return out if day is None else f"{out}-XX-{_two(day)}"
    if day is None:
        return f"{out}-{_two(month)}"
    return f"{out}-{_two(month)}-{_two(day)}"


# date.isoformat itself, so that a datetime given is written as its date
fmt_day = date.isoformat


def fmt_week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def closest_year(month: int, day: int | None, anchor: Anchor, tense: Tense | Callable[[], Tense]) -> int | None:
    """The year that puts month(/day) nearest the anchor, leaning the way the tense points.

    `tense` may be a function, called only when the lean changes the answer: for most dates,
    those within a few months of the anchor, the nearest year wins whatever the tense.
    """
    if anchor.year is None:
        return None
    if anchor.month is None:
        return anchor.year
    untensed, past, future = _closest_years(month, day, anchor.year, anchor.month, anchor.day)
    if callable(tense):
        if past == future == untensed:
            return past
        tense = tense()
    return past if tense == "past" else future if tense == "future" else untensed


@lru_cache(maxsize=4096)
def _closest_years(month: int, day: int | None, year0: int, month0: int, day0: int | None) -> tuple[int, int, int]:
    """The nearest year with no tense, in the past and in the future (see `closest_year`)."""
    ref_day = day0 or 15
    best: list[tuple[float, int] | None] = [None, None, None]
    for year in (year0 - 1, year0, year0 + 1):
        # distance in months, day fractions breaking ties; a year the wrong way costs 5 more
        dist = (year - year0) * 12 + (month - month0) + ((day or 15) - ref_day) / 31
        cost = abs(dist)
        costs = (cost, cost + 5 if dist > 0.5 else cost, cost + 5 if dist < -0.5 else cost)
        for i, c in enumerate(costs):
            found = best[i]
            if found is None or c < found[0]:
                best[i] = (c, year)
    return tuple(b[1] for b in best)  # type: ignore[return-value,index]


def closest_weekday(weekday: int, ref: date, tense: Tense, direction: int | None = None) -> date:
    """The date of an ISO weekday near ref: forced direction (-1, 0, +1) or picked by tense and distance."""
    delta = weekday - ref.isoweekday()
    if direction == -1:
        return ref + timedelta(days=delta - 7 if delta >= 0 else delta)
    if direction == 1:
        return ref + timedelta(days=delta + 7 if delta <= 0 else delta)
    if delta == 0:
        return ref
    back = delta - 7 if delta > 0 else delta
    ahead = back + 7
    cost_back, cost_ahead = abs(back), abs(ahead)
    if tense == "future":
        cost_back += 7
    elif tense == "past":
        cost_ahead += 7
    else:
        cost_ahead += 0.5  # news mostly reports what happened
    return ref + timedelta(days=back if cost_back <= cost_ahead else ahead)


def fmt_number(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def duration(amount: float | None, code: str, time: bool = False) -> str:
    """'P3D', 'PT30M', 'P2.5Y', 'PXY' (amount None: unknown)."""
    n = "X" if amount is None else fmt_number(amount)
    return f"PT{n}{code}" if time else f"P{n}{code}"


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1
