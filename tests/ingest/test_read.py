from pathlib import Path

import pytest

from summarize.errors import EmptyArticleError
from summarize.ingest import read_bytes, read_path, read_text_article

STORY = """Harbour Board Approves Night Ferries

PORTVILLE, March 3, 2024 -- The harbour board on Monday approved a night ferry service to Kessel Island.

The service will start in May, the board's chair, Dr. Ana Ruiz, told reporters. "It is overdue," she said.

Critics said the U.S. operator chosen for the route had little experience with winter storms.
"""

FOOTER = """
© 2024 Portville Courier. All rights reserved.
Share this article
Subscribe to our newsletter for daily updates
Related stories:
- New lighthouse opens on the north pier Monday, March 2, 2024
- Council votes on harbour fees Friday, February 28, 2024
"""


def spans_valid(article):
    assert len(article.view) == len(article.text)
    for s in article.sentences:
        assert 0 <= s.start < s.end <= len(article.text)
        assert article.text[s.start : s.end].strip()


def test_headline_dateline_and_body():
    article = read_text_article(STORY)
    spans_valid(article)
    assert article.title == "Harbour Board Approves Night Ferries"
    assert article.text[article.dateline.start : article.dateline.end].startswith("PORTVILLE, March 3, 2024 --")
    first = article.view[article.sentences[0].start : article.sentences[0].end]
    assert first.startswith("The harbour board on Monday approved")
    assert all(s.start >= article.title_span.end for s in article.sentences)


def test_footer_is_furniture_and_never_a_sentence():
    article = read_text_article(STORY + FOOTER)
    spans_valid(article)
    body = " ".join(article.view[s.start : s.end] for s in article.sentences)
    for phrase in ("All rights reserved", "Share this", "Subscribe", "Related stories", "lighthouse", "harbour fees"):
        assert phrase not in body
    labels = {s.label for s in article.furniture}
    assert "tail" in labels or "furniture" in labels
    # the view keeps the length and blanks the footer; the text is untouched
    assert article.text == STORY + FOOTER
    assert "lighthouse" in article.text and "lighthouse" not in article.view


def test_mid_article_related_box_does_not_swallow_the_rest():
    text = (
        STORY
        + "\nRelated stories:\n"
        + (
            "The board also said it would review the fares next year after hearing from residents, "
            "business owners and the island council, who asked for discounts for schoolchildren.\n"
        )
    )
    article = read_text_article(text)
    assert "review the fares" in " ".join(article.view[s.start : s.end] for s in article.sentences)


def test_crlf_and_cr_line_ends_keep_offsets():
    for newline in ("\r\n", "\r"):
        text = STORY.replace("\n", newline)
        article = read_bytes(text.encode("utf-8"), name="x.txt")
        spans_valid(article)
        assert article.text == text
        assert "\r" not in article.view
        assert article.title == "Harbour Board Approves Night Ferries"
        assert len(article.sentences) == len(read_text_article(STORY).sentences)


def test_front_matter_gives_title_and_date(tmp_path: Path):
    md = (
        '---\ntitle: "Night ferries approved"\ndate: 2024-03-04\nauthor: desk\n---\n'
        "The **harbour board** approved a _night ferry_ service, says the [Portville Courier](https://example.org/a).\n\n"
        "It will start in May.\n"
    )
    path = tmp_path / "ferry.md"
    path.write_text(md, encoding="utf-8")
    article = read_path(path)
    spans_valid(article)
    assert article.title == "Night ferries approved"
    assert article.published == "2024-03-04"
    assert article.source.format == "markdown"
    first = " ".join(article.view[article.sentences[0].start : article.sentences[0].end].split())
    assert first == "The harbour board approved a night ferry service, says the Portville Courier ."
    assert len(article.sentences) == 2
    assert "title:" not in article.view


def test_markdown_syntax_does_not_break_sentences():
    text = 'Officials met **on Friday**. They signed a [treaty](https://example.org/t "t") on _water_ rights.\n'
    article = read_text_article(text)
    assert [" ".join(article.view[s.start : s.end].split()) for s in article.sentences] == [
        "Officials met on Friday .",
        "They signed a treaty on water rights.",
    ]


def test_html_page_gives_text_title_and_date(tmp_path: Path):
    html = """<!DOCTYPE html><html><head><title>Ferries | Portville Courier</title>
<meta property="article:published_time" content="2024-03-04T08:00:00Z">
<meta property="og:title" content="Night ferries approved"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Night ferries approved</h1>
<p>The harbour board on Monday approved a night ferry service between Portville and Kessel Island,
after two years of campaigning by island residents and shop owners.</p>
<p>The service will start in May, the board's chair told reporters on the quay after the vote.</p>
<p>Critics said the operator chosen for the route had little experience with winter storms at sea.</p>
</article><footer>&copy; 2024 Portville Courier. <a href="/privacy">Privacy</a></footer></body></html>"""
    path = tmp_path / "ferry.html"
    path.write_text(html, encoding="utf-8")
    article = read_path(path)
    spans_valid(article)
    assert article.source.format == "html"
    assert article.title == "Night ferries approved"
    assert article.published == "2024-03-04"
    assert "night ferry service" in article.text
    assert "Privacy" not in article.view


def test_html_without_article_text_is_empty(tmp_path: Path):
    path = tmp_path / "blank.html"
    path.write_text("<html><head><title>x</title></head><body><nav>Home</nav></body></html>", encoding="utf-8")
    with pytest.raises(EmptyArticleError):
        read_path(path)


def test_only_furniture_is_an_empty_article():
    with pytest.raises(EmptyArticleError, match="no body text"):
        read_text_article("Share this article\nSubscribe to our newsletter\n")
