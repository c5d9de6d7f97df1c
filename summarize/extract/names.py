"""Organisation and person names, found by rules over capitalised spans.

A name is a run of capitalised words, possibly joined by a few lower-case connectors
("Bank of England", "Human Rights in China", "Carnegie Endowment for International Peace",
"Committee to Protect Journalists", "Charles de Gaulle"). Each run is then:

- split at a person title ("French Prime Minister Jean Roe" gives the person "Jean Roe" with
  the title "French Prime Minister"; "Green Party Co-Leader Jo Bloggs" also gives the
  organisation "Green Party");
- classified as an organisation (a cue word from ``org_cues.json`` such as Council, Watch,
  International, Rights, or an acronym such as "UNHCR"), a person (a title, a known given
  name, a role noun before it such as "actress Jane Roe", or an earlier full name it repeats:
  "Roe" after "Jane Roe"), or left unclassified (``kind is None``: places, events, works...).

An acronym in parentheses after a name, "Refugee Agency (URA)", becomes an alias of that name,
and later bare mentions of the acronym take the full name as ``canonical``.

Public API (all offsets are character offsets into the string passed in, which is meant to
be ``Article.view``; names never cross a blank line):

    NameSpan                                     one name: start, end, text, kind, canonical, ...
    find_names(view, start=0, end=None)          every name span (classified or not), in order
    find_organizations(view, start=0, end=None)  the organisation spans
    find_people(view, start=0, end=None)         the person spans (role-only titles included,
                                                 e.g. "the Archbishop of Canterbury": ``role``)
    classify_name(text)                          "organization", "person" or None for one string
    resolve_person(view, offset, pronoun=False)  the nearest person named before an offset

Results for a given view are computed once and cached, so calling these per sentence is cheap.
Word lists live in ``summarize/data/en/``: ``org_cues.json``, ``person_titles.json``,
``name_words.json``, ``given_names.txt``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise
from typing import Literal

from pydantic import BaseModel, ConfigDict

from summarize.resources import load_lines, load_validated

NameKind = Literal["organization", "person"]
Basis = Literal["cue", "acronym", "title", "given_name", "role_noun", "earlier_name", "shape", "none"]

__all__ = [
    "NameKind",
    "NameSpan",
    "classify_name",
    "find_names",
    "find_organizations",
    "find_people",
    "resolve_person",
]


@dataclass(frozen=True)
class NameSpan:
    """A name in the text.

    ``start``/``end`` delimit ``text`` (the name itself, titles excluded); ``title`` is a title
    written just before it ("Secretary of State") and ``title_start`` where that begins.
    ``kind`` is None for a capitalised span that is neither an organisation nor a person.
    ``canonical`` is the fullest form of the name in the document ("Jane Roe" for a later
    "Roe", the long name for its acronym); ``aliases`` holds an acronym given in parentheses.
    ``role`` marks a title used as a name ("the Archbishop of York"). ``basis`` says which
    rule decided the kind, so callers can demand stronger evidence where they need it.
    """

    start: int
    end: int
    text: str
    kind: NameKind | None
    canonical: str
    basis: Basis = "none"
    title: str | None = None
    title_start: int | None = None
    aliases: tuple[str, ...] = ()
    role: bool = False
    possessive: bool = False


_new = object.__new__


def _span(
    start: int, end: int, text: str, kind: NameKind | None, canonical: str, basis: Basis, possessive: bool
) -> NameSpan:
    """A plain NameSpan (no title, aliases or role), built without the frozen dataclass's
    field-by-field ``__init__``: most spans of an article are of this kind, and this is a
    fraction of the cost."""
    sp = _new(NameSpan)
    sp.__dict__.update(
        start=start,
        end=end,
        text=text,
        kind=kind,
        canonical=canonical,
        basis=basis,
        title=None,
        title_start=None,
        aliases=(),
        role=False,
        possessive=possessive,
    )
    return sp


# --- word lists -----------------------------------------------------------------------------


class _OrgCues(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)
    heads: list[str]
    cues: list[str]
    joins_in: list[str]
    joins_to: list[str]
    joins_on: list[str]
    role_nouns: list[str]
    acronym_not_org: list[str]
    not_orgs: list[str]
    known: list[str] = []
    heads_other_languages: list[str] = []
    domain_words: list[str] = []


class _Titles(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)
    honorifics: list[str]
    title_heads: list[str]
    keep_as_name: list[str]


class _NameWords(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)
    not_names: list[str]
    connectors: list[str]
    particles: list[str]
    role_nouns: list[str]
    qualifiers: list[str]
    place_words: list[str]
    joins_of: list[str]
    joins_after_cue: list[str] = []
    articles: list[str] = []
    elisions: list[str] = []


@dataclass(frozen=True)
class _Lexicon:
    heads: frozenset[str]
    foreign_heads: frozenset[str]
    domain_words: frozenset[str]
    english: frozenset[str]
    cues: frozenset[str]
    joins_in: frozenset[str]
    joins_to: frozenset[str]
    joins_on: frozenset[str]
    org_roles: frozenset[str]
    not_org_acronyms: frozenset[str]
    not_orgs: frozenset[str]
    known_orgs: frozenset[str]  # whole names, as written
    known_openings: frozenset[str]  # their first words, two or more, joined by spaces
    honorifics: frozenset[str]
    title_heads: frozenset[str]
    not_names: frozenset[str]
    splitters: frozenset[str]
    connectors: frozenset[str]
    particles: frozenset[str]
    person_roles: frozenset[str]
    qualifiers: frozenset[str]
    place_words: frozenset[str]
    joins_of: frozenset[str]
    joins_after_cue: frozenset[str]
    articles: frozenset[str]
    elisions: frozenset[str]
    given: frozenset[str]
    places: frozenset[str]


_SPLITTERS = [
    *("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    *("January", "February", "March", "April", "June", "July", "August", "September", "October"),
    *("November", "December"),
]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    org = load_validated("org_cues.json", _OrgCues)
    titles = load_validated("person_titles.json", _Titles)
    words = load_validated("name_words.json", _NameWords)
    given = frozenset(w for line in load_lines("given_names.txt") for w in line.split())
    return _Lexicon(
        heads=frozenset(org.heads) | frozenset(org.heads_other_languages),
        foreign_heads=frozenset(org.heads_other_languages),
        domain_words=frozenset(org.domain_words),
        english=frozenset(load_lines("stopwords.txt"))
        | frozenset("who whom whose which that said says told wrote signed added joined backed called urged".split()),
        cues=frozenset(org.cues),
        joins_in=frozenset(org.joins_in),
        joins_to=frozenset(org.joins_to),
        joins_on=frozenset(org.joins_on),
        org_roles=frozenset(w.lower() for w in org.role_nouns),
        not_org_acronyms=frozenset(org.acronym_not_org),
        not_orgs=frozenset(org.not_orgs),
        known_orgs=frozenset(org.known),
        known_openings=frozenset(
            " ".join(name.split()[:n]) for name in org.known for n in range(2, len(name.split()) + 1)
        ),
        honorifics=frozenset(titles.honorifics) | frozenset(titles.title_heads),
        title_heads=frozenset(titles.title_heads),
        not_names=frozenset(words.not_names),
        splitters=frozenset(_SPLITTERS),
        connectors=frozenset(words.connectors) | frozenset(e.replace("’", "'") for e in words.elisions),
        particles=frozenset(words.particles),
        person_roles=frozenset(words.role_nouns),
        qualifiers=frozenset(words.qualifiers),
        place_words=frozenset(words.place_words),
        joins_of=frozenset(words.joins_of),
        joins_after_cue=frozenset(words.joins_after_cue),
        articles=frozenset(words.articles),
        elisions=frozenset(w.lower() for w in words.elisions),
        given=given,
        places=_country_names(),
    )


def _country_names() -> frozenset[str]:
    # Country names keep two-word places ("New Zealand") from passing for a person by shape.
    import pycountry

    names: set[str] = set()
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                names.add(value)
    return frozenset(names)


# --- tokens ---------------------------------------------------------------------------------

# Only capitalised words and the connectors that may sit inside a name are tokens: the words
# in between never take part in a name, and skipping them keeps the scan fast.
_UPPER = "".join(chr(c) for c in range(0x3000) if chr(c).isupper())
_POSSESSIVE = ("'s", "’s")
_DOTTED = re.compile(r"^(?:[A-Z]\.){2,}$")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(one capitalised word, the gap allowed between two words of a run, a connector in a gap)."""
    conn = "|".join(sorted((re.escape(c) for c in _lexicon().connectors if c[-1] != "'"), key=len, reverse=True))
    # The capital comes first and the look-behind after it: the regex engine then skips ahead
    # to candidate capitals instead of trying the look-behind at every position of the text.
    # A plural possessive inside a name keeps its apostrophe ("Fishers' Network").
    # An elided article written against the word ("dell'Isonzo", "d'Ivoire") lets it start one.
    elided = "|".join(rf"(?<=\b{re.escape(e[:-1])}['’].)" for e in sorted({e[:-1] for e in _lexicon().elisions}))
    cap = re.compile(
        rf"[{_UPPER}](?:(?<![\w'’.\-].)|{elided})[^\W_]*(?:[-'’.&][^\W_]+)*(?:(?<=s)['’](?=[ \t]+[{_UPPER}]))?\.?"
    )
    gap = re.compile(rf"\s{{1,8}}(?:(?:{conn})\s{{1,8}}){{0,2}}")
    word = re.compile(rf"(?<![\w'’\-])(?:{conn})(?![\w'’\-])")
    return cap, gap, word


