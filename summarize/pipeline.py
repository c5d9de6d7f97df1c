"""The story of a run: read, clean, extract, summarise, assemble -- for one article and for a batch."""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from summarize._version import __version__
from summarize.config import ExtractionOptions, RunOptions, SummarizerOptions
from summarize.errors import ConfigError, InputError, ProcessingError, SummarizeError
from summarize.extract import extract
from summarize.ingest import read_bytes, read_path, read_text_article
from summarize.models import Article, FactSheet, Meta, Summary
from summarize.summarizers.base import Summarizer

# Articles read ahead and summarised together: enough to fill generation batches,
# few enough that memory stays flat on folders of any size.
WINDOW = 32


class InputItem(BaseModel):
    """One input to process: a file (path) or bytes already read (stdin)."""

    model_config = ConfigDict(frozen=True)

    name: str  # as shown to the user and recorded in source.path
    path: Path | None = None
    data: bytes | None = None
    output: Path | None = None  # where its JSON goes, relative to the output folder


class Result(BaseModel):
    """How one input ended."""

    model_config = ConfigDict(frozen=True)

    item: InputItem
    status: Literal["ok", "error", "skipped"]
    factsheet: FactSheet | None = None
    reason: str | None = None  # short category: "not a text file", "empty article", ...
    error: str | None = None  # the full message
    stage: str | None = None


def _meta(options: RunOptions, summarizer: Summarizer | None, warnings: Sequence[str], article: Article) -> Meta:
    s = options.summarizer
    return Meta(
        package_version=__version__,
        engine=s.engine,
        model=summarizer.model_id if summarizer else None,
        prompt=summarizer.prompt_name if summarizer else None,
        prompt_sha256=summarizer.prompt_sha256 if summarizer else None,
        options={
            "reference_date": options.extraction.reference_date,
            "max_bytes": options.ingest.max_bytes,
            **s.model_dump(exclude={"engine"}, mode="json"),
        },
        warnings=[*warnings, *_input_warnings(article)],
        furniture=article.furniture,
    )


def _input_warnings(article: Article) -> list[str]:
    if article.source.encoding_detected:
        return [f"encoding guessed as {article.source.encoding} (not UTF-8 and no byte-order mark)"]
    return []


def assemble(
    article: Article,
    options: RunOptions,
    summary: Summary | None,
    summarizer: Summarizer | None = None,
    warnings: Sequence[str] = (),
    started: float | None = None,
) -> FactSheet:
    """Extract the facts of one article and put the fact sheet together."""
    facts = extract(article, options.extraction)
    meta = _meta(options, summarizer, warnings, article)
    if started is not None:
        meta = meta.model_copy(update={"elapsed_ms": round((time.perf_counter() - started) * 1000, 2)})
    return FactSheet(
        source=article.source,
        title=article.title,
        reference_date=facts.reference_date,
        reference_date_source=facts.reference_date_source,
        summary=summary,
        itinerary=facts.itinerary,
        signatories=facts.signatories,
        issues_raised=facts.issues_raised,
        dates=facts.dates,
        meta=meta,
    )


def process_article(
    article: Article,
    options: RunOptions | None = None,
    summarizer: Summarizer | None = None,
    warnings: Sequence[str] = (),
) -> FactSheet:
    """Fact sheet of one article already read."""
    options = options or RunOptions()
    started = time.perf_counter()
    summary = None
    if summarizer is not None:
        (outcome,) = summarizer.summarize([article])
        if isinstance(outcome, Exception):
            raise ProcessingError("summary", str(outcome)) from outcome
        summary = outcome
    return assemble(article, options, summary, summarizer, warnings, started)


def read_item(item: InputItem, options: RunOptions) -> Article:
    """Read one input into a cleaned article."""
    if item.data is not None:
        return read_bytes(item.data, name=item.name, options=options.ingest)
    assert item.path is not None
    return read_path(item.path, options.ingest, name=item.name)


def input_sha256(item: InputItem) -> str:
    """SHA-256 of an input's bytes (to tell whether an earlier output is still current)."""
    if item.data is not None:
        return hashlib.sha256(item.data).hexdigest()
    assert item.path is not None
    digest = hashlib.sha256()
    with item.path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def is_current(item: InputItem, target: Path) -> bool:
    """True when target holds a fact sheet of exactly this input (resume after an interruption)."""
    try:
        recorded = json.loads(target.read_text(encoding="utf-8"))["source"]["sha256"]
        return bool(recorded == input_sha256(item))
    except (OSError, ValueError, KeyError, TypeError):
        return False


