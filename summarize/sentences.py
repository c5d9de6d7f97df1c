"""Sentence splitting over news text, as character spans.

Boundaries come from three sources, each found by one compiled pattern, then merged in order:

- layout: a paragraph break (blank line; in hard-wrapped text an indented line or a line that
  stops short of the wrap width; otherwise any line break before a capitalised line, which is
  how a headline without final punctuation is cut off) and a list item at the start of a line;
- inline lists: bullets, and runs of numbered or lettered items ("1) ... 2) ...") that follow
  each other in sequence;
- punctuation: a cluster of ``.``, ``!``, ``?`` or an ellipsis, optional closing quotes,
  brackets and emphasis marks, then whitespace.  The token before and the word after decide:
  a lower-case continuation never starts a sentence; abbreviations, initials and numbering
  hold the sentence open unless the next word is a typical sentence opener.

Spans are whitespace-trimmed slices of the input; the text is never rewritten.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from summarize.errors import ConfigError
from summarize.resources import load_lines

__all__ = ["split_sentences"]

_BULLETS = "•⁃▪◦‣"
_OPENERS = "\"'“‘«([*_¿¡"
_QUOTES = "\"'”’»"

# A spaced ellipsis (". . ." or ". . . .") or a run of terminal marks, then closers, then a space.
# (Each pattern opens with a plain character class so that the scanner can skip ahead quickly.)
_CANDIDATE = re.compile(r"([.!?…](?:(?<=\.)(?: \.){2,3}|[.!?…]*))([\"'”’»)\]*_]*)(?=\s|\Z)")
# The word after a candidate: leading openers skipped, then letters/digits and the character after.
_NEXT = re.compile(r"\s*[\"'“‘«(\[*_¿¡]*([^\W_]*)(.?)", re.DOTALL)
# The whitespace-free token that ends at a given position (searched in a short window).
_TOKEN_TAIL = re.compile(r"(?<!\S)\S*\Z")
_PREVIOUS_WORD = re.compile(r"(?<!\S)(\S+)\s+\Z")
_TOKEN_WINDOW = 64
_LEADING_BLANK = re.compile(rf"[\s{_BULLETS}]*")
_MARKDOWN_LINK = re.compile(r"!?\[[^\]\n]*\]\([^)\s]*\)")
_COMPOUND_HEAD = re.compile(r"^.*[-–/](?=[^\W\d_])")
# Dotted initialisms: U.S, U.S.A, a.m, e.g (the final stop is the candidate itself).
_DOTTED = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
# A token that can only be a list number or letter when it opens a sentence ("1.", "b.", "iv.").
_MARKER = re.compile(rf"[{_BULLETS}]?(?:\d{{1,3}}|[^\W\d_]|[ivxIVX]{{1,4}})")

_LIST_LINE = re.compile(rf"[ \t]*(?:[*+{_BULLETS}]|\d{{1,3}}[.)]|\(\d{{1,3}}\)|\(?[a-z]\))[ \t]+\S")
_DASH_LINE = re.compile(r"[ \t]*[-–—][ \t\xa0]+\S")
_INLINE_BULLET = re.compile(rf"(?<=\s)[{_BULLETS}]")
# "1.", "12)", "3.)", "b." standing alone before a space: found from the stop or bracket, looking
# back one, two or three characters for a number or letter that starts a token.
_ITEM_START = rf"(?<![^\s{_BULLETS}])"
_INLINE_ITEM = re.compile(
    rf"[.)](?:(?<={_ITEM_START}(\d\d\d).)|(?<={_ITEM_START}(\d\d).)|(?<={_ITEM_START}([\da-z]).))(\)?)(?=[ \t]+\S)"
)
# Line endings after which a line break is a wrap, whatever the layout.
_CONTINUATION_END = ",;(&-–—/"
# In hard-wrapped text lines rarely exceed this many characters; longer ones mean paragraph-per-line.
_WRAP_LIMIT = 100

_ENTRY = re.compile(r"[^\s.#][^\s#]*")
_WORD = re.compile(r"[a-z][a-z']*")


@dataclass(frozen=True)
class _Lexicon:
    prefix: frozenset[str]  # never end a sentence: "Mr", "Gov", "e.g"
    abbreviations: frozenset[str]  # may end one: "Inc", "Feb", "St", "etc"
    starters: frozenset[str]  # lower-cased sentence openers: "the", "it", "however"
    continuations: frozenset[str]  # lower-cased words no line or sentence ends on: "the", "and"


def _abbreviations(name: str) -> set[str]:
    forms: set[str] = set()
    for raw in load_lines(name):
        entry = raw[:-1] if raw.endswith(".") else raw
        if not _ENTRY.fullmatch(entry):
            raise ConfigError(f"data file {name!r}: bad abbreviation {raw!r} (one token, like 'Corp.')")
        forms.add(entry)
        if entry.islower():
            forms.add(entry[0].upper() + entry[1:])
    return forms


def _words(name: str) -> frozenset[str]:
    words = load_lines(name)
    for word in words:
        if not _WORD.fullmatch(word):
            raise ConfigError(f"data file {name!r}: bad entry {word!r} (one lower-case word expected)")
    return frozenset(words)


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    general = set()
    for name in ("abbreviations.txt", "abbreviations_months.txt", "abbreviations_corporate.txt"):
        general |= _abbreviations(name)
    return _Lexicon(
        prefix=frozenset(_abbreviations("abbreviations_prefix.txt")),
        abbreviations=frozenset(general),
        starters=_words("sentence_starters.txt"),
        continuations=_words("continuation_words.txt"),
    )


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans (start, end) of the sentences of text, whitespace trimmed, in order."""
    lexicon = _lexicon()
    fixed = sorted(set(_layout_cuts(text, lexicon.continuations) + _inline_list_cuts(text)))
    links = _link_spans(text)
    cuts: list[int] = []
    next_fixed = 0
    next_link = 0
    sentence_start = 0
    for m in _CANDIDATE.finditer(text):
        if links:
            while next_link < len(links) and links[next_link][1] <= m.start():
                next_link += 1
            if next_link < len(links) and links[next_link][0] < m.start():
                continue  # the text or address of a Markdown link never ends a sentence
        while next_fixed < len(fixed) and fixed[next_fixed] <= m.start():
            sentence_start = max(sentence_start, fixed[next_fixed])
            next_fixed += 1
        cut = _punctuation_cut(text, m, sentence_start, lexicon)
        if cut is not None:
            cuts.append(cut)
            sentence_start = cut
    if fixed:
        cuts = sorted(set(cuts).union(fixed))
    return _spans(text, cuts)