# A token: (start, end, text, capitalised, possessive, text without a final full stop).
_Tok = tuple[int, int, str, bool, bool, str]

# The longest gap a run may bridge: two connectors, each with up to eight spaces around it.
_MAX_GAP = 8 * 3 + 2 * 7


def _tokens(view: str) -> list[_Tok]:
    out: list[_Tok] = []
    append = out.append
    abbrevs = _lexicon().honorifics
    cap_re, gap_re, conn_re = _patterns()
    prev_end = -1
    for m in cap_re.finditer(view):
        s, e = m.span()
        if s and view[s - 1] in "'’":
            # "Rete dei Rifugi dell'Alta Valle": the elided article is a connector token of its own.
            k = s - 2
            while k >= 0 and view[k].isalpha():
                k -= 1
            word = view[k + 1 : s]
            if prev_end >= 0 and 1 <= k + 1 - prev_end <= 3 and view[prev_end : k + 1].isspace():
                append((k + 1, s, word.lower().replace("’", "'"), False, False, word.lower().replace("’", "'")))
        # Connectors count only between two capitalised words of one run ("Bank of England"):
        # a gap of at least " x " that opens and closes with a space.
        if (
            2 < s - prev_end <= _MAX_GAP
            and prev_end >= 0
            and view[prev_end] in _SPACE
            and view[s - 1] in _SPACE
            and gap_re.fullmatch(view, prev_end, s)
        ):
            for c in conn_re.finditer(view, prev_end, s):
                word = c.group()
                append((c.start(), c.end(), word, False, False, word))
        prev_end = e
        word = m.group()
        last = word[-1]
        if last != "." and last != "s":
            append((s, e, word, True, False, word))
            continue
        if last == "." and not (len(word) == 2 or (len(word) <= 6 and word[:-1] in abbrevs) or _DOTTED.match(word)):
            word, e = word[:-1], e - 1
        possessive = False
        if len(word) > 2 and word[-2:] in _POSSESSIVE:
            word, e, possessive = word[:-2], e - 2, True
        append((s, e, word, True, possessive, word[:-1] if word[-1] == "." else word))
    return out


