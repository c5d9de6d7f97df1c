import json
from pathlib import Path

import pytest

import summarize
from summarize import FactSheet, extract_facts, split_sentences
from summarize.errors import ConfigError, EmptyArticleError

SAMPLES = Path(__file__).parent.parent / "samples"


def test_all_is_complete_and_resolvable():
    public = {
        name
        for name, value in vars(summarize).items()
        if not name.startswith("_") and not getattr(value, "__name__", "").startswith("summarize.")
    }
    assert set(summarize.__all__) >= public
    for name in summarize.__all__:
        assert hasattr(summarize, name), name


def test_extract_facts_returns_a_fact_sheet_without_summary():
    sheet = extract_facts("Ferry Approved\n\nThe board approved a ferry. It starts in May.\n", reference_date="2024")
    assert isinstance(sheet, FactSheet)
    assert sheet.summary is None
    assert sheet.reference_date == "2024"
    assert sheet.meta.engine == "none"


def test_extract_facts_rejects_bad_input():
    with pytest.raises(EmptyArticleError):
        extract_facts("   \n")
    with pytest.raises(ConfigError, match="2009-13"):
        extract_facts("Some text here.", reference_date="2009-13")


def test_split_sentences_returns_spans():
    text = "One sentence here. Another one there."
    assert [text[s:e] for s, e in split_sentences(text)] == ["One sentence here.", "Another one there."]


def sample_paths():
    return sorted(p for p in SAMPLES.iterdir() if p.suffix in {".txt", ".md", ".html"})


def test_there_are_samples():
    assert len(sample_paths()) >= 8


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.name)
def test_sample_fact_sheets_match_schema_and_evidence(path: Path):
    jsonschema = pytest.importorskip("jsonschema")
    from summarize.ingest import read_path
    from summarize.pipeline import process_article

    article = read_path(path)
    sheet = process_article(article)
    data = json.loads(sheet.model_dump_json())
    jsonschema.validate(data, FactSheet.model_json_schema())
    items = [*sheet.itinerary, *sheet.signatories, *sheet.issues_raised, *sheet.dates]
    for item in items:
        ev = item.evidence
        assert article.text[ev.start : ev.end] == ev.text
    for span in sheet.meta.furniture:
        assert 0 <= span.start <= span.end <= len(article.text)
