"""The summariser protocol: one object per engine, asked for a batch of articles at a time."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from summarize.models import Article, Summary


@runtime_checkable
class Summarizer(Protocol):
    """A summarisation engine.

    `summarize` takes several articles so that an engine can batch work across them; it
    returns one item per article, in the same order: the Summary, or the exception that
    stopped that article (so that one bad article fails alone).
    """

    engine: str  # "abstractive" or "extractive"
    model_id: str | None
    prompt_name: str | None
    prompt_sha256: str | None

    def summarize(self, articles: Sequence[Article]) -> list[Summary | Exception]: ...