_SPACE = frozenset(chr(c) for c in range(0x3001) if chr(c).isspace())  # what \s matches


def _bare(word: str) -> str:
    return word[:-1] if word.endswith(".") else word


def _joinable_gap(view: str, a: _Tok, b: _Tok) -> bool:
    # Names never run across a line end: headlines and list items end without punctuation.
    gap = view[a[1] : b[0]]
    if not gap and a[2][-1:] == "'":
        return True  # an elided article and its word
    if a[4]:
        # "Fishermen's Association", "People's Party": a possessive inside an organisation's name
        lex = _lexicon()
        return b[5] in lex.heads and a[5] not in lex.places and a[5] not in lex.given and gap[2:] == " "
    if not gap.isspace():
        return False
    if "\n" not in gap:
        return len(gap) <= 3
    # Wrapped wire copy breaks lines inside names; a headline or list item ends at its line.
    if gap.count("\n") > 1 or len(gap) > 8 or b[5] in _lexicon().not_names:
        return False
    line_start = view.rfind("\n", 0, a[0]) + 1
    next_end = view.find("\n", b[1])
    return a[1] - line_start >= 45 and (next_end < 0 or next_end - b[0] >= 45) and view[a[1] - 1] not in ".:"


# --- runs of capitalised words --------------------------------------------------------------


def _segments(view: str, toks: list[_Tok]) -> list[list[int]]:
    """Maximal runs of capitalised tokens (indices), leading function words dropped."""
    lex = _lexicon()
    splitters, not_names = lex.splitters, lex.not_names
    segs: list[list[int]] = []
    cur: list[int] = []
    for i, t in enumerate(toks):
        word = t[5]
        if t[3] and word not in splitters and not (not cur and word in not_names):
            # Words more than eight characters apart are never joined: no need to look at the gap.
            if cur and (t[0] - toks[cur[-1]][1] > 8 or not _joinable_gap(view, toks[cur[-1]], t)):
                segs.append(cur)
                cur = []
                if word in not_names:
                    continue
            cur.append(i)
        else:
            if cur:
                segs.append(cur)
                cur = []
    if cur:
        segs.append(cur)
    return segs


def _has_cue(words: list[str]) -> bool:
    lex = _lexicon()
    return any(w in lex.heads or w in lex.cues for w in words)


