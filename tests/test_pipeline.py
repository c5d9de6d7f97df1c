from collections.abc import Sequence
from pathlib import Path

import pytest

from summarize import extract as extract_module
from summarize.config import RunOptions, SummarizerOptions
from summarize.errors import ProcessingError
from summarize.models import Article, Summary
from summarize.pipeline import InputItem, process_text, run_batch

GOOD = "Port Opens Night Ferry\n\nThe harbour board approved a night ferry. It starts in May.\n"
CURSED = "Cursed Article\n\nThis article makes a rule fail. It has two sentences.\n"


def items(tmp_path: Path, texts: dict[str, str]) -> list[InputItem]:
    out = []
    for name, text in texts.items():
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        out.append(InputItem(name=str(path), path=path, output=Path(f"{name}.json")))
    return out


class FlakySummarizer:
    """Summarises by taking the first sentence; fails on articles that say 'cursed'."""

    engine = "extractive"
    model_id = None
    prompt_name = None
    prompt_sha256 = None

    def __init__(self) -> None:
        self.calls: list[int] = []

    def summarize(self, articles: Sequence[Article]) -> list[Summary | Exception]:
        self.calls.append(len(articles))
        out: list[Summary | Exception] = []
        for a in articles:
            if "Cursed" in a.text:
                out.append(RuntimeError("model ran out of memory"))
            else:
                s = a.sentences[0]
                out.append(Summary(text=a.view[s.start : s.end], engine="extractive", model=None, chunks=1, levels=1))
        return out


class CrashingSummarizer(FlakySummarizer):
    """Raises for the whole batch when a cursed article is in it."""

    def summarize(self, articles):
        if len(articles) > 1 and any("Cursed" in a.text for a in articles):
            raise RuntimeError("batch failed")
        result = super().summarize(articles)
        if isinstance(result[0], Exception):
            raise result[0]
        return result


@pytest.mark.parametrize("summarizer_cls", [FlakySummarizer, CrashingSummarizer])
def test_a_model_error_fails_only_that_article(tmp_path, summarizer_cls):
    inputs = items(tmp_path, {"a": GOOD, "b": CURSED, "c": GOOD.replace("May", "June")})
    results = list(run_batch(inputs, RunOptions(), summarizer_cls()))
    assert [r.status for r in results] == ["ok", "error", "ok"]
    assert results[1].stage == "summary"
    assert "out of memory" in results[1].error
    assert results[2].factsheet.summary.text == "The harbour board approved a night ferry."


def test_an_extractor_bug_fails_only_that_article(tmp_path, monkeypatch):
    real = extract_module.extract_signatories

    def buggy(article):
        if "Cursed" in article.text:
            raise IndexError("list index out of range")
        return real(article)

    monkeypatch.setattr(extract_module, "extract_signatories", buggy)
    inputs = items(tmp_path, {"a": GOOD, "b": CURSED, "c": GOOD})
    results = list(run_batch(inputs, RunOptions(summarizer=SummarizerOptions(engine="none"))))
    assert [r.status for r in results] == ["ok", "error", "ok"]
    assert results[1].stage == "signatories"
    assert "IndexError" in results[1].error


def test_results_keep_input_order_across_windows(tmp_path, monkeypatch):
    from summarize import pipeline

    monkeypatch.setattr(pipeline, "WINDOW", 2)
    texts = {f"n{i}": GOOD.replace("May", f"month {i}") for i in range(5)}
    summarizer = FlakySummarizer()
    results = list(run_batch(items(tmp_path, texts), RunOptions(), summarizer))
    assert [Path(r.item.name).stem for r in results] == list(texts)
    assert summarizer.calls == [2, 2, 1]


def test_skip_marks_inputs_as_skipped(tmp_path):
    inputs = items(tmp_path, {"a": GOOD, "b": GOOD})
    results = list(run_batch(inputs, RunOptions(), None, skip=[True, False]))
    assert [r.status for r in results] == ["skipped", "ok"]


def test_process_text_with_a_given_summarizer_records_it():
    sheet = process_text(GOOD, summarizer=FlakySummarizer())
    assert sheet.summary.engine == "extractive"
    assert sheet.title == "Port Opens Night Ferry"
    with pytest.raises(ProcessingError):
        process_text(CURSED, summarizer=FlakySummarizer())
