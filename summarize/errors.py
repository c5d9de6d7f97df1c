"""The exception tree of summarize.

    SummarizeError                  base of everything raised on purpose
    ├── InputError                  one article cannot be read (the batch goes on)
    │   ├── NotTextError            binary content, NUL bytes, undecodable bytes
    │   ├── EmptyArticleError       nothing but whitespace (or markup) in the input
    │   └── TooLargeError           over --max-bytes
    ├── ConfigError                 a bad option or value (exit code 2)
    │   └── ModelLoadError          a model cannot be loaded (hub unreachable, no such folder)
    └── ProcessingError             a stage failed on one article (extractor or model error)

Messages name the bad value and, where it helps, the allowed ones.
"""

from __future__ import annotations


class SummarizeError(Exception):
    """Base class for every error summarize raises on purpose."""


class InputError(SummarizeError):
    """One input cannot be read as an article."""

    reason = "unreadable input"


class NotTextError(InputError):
    """The input holds binary content rather than text."""

    reason = "not a text file"


class EmptyArticleError(InputError):
    """The input holds no text."""

    reason = "empty article"


class TooLargeError(InputError):
    """The input is larger than the configured limit."""

    reason = "too large"


class ConfigError(SummarizeError):
    """An option or its value is not usable."""


class ModelLoadError(ConfigError):
    """A summarisation model cannot be loaded."""


class ProcessingError(SummarizeError):
    """A processing stage failed on one article."""

    def __init__(self, stage: str, message: str) -> None:
        super().__init__(f"{stage}: {message}")
        self.stage = stage


def choices_message(what: str, value: object, allowed: list[str] | tuple[str, ...]) -> str:
    """Build 'unknown X 'v'; expected one of: a, b, c'."""
    return f"unknown {what} {value!r}; expected one of: {', '.join(allowed)}"
