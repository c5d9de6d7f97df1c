"""Throughput of abstractive summaries: the naive loop against this pipeline, on one machine.

The model has the real `sshleifer/distilbart-cnn-12-6` architecture (12 encoder and 6
decoder layers, d_model 1024, 306M parameters) with random weights, built from a config
in code, so nothing is downloaded. Its tokenizer is a byte-level BPE trained on the
articles themselves. Every summary has a fixed length (EOS is suppressed until the limit),
so both sides generate the same number of final tokens and runs are comparable.

- naive: what a user would write: one article at a time, truncated to 1,024 tokens, beam 4.
- pipeline: `Seq2SeqSummarizer` over the whole window of articles: every token of every
  article is read (chunks, map, reduce), chunks of all articles share sorted batches.

Each mode runs in its own process so that its peak RSS is its own. Run from the checkout:

    .venv/bin/python tests/benchmarks/bench_summarize.py                 # both modes, defaults
    .venv/bin/python tests/benchmarks/bench_summarize.py --quantize      # int8 linear layers
    .venv/bin/python tests/benchmarks/bench_summarize.py --batch-size 1 --map-beams 4   # levers off
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

VOCAB_SIZE = 50264
NAIVE_WINDOW = 1024


def distilbart_cnn_12_6_config():
    """The published architecture of sshleifer/distilbart-cnn-12-6 (BART-large, 6 decoder layers)."""
    from transformers import BartConfig

    return BartConfig(
        vocab_size=VOCAB_SIZE,
        d_model=1024,
        encoder_layers=12,
        decoder_layers=6,
        encoder_attention_heads=16,
        decoder_attention_heads=16,
        encoder_ffn_dim=4096,
        decoder_ffn_dim=4096,
        max_position_embeddings=1024,
        activation_function="gelu",
        dropout=0.1,
        attention_dropout=0.0,
        activation_dropout=0.0,
        scale_embedding=False,
        bos_token_id=0,
        pad_token_id=1,
        eos_token_id=2,
        decoder_start_token_id=2,
        forced_bos_token_id=0,
    )


def load_articles(folder: Path, repeat: int) -> list:
    from summarize.ingest import read_path

    paths = sorted(p for p in folder.iterdir() if p.suffix in {".txt", ".md", ".html"} and p.name != "README.md")
    return [read_path(p) for p in paths] * repeat


def build_tokenizer(texts: list[str]):
    """Byte-level BPE trained on the articles, its vocabulary padded to the model's size."""
    import json as _json

    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import BartTokenizer

    tok = Tokenizer(models.BPE(unk_token=None))
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=8000,
        special_tokens=["<s>", "<pad>", "</s>", "<unk>"],
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tok.train_from_iterator(texts, trainer=trainer)
    state = _json.loads(tok.to_str())["model"]
    vocab = dict(state["vocab"])
    merges = [tuple(m.split(" ")) if isinstance(m, str) else tuple(m) for m in state["merges"]]
    n = 0
    while len(vocab) < VOCAB_SIZE - 1:  # the real vocabulary ends with <mask>
        vocab.setdefault(f"Ġw{n}", len(vocab))
        n += 1
    vocab["<mask>"] = len(vocab)
    return BartTokenizer(vocab=vocab, merges=merges, model_max_length=NAIVE_WINDOW)


def build(args):
    import torch
    from transformers import BartForConditionalGeneration

    if args.threads:
        torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    articles = load_articles(Path(args.articles), args.repeat)
    tokenizer = build_tokenizer([a.view for a in articles])
    model = BartForConditionalGeneration(distilbart_cnn_12_6_config()).eval()
    # Random weights would pick padding entries and stray UTF-8 bytes, whose text re-tokenises
    # into several tokens each and makes partial summaries grow between levels. Restrict the
    # choice to printable tokens of the trained vocabulary; the full vocabulary is still scored.
    printable = {
        i for i in range(len(tokenizer)) if (t := tokenizer.decode([i])).isascii() and t.isprintable() and t.strip()
    }
    model.generation_config.suppress_tokens = [i for i in range(VOCAB_SIZE) if i not in printable]
    return articles, tokenizer, model


class Counted:
    """Counts generated tokens (per returned sequence, decoder start excluded) around model.generate."""

    def __init__(self, model) -> None:
        self.generated = 0
        self.calls = 0
        original = model.generate

        def generate(*a, **k):
            out = original(*a, **k)
            self.generated += out.shape[0] * (out.shape[1] - 1)
            self.calls += 1
            return out

        model.generate = generate


def run_naive(args, articles, tokenizer, model) -> dict:
    import torch

    counted = Counted(model)
    covered = total = 0
    start = time.perf_counter()
    for article in articles:
        text = " ".join(article.view[s.start : s.end] for s in article.sentences)
        full = len(tokenizer(text, verbose=False)["input_ids"])
        enc = tokenizer(text, truncation=True, max_length=NAIVE_WINDOW, return_tensors="pt")
        covered += enc["input_ids"].shape[1]
        total += full
        with torch.inference_mode():
            model.generate(
                **enc,
                num_beams=4,
                max_length=args.out_length + 1,
                min_length=args.out_length + 1,
                no_repeat_ngram_size=3,
                length_penalty=2.0,
                early_stopping=True,
            )
    elapsed = time.perf_counter() - start
    return _figures("naive", articles, elapsed, counted, covered, total)


