"""Signatories: who signed, co-signed, endorsed or jointly issued a letter, petition or statement.

Rules, each named in the finding's ``rule``:

- ``signed_by``: "<document> ... signed / endorsed / co-signed by <signers>"; weaker verbs
  ("organised by", "sent by", "backed by") only when the document is what they describe.
- ``signers_signed``: "<signers> have (also) signed / sent / issued a <document>", and
  "<signers> added their names".
- ``in_document``: "In a (joint) letter / open letter / joint statement ..., <signers> said".
- ``said_in_document``: "<signers> said in a joint statement / an open letter".
- ``signers_include``: "the groups, which include <signers>", "among those who signed are
  <signers>", "organisations backing the letter include <signers>", when a document is
  mentioned in that sentence or the two before.
- ``signatures``: "<document> has gathered more than 85,000 signatures".
- ``also_signed``: "<X> have also signed a letter" after "<A> and <B> have called on ...":
  the "also" makes A and B signers of the same letter.
- ``wrote_to``: "<groups> have written to the minister": a letter, though the text does not
  say so; only groups and organisations (one person writing to another is correspondence).
- a sentence opening "Endorsed / Signed / Backed by <signers>, it ..." refers to the document
  of the sentences before; "<signers> put their names to / added their signatures to / joined
  the list", with "among them <signers>" after it.

<signers> is a list ("A, B and C"); each item is a named organisation or person (see
``summarize.extract.names``), an unnamed group with a count ("seven human rights groups",
"more than 60 scholars": ``count`` and ``count_qualifier``), a group without a count ("dozens
of NGOs", "several unions": ``count`` null), or "he"/"she" (the nearest person named before).
The same signatory found twice is one entry (the first, with a document filled in from a later
mention if needed); so are all the groups without a count, which cannot be told apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from summarize.extract.clauses import (
    Triggers,
    compile_lower,
    list_items,
    lowered,
    previous_sentences,
    sentence_spans,
)
from summarize.extract.names import NameSpan, find_names, resolve_person
from summarize.extract.places import gazetteer
from summarize.models import Article, CountQualifier, Signatory, SignatoryKind
from summarize.resources import load_validated

__all__ = ["extract_signatories"]


class _Triggers(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)
    documents: list[str]
    joint_only: list[str]
    not_documents: list[str]
    passive_verbs: list[str]
    strong_passive_verbs: list[str]
    active_verbs: list[str]
    speech_verbs: list[str]
    include_verbs: list[str]
    signer_nouns: list[str]
    qualifiers: dict[str, CountQualifier]
    numbers: dict[str, int]
    approximate_numbers: dict[str, int]
    count_nouns_excluded: list[str]
    vague_quantities: list[str]
    group_nouns: list[str]


def _alt(words: list[str] | set[str] | dict[str, object]) -> str:
    lower = {w.lower() for w in words}
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(lower, key=len, reverse=True))


@dataclass(frozen=True)
class _Rules:
    t: _Triggers
    document: re.Pattern[str]
    not_document: re.Pattern[str]
    passive: re.Pattern[str]
    active: re.Pattern[str]
    in_document: re.Pattern[str]
    said_in: re.Pattern[str]
    include: re.Pattern[str]
    among_signed: re.Pattern[str]
    signatures: re.Pattern[str]
    added_names: re.Pattern[str]
    count: re.Pattern[str]
    count_of_you: re.Pattern[str]
    call_subject: re.Pattern[str]
    active_words: tuple[str, ...]  # one of them is in every sentence the active rule can match
    speech: re.Pattern[str]
    count_openings: frozenset[str]  # first words of qualifiers and number words
    vague_openings: tuple[str, ...]  # "several ", "dozens of "...
    joint_at: int = 1 << 62  # offset of the article's first joint statement, which "the statement" may recall


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    t = load_validated("signatory_triggers.json", _Triggers)
    doc = rf"(?:{_alt(t.documents)})"
    document = compile_lower(rf"\b(?P<joint>joint\s+|open\s+)?(?P<doc>{doc})\b")
    speech = _alt(t.speech_verbs)
    simple = rf"(?:\d[\d,.]*|{_alt(t.numbers)})"
    # "two dozen", "three hundred", "5 thousand": a number and a multiplier
    number = rf"(?:{simple}\s+(?:{_alt(_MULTIPLIERS)})\b|\d[\d,.]*|{_alt(t.numbers)}|{_alt(t.approximate_numbers)})"
    qual = _alt(t.qualifiers)
    return _Rules(
        t=t,
        document=document,
        not_document=compile_lower(rf"\b(?:{_alt(t.not_documents)})\b"),
        passive=compile_lower(
            rf"\b(?P<verb>{_alt(t.passive_verbs)})\s+(?:jointly\s+)?(?:(?:on|in)\s+[\w ]{{1,20}}?\s+)?"
            r"by(?:\s*,\s*(?:among|amongst)\s+others\s*,)?\s+"
        ),
        active=compile_lower(
            rf"\b(?:have|has|had|who|which)?\s*(?:also\s+|jointly\s+|together\s+)?(?P<verb>{_alt(t.active_verbs)})\s+"
            rf"(?:(?:a|an|the|their|its|this|that)\s+)?(?:[\w-]+\s+){{0,3}}?(?P<doc>(?:joint\s+|open\s+)?{doc})\b",
        ),
        in_document=compile_lower(
            rf"\s*(?:in|through|with)\s+(?:a|an|the|their|its)\s+(?P<doc>(?:joint\s+|open\s+)?{doc})\b[^,]{{0,160}},\s*",
        ),
        said_in=compile_lower(
            rf"\b(?P<verb>{speech})\s+(?:\w+\s+){{0,3}}?in\s+(?:a|an|the|their)\s+(?P<doc>(?:joint\s+|open\s+)?{doc})\b",
        ),
        include=compile_lower(
            rf"\b(?P<noun>{_alt(t.signer_nouns)})"
            r"(?:\s+(?:backing|supporting|signing|behind|endorsing|who\s+signed|that\s+signed)"
            r"(?:\s+(?:the|this|that|their|it))?(?:\s+[\w-]+){0,3}?)?"
            r"\s*,?\s*(?:which|who)?\s*(?:have\s+|had\s+)?(?:also\s+)?"
            r"(?:include[sd]?|including|among\s+them|such\s+as)\s*,?\s+",
        ),
        among_signed=compile_lower(
            r"\b(?:among|of)\s+(?:those|the\s+(?:[a-z-]+\s+){0,2}?(?:people|individuals|groups|organi[sz]ations|signatories|"
            r"[a-z-]+s))\s+"
            r"(?:(?<=signatories\s)|(?<=signers\s)|(?<=co-signatories\s)|"
            r"(?:who\s+)?(?:have\s+|had\s+)?(?:signed|endorsed|co-signed)(?:\s+it)?\s+)(?:are|were|is|was)\s+",
        ),
        signatures=compile_lower(
            rf"(?P<count>(?:(?:{qual})\s+)?{number})\s+signatures\b",
        ),
        added_names=compile_lower(
            r"\b(?:(?:added|put|lent)\s+(?:their|its|his|her)\s+(?:names?|signatures?)"
            r"|joined\s+the\s+(?:list\s+of\s+)?(?:signatories|signers|list|initiative|appeal|call|letter|statement|"
            r"declaration|petition|manifesto|charter))\b"
        ),
        count=re.compile(
            rf"\s*(?:(?P<qual>{qual})\s+)?(?P<num>{number})\s+(?P<words>(?:[\w'’-]+\s+){{0,4}}?)(?P<noun>[a-zA-Z][\w-]*s)\b",
            re.I,
        ),
        count_of_you=re.compile(rf"\s*(?:(?P<qual>{qual})\s+)?(?P<num>{number})\s+of\s+(?:you|us|them)\b", re.I),
        active_words=tuple(sorted({v.lower() for v in t.active_verbs})),
        speech=compile_lower(rf"\b(?:{speech})\b"),
        count_openings=frozenset(w.split()[0].lower() for w in [*t.qualifiers, *t.numbers, *t.approximate_numbers]),
        vague_openings=tuple(v + " " for v in t.vague_quantities),
        call_subject=re.compile(
            r"\b(?:have|has|had)?\s*(?:called\s+on|called\s+for|urged|appealed\s+to|asked|demanded|written\s+to)\b",
            re.I,
        ),
    )


@dataclass(slots=True)
class _Found:
    """A signatory before it becomes a model (built once, for the entries kept)."""

    key: str
    name: str | None
    kind: SignatoryKind
    count: int | None
    count_qualifier: CountQualifier | None
    document: str | None
    start: int
    end: int
    rule: str


def extract_signatories(article: Article) -> list[Signatory]:
    """Signers of letters, petitions and joint statements, in document order, without duplicates."""
    view = article.view
    low = lowered(view)
    spans = sentence_spans(article)
    by_i = _SIGNING.by_sentence(low, spans)
    if not by_i:
        return []
    first_joint = _JOINT.search(low) if "joint" in low else None
    rules = replace(_rules(), joint_at=first_joint.end()) if first_joint else _rules()
    # Which sentences name a document at all: found with the trigger words, it spares most
    # sentences the document rules.
    has_doc = [False] * len(spans)
    for i, sentence_hits in by_i.items():
        has_doc[i] = any(word in _DOC_WORDS for _, word in sentence_hits)
    found: list[_Found] = []
    for i in by_i:
        here = _sentence(article, low, rules, spans, i, has_doc)
        found.extend(here)
        if here:
            found.extend(_so_did(article, low, spans, i + 1, here[-1].document))
    return _dedupe(found, article.text)


_JOINT = re.compile(r"\bjoint\s+(?:statement|communiq)")
_DEFINITE = re.compile(r"\b(?:the|this|that|their)\s+$", re.I)

# The words, as whole a-z words, of every sentence a signatory rule can apply to: the
# documents, and the signing words of the rules that do without one in the same sentence.
# ("co-signed" gives "signed"; "communiqué" gives "communiqu".)
_DOC_WORDS = frozenset(
    "letter letters petition petitions statement statements declaration declarations charter charters "
    "manifesto manifestos manifestoes appeal appeals appealed appealing communique communiques communiqu "
    "pledge pledges pledged".split()
)
_SIGNING = Triggers(
    _DOC_WORDS
    | frozenset(
        "signed cosigned countersigned undersigned signatory signatories endorse endorses endorsed endorsing "
        "endorsement endorsements wrote written include includes included including among amongst such signatures "
        "signature name names joined led drafted drawn authored issued backed supported".split()
    )
)

# "said in a letter": tested before the costlier said-in rule (a literal start is found fast).
_IN_DOCUMENT = re.compile(r"in\s+(?:an?|the|their)\s")


def _has(low: str, words: tuple[str, ...]) -> bool:
    return any(w in low for w in words)


def _document_text(view: str, m: re.Match[str], limit: int) -> str:
    """The document as written, with its addressee or topic when given ("letter to X")."""
    start = m.start()
    tail = re.match(
        r"\s+(?:(?:directly|personally)\s+)?(?:addressed\s+|sent\s+)?(?P<prep>to|on|for|against|calling)\s+"
        r"(?P<obj>(?:the\s+)?(?:[A-Z0-9][\w.'’-]*|of|and|the|for|on)(?:\s+(?:[A-Z0-9][\w.'’-]*|of|and|the|for|on)){0,8})",
        view[m.end() : limit],
    )
    end = m.end()
    if tail and tail.group("prep") != "calling":
        obj = tail.group("obj")
        obj = re.sub(r"(?:\s+(?:of|and|the|for|on))+$", "", obj)
        if (obj and obj[0].isupper()) or obj.lower().startswith("the "):
            end = m.end() + tail.start("obj") + len(obj)
    return " ".join(view[start:end].split())


def _is_document(m: re.Match[str], rules: _Rules) -> bool:
    words = m.group("doc").lower().split()
    joint = "joint" in words or "joint" in (m.groupdict().get("joint") or "").lower()
    if words[-1] not in rules.t.joint_only or joint:
        return True
    # "the statement" after a joint statement is that statement.
    at = m.start("doc")
    return at > rules.joint_at and _DEFINITE.search(m.string, max(0, at - 8), at) is not None


def _documents(lv: str, s: int, e: int, rules: _Rules) -> list[re.Match[str]]:
    return [m for m in rules.document.finditer(lv, s, e) if _is_document(m, rules)]


def _sentence(
    article: Article, lv: str, rules: _Rules, spans: list[tuple[int, int]], i: int, has_doc: list[bool]
) -> list[_Found]:
    # The rules match ``lv``, the lower-cased view (same offsets), with lower-case patterns.
    view = article.view
    s, e = spans[i]
    docs = _documents(lv, s, e, rules) if has_doc[i] else []
    sentence = view[s:e]
    low = lv[s:e]
    out: list[_Found] = []
    doc_text = _document_text(view, docs[0], e) if docs else None

    # In a letter ..., A and B said ...
    m = rules.in_document.match(lv, s, e) if docs else None
    if m and _is_document(m, rules):
        doc_text = " ".join(view[m.start("doc") : m.end("doc")].split())
        d = rules.document.search(lv, m.start("doc"), e)
        if d:
            doc_text = _document_text(view, d, e)
        verb = rules.speech.search(lv, m.end(), e)
        if verb:
            out += _signers(article, m.end(), verb.start(), "in_document", doc_text)

    # A and B said in a joint statement
    for m in rules.said_in.finditer(lv, s, e) if docs and _IN_DOCUMENT.search(low) else ():
        if _is_document(m, rules):
            start = _clause_start(view, s, m.start())
            out += _signers(article, start, m.start(), "said_in_document", _document_text_at(view, lv, m, e, rules))

    # <document> ... signed by A, B and C
    for m in rules.passive.finditer(lv, s, e) if " by" in sentence else ():
        verb = m.group("verb")
        doc = _nearest_document(lv, s, m.start(), rules)
        if doc is None and verb in rules.t.strong_passive_verbs:
            # "a statement signed by 15 unions": signing makes a plain statement a signed one.
            doc = _signed_statement(lv, s, m.start(), rules)
        if doc is None:
            # "It has been signed by two dozen mayors": the document named in the sentences before.
            text_subject = verb in rules.t.strong_passive_verbs and _TEXT_SUBJECT.match(lv, s, m.start())
            if text_subject or _IT_SUBJECT.search(lv, max(s, m.start() - 60), m.start()):
                earlier = _previous_document(view, lv, spans, i, rules)
                if earlier is None and text_subject:
                    earlier = " ".join(view[text_subject.start("doc") : text_subject.end("doc")].split())
                if earlier is not None:
                    out += _signers_listed(article, m.end(), e, "signed_by", earlier)
            continue
        # Weaker verbs ("organised by", "sent by") only describe the document itself: its subject.
        subject = doc.start() - s <= 12
        near = subject or (
            m.start() - doc.end() <= 60 and "," not in view[doc.end() : m.start()].replace(", which", "")
        )
        if verb not in rules.t.strong_passive_verbs and not near:
            continue
        out += _signers_listed(article, m.end(), e, "signed_by", _document_text(view, doc, e))

    # 14 hauliers and the Ferry Trust have written to the minister (a letter, though unnamed)
    for m in _WROTE_TO.finditer(lv, s, e) if "wr" in low else ():
        start = _clause_start(view, s, m.start())
        addressee = _ADDRESSEE.match(view, m.end(), e)
        document = "letter to " + addressee.group().strip() if addressee else "letter"
        found = _signers(article, start, m.start(), "wrote_to", document)
        # One person writing to another is correspondence; groups and organisations write letters.
        out += [f for f in found if f.kind in ("group", "organization")]

    # Endorsed by A and B, it calls for ... (the document is the one just named)
    m = _OPENING_PARTICIPLE.match(lv, s, e)
    if m and not docs:
        document = _previous_document(view, lv, spans, i, rules)
        if document is not None:
            end = _list_end(view, m.end(), e)
            comma = view.find(",", m.end(), end)
            out += _signers(article, m.end(), comma if comma > 0 else end, "signed_by", document)

    # A and B have signed a letter
    for m in rules.active.finditer(lv, s, e) if docs and _has(low, rules.active_words) else ():
        negated = _NEGATED.search(lv, max(s, m.start() - 30), m.start())
        if not _is_document(m, rules) or _refers_back(view, m) or negated:
            continue
        start = _clause_start(view, s, m.start())
        found = _signers(article, start, m.start(), "signers_signed", _document_text_at(view, lv, m, e, rules))
        out += found
        if found and re.search(r"\balso\b", view[m.start() : m.start("verb")]):
            out += _also_signed(article, spans, i, found[0].document)
    m2 = rules.added_names.search(lv, s, e) if _has(low, (" name", " signature", "joined the")) else None
    if m2 and (
        docs or m2.group().startswith(("added", "put", "lent")) or _context_has_doc(lv, spans, i, has_doc, rules)
    ):
        start = _clause_start(view, s, m2.start())
        document = doc_text or _previous_document(view, lv, spans, i, rules)
        out += _signers(article, start, m2.start(), "signers_signed", document, counts_only=False)
        as_did = _AS_DID.search(lv, m2.end(), e)
        if as_did:
            out += _signers(article, as_did.end(), _list_end(view, as_did.end(), e), "so_did", document)
        # "... put their names to the text, among them A and B"
        among = _AMONG_THEM.search(lv, m2.end(), e)
        if among:
            end = _list_end(view, among.end(), e)
            out += _signers(article, among.end(), end, "signers_include", document, default_kind="organization")

    # the groups, which include A and B / among those who signed are A and B
    context_has_doc = bool(docs) or _context_has_doc(lv, spans, i, has_doc, rules)
    if (context_has_doc and _has(low, ("signed", "endorsed", "backed", "supported"))) or "signator" in low:
        out += _signed_it(article, lv, rules, spans, i, doc_text)
    if context_has_doc or _has(low, ("signatories", "signers")):
        # "Its signatories include": the noun says a document was signed
        doc_for_context = doc_text or _previous_document(view, lv, spans, i, rules)
        for m in rules.include.finditer(lv, s, e) if _has(low, ("includ", "among", "such as")) else ():
            if _signer_context(view, s, m, rules):
                default = "organization" if m.group("noun").lower() in _ORG_NOUNS else None
                out += _signers_listed(article, m.end(), e, "signers_include", doc_for_context, default_kind=default)
        for m in rules.among_signed.finditer(lv, s, e) if _has(low, ("among", "of those")) else ():
            out += _signers_listed(article, m.end(), e, "signers_include", doc_for_context)

    # <petition> has gathered more than 85,000 signatures
    if docs:
        for m in rules.signatures.finditer(lv, s, e) if "signatures" in low else ():
            if _TARGET_BEFORE.search(lv, max(s, m.start() - 40), m.start()):
                continue  # "hoping to reach 5,000 signatures": a goal, not signers
            group = _count_group(view, m.start("count"), m.end(), rules, noun_optional=True)
            if group is not None:
                out.append(_group(article, group, "signatures", doc_text))
    return out


# The subject of a passive verb that stands for the document named before: "It is co-signed by",
# "By Friday it had been signed by", "the text was endorsed by".
_IT_SUBJECT = compile_lower(
    r"\b(?:it|which|the\s+text|the\s+document)\s+(?:(?:has|had|have|is|was|were|are)\s+)?"
    r"(?:(?:now|also|since|already|so\s+far|first|initially|originally|jointly|been)\s+)*$"
)
_NEGATED = compile_lower(
    r"(?:\bnot|n't|\bnever|\brefused\s+to|\bdeclined\s+to)(?:\s+(?:yet|been|have|also|formally))*\s*$"
)
# "X signed it", "X has endorsed the text", "X said it backed the text": the document named before.
_SIGNED_IT = compile_lower(
    r"\b(?:(?:has|have|had)\s+)?(?:also\s+|since\s+|now\s+)?(?P<verb>signed|co-signed|cosigned|countersigned|endorsed|"
    r"backed|supported)\s+(?:it|the\s+(?:[\w-]+\s+){0,2}?(?:text|document|initiative|appeal|call))\b"
    r"(?!\s+(?:into|through|off)\b)"
)
# "X signed in a personal capacity", "X and Y signed too": signing with no object.
_SIGNED_ALONE = compile_lower(
    r"\b(?:(?:has|have|had)\s+)?(?:also\s+)?(?P<verb>signed|co-signed|cosigned)"
    r"(?=\s+(?:in\s+(?:a|an|their|his|her)\s+(?:personal|individual|private|own)\b|as\s+individuals\b|too\b|"
    r"as\s+well\b|individually\b|on\s+(?:(?:his|her|their|the)\s+)?(?:first|last|opening|\w+day)\b|"
    r"(?:after|before|during|within|shortly|immediately|early|late|last|this|yesterday)\b|"
    r"in\s+(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"spring|summer|autumn|fall|winter|\d{4})\b)|\s*[.;]|"
    r"\s*,\s+(?:too|as\s+well)\b)"
)
_FINITE = compile_lower(r"\b(?:signed|endorsed|backed|supported|added|said|says|has|have|had|is|was|were|are)\b")
_SAID_IT = compile_lower(
    r"\b(?:said|says|say|announced|confirmed|added)\s+(?:that\s+)?(?:it|they|she|he)\s+(?:(?:had|has|have|would|also)\s+)*$"
)
_LAST_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas)\s+")
# "So did the Cooperative of ...": the signers of the sentence before, joined by more.
_SO_DID = compile_lower(r"\s*[\"“]?(?:so|as)\s+(?:too\s+)?(?:did|has|have|had)\s+")
# "said Jane Roe, a biologist and one of the signatories" / "Another signatory, astronomer Ivo Lark"
_ONE_OF_THE_SIGNERS = compile_lower(
    r",\s+(?:[\w'’-]+\s+){0,10}?(?:and\s+)?(?:one|another)\s+of\s+the\s+(?:[\w-]+\s+)?"
    r"(?:signatories|signers|co-signatories|signees)\b"
)
_A_SIGNER_NAMED = compile_lower(r"\b(?:another|one|a|a\s+fellow|the\s+first|the\s+lead)\s+(?:co-)?signatory\s*,\s+")


_WROTE_TO = compile_lower(r"\b(?:have\s+|has\s+|had\s+)?(?:also\s+|jointly\s+)?(?:written|wrote)\s+to\s+")
_ADDRESSEE = re.compile(
    r"(?:the\s+)?(?:[A-Z][\w'’.-]*\s+)*(?:[a-z]+\s+){0,2}?(?:[A-Z][\w'’.-]*|minister|president|"
    r"government|council|mayor|secretary|commission|board|prime\s+minister|chancellor)\b"
)
_OPENING_PARTICIPLE = compile_lower(
    r"\s*[\"“‘']?(?:signed|co-signed|cosigned|endorsed|backed|supported)\s+(?:jointly\s+)?by\s+"
)
_AMONG_THEM = compile_lower(r"\s*,\s*(?:among\s+them|amongst\s+them|including|such\s+as)\s+")


def _signed_it(
    article: Article, lv: str, rules: _Rules, spans: list[tuple[int, int]], i: int, doc_text: str | None
) -> list[_Found]:
    """Signers of the document named before, in sentences that do not name it again."""
    view = article.view
    s, e = spans[i]
    out: list[_Found] = []
    document: str | None = None

    def doc() -> str | None:
        nonlocal document
        if document is None:
            document = doc_text or _previous_document(view, lv, spans, i, rules)
        return document

    hits = [*_SIGNED_IT.finditer(lv, s, e), *_SIGNED_ALONE.finditer(lv, s, e)]
    for m in sorted(hits, key=lambda h: h.start()):
        if _NEGATED.search(lv, max(s, m.start() - 30), m.start()):
            continue
        # Agreements and contracts are signed by parties, not signatories.
        if rules.not_document.search(lv, s, e) and m.re is _SIGNED_ALONE:
            continue
        start = _clause_start(view, s, m.start())
        # "X has endorsed the text, and the priest Y signed it": Y's clause only.
        for c in _LAST_CLAUSE.finditer(view, start, m.start()):
            if _FINITE.search(lv, start, c.start()):
                start = c.end()
        end = m.start()
        said = _SAID_IT.search(lv, max(start, end - 40), end)
        if said:
            end = said.start()
        out += _signers(article, start, end, "signers_signed", doc(), counts_only=False)
    if "signator" in lv[s:e]:
        m = _ONE_OF_THE_SIGNERS.search(lv, s, e)
        if m:
            people = [n for n in find_names(view, s, m.start()) if _personal(n) and n.end >= m.start() - 1]
            out += [_named(article, n, "one_of_the_signers", doc(), default_kind="person") for n in people[-1:]]
        m = _A_SIGNER_NAMED.search(lv, s, e)
        if m:
            stop = _list_end(view, m.end(), e)
            people = [n for n in find_names(view, m.end(), min(stop, m.end() + 80)) if _personal(n)]
            out += [_named(article, n, "one_of_the_signers", doc(), default_kind="person") for n in people[:1]]
    return out


def _personal(n: NameSpan) -> bool:
    """A person's name, or an unclassified one shaped like it ("Martín Ezcurra")."""
    if n.role or n.possessive:
        return False
    words = n.canonical.split()
    return n.kind == "person" or (n.kind is None and 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words))


