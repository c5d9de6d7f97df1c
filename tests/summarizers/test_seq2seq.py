"""The seq2seq summariser on tiny random models loaded through the real `from_pretrained` path."""

from __future__ import annotations

import pytest
from summary_articles import SECOND, SHORT, THIRD, article, long_text

from summarize.config import SummarizerOptions
from summarize.errors import ConfigError, ModelLoadError
from summarize.models import Summary
from summarize.summarizers import load_summarizer
from summarize.summarizers.seq2seq import GenerationSettings, Seq2SeqSummarizer, pick_device, pick_dtype

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


def _plain_generate(summarizer: Seq2SeqSummarizer, texts: list[str], beams: int) -> list[str]:
    """What generate() gives from token ids, with its own encoder call and cache."""
    enc = summarizer.tokenizer(texts, return_tensors="pt", padding=True)
    with torch.inference_mode():
        out = summarizer.model.generate(
            **enc, num_beams=beams, max_length=11, min_length=11, early_stopping=beams > 1, do_sample=False
        )
    return summarizer.tokenizer.batch_decode(out, skip_special_tokens=True, clean_up_tokenization_spaces=False)


@pytest.mark.parametrize("model_dir", ["tiny_bart_dir", "tiny_t5_dir"])
@pytest.mark.parametrize("beams", [1, 3])
def test_sub_batched_encoder_and_shared_cross_cache_match_plain_generate(request, model_dir, beams):
    summarizer = load(request.getfixturevalue(model_dir), max_length=10, min_length=10, num_beams=beams)
    # One input per encoder call: every call is cut to its own width and padded back.
    summarizer.encode_tokens = 1
    texts = ["A much longer input about the harbour and its ferries " * 3, "Middle sized input here.", "Tiny"]
    settings = GenerationSettings(num_beams=beams, max_new_tokens=10, min_new_tokens=10)
    assert summarizer._generate_batch(texts, settings) == _plain_generate(summarizer, texts, beams)


def test_beam_cache_projects_cross_attention_once_per_input(bart):
    from summarize.summarizers.seq2seq import _beam_cache, _cross_attention_modules

    layers = _cross_attention_modules(bart.model)
    assert len(layers) == bart.model.config.decoder_layers
    hidden = torch.randn(2, 5, bart.model.config.d_model)
    cache = _beam_cache(bart.model, hidden, beams=3)
    keys = cache.cross_attention_cache.layers[0].keys
    assert keys.shape[0] == 2 * 3 and keys.shape[2] == 5
    assert torch.equal(keys[0], keys[2]) and not torch.equal(keys[0], keys[3])
    before = keys.clone()
    cache.reorder_cache(torch.tensor([2, 2, 1, 5, 3, 3]))
    assert torch.equal(cache.cross_attention_cache.layers[0].keys, before)


def test_decoding_batches_are_capped_in_cross_attention_tokens(bart):
    bart.decode_tokens, saved = 100, bart.decode_tokens
    try:
        lengths = [40, 20, 10, 10, 5]
        batches = bart._batches(list(range(5)), lengths, beams=2)
    finally:
        bart.decode_tokens = saved
    # 2 beams x 42 padded tokens fit one input only; 2 x 22 fit two; 2 x 12 fit the last two.
    assert batches == [[0], [1, 2], [3, 4]]
    assert all(len(b) * 2 * (lengths[b[0]] + 2) <= 100 or len(b) == 1 for b in batches)
