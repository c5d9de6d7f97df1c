"""Options, one frozen model per concern, built once at the edge and passed whole."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Engine = Literal["auto", "abstractive", "extractive", "none"]
Device = Literal["auto", "cpu", "cuda", "mps"]
DType = Literal["auto", "float32", "bfloat16", "float16"]
OutputFormat = Literal["json", "jsonl", "markdown"]

DEFAULT_MODEL = "sshleifer/distilbart-cnn-12-6"
DEFAULT_GLOBS = ("*.txt", "*.md", "*.html")
DEFAULT_MAX_BYTES = 5_000_000

_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class _Options(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def check_partial_date(value: str | None) -> str | None:
    """Accept YYYY, YYYY-MM or YYYY-MM-DD with a real month and day; raise ValueError otherwise."""
    if value is None:
        return None
    value = value.strip()
    if not _PARTIAL_DATE.match(value):
        raise ValueError(f"reference date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    parts = [int(p) for p in value.split("-")]
    if len(parts) >= 2 and not 1 <= parts[1] <= 12:
        raise ValueError(f"reference date {value!r} has no month {parts[1]}")
    if len(parts) == 3:
        import datetime

        try:
            datetime.date(*parts)
        except ValueError as exc:
            raise ValueError(f"reference date {value!r}: {exc}") from None
    return value


class IngestOptions(_Options):
    max_bytes: int = Field(default=DEFAULT_MAX_BYTES, gt=0, description="largest input accepted, in bytes")


class ExtractionOptions(_Options):
    reference_date: str | None = Field(default=None, description="YYYY[-MM[-DD]] given by the user")
    language: str = "en"

    @field_validator("reference_date")
    @classmethod
    def _valid_date(cls, value: str | None) -> str | None:
        return check_partial_date(value)


class SummarizerOptions(_Options):
    engine: Engine = "auto"
    model: str = DEFAULT_MODEL
    device: Device = "auto"
    threads: int | None = Field(default=None, gt=0, description="CPU threads for torch; None = torch default")
    batch_size: int | None = Field(default=None, gt=0, description="chunks per generation batch; None = auto")
    max_length: int | None = Field(default=None, gt=0, description="final summary length limit, in tokens")
    min_length: int | None = Field(default=None, ge=0, description="final summary minimum length, in tokens")
    max_words: int | None = Field(default=None, gt=0, description="final summary length limit, in words")
    num_beams: int | None = Field(default=None, gt=0, description="beams for the final summary")
    prompt: str | None = Field(default=None, description="prompt name or template path; None = by model")
    overlap: int = Field(default=0, ge=0, description="sentences repeated between neighbouring chunks")
    quantize: bool = Field(default=False, description="int8 dynamic quantisation of linear layers (CPU)")
    dtype: DType = Field(default="auto", description="weights dtype; auto = float32 on CPU, bf16/fp16 on GPU")
    max_input_tokens: int | None = Field(
        default=None, gt=0, description="input window in tokens, prompt included; None = the model's own"
    )
    map_num_beams: int = Field(default=1, gt=0, description="beams for partial summaries (1 = greedy)")
    map_max_length: int | None = Field(
        default=None, gt=0, description="partial summary length limit, in tokens; None = the final limit"
    )


class RunOptions(_Options):
    ingest: IngestOptions = IngestOptions()
    extraction: ExtractionOptions = ExtractionOptions()
    summarizer: SummarizerOptions = SummarizerOptions()
    globs: tuple[str, ...] = DEFAULT_GLOBS
    output_dir: Path | None = None
    output_format: OutputFormat = "json"
    overwrite: bool = False