def _so_did(article: Article, lv: str, spans: list[tuple[int, int]], i: int, document: str | None) -> list[_Found]:
    """ "So did X" after a sentence that named signers: X signed the same document."""
    if i >= len(spans):
        return []
    s, e = spans[i]
    m = _SO_DID.match(lv, s, e)
    if m is None:
        return []
    end = _list_end(article.view, m.end(), e)
    comma = article.view.find(",", m.end(), end)
    first = _signers(article, m.end(), comma if comma > 0 else end, "so_did", document)
    return first or _signers(article, m.end(), end, "so_did", document)


def _context_has_doc(lv: str, spans: list[tuple[int, int]], i: int, has_doc: list[bool], rules: _Rules) -> bool:
    """Whether one of the three sentences before sentence i names a document."""
    return any(has_doc[j] and _documents(lv, *spans[j], rules) for j in range(max(0, i - 3), i))


def _document_text_at(view: str, lv: str, m: re.Match[str], limit: int, rules: _Rules) -> str:
    d = rules.document.search(lv, m.start("doc"), limit)
    return _document_text(view, d, limit) if d else " ".join(view[m.start("doc") : m.end("doc")].split())


def _nearest_document(lv: str, s: int, at: int, rules: _Rules) -> re.Match[str] | None:
    """The document a passive "by" refers to: the last one before it, unless a non-document is nearer."""
    docs = _documents(lv, s, at, rules)
    if not docs:
        return None
    last = docs[-1]
    others = list(rules.not_document.finditer(lv, last.end(), at))
    return None if others else last


