"""Place names: countries, regions and cities found in text and mapped to ISO 3166-1 alpha-2 codes.

Countries come from pycountry (common, short and official names) plus `place_aliases.json`;
cities from `cities.json` (a GeoNames extract) plus the alias file's overrides. Lookup is by
word tuples starting at capitalised words, longest match first, so "the Republic of Korea"
wins over "Korea" and "West Berlin" over "Berlin".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import pycountry
from pydantic import BaseModel, ConfigDict, Field

from summarize.resources import load_validated

PlaceKind = Literal["country", "city", "region"]

# Initialisms ("U.S.", "D.C.") first, then words with inner apostrophes or hyphens.
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_POSSESSIVE = re.compile(r"['’]s$")
# A word that may open a name (initialisms included), and the next word after whitespace only.
_CAPITALISED = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_a-z][^\W\d_]*(?:['’\-][^\W\d_]+)*")
_LETTER = re.compile(r"[^\W\d_]")
_NEXT_TOKEN = re.compile(r"\s*((?:[A-Z]\.){2,}|[^\W\d_]+(?:['’\-][^\W\d_]+)*)")
_MAX_WORDS = 6


class _Region(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    continent: str | None = None
    country: str | None = Field(default=None, min_length=2, max_length=2)


class _Aliases(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    about: str = Field(default="", alias="_about")
    countries: dict[str, list[str]]
    cities: dict[str, str]
    regions: dict[str, _Region]
    demonyms: dict[str, str]
    not_places: list[str]
    definite: list[str]


class _Cities(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str = Field(default="", alias="_source")
    cities: dict[str, str]
    capitals: dict[str, str]
    continents: dict[str, list[str]]


@dataclass(frozen=True, slots=True)
class Place:
    """A known place: its canonical name, kind and country (None for a continent-sized region)."""

    name: str
    kind: PlaceKind
    country: str | None
    continent: str | None = None


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place as written at [start, end) of a text."""

    start: int
    end: int
    text: str
    place: Place
    possessive: bool = False


def _opens_token(text: str, at: int, start: int) -> bool:
    """Whether a word starts at ``at`` rather than inside a longer one (text before ``start`` unseen)."""
    if at <= start:
        return True
    if _LETTER.match(text, at - 1):
        return False
    return not (text[at - 1] in "'’-" and at - 2 >= start and _LETTER.match(text, at - 2))


def _fold(s: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))


def _key(name: str) -> tuple[str, ...]:
    return tuple(m.group(0) for m in _TOKEN.finditer(name))


