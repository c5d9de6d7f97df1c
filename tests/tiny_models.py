"""Tiny, randomly initialised seq2seq models for tests: real classes, real files, no download.

Each builder trains a tokenizer on a few invented paragraphs, builds a model from a small
config, and writes both with `save_pretrained`, so tests load them back through the same
`from_pretrained` path a real checkpoint takes. The weights are random: the output is
gibberish of bounded length, which is all the plumbing tests need.
"""

from __future__ import annotations

import json
from pathlib import Path

# Invented news-like prose: enough words for a tokenizer to learn common pieces.
TRAINING_PARAGRAPHS = (
    "The harbour council met on Tuesday to discuss the new ferry timetable. Members said the "
    "late boats would return in the spring, after repairs to the northern pier are finished.",
    "A delegation from the regional assembly will travel to three cities next month, starting "
    "in the capital on March 4 and ending in the port town on March 9, officials said.",
    "Farmers gathered outside the ministry and asked for lower fuel prices, fair water rights, "
    "and a review of the import rules that they say have cut their income by a third.",
    "Twelve groups signed an open letter urging the mayor to protect the old market hall. The "
    "letter, sent on Friday, calls for an independent survey before any demolition begins.",
    "The weather service warned of strong winds along the coast. Schools in two districts will "
    "close early, and the rail company has cancelled several evening trains as a precaution.",
    "In a joint statement, the two ministers agreed to share data on river levels and to hold "
    "talks every six months. Critics said the deal does not address pollution upstream.",
    "The library reopened after a year of building work. Visitors can now borrow tablets, use "
    "a quiet reading room on the top floor, and join free classes for older residents.",
    "Police said the bridge would stay closed until engineers finish checking the cables. "
    "Drivers were told to use the western ring road, which adds about twenty minutes.",
    "The company reported a rise in profits for the third quarter, helped by strong exports "
    "of machine parts, but warned that higher energy costs could weigh on the next year.",
    "Teachers' unions plan a one-day strike over pay and class sizes. The education minister "
    "said she was open to talks but would not reopen the budget agreed in the autumn.",
)


def training_text() -> list[str]:
    """The paragraphs, repeated with small variations so that merges have counts to learn from."""
    lines = []
    for round_ in range(6):
        for paragraph in TRAINING_PARAGRAPHS:
            lines.append(paragraph if round_ % 2 == 0 else paragraph.lower())
    return lines


def build_tiny_bart(folder: Path, *, max_positions: int = 256, vocab_size: int = 600) -> Path:
    """A two-layer BART with a byte-level BPE tokenizer, saved under folder."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import BartConfig, BartForConditionalGeneration, BartTokenizer

    specials = ["<s>", "<pad>", "</s>", "<unk>", "<mask>"]
    tok = Tokenizer(models.BPE(unk_token=None))
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        special_tokens=specials,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tok.train_from_iterator(training_text(), trainer=trainer)
    state = json.loads(tok.to_str())["model"]
    merges = [tuple(m.split(" ")) if isinstance(m, str) else tuple(m) for m in state["merges"]]
    tokenizer = BartTokenizer(vocab=state["vocab"], merges=merges, model_max_length=max_positions)

    config = BartConfig(
        vocab_size=len(tokenizer),
        d_model=32,
        encoder_layers=2,
        decoder_layers=2,
        encoder_attention_heads=2,
        decoder_attention_heads=2,
        encoder_ffn_dim=64,
        decoder_ffn_dim=64,
        max_position_embeddings=max_positions,
        bos_token_id=tokenizer.bos_token_id,
        pad_token_id=tokenizer.pad_token_id,
        eos_token_id=tokenizer.eos_token_id,
        decoder_start_token_id=tokenizer.eos_token_id,
        forced_bos_token_id=tokenizer.bos_token_id,
    )
    _save(BartForConditionalGeneration(config), tokenizer, folder)
    return folder


def build_tiny_t5(folder: Path, *, max_positions: int = 256, vocab_size: int = 400) -> Path:
    """A two-layer T5 with a Unigram (SentencePiece-like) tokenizer, saved under folder."""
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers
    from transformers import T5Config, T5ForConditionalGeneration, T5Tokenizer

    specials = ["<pad>", "</s>", "<unk>"]
    tok = Tokenizer(models.Unigram())
    tok.pre_tokenizer = pre_tokenizers.Metaspace()
    trainer = trainers.UnigramTrainer(
        vocab_size=vocab_size, special_tokens=specials, unk_token="<unk>", show_progress=False
    )
    tok.train_from_iterator(training_text(), trainer=trainer)
    vocab = [(piece, float(score)) for piece, score in json.loads(tok.to_str())["model"]["vocab"]]
    tokenizer = T5Tokenizer(vocab=vocab, extra_ids=0, model_max_length=max_positions)

    config = T5Config(
        vocab_size=len(tokenizer),
        d_model=32,
        d_kv=8,
        d_ff=64,
        num_layers=2,
        num_decoder_layers=2,
        num_heads=2,
        pad_token_id=tokenizer.pad_token_id,
        eos_token_id=tokenizer.eos_token_id,
        decoder_start_token_id=tokenizer.pad_token_id,
    )
    _save(T5ForConditionalGeneration(config), tokenizer, folder)
    return folder


def _save(model, tokenizer, folder: Path) -> None:
    import torch

    folder.mkdir(parents=True, exist_ok=True)
    # Layer norms stay at identity; the other weights are wider than a training init, and the
    # cross-attention wider still, so that the output depends on the input and tests can tell
    # one article's summary from another's (a small init repeats one token whatever the input).
    generator = torch.Generator().manual_seed(0)
    with torch.no_grad():
        for name, parameter in model.named_parameters():
            if "layer_norm" in name or "layernorm" in name:
                parameter.fill_(1.0 if name.endswith("weight") else 0.0)
                continue
            std = 0.6 if ("encoder_attn" in name or "EncDecAttention" in name) else 0.2
            parameter.copy_(torch.randn(parameter.shape, generator=generator) * std)
    # Keep random generations short and finite: a fixed generation config, like a real checkpoint ships.
    model.generation_config.max_length = 24
    model.generation_config.num_beams = 1
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
