"""Quality gate: the fact sheets of samples/ must not score below the pinned floors.

The floors in samples_floor.json only ever go up: raise them when the extractors improve.
"""

import json
from pathlib import Path

import pytest
from factsheet_score import Tally, score_sheet

from summarize.config import ExtractionOptions, RunOptions, SummarizerOptions
from summarize.ingest import read_path
from summarize.pipeline import process_article

SAMPLES = Path(__file__).parents[2] / "samples"
FLOORS = json.loads((Path(__file__).parent / "samples_floor.json").read_text(encoding="utf-8"))


def sample_scores() -> dict[str, Tally]:
    totals = {label: Tally() for label in FLOORS["f1"]}
    for gold_path in sorted(SAMPLES.glob("*.gold.json")):
        name = gold_path.name[: -len(".gold.json")]
        (article_path,) = [
            SAMPLES / (name + ext) for ext in (".txt", ".md", ".html") if (SAMPLES / (name + ext)).exists()
        ]
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        options = RunOptions(
            extraction=ExtractionOptions(reference_date=gold.get("given_reference_date")),
            summarizer=SummarizerOptions(engine="none"),
        )
        sheet = process_article(read_path(article_path), options)
        for label, tally in score_sheet(gold, sheet.model_dump(mode="json")).items():
            if label in totals:
                totals[label].add(tally)
    return totals


@pytest.fixture(scope="module")
def scores() -> dict[str, Tally]:
    return sample_scores()


@pytest.mark.parametrize("field", sorted(FLOORS["f1"]))
def test_samples_f1_is_at_least_the_floor(scores, field):
    tally = scores[field]
    misses = "\n".join(f"  {kind}: {json.dumps(item)[:160]}" for kind, item in tally.misses)
    assert tally.f1 >= FLOORS["f1"][field], f"{field}: F1 {tally.f1:.3f} < floor {FLOORS['f1'][field]}\n{misses}"