class Gazetteer:
    """Word-tuple index of every known place name."""

    def __init__(self) -> None:
        aliases = load_validated("place_aliases.json", _Aliases)
        cities = load_validated("cities.json", _Cities)
        self._continent_of = {cc: cont for cont, codes in cities.continents.items() for cc in codes}
        self._capitals = dict(cities.capitals)
        self._demonyms = dict(aliases.demonyms)
        self._definite = {_key(n) for n in aliases.definite}
        self._definite_names: dict[str, bool] = {}
        self._index: dict[tuple[str, ...], Place] = {}
        self._first: dict[str, int] = {}
        self._country_names: dict[str, str] = {}
        blocked = {_key(n) for n in aliases.not_places}

        # Cities first, so that a country of the same name ("Singapore", "Luxembourg") overrides.
        for name, cc in cities.cities.items():
            if _key(name) not in blocked:
                self._add(name, Place(name, "city", cc, self._continent_of.get(cc)))
        for name, cc in aliases.cities.items():
            self._add(name, Place(name, "city", cc, self._continent_of.get(cc)), force=True)
        for name, region in aliases.regions.items():
            bare = name[4:] if name.startswith("the ") else name
            if name.startswith("the "):
                self._definite.add(_key(bare))
            continent = region.continent or (self._continent_of.get(region.country) if region.country else None)
            self._add(bare, Place(bare, "region", region.country, continent), force=True)
        for country in pycountry.countries:
            cc = country.alpha_2
            names = [getattr(country, "common_name", None), getattr(country, "official_name", None)]
            names.append(country.name if "," not in country.name else None)
            canonical = next(n for n in [*names, country.name] if n)
            self._country_names[cc] = canonical
            for n in names:
                if n:
                    self._add_country(n, cc, canonical)
        for cc, names in aliases.countries.items():
            canonical = self._country_names.get(cc, names[0])
            self._country_names.setdefault(cc, canonical)
            for n in names:
                self._add_country(n, cc, canonical)

    def _add_country(self, name: str, cc: str, canonical: str) -> None:
        if name.startswith("the "):
            name = name[4:]
            self._definite.add(_key(name))
        self._add(name, Place(canonical, "country", cc, self._continent_of.get(cc)), force=True)

    def _add(self, name: str, place: Place, force: bool = False) -> None:
        key = _key(name)
        if not key or len(key) > _MAX_WORDS:
            return
        for k in {key, _key(_fold(name))}:
            if force or k not in self._index:
                self._index[k] = place
                # First words (as written and in capitals) with the longest name they open.
                for first in (k[0], k[0].upper()):
                    self._first[first] = max(self._first.get(first, 0), len(k))

    def lookup(self, name: str) -> Place | None:
        """The place a name denotes, or None."""
        key = _key(name[4:] if name.lower().startswith("the ") else name)
        return self._index.get(key) or self._index.get(_key(_fold(name)))

    def country_name(self, cc: str) -> str | None:
        return self._country_names.get(cc)

    def continent(self, cc: str | None) -> str | None:
        return self._continent_of.get(cc) if cc else None

    def capital(self, cc: str) -> Place | None:
        name = self._capitals.get(cc)
        return Place(name, "city", cc, self._continent_of.get(cc)) if name else None

    def demonym(self, word: str) -> str | None:
        """ISO code for a nationality adjective ("Kenyan" -> "KE")."""
        return self._demonyms.get(word)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[PlaceMention]:
        """Every place named in text[start:end], longest match first, in document order."""
        end = len(text) if end is None else end
        found: list[PlaceMention] = []
        first = self._first
        pos = start
        # Only a capitalised word opens a name, so the scan jumps from one to the next; the words
        # after it are read only when it opens a known name.
        while True:
            m = _CAPITALISED.search(text, pos, end)
            if m is None:
                return found
            s, word = m.start(), m.group(0)
            pos = m.end()
            longest = first.get(word)
            if longest is None and word.endswith(("'s", "’s")):
                longest = first.get(word[:-2])
            if not longest or not word[:1].isupper():
                continue
            if not _opens_token(text, s, start):
                pos = s + 1  # inside a longer word ("iPhone", "o'Neill")
                continue
            tokens = [(s, pos, word)]
            while len(tokens) < longest:
                nxt = _NEXT_TOKEN.match(text, tokens[-1][1], end)
                if nxt is None:
                    break
                tokens.append((nxt.start(1), nxt.end(1), nxt.group(1)))
            mention = self._match_at(text, tokens, 0)
            if mention is not None:
                found.append(mention[0])
                pos = tokens[mention[1] - 1][1]

    def _match_at(self, text: str, tokens: list[tuple[int, int, str]], i: int) -> tuple[PlaceMention, int] | None:
        # Words of one name are separated by whitespace only (a line break is fine in wrapped wires).
        last = i
        while (
            last + 1 < len(tokens)
            and last - i + 1 < self._first.get(tokens[i][2], self._first.get(_POSSESSIVE.sub("", tokens[i][2]), 1))
            and not text[tokens[last][1] : tokens[last + 1][0]].strip()
        ):
            last += 1
        for j in range(last, i - 1, -1):
            words = [t[2] for t in tokens[i : j + 1]]
            possessive = bool(_POSSESSIVE.search(words[-1]))
            variants = [words]
            if possessive:
                variants.append([*words[:-1], _POSSESSIVE.sub("", words[-1])])
            for variant in variants:
                place = self._get(tuple(variant))
                if place is None:
                    continue
                s, e = tokens[i][0], tokens[j][1]
                if variant is not words:
                    e -= 2
                if tuple(variant) in self._definite or self._is_definite(place.name):
                    before = text[max(0, s - 4) : s]
                    if before in ("the ", "The "):
                        s -= 4
                return PlaceMention(s, e, text[s:e], place, possessive=variant is not words), j + 1
        return None

    def _is_definite(self, name: str) -> bool:
        known = self._definite_names.get(name)
        if known is None:
            known = self._definite_names[name] = _key(name) in self._definite
        return known

    def _get(self, key: tuple[str, ...]) -> Place | None:
        place = self._index.get(key)
        if place is None and all(w.isupper() and len(w) > 1 for w in key if w[:1].isalpha()):
            # Headlines and wire datelines are often in capitals: "ROME", "WEST BERLIN".
            place = self._index.get(tuple(w.title() if "." not in w else w for w in key))
        return place


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shared gazetteer (built once)."""
    return Gazetteer()


def find_places(text: str, start: int = 0, end: int | None = None) -> list[PlaceMention]:
    """Every known place named in text[start:end], in document order."""
    return gazetteer().find(text, start, end)
