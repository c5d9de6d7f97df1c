"""Speed of the extractors per 1,000 words, stage by stage and all together.

    python tests/benchmarks/bench_extract.py [--repeat N] [--per-article] [PATH ...]

Reads the project's samples (or the given files) and prints CPU milliseconds
(``time.process_time``, so other processes on the machine do not count) per 1,000 words for
each stage -- reference date, dates, names, itinerary, signatories, issues -- and for
``summarize.extract.extract`` as a whole. Each figure is the median over ``--repeat`` runs
over every article. Word lists are loaded and patterns compiled once before timing, as in a
batch.

The name recogniser keeps its result per text; several stages read it. The "names" row is
the recogniser alone with that cache cleared before every article; the later stages run with
the cache warm so that their rows are their own work; the "all" row clears it before every
article, so it is the true cost of one article. The stage rows therefore add up to about the
"all" row.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from summarize.extract import extract
from summarize.extract.dates import infer_reference_date, tag_article
from summarize.extract.issues import extract_issues
from summarize.extract.itinerary import extract_itinerary
from summarize.extract.names import _all_names, find_names
from summarize.extract.signatories import extract_signatories
from summarize.ingest import read_path
from summarize.models import Article

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _timed(articles: list[Article], run: Callable[[int, Article], object], repeat: int, cold: bool) -> list[float]:
    """Median CPU ms of each article's run over ``repeat`` rounds (round-robin over the articles)."""
    times: list[list[float]] = [[] for _ in articles]
    for _ in range(repeat):
        for i, article in enumerate(articles):
            if cold:
                _all_names.cache_clear()
            t0 = time.process_time()
            run(i, article)
            times[i].append((time.process_time() - t0) * 1000)
    return [statistics.median(t) for t in times]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=20, help="timed runs per article and stage")
    ap.add_argument("--per-article", action="store_true", help="also print the total per article")
    args = ap.parse_args()
    paths = args.paths or sorted(
        p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".md", ".html") and p.name != "README.md"
    )
    articles = [read_path(p) for p in paths]
    words = [len(a.view.split()) for a in articles]
    total_words = sum(words)
    for article in articles:  # load word lists and compile patterns outside the timing
        extract(article)

    refs = [infer_reference_date(a)[0] for a in articles]
    dates = [tag_article(a, r) for a, r in zip(articles, refs, strict=True)]

    def warm(_: int, a: Article) -> None:
        find_names(a.view)

    stages: list[tuple[str, Callable[[int, Article], object], bool]] = [
        ("reference date", lambda i, a: infer_reference_date(a), False),
        ("dates", lambda i, a: tag_article(a, refs[i]), False),
        ("names", lambda i, a: find_names(a.view), True),
        ("itinerary", lambda i, a: extract_itinerary(a, dates[i], refs[i]), False),
        ("signatories", lambda i, a: extract_signatories(a), False),
        ("issues", lambda i, a: extract_issues(a), False),
    ]
    print(f"{'stage':<16}{'ms':>9}{'ms/1k words':>14}   ({len(articles)} articles, {total_words} words)")
    stage_sum = 0.0
    for name, run, cold in stages:
        if not cold:
            for i, a in enumerate(articles):
                warm(i, a)
        ms = sum(_timed(articles, run, args.repeat, cold))
        stage_sum += ms
        print(f"{name:<16}{ms:>9.2f}{ms * 1000 / total_words:>14.2f}")
    per_article = _timed(articles, lambda i, a: extract(a), args.repeat, True)
    total = sum(per_article)
    print(f"{'sum of stages':<16}{stage_sum:>9.2f}{stage_sum * 1000 / total_words:>14.2f}")
    print(f"{'all (extract)':<16}{total:>9.2f}{total * 1000 / total_words:>14.2f}")
    if args.per_article:
        print()
        for path, n, ms in zip(paths, words, per_article, strict=True):
            print(f"{path.name:<45}{n:>7} words{ms:>9.2f} ms{ms * 1000 / max(n, 1):>9.2f} ms/1k words")


if __name__ == "__main__":
    main()
