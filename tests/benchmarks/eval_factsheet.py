"""Run the fact-sheet extraction over a folder of articles with gold files and print P/R/F1 per field.

    python tests/benchmarks/eval_factsheet.py [--gold DIR] [--pred OUTDIR] [--verbose]

DIR holds NAME.txt/.md/.html with NAME.gold.json (default: the project's samples/). Each
gold file's `given_reference_date` is passed as the reference date. The fact sheets are
written to OUTDIR/NAME.json, so an external scorer can be run on the same folder.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1]))

from factsheet_score import FIELDS, Tally, score_sheet

from summarize.config import ExtractionOptions, RunOptions, SummarizerOptions
from summarize.ingest import read_path
from summarize.pipeline import process_article


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=Path(__file__).parents[2] / "samples")
    parser.add_argument("--pred", type=Path, default=None, help="where to write NAME.json (default: a temp folder)")
    parser.add_argument("--verbose", action="store_true", help="list missed and spurious items")
    args = parser.parse_args()
    out = args.pred or Path(tempfile.mkdtemp(prefix="factsheets-"))
    out.mkdir(parents=True, exist_ok=True)
    totals = {label: Tally() for label in FIELDS}
    elapsed = 0.0
    for gold_path in sorted(args.gold.glob("*.gold.json")):
        name = gold_path.name[: -len(".gold.json")]
        candidates = [
            args.gold / (name + ext) for ext in (".txt", ".md", ".html") if (args.gold / (name + ext)).exists()
        ]
        if not candidates:
            print(f"{name}: no article beside its gold file", file=sys.stderr)
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        options = RunOptions(
            extraction=ExtractionOptions(reference_date=gold.get("given_reference_date")),
            summarizer=SummarizerOptions(engine="none"),
        )
        started = time.perf_counter()
        sheet = process_article(read_path(candidates[0]), options)
        elapsed += time.perf_counter() - started
        pred = sheet.model_dump(mode="json")
        (out / f"{name}.json").write_text(json.dumps(pred, ensure_ascii=False, indent=2), encoding="utf-8")
        for label, tally in score_sheet(gold, pred).items():
            totals[label].add(tally)
            if args.verbose and label != "itinerary places":
                for kind, item in tally.misses:
                    shown = {k: v for k, v in item.items() if k not in {"evidence", "rule"}}
                    print(f"{name}\t{label}\t{kind}\t{json.dumps(shown, ensure_ascii=False)}")
    print(f"{'field':<18}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}")
    for label, t in totals.items():
        print(f"{label:<18}{t.precision:>7.3f}{t.recall:>7.3f}{t.f1:>7.3f}{t.tp:>6}{t.fp:>6}{t.fn:>6}")
    print(f"fact sheets in {out} ({elapsed * 1000:.0f} ms in the pipeline)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
