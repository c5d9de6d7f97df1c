"""Throughput of abstractive summaries: the naive loop against this pipeline, on one machine.

The model has the real `sshleifer/distilbart-cnn-12-6` architecture (12 encoder and 6
decoder layers, d_model 1024, 306M parameters) with random weights, built from a config
in code, so nothing is downloaded. Its tokenizer is a byte-level BPE trained on the
articles themselves. Every summary has a fixed length (EOS is suppressed until the limit),
so both sides generate the same number of final tokens and runs are comparable.

- naive: what a user would write: one article at a time, truncated to 1,024 tokens, beam 4.
- pipeline variants: `Seq2SeqSummarizer` over windows of articles: every token of every
  article is read (chunks, map, reduce) and chunks of all articles share sorted batches.

All modes run in one process on the same inputs, interleaved window by window (the order
rotated each window), so that load from other work on the machine falls on all of them
alike. Peak RSS is sampled per mode while it runs. The articles are `samples/` and, when
it lies beside the checkout, the shared dev set's articles (reference files excluded).

    .venv/bin/python tests/benchmarks/bench_summarize.py --out-length 64
    .venv/bin/python tests/benchmarks/bench_summarize.py --out-length 64 \
        --variants default,beams2,quantize,bf16,unbatched,plain-cache
    .venv/bin/python tests/benchmarks/bench_summarize.py --sweep      # decoding batch sizes

Variants (levers): default (CPU defaults: batches, greedy map step, shared cross-attention
cache); beams2 (2 beams for the final summary); quantize (int8 dynamic, opt-in); bf16
(`--dtype bfloat16`, opt-in); unbatched (`--batch-size 1`); plain-cache (generate's own
encoder call and cache: cross-attention projected per beam and copied at every step);
map-beams4 (beam search in the map step too); threads1 (one torch thread).
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import os
import platform
import sys
import threading
import time
from pathlib import Path
from typing import ClassVar

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

VOCAB_SIZE = 50264
NAIVE_WINDOW = 1024
DEV_SET = ROOT.parent / "shared" / "dev-set"


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


def load_articles(folders: list[Path], repeat: int) -> list:
    from summarize.ingest import read_path

    paths = [
        p
        for folder in folders
        for p in sorted(folder.iterdir())
        if p.suffix in {".txt", ".md", ".html"} and p.name != "README.md" and not p.name.endswith(".ref.txt")
    ]
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

    torch.manual_seed(0)
    folders = [Path(f) for f in args.articles.split(",") if f]
    articles = load_articles(folders, args.repeat)
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


class RssPeak:
    """Peak resident set size of this process while a section runs, sampled every 20 ms."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def current() -> int:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")

    def _run(self) -> None:
        while not self._stop.wait(0.02):
            self.peak = max(self.peak, self.current())

    def __enter__(self) -> RssPeak:
        self.peak = self.current()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self.current())


class Counted:
    """Generated tokens (per returned sequence, decoder start excluded) and generate() calls of one mode."""

    current: ClassVar[Counted | None] = None  # the mode being timed; models are shared between modes
    _wrapped: ClassVar[set[int]] = set()

    def __init__(self, model) -> None:
        self.generated = 0
        self.calls = 0
        if id(model) in Counted._wrapped:
            return
        Counted._wrapped.add(id(model))
        original = model.generate

        def generate(*a, **k):
            out = original(*a, **k)
            if Counted.current is not None:
                Counted.current.generated += out.shape[0] * (out.shape[1] - 1)
                Counted.current.calls += 1
            return out

        model.generate = generate


@dataclasses.dataclass
class Row:
    mode: str
    articles: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    covered: int = 0
    total: int = 0
    sentences_covered: int = 0
    sentences_total: int = 0
    peak_rss: int = 0
    chunks: int = 0
    max_levels: int = 0
    counted: Counted | None = None
    batch: str = ""


def body_text(article) -> str:
    return " ".join(article.view[s.start : s.end] for s in article.sentences)


