"""Invented articles for the summariser tests, built through the real ingest path."""

from __future__ import annotations

from summarize.ingest import read_text_article
from summarize.models import Article

SHORT = (
    "Harbour council approves night ferries\n\n"
    "The harbour council voted on Tuesday to restore night ferries to the outer islands from May. "
    "The service was cut two years ago when fuel prices rose. "
    "Councillors said the new boats use less fuel and will pay for themselves within four years. "
    "Island shopkeepers welcomed the decision, saying visitors had stopped coming after dark.\n"
)

SECOND = (
    "Library reopens after repairs\n\n"
    "The city library reopened on Saturday after a year of repairs to its roof and reading rooms. "
    "Visitors can now borrow tablets and join free classes for older residents. "
    "The librarian said the top floor would stay quiet for students during the exam season.\n"
)

THIRD = (
    "Bridge closed for checks\n\n"
    "Police closed the eastern bridge on Friday so that engineers could check its cables. "
    "Drivers were told to use the western ring road, which adds about twenty minutes. "
    "Officials expect the bridge to reopen by the end of the month.\n"
)

_SUBJECTS = ("The mayor", "A spokeswoman for the port", "Two engineers", "The transport minister", "Local traders")
_VERBS = ("said", "warned", "argued", "told reporters", "wrote in a statement")
_CLAIMS = (
    "that the tunnel would be finished before winter",
    "that ticket prices for commuters should stay frozen",
    "that the old station needs a new roof and wider platforms",
    "that the river crossing had been delayed by heavy rain",
    "that freight trains would run only at night from next year",
    "that the council must publish the full cost of the project",
    "that cyclists would get a separate lane on the bridge",
)


def long_text(paragraphs: int = 30) -> str:
    """A long invented report: many distinct sentences, several times a small model's window."""
    lines = ["Transport plans under scrutiny", ""]
    n = 0
    for p in range(paragraphs):
        sentences = []
        for _ in range(3):
            s, v, c = _SUBJECTS[n % 5], _VERBS[(n // 5) % 5], _CLAIMS[(n // 3) % 7]
            sentences.append(f"{s} {v} on day {n + 1} {c}.")
            n += 1
        lines.append(" ".join(sentences))
        lines.append("")
        if p == paragraphs // 2:
            lines.append("Officials promised a full report in the spring.")
            lines.append("")
    return "\n".join(lines)


def article(text: str, name: str | None = None) -> Article:
    return read_text_article(text, path=name)