def run_pipeline(args, articles, tokenizer, model) -> dict:
    from summarize.config import SummarizerOptions
    from summarize.prompts import load_prompt
    from summarize.summarizers.seq2seq import Seq2SeqSummarizer, quantize_dynamic

    if args.quantize:
        model = quantize_dynamic(model)
    options = SummarizerOptions(
        engine="abstractive",
        batch_size=args.batch_size,
        num_beams=args.beams,
        max_length=args.out_length,
        min_length=args.out_length,
        map_num_beams=args.map_beams,
        map_max_length=args.map_length,
        quantize=args.quantize,
    )
    summarizer = Seq2SeqSummarizer(
        model, tokenizer, model_id="random distilbart-cnn-12-6", prompt=load_prompt("plain"), options=options
    )
    # Fixed lengths for partial summaries too, so that runs compare.
    summarizer.map = dataclasses.replace(summarizer.map, min_new_tokens=summarizer.map.max_new_tokens)
    counted = Counted(model)
    start = time.perf_counter()
    results = []
    for i in range(0, len(articles), args.window):
        results.extend(summarizer.summarize(articles[i : i + args.window]))
    elapsed = time.perf_counter() - start
    failed = [r for r in results if isinstance(r, Exception)]
    if failed:
        raise SystemExit(f"pipeline failed on {len(failed)} articles: {failed[0]}")
    total = 0
    for article in articles:
        text = " ".join(article.view[s.start : s.end] for s in article.sentences)
        total += len(tokenizer(text, verbose=False)["input_ids"])
    figures = _figures("pipeline", articles, elapsed, counted, total, total)
    figures["chunks"] = sum(r.chunks for r in results)
    figures["max_levels"] = max(r.levels for r in results)
    figures["batch_size"] = summarizer.batch_size
    return figures


def _figures(mode, articles, elapsed, counted, covered, total) -> dict:
    return {
        "mode": mode,
        "articles": len(articles),
        "seconds": round(elapsed, 2),
        "articles_per_s": round(len(articles) / elapsed, 4),
        "generated_tokens": counted.generated,
        "generated_tokens_per_s": round(counted.generated / elapsed, 1),
        "generate_calls": counted.calls,
        "input_tokens_covered": covered,
        "input_tokens_total": total,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def child(args) -> None:
    articles, tokenizer, model = build(args)
    run = run_naive if args.child == "naive" else run_pipeline
    print(json.dumps(run(args, articles, tokenizer, model)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", default=str(ROOT / "samples"), help="folder of .txt/.md/.html articles")
    parser.add_argument("--repeat", type=int, default=1, help="use every article this many times")
    parser.add_argument("--out-length", type=int, default=142, help="final summary length, tokens (fixed)")
    parser.add_argument("--beams", type=int, default=4, help="pipeline: beams for the final summary")
    parser.add_argument("--map-beams", type=int, default=1, help="pipeline: beams for partial summaries")
    parser.add_argument("--map-length", type=int, default=None, help="pipeline: partial summary length, tokens")
    parser.add_argument("--batch-size", type=int, default=None, help="pipeline: sequences per batch (auto)")
    parser.add_argument("--window", type=int, default=32, help="pipeline: articles per summarize() call")
    parser.add_argument("--quantize", action="store_true", help="pipeline: int8 dynamic quantisation")
    parser.add_argument("--threads", type=int, default=None, help="torch threads (both modes)")
    parser.add_argument("--modes", default="naive,pipeline", help="comma-separated: naive, pipeline")
    parser.add_argument("--child", choices=["naive", "pipeline"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return

    import platform

    machine = platform.processor() or platform.machine()
    print(f"machine: {machine}, {os.cpu_count()} CPUs; python {platform.python_version()}")
    print(f"settings: {' '.join(sys.argv[1:]) or '(defaults)'}")
    rows = {}
    for mode in args.modes.split(","):
        cmd = [sys.executable, __file__, *sys.argv[1:], "--child", mode]
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            sys.stderr.write(proc.stderr)
            raise SystemExit(f"{mode} run failed")
        rows[mode] = json.loads(proc.stdout.strip().splitlines()[-1])
        r = rows[mode]
        extra = (
            f", {r['chunks']} chunks, up to {r['max_levels']} levels, batch {r['batch_size']}"
            if mode == "pipeline"
            else ""
        )
        print(
            f"{mode:9s} {r['articles']} articles in {r['seconds']:.1f} s: {r['articles_per_s']:.3f} articles/s, "
            f"{r['generated_tokens_per_s']:.1f} generated tokens/s ({r['generated_tokens']} tokens, "
            f"{r['generate_calls']} generate calls), input tokens read {r['input_tokens_covered']}/"
            f"{r['input_tokens_total']}, peak RSS {r['peak_rss_mb']:.0f} MB{extra}"
        )
    if "naive" in rows and "pipeline" in rows:
        ratio = rows["pipeline"]["articles_per_s"] / rows["naive"]["articles_per_s"]
        print(f"ratio (pipeline / naive articles/s): {ratio:.2f}x")


if __name__ == "__main__":
    main()