class Naive:
    """One article at a time, truncated to the model's 1,024 positions, beam 4."""

    def __init__(self, args, tokenizer, model) -> None:
        self.args, self.tokenizer, self.model = args, tokenizer, model
        self.row = Row("naive", counted=Counted(model), batch="1")

    def run(self, articles) -> None:
        import torch

        for article in articles:
            text = body_text(article)
            full = len(self.tokenizer(text, add_special_tokens=False, verbose=False)["input_ids"])
            enc = self.tokenizer(text, truncation=True, max_length=NAIVE_WINDOW, return_tensors="pt")
            self.row.covered += min(full, enc["input_ids"].shape[1] - 2)
            self.row.total += full
            # Sentences read whole: those that end within the truncated input.
            sentences = [article.view[s.start : s.end] for s in article.sentences]
            ids = self.tokenizer([" " + t for t in sentences], add_special_tokens=False, verbose=False)["input_ids"]
            used = 0
            for sentence_ids in ids:
                used += len(sentence_ids)
                self.row.sentences_covered += used <= NAIVE_WINDOW - 2
            self.row.sentences_total += len(sentences)
            with torch.inference_mode():
                self.model.generate(
                    **enc,
                    num_beams=4,
                    max_length=self.args.out_length + 1,
                    min_length=self.args.out_length + 1,
                    no_repeat_ngram_size=3,
                    length_penalty=2.0,
                    early_stopping=True,
                )


VARIANTS = {
    "default": {},
    "beams2": {"num_beams": 2},
    "quantize": {"quantize": True},
    "bf16": {"dtype": "bfloat16"},
    "unbatched": {"batch_size": 1},
    "map-beams4": {"map_num_beams": 4},
    "plain-cache": {},
    "threads1": {"threads": 1},
}


class Pipeline:
    """Seq2SeqSummarizer with one variant's options, on its own copy of the model when it changes it."""

    def __init__(self, name, args, tokenizer, model) -> None:
        import torch

        from summarize.config import SummarizerOptions
        from summarize.prompts import load_prompt
        from summarize.summarizers.seq2seq import Seq2SeqSummarizer, quantize_dynamic

        overrides = dict(VARIANTS[name])
        self.threads = overrides.pop("threads", None)
        options = SummarizerOptions(
            engine="abstractive",
            max_length=args.out_length,
            min_length=args.out_length,
            **{"num_beams": args.beams, "batch_size": args.batch_size, **overrides},
        )
        if options.dtype == "bfloat16":
            model = _own_copy(model).to(torch.bfloat16)
        if options.quantize:
            model = quantize_dynamic(_own_copy(model))
        self.summarizer = Seq2SeqSummarizer(
            model, tokenizer, model_id="random distilbart-cnn-12-6", prompt=load_prompt("plain"), options=options
        )
        s = self.summarizer
        # Fixed lengths for partial summaries too, so that runs compare.
        s.map = dataclasses.replace(s.map, min_new_tokens=s.map.max_new_tokens)
        if name == "plain-cache":
            _plain_generation(s)
        self.row = Row(name, counted=Counted(model), batch=f"{s.batch_size}")
        self.chunked: dict[int, list] = {}
        original = s.chunk_text

        def chunk_text(text, spans, step="map"):
            chunks = original(text, spans, step)
            if step == "map":
                self.chunked[id(text)] = chunks
            return chunks

        s.chunk_text = chunk_text

    def run(self, articles) -> None:
        import torch

        before = torch.get_num_threads()
        if self.threads:
            torch.set_num_threads(self.threads)
        try:
            results = self.summarizer.summarize(articles)
        finally:
            torch.set_num_threads(before)
        failed = [r for r in results if isinstance(r, Exception)]
        if failed:
            raise SystemExit(f"{self.row.mode} failed on {len(failed)} articles: {failed[0]}")
        self.row.chunks += sum(r.chunks for r in results)
        self.row.max_levels = max(self.row.max_levels, *(r.levels for r in results))
        self._coverage(articles)

    def _coverage(self, articles) -> None:
        """Whole-article coverage from the chunks this run made: sentences and their tokens."""
        tokenizer = self.summarizer.tokenizer
        for article in articles:
            chunks = self.chunked.pop(id(article.view))
            n = len(article.sentences)
            inside = set()
            for c in chunks:
                inside.update(range(c.first, c.last + 1))
            texts = [article.view[s.start : s.end] for s in article.sentences]
            counts = [len(x) for x in tokenizer(texts, add_special_tokens=False, verbose=False)["input_ids"]]
            self.row.sentences_covered += len(inside & set(range(n)))
            self.row.sentences_total += n
            self.row.covered += sum(counts[i] for i in inside if i < n)
            self.row.total += sum(counts)