def _link_spans(text: str) -> list[tuple[int, int]]:
    if "](" not in text:
        return []
    return [m.span() for m in _MARKDOWN_LINK.finditer(text)]


def _spans(text: str, cuts: list[int]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    previous = 0
    for cut in [*cuts, len(text)]:
        piece = text[previous:cut]
        body = piece.lstrip()
        if body:
            start = cut - len(body)
            spans.append((start, start + len(body.rstrip())))
        previous = cut
    return spans


def _punctuation_cut(text: str, m: re.Match[str], sentence_start: int, lexicon: _Lexicon) -> int | None:
    """Where the sentence ends at this candidate, or None when it goes on."""
    marks, closers = m.group(1), m.group(2)
    start, end = m.start(), m.end()
    following = _NEXT.match(text, end)
    assert following is not None  # every part of the pattern may match empty
    word, after = following.group(1), following.group(2)
    first = word[:1] or after
    if not first or first.islower():
        return None
    if " " in marks:
        if marks.count(".") < 4:
            return None  # an elision inside the sentence
        if start > 0 and not text[start - 1].isspace():
            return start + 1  # "word. . . . Next": a full stop, then an ellipsis opening the next one
        return end
    if "!" in marks or "?" in marks:
        return end
    if marks != ".":
        # "[...]" marks an omission inside a quotation, not an ending.
        return None if start > 0 and text[start - 1] in "[(" else end
    token_start, token = _token_before(text, start)
    if not token:
        return end
    # "30-Feb.", "D-Calif.", "ex-Gov.": the abbreviation is the last part of a compound.
    token = _COMPOUND_HEAD.sub("", token)
    single_capital = len(token) == 1 and token.isupper()
    if token in lexicon.prefix and not single_capital:
        return None
    if _MARKER.fullmatch(token) and _only_blank_between(text, sentence_start, token_start):
        return None  # "1." or "b." opening an item
    if closers and any(q in closers for q in _QUOTES):
        return end  # a quotation closing after the stop ends the sentence
    if single_capital:
        if token == "I" and _previous_word_is_lower(text, token_start):
            return end  # the pronoun: "you and I."
        return end if _opens_sentence(word, after, lexicon) else None
    if token in lexicon.abbreviations or _DOTTED.fullmatch(token):
        return end if _opens_sentence(word, after, lexicon) else None
    return end


def _only_blank_between(text: str, start: int, end: int) -> bool:
    """Whether nothing but whitespace and bullets lies between start and end."""
    m = _LEADING_BLANK.match(text, start, end)
    return m is not None and m.end() == end


def _token_before(text: str, position: int) -> tuple[int, str]:
    """Start and text of the token ending at position, leading quotes and brackets dropped."""
    low = max(0, position - _TOKEN_WINDOW)
    space = text.rfind(" ", low, position)
    raw = text[space + 1 : position]
    # Most tokens follow a plain space; any other whitespace (newline, no-break space) is not
    # printable, and then the pattern finds where the token really starts.
    if space < 0 or not raw.isprintable():
        m = _TOKEN_TAIL.search(text, low, position)
        if m is None:
            return position, "\x00"  # longer than the window: a URL or similar, never an abbreviation
        raw = m.group()
    token = raw.lstrip(_OPENERS)
    return position - len(token), token


def _previous_word_is_lower(text: str, position: int) -> bool:
    m = _PREVIOUS_WORD.search(text, max(0, position - _TOKEN_WINDOW), position)
    if m is None:
        return False
    word = m.group(1).lstrip(_OPENERS)
    return word[:1].islower()


def _opens_sentence(word: str, after: str, lexicon: _Lexicon) -> bool:
    """Whether a capitalised word after an abbreviation starts a new sentence."""
    if not word[:1].isupper() or (len(word) == 1 and after == "."):
        return False  # a number, a symbol, or another initial
    if len(word) > 1 and not word[1:].islower():
        return False  # "US", "IT": acronyms, not the pronouns
    return word.lower() in lexicon.starters


def _layout_cuts(text: str, continuations: frozenset[str]) -> list[int]:
    """Cuts at paragraph breaks and before list items that start a line."""
    if "\n" not in text:
        return []
    lines = text.split("\n")
    lengths = [len(line.rstrip()) for line in lines]
    openings = [line.lstrip().lstrip(_OPENERS)[:1] for line in lines]
    runs_on = [_runs_on(line, continuations) for line in lines]
    width = _wrap_width(lengths, openings, runs_on)
    cuts: list[int] = []
    position = -1
    for i in range(len(lines) - 1):
        line, following = lines[i], lines[i + 1]
        position += len(line) + 1  # the newline after line
        if not lengths[i]:
            continue
        if not lengths[i + 1] or _LIST_LINE.match(following):
            cuts.append(position)
            continue
        if width:
            indent = len(line) - len(line.lstrip())
            next_indent = len(following) - len(following.lstrip())
            if next_indent > indent:
                cuts.append(position)
                continue
        if _DASH_LINE.match(following) and (not width or line.rstrip().endswith(":") or _DASH_LINE.match(line)):
            # In hard-wrapped text a line may start with a dash that was mid-sentence before
            # wrapping, so there a dash opens an item only after a colon or another item.
            cuts.append(position)
            continue
        opening = openings[i + 1]
        # A dash that is not a list bullet carries the sentence on ("from May 5 / – May 9").
        if not opening or opening.islower() or opening in "-–—":
            continue
        if runs_on[i]:
            continue
        if width:
            first_word = following.lstrip(" \t").replace("\t", " ").partition(" ")[0]
            if lengths[i] + 1 + len(first_word) > width:
                continue  # the wrapper had no room for the word: the sentence goes on
        cuts.append(position)
    return cuts


def _runs_on(line: str, continuations: frozenset[str]) -> bool:
    """Whether a line ends where no sentence can: on a comma, a hyphen, or "and", "the", "of"."""
    words = line.rsplit(None, 1)
    if not words:
        return False
    last = words[-1]
    return last[-1] in _CONTINUATION_END or last.lower() in continuations


def _wrap_width(lengths: list[int], openings: list[str], runs_on: list[bool]) -> int:
    """The width text was hard-wrapped at (a lower bound), or 0 when each line stands alone."""
    filled = sorted(n for n in lengths if n)
    if len(filled) < 4 or sum(1 for n in filled if n > _WRAP_LIMIT) * 10 > len(filled):
        return 0
    # Wrapping breaks sentences anywhere, so many wrapped lines end on "and" or "the" or go on in
    # lower case; lines that never do are units (headlines, highlights, one paragraph per line).
    joins = continued = 0
    for i in range(len(lengths) - 1):
        if lengths[i] and lengths[i + 1]:
            joins += 1
            continued += runs_on[i] or openings[i + 1].islower()
    if continued * 3 < joins:
        return 0
    # A line the wrapper broke could not take the next word; the observed widths seldom exceed
    # the wrapper's, so a high percentile is a safe lower bound for it.
    return filled[(len(filled) - 1) * 9 // 10]


def _inline_list_cuts(text: str) -> list[int]:
    """Cuts before inline bullets and before items of an inline numbered or lettered list."""
    cuts = [m.start() for m in _INLINE_BULLET.finditer(text)] if _has_bullet(text) else []
    last: dict[tuple[bool, str], tuple[int, int, bool]] = {}
    for m in _INLINE_ITEM.finditer(text):
        label = m.group(1) or m.group(2) or m.group(3)
        style = (label.isdigit(), m.group(0)[0] + m.group(4))
        value = int(label) if label.isdigit() else ord(label)
        position = m.start() - len(label)
        before = position - 1
        while before >= 0 and text[before] in " \t":
            before -= 1
        if before >= 0 and text[before] in _BULLETS:
            position = before  # the item begins at its bullet
        previous = last.get(style)
        if previous is not None and value == previous[0] + 1 and (previous[2] or _opens_run(text, previous[1])):
            if not previous[2]:
                cuts.append(previous[1])
            cuts.append(position)
            last[style] = (value, position, True)
        else:
            last[style] = (value, position, False)
    return cuts


def _has_bullet(text: str) -> bool:
    return any(bullet in text for bullet in _BULLETS)


def _opens_run(text: str, position: int) -> bool:
    """Whether a list's first item stands where a sentence could begin."""
    i = position - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in "\n:.!?;)\"'”’"
