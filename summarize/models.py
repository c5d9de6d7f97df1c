"""Data models: the fact sheet contract (see README, "JSON contract") and the internal article.

Everything here is plain pydantic data; no behaviour beyond validation.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "1"

DateType = Literal["DATE", "TIME", "DURATION", "SET"]
StopStatus = Literal["planned", "past"]
SignatoryKind = Literal["organization", "person", "group"]
CountQualifier = Literal["exact", "more_than", "about", "at_least", "up_to"]
ReferenceDateSource = Literal["cli", "metadata", "text"]
EngineName = Literal["abstractive", "extractive"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Evidence(_Model):
    """Where a fact came from: `input[start:end] == text` on the decoded input."""

    start: int = Field(ge=0, description="character offset of the first character")
    end: int = Field(ge=0, description="character offset one past the last character")
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> Evidence:
        if self.end < self.start:
            raise ValueError(f"evidence end {self.end} is before start {self.start}")
        return self

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Evidence:
        """Evidence for text[start:end]."""
        return cls(start=start, end=end, text=text[start:end])


class Span(_Model):
    """A half-open character range [start, end) of the article text, with a label."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    label: str = ""


class Source(_Model):
    path: str | None = Field(description="the input path as given; null for stdin or an API call")
    sha256: str = Field(description="SHA-256 of the input bytes (of the UTF-8 text for an API call)")
    chars: int = Field(ge=0, description="length of the decoded text in characters")
    bytes: int = Field(ge=0, description="size of the input in bytes")
    encoding: str = Field(description="encoding the bytes were decoded with, e.g. 'utf-8', 'cp1252'")
    encoding_detected: bool = Field(
        default=False, description="true when the encoding was guessed rather than declared or UTF"
    )
    format: Literal["text", "markdown", "html"] = "text"


class Summary(_Model):
    text: str
    engine: EngineName
    model: str | None = Field(description="hub id or folder of the model; null for the extractive engine")
    chunks: int = Field(ge=0, description="number of chunks the body was split into for the map step")
    levels: int = Field(ge=0, description="number of generation levels (1 = single pass)")


class DateMention(_Model):
    """A temporal expression (TIMEX3-like)."""

    text: str
    type: DateType
    value: str = Field(description="TIMEX3 value: 2009-02-16, 2009-W07, P3D, PRESENT_REF, XXXX-02-16 ...")
    evidence: Evidence
    range_id: int | None = Field(default=None, description="shared by the two ends of a range")
    range_role: Literal["start", "end"] | None = None
    rule: str = Field(default="", description="name of the rule that produced it")


class Stop(_Model):
    traveler: str | None
    place: str
    country: str | None = Field(description="ISO 3166-1 alpha-2")
    start: str | None = None
    end: str | None = None
    date_text: str | None = None
    status: StopStatus = "planned"
    kind: Literal["country", "city", "region", "other"] = "other"
    evidence: Evidence
    rule: str = ""


class Signatory(_Model):
    name: str | None
    kind: SignatoryKind
    count: int | None = None
    count_qualifier: CountQualifier | None = None
    document: str | None = None
    evidence: Evidence
    rule: str = ""


class Issue(_Model):
    text: str
    raised_by: str | None = None
    evidence: Evidence
    rule: str = ""


class Meta(_Model):
    package_version: str
    engine: str = Field(description="engine asked for: auto, abstractive, extractive or none")
    model: str | None = None
    prompt: str | None = None
    prompt_sha256: str | None = None
    options: dict[str, Any] = Field(default_factory=dict)
    warnings: list[str] = Field(default_factory=list)
    furniture: list[Span] = Field(default_factory=list, description="spans set aside as page furniture")
    elapsed_ms: float = 0.0


class FactSheet(_Model):
    schema_version: Literal["1"] = SCHEMA_VERSION
    source: Source
    title: str | None = None
    reference_date: str | None = None
    reference_date_source: ReferenceDateSource | None = None
    summary: Summary | None = None
    itinerary: list[Stop] = Field(default_factory=list)
    signatories: list[Signatory] = Field(default_factory=list)
    issues_raised: list[Issue] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    meta: Meta


class Article(_Model):
    """An article as read and cleaned, before extraction.

    `text` is the input exactly as decoded: every offset in the project points into it.
    `view` has the same length; page furniture, front matter and markup characters are
    blanked out with spaces (newlines kept), so rules can run on it and still report
    offsets into `text`.
    """

    text: str
    view: str
    source: Source
    title: str | None = None
    title_span: Span | None = None
    dateline: Span | None = None
    published: str | None = Field(default=None, description="publication date from metadata (ISO, partial)")
    body: Span = Field(description="from the first body sentence to the end of the last")
    furniture: list[Span] = Field(default_factory=list)
    sentences: list[Span] = Field(default_factory=list, description="body sentences, headline excluded")

    @model_validator(mode="after")
    def _same_length(self) -> Article:
        if len(self.view) != len(self.text):
            raise ValueError("article view must have the same length as the text")
        return self

    def sentence_texts(self) -> list[str]:
        """The body sentences as strings (taken from the view)."""
        return [self.view[s.start : s.end] for s in self.sentences]