def _own_copy(model):
    """A copy of the model whose generate() is its own, not the counting wrapper of the original."""
    copied = copy.deepcopy(model)
    vars(copied).pop("generate", None)
    return copied


def _plain_generation(summarizer) -> None:
    """The lever off: generate() encodes the token ids itself and keeps its own cache."""
    import torch

    def generate_batch(texts, settings):
        enc = summarizer.tokenizer(texts, return_tensors="pt", padding=True, truncation=False)
        with torch.inference_mode():
            out = summarizer.model.generate(
                **enc,
                num_beams=settings.num_beams,
                max_length=settings.max_new_tokens + 1,
                min_length=settings.min_new_tokens + 1,
                length_penalty=settings.length_penalty,
                no_repeat_ngram_size=settings.no_repeat_ngram_size,
                early_stopping=settings.num_beams > 1,
            )
        return summarizer.tokenizer.batch_decode(out, skip_special_tokens=True, clean_up_tokenization_spaces=False)

    summarizer._generate_batch = generate_batch


def timed(runner, articles) -> None:
    row = runner.row
    wall, cpu = time.perf_counter(), time.process_time()
    Counted.current = row.counted
    with RssPeak() as rss:
        runner.run(articles)
    Counted.current = None
    row.seconds += time.perf_counter() - wall
    row.cpu_seconds += time.process_time() - cpu
    row.articles += len(articles)
    row.peak_rss = max(row.peak_rss, rss.peak)


def print_table(rows: list[Row]) -> None:
    naive = next((r for r in rows if r.mode == "naive"), None)
    head = (
        f"{'mode':12s} {'articles':>8s} {'time s':>8s} {'cpu s':>8s} {'art/s':>7s} {'gen tok/s':>9s} "
        f"{'input tokens read':>19s} {'sentences':>11s} {'peak RSS':>9s} {'batch':>5s} {'ratio':>6s}"
    )
    print(head)
    print("-" * len(head))
    for r in rows:
        rate = r.articles / r.seconds
        ratio = f"{rate / (naive.articles / naive.seconds):.2f}x" if naive else "-"
        print(
            f"{r.mode:12s} {r.articles:8d} {r.seconds:8.1f} {r.cpu_seconds:8.1f} {rate:7.3f} "
            f"{r.counted.generated / r.seconds:9.1f} {f'{r.covered}/{r.total}':>19s} "
            f"{f'{r.sentences_covered}/{r.sentences_total}':>11s} {r.peak_rss / 2**20:7.0f}MB {r.batch:>5s} {ratio:>6s}"
        )
    for r in rows:
        if r.mode != "naive":
            print(
                f"  {r.mode}: {r.chunks} chunks, up to {r.max_levels} levels, "
                f"{r.counted.calls} generate calls, {r.counted.generated} tokens generated"
            )
        else:
            print(f"  naive: {r.counted.calls} generate calls, {r.counted.generated} tokens generated")


def benchmark(args) -> None:
    import torch

    if args.threads:
        torch.set_num_threads(args.threads)
    articles, tokenizer, model = build(args)
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, torch threads "
        f"{torch.get_num_threads()}; python {platform.python_version()}, torch {torch.__version__}"
    )
    print(f"settings: {' '.join(sys.argv[1:]) or '(defaults)'}; {len(articles)} articles")
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    runners = [Naive(args, tokenizer, model)] if "naive" not in args.skip else []
    runners += [Pipeline(name, args, tokenizer, model) for name in args.variants.split(",") if name]
    windows = [articles[i : i + args.window] for i in range(0, len(articles), args.window)]
    for runner in runners:  # first calls allocate and pick kernels: keep them out of the timing
        runner.run(articles[:1])
    for runner in runners:
        runner.row = Row(runner.row.mode, counted=runner.row.counted, batch=runner.row.batch)
        runner.row.counted.generated = runner.row.counted.calls = 0
    for w, window in enumerate(windows):
        shift = w % len(runners)
        for runner in runners[shift:] + runners[:shift]:
            timed(runner, window)
        print(
            f"  window {w + 1}/{len(windows)} done; load average {os.getloadavg()[0]:.2f}; "
            + ", ".join(f"{r.row.mode} {r.row.seconds:.0f}s" for r in runners),
            flush=True,
        )
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print()
    print_table([r.row for r in runners])
    print()
    print(
        "levers in every pipeline row: all of every article read (chunks, map, reduce); chunks of a window's "
        "articles in length-sorted batches; greedy map step; encoder run once per input in sub-batches; "
        "cross-attention projected once per input and not copied when beams are reordered"
    )


