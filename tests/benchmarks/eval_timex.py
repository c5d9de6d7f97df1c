"""Tag the MEANTIME dev articles and score them with the official TempEval-style scorer.

    python tests/benchmarks/eval_timex.py [--gold DIR] [--out DIR] [--verbose]

Each NAME.txt is tagged with its gold file's `reference_date` (the only gold field read here);
NAME.json (a `dates` list) is written to --out, then the scorer's figures are printed.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_GOLD = REPO.parent / "shared" / "dev-set" / "meantime"
SCORER = REPO.parent / "shared" / "tools" / "score_timex.py"


def main() -> int:
    sys.path.insert(0, str(REPO))
    from summarize.extract.dates import find_dates

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--out", type=Path, default=None, help="where NAME.json files go (default: a temp dir)")
    ap.add_argument("--scorer", type=Path, default=SCORER)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    if not args.gold.is_dir():
        print(f"no gold folder at {args.gold}", file=sys.stderr)
        return 2
    out = args.out or Path(tempfile.mkdtemp(prefix="timex-"))
    out.mkdir(parents=True, exist_ok=True)
    n = 0
    for txt in sorted(args.gold.glob("*.txt")):
        gold_file = txt.with_name(txt.name[: -len(".txt")] + ".timex.json")
        reference = (
            json.loads(gold_file.read_text(encoding="utf-8")).get("reference_date") if gold_file.exists() else None
        )
        text = txt.read_text(encoding="utf-8")
        dates = [d.model_dump() for d in find_dates(text, reference)]
        (out / f"{txt.name[: -len('.txt')]}.json").write_text(json.dumps({"dates": dates}, indent=1), encoding="utf-8")
        n += 1
    print(f"tagged {n} articles into {out}")
    cmd = [sys.executable, str(args.scorer), "--gold", str(args.gold), "--pred", str(out)]
    if args.verbose:
        cmd.append("--verbose")
    return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())