def _failure(item: InputItem, exc: BaseException) -> Result:
    if isinstance(exc, InputError):
        return Result(item=item, status="error", reason=exc.reason, error=str(exc), stage="read")
    if isinstance(exc, ProcessingError):
        return Result(item=item, status="error", reason=f"{exc.stage} failed", error=str(exc), stage=exc.stage)
    if isinstance(exc, OSError):
        return Result(
            item=item,
            status="error",
            reason="cannot read",
            error=f"{item.name}: {exc.strerror or exc}",
            stage="read",
        )
    return Result(item=item, status="error", reason="internal error", error=f"{item.name}: {type(exc).__name__}: {exc}")


def run_batch(
    items: Iterable[InputItem],
    options: RunOptions,
    summarizer: Summarizer | None = None,
    warnings: Sequence[str] = (),
    skip: Iterable[bool] | None = None,
) -> Iterator[Result]:
    """Process inputs in windows; yield one Result per input, in input order.

    A failure is recorded against its input and the batch goes on. `skip`, parallel to
    items, marks inputs whose output is already current.
    """
    skips = iter(skip) if skip is not None else None
    window: list[InputItem] = []
    for item in items:
        if skips is not None and next(skips, False):
            yield Result(item=item, status="skipped")
            continue
        window.append(item)
        if len(window) >= WINDOW:
            yield from _run_window(window, options, summarizer, warnings)
            window = []
    if window:
        yield from _run_window(window, options, summarizer, warnings)


def _run_window(
    items: list[InputItem], options: RunOptions, summarizer: Summarizer | None, warnings: Sequence[str]
) -> Iterator[Result]:
    started = time.perf_counter()
    articles: dict[int, Article] = {}
    failures: dict[int, Result] = {}
    for i, item in enumerate(items):
        try:
            articles[i] = read_item(item, options)
        except Exception as exc:  # one unreadable input must not stop the batch
            failures[i] = _failure(item, exc)
    summaries = _summaries(articles, summarizer)
    per_article = (time.perf_counter() - started) / max(1, len(items))
    for i, item in enumerate(items):
        if i in failures:
            yield failures[i]
            continue
        outcome = summaries.get(i)
        if isinstance(outcome, Exception):
            yield _failure(item, ProcessingError("summary", str(outcome)))
            continue
        t0 = time.perf_counter() - per_article
        try:
            sheet = assemble(articles[i], options, outcome, summarizer, warnings, t0)
        except Exception as exc:
            yield _failure(item, exc)
            continue
        yield Result(item=item, status="ok", factsheet=sheet)


def _summaries(articles: dict[int, Article], summarizer: Summarizer | None) -> dict[int, Summary | Exception]:
    if summarizer is None or not articles:
        return {}
    keys = list(articles)
    try:
        outcomes = summarizer.summarize([articles[k] for k in keys])
        if len(outcomes) != len(keys):
            raise ProcessingError("summary", f"engine returned {len(outcomes)} results for {len(keys)} articles")
        return dict(zip(keys, outcomes, strict=True))
    except Exception:
        # A whole-batch failure: retry one by one so that only the culprit fails.
        result: dict[int, Summary | Exception] = {}
        for k in keys:
            try:
                (result[k],) = summarizer.summarize([articles[k]])
            except Exception as exc:
                result[k] = exc
        return result


def load_engine(options: SummarizerOptions) -> tuple[Summarizer | None, list[str]]:
    """The summariser for these options and any warnings (ModelLoadError when it cannot load)."""
    from summarize.summarizers import load_summarizer

    return load_summarizer(options)


def process_text(
    text: str,
    *,
    path: str | None = None,
    options: RunOptions | None = None,
    summarizer: Summarizer | None = None,
) -> FactSheet:
    """Fact sheet of an article given as text, with a summary by the options' engine.

    Pass a summariser from `load_engine` to reuse a loaded model across calls.
    """
    options = options or RunOptions()
    warnings: list[str] = []
    if summarizer is None and options.summarizer.engine != "none":
        summarizer, warnings = load_engine(options.summarizer)
    article = read_text_article(text, path)
    return process_article(article, options, summarizer, warnings)


def extract_facts(text: str, reference_date: str | None = None) -> FactSheet:
    """Fact sheet of an article given as text, without a summary (no model is loaded)."""
    try:
        options = RunOptions(
            extraction=ExtractionOptions(reference_date=reference_date),
            summarizer=SummarizerOptions(engine="none"),
        )
    except ValidationError as exc:
        raise ConfigError(exc.errors()[0]["msg"].removeprefix("Value error, ")) from None
    return process_article(read_text_article(text), options)


__all__ = [
    "InputItem",
    "Result",
    "SummarizeError",
    "assemble",
    "extract_facts",
    "is_current",
    "load_engine",
    "process_article",
    "process_text",
    "read_item",
    "run_batch",
]
