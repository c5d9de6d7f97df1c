"""Sentence splitting: Golden Rules score and speed, for summarize and for pySBD.

    python tests/benchmarks/bench_sentences.py [--golden FILE] [--corpus samples|dev-set] [--repeat N]

The Golden Rules file (48 English boundary cases) is read from ../shared/dev-set/ beside the
repository when it exists. A case passes when the sentences, whitespace-normalised, equal the
expected ones. Speed is measured on one long article made by joining the project's samples (or
the dev-set articles) with blank lines, and printed as milliseconds per 1,000 words (median of
the repetitions, with the fastest in brackets).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from summarize.sentences import split_sentences

ROOT = Path(__file__).parents[2]
DEFAULT_GOLDEN = ROOT.parent / "shared" / "dev-set" / "golden_rules_en.json"
CORPORA = {"samples": ROOT / "samples", "dev-set": ROOT.parent / "shared" / "dev-set"}

Splitter = Callable[[str], list[str]]


def ours(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


def pysbd_splitter() -> Splitter | None:
    try:
        import pysbd
    except ImportError:
        return None
    segmenter = pysbd.Segmenter(language="en", clean=False)
    return lambda text: segmenter.segment(text)


def normalise(sentences: list[str]) -> list[str]:
    return [" ".join(s.split()) for s in sentences if s.strip()]


def golden_score(split: Splitter, cases: list[dict[str, object]]) -> list[tuple[int, list[str]]]:
    """The failed cases, each with what the splitter produced."""
    failures = []
    for index, case in enumerate(cases):
        got = normalise(split(str(case["text"])))
        if got != normalise(list(case["sentences"])):  # type: ignore[call-overload]
            failures.append((index, got))
    return failures


def long_article(corpus: Path) -> str:
    paths = sorted(p for p in corpus.glob("*.txt") if not p.name.endswith(".ref.txt"))
    if not paths:
        raise SystemExit(f"no .txt articles in {corpus}")
    return "\n\n".join(p.read_text(encoding="utf-8") for p in paths)


def ms_per_thousand_words(split: Splitter, text: str, repeat: int) -> tuple[float, float]:
    words = len(text.split())
    split(text)  # warm caches and lazy loading
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        split(text)
        timings.append(time.perf_counter() - started)
    scale = 1000.0 * 1000.0 / words
    return statistics.median(timings) * scale, min(timings) * scale


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--golden", type=Path, default=DEFAULT_GOLDEN)
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="samples")
    parser.add_argument("--repeat", type=int, default=200, help="timed runs for summarize (pySBD gets a tenth)")
    args = parser.parse_args()

    splitters: list[tuple[str, Splitter, int]] = [("summarize", ours, args.repeat)]
    sbd = pysbd_splitter()
    if sbd is None:
        print("pysbd is not installed (pip install -e '.[bench]'): comparing summarize only")
    else:
        splitters.append(("pysbd", sbd, max(3, args.repeat // 10)))

    if args.golden.is_file():
        cases = json.loads(args.golden.read_text(encoding="utf-8"))["cases"]
        for name, split, _ in splitters:
            failures = golden_score(split, cases)
            print(f"{name}: Golden Rules {len(cases) - len(failures)}/{len(cases)}")
            for index, got in failures:
                print(f"  case {index}: {cases[index]['text']!r}")
                print(f"    expected {normalise(cases[index]['sentences'])!r}")
                print(f"    got      {got!r}")
    else:
        print(f"no Golden Rules file at {args.golden}: skipping the score")

    text = long_article(CORPORA[args.corpus])
    print(f"speed on {args.corpus}: one article of {len(text.split())} words, {len(text)} characters")
    for name, split, repeat in splitters:
        median, fastest = ms_per_thousand_words(split, text, repeat)
        print(f"{name}: {median:.3f} ms per 1,000 words (fastest {fastest:.3f}; {repeat} runs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
