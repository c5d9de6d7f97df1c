"""Abstractive summaries with a local seq2seq model (BART, PEGASUS, T5, FLAN-T5 families).

Whole articles, however long: the body is cut into chunks that fit the model's input
window; one pass when it fits, otherwise map (summarise every chunk) and reduce
(summarise the joined partial summaries, again in chunks if they do not fit yet) until
one final pass. Chunks from all the articles of a call share generation batches, sorted
by length to cut padding, and results go back to their articles in order.

Where CPU time goes, and what this module does about it: a decoding step reads all the
decoder weights whatever the batch, so decoding batches are large and the weights are read
once for many sequences; the encoder runs once per input, in sub-batches of bounded padded
size; with beam search, the cross-attention keys and values are projected once per input
rather than once per beam, and are not copied each time the beams are reordered.

`torch` and `transformers` are imported here only, inside functions, so that importing
summarize and running the extractive engine never loads them.
"""

from __future__ import annotations

import functools
import logging
import math
import os
import socket
import threading
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit

from summarize.chunking import Chunk, chunk_spans, normalise
from summarize.config import SummarizerOptions
from summarize.errors import ConfigError, ModelLoadError, ProcessingError, SummarizeError
from summarize.models import Article, Summary
from summarize.prompts import Prompt, Step, load_prompt, prompt_name_for
from summarize.sentences import split_sentences
from summarize.summarizers.common import trim_words
from summarize.summarizers.presets import Preset, resolve_model

if TYPE_CHECKING:
    import torch

logger = logging.getLogger(__name__)

HUB_PROBE_TIMEOUT = 3.0  # seconds to resolve and connect to the hub before calling it unreachable
FALLBACK_WINDOW = 512  # input tokens when neither tokenizer nor config states a limit
WINDOW_MARGIN = 2  # tokens kept free for merges where the template meets the text
MAX_LEVELS = 8  # generation levels before giving up on an article that does not shrink
TOKENS_PER_WORD = 1.4  # to turn --max-words into a token limit when --max-length is not given
# Decoding on CPU is bound by reading the decoder weights once per step, so the more
# sequences share a step the cheaper each one is: decoding batches are large. What does
# grow with their size is the cross-attention cache (beams x inputs x padded length; 48 KB
# a token for distilbart-cnn-12-6's 6 decoder layers in float32), capped in tokens. On a
# 2-core CPU, final summaries of 29 chunks (beam 4) took 93 s in batches of 4, 72-81 s in
# batches of 8-32 under this cap (3.5 GB peak), 83 s in one uncapped batch (8.5 GB). The
# encoder runs in sub-batches capped in padded tokens (attention scores grow with length
# squared); caps of 1,024-16,384 made no measurable difference. (bench_summarize.py --sweep)
AUTO_BATCH = {"cpu": 16, "cuda": 32, "mps": 16}  # inputs per decoding batch
DECODE_TOKENS = {"cpu": 32768, "cuda": 1 << 20, "mps": 1 << 18}  # beams x inputs x padded length
ENCODE_TOKENS = {"cpu": 4096, "cuda": 65536, "mps": 16384}  # padded input tokens per encoder call

Kind = Literal["map", "final"]


# --------------------------------------------------------------------------- loading


def pick_device(requested: str) -> str:
    """cuda, then mps, then cpu for 'auto'; an explicit device must be available."""
    import torch

    cuda = torch.cuda.is_available()
    mps = getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available()
    if requested == "auto":
        return "cuda" if cuda else "mps" if mps else "cpu"
    if (requested == "cuda" and not cuda) or (requested == "mps" and not mps):
        raise ConfigError(f"device {requested!r} is not available here; use --device auto or cpu")
    return requested


def pick_dtype(device: str, requested: str = "auto") -> torch.dtype:
    """float32 on CPU unless asked; bfloat16 on a GPU that has it, else float16."""
    import torch

    if requested != "auto":
        return getattr(torch, requested)
    if device == "cuda":
        return torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
    if device == "mps":
        return torch.float16
    return torch.float32


