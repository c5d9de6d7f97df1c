"""Short names for tested checkpoints, with the generation settings their authors used.

Published scores (CNN/DailyMail test set) are quoted in the README; the settings below are
the ones each checkpoint ships or was evaluated with.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Preset:
    """A named checkpoint and its final-summary generation defaults (lengths in tokens)."""

    name: str
    model_id: str
    num_beams: int = 4
    max_length: int = 142
    min_length: int = 56
    length_penalty: float = 2.0
    no_repeat_ngram_size: int = 3


PRESETS: dict[str, Preset] = {
    p.name: p
    for p in (
        Preset("fast", "sshleifer/distilbart-cnn-6-6"),
        Preset("default", "sshleifer/distilbart-cnn-12-6"),
        Preset("best", "Yale-LILY/brio-cnndm-cased", max_length=140, min_length=55),
    )
}
_BY_MODEL = {p.model_id: p for p in PRESETS.values()}


def resolve_model(name: str) -> tuple[str, Preset | None]:
    """The model id or folder for a `--model` value, and its preset if it names one."""
    if Path(name).expanduser().is_dir():  # a folder wins over a preset of the same name
        return name, None
    preset = PRESETS.get(name) or _BY_MODEL.get(name)
    return (preset.model_id, preset) if preset else (name, None)