def _signed_statement(lv: str, s: int, at: int, rules: _Rules) -> re.Match[str] | None:
    """A statement (or communique) just before "signed by" at `at`, with nothing between but a few words."""
    docs = list(rules.document.finditer(lv, max(s, at - 60), at))
    if not docs:
        return None
    last = docs[-1]
    between = lv[last.end() : at]
    if "," in between or rules.not_document.search(between):
        return None
    return last


def _previous_document(view: str, lv: str, spans: list[tuple[int, int]], i: int, rules: _Rules) -> str | None:
    for ps, pe in reversed(previous_sentences(spans, i, 3)):
        docs = _documents(lv, ps, pe, rules)
        if docs:
            return _document_text(view, docs[0], pe)
    return None


_REFERS_BACK = re.compile(r"\b(?:it|them|this|that)\s*$", re.I)


def _refers_back(view: str, m: re.Match[str]) -> bool:
    # "the petition, which they signed" has its signers elsewhere.
    return (
        m.group("verb").lower() in ("written", "released", "published")
        and _REFERS_BACK.search(view, max(0, m.start() - 20), m.start()) is not None
    )


_LEAD_IN = re.compile(
    r"(?:(?:In|On|At|After|Before|Ahead\s+of|Earlier|Later|Last|This|Since|During|Following|Meanwhile|"
    r"However|But|And|Also|Separately|Yesterday|Today|On\s+\w+day)\b[^,]{0,80},\s*)",
    re.I,
)


