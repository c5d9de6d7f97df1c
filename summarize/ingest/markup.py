"""Front matter and inline markup: found as spans, blanked in the view, never removed from the text.

Blanking keeps every offset valid: a masked character becomes a space (a newline stays a
newline), so `view` and `text` have the same length.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from pydantic import BaseModel, ConfigDict

from summarize.models import Span

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_ISO_PREFIX = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

# Inline Markdown and stray HTML, each with the groups that are markup (to blank) -- the rest is text.
_LINK = re.compile(r"(!?\[)([^\]\n]{0,300})(\]\(\s?[^)\s]{0,2000}\s?(?:\s+\"[^\"\n]*\")?\))")
_REF_LINK = re.compile(r"(\[)([^\]\n]{1,300})(\]\[[^\]\n]{0,100}\])")
_AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^>\s]{1,2000}>")
_EMPHASIS = re.compile(r"(?<![\w*])(\*\*|__|\*|_)(?=\S)([^\n]{1,500}?)(?<=\S)\1(?![\w*])")
_CODE = re.compile(r"(`+)([^`\n]{1,500}?)\1")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]{0,20}(?:\s[^<>\n]{0,500})?/?>")
_ENTITY = re.compile(r"&(?:#\d{1,6}|#x[0-9A-Fa-f]{1,6}|[A-Za-z]{2,10});")
_ESCAPE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!|])")
_ATX = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+", re.M)
_ATX_CLOSE = re.compile(r"[ \t]+#+[ \t]*$", re.M)
_SETEXT = re.compile(r"^[ \t]{0,3}(=+|-{3,})[ \t]*$", re.M)
_BLOCKQUOTE = re.compile(r"^[ \t]{0,3}(>+)[ \t]?", re.M)
_RULE = re.compile(r"^[ \t]{0,3}(?:[*_-][ \t]*){3,}$", re.M)


class FrontMatter(BaseModel):
    model_config = ConfigDict(frozen=True)

    span: Span
    title: str | None = None
    date: str | None = None


def parse_front_matter(text: str) -> FrontMatter | None:
    """YAML front matter at the top of text (title and date read), or None."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return None
    fields = _load_yaml(m.group(1))
    title = fields.get("title")
    date = None
    for key in ("date", "published", "published_time", "pubdate", "publish_date", "created"):
        date = iso_date(fields.get(key))
        if date:
            break
    return FrontMatter(
        span=Span(start=m.start(), end=m.end(), label="front-matter"),
        title=" ".join(str(title).split()) if title else None,
        date=date,
    )


def _load_yaml(block: str) -> dict[str, Any]:
    # PyYAML (safe loader) for real YAML; a front matter that is not a mapping is ignored.
    import yaml

    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError:
        data = None
    return data if isinstance(data, dict) else {}


def iso_date(value: object) -> str | None:
    """An ISO date (YYYY, YYYY-MM or YYYY-MM-DD) from a metadata value, or None."""
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if value is None:
        return None
    m = _ISO_PREFIX.match(str(value).strip())
    if not m:
        return None
    year, month, day = m.groups()
    try:
        if day:
            return _dt.date(int(year), int(month), int(day)).isoformat()
        if month:
            return f"{year}-{month}" if 1 <= int(month) <= 12 else year
    except ValueError:
        return None
    return year


def markup_spans(text: str) -> list[Span]:
    """Spans of Markdown/HTML markup characters (not the text they mark up)."""
    spans: list[Span] = []

    def add(start: int, end: int, label: str) -> None:
        if end > start:
            spans.append(Span(start=start, end=end, label=label))

    for m in _LINK.finditer(text):
        add(m.start(1), m.end(1), "markup")
        add(m.start(3), m.end(3), "markup")
    for m in _REF_LINK.finditer(text):
        add(m.start(1), m.end(1), "markup")
        add(m.start(3), m.end(3), "markup")
    for regex in (_AUTOLINK, _TAG, _ENTITY, _ESCAPE, _SETEXT, _RULE):
        for m in regex.finditer(text):
            add(m.start(), m.end(), "markup")
    for regex in (_EMPHASIS, _CODE):
        for m in regex.finditer(text):
            add(m.start(1), m.end(1), "markup")
            add(m.end(2), m.end(), "markup")
    for regex in (_ATX, _BLOCKQUOTE):
        for m in regex.finditer(text):
            add(m.start(1), m.end(1), "markup")
    for m in _ATX_CLOSE.finditer(text):
        if _ATX.match(text, text.rfind("\n", 0, m.start()) + 1):
            add(m.start(), m.end(), "markup")
    return spans


def blank(view: list[str], start: int, end: int) -> None:
    """Blank view[start:end] in place, keeping newlines."""
    for i in range(start, end):
        if view[i] != "\n":
            view[i] = " "