def _merge(view: str, toks: list[_Tok], segs: list[list[int]]) -> list[list[int]]:
    """Join neighbouring runs across connectors where the left part makes that likely."""
    lex = _lexicon()
    out: list[list[int]] = []
    for seg in segs:
        if out:
            left = out[-1]
            if 2 <= seg[0] - left[-1] <= 3 and all(toks[j][2] in lex.connectors for j in range(left[-1] + 1, seg[0])):
                between = list(range(left[-1] + 1, seg[0]))
                chain = [left[-1], *between, seg[0]]
                if all(_joinable_gap(view, toks[a], toks[b]) for a, b in pairwise(chain)):
                    conn = [toks[j][2] for j in between]
                    left_words, right = [toks[j][5] for j in left], toks[seg[0]][5]
                    right_words = [toks[j][5] for j in seg]
                    if (
                        _connects(conn, left_words, right)
                        or _known_opening(left_words, conn, right)
                        or _shared_head(conn, left_words, right_words)
                        or _and_in_domain(view, toks[left[0]][0], conn, left_words, right_words)
                    ):
                        out[-1] = left + between + seg
                        continue
        out.append(list(seg))
    return out


def _known_opening(left: list[str], conn: list[str], right_first: str) -> bool:
    """Whether the words run on into the name of a known organisation ("Save the Children")."""
    openings = _lexicon().known_openings
    return any(" ".join([*left[i:], *conn, right_first]) in openings for i in range(max(0, len(left) - 3), len(left)))


def _shared_head(conn: list[str], left: list[str], right: list[str]) -> bool:
    """ "Textile and Garment Workers' Alliance": two words sharing one organisation head.

    Only a short run with no organisation word of its own, no place and no person's name joins
    the organisation after "and"; "Oxfam and Save the Children" stay two.
    """
    lex = _lexicon()
    if conn != ["and"] or len(left) > 3 or len(right) < 2 or right[-1] not in lex.heads:
        return False
    if _has_cue(left) or " ".join(left) in lex.places or " ".join(left) in lex.known_orgs:
        return False
    return not any(
        w in lex.given or w in lex.honorifics or w in lex.places or w in lex.not_names or _is_acronym(w) for w in left
    )


_LIST_BEFORE = re.compile(r",\s*(?:the\s+|an?\s+)?$")


def _and_in_domain(view: str, start: int, conn: list[str], left: list[str], right: list[str]) -> bool:
    """ "Institute for Water and Society", "Union of Researchers and Technicians of Argentina".

    After an organisation word and "of"/"for", one or two plain words, "and", and a short run
    with no organisation word of its own (a lone head such as "Society" aside) read as one
    name. Not when the run is an item of a list ("..., the Institute of X and Greenpeace").
    """
    lex = _lexicon()
    if conn != ["and"] or not 1 <= len(right) <= 4:
        return False
    k = max((j for j, w in enumerate(left) if w in ("of", "for") or w in lex.joins_after_cue), default=-1)
    if k < 1 or not _has_cue(left[:k]):
        return False
    tail = left[k + 1 :]
    if not 1 <= len(tail) <= 2 or any(w in lex.places or w in lex.given or w in lex.connectors for w in tail):
        return False
    first = right[0]
    if first in lex.given or first in lex.places or first in lex.not_names or _is_acronym(first):
        return False
    if any(w in lex.cues for w in right) or (len(right) > 1 and any(w in lex.heads for w in right)):
        return False
    if all(w in lex.domain_words or w in lex.connectors for w in right):
        return True  # "Network for Environment and Health", even as an item of a list
    if " ".join(right) in lex.known_orgs or any(w in lex.honorifics for w in right):
        return False
    return _LIST_BEFORE.search(view, max(0, start - 12), start) is None


def _connects(conn: list[str], left: list[str], right_first: str) -> bool:
    lex = _lexicon()
    first, last = conn[0], left[-1]
    if len(conn) == 2 and conn[1] not in lex.articles:
        return False
    if first == "&":
        return len(conn) == 1
    if first in ("of", "for"):
        if first == "of" and last in lex.joins_of:
            return True
        return _has_cue(left) or last in lex.title_heads or last in lex.honorifics
    if first in lex.elisions:
        # "Amici dell'Isonzo", "Giscard d'Estaing"
        return len(conn) == 1 and (_has_cue(left) or len(left) <= 2)
    if first in lex.joins_after_cue and _has_cue(left):
        # "Fundación para la Paz", "Društvo za ...", "Foro de Rectores de Universidades"
        return True
    if first in lex.particles and len(conn) == 1 and len(left) <= 4 and any(w in lex.particles for w in left):
        return True  # "Red de Periodistas del Istmo": a chain of particles goes on
    if first in lex.particles and len(conn) == 2:
        # "Red de Científicas de la Argentina", "Pedro de la Rosa"
        return len(left) <= 3 and right_first not in lex.not_names
    if first == "to":
        return last in lex.joins_to and right_first not in lex.given and right_first not in lex.heads
    if first == "on":
        return last in lex.joins_on
    if first in ("in", "at"):
        return last in lex.joins_in and len(conn) == 1
    if first == "without":
        return len(conn) == 1 and _has_cue(left)
    if first in lex.particles:
        return len(conn) == 1 and not _has_cue(left) and len(left) <= 2
    return False


# --- classification -------------------------------------------------------------------------