def _clause_start(view: str, s: int, at: int) -> int:
    """Where the subject of a verb at ``at`` begins: the sentence start, after a lead-in phrase."""
    cut = s
    for sep in (";", " - ", " – ", " — ", ": "):
        k = view.rfind(sep, s, at)
        if k >= 0:
            cut = max(cut, k + len(sep))
    quote = _closing_quote(view, cut, at)
    if quote >= 0 and quote + 1 < at and view[quote + 1 : quote + 2] in (",", " "):
        cut = quote + 1
    m = _LEAD_IN.match(view, cut, at)
    if m is None:
        return cut
    # "In January the Rete dei Rifugi, which represents ..., added its name": the lead-in
    # ends before a name it would swallow.
    for n in find_names(view, cut, m.end()):
        if n.kind == "organization" and n.start > cut + 2:
            before = _ARTICLE_BEFORE.search(view, cut, n.start)
            return before.start() if before else n.start
    return m.end()


_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an)\s+$", re.I)
_OPENING_SINGLE = re.compile(r"‘|(?:^|(?<=\s))'")


def _closing_quote(view: str, cut: int, at: int) -> int:
    """The last closing quote in view[cut:at], or -1. An apostrophe after an "s" with no
    single quote opened before it is a plural possessive ("the Herders' Union"), not a quote."""
    best = max(view.rfind('"', cut, at), view.rfind("”", cut, at))
    for q in ("'", "’"):
        k = view.rfind(q, cut, at)
        while k > best:
            if view[k - 1 : k] != "s" or _OPENING_SINGLE.search(view, cut, k):
                best = k
                break
            k = view.rfind(q, cut, k)
    return best


