"""HTML pages: main text, title and publication date through trafilatura."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict

from summarize.errors import EmptyArticleError
from summarize.ingest.markup import iso_date

_HTML_START = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)


class Page(BaseModel):
    model_config = ConfigDict(frozen=True)

    text: str
    title: str | None
    date: str | None


def looks_like_html(text: str) -> bool:
    """True when the text opens like an HTML document."""
    return bool(_HTML_START.match(text[:4096]))


def extract_html(html: str, name: str) -> Page:
    """The article of a page. trafilatura was chosen over readability-lxml and newspaper3k:
    it is maintained, scores best on article-extraction benchmarks, and reads dates too."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    if not text.strip():
        raise EmptyArticleError(f"{name}: empty article (no main text found in the HTML page)")
    title = getattr(doc, "title", None)
    return Page(text=text, title=" ".join(title.split()) if title else None, date=iso_date(getattr(doc, "date", None)))