def hub_reachable(endpoint: str | None = None, timeout: float = HUB_PROBE_TIMEOUT) -> bool:
    """Whether a TCP connection to the hub (or the configured HTTPS proxy) opens within timeout.

    Name resolution is not bounded by socket timeouts, so the probe runs in a daemon
    thread and is abandoned after `timeout` seconds.
    """
    proxy = os.environ.get("HTTPS_PROXY") or os.environ.get("https_proxy")
    url = urlsplit(proxy or endpoint or _hub_endpoint())
    host, port = url.hostname, url.port or (443 if url.scheme == "https" else 80)
    if not host:
        return False
    result: list[bool] = []

    def probe() -> None:
        try:
            with socket.create_connection((host, port), timeout=timeout):
                result.append(True)
        except OSError:
            result.append(False)

    worker = threading.Thread(target=probe, daemon=True)
    worker.start()
    worker.join(timeout)
    return bool(result and result[0])


def _hub_endpoint() -> str:
    try:
        from huggingface_hub import constants

        return constants.ENDPOINT
    except ImportError:  # pragma: no cover - huggingface_hub comes with transformers
        return os.environ.get("HF_ENDPOINT", "https://huggingface.co")


def _offline() -> bool:
    try:
        from huggingface_hub import constants

        if constants.HF_HUB_OFFLINE:
            return True
    except ImportError:  # pragma: no cover
        pass
    return any(
        os.environ.get(v, "").upper() in {"1", "ON", "YES", "TRUE"} for v in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")
    )


def _looks_like_path(name: str) -> bool:
    return name.startswith((".", "/", "~")) or name.count("/") > 1 or "\\" in name or Path(name).is_absolute()


def ways_out(model_id: str) -> str:
    return (
        f"Ways out: pass a local model folder with --model DIR, use --engine extractive, "
        f"or run once with network access so that {model_id!r} is cached."
    )


def load_model_files(model_id: str) -> tuple[Any, Any]:
    """(tokenizer, model) from a folder, the local cache, or the hub; ModelLoadError otherwise.

    Fails fast when offline: the cache is tried first without any network call, then the
    hub host is probed for a few seconds before any download is attempted.
    """
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    path = Path(model_id).expanduser()
    if path.is_dir():
        if not (path / "config.json").is_file():
            raise ModelLoadError(
                f"model folder {model_id!r} has no config.json; is it a saved model? {ways_out(model_id)}"
            )
        return _from_pretrained(AutoTokenizer, AutoModelForSeq2SeqLM, str(path), model_id, local_only=True)
    if _looks_like_path(model_id):
        raise ModelLoadError(f"model folder {model_id!r} does not exist. {ways_out(model_id)}")
    try:
        return _from_pretrained(AutoTokenizer, AutoModelForSeq2SeqLM, model_id, model_id, local_only=True)
    except ModelLoadError as cached_error:
        if _offline():
            raise ModelLoadError(
                f"model {model_id!r} is not in the local cache and HF_HUB_OFFLINE is set. {ways_out(model_id)}"
            ) from cached_error
    if not hub_reachable():
        raise ModelLoadError(
            f"model {model_id!r} is not in the local cache and the model hub ({_hub_endpoint()}) "
            f"cannot be reached. {ways_out(model_id)}"
        )
    return _from_pretrained(AutoTokenizer, AutoModelForSeq2SeqLM, model_id, model_id, local_only=False)


def _from_pretrained(tok_cls: Any, model_cls: Any, source: str, model_id: str, *, local_only: bool) -> tuple[Any, Any]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tokenizer = tok_cls.from_pretrained(source, local_files_only=local_only)
            model = model_cls.from_pretrained(source, local_files_only=local_only)
    except (OSError, ValueError, KeyError, ImportError) as exc:
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ModelLoadError(f"cannot load model {model_id!r}: {first_line}. {ways_out(model_id)}") from exc
    return tokenizer, model


def load_seq2seq(options: SummarizerOptions) -> Seq2SeqSummarizer:
    """Load the model named by options (preset, hub id or folder) and wrap it for batched map-reduce."""
    import torch

    model_id, preset = resolve_model(options.model)
    device = pick_device(options.device)
    if options.quantize and device != "cpu":
        raise ConfigError("--quantize applies to CPU inference only; use --device cpu or drop --quantize")
    if options.threads:
        torch.set_num_threads(options.threads)
    tokenizer, model = load_model_files(model_id)
    dtype = pick_dtype(device, options.dtype)
    model = model.to(device=device, dtype=dtype)
    model.eval()
    if options.quantize:
        model = quantize_dynamic(model)
    prompt = load_prompt(options.prompt or prompt_name_for(model.config.model_type, model_id))
    return Seq2SeqSummarizer(model, tokenizer, model_id=model_id, prompt=prompt, options=options, preset=preset)