_LIST_END = re.compile(
    # Within one sentence a full stop is an abbreviation ("Prof."), never the end of the list.
    r"(?:[;:!?]\s|[;:!?]$|\s[-–—]\s|,\s+(?:who|which|whose|where|when|while|saying|demanding|calling|urging|asking|"
    r"and\s+(?:said|says|say|called|calls|urged|urges|asked|demanded)|said|says|say|to\s+|in\s+which)\b|"
    r"\s+(?:calling|urging|demanding|asking|saying|to\s+(?:call|urge|demand|ask|press)|which|who|that|"
    r"(?:has|have|had|is|are|was|were|will|would)\s+\w+|said|says)\b)",
)


# "The two-page text that came out of it was first signed by": a text signed is the document.
_TEXT_SUBJECT = compile_lower(r"\s*the\s+(?P<doc>(?:[\w-]+\s+){0,2}?(?:text|document))\b[^.;]{0,80}$")
_AS_DID = compile_lower(r",\s+as\s+(?:did|have|had|has)\s+")
_TARGET_BEFORE = compile_lower(
    r"\b(?:hop\w*|aim\w*|target\w*|goal|needs?|needed|want\w*|expect\w*|seek\w*)\s+(?:to\s+)?(?:\w+\s+){0,3}$"
)
_RELATIVE_AFTER = re.compile(r",\s+(?:who|whose|which|where)\b")
_LIST_RESUMES = re.compile(r",\s+(?:and\s+)?(?:by\s+|also\s+)?(?=(?:the|a|an)\s|[A-Z])")


