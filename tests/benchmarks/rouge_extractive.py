"""ROUGE of the extractive engine and of Lead-3 against reference summaries.

Reference sets:
- the project's samples: `samples/NAME.gold.json` with a "reference_summary", beside the article;
- a measuring folder (default `../shared/dev-set` next to the checkout) with `NAME.ref.txt`
  beside `NAME.txt`, when present.

Prints mean ROUGE-1/2/Lsum F1 (rouge-score, Porter stemming; Lsum splits summaries into
sentences) per set and system. Optionally scores an abstractive model too (`--model DIR`).

    .venv/bin/python tests/benchmarks/rouge_extractive.py
    .venv/bin/python tests/benchmarks/rouge_extractive.py --max-words 60 --per-article
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from summarize.config import SummarizerOptions  # noqa: E402
from summarize.ingest import read_path  # noqa: E402
from summarize.sentences import split_sentences  # noqa: E402
from summarize.summarizers.extractive import ExtractiveSummarizer, body_sentences, lead  # noqa: E402

METRICS = ("rouge1", "rouge2", "rougeLsum")
ARTICLE_SUFFIXES = (".txt", ".md", ".html")


def sample_pairs(folder: Path) -> list[tuple[str, Path, str]]:
    pairs = []
    for gold in sorted(folder.glob("*.gold.json")):
        reference = json.loads(gold.read_text(encoding="utf-8")).get("reference_summary")
        name = gold.name[: -len(".gold.json")]
        source = next((folder / f"{name}{s}" for s in ARTICLE_SUFFIXES if (folder / f"{name}{s}").is_file()), None)
        if reference and source:
            pairs.append((name, source, reference))
    return pairs


def ref_pairs(folder: Path) -> list[tuple[str, Path, str]]:
    pairs = []
    for ref in sorted(folder.glob("*.ref.txt")):
        name = ref.name[: -len(".ref.txt")]
        source = folder / f"{name}.txt"
        if source.is_file():
            pairs.append((name, source, ref.read_text(encoding="utf-8")))
    return pairs


def lsum_form(text: str) -> str:
    """One sentence per line, as rougeLsum expects."""
    return "\n".join(text[a:b] for a, b in split_sentences(text))


def evaluate(pairs, systems, per_article: bool) -> dict[str, dict[str, float]]:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True, split_summaries=False)
    articles = [read_path(path) for _, path, _ in pairs]
    table: dict[str, dict[str, float]] = {}
    for system, run in systems.items():
        outputs = run(articles)
        scores = {m: [] for m in METRICS}
        for (name, _, reference), output in zip(pairs, outputs, strict=True):
            s = scorer.score(lsum_form(reference), lsum_form(output))
            for m in METRICS:
                scores[m].append(s[m].fmeasure)
            if per_article:
                figures = " ".join(f"{m}={s[m].fmeasure:.3f}" for m in METRICS)
                print(f"    {system:11s} {name:40s} {figures}  ({len(output.split())} words)")
        table[system] = {m: statistics.fmean(v) for m, v in scores.items()}
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--samples", default=str(ROOT / "samples"))
    parser.add_argument("--dev-set", default=str(ROOT.parent / "shared" / "dev-set"))
    parser.add_argument("--max-words", type=int, default=None, help="extractive limit (default: the engine's)")
    parser.add_argument("--model", default=None, help="also score this abstractive model (folder or hub id)")
    parser.add_argument("--per-article", action="store_true")
    args = parser.parse_args()

    extractive = ExtractiveSummarizer(SummarizerOptions(engine="extractive", max_words=args.max_words))
    systems = {
        "extractive": lambda arts: [s.text for s in extractive.summarize(arts)],
        "lead-3": lambda arts: [lead(body_sentences(a), 3) for a in arts],
    }
    if args.model:
        from summarize.summarizers import load_summarizer

        model, _ = load_summarizer(SummarizerOptions(engine="abstractive", model=args.model))
        systems["abstractive"] = lambda arts: [
            r.text if not isinstance(r, Exception) else "" for r in model.summarize(arts)
        ]

    sets = {"samples": sample_pairs(Path(args.samples))}
    dev = Path(args.dev_set)
    if dev.is_dir():
        sets["dev-set"] = ref_pairs(dev)
    print(f"{'set':8s} {'n':>3s} {'system':11s} " + " ".join(f"{m:>9s}" for m in METRICS))
    for set_name, pairs in sets.items():
        if not pairs:
            print(f"{set_name:8s}   0 (no reference summaries found)")
            continue
        table = evaluate(pairs, systems, args.per_article)
        for system, figures in table.items():
            row = " ".join(f"{100 * figures[m]:9.2f}" for m in METRICS)
            print(f"{set_name:8s} {len(pairs):3d} {system:11s} {row}")


if __name__ == "__main__":
    main()