def quantize_dynamic(model: Any) -> Any:
    """int8 dynamic quantisation of the linear layers (CPU): smaller and usually faster matmuls."""
    import torch

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # eager-mode quantisation is deprecated in favour of torchao
        return torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8, inplace=True)


# --------------------------------------------------------------------------- generation


@dataclass(frozen=True)
class GenerationSettings:
    """Decoding settings for one kind of pass (lengths in generated tokens)."""

    num_beams: int
    max_new_tokens: int
    min_new_tokens: int = 0
    length_penalty: float = 1.0
    no_repeat_ngram_size: int = 0


class TokenizerCounter:
    """The chunker's view of a Hugging Face tokenizer."""

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer

    def count(self, texts: Sequence[str]) -> list[int]:
        if not texts:
            return []
        # verbose=False: long texts are counted on purpose, to be chunked, never fed whole.
        ids = self.tokenizer(list(texts), add_special_tokens=False, verbose=False)["input_ids"]
        return [len(x) for x in ids]

    def token_spans(self, text: str) -> list[tuple[int, int]]:
        try:
            enc = self.tokenizer(text, add_special_tokens=False, return_offsets_mapping=True, verbose=False)
            return [tuple(span) for span in enc["offset_mapping"]]
        except NotImplementedError:  # a slow tokenizer has no offsets: fall back to words
            spans, pos = [], 0
            for word in text.split():
                pos = text.index(word, pos)
                spans.append((pos, pos + len(word)))
                pos += len(word)
            return spans


@dataclass
class _Job:
    """One article's progress through the levels."""

    chunks: int = 0
    levels: int = 0
    inputs: list[str] = field(default_factory=list)  # rendered model inputs of the current level
    kind: Kind = "final"
    last_tokens: int = 0  # input size of the current level, to check that levels shrink
    text: str | None = None
    error: Exception | None = None

    @property
    def active(self) -> bool:
        return self.text is None and self.error is None


