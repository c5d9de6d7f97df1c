"""Reading articles: bytes or text in, a cleaned `Article` out (offsets into the text as decoded)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Literal

from summarize.config import IngestOptions
from summarize.errors import EmptyArticleError
from summarize.ingest.clean import clean
from summarize.ingest.decode import check_size, decode
from summarize.ingest.html import extract_html, looks_like_html
from summarize.ingest.markup import blank, markup_spans, parse_front_matter
from summarize.models import Article, Source, Span
from summarize.sentences import split_sentences

Format = Literal["auto", "text", "markdown", "html"]

__all__ = ["build_article", "read_bytes", "read_path", "read_text_article"]

_SUFFIX_FORMAT = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
}


def read_path(path: Path, options: IngestOptions | None = None, name: str | None = None) -> Article:
    """Read one article file (size checked before reading)."""
    options = options or IngestOptions()
    name = name or str(path)
    check_size(path.stat().st_size, options.max_bytes, name)
    data = path.read_bytes()
    return read_bytes(data, name=name, fmt=_SUFFIX_FORMAT.get(path.suffix.lower(), "auto"), options=options)


def read_bytes(
    data: bytes, name: str | None = None, fmt: Format = "auto", options: IngestOptions | None = None
) -> Article:
    """Decode and clean one article given as bytes (a file's content, stdin)."""
    options = options or IngestOptions()
    label = name or "<stdin>"
    check_size(len(data), options.max_bytes, label)
    decoded = decode(data, label)
    sha = hashlib.sha256(data).hexdigest()
    return _build(decoded.text, name, sha, len(data), decoded.encoding, decoded.detected, fmt)


def read_text_article(text: str, path: str | None = None, fmt: Format = "auto") -> Article:
    """Clean an article already held as a string (the hash is of its UTF-8 bytes)."""
    data = text.encode("utf-8", errors="surrogatepass")
    if not text.strip():
        raise EmptyArticleError(f"{path or 'text'}: empty article (no text)")
    return _build(text, path, hashlib.sha256(data).hexdigest(), len(data), "utf-8", False, fmt)


def _build(text: str, path: str | None, sha: str, size: int, encoding: str, detected: bool, fmt: Format) -> Article:
    label = path or "<stdin>"
    if fmt == "html" or (fmt == "auto" and looks_like_html(text)):
        page = extract_html(text, label)
        source = Source(
            path=path,
            sha256=sha,
            chars=len(page.text),
            bytes=size,
            encoding=encoding,
            encoding_detected=detected,
            format="html",
        )
        return build_article(page.text, source, title=page.title, published=page.date)
    front = parse_front_matter(text)
    is_markdown = fmt == "markdown" or front is not None
    source = Source(
        path=path,
        sha256=sha,
        chars=len(text),
        bytes=size,
        encoding=encoding,
        encoding_detected=detected,
        format="markdown" if is_markdown else "text",
    )
    pre = [front.span] if front else []
    return build_article(
        text,
        source,
        title=front.title if front else None,
        published=front.date if front else None,
        masked=pre,
    )


def build_article(
    text: str,
    source: Source,
    title: str | None = None,
    published: str | None = None,
    masked: list[Span] | None = None,
) -> Article:
    """Make the view (markup, furniture and front matter blanked) and find headline, dateline, sentences."""
    view = list(text)
    # CR LF and lone CR become one newline in the view, so rules see a single line-end convention.
    for i, ch in enumerate(view):
        if ch == "\r":
            view[i] = " " if i + 1 < len(view) and view[i + 1] == "\n" else "\n"
    masked = list(masked or [])
    for span in masked:
        blank(view, span.start, span.end)
    for span in markup_spans("".join(view)):
        blank(view, span.start, span.end)
    cleaned = clean("".join(view), title_hint=title)
    for span in cleaned.furniture:
        blank(view, span.start, span.end)
    if cleaned.dateline:
        blank(view, cleaned.dateline.start, cleaned.dateline.end)
    view_text = "".join(view)
    title_span = cleaned.title_span
    if title is None and title_span is not None:
        title = " ".join(view_text[title_span.start : title_span.end].split())
    # The headline is split apart from the body so that it never runs into the first sentence.
    body_view = view_text
    if title_span is not None:
        body_view = (
            view_text[: title_span.start] + " " * (title_span.end - title_span.start) + view_text[title_span.end :]
        )
    sentences = [Span(start=s, end=e, label="sentence") for s, e in split_sentences(body_view)]
    if not sentences:
        raise EmptyArticleError(f"{source.path or '<stdin>'}: empty article (no body text after cleaning)")
    return Article(
        text=text,
        view=view_text,
        source=source,
        title=title,
        title_span=title_span,
        dateline=cleaned.dateline,
        published=published,
        body=Span(start=sentences[0].start, end=sentences[-1].end, label="body"),
        furniture=[*masked, *cleaned.furniture],
        sentences=sentences,
    )