def _is_acronym(word: str) -> bool:
    if len(word) < 2 or word[1].islower():
        return False  # the common case, "Okafor", decided without building anything
    letters = word.replace(".", "").replace("&", "")
    digits = sum(c.isdigit() for c in letters)
    return (
        len(letters) >= 2
        and letters.isalnum()
        and letters.upper() == letters
        and len(letters) - digits >= 2 > digits - 1
    )


def _classify(words: list[str]) -> tuple[NameKind | None, Basis]:
    lex = _lexicon()
    content = [w for w in words if w not in lex.connectors]
    if not content:
        return None, "none"
    if _has_cue(content):
        return "organization", "cue"
    if len(content) == 1 and _is_acronym(content[0]):
        if content[0].replace(".", "") in lex.not_org_acronyms or content[0] in lex.not_org_acronyms:
            return None, "none"
        return "organization", "acronym"
    if (
        content[0] in lex.given
        and 2 <= len(content) <= 4
        and all(w[:1].isupper() for w in content)
        and not any(_is_acronym(w) for w in content[1:])
    ):
        return "person", "given_name"
    return None, "none"


def _person_shaped(words: list[str]) -> bool:
    lex = _lexicon()
    return (
        2 <= len(words) <= 3
        and all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words)
        and words[0] not in lex.qualifiers
        and words[0] not in lex.place_words
        and " ".join(words) not in lex.places
        and not any(w in lex.not_names or w in lex.honorifics for w in words)
    )


# What follows a person's name far more often than a place's: a speech verb or an appositive.
_PERSON_CONTEXT = re.compile(
    r"(?:,\s+(?:who|a|an|the|one|chief|head|director|spokesman|spokeswoman)\b"
    r"|\s+(?:said|says|told|wrote|writes|added|argued|noted|explained|asked|warned|insisted)\b)"
)


_PLAIN_WORD = re.compile(r"[^\W_]+(?:[-'’.&][^\W_]+)*\.?|&")


def classify_name(text: str) -> NameKind | None:
    """'organization', 'person' or None for a name string, by its words alone.

    "Human Rights Watch" and "UNHCR" are organisations; "Mr Jo Bloggs", "Jane Roe" (a known
    given name) and "Dana Quill" (two or three capitalised words, no cue) are people; "Japan",
    "Monday" and "Roe" alone are None (a lone surname needs its context: see find_names).
    """
    toks = [_bare(w) for w in _PLAIN_WORD.findall(text)]
    toks = [w[:-2] if len(w) > 2 and w[-2:] in _POSSESSIVE else w for w in toks]
    lex = _lexicon()
    while toks and toks[0] in lex.not_names:
        toks = toks[1:]
    if not toks:
        return None
    if any(w in lex.title_heads for w in toks) and not _has_cue(toks):
        return "person"
    return _classify(toks)[0]


# --- spans ----------------------------------------------------------------------------------


def _title_split(toks: list[_Tok], seg: list[int]) -> tuple[int, int] | None:
    """(title start, name start) positions inside seg when a title precedes a name; None if no title.

    Name start == len(seg) means the run is a title alone ("Archbishop of York").
    """
    lex = _lexicon()
    if len(seg) == 1:
        return (0, 1) if toks[seg[0]][5] in lex.title_heads else None
    words = [toks[j][5] for j in seg]
    for k, w in enumerate(words):
        if w not in lex.title_heads:
            continue
        j = k
        while j > 0 and (
            words[j - 1] in lex.honorifics or words[j - 1] in lex.qualifiers or _DOTTED.match(toks[seg[j - 1]][2])
        ):
            j -= 1
        n = k + 1
        while n < len(words):
            w2 = words[n]
            if w2 in lex.honorifics and w2 not in lex.given:
                n += 1
            elif w2 in ("of", "for") and n + 1 < len(words):
                # "Secretary of State", "Minister of Health": the domain is part of the title,
                # up to a known given name where the personal name starts.
                n += 1
                while n < len(words) and words[n] not in lex.given and words[n] not in lex.connectors:
                    if words[n] in lex.title_heads and n + 1 < len(words) and words[n + 1] in lex.given:
                        break
                    n += 1
            else:
                break
        rest = words[n:]
        if rest and (_has_cue(rest) or rest[0] in lex.connectors):
            continue
        if not rest and _has_cue(words[:j]):
            # "United Nations High Commissioner for Refugees": an office named after its head.
            return None
        return j, n
    return None


