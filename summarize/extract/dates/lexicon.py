"""The vocabulary of temporal expressions, read from `summarize/data/<language>/timex_*.json`.

Each file is validated by a pydantic model when loaded; a new language is a new data folder with
the same four files (the grammar that strings the words together lives in `grammar.py`).
"""

from __future__ import annotations

from functools import cache

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from summarize.resources import load_validated


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _lowercase_keys(value: dict[str, object]) -> dict[str, object]:
    # Lookups lower-case the text's words, so an entry written with capitals could never match.
    bad = [k for k in value if k != k.lower()]
    if bad:
        raise ValueError(f"keys must be lower case: {', '.join(bad)}")
    return value


class Calendar(_Data):
    months: dict[str, int] = Field(description="full month name -> 1..12")
    month_abbreviations: dict[str, int]
    ambiguous_months: list[str] = Field(description="month names that are also common words")
    weekdays: dict[str, int] = Field(description="weekday name -> ISO weekday 1..7")
    weekday_abbreviations: dict[str, int]
    seasons: dict[str, str] = Field(description="season name -> TIMEX3 code (SP, SU, FA, WI)")
    ambiguous_seasons: list[str]
    parts_of_day: dict[str, str] = Field(description="part of day -> TIMEX3 code (MO, AF, EV, NI)")
    holidays: dict[str, str] = Field(description="holiday name -> MM-DD")
    utc_zones: list[str]
    other_zones: list[str]

    @field_validator("months", "month_abbreviations", "weekdays", "weekday_abbreviations", "seasons", "holidays")
    @classmethod
    def _keys(cls, value: dict[str, object]) -> dict[str, object]:
        return _lowercase_keys(value)

    @model_validator(mode="after")
    def _ranges(self) -> Calendar:
        for name, month in {**self.months, **self.month_abbreviations}.items():
            if not 1 <= month <= 12:
                raise ValueError(f"month {name!r} maps to {month}, not 1..12")
        for name, day in {**self.weekdays, **self.weekday_abbreviations}.items():
            if not 1 <= day <= 7:
                raise ValueError(f"weekday {name!r} maps to {day}, not 1..7")
        for name, code in self.seasons.items():
            if code not in {"SP", "SU", "FA", "WI"}:
                raise ValueError(f"season {name!r} has code {code!r}; allowed: SP, SU, FA, WI")
        for name, md in self.holidays.items():
            month, _, day = md.partition("-")
            if not (month.isdigit() and day.isdigit() and 1 <= int(month) <= 12 and 1 <= int(day) <= 31):
                raise ValueError(f"holiday {name!r} has date {md!r}; expected MM-DD")
        return self


class Numbers(_Data):
    cardinals: dict[str, int]
    ordinals: dict[str, int]
    last_ordinals: list[str]
    vague: list[str]
    half: list[str]

    @field_validator("cardinals", "ordinals")
    @classmethod
    def _keys(cls, value: dict[str, object]) -> dict[str, object]:
        return _lowercase_keys(value)


class Unit(_Data):
    plural: str
    code: str = Field(pattern=r"^[SMHDWQY]$", description="TIMEX3 duration letter")
    time: bool = Field(default=False, description="a clock unit (written after 'T' in a duration)")
    factor: int = Field(default=1, ge=1, description="how many `code` units one of these is")
    vague_code: str | None = Field(default=None, description="letter(s) for an unquantified plural")


class Units(_Data):
    units: dict[str, Unit]
    unit_fillers: list[str] = Field(description="words allowed between a number and its unit")

    @field_validator("units")
    @classmethod
    def _keys(cls, value: dict[str, object]) -> dict[str, object]:
        return _lowercase_keys(value)


class Words(_Data):
    reference_words: dict[str, str]
    relative_days: dict[str, int]
    night_words: list[str]
    shift_words: dict[str, int]
    approximators: list[str]
    boundaries: dict[str, str]
    fuzzy_edges: dict[str, str]
    sets: dict[str, str]
    future_cues: list[str]
    past_cues: list[str]
    year_blockers: list[str]
    year_preposition_words: list[str]
    month_cue_words: list[str]
    anaphora_heads: dict[str, str]
    anaphora_determiners: list[str]
    day_ordinal_cues: list[str] = Field(description="words before 'the 3rd' that make it a day of the month")
    day_ordinal_followers: list[str] = Field(
        description="words that may follow 'the 3rd' when it is a day of the month (not 'the 3rd round')"
    )

    @field_validator("reference_words")
    @classmethod
    def _refs(cls, value: dict[str, str]) -> dict[str, str]:
        allowed = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}
        for word, ref in value.items():
            if ref not in allowed:
                raise ValueError(f"{word!r} maps to {ref!r}; allowed: {', '.join(sorted(allowed))}")
        return value


class Lexicon(_Data):
    language: str
    calendar: Calendar
    numbers: Numbers
    units: Units
    words: Words

    def month_number(self, name: str) -> int | None:
        key = name.lower().rstrip(".")
        return self.calendar.months.get(key) or self.calendar.month_abbreviations.get(key)

    def weekday_number(self, name: str) -> int | None:
        key = name.lower().rstrip(".")
        return self.calendar.weekdays.get(key) or self.calendar.weekday_abbreviations.get(key)

    def unit(self, word: str) -> tuple[str, Unit] | None:
        """The unit a singular or plural unit word names, with its singular form."""
        key = word.lower()
        if key in self.units.units:
            return key, self.units.units[key]
        for name, unit in self.units.units.items():
            if unit.plural == key:
                return name, unit
        return None


@cache
def load_lexicon(language: str = "en") -> Lexicon:
    """The validated vocabulary for a language (cached)."""
    return Lexicon(
        language=language,
        calendar=load_validated("timex_calendar.json", Calendar, language),
        numbers=load_validated("timex_numbers.json", Numbers, language),
        units=load_validated("timex_units.json", Units, language),
        words=load_validated("timex_words.json", Words, language),
    )
