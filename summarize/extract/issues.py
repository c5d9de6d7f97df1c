"""Issues raised: topics, concerns and demands an actor raises, urges, puts on an agenda or calls for.

Rules, each named in the finding's ``rule``:

- ``urge_to``: "<actor> called on / urged / asked <someone> to <demand>"; "make X a (top)
  priority / topic" gives X.
- ``call_for``: "<actor> called for / demanded / pressed for / proposed <demands>".
- ``issue_list``: "issues such as / some of the issues are / issues they hope X will raise,
  among them / sets out three demands: <list>".
- ``from_to``: "a range of issues, from <A> to <B>".
- ``topic``: "<actor> will discuss / raise / focus on / criticised <topics>", kept only when
  the object holds a word from the topic lexicon (these verbs also take plain objects).
- ``concern``: "<actor> is concerned / worried / ashamed that <concern>", "France's concern
  that <concern>".
- ``agenda``: "<topic> will be at the heart of / top of / high on the <agenda>".
- ``must_be_done``: "more must be done to <demand>".
- ``agenda_list``: "with A, B and C at the top of an agenda".
- ``quoted_including``: inside a quotation, "... has undermined X, including A, B and C" (a
  criticism word before the list) gives A, B and C.

A list gives one issue per item ("A, B and C"; "A and the B" splits, "Flanders and Wallonia"
does not). ``raised_by`` is the name (or short noun phrase) of the clause's subject when the
text gives one; a pronoun becomes the nearest person named before. Near-duplicates (the
same words, stop words aside) are dropped, the first kept.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from summarize.extract.clauses import (
    Triggers,
    compile_lower,
    list_items,
    lowered,
    sentence_spans,
    trie_alternation,
    trim,
)
from summarize.extract.names import find_names, resolve_person
from summarize.models import Article, Issue
from summarize.resources import load_validated

__all__ = ["extract_issues"]


class _Triggers(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)
    call_verbs: list[str]
    demand_verbs: list[str]
    topic_verbs: list[str]
    concern_words: list[str]
    concern_links: list[str]
    issue_nouns: list[str]
    issue_links: list[str]
    priority_nouns: list[str]
    agenda_nouns: list[str]
    topic_words: list[str]
    clause_breaks: list[str]
    empty_objects: list[str]
    empty_demands: list[str]
    stop_words: list[str]
    noun_markers: list[str]
    raise_excluded: list[str]
    vague_modifiers: list[str]
    anaphoric_modifiers: list[str]
    generic_nouns: list[str]
    concern_adjectives: list[str]
    criticism_cues: list[str]
    open_topic_verbs: list[str] = []
    open_topic_generic: list[str] = []


def _alt(words: list[str]) -> str:
    lower = {w.lower() for w in words}
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(lower, key=len, reverse=True))


@dataclass(frozen=True)
class _Rules:
    t: _Triggers
    urge: re.Pattern[str]
    demand: re.Pattern[str]
    issue_list: re.Pattern[str]
    from_to: re.Pattern[str]
    topic: re.Pattern[str]
    concern: re.Pattern[str]
    agenda: re.Pattern[str]
    agenda_tail: re.Pattern[str]
    must_be_done: re.Pattern[str]
    priority: re.Pattern[str]
    clause_break: re.Pattern[str]
    topic_words: frozenset[str]
    empty_objects: frozenset[str]
    empty_demand: re.Pattern[str]
    stop: frozenset[str]
    noun_before: re.Pattern[str]
    raise_excluded: re.Pattern[str]
    vague: frozenset[str]
    anaphoric: frozenset[str]
    concern_adjectives: frozenset[str]
    criticism_cues: frozenset[str]
    open_topics: frozenset[str]
    open_generic: frozenset[str]
    gates: dict[str, frozenset[str]]
    # Every gate word, and for each word the rules it may open.
    triggers: Triggers
    rules_of: dict[str, tuple[str, ...]]


# Breaks that end a demand even without a comma before them ("... while talks go on").
_BARE_BREAKS = ("while", "because", "although", "though", "unless", "whereas", "amid", "despite", "during", "saying")


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    t = load_validated("issue_triggers.json", _Triggers)
    target = r"(?:[\w.'’-]+\s+){0,8}?"
    gates = {
        "urge": _first_words(t.call_verbs),
        "demand": _first_words(t.demand_verbs),
        "issue_list": _last_words(t.issue_nouns),
        # "from A to B" needs a noun before it ("issues", "a range of ..."): those words, rarer than
        # "from", open the rule.
        "from_to": _last_words(t.issue_nouns) | {"range"},
        "topic": _first_words(t.topic_verbs),
        "concern": _first_words(t.concern_words),
        "agenda": frozenset({"heart", "centre", "center", "top", "forefront", "high", "central"}),
        # Both an agenda word above and an agenda noun must be in the sentence.
        "agenda_noun": _last_words(t.agenda_nouns),
        "must_be_done": frozenset({"done"}),
        "including": frozenset({"including"}),
    }
    every = frozenset().union(*gates.values())
    return _Rules(
        t=t,
        urge=compile_lower(
            rf"(?<![\w-])(?P<verb>{_alt(t.call_verbs)})\s+(?P<target>{target})(?:not\s+to|to|(?P<for>for))\s+(?P<obj>\w)"
        ),
        # "demand for X" is the noun; the verb takes its object directly.
        demand=compile_lower(
            rf"(?<![\w-])(?P<verb>{_alt(t.demand_verbs)})\s+(?P<obj>(?!by\b|to\b|that\b)(?!for\b)\w|for\b(?<=call\sfor|alls\sfor|lled\sfor|ling\sfor))",
        ),
        issue_list=compile_lower(
            rf"\b(?P<noun>{_alt(t.issue_nouns)})\b(?P<gap>[^.;:]{{0,70}}?)"
            rf"(?:\s*,?\s*(?P<link>{_alt(t.issue_links)})\s*[,:]?\s+|\s*:\s*)(?P<obj>[\w'‘“\"])",
        ),
        from_to=compile_lower(
            rf"\b(?:{_alt(t.issue_nouns)}|range\s+of\s+\w+)\s*,?\s+from\s+(?P<obj>\w)",
        ),
        topic=compile_lower(
            rf"(?<![\w-])(?P<verb>{_alt(t.topic_verbs)})(?:\s*,[^,]{{1,40}},)?\s+(?P<obj>(?!by\b|to\b|that\b|whether\b)[\w'‘“\"])",
        ),
        concern=compile_lower(
            rf"\b(?P<verb>{_alt(t.concern_words)})\s*['’\"”]?\s+(?P<link>{_alt(t.concern_links)})\s+(?P<obj>\w)",
        ),
        agenda=compile_lower(
            r"\s+(?:will\s+be|would\s+be|is|are|was|were|remains?|has\s+been)\s+"
            r"(?:at\s+the\s+(?:heart|centre|center|top|forefront)\s+of|high\s+on|top\s+of|on\s+top\s+of|central\s+to)\s+"
            rf"(?:[\w'’]+\s+){{0,3}}?(?:{_alt(t.agenda_nouns)})\b",
        ),
        # "with A, B and C at the top of an agenda": the items are on it (found from the agenda end,
        # then back to the "with").
        agenda_tail=compile_lower(
            r"\s+(?:at\s+the\s+(?:heart|centre|center|top|forefront)\s+of|high\s+on|top\s+of)\s+"
            rf"(?:the|an|a|its|their|this|his|her)\s+(?:[\w'’-]+\s+){{0,2}}?(?:{_alt(t.agenda_nouns)})\b",
        ),
        must_be_done=compile_lower(
            r"\b(?:more|much\s+more|something|everything)\s+(?:must|should|needs\s+to|has\s+to|ought\s+to)\s+"
            r"(?:also\s+)?be\s+done\s+to\s+(?P<obj>\w)",
        ),
        priority=compile_lower(
            r"^(?:make|making|makes|made)\s+(?P<x>.+?)\s+(?:a|an|the|their|its|her|his)\s+(?:[\w-]+\s+){0,2}?"
            rf"(?:{_alt(t.priority_nouns)})\b",
        ),
        # No leading \s*: tried at every position it makes the search quadratic in runs of
        # spaces; _object_end steps back over the spaces instead.
        # One branch per first character: the spaces-led breaks share a single "\s" branch and
        # the words are prefix trees, which keeps the search cheap.
        clause_break=compile_lower(
            rf"(?:[;:!?]|[\"“”](?:\s|$)|[,.]['’](?:\s|$)|"
            rf",\s*(?:{trie_alternation([*(w.lower() for w in t.clause_breaks), 'he', 'she', 'they', 'it', 'we'])})\b|"
            r",\s*and\s+(?:(?:in|on|at|so|then|now|also|yet)\b|(?:\w+\s+){0,2}(?:he|she|they|we|i)\s)|"
            r"\s(?:[-–—]\s|\s*and\s+(?:(?:in|on|at|so|then|now|also|yet)\b|(?:\w+\s+){0,2}(?:he|she|they|we|i)\s|"
            r"(?:would|will|could|should|may|might|must|can|has|have|had|is|are|was|were)\b)|"
            rf"{trie_alternation([b.lower() for b in t.clause_breaks if ' ' in b or b in _BARE_BREAKS])}\b))",
        ),
        topic_words=frozenset(t.topic_words),
        empty_objects=frozenset(t.empty_objects),
        empty_demand=compile_lower(rf"^(?:{_alt(t.empty_demands)})\b"),
        stop=frozenset(t.stop_words),
        noun_before=compile_lower(rf"(?:\b(?:{_alt(t.noun_markers)})|['’]s?)\s+$"),
        raise_excluded=compile_lower(rf"(?:[\w-]+\s+){{0,2}}?(?:{_alt(t.raise_excluded)})\b"),
        vague=frozenset(t.vague_modifiers),
        anaphoric=frozenset(t.anaphoric_modifiers),
        concern_adjectives=frozenset(t.concern_adjectives),
        criticism_cues=frozenset(t.criticism_cues),
        open_topics=frozenset(" ".join(v.lower().split()) for v in t.open_topic_verbs),
        open_generic=frozenset(t.open_topic_generic),
        gates=gates,
        triggers=Triggers(every),
        rules_of={w: tuple(name for name, ws in gates.items() if w in ws) for w in every},
    )


def _first_words(phrases: list[str]) -> frozenset[str]:
    return frozenset(p.split()[0].lower() for p in phrases)


def _last_words(phrases: list[str]) -> frozenset[str]:
    return frozenset(p.split()[-1].lower() for p in phrases)


@dataclass
class _Candidate:
    """An object span found by a rule; its raiser is looked for in view[sentence:verb] when kept."""

    start: int
    end: int
    rule: str
    sentence: int
    verb: int | None


# An issue before it becomes a model: (start, end, text, candidate, words without stop words).
_Found = tuple[int, int, str, _Candidate, list[str]]


def extract_issues(article: Article) -> list[Issue]:
    """Topics, concerns and demands raised in the article, in document order, without duplicates."""
    rules = _rules()
    view = article.view
    # The rules match the lower-cased text (same offsets) with lower-case patterns; the issues'
    # words and the names come from the text itself.
    low = lowered(view)
    spans = sentence_spans(article)
    hits = rules.triggers.by_sentence(low, spans)
    found: list[_Found] = []
    for i, sentence_hits in hits.items():
        s, e = spans[i]
        for cand in _sentence(low, s, e, rules, sentence_hits):
            for a, b in _split(view, cand, rules):
                issue = _issue(view, low, a, b, cand, rules)
                if issue is not None:
                    found.append(issue)
    bulleted = [_issue(view, low, c.start, c.end, c, rules) for c in _bullets(view, low)] if ":" in view else []
    if any(bulleted):
        found = sorted(found + [f for f in bulleted if f is not None], key=lambda f: f[0])
    text = article.text
    raisers: dict[tuple[int, int], str | None] = {}
    out = []
    # Who raised an issue is looked for only for the issues kept, once per verb.
    for a, b, t, cand, _ in _dedupe(found):
        by = None
        if cand.verb is not None:
            key = (cand.sentence, cand.verb)
            if key not in raisers:
                raisers[key] = _raiser(view, low, cand.sentence, cand.verb)
            by = raisers[key]
        # Validated construction from plain values is quicker than model_construct here.
        evidence = {"start": a, "end": b, "text": text[a:b]}
        out.append(Issue(text=t, raised_by=by, evidence=evidence, rule=cand.rule))
    return out


# "the unions call for:", "Their demands:", "The letter calls on the ministers to:", "Main topics
# of the visit:", "... for three things:" followed by a list of lines, one item each.
_BULLET_LEAD = compile_lower(
    r"(?:\b(?:calls?\s+for|called\s+for|calling\s+for|demands?|demanded|demanding|urges?|urged|urging|"
    r"recommendations|recommends?|proposals|proposes|priorities|asks?|asking|wants?|"
    r"(?:issues|topics|themes|subjects|concerns|requests|goals|aims|objectives|points|agenda\s+items|agenda)"
    r"(?:\s+(?:of|for|on|at|in|to|raised|discussed|covered)\s+[^:\n]{1,50}?)?(?:\s+(?:are|include|includes|were|will\s+be))?|"
    r"(?:discuss|focus\s+on|cover|address|raise)|"
    r"(?:for|on)\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2}|several|a\s+few)\s+"
    r"(?:things|demands|requests|measures|changes|steps|reforms|points|actions|priorities|proposals))"
    r"|\b(?:calls?|called|calling)\s+(?:on|upon)\s[^:\n]{1,120}?\sto"
    r"|\b(?:urges?|urged|urging|asks?|asked|asking|wants?|wanted|presses|pressed|appeals?\s+to|appealed\s+to)"
    r"\s[^:\n]{1,120}?\sto)\s*:[ \t]*\n"
)
_BULLET = re.compile(r"(?:[ \t]*\n)?[ \t]*(?:[-•*–—]|\d{1,2}[.)])[ \t]+([^\n]+)\n?")


def _bullets(view: str, low: str) -> list[_Candidate]:
    """Items of a bulleted or numbered list introduced by a demand ("In the statement, they call for:")."""
    out = []
    for m in _BULLET_LEAD.finditer(low):
        line_start = view.rfind("\n", 0, m.start()) + 1
        pos = m.end()
        while True:
            b = _BULLET.match(view, pos)
            if b is None:
                break
            a, z = b.start(1), b.end(1)
            while z > a and view[z - 1] in " \t;,.":
                z -= 1
            if z > a:
                out.append(_Candidate(a, z, "call_for", line_start, m.start()))
            pos = b.end()
    return out


# Rules whose pattern opens with their trigger word: tried only where that word is.
_ANCHORED = ("urge", "demand", "topic", "concern")


def _anchored(pattern: re.Pattern[str], view: str, e: int, positions: list[int]) -> list[re.Match[str]]:
    """Matches of ``pattern`` starting at the given positions, without overlaps, like finditer would."""
    out = []
    after = -1
    for pos in positions:
        if pos < after:
            continue
        m = pattern.match(view, pos, e)
        if m:
            out.append(m)
            after = m.end()
    return out


def _sentence(view: str, s: int, e: int, rules: _Rules, hits: list[tuple[int, str]]) -> list[_Candidate]:
    # Only the rules whose trigger words occur in the sentence are run, and those that open with
    # their trigger only where it is.
    at: dict[str, list[int]] = {}
    for pos, word in hits:
        for name in rules.rules_of[word]:
            at.setdefault(name, []).append(pos)
    out: list[_Candidate] = []
    for m in _anchored(rules.urge, view, e, at["urge"]) if "urge" in at else ():
        if _negated(view, s, m.start()) or _SPEAKER_ASKED.search(view, max(s, m.start() - 24), m.start()):
            continue  # "we are not asking", "we are asked to": nobody here asks for it
        if not view[s : m.start()].strip():
            continue  # a sentence that opens with the verb is a heading or a noun ("Press office of ...")
        target = m.group("target").strip().lower()
        if not target and not _passive_or_past_participle(view, m):
            continue  # "urged to" with nobody urged: only the passive ("is being urged to") says who
        if m.group("for") is not None:
            counted = _COUNTED_THINGS.match(view, m.start("obj"), e)
            if counted and target and _plausible_target(target):
                # "asks the region for five things: A; B; C": the things listed are the demands
                end = _object_end(view, counted.end(), e, rules, lists=True)
                out.append(_Candidate(counted.end(), end, "call_for", s, m.start()))
                out += [_Candidate(a, b, "call_for", s, m.start()) for a, b in _more_items(view, end, e, rules)]
                continue
            # "pressed Vietnamese officials for faster approvals": a demand put to someone
            pressing = m.group("verb").lower().startswith(("press", "lobb", "push"))
            if pressing and target and _plausible_target(target) and not _noun_use(view, s, m, rules):
                end = _object_end(view, m.start("obj"), e, rules, keep_list=True)
                out.append(_Candidate(m.start("obj"), end, "call_for", s, m.start()))
            continue
        if not target or target.split()[0] in ("them", "him", "her", "us", "me") or _plausible_target(target):
            topics = _TOPIC_DEMAND.match(view, m.start("obj"), e) is not None
            end = _object_end(view, m.start("obj"), e, rules, lists=topics)
            if topics:
                # "urged her to raise A, B and C when she meets officials in Abidjan"
                when = _WHEN_CLAUSE.search(view, m.start("obj"), end)
                end = when.start() if when else end
            out.append(_Candidate(m.start("obj"), end, "urge_to", s, m.start()))
    for m in _anchored(rules.demand, view, e, at["demand"]) if "demand" in at else ():
        if _noun_use(view, s, m, rules) or _negated(view, s, m.start()) or _descriptive_gerund(view, s, m):
            continue
        if m.group("verb").lower() in ("demand", "demands") and not _demanding_subject(view, s, m.start()):
            continue  # "the demands grew", "demand rose": the noun
        end = _object_end(view, m.start("obj"), e, rules, keep_list=True)
        out.append(_Candidate(m.start("obj"), end, "call_for", s, m.start()))
        resumed = _resumed_list(view, end, e, rules) or _list_after_adjunct(view, end, e, rules)
        if resumed:
            out.append(_Candidate(*resumed, "call_for", s, m.start()))
        out += [_Candidate(a, b, "call_for", s, m.start()) for a, b in _more_items(view, end, e, rules)]
    for m in rules.issue_list.finditer(view, s, e) if "issue_list" in at else ():
        if not _issue_list_ok(view, m):
            continue
        end = _object_end(view, m.start("obj"), e, rules, lists=True)
        out.append(_Candidate(m.start("obj"), end, "issue_list", s, m.start()))
        out += [_Candidate(a, b, "issue_list", s, m.start()) for a, b in _more_items(view, end, e, rules)]
    for m in rules.from_to.finditer(view, s, e) if "from_to" in at else ():
        end = _object_end(view, m.start("obj"), e, rules, lists=True)
        out.append(_Candidate(m.start("obj"), end, "from_to", s, m.start()))
    for m in _anchored(rules.topic, view, e, at["topic"]) if "topic" in at else ():
        if _passive_or_past_participle(view, m) or _noun_use(view, s, m, rules) or _negated(view, s, m.start()):
            continue
        start = _skip_adverbial(view, m.start("obj"), e)
        if _OPENS_WITH_ADJUNCT.match(view, start, e):
            continue  # "difficult to raise at a time when ...": no object, only an adjunct
        end = _object_end(view, start, e, rules, lists=True)
        obj = view[start:end]
        if m.group("verb").lower().startswith("rais") and (rules.raise_excluded.match(obj) or _AMOUNT.match(obj)):
            continue  # "raised funds", "raised more than £6,000", "raised 4 billion kronur"
        if _ISSUE_OBJECT.match(obj):
            continue  # "focus on the issues of A and B" is the issue_list rule's
        # The topic word may sit in a relative clause ("the people who were executed").
        verb = " ".join(m.group("verb").split())
        if verb in ("centre on", "center on") and not _MODAL_BEFORE.search(view, max(s, m.start() - 12), m.start()):
            continue  # "a convention centre on the harbour" is a building; "would centre on X" a topic
        if (verb in rules.open_topics and not _generic_object(obj, rules)) or _has_topic_word(
            view[start : min(e, end + 60)], rules
        ):
            out.append(_Candidate(start, end, "topic", s, m.start()))
    for m in _anchored(rules.concern, view, e, at["concern"]) if "concern" in at else ():
        if m.group("verb") in rules.concern_adjectives and not _LINKING.search(view, max(s, m.start() - 40), m.start()):
            continue  # "residents anxious about X" describes them; "residents are anxious about X" says so
        end = _object_end(view, m.start("obj"), e, rules)
        out.append(_Candidate(m.start("obj"), end, "concern", s, m.start()))
    for p in at.get("including", ()):
        # Inside a quotation (a letter, a statement), "... has undermined X, including A, B
        # and C": the items are the grievances it lists.
        if _in_quotation(view, s, p) and not rules.criticism_cues.isdisjoint(_LETTER_RUN.findall(view, s, p)):
            start = p + len("including")
            end = _object_end(view, start, e, rules, lists=True)
            out.append(_Candidate(start, end, "quoted_including", s, None))
    agenda = "agenda" in at and "agenda_noun" in at
    for m in rules.agenda.finditer(view, s, e) if agenda else ():
        start = _subject_start(view, s, m.start())
        if m.start() - start <= 80:
            out.append(_Candidate(start, m.start(), "agenda", s, None))
    for m in rules.agenda_tail.finditer(view, s, e) if agenda else ():
        w = _WITH.search(view, max(s, m.start() - 205), m.start())
        if w and not _CLAUSE_PUNCT.search(view, w.end(), m.start()):
            out.append(_Candidate(w.end(), m.start(), "agenda_list", s, None))
    for m in rules.must_be_done.finditer(view, s, e) if "must_be_done" in at else ():
        end = _object_end(view, m.start("obj"), e, rules)
        out.append(_Candidate(m.start("obj"), end, "must_be_done", s, m.start()))
    # A topic verb inside another rule's object ("from tackling X to Y") is part of that object.
    strong = [c for c in out if c.rule != "topic"]
    return [c for c in out if c.rule != "topic" or not any(o.start <= c.start < o.end for o in strong)]


def _generic_object(obj: str, rules: _Rules) -> bool:
    """ "an expanding cooperative partnership", "bilateral relations": a general noun with only
    adjectives before it and no phrase after it names no topic."""
    if _AS_FRAME.search(obj):
        return True  # "discussed the sea as a place where ...": a way of seeing it, not a topic
    words = _LETTER_RUN.findall(obj)
    return bool(words) and words[-1] in rules.open_generic and not _PREP.search(obj) and len(words) <= 5


_AS_FRAME = re.compile(r"\sas\s+(?:a|an|the|one)\s", re.I)


_AMOUNT = re.compile(
    r"(?:(?:more\s+than|over|about|around|nearly|almost|some|up\s+to|an\s+extra|another)\s+)?[£$€¥₹]?\s?\d", re.I
)
_MODAL_BEFORE = compile_lower(r"\b(?:will|would|shall|should|could|can|may|might|must|to)\s+$")
_ISSUE_OBJECT = compile_lower(r"(?:the\s+)?(?:issues?|topics?|questions?|matters?)\s+(?:of|such\s+as|including|like)\b")


def _noun_use(view: str, s: int, m: re.Match[str], rules: _Rules) -> bool:
    """True for "the demand for", "Labour's focus on": the trigger is a noun, not a verb."""
    verb = m.group("verb").lower()
    if not verb.startswith(
        ("demand", "focus", "call", "push", "appeal", "campaign", "lobby", "plea", "press", "propos", "recommend")
    ):
        return False
    return rules.noun_before.search(view, max(s, m.start() - 20), m.start()) is not None


# "The petition demands an end to X", "they demand an apology": the words after which a bare
# "demand(s)" + object is the verb rather than the noun ("the demands of", "oil demand rose").
_DEMAND_SUBJECT = re.compile(
    r"\b(?:petition|letter|statement|declaration|resolution|motion|charter|manifesto|appeal|it|which|that|"
    r"who|he|she|they|we|i|you|also|now|still|to|will|would|also|further|jointly|union|group|coalition)"
    r"\s*,?\s+$",
    re.IGNORECASE,
)


def _demanding_subject(view: str, s: int, at: int) -> bool:
    if _DEMAND_SUBJECT.search(view, max(s, at - 24), at) is not None:
        return True
    # "the signatories demand", "unions demand": a plural subject and the plural verb
    return view[at : at + 6].lower() == "demand" and _PLURAL_BEFORE.search(view, max(s, at - 30), at) is not None


_PLURAL_BEFORE = re.compile(r"\b(?:the|their|all|many|some|most|[a-z]+)\s+[a-z-]{3,}[^s'’\s]?s\s+$")
_COUNTED_THINGS = re.compile(
    r"(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2}|several|a\s+few|a\s+number\s+of)\s+(?:[a-z-]+\s+)?"
    r"(?:things|demands|requests|measures|changes|steps|reforms|points|actions|priorities|proposals)\s*:\s*",
    re.I,
)
_SEMI_NEXT = re.compile(r"\s*;\s*(?:and\s+|or\s+)?(?:(?:for|to|on|against)\s+)?(?=[a-z\d\"“‘])")
_RELATIVE_START = re.compile(r"\s*,\s+(?:which|who|whose|where|when)\b")
_NEW_CLAUSE = re.compile(r"(?:he|she|they|it|we|i|you|this|that|there|but|yet|so|while)\b")
_AND_RESUMES = re.compile(r",\s+and\s+(?=(?:the|a|an|its|their|his|her)\s)")


def _more_items(view: str, end: int, limit: int, rules: _Rules) -> list[tuple[int, int]]:
    """Items after an object that a rule ended too soon: the rest of a semicolon list
    ("A, which they say ...; B; and C") or of a list a relative clause cut ("A, which ..., and B")."""
    out: list[tuple[int, int]] = []
    pos = end
    if _RELATIVE_START.match(view, pos, limit):
        semi = view.find(";", pos, limit)
        if semi < 0:
            resume = _AND_RESUMES.search(view, pos, limit)
            if resume:
                stop = _object_end(view, resume.end(), limit, rules)
                return [(resume.end(), stop)] if stop > resume.end() else []
            return []
        pos = semi
    while True:
        m = _SEMI_NEXT.match(view, pos, limit)
        if m is None or _NEW_CLAUSE.match(view, m.end(), limit):
            return out
        stop = view.find(";", m.end(), limit)
        stop = stop if stop >= 0 else limit
        verb = _FINITE.search(view, m.end(), stop)
        if verb and not _RELATIVE_WORD.search(view, m.end(), verb.start()):
            return out  # "; the company says it cannot": a clause of its own
        item_end = _object_end(view, m.end(), stop, rules)
        if item_end <= m.end():
            return out
        out.append((m.end(), item_end))
        pos = stop


_NEGATION_BEFORE = re.compile(r"\b(?:not|never|no\s+longer|cannot)\s+$|n['’]t\s+$")


def _negated(view: str, s: int, at: int) -> bool:
    """True for "we are not asking X to", "did not call for": nobody raises what is denied."""
    return _NEGATION_BEFORE.search(view, max(s, at - 16), at) is not None


_GERUND_LIST = re.compile(r"\b(?:for|of|by|after|with|without|from|about)\s+[a-z]+ing\b[^.;:]{0,120}$")


def _descriptive_gerund(view: str, s: int, m: re.Match[str]) -> bool:
    """True for "jailed for campaigning for reform", "accused of lobbying for X, pushing for Y":
    a gerund after a preposition, or in a list of gerunds that follows one, describes what
    someone did; it is no demand raised in the article."""
    verb = m.group("verb")
    if not verb.split()[0].endswith("ing"):
        return False
    before = view[max(s, m.start() - 140) : m.start()]
    words = before.split()
    if not words:
        return False
    last = words[-1]
    if last in _PREPOSITIONS:
        return True
    return (last.endswith(",") or last in ("and", "or")) and _GERUND_LIST.search(before) is not None


_PREPOSITIONS = frozenset("for of by after with without from about in on at against".split())

# "call for X so that Y, B, and C": after a purpose clause the list of demands goes on.
_PURPOSE = re.compile(r"\s*(?:so\s+that|in\s+order\s+to|so\s+as\s+to)\b")
_OXFORD_TAIL = re.compile(r",\s+(?:and|or)\s+\S")


def _resumed_list(view: str, end: int, limit: int, rules: _Rules) -> tuple[int, int] | None:
    if not _PURPOSE.match(view, end, limit):
        return None
    comma = view.find(",", end, limit)
    if comma < 0:
        return None
    stop = _object_end(view, comma + 1, limit, rules, lists=True)
    # Only a list of its own ("B, and C") is taken up again; a main clause after the comma is not.
    return (comma + 1, stop) if _OXFORD_TAIL.search(view, comma + 1, stop) else None


_ADJUNCT = re.compile(r"\s+(?:during|when|while|after|before|until|throughout|in|at|on|by)\s")


def _list_after_adjunct(view: str, end: int, limit: int, rules: _Rules) -> tuple[int, int] | None:
    """ "calls for A during the summer, B at peak times and C": the list goes on after the adjunct
    that ended its first item, when what follows is a list of noun phrases of its own."""
    if not _ADJUNCT.match(view, end, limit):
        return None
    comma = view.find(",", end, limit)
    if comma < 0 or len(view[end:comma].split()) > 8 or _FINITE.search(view, end, comma):
        return None
    stop = _object_end(view, comma + 1, limit, rules, lists=True)
    tail = view[comma + 1 : stop]
    if not _CONJUNCTION.search(tail) or _FINITE.search(tail) or len(tail.split()) > 30:
        return None
    return comma + 1, stop


# A linking verb before a concern adjective, perhaps with an adverb or two between.
_LINKING = re.compile(
    r"(?:\b(?:is|are|was|were|be|been|being|am|remains?|remained|feels?|felt|grew|grows|growing|became|becomes?|"
    r"seems?|seemed|got|gets|getting)|['’](?:re|s|m))\s+(?:[a-z]+ly\s+|more\s+|very\s+|so\s+|too\s+|deeply\s+|"
    r"also\s+|still\s+|not\s+|increasingly\s+){0,2}['‘\"“]?$"
)


def _in_quotation(view: str, s: int, at: int) -> bool:
    """True when a quotation opened earlier in the paragraph is still open at ``at``."""
    line = view.rfind("\n", 0, s) + 1
    before = view[line:at]
    curly = before.count("“") - before.count("”")
    return curly > 0 or (curly == 0 and before.count('"') % 2 == 1)


def _plausible_target(target: str) -> bool:
    # "urged the government to", "called on rich nations to": a short addressee, no verb in it.
    words = target.split()
    return len(words) <= 8 and not any(w in ("is", "are", "was", "were", "has", "have", "had", "will") for w in words)


_OBJECT_POSITION = compile_lower(
    r"\b(?:on|about|with|over|discuss\w*|rais\w*|address\w*|tackl\w*|focus\w*\s+on)\s+(?:the\s+|these\s+)?$"
)


def _issue_list_ok(view: str, m: re.Match[str]) -> bool:
    gap = m.group("gap") or ""
    link = " ".join((m.group("link") or ":").lower().split())
    if m.group("noun").lower() == "agenda" and not link.startswith(("includ", "such", ":")):
        return False  # "the agenda of the summit", "the agenda was set": no list of items
    if link.startswith("includ") and (_MODAL_GAP.fullmatch(gap) or _SETTING_GAP.fullmatch(gap)):
        gap = ""  # "topics will include", "topics discussed in Hanoi included", "agenda items in Canberra include"
    if link == "of" and (gap.strip() or not _OBJECT_POSITION.search(view, max(0, m.start() - 30), m.start())):
        return False
    if link in ("are", "were", "is", "was") and _AMONG_THE.search(view, max(0, m.start() - 30), m.start()):
        # "Among the concerns raised at the meeting were A, B and C"
        return not _NEGATION.search(gap)
    # "issues they hope X will raise, among them" may carry a short relative clause; other links
    # must follow the noun directly ("issues such as", "some of the issues are").
    if gap.strip() and not link.startswith("among") and link != ":":
        return False
    if link in ("are", "were"):
        # "some of the issues are A, B and C"; not "the port measures are the most important part"
        word_before = view[max(0, m.start() - 20) : m.start()].split()[-1:]
        if _NEGATION.search(gap) or (word_before and word_before[0] not in _ISSUE_NOUN_OPENERS):
            return False
    return True


_AMONG_THE = compile_lower(r"\bamong\s+(?:the|their|its|his|her)\s+(?:[a-z-]+\s+){0,2}$")
_SETTING_GAP = re.compile(
    r"\s*(?:(?:discussed|raised|covered|addressed|tabled|on\s+the\s+agenda|to\s+be\s+discussed)\s*)?"
    r"(?:(?:in|at|during|for)\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?\s*)?"
)
_MODAL_GAP = re.compile(
    r"\s*(?:(?:will|would|could|may|might|should|also|likely|expected|set|is|are|to|be)\s+)*"
    r"(?:will|would|could|may|might|should|also|likely|expected|set|is|are|to|be)\s*"
)


# Words that may stand before an issue noun that a list after "are" spells out.
_ISSUE_NOUN_OPENERS = frozenset(
    "the main key major other biggest chief central core outstanding remaining top these those two three four "
    "five six several many some".split()
)


_NEGATION = re.compile(r"\b(?:not|no)\b")
_AUXILIARY_BEFORE = re.compile(r"\b(?:being|been|be|is|are|was|were)\s+$")
_LETTER_RUN = re.compile(r"[a-z]+")


def _passive_or_past_participle(view: str, m: re.Match[str]) -> bool:
    before = view[max(0, m.start() - 12) : m.start()].lower()
    return bool(_AUXILIARY_BEFORE.search(before))


_ADVERBIAL = compile_lower(r",\s*[^,]{1,40},\s*|(?:in\s+depth|at\s+length|again|openly|publicly|privately|directly)\s+")


def _skip_adverbial(view: str, at: int, limit: int) -> int:
    m = _ADVERBIAL.match(view, at - 1 if at and view[at - 1] == "," else at, limit)
    return m.end() if m else at


def _object_end(view: str, start: int, limit: int, rules: _Rules, lists: bool = False, keep_list: bool = False) -> int:
    m = rules.clause_break.search(view, start, limit)
    end = limit
    if m:
        end = m.start()
        while end > start and view[end - 1].isspace():
            end -= 1
    while end > start and view[end - 1] in " .,'\"’”":
        end -= 1
    if keep_list:
        # Demands are noun phrases: a comma item with a verb of its own ("..., hopes the
        # council will agree") is a new clause, and the demands end before it.
        comma = view.find(",", start, end)
        while comma > start:
            nxt = view.find(",", comma + 1, end)
            stop = nxt if nxt > 0 else end
            verb = _FINITE.search(view, comma + 1, stop)
            if verb and not _RELATIVE_WORD.search(view, comma + 1, verb.start()):
                end = comma
                break
            comma = nxt
    # A demand runs to the next clause; a very long one is cut at its first comma, unless it is
    # a list of demands ("A, B, and C").
    if not lists and len(view[start:end].split()) > 25:
        comma = view.find(",", start, end)
        if comma > start and not (keep_list and _looks_like_list(view, start, end)):
            end = comma
    return end


# A finite verb in a list item means a clause, not a noun phrase; relative clauses aside.
_FINITE = re.compile(r"\b(?:will|would|has|have|had|is|are|was|were|said|says|hopes?|called|calls)\b")
_RELATIVE_WORD = re.compile(r"\b(?:who|which|that|whose|where|when|whenever|once|if)\b")


def _looks_like_list(view: str, start: int, end: int) -> bool:
    """True for "A, B, and C" where every item is a noun phrase (the demands of a call for)."""
    items = view[start:end].split(",")
    if len(items) < 3 or not items[-1].lstrip().startswith(("and ", "or ")):
        return False
    for item in items:
        verb = _FINITE.search(item)
        if verb and not _RELATIVE_WORD.search(item, 0, verb.start()):
            return False
    return True


def _has_topic_word(text: str, rules: _Rules) -> bool:
    return not rules.topic_words.isdisjoint(_LETTER_RUN.findall(text.lower()))


_SUBJECT_LEAD = compile_lower(
    r"(?:(?:in|on|at|after|before|ahead\s+of|earlier|later|last|this|since|during|following|meanwhile|however|but|"
    r"and|also|separately)\b[^,]{0,80},\s*)",
)


def _subject_start(view: str, s: int, at: int) -> int:
    cut = max(s, *(view.rfind(sep, s, at) + len(sep) for sep in ("; ", ": ", " - ", " – ", " — ", ", ")))
    m = _SUBJECT_LEAD.match(view, cut, at)
    start = m.end() if m else cut
    while start < at and view[start] in " '\"‘“":
        start += 1
    return start


_PRONOUN = compile_lower(r"\b(?:he|she)\s+(?:\w+\s+){0,3}$")
_NP_SUBJECT = compile_lower(
    r"\b(?:the|these|those|their|its|his|her)\s+(?P<np>(?:[\w'’-]+\s+){0,3}?[\w'’-]+)\s+"
    r"(?:(?:have|has|had|will|would|could|should|also|then|is|are|was|were|go\s+on\s+to)\s+)*(?:\w+\s+){0,2}$",
)


def _raiser(view: str, low: str, s: int, at: int) -> str | None:
    """Who raises it: the last name in the clause before the verb, else "he"/"she", else a short noun phrase."""
    start = _subject_start(low, s, at)
    if at - start > 200:
        start = at - 200
    names = [n for n in find_names(view, start, at) if n.kind is not None and not n.possessive]
    if names:
        return names[0].canonical if len(names) == 1 or names[0].kind else names[-1].canonical
    # A pronoun is one of the last few words before the verb: no need to search further back.
    if _PRONOUN.search(low, max(start, at - 80), at):
        person = resolve_person(view, start)
        return person.canonical if person else None
    # The noun phrase must open the clause: tried only at its first few characters.
    for p in range(start, min(start + 7, at)):
        m = _NP_SUBJECT.match(low, p, at)
        if m:
            return " ".join(view[m.start() : m.end("np")].split())
    return None


# --- lists and items ------------------------------------------------------------------------

# Items are trimmed, so the separators need no leading \s* (which would make the search slow).
_COMMA = re.compile(r"(?:(?<!\d),|,(?!\d)|;)\s*(?:(?:and|or)\s+)?")
_AND = re.compile(r"\s+(?:and|or)\s+")
_DETERMINED = re.compile(
    r"^(?:the|a|an|their|its|his|her|our|any|all|more|new|better|greater|further|stronger|[\w-]+['’]s)\b|^\w+ing\b",
    re.I,
)
_ADJECTIVE = re.compile(r"(?:al|ic|ive|ous|ary|ern|ful|less|ese|ish|ian|ean|ible|able)$", re.I)
# The left part ends in a preposition with a bare object ("... of fuel", "checks on fruit").
_BARE_PP_END = re.compile(
    r"\b(?:of|on|for|in|to|from|with|against|about|over)\s+(?!(?:the|a|an|their|its|his|her|our|this|that|these|those)\b)"
    r"[\w'’-]+(?:\s+[\w'’-]+)?$",
    re.I,
)
_BARE_START = re.compile(
    r"(?!(?:the|a|an|their|its|his|her|our|this|that|these|those|any|all|more|new|[\w-]+['’]s)\b)[a-z]", re.I
)
_PREP_START = re.compile(r"(?:of|for|to|in|on|with|from|by|against|about|over|between)\b", re.I)
_BETWEEN = re.compile(r"\bbetween\s+(?:(?!\band\b).)+$", re.I)
_PREP = re.compile(r"\b(?:of|for|to|in|on|with|from|by|against|about|over|between)\b", re.I)


def _split(view: str, cand: _Candidate, rules: _Rules) -> list[tuple[int, int]]:
    a, b = trim(view, cand.start, cand.end)
    if b <= a:
        return []
    if cand.rule == "urge_to":
        # "urged her to raise A and B in her meetings": the things to raise are the issues.
        m = _TOPIC_DEMAND.match(view, a, b)
        if m is None:
            # "ask him why China continues to A and B" asks a question: kept whole.
            asked = view[cand.verb : a] if cand.verb is not None else ""
            if _WH_WORD.search(asked):
                return [(a, b)]
            # "to keep the ward open, to recruit nurses, and to station an ambulance"
            out = []
            pos = a
            for t in _TO_AGAIN.finditer(view, a, b):
                out += _verb_phrases(view, pos, t.start())
                pos = t.end()
            return out + _verb_phrases(view, pos, b)
        a = m.end()
        occasion = _OCCASION.search(view, a, b)
        if occasion:
            b = occasion.start()
        return _list_split(view, a, b)
    if cand.rule in ("must_be_done", "concern", "agenda"):
        return [(a, b)]
    if cand.rule == "from_to":
        to = re.search(r"\s+to\s+", view[a:b])
        parts = [(a, a + to.start()), (a + to.end(), b)] if to else [(a, b)]
        out: list[tuple[int, int]] = []
        for x, y in parts:
            out += _split_and(view, x, y)
        return out
    return _list_split(view, a, b)


# A demand that is itself a topic verb: what follows it is a list of topics.
_TOPIC_DEMAND = re.compile(
    r"(?:raise|discuss|address|tackle|take\s+up|bring\s+up|focus\s+on|press\s+for|push\s+for|"
    r"prioriti[sz]e)\s+(?=\S)",
    re.I,
)
# "... when she meets officials", "... during her visit": the occasion, after the list of topics.
_WHEN_CLAUSE = re.compile(
    r"\s+(?:when|while|once|as|during|at|on|in)\s+(?:she|he|they|it|we|her|his|their|the\s+\w+\s+\w+s\b)"
)
# "... in her meetings", "... at that meeting", "... during the visit": when, not what.
_OCCASION = re.compile(
    r"\s+(?:in|at|during|on)\s+(?:his|her|their|its|the|that|this|these|those|next|upcoming|a|an)\s+"
    r"(?:[\w'’-]+\s+){0,2}(?:meetings?|talks|visits?|trips?|discussions?|summits?|sessions?|conferences?|"
    r"negotiations|tour)\s*$",
    re.I,
)


_ATTACHED = re.compile(r"(?:such\s+as|especially|notably|particularly|that|which|who|whose)\b", re.IGNORECASE)


# "urged the council to scrap the levy and reopen the clinics": two demands, each a verb with its
# own object; "to protect workers and the environment" is one verb with two objects.
_AND_VERB = re.compile(
    r"(?P<link>,?\s+and|,)\s+(?P<verb>(?!(?:the|a|an|its|their|his|her|our|all|more|any|those|these|this|that|other|"
    r"not|then|also|especially|particularly|including|notably|even|only)\b)[a-z]+(?<!ly))\s+"
    r"(?:the|a|an|its|their|his|her|our|all|more|any|those|these|this|that)\b"
)


_TO_AGAIN = re.compile(r",\s+(?:and\s+|or\s+)?to\s+(?=[a-z])")
_EMBEDDED = re.compile(r"\bto\s+[a-z]")
_WH_WORD = re.compile(r"\b(?:why|how|what|whether|when|where|if|who)\b", re.IGNORECASE)


def _verb_phrases(view: str, a: int, b: int) -> list[tuple[int, int]]:
    """The demands of "to scrap the levy, extend the service and reopen the clinics", one per verb."""
    links = list(_AND_VERB.finditer(view, a, b))
    # A comma alone separates verbs only in a list that ends with "and <verb>".
    while links and "and" not in links[-1].group("link"):
        links.pop()
    if links and (_EMBEDDED.search(view, a, links[0].start()) or _WH_WORD.match(view, a)):
        return [(a, b)]  # "to back a plan to fight X and find Y", "ask why X continues to A and B"
    out = []
    pos = a
    for m in links:
        out.append(trim(view, pos, m.start()))
        pos = m.start("verb")
    out.append(trim(view, pos, b))
    return [(x, y) for x, y in out if y > x]


def _list_split(view: str, a: int, b: int) -> list[tuple[int, int]]:
    items: list[tuple[int, int]] = []
    described: set[int] = set()
    for x, y in list_items(view, a, b, _COMMA):
        # "specific products, such as whey and formula, that India imports": one item, described
        if items and _ATTACHED.match(view, x, y):
            items[-1] = (items[-1][0], y)
            described.add(len(items) - 1)
        else:
            items.append((x, y))
    out = []
    last = len(items) - 1
    for k, (x, y) in enumerate(items):
        if k in described:
            out.append((x, y))  # its "and" belongs to the description ("such as A and B")
            continue
        oxford = k and _CONJUNCTION.search(view, items[k - 1][1], x) is not None
        if k == last and last >= 1 and not oxford and not _OPENS_WITH_AND.match(view, x, y):
            # "A, B and C": the last comma item holds the list's own conjunction.
            conjunctions = list(_AND.finditer(view, x, y))
            if conjunctions:
                m = conjunctions[-1]
                out += _split_and(view, x, m.start()) + _split_and(view, m.end(), y)
                continue
        out += _split_and(view, x, y)
    return out


def _split_and(view: str, a: int, b: int) -> list[tuple[int, int]]:
    """Split "A and B" inside one item when B is a phrase of its own, not a shared head."""
    a, b = trim(view, a, b)
    cuts = []
    for m in _AND.finditer(view, a, b):
        left = view[cuts[-1][1] if cuts else a : m.start()]
        nxt = _AND.search(view, m.end(), b)
        right = view[m.end() : nxt.start() if nxt else b]
        shared_head = _ADJECTIVE.search(left) is not None  # "regional and global issues"
        if _BETWEEN.search(left):
            continue  # "a line between the centre and the airport" is one thing
        if (
            _BARE_PP_END.search(left)
            and _BARE_START.match(right)
            and not _PREP_START.match(right)
            and not _DETERMINED.match(right)
        ):
            continue  # "a cap on the price of fuel and fertiliser for farms": one object of "of"
        if (
            _DETERMINED.match(right)
            or _PREP.search(right)
            or (len(left.split()) >= 2 and len(right.split()) >= 2 and not shared_head)
        ):
            cuts.append((m.start(), m.end()))
    out = []
    pos = a
    for x, y in cuts:
        out.append(trim(view, pos, x))
        pos = y
    out.append(trim(view, pos, b))
    return [(x, y) for x, y in out if y > x]


# "we are asked to fill in forms": the speakers are the ones asked (a complaint, not a demand).
_SPEAKER_ASKED = re.compile(
    r"\b(?:we|i|you)\s+(?:are|were|was|am|have\s+been|get|got|keep\s+being)\s+(?:\w+\s+)?$"
    r"|\b(?:we['’]re|i['’]m|you['’]re)\s+(?:\w+\s+)?$"
)
_WITH = re.compile(r"\bwith\s+(?!.*\bwith\s)")
_CLAUSE_PUNCT = re.compile(r"[;:()]")
_OPENS_WITH_ADJUNCT = re.compile(r"(?:at|in|on|during|before|after|by|with|when|while|until)\s")
_APPOSITIVE = re.compile(
    r"(?:a|an|the|one)\s+(?:[a-z-]+\s+)?(?:proposal|plan|idea|move|step|measure|decision|suggestion|initiative|"
    r"position|demand|call)\s+(?:that|which)\b"
)
_OPENS_WITH_AND = re.compile(r"(?:and|or)\s")
_CONJUNCTION = re.compile(r"\b(?:and|or)\b")
_OPENS_WITH_PREPOSITION = re.compile(r"(?:with|by|in|at|from|on)\s")

_LEADING = compile_lower(
    r"^(?:and|or|also|even|especially|particularly|notably|including|such\s+as|among\s+them|namely|as\s+well\s+as|"
    r"coping\s+with|dealing\s+with|issues\s+of)\s+",
)


_ATTRIBUTION = compile_lower(r"(?:[\w'’.-]+\s+){0,5}(?:said|says|told|added|announced|noted|stressed|explained)$")


def _issue(view: str, low_view: str, a: int, b: int, cand: _Candidate, rules: _Rules) -> _Found | None:
    m = _LEADING.match(low_view, a, b)
    while m and m.end() < b:
        a = m.end()
        m = _LEADING.match(low_view, a, b)
    a, b = trim(view, a, b)
    if _ATTRIBUTION.match(low_view, a, b):
        return None  # "..., a Foreign Office official said": who said the list, not an item of it
    if cand.rule == "urge_to":
        p = rules.priority.match(low_view[a:b])
        if p:
            a, b = a + p.start("x"), a + p.end("x")
        elif rules.empty_demand.match(low_view[a:b]):
            return None
    text = " ".join(view[a:b].split())
    low = text.lower()
    if a > cand.start and _OPENS_WITH_PREPOSITION.match(low):
        return None  # a prepositional tail split off a list item, not an item of its own
    words = [w for w in _TOKEN.findall(low) if w not in rules.stop]
    if not words or low in rules.empty_objects or len(words) > 30:
        return None
    if words[-1] in rules.t.generic_nouns and all(w in rules.vague for w in words[:-1]):
        return None  # "separate concerns", "further questions": nothing said about what
    if len(words) > 1 and words[0] in rules.anaphoric and words[1] in rules.t.generic_nouns:
        return None  # "similar problems in its mining regions" points back to other issues
    if low.startswith(("not only ", "not just ", "but also ", "not ")):
        return None  # "..., not only in the ski season": a qualification of the item before
    if len(words) == 1 and words[0].endswith("ly"):
        return None  # "frankly", "respectfully": how, not what
    if _APPOSITIVE.match(low):
        return None  # "..., a proposal that has divided the summit" restates the item before it
    if cand.rule in ("call_for", "topic", "concern") and low.split()[0] in ("him", "her", "them", "it", "this"):
        return None
    return (a, b, text, cand, words)


_TOKEN = re.compile(r"\w+")


def _f1(x: Counter[str], y: Counter[str]) -> float:
    # 2PR / (P + R) with P = common / |x| and R = common / |y|, without the rounding.
    common = sum(min(n, y[w]) for w, n in x.items() if w in y)
    return 2 * common / (x.total() + y.total()) if common else 0.0


def _near_duplicate(words: list[str], seen: frozenset[str], k_words: list[str], k_seen: frozenset[str]) -> bool:
    """Word-level F1 of two issues (stop words aside) of at least 0.75."""
    if seen.isdisjoint(k_seen):
        return False
    if len(seen) == len(words) and len(k_seen) == len(k_words):
        # No repeated word on either side: the F1 of the two sets is the F1 of the two bags.
        return 2 * len(seen & k_seen) >= 0.75 * (len(seen) + len(k_seen))
    return _f1(Counter(words), Counter(k_words)) >= 0.75


def _dedupe(found: list[_Found]) -> list[_Found]:
    out: list[_Found] = []
    kept: list[tuple[list[str], frozenset[str]]] = []
    for issue in sorted(found, key=lambda i: (i[0], -i[1])):
        if any(o[0] <= issue[0] and issue[1] <= o[1] for o in out):
            continue
        words = issue[4]
        seen = frozenset(words)
        if any(_near_duplicate(words, seen, kw, ks) for kw, ks in kept):
            continue
        out.append(issue)
        kept.append((words, seen))
    return out