def _signers_listed(
    article: Article,
    start: int,
    limit: int,
    rule: str,
    document: str | None,
    default_kind: SignatoryKind | None = None,
) -> list[_Found]:
    """Signers of the list at ``start``, which a relative clause may interrupt: "Dr Ann Roe,
    who has practised here for 27 years, and Father Tom Lee"."""
    view = article.view
    end = _list_end(view, start, limit)
    out = _signers(article, start, end, rule, document, default_kind=default_kind)
    if view[end : end + 1] == ":":
        # "by three collectives: the A, the B and C": the names, not the count they add up to
        named = _signers(article, end + 1, _list_end(view, end + 1, limit), rule, document, default_kind=default_kind)
        if named:
            out = [f for f in out if f.kind != "group"] + named
    if out and _RELATIVE_AFTER.match(view, end, limit):
        stop = view.find(";", end, limit)
        resume = _LIST_RESUMES.search(view, end, stop if stop > 0 else limit)
        if resume:
            stop = _list_end(view, resume.end(), limit)
            out += _signers(article, resume.end(), stop, rule, document, default_kind=default_kind)
    return out


def _list_end(view: str, start: int, limit: int) -> int:
    m = _LIST_END.search(view, start, limit)
    return m.start() if m else limit


def _signer_context(view: str, s: int, m: re.Match[str], rules: _Rules) -> bool:
    """True when the noun before "include" stands for the document's signers."""
    noun = m.group("noun").lower()
    if noun in ("signatories", "signers", "signees", "co-signatories"):
        return True
    before = view[max(s, m.start() - 40) : m.start()].lower()
    between = view[m.end("noun") : m.end()].lower()
    # "the groups, which include", "groups backing the letter include", "wrote the groups, which also included"
    backing = re.search(r"\b(?:backing|supporting|signing|behind|endorsing)\b", between) is not None
    definite = re.search(r"\b(?:the|these|those|other|its|their|his|her)\s+(?:[\w-]+\s+){0,3}$", before) is not None
    return backing or definite


_ORG_NOUNS = frozenset(
    "groups organisations organizations ngos charities unions associations bodies institutions companies firms "
    "parties".split()
)


