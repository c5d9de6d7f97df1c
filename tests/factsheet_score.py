"""Precision, recall and F1 of fact sheets against gold files (the rules of the fact-sheet spec).

Used by the samples quality gate and by `tests/benchmarks/eval_factsheet.py`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

_STOP_WORDS = frozenset(
    "a an the of in on at to for from by with and or as its it their his her this that these those "
    "be is are was were will would into over under about than".split()
)


def fold(value: str | None) -> str:
    """Case-folded words without punctuation or a leading 'the'."""
    text = unicodedata.normalize("NFKC", value or "").casefold()
    words = re.sub(r"[^\w\s]", " ", text).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def content_words(value: str) -> list[str]:
    return [w for w in fold(value).split() if w not in _STOP_WORDS]


def word_f1(a: str, b: str) -> float:
    wa, wb = content_words(a), content_words(b)
    if not wa or not wb:
        return 0.0
    common = sum(min(wa.count(w), wb.count(w)) for w in set(wa) & set(wb))
    if not common:
        return 0.0
    precision, recall = common / len(wa), common / len(wb)
    return 2 * precision * recall / (precision + recall)


def _names(gold: dict, key: str) -> set[str]:
    return {fold(gold.get(key))} | {fold(alias) for alias in gold.get("aliases", [])}


def stop_score(gold: dict, pred: dict, with_dates: bool = True) -> float:
    if gold.get("kind") == "country" and gold.get("country"):
        place_ok = (pred.get("country") or "").upper() == gold["country"].upper()
    else:
        place_ok = fold(pred.get("place")) in _names(gold, "place")
    if not place_ok:
        return 0.0
    if with_dates and (gold.get("start"), gold.get("end")) != (pred.get("start"), pred.get("end")):
        return 0.0
    return 1.0


def signatory_score(gold: dict, pred: dict) -> float:
    if gold.get("name"):
        return float(fold(pred.get("name")) in _names(gold, "name"))
    same_count = pred.get("count") == gold.get("count")
    return float(same_count and (not pred.get("name") or pred.get("kind") == "group"))


def issue_score(gold: dict, pred: dict) -> float:
    score = word_f1(gold.get("text", ""), pred.get("text", ""))
    return score if score >= 0.5 else 0.0


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[tuple[str, dict]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Tally) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.misses += other.misses


def align(gold: list[dict], pred: list[dict], score: Callable[[dict, dict], float]) -> Tally:
    """One-to-one matching, best-scoring pairs first; optional gold items cost nothing."""
    pairs = sorted(
        (
            (s + (0.0 if g.get("optional") else 1.0), gi, pi)
            for gi, g in enumerate(gold)
            for pi, p in enumerate(pred)
            if (s := score(g, p)) > 0
        ),
        reverse=True,
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for _, gi, pi in pairs:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
    tally = Tally()
    for gi, g in enumerate(gold):
        if g.get("optional"):
            continue
        if gi in used_gold:
            tally.tp += 1
        else:
            tally.fn += 1
            tally.misses.append(("missed", g))
    for pi, p in enumerate(pred):
        if pi not in used_pred:
            tally.fp += 1
            tally.misses.append(("spurious", p))
    return tally


FIELDS: dict[str, tuple[str, Callable[[dict, dict], float]]] = {
    "itinerary": ("itinerary", stop_score),
    "itinerary places": ("itinerary", lambda g, p: stop_score(g, p, with_dates=False)),
    "signatories": ("signatories", signatory_score),
    "issues_raised": ("issues_raised", issue_score),
}


def score_sheet(gold: dict, pred: dict) -> dict[str, Tally]:
    """Tallies per field for one article."""
    return {
        label: align(list(gold.get(key) or []), list(pred.get(key) or []), scorer)
        for label, (key, scorer) in FIELDS.items()
    }
