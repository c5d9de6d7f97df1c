"""Shared fixtures: tiny seq2seq models built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest
from tiny_models import build_tiny_bart, build_tiny_t5


@pytest.fixture(scope="session")
def tiny_bart_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A saved two-layer BART (byte-level BPE, 256-token window): load it with `--model DIR`."""
    return build_tiny_bart(tmp_path_factory.mktemp("tiny-bart"))


@pytest.fixture(scope="session")
def tiny_t5_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A saved two-layer T5 (Unigram tokenizer, 256-token window)."""
    return build_tiny_t5(tmp_path_factory.mktemp("tiny-t5"))