def _signers(
    article: Article,
    start: int,
    end: int,
    rule: str,
    document: str | None,
    counts_only: bool = False,
    default_kind: SignatoryKind | None = None,
) -> list[_Found]:
    view = article.view
    if end <= start:
        return []
    out: list[_Found] = []
    names = find_names(view, start, end)
    places_follow = False  # "15 unions representing workers in Bangladesh, Cambodia and Sri Lanka"
    for a, b in _join_split_names(list_items(view, start, end, _SIGNER_SEPARATOR), names):
        item = view[a:b]
        item_low = item.lower().strip()
        if _vague(item_low):
            vague = _VAGUE_GROUP.match(view, a, b)
            t = _rules().t
            if vague and vague.group("noun").lower() in _group_nouns(tuple(t.signer_nouns), tuple(t.group_nouns)):
                # "dozens of members of parliament": a group without a count
                out.append(_Found("#None", None, "group", None, None, document, vague.start(), vague.end(), rule))
            continue
        group = _count_group(view, a, b, _rules())
        if group is not None:
            out.append(_group(article, group, rule, document))
            places_follow = _POST_MODIFIER.search(item) is not None
            continue
        if places_follow and gazetteer().lookup(" ".join(_ARTICLE.sub("", item).split()).rstrip(".")) is not None:
            continue
        places_follow = False
        if out and _FROM_PLACE.search(view, max(start, a - 60), a) and _place_goes_on(view, start, a, item):
            continue  # "the network X from Bosnia and Herzegovina": the place goes on, no new signer
        if counts_only:
            continue
        name = _item_name(view, a, b, [n for n in names if a <= n.start and n.end <= b])
        if name is not None:
            out.append(_named(article, name, rule, document, default_kind=default_kind))
            continue
        pron = _PRONOUN_ITEM.match(item)
        if pron:
            person = resolve_person(view, a)
            if person is not None:
                out.append(_named(article, person, rule, document, evidence=(a + pron.start(), b)))
    return out


# The list separators, and the phrases that add one signer to another ("A together with B").
_SIGNER_SEPARATOR = re.compile(
    r"(?:,\s*(?:and|or|as\s+well\s+as|plus|together\s+with|along\s+with)\s+|(?<!\d),|,(?!\d)|;"
    r"|\s(?:and|as\s+well\s+as|plus|&|together\s+with|along\s+with|alongside)\s)\s*"
)


def _join_split_names(items: list[tuple[int, int]], names: list[NameSpan]) -> list[tuple[int, int]]:
    """Items cut inside a name ("the Crane and Harbour Workers' Alliance") put back together."""
    out: list[tuple[int, int]] = []
    for a, b in items:
        if out and any(n.start < out[-1][1] and n.end > a for n in names):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


@lru_cache(maxsize=1)
def _group_nouns(signer_nouns: tuple[str, ...], more: tuple[str, ...]) -> frozenset[str]:
    """Plural nouns a group of signers without a count may be made of ("dozens of mayors")."""
    return frozenset(n.lower() for n in (*signer_nouns, *more))


def _vague(item: str) -> bool:
    return item.startswith(_rules().vague_openings)


_PREPOSITION = re.compile(r"\b(?:of|in|at|from|for|with|on|to|by|member|members)\b", re.I)
# A group whose size is given only roughly ("dozens of members of parliament", "several unions");
# "a group of", "many", "other" and the like name no group of signers by themselves.
_VAGUE_GROUP = re.compile(
    r"\s*(?:(?:dozens|hundreds|thousands|scores)\s+of|several|numerous)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?P<noun>[a-zA-Z][\w-]*s)\b",
    re.I,
)
_POST_MODIFIER = re.compile(r"\b(?:representing|in|from|across|throughout)\s+(?:[\w'’-]+\s+)*?[A-Z]")
_ARTICLE = re.compile(r"^\s*(?:and\s+|or\s+)?(?:the\s+)?", re.I)
_ROLE_END = re.compile(
    r"\b(?:group|charity|organi[sz]ation|union|ngo|network|foundation|campaign|coalition|association|"
    r"movement|party|institute|think[- ]tank|body|society|club|federation|alliance|trust|council|committee|"
    r"cooperative|co-operative|platform|collective|forum|league|syndicate|chamber)\s+$",
    re.I,
)
_ITEM_HEAD = re.compile(
    r"^\s*(?:by\s+|including\s+|among\s+them\s+|such\s+as\s+|notably\s+|as\s+well\s+as\s+)?(?:the\s+|a\s+|an\s+)?$",
    re.I,
)


def _item_name(view: str, a: int, b: int, names: list[NameSpan]) -> NameSpan | None:
    """The signer named by one list item: a person in it, or a name it starts with."""
    for n in names:
        if n.kind == "person" and not n.possessive:
            return n
    if names:
        first = names[0]
        head = view[a : first.start]
        described = len(head.split()) <= 4 and not _PREPOSITION.search(head)
        if first.possessive:
            return None
        if first.kind == "organization" and (_ITEM_HEAD.match(head) or described):
            return first
        # "the Polish group Fundacja Wolny Kod": a description with a capitalised adjective in it
        org = next((n for n in names[1:3] if n.kind == "organization"), None)
        if first.kind is None and org is not None and not org.possessive:
            head = view[a : org.start]
            if len(head.split()) <= 4 and not _PREPOSITION.search(head) and _ROLE_END.search(head):
                return org
        # An unclassified name is a signer only when it is the whole item ("the Lakeside Trust").
        if first.kind is None and _ITEM_HEAD.match(head) and not view[first.end : b].strip():
            return first
    return None


@dataclass(frozen=True)
class _Group:
    count: int
    qualifier: CountQualifier
    start: int
    end: int


