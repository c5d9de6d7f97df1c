"""Choosing and loading an engine: the registry, offline failures, the auto fallback, lazy imports."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest
from summary_articles import SHORT, article

from summarize.config import SummarizerOptions
from summarize.errors import ModelLoadError
from summarize.models import Summary
from summarize.summarizers import ENGINES, ExtractiveSummarizer, load_summarizer, resolve_model
from summarize.summarizers.base import Summarizer
from summarize.summarizers.seq2seq import hub_reachable

# A hub id that no cache holds; the hub is never actually asked for it in these tests.
UNCACHED = "summarize-tests/no-such-model"


def _no_hub() -> bool:
    return not hub_reachable(timeout=2.0)


def test_none_engine_gives_no_summarizer():
    assert load_summarizer(SummarizerOptions(engine="none")) == (None, [])


def test_extractive_engine_needs_no_model():
    summarizer, warnings = load_summarizer(SummarizerOptions(engine="extractive", model=UNCACHED))
    assert isinstance(summarizer, ExtractiveSummarizer)
    assert isinstance(summarizer, Summarizer)
    assert warnings == []
    assert (summarizer.engine, summarizer.model_id, summarizer.prompt_name) == ("extractive", None, None)


def test_registry_is_the_list_of_engines():
    assert set(ENGINES) == {"abstractive", "extractive"}


def test_presets_resolve_to_hub_ids(tmp_path):
    assert resolve_model("fast")[0] == "sshleifer/distilbart-cnn-6-6"
    assert resolve_model("default")[0] == "sshleifer/distilbart-cnn-12-6"
    assert resolve_model("best")[0] == "Yale-LILY/brio-cnndm-cased"
    _model_id, preset = resolve_model("sshleifer/distilbart-cnn-12-6")
    assert preset is not None and preset.num_beams == 4
    assert resolve_model("someone/else") == ("someone/else", None)
    folder = tmp_path / "fast"
    folder.mkdir()
    assert resolve_model(str(folder)) == (str(folder), None)


@pytest.mark.skipif(not _no_hub(), reason="the model hub is reachable here; the test must not download")
def test_unreachable_hub_fails_within_seconds():
    start = time.perf_counter()
    with pytest.raises(ModelLoadError) as info:
        load_summarizer(SummarizerOptions(engine="abstractive", model=UNCACHED))
    elapsed = time.perf_counter() - start
    message = str(info.value)
    assert UNCACHED in message
    assert "--model DIR" in message and "--engine extractive" in message and "network" in message
    assert elapsed < 20, f"took {elapsed:.1f} s"


@pytest.mark.skipif(not _no_hub(), reason="the model hub is reachable here; the test must not download")
def test_auto_falls_back_to_extractive_with_one_warning():
    summarizer, warnings = load_summarizer(SummarizerOptions(engine="auto", model=UNCACHED))
    assert isinstance(summarizer, ExtractiveSummarizer)
    assert len(warnings) == 1
    assert UNCACHED in warnings[0] and "extractive" in warnings[0]
    (summary,) = summarizer.summarize([article(SHORT)])
    assert isinstance(summary, Summary)
    assert (summary.engine, summary.model) == ("extractive", None)


def test_auto_uses_the_model_when_it_loads(tiny_bart_dir):
    summarizer, warnings = load_summarizer(
        SummarizerOptions(engine="auto", model=str(tiny_bart_dir), max_length=6, num_beams=1)
    )
    assert warnings == []
    assert summarizer.engine == "abstractive"


def _run(code: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **env},
        check=False,
    )


_LOAD = f"""
import json, time
from summarize.config import SummarizerOptions
from summarize.errors import ModelLoadError
from summarize.summarizers import load_summarizer
start = time.perf_counter()
try:
    load_summarizer(SummarizerOptions(engine="abstractive", model={UNCACHED!r}))
    print(json.dumps({{"error": None}}))
except ModelLoadError as exc:
    print(json.dumps({{"error": str(exc), "seconds": time.perf_counter() - start}}))
"""


def test_offline_flag_fails_without_touching_the_network(tmp_path):
    proc = _run(_LOAD, HF_HUB_OFFLINE="1", HF_HOME=str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["error"] and "HF_HUB_OFFLINE" in result["error"] and UNCACHED in result["error"]
    assert result["seconds"] < 20


def test_refused_connection_fails_fast(tmp_path):
    # A closed local port stands in for an unreachable hub on any machine.
    proc = _run(_LOAD, HF_ENDPOINT="http://127.0.0.1:9", HF_HOME=str(tmp_path), HF_HUB_OFFLINE="0")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["error"] and "cannot be reached" in result["error"]
    assert result["seconds"] < 20


def test_import_and_extractive_run_load_no_torch():
    code = """
import sys
import summarize, summarize.summarizers
from summarize.config import SummarizerOptions
from summarize.ingest import read_text_article
from summarize.summarizers import load_summarizer
s, _ = load_summarizer(SummarizerOptions(engine="extractive"))
a = read_text_article("Title here\\n\\nThe first sentence is here. The second one follows it. A third ends it.\\n")
print(s.summarize([a])[0].text)
heavy = sorted(m for m in ("torch", "transformers", "tokenizers") if m in sys.modules)
print("HEAVY:" + ",".join(heavy))
"""
    proc = _run(code)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "HEAVY:"
