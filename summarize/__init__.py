"""summarize: offline summaries and evidence-backed fact sheets for news articles.

    >>> from summarize import extract_facts
    >>> sheet = extract_facts(open("article.txt").read(), reference_date="2009")
    >>> [stop.place for stop in sheet.itinerary]

Importing this package never imports torch or transformers; only an abstractive summary does.
"""

from summarize._version import __version__
from summarize.config import ExtractionOptions, IngestOptions, RunOptions, SummarizerOptions
from summarize.errors import (
    ConfigError,
    EmptyArticleError,
    InputError,
    ModelLoadError,
    NotTextError,
    ProcessingError,
    SummarizeError,
    TooLargeError,
)
from summarize.extract.dates import find_dates
from summarize.models import (
    Article,
    DateMention,
    Evidence,
    FactSheet,
    Issue,
    Meta,
    Signatory,
    Source,
    Span,
    Stop,
    Summary,
)
from summarize.pipeline import extract_facts, load_engine, process_text
from summarize.sentences import split_sentences
from summarize.summarizers.base import Summarizer  # the protocol only: no model code is imported

__all__ = [
    "Article",
    "ConfigError",
    "DateMention",
    "EmptyArticleError",
    "Evidence",
    "ExtractionOptions",
    "FactSheet",
    "IngestOptions",
    "InputError",
    "Issue",
    "Meta",
    "ModelLoadError",
    "NotTextError",
    "ProcessingError",
    "RunOptions",
    "Signatory",
    "Source",
    "Span",
    "Stop",
    "SummarizeError",
    "Summarizer",
    "SummarizerOptions",
    "Summary",
    "TooLargeError",
    "__version__",
    "extract_facts",
    "find_dates",
    "load_engine",
    "process_text",
    "split_sentences",
]