def sweep(args) -> None:
    """Final-summary generation over the same inputs with several decoding batch caps."""
    import torch

    from summarize.config import SummarizerOptions
    from summarize.prompts import load_prompt
    from summarize.summarizers.seq2seq import Seq2SeqSummarizer

    if args.threads:
        torch.set_num_threads(args.threads)
    articles, tokenizer, model = build(args)
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    base = SummarizerOptions(engine="abstractive", max_length=args.out_length, min_length=args.out_length)
    probe = Seq2SeqSummarizer(model, tokenizer, model_id="random", prompt=load_prompt("plain"), options=base)
    inputs = []
    for article in articles:
        spans = [(s.start, s.end) for s in article.sentences]
        inputs.extend(c.text for c in probe.chunk_text(article.view, spans))
    inputs = inputs[: args.sweep_inputs]
    settings = probe.final
    print(f"{len(inputs)} inputs, {sum(probe.counter.count(inputs))} tokens, beams {settings.num_beams}")
    columns = ("batch", "cap tokens", "encode cap", "batches", "time s", "inputs/s", "peak RSS")
    print(" ".join(f"{c:>10s}" for c in columns))
    for batch, cap, encode in [tuple(int(x) for x in c.split(":")) for c in args.sweep.split(",")]:
        options = base.model_copy(update={"batch_size": batch})
        s = Seq2SeqSummarizer(model, tokenizer, model_id="random", prompt=load_prompt("plain"), options=options)
        s.decode_tokens, s.encode_tokens = cap, encode
        lengths = s.counter.count(inputs)
        order = sorted(range(len(inputs)), key=lambda i: lengths[i], reverse=True)
        n_batches = len(s._batches(order, lengths, settings.num_beams))
        start = time.perf_counter()
        with RssPeak() as rss:
            s.generate(inputs, settings)
        elapsed = time.perf_counter() - start
        print(
            f"{batch:10d} {cap:10d} {encode:10d} {n_batches:10d} {elapsed:10.1f} {len(inputs) / elapsed:10.3f} "
            f"{rss.peak / 2**20:8.0f}MB  (load {os.getloadavg()[0]:.2f})",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    default_folders = ",".join(str(f) for f in (ROOT / "samples", DEV_SET) if f.is_dir())
    parser.add_argument("--articles", default=default_folders, help="comma-separated folders of articles")
    parser.add_argument("--repeat", type=int, default=1, help="use every article this many times")
    parser.add_argument("--out-length", type=int, default=142, help="final summary length, tokens (fixed)")
    parser.add_argument("--beams", type=int, default=None, help="pipeline: beams for the final summary (default 4)")
    parser.add_argument("--batch-size", type=int, default=None, help="pipeline: inputs per batch (auto)")
    parser.add_argument("--window", type=int, default=32, help="articles per summarize() call (and per round)")
    parser.add_argument("--threads", type=int, default=None, help="torch threads (all modes)")
    parser.add_argument("--variants", default="default", help=f"pipeline variants: {', '.join(VARIANTS)}")
    parser.add_argument("--skip", default="", help="'naive' to run the pipeline variants only")
    parser.add_argument(
        "--sweep",
        nargs="?",
        const="1:1:4096,4:32768:4096,8:32768:4096,16:32768:4096,32:65536:4096,16:32768:1024,16:32768:8192",
        default=None,
        help="BATCH:DECODE_TOKENS:ENCODE_TOKENS,... for the final step alone",
    )
    parser.add_argument("--sweep-inputs", type=int, default=32, help="inputs for --sweep")
    args = parser.parse_args()
    for name in args.variants.split(","):
        if name and name not in VARIANTS:
            parser.error(f"unknown variant {name!r}; choose from {', '.join(VARIANTS)}")
    if args.sweep:
        sweep(args)
    else:
        benchmark(args)


if __name__ == "__main__":
    main()
