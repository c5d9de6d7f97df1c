"""Speed of all extractors together (dates, itinerary, signatories, issues) per 1,000-word article.

    python tests/benchmarks/bench_extract.py [--repeat N] [PATH ...]

Reads the project's samples (or the given files), runs ``summarize.extract.extract`` on each
article, and prints milliseconds per article and per 1,000 words. The extractors' caches of
results per text are cleared between runs, so every run does the full work; word lists are
loaded once before timing, as in a batch.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from summarize.extract import extract
from summarize.extract.names import _all_names
from summarize.ingest import read_path

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=20, help="timed runs per article")
    args = ap.parse_args()
    paths = args.paths or sorted(
        p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".md", ".html") and p.name != "README.md"
    )
    articles = [read_path(p) for p in paths]
    for article in articles:  # load word lists and compile patterns outside the timing
        extract(article)
    total_ms = 0.0
    total_words = 0
    rows = []
    for path, article in zip(paths, articles, strict=True):
        words = len(article.view.split())
        times = []
        for _ in range(args.repeat):
            _all_names.cache_clear()
            t0 = time.perf_counter()
            extract(article)
            times.append((time.perf_counter() - t0) * 1000)
        ms = statistics.median(times)
        rows.append((path.name, words, ms))
        total_ms += ms
        total_words += words
    for name, words, ms in rows:
        print(f"{name:<45}{words:>7} words{ms:>9.2f} ms{ms * 1000 / max(words, 1):>9.2f} ms/1k words")
    print(f"{'all':<45}{total_words:>7} words{total_ms:>9.2f} ms{total_ms * 1000 / total_words:>9.2f} ms/1k words")


if __name__ == "__main__":
    main()
