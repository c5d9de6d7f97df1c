"""Rule-based extraction: dates first, then the itinerary, signatories and issues raised."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, Field

from summarize.config import ExtractionOptions
from summarize.errors import ProcessingError
from summarize.extract.dates import infer_reference_date, tag_article
from summarize.extract.issues import extract_issues
from summarize.extract.itinerary import extract_itinerary
from summarize.extract.signatories import extract_signatories
from summarize.models import Article, DateMention, Issue, ReferenceDateSource, Signatory, Stop

T = TypeVar("T")


class Extraction(BaseModel):
    """Everything the rules found in one article."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    reference_date: str | None = None
    reference_date_source: ReferenceDateSource | None = None
    dates: list[DateMention] = Field(default_factory=list)
    itinerary: list[Stop] = Field(default_factory=list)
    signatories: list[Signatory] = Field(default_factory=list)
    issues_raised: list[Issue] = Field(default_factory=list)


def _stage(name: str, fn: Callable[[], T]) -> T:
    # A bug in one rule set must fail this article with a named stage, not the batch.
    try:
        return fn()
    except ProcessingError:
        raise
    except Exception as exc:
        raise ProcessingError(name, f"{type(exc).__name__}: {exc}") from exc


def extract(article: Article, options: ExtractionOptions | None = None) -> Extraction:
    """Run every extractor over one article."""
    options = options or ExtractionOptions()
    source: ReferenceDateSource | None
    if options.reference_date:
        reference, source = options.reference_date, "cli"
    else:
        reference, source = _stage("reference date", lambda: infer_reference_date(article))
    dates = _stage("dates", lambda: tag_article(article, reference))
    itinerary = _stage("itinerary", lambda: extract_itinerary(article, dates, reference))
    signatories = _stage("signatories", lambda: extract_signatories(article))
    issues = _stage("issues", lambda: extract_issues(article))
    return Extraction(
        reference_date=reference,
        reference_date_source=source if reference else None,
        dates=dates,
        itinerary=itinerary,
        signatories=signatories,
        issues_raised=issues,
    )
