"""The seq2seq summariser on tiny random models loaded through the real `from_pretrained` path."""

from __future__ import annotations

import pytest
from summary_articles import SECOND, SHORT, THIRD, article, long_text

from summarize.config import SummarizerOptions
from summarize.errors import ConfigError, ModelLoadError
from summarize.models import Summary
from summarize.summarizers import load_summarizer
from summarize.summarizers.seq2seq import Seq2SeqSummarizer, pick_device, pick_dtype

torch = pytest.importorskip("torch")


def load(model_dir, **options) -> Seq2SeqSummarizer:
    summarizer, warnings = load_summarizer(
        SummarizerOptions(engine="abstractive", model=str(model_dir), device="cpu", **options)
    )
    assert warnings == []
    assert isinstance(summarizer, Seq2SeqSummarizer)
    return summarizer


@pytest.fixture(scope="module")
def bart(tiny_bart_dir) -> Seq2SeqSummarizer:
    return load(tiny_bart_dir, max_length=12, min_length=4, num_beams=2)


def test_short_article_is_one_pass(bart):
    (summary,) = bart.summarize([article(SHORT)])
    assert isinstance(summary, Summary)
    assert (summary.engine, summary.chunks, summary.levels) == ("abstractive", 1, 1)
    assert summary.text.strip()


def test_summary_records_model_and_prompt(bart, tiny_bart_dir):
    (summary,) = bart.summarize([article(SECOND)])
    assert summary.model == str(tiny_bart_dir) == bart.model_id
    assert bart.engine == "abstractive"
    assert bart.prompt_name == "plain"
    assert len(bart.prompt_sha256) == 64


def test_long_article_goes_through_map_and_reduce(bart):
    long = article(long_text())
    (summary,) = bart.summarize([long])
    assert isinstance(summary, Summary)
    assert summary.chunks > 1
    assert summary.levels >= 2
    # Every body sentence was read: the chunks cover them all, none over the window.
    chunks = bart.chunk_text(long.view, [(s.start, s.end) for s in long.sentences])
    assert len(chunks) == summary.chunks
    assert {i for c in chunks for i in range(c.first, c.last + 1)} == set(range(len(long.sentences)))
    assert max(c.tokens for c in chunks) <= bart.budgets["map"] < bart.window


def test_very_long_article_needs_more_than_two_levels(bart):
    (summary,) = bart.summarize([article(long_text(paragraphs=60))])
    assert summary.levels >= 3


def test_batches_across_articles_keep_order(tiny_bart_dir):
    texts = [SHORT, long_text(12), SECOND, THIRD]
    one_by_one = load(tiny_bart_dir, max_length=10, num_beams=1, batch_size=1)
    batched = load(tiny_bart_dir, max_length=10, num_beams=1, batch_size=8)
    alone = [one_by_one.summarize([article(t)])[0] for t in texts]
    together = batched.summarize([article(t) for t in texts])
    assert [s.chunks for s in together] == [s.chunks for s in alone]
    assert [s.text for s in together] == [s.text for s in alone]
    assert len({s.text for s in together}) == len(texts), "outputs should differ between articles"


def test_generate_restores_input_order_after_sorting(bart):
    inputs = ["Short.", "A much longer input " * 8, "Middle sized input here.", "Tiny"]
    settings = bart.final
    batched = bart.generate(inputs, settings)
    singles = [bart.generate([text], settings)[0] for text in inputs]
    assert batched == singles


def test_max_words_caps_the_final_summary(tiny_bart_dir):
    summarizer = load(tiny_bart_dir, max_words=3, num_beams=1)
    (summary,) = summarizer.summarize([article(SHORT)])
    assert len(summary.text.split()) <= 3


def test_t5_family_takes_its_prefix(tiny_t5_dir):
    summarizer = load(tiny_t5_dir, max_length=8, num_beams=1)
    assert summarizer.prompt_name == "t5"
    # The prefix costs tokens: the text budget is below the window by more than the margin.
    assert summarizer.budgets["map"] < summarizer.window - 3
    results = summarizer.summarize([article(SHORT), article(long_text(10))])
    assert all(isinstance(r, Summary) for r in results)
    assert results[0].levels == 1 and results[1].levels >= 2


def test_prompt_option_overrides_the_family(tiny_t5_dir):
    summarizer = load(tiny_t5_dir, prompt="flan-t5", max_length=6, num_beams=1)
    assert summarizer.prompt_name == "flan-t5"


def test_window_can_be_narrowed(tiny_bart_dir):
    summarizer = load(tiny_bart_dir, max_input_tokens=64, max_length=6, num_beams=1)
    assert summarizer.window == 64
    (summary,) = summarizer.summarize([article(SHORT)])
    assert summary.chunks >= 1
    with pytest.raises(ConfigError, match="positions"):
        load(tiny_bart_dir, max_input_tokens=4096)


def test_device_and_dtype_on_cpu(tiny_bart_dir):
    if torch.cuda.is_available():
        pytest.skip("a GPU is present: auto would pick it")
    assert pick_device("auto") in {"cpu", "mps"}
    assert pick_device("cpu") == "cpu"
    with pytest.raises(ConfigError, match="not available"):
        pick_device("cuda")
    assert pick_dtype("cpu") == torch.float32
    assert pick_dtype("mps") == torch.float16
    assert pick_dtype("cpu", "bfloat16") == torch.bfloat16
    summarizer = load(tiny_bart_dir, dtype="bfloat16", max_length=6, num_beams=1)
    assert next(summarizer.model.parameters()).dtype == torch.bfloat16
    assert summarizer.device == "cpu"
    assert isinstance(summarizer.summarize([article(THIRD)])[0], Summary)


def test_quantize_replaces_linear_layers(tiny_bart_dir):
    summarizer = load(tiny_bart_dir, quantize=True, max_length=6, num_beams=1)
    linear = [m for m in summarizer.model.modules() if type(m).__name__ == "Linear"]
    assert linear and all("quantized" in type(m).__module__ for m in linear)
    assert isinstance(summarizer.summarize([article(SHORT)])[0], Summary)


def test_threads_option_sets_torch_threads(tiny_bart_dir):
    before = torch.get_num_threads()
    try:
        load(tiny_bart_dir, threads=1, max_length=6)
        assert torch.get_num_threads() == 1
    finally:
        torch.set_num_threads(before)


def test_one_bad_input_fails_alone(bart, monkeypatch):
    original = bart._generate_batch

    def fragile(texts, settings):
        if any("POISON" in t for t in texts):
            raise RuntimeError("simulated failure")
        return original(texts, settings)

    monkeypatch.setattr(bart, "_generate_batch", fragile)
    poisoned = SECOND.replace("tablets", "POISON tablets")
    results = bart.summarize([article(SHORT), article(poisoned), article(THIRD)])
    assert isinstance(results[0], Summary) and isinstance(results[2], Summary)
    assert isinstance(results[1], Exception)
    assert "simulated failure" in str(results[1])


def test_folder_without_config_is_a_load_error(tmp_path):
    with pytest.raises(ModelLoadError, match=r"config\.json") as info:
        load_summarizer(SummarizerOptions(engine="abstractive", model=str(tmp_path)))
    assert "--engine extractive" in str(info.value)


def test_missing_folder_is_a_load_error(tmp_path):
    with pytest.raises(ModelLoadError, match="does not exist"):
        load_summarizer(SummarizerOptions(engine="abstractive", model=str(tmp_path / "nowhere")))