class Seq2SeqSummarizer:
    """A loaded seq2seq model that summarises batches of articles with map-reduce."""

    engine = "abstractive"

    def __init__(
        self,
        model: Any,
        tokenizer: Any,
        *,
        model_id: str,
        prompt: Prompt,
        options: SummarizerOptions,
        preset: Preset | None = None,
    ) -> None:
        self.model = model
        self.tokenizer = tokenizer
        self.model_id = model_id
        self.prompt = prompt
        self.prompt_name = prompt.name
        self.prompt_sha256 = prompt.sha256
        self.options = options
        self.counter = TokenizerCounter(tokenizer)
        self.device = str(next(model.parameters()).device) if _has_parameters(model) else "cpu"
        self.window = self._window()
        self.budgets: dict[Step, int] = {step: self._budget(step) for step in ("map", "reduce")}
        self.final = self._final_settings(preset)
        self.map = self._map_settings()
        kind = self.device.split(":")[0]
        self.batch_size = options.batch_size or AUTO_BATCH.get(kind, 8)
        # An explicit --batch-size is taken as asked; the token cap applies to the automatic size.
        self.decode_tokens = 10**12 if options.batch_size else DECODE_TOKENS.get(kind, 32768)
        self.encode_tokens = ENCODE_TOKENS.get(kind, 4096)

    # -- public

    def summarize(self, articles: Sequence[Article]) -> list[Summary | Exception]:
        """One summary (or the exception that stopped it) per article, in order."""
        jobs = [self._start(article) for article in articles]
        while any(job.active for job in jobs):
            self._run_level(jobs)
        results: list[Summary | Exception] = []
        for job in jobs:
            if job.error is not None:
                results.append(job.error)
            else:
                text = trim_words(job.text or "", self.options.max_words)
                results.append(
                    Summary(text=text, engine="abstractive", model=self.model_id, chunks=job.chunks, levels=job.levels)
                )
        return results

    def chunk_text(self, text: str, spans: Sequence[tuple[int, int]], step: Step = "map") -> list[Chunk]:
        """Chunks of text's sentences that fit this model's window with the step's template."""
        return chunk_spans(text, spans, self.counter, self.budgets[step], self.options.overlap)

    # -- levels

    def _start(self, article: Article) -> _Job:
        job = _Job()
        try:
            spans = [(s.start, s.end) for s in article.sentences] or [(article.body.start, article.body.end)]
            chunks = self.chunk_text(article.view, spans, "map")
            if not chunks:
                raise ProcessingError("summarise", "the article has no body text to summarise")
            job.chunks = len(chunks)
            job.inputs = [self.prompt.render("map", c.text) for c in chunks]
            job.kind = "final" if len(chunks) == 1 else "map"
            job.last_tokens = sum(c.tokens for c in chunks)
        except SummarizeError as exc:
            job.error = exc
        return job

    def _run_level(self, jobs: list[_Job]) -> None:
        for kind, settings in (("map", self.map), ("final", self.final)):
            owners = [(job, i) for job in jobs if job.active and job.kind == kind for i in range(len(job.inputs))]
            if not owners:
                continue
            outputs = self.generate([job.inputs[i] for job, i in owners], settings)
            by_job: dict[int, list[str | Exception]] = {}
            for (job, _), out in zip(owners, outputs, strict=True):
                by_job.setdefault(id(job), []).append(out)
            for job in {id(j): j for j, _ in owners}.values():
                self._advance(job, by_job[id(job)])

    def _advance(self, job: _Job, outputs: list[str | Exception]) -> None:
        job.levels += 1
        failed = next((o for o in outputs if isinstance(o, Exception)), None)
        if failed is not None:
            job.error = failed if isinstance(failed, SummarizeError) else ProcessingError("summarise", str(failed))
            return
        texts = [normalise(o) for o in outputs if isinstance(o, str)]
        if job.kind == "final":
            job.text = texts[0]
            return
        joined = " ".join(t for t in texts if t)
        tokens = self.counter.count([joined])[0]
        if tokens <= self.budgets["reduce"]:
            job.inputs, job.kind = [self.prompt.render("reduce", joined)], "final"
            return
        if job.levels >= MAX_LEVELS - 1 or tokens >= job.last_tokens:
            job.error = ProcessingError(
                "summarise",
                f"partial summaries do not shrink ({tokens} tokens after level {job.levels}); "
                f"lower --max-length or use a model with a larger input window",
            )
            return
        chunks = self.chunk_text(joined, split_sentences(joined), "reduce")
        job.inputs = [self.prompt.render("reduce", c.text) for c in chunks]
        job.last_tokens = tokens

    # -- batched generation

    def generate(self, texts: Sequence[str], settings: GenerationSettings) -> list[str | Exception]:
        """Generate for many inputs: sorted by length into batches, results in input order.

        A failing batch is retried one input at a time so that one bad input fails alone.
        """
        lengths = self.counter.count(texts)
        order = sorted(range(len(texts)), key=lambda i: lengths[i], reverse=True)
        results: list[str | Exception] = [""] * len(texts)
        for batch in self._batches(order, lengths, settings.num_beams):
            try:
                outs: Sequence[str | Exception] = self._generate_batch([texts[i] for i in batch], settings)
            except Exception:
                if len(batch) == 1:
                    outs = [self._guarded([texts[batch[0]]], settings)]
                else:
                    outs = [self._guarded([texts[i]], settings) for i in batch]
            for i, out in zip(batch, outs, strict=True):
                results[i] = out
        return results

    def _batches(self, order: list[int], lengths: list[int], beams: int = 1) -> list[list[int]]:
        """Consecutive runs of the length-sorted order, capped in count and in cross-attention tokens."""
        batches: list[list[int]] = []
        for i in order:
            # Sorted longest first, so the first member of a batch sets its padded width.
            if batches and len(batches[-1]) < self.batch_size:
                width = lengths[batches[-1][0]] + 2
                if (len(batches[-1]) + 1) * beams * width <= self.decode_tokens:
                    batches[-1].append(i)
                    continue
            batches.append([i])
        return batches

    def _guarded(self, texts: list[str], settings: GenerationSettings) -> str | Exception:
        try:
            return self._generate_batch(texts, settings)[0]
        except Exception as exc:
            logger.debug("generation failed", exc_info=True)
            return ProcessingError("summarise", f"generation failed: {type(exc).__name__}: {exc}")

    def _generate_batch(self, texts: list[str], settings: GenerationSettings) -> list[str]:
        import torch

        enc = self.tokenizer(texts, return_tensors="pt", padding=True, truncation=False)
        if enc["input_ids"].shape[1] > self.window:
            raise ProcessingError(
                "summarise", f"an input of {enc['input_ids'].shape[1]} tokens exceeds the {self.window}-token window"
            )
        with torch.inference_mode():
            hidden, mask = self._encode(enc["input_ids"].to(self.device), enc["attention_mask"].to(self.device))
            out = self.model.generate(
                **self._decoding_inputs(hidden, mask, settings.num_beams),
                num_beams=settings.num_beams,
                # For encoder-decoder models max_length counts the decoder start token too.
                max_length=settings.max_new_tokens + 1,
                min_length=min(settings.min_new_tokens, settings.max_new_tokens) + 1,
                length_penalty=settings.length_penalty,
                no_repeat_ngram_size=settings.no_repeat_ngram_size,
                early_stopping=settings.num_beams > 1,
                do_sample=False,
                use_cache=True,
            )
        return self.tokenizer.batch_decode(out, skip_special_tokens=True, clean_up_tokenization_spaces=False)

    def _encode(self, ids: torch.Tensor, mask: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """Encoder outputs for a whole decoding batch, computed in sub-batches of bounded padded size.

        Rows arrive sorted longest first; each sub-batch is cut to its own longest row and its
        outputs padded back with zeros (masked out of cross-attention, like padding tokens).
        """
        import torch

        encoder = self.model.get_encoder()
        lengths = mask.sum(dim=1).tolist()
        width = ids.shape[1]
        left = getattr(self.tokenizer, "padding_side", "right") == "left"
        parts: list[torch.Tensor] = []
        row = 0
        while row < len(lengths):
            size = max(1, self.encode_tokens // max(1, int(max(lengths[row:]))))
            rows = slice(row, row + size)
            w = max(1, int(max(lengths[rows])))
            cols = slice(width - w, width) if left else slice(0, w)
            hidden = encoder(input_ids=ids[rows, cols], attention_mask=mask[rows, cols]).last_hidden_state
            if w < width:
                pad = hidden.new_zeros(hidden.shape[0], width - w, hidden.shape[2])
                hidden = torch.cat([pad, hidden] if left else [hidden, pad], dim=1)
            parts.append(hidden)
            row += size
        return (parts[0] if len(parts) == 1 else torch.cat(parts, dim=0)), mask

    def _decoding_inputs(self, hidden: torch.Tensor, mask: torch.Tensor, beams: int) -> dict[str, Any]:
        """generate() arguments that decode from computed encoder outputs.

        With beams, the cross-attention keys and values are computed once per input (not per
        beam) where the model's layout is known, and never reordered between steps: every
        beam of an input attends to the same encoder output, so reordering only copies.
        """
        from transformers.modeling_outputs import BaseModelOutput

        inputs: dict[str, Any] = {"encoder_outputs": BaseModelOutput(last_hidden_state=hidden), "attention_mask": mask}
        if beams > 1 and (cache := _beam_cache(self.model, hidden, beams)) is not None:
            inputs[_cache_argument()] = cache
        return inputs

    # -- settings

    def _window(self) -> int:
        limits = []
        model_max = getattr(self.tokenizer, "model_max_length", None)
        if isinstance(model_max, int) and 0 < model_max < 1_000_000:
            limits.append(model_max)
        positions = getattr(self.model.config, "max_position_embeddings", None)
        if isinstance(positions, int) and positions > 0:
            limits.append(positions)
        window = min(limits) if limits else FALLBACK_WINDOW
        if self.options.max_input_tokens:
            if positions and self.options.max_input_tokens > positions:
                raise ConfigError(
                    f"--max-input-tokens {self.options.max_input_tokens} is more than the model's {positions} positions"
                )
            window = self.options.max_input_tokens
        return window

    def _budget(self, step: Step) -> int:
        overhead = len(self.tokenizer(self.prompt.render(step, ""))["input_ids"])
        budget = self.window - overhead - WINDOW_MARGIN
        if budget < 16:
            raise ConfigError(
                f"prompt {self.prompt.name!r} leaves {budget} tokens of a {self.window}-token window for text"
            )
        return budget

    def _final_settings(self, preset: Preset | None) -> GenerationSettings:
        o = self.options
        gen = _model_generation_defaults(self.model)
        max_length = o.max_length
        if max_length is None and o.max_words is not None:
            max_length = math.ceil(o.max_words * TOKENS_PER_WORD)
        max_length = max_length or (preset.max_length if preset else None) or gen.get("max_length") or 142
        min_length = o.min_length if o.min_length is not None else (preset.min_length if preset else None)
        if min_length is None:
            min_length = gen.get("min_length", min(56, max_length // 2))
        return GenerationSettings(
            num_beams=o.num_beams or (preset.num_beams if preset else None) or gen.get("num_beams") or 4,
            max_new_tokens=max_length,
            min_new_tokens=min(min_length, max_length),
            length_penalty=preset.length_penalty if preset else gen.get("length_penalty", 1.0),
            no_repeat_ngram_size=preset.no_repeat_ngram_size if preset else gen.get("no_repeat_ngram_size", 3),
        )

    def _map_settings(self) -> GenerationSettings:
        # Partial summaries must be well under the reduce window, or levels would not shrink.
        cap = max(8, self.budgets["reduce"] // 4)
        max_new = min(self.options.map_max_length or self.final.max_new_tokens, cap)
        return GenerationSettings(
            num_beams=self.options.map_num_beams,
            max_new_tokens=max_new,
            min_new_tokens=min(self.final.min_new_tokens, max_new // 2),
            length_penalty=self.final.length_penalty,
            no_repeat_ngram_size=self.final.no_repeat_ngram_size,
        )


# Families whose decoder layers keep cross-attention in `encoder_attn` with k_proj/v_proj and
# read it back from the cache once `is_updated` is set for the layer.
_PREFILL_FAMILIES = frozenset({"bart", "mbart", "pegasus", "marian", "plbart", "blenderbot", "blenderbot-small"})


def _beam_cache(model: Any, hidden: torch.Tensor, beams: int) -> Any | None:
    """A cache for beam search whose cross-attention part is computed once per input.

    generate() would project every beam's copy of the encoder output into keys and values
    (beams times the same work) and copy them again at every step when beams are reordered.
    None when this transformers has no encoder-decoder cache.
    """
    try:
        from transformers.cache_utils import DynamicCache
    except ImportError:  # pragma: no cover - transformers before the Cache classes
        return None
    config = model.config.get_text_config(decoder=True)
    try:
        parts = DynamicCache(config=config), DynamicCache(config=config)
    except TypeError:  # pragma: no cover - transformers 4.4x takes no config
        parts = DynamicCache(), DynamicCache()
    cache = _shared_cross_cache_class()(*parts)
    for index, attention in enumerate(_cross_attention_modules(model)):
        shape = (*hidden.shape[:-1], -1, attention.head_dim)
        keys = attention.k_proj(hidden).view(shape).transpose(1, 2).repeat_interleave(beams, dim=0)
        values = attention.v_proj(hidden).view(shape).transpose(1, 2).repeat_interleave(beams, dim=0)
        cache.cross_attention_cache.update(keys, values, index)
        cache.is_updated[index] = True
    return cache


def _cross_attention_modules(model: Any) -> list[Any]:
    """The decoder's cross-attention modules in layer order, or [] where their layout is not known."""
    if getattr(model.config, "model_type", None) not in _PREFILL_FAMILIES:
        return []
    layers = getattr(model.get_decoder(), "layers", None) or []
    found = []
    for index, layer in enumerate(layers):
        attention = getattr(layer, "encoder_attn", None)
        if not all(hasattr(attention, a) for a in ("k_proj", "v_proj", "head_dim")):
            return []
        if getattr(attention, "layer_idx", index) != index:
            return []
        found.append(attention)
    return found


@functools.cache
def _shared_cross_cache_class() -> type:
    from transformers.cache_utils import EncoderDecoderCache

    class SharedCrossAttentionCache(EncoderDecoderCache):
        """Beams of one input share its cross-attention entries, so reordering beams leaves them be."""

        def reorder_cache(self, beam_idx: torch.LongTensor) -> None:
            self.self_attention_cache.reorder_cache(beam_idx)

    return SharedCrossAttentionCache


@functools.cache
def _cache_argument() -> str:
    """The name generate() takes a cache under: `cache` in transformers 5, `past_key_values` before."""
    from transformers.generation import utils

    return getattr(utils, "ALL_CACHE_NAMES", ["past_key_values"])[0]


def _has_parameters(model: Any) -> bool:
    try:
        next(model.parameters())
    except StopIteration:
        return False
    return True


def _model_generation_defaults(model: Any) -> dict[str, Any]:
    """The checkpoint's own generation settings, where they differ from the library defaults."""
    try:
        from transformers import GenerationConfig

        own, default = model.generation_config.to_dict(), GenerationConfig().to_dict()
    except Exception:  # pragma: no cover - a model without a generation config
        return {}
    keys = ("num_beams", "max_length", "min_length", "length_penalty", "no_repeat_ngram_size")
    found = {k: own[k] for k in keys if own.get(k) is not None and own.get(k) != default.get(k)}
    if "max_length" in found:
        found["max_length"] = max(1, found["max_length"] - 1)  # counted the decoder start token
    return found