def _scan(view: str) -> list[NameSpan]:
    lex = _lexicon()
    toks = _tokens(view)
    runs = _merge(view, toks, _segments(view, toks))
    spans: list[NameSpan] = []
    title_heads = lex.title_heads
    for seg in runs:
        if len(seg) == 1 and toks[seg[0]][5] not in title_heads:
            # One capitalised word and no title: the common case, classified on a short path.
            spans.append(_single(view, toks[seg[0]]))
            continue
        # Trailing connectors or qualifiers never end a name.
        while seg and toks[seg[-1]][2] in lex.connectors:
            seg = seg[:-1]
        if not seg:
            continue
        split = _title_split(toks, seg)
        if split is None:
            spans.extend(_plain(view, toks, seg))
            continue
        j, n = split
        if j > 0:
            spans.extend(_plain(view, toks, seg[:j], only_orgs=True))
        title_start, title_end = toks[seg[j]][0], toks[seg[n - 1]][1]
        title = view[title_start:title_end]
        if n >= len(seg):
            spans.append(
                NameSpan(
                    title_start,
                    title_end,
                    title,
                    "person",
                    " ".join(title.split()),
                    "title",
                    role=True,
                    possessive=toks[seg[-1]][4],
                )
            )
            continue
        s, e = toks[seg[n]][0], toks[seg[-1]][1]
        spans.append(
            NameSpan(
                s,
                e,
                view[s:e],
                "person",
                " ".join(view[s:e].split()),
                "title",
                title,
                title_start,
                possessive=toks[seg[-1]][4],
            )
        )
    if "(" in view:
        spans = _acronym_names(view, spans)
    if _foreign_gate().search(view) or _FOREIGN_LINK.search(view):
        spans = _foreign_names(view, spans)
    return _resolve(view, spans)


@lru_cache(maxsize=1)
def _foreign_gate() -> re.Pattern[str]:
    """Any organisation word of another language, as a whole word: whether the pass below can apply."""
    heads = sorted(_lexicon().foreign_heads, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, heads)) + r")\b")


# "Union des femmes ...", "Institut für ...": an organisation word followed by a preposition of
# another language heads a name in that language.
_FOREIGN_LINK = re.compile(
    r" (?:des|du|de|del|della|dei|degli|delle|der|für|voor|van|za|na|dla|pour|para|per) [^\W\d_]"
)
_SHARED_WORDS = frozenset({"in", "a", "do", "i", "o"})
_ENGLISH_VERBS = frozenset(
    "says warns argues adds notes welcomes calls urges wants claims insists believes represents includes "
    "agrees disagrees accepts rejects plans hopes fears expects supports opposes".split()
)
_NEXT_WORD = re.compile(r" ([^\W\d_][\w'’-]*)")


def _foreign_names(view: str, spans: list[NameSpan]) -> list[NameSpan]:
    """Names headed by an organisation word of another language run on through its lower-case
    words: "Associazione utenti del trasporto ferroviario di Lombardia", "Verein Nachtzug für
    alle". The name ends at punctuation, a line end, an English word or after ten words."""
    lex = _lexicon()
    out: list[NameSpan] = []
    k = 0
    while k < len(spans):
        sp = spans[k]
        k += 1
        if sp.kind == "person" or not (
            set(sp.text.split()) & lex.foreign_heads
            or (sp.kind == "organization" and _FOREIGN_LINK.match(view, sp.end) and len(sp.text.split()) <= 2)
        ):
            out.append(sp)
            continue
        end = sp.end
        last_content = end
        words = len(sp.text.split())
        while words < 10:
            m = _NEXT_WORD.match(view, end)
            if m is None:
                break
            word = m.group(1)
            low = word.lower()
            if low in lex.english:
                # a few words are English and foreign: "in" only before a capital ("in Sachsen")
                after = _NEXT_WORD.match(view, m.end())
                if not (low in _SHARED_WORDS and after is not None and after.group(1)[:1].isupper()):
                    break
            elif word[:1].islower() and (low.endswith("ed") or low in _ENGLISH_VERBS):
                break
            end = m.end()
            words += 1
            if low not in lex.connectors:
                last_content = end
        if last_content > sp.end:
            while k < len(spans) and spans[k].start < last_content:
                k += 1  # names swallowed by the longer one
            text = view[sp.start : last_content]
            sp = _span(sp.start, last_content, text, "organization", " ".join(text.split()), "cue", False)
        out.append(sp)
    return out


_PAREN_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z&.]{2,9})\s*\)")
_ANY_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_NO_NAME = ',;:()"“”.!?\n'


def _acronym_start(acronym: str, words: list[tuple[int, str]]) -> int | None:
    """Where a name spelt out by ``acronym`` starts among ``words`` (the words just before it).

    Letters are matched from the end, each to the nearest word that starts with it; small
    lower-case words and at most two capitalised ones may be passed over ("Cooperative of
    Mountain Guides and Ski Instructors of the Maritime Alps" for CGIMA), any other word ends
    the search. The name starts at the word giving the first letter, which must be capitalised.
    """
    lex = _lexicon()
    letters = acronym.replace(".", "").replace("&", "").upper()
    i = len(letters) - 1
    passed = 0
    for at, word in reversed(words):
        initials = [p[0].upper() for p in word.split("-") if p]
        if len(initials) > 1 and i + 1 >= len(initials) and "".join(initials) == letters[i + 1 - len(initials) : i + 1]:
            i -= len(initials)
        elif initials and initials[0] == letters[i] and (i > 0 or word[:1].isupper()):
            i -= 1
        elif word.islower() and (len(word) <= 3 or word in lex.connectors):
            continue
        elif word[:1].isupper() and i < len(letters) - 1 and passed < 2:
            passed += 1
            continue
        else:
            return None
        if i < 0:
            return at if word[:1].isupper() else None
    return None