def _count_group(view: str, a: int, b: int, rules: _Rules, noun_optional: bool = False) -> _Group | None:
    # "the principals of 23 Far North schools": people counted through what they head
    heads = _HEADS_OF.match(view, a, b)
    if heads:
        inner = _count_group(view, heads.end(), b, rules)
        return None if inner is None else _Group(inner.count, inner.qualifier, a, inner.end)
    # "more than 18,000 of you have signed"
    you = rules.count_of_you.match(view, a, b)
    if you:
        value = _number(you.group("num"), rules)
        if value is not None:
            qual = rules.t.qualifiers.get(" ".join((you.group("qual") or "").lower().split()), "exact")
            return _Group(value, qual, you.start("qual") if you.group("qual") else you.start("num"), you.end())
    # Every count opens with a digit, a number word or a qualifier: a cheap test spares the
    # costly count pattern most list items.
    opening = view[a : min(b, a + 40)].split(None, 1)
    if not opening or not (opening[0][0].isdigit() or opening[0].lower() in rules.count_openings):
        return None
    m = rules.count.match(view, a, b)
    if m is None:
        if not noun_optional:
            return None
        m2 = re.match(
            rf"\s*(?:(?P<qual>{_alt(rules.t.qualifiers)})\s+)?(?P<num>\d[\d,.]*|{_alt(rules.t.numbers)})",
            view[a:b],
            re.I,
        )
        if m2 is None:
            return None
        value = _number(m2.group("num"), rules)
        if value is None:
            return None
        qual = rules.t.qualifiers.get(" ".join((m2.group("qual") or "").lower().split()), "exact")
        return _Group(value, qual, a + m2.start(), b)
    if m.group("noun").lower() in rules.t.count_nouns_excluded:
        return None
    value = _number(m.group("num"), rules)
    if value is None:
        return None
    num_word = " ".join(m.group("num").lower().split())
    qual_word = " ".join((m.group("qual") or "").lower().split())
    qual: CountQualifier = rules.t.qualifiers.get(qual_word, "exact")
    if num_word in rules.t.approximate_numbers and not qual_word:
        qual = "about"
    end = m.end("noun")
    # Keep the noun phrase ("human rights groups") in the evidence.
    more = _MORE_NOUNS.match(view, end, b)
    if more:
        end = more.end()
    return _Group(value, qual, m.start("qual") if m.group("qual") else m.start("num"), end)


_HEADS_OF = re.compile(
    r"\s*the\s+(?:heads|principals|headteachers|rectors|presidents|leaders|chairs|directors|mayors|deans|chiefs)"
    r"\s+of\s+(?=\d|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|some|more|about|over|nearly|almost)\b)",
    re.I,
)
_MULTIPLIERS = {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 1_000_000}


def _number(text: str, rules: _Rules) -> int | None:
    word = " ".join(text.lower().split())
    if word in rules.t.numbers:
        return rules.t.numbers[word]
    if word in rules.t.approximate_numbers:
        return rules.t.approximate_numbers[word]
    head, _, last = word.rpartition(" ")
    if head and last in _MULTIPLIERS:
        base = _number(head, rules)
        return None if base is None else base * _MULTIPLIERS[last]
    digits = word.replace(",", "")
    if digits.endswith("."):
        digits = digits[:-1]
    try:
        value = float(digits)
    except ValueError:
        return None
    if value != int(value) or value < 2:
        return None
    return int(value)


def _group(article: Article, g: _Group, rule: str, document: str | None) -> _Found:
    return _Found(f"#{g.count}", None, "group", g.count, g.qualifier, document, g.start, g.end, rule)


def _named(
    article: Article,
    n: NameSpan,
    rule: str,
    document: str | None,
    evidence: tuple[int, int] | None = None,
    default_kind: SignatoryKind | None = None,
) -> _Found:
    start, end = evidence or (n.start, n.end)
    kind = n.kind or default_kind or ("person" if len(n.canonical.split()) in (2, 3) else "organization")
    return _Found(_name_key(n.canonical), n.canonical, kind, None, None, document, start, end, rule)


def _place_goes_on(view: str, start: int, at: int, item: str) -> bool:
    """Whether ``item`` is a place, or the end of one begun before it ("Bosnia and | Herzegovina")."""
    places = gazetteer()
    if places.lookup(item.strip()) is not None:
        return True
    before = view[max(start, at - 40) : at]
    for k in range(len(before) - 1, -1, -1):
        if before[k] == " " and before[k + 1 : k + 2].isupper() and (k == 0 or before[k - 1].islower()):
            return places.lookup(" ".join((before[k + 1 :] + item).split())) is not None
    return False


_FROM_PLACE = re.compile(
    r"\b(?:from|in|of|across|throughout)\s+(?:[A-Z][\w'’-]*\s+)*?[A-Z][\w'’-]*\s*(?:,\s*)?(?:and\s+|or\s+)?$"
)
_PRONOUN_ITEM = re.compile(r"\s*(?:he|she)\s*$", re.I)
_MORE_NOUNS = re.compile(r"(?:\s+(?:and|or)\s+[a-z][\w-]*s)?")
_NOT_WORD = re.compile(r"[^\w\s]")
_LEADING_THE = re.compile(r"^\s*the\s+")


def _name_key(name: str) -> str:
    key = _NOT_WORD.sub(" ", name.casefold())
    key = _LEADING_THE.sub("", key)
    return " ".join(key.split())


def _also_signed(article: Article, spans: list[tuple[int, int]], i: int, document: str | None) -> list[_Found]:
    """Signers named before an "also signed": the subjects of a call in the sentences just before."""
    view = article.view
    rules = _rules()
    out: list[_Found] = []
    for ps, pe in previous_sentences(spans, i, 2):
        m = rules.call_subject.search(view, ps, pe)
        if m is None:
            continue
        start = _clause_start(view, ps, m.start())
        names = [n for n in find_names(view, start, m.start()) if n.kind == "person" and not n.role]
        out += [_named(article, n, "also_signed", document) for n in names]
    return out


def _dedupe(found: list[_Found], text: str) -> list[Signatory]:
    seen: dict[str, _Found] = {}
    for f in found:
        first = seen.setdefault(f.key, f)
        if first is not f and first.document is None and f.document:
            first.document = f.document
    kept = sorted(seen.values(), key=lambda f: f.start)
    return [
        Signatory(
            name=f.name,
            kind=f.kind,
            count=f.count,
            count_qualifier=f.count_qualifier,
            document=f.document,
            evidence={"start": f.start, "end": f.end, "text": text[f.start : f.end]},
            rule=f.rule,
        )
        for f in kept
    ]
