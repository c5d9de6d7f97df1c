"""Summarisation engines behind one protocol, and the one registry of their names.

`load_summarizer` turns options into a ready engine once per run:

- "none": no summariser;
- "extractive": the no-weights sentence ranker;
- "abstractive": a local seq2seq model, or ModelLoadError naming the model and the ways out;
- "auto": the seq2seq model if it loads, else the extractive engine and one warning.
"""

from __future__ import annotations

from collections.abc import Callable

from summarize.config import SummarizerOptions
from summarize.errors import ModelLoadError, choices_message
from summarize.summarizers.base import Summarizer
from summarize.summarizers.extractive import ExtractiveSummarizer
from summarize.summarizers.presets import PRESETS, Preset, resolve_model

__all__ = [
    "ENGINES",
    "PRESETS",
    "ExtractiveSummarizer",
    "Preset",
    "Summarizer",
    "load_summarizer",
    "resolve_model",
]


def _abstractive(options: SummarizerOptions) -> Summarizer:
    # Imported here so that torch and transformers load only when a model is asked for.
    from summarize.summarizers.seq2seq import load_seq2seq

    return load_seq2seq(options)


def _extractive(options: SummarizerOptions) -> Summarizer:
    return ExtractiveSummarizer(options)


ENGINES: dict[str, Callable[[SummarizerOptions], Summarizer]] = {
    "abstractive": _abstractive,
    "extractive": _extractive,
}


def load_summarizer(options: SummarizerOptions) -> tuple[Summarizer | None, list[str]]:
    """The engine for options.engine and the warnings to report once (see the module docstring)."""
    engine = options.engine
    if engine == "none":
        return None, []
    if engine == "auto":
        try:
            return ENGINES["abstractive"](options), []
        except ModelLoadError as exc:
            warning = f"{exc} Falling back to the extractive engine for this run."
            return ENGINES["extractive"](options), [warning]
    if engine not in ENGINES:
        raise ModelLoadError(choices_message("engine", engine, ["auto", *ENGINES, "none"]))
    return ENGINES[engine](options), []