def _acronym_names(view: str, spans: list[NameSpan]) -> list[NameSpan]:
    """Names whose acronym follows in parentheses, taken whole even with words no rule joins
    ("Društvo za varstvo rek Slovenije (DVRS)", "Institute for Water and Society (IWS)")."""
    lex = _lexicon()
    starts = [sp.start for sp in spans]
    for m in _PAREN_ACRONYM.finditer(view):
        acronym = m.group(1)
        if not _is_acronym(acronym) or acronym.replace(".", "") in lex.not_org_acronyms:
            continue
        end = m.start()
        while end > 0 and view[end - 1] in " \t":
            end -= 1
        lo = max(0, end - 160)
        cut = max(view.rfind(c, lo, end) for c in _NO_NAME)
        lo = max(lo, cut + 1)
        words = [(w.start(), w.group()) for w in _ANY_WORD.finditer(view, lo, end)]
        start = _acronym_start(acronym, words)
        if start is None:
            continue
        k = bisect_left(starts, start)
        j = k
        while j < len(spans) and spans[j].end <= end:
            j += 1
        inside = spans[k:j]
        straddles = (k > 0 and spans[k - 1].end > start) or (j < len(spans) and spans[j].start < end)
        if straddles or (len(inside) == 1 and inside[0].start == start and inside[0].end == end):
            continue
        if any(sp.kind == "person" for sp in inside):
            continue
        text = view[start:end]
        spans[k:j] = [_span(start, end, text, "organization", " ".join(text.split()), "cue", False)]
        starts[k:j] = [start]
    return spans


def _previous_word(view: str, start: int) -> str:
    """The word just before ``start`` on the same line, or ''."""
    if start == 0 or view[start - 1] not in " \t":
        return ""
    chunk = view[max(0, start - 40) : start]
    stripped = chunk.rstrip()
    if not stripped or "\n" in chunk[len(stripped) :]:
        return ""
    word = stripped.rsplit(None, 1)[-1]
    return word if word.replace("-", "").isalnum() else ""


def _shouting(view: str, at: int) -> bool:
    """True when the line around ``at`` is written in capitals (a wire headline or dateline)."""
    lo = view.rfind("\n", 0, at) + 1
    hi = view.find("\n", at)
    line = view[lo : hi if hi >= 0 else len(view)]
    upper = sum(map(str.isupper, line))
    return upper >= 8 and sum(map(str.islower, line)) < upper


def _plain(view: str, toks: list[_Tok], seg: list[int], only_orgs: bool = False) -> list[NameSpan]:
    lex = _lexicon()
    if len(seg) == 1:
        single = _single(view, toks[seg[0]])
        return [single] if not only_orgs or single.kind == "organization" else []
    # A leading qualifier ("British", "Senior") describes the name without belonging to it,
    # unless the rest is an organisation that carries it ("National Union").
    words = [toks[j][5] for j in seg]
    # A capitalised role noun opening a sentence ("Designer Jo Roe said") is not part of the name.
    while len(seg) > 1 and words[0].lower() in lex.person_roles and words[1] not in lex.connectors:
        seg, words = seg[1:], words[1:]
    while len(seg) > 1 and words[0] in lex.qualifiers and not _has_cue(words[1:]) and words[1] not in lex.connectors:
        seg, words = seg[1:], words[1:]
    # "the Brussels-based European Forum": where it is based is no part of its name
    while len(seg) > 1 and words[0].endswith(("-based", "-born", "-registered")) and words[1] not in lex.connectors:
        seg, words = seg[1:], words[1:]
    kind, basis = _classify(words)
    if kind is None and " ".join(words) in lex.known_orgs:
        kind, basis = "organization", "cue"
    if basis == "acronym" and _shouting(view, toks[seg[0]][0]):
        kind, basis = None, "none"
    if " ".join(words) in lex.not_orgs:
        kind, basis = None, "none"
    if kind is None and _person_shaped(words) and _PERSON_CONTEXT.match(view, toks[seg[-1]][1]):
        kind, basis = "person", "shape"
    prev_word = _previous_word(view, toks[seg[0]][0]) if kind is None else ""
    if prev_word:
        low = prev_word.lower()
        if low in lex.person_roles and len(words) <= 3 and not _is_acronym(words[0]):
            kind, basis = "person", "role_noun"
        elif low in lex.org_roles and sum(w not in lex.connectors for w in words) <= 5:
            kind, basis = "organization", "role_noun"
    if only_orgs and kind != "organization":
        return []
    s, e = toks[seg[0]][0], toks[seg[-1]][1]
    text = view[s:e]
    return [_span(s, e, text, kind, " ".join(text.split()), basis, toks[seg[-1]][4])]


def _single(view: str, tok: _Tok) -> NameSpan:
    """``_plain`` for a one-word run, the common case: most of its tests need two words or more."""
    lex = _lexicon()
    s, e, _, _, possessive, word = tok
    kind: NameKind | None = None
    basis: Basis = "none"
    if word in lex.heads or word in lex.cues or word in lex.known_orgs:
        kind, basis = "organization", "cue"
    elif (
        _is_acronym(word)
        and word.replace(".", "") not in lex.not_org_acronyms
        and word not in lex.not_org_acronyms
        and not _shouting(view, s)
    ):
        kind, basis = "organization", "acronym"
    if word in lex.not_orgs:
        kind, basis = None, "none"
    if kind is None and s and view[s - 1] in " \t":
        prev_word = _previous_word(view, s)
        if prev_word:
            low = prev_word.lower()
            if low in lex.person_roles and not _is_acronym(word):
                kind, basis = "person", "role_noun"
            elif low in lex.org_roles:
                kind, basis = "organization", "role_noun"
    text = view[s:e]
    return _span(s, e, text, kind, text, basis, possessive)


_ACRONYM_AFTER = re.compile(r"\s*\(\s*([A-Z][A-Za-z&.]{1,9})\s*\)")


def _resolve(view: str, spans: list[NameSpan]) -> list[NameSpan]:
    """Document-level pass: acronym aliases, and short mentions that repeat an earlier full name."""
    acronyms: dict[str, str] = {}
    tails: dict[str, str] = {}  # last word(s) of a full name seen so far -> that name
    heads: dict[str, str] = {}  # first word of a two-word name, for surname-first names
    out: list[NameSpan] = []
    for sp in spans:
        if sp.kind == "organization" and sp.basis != "acronym":
            m = _ACRONYM_AFTER.match(view, sp.end)
            if m and _is_acronym(m.group(1)):
                acronyms[m.group(1)] = sp.text
                sp = replace(sp, aliases=(m.group(1),))
        elif sp.basis == "acronym" and sp.text in acronyms:
            sp = replace(sp, canonical=acronyms[sp.text])
        elif sp.kind in (None, "person") and not sp.role:
            key = sp.canonical  # the text with its spaces normalised
            full = tails.get(key) or (heads.get(key) if " " not in key else None)
            if full is not None and full != key:
                sp = replace(sp, kind="person", canonical=full, basis=sp.basis if sp.kind else "earlier_name")
            elif sp.kind is None and sp.text in acronyms:
                sp = replace(sp, kind="organization", canonical=acronyms[sp.text], basis="acronym")
        if sp.kind == "person" and not sp.role:
            words = sp.canonical.split()
            if len(words) >= 2:
                tails[words[-1]] = sp.canonical
                tails[" ".join(words[-2:])] = sp.canonical
                if len(words) == 2:
                    heads[words[0]] = sp.canonical
        out.append(sp)
    return out


@dataclass(frozen=True)
class _Index:
    spans: tuple[NameSpan, ...]
    starts: tuple[int, ...]


@lru_cache(maxsize=16)
def _all_names(view: str) -> _Index:
    spans = tuple(_scan(view))
    return _Index(spans, tuple(sp.start for sp in spans))


def find_names(view: str, start: int = 0, end: int | None = None) -> list[NameSpan]:
    """Every capitalised name span inside view[start:end], classified or not, in document order."""
    index = _all_names(view)
    stop = len(view) if end is None else end
    out = []
    # Spans come in document order and never overlap: the first candidate is found by bisection.
    for sp in index.spans[bisect_left(index.starts, start) :]:
        if sp.start >= stop:
            break
        if sp.end <= stop:
            out.append(sp)
    return out


def find_organizations(view: str, start: int = 0, end: int | None = None) -> list[NameSpan]:
    """The organisation names inside view[start:end] ("Human Rights Watch", "UNHCR")."""
    return [sp for sp in find_names(view, start, end) if sp.kind == "organization"]


def find_people(view: str, start: int = 0, end: int | None = None) -> list[NameSpan]:
    """The person names inside view[start:end]; ``role`` marks a title standing for a person."""
    return [sp for sp in find_names(view, start, end) if sp.kind == "person"]


def resolve_person(view: str, offset: int, *, window: int = 2000) -> NameSpan | None:
    """The nearest person named before ``offset`` (within ``window`` characters), for a pronoun.

    A person named with a personal name wins over a bare title only when it is nearer; the
    returned span's ``canonical`` is the fullest form of the name.
    """
    lo = max(0, offset - window)
    people = [sp for sp in find_people(view, lo, offset) if sp.end <= offset]
    return people[-1] if people else None
