"""Prompt templates: one file per named prompt, with a map and a reduce step.

A template file is plain UTF-8 text. Lines starting with '#' before the first section are
comments. A `[map]` line starts the template for summarising one chunk, a `[reduce]` line
the template for summarising the joined partial summaries. A file without sections uses
its whole text for both steps. The only placeholder is `{text}` (write `{{`/`}}` for a
literal brace).

Named prompts ship in the package (`summarize/prompts/` in a wheel) and in the checkout's
top-level `prompts/` folder; `--prompt` takes a name or a path to a file of the same form.
"""

from __future__ import annotations

import hashlib
import string
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from summarize.errors import ConfigError, choices_message

Step = Literal["map", "reduce"]
STEPS: tuple[Step, ...] = ("map", "reduce")
PLACEHOLDERS = frozenset({"text"})
SUFFIX = ".txt"

# model_type (from the model's config) -> prompt name. Families not listed read the text as is.
FAMILY_PROMPTS = {
    "bart": "plain",
    "mbart": "plain",
    "led": "plain",
    "pegasus": "plain",
    "pegasus_x": "plain",
    "bigbird_pegasus": "plain",
    "t5": "t5",
    "mt5": "t5",
    "umt5": "t5",
    "longt5": "t5",
}
DEFAULT_PROMPT = "plain"


@dataclass(frozen=True)
class Prompt:
    """A loaded template: its name, where it came from, the two step templates and a hash of the file."""

    name: str
    path: Path
    map: str
    reduce: str
    sha256: str

    def render(self, step: Step, text: str) -> str:
        """The model input for one step with `text` in place of the placeholder."""
        template = self.map if step == "map" else self.reduce
        return template.format(text=text)


def prompt_dirs() -> list[Path]:
    """Folders searched for named prompts: the installed package first, then the checkout."""
    package = Path(__file__).resolve().parent
    return [d for d in (package / "prompts", package.parent / "prompts") if d.is_dir()]


def available_prompts() -> list[str]:
    """Names of the prompts that ship with summarize, sorted."""
    names = {p.stem for d in prompt_dirs() for p in d.glob(f"*{SUFFIX}")}
    return sorted(names)


def prompt_name_for(model_type: str | None, model_id: str | None = None) -> str:
    """The prompt for a model family; FLAN checkpoints (by name) take an instruction."""
    name = FAMILY_PROMPTS.get((model_type or "").lower(), DEFAULT_PROMPT)
    if name == "t5" and model_id and "flan" in model_id.lower():
        return "flan-t5"
    return name


def load_prompt(name_or_path: str) -> Prompt:
    """Load a named prompt or a template file; raises ConfigError when missing or malformed."""
    path = Path(name_or_path).expanduser()
    if path.suffix == SUFFIX or path.is_file() or "/" in name_or_path or "\\" in name_or_path:
        if not path.is_file():
            raise ConfigError(f"prompt file {name_or_path!r} does not exist")
        return _load_file(path.resolve(), path.stem)
    for folder in prompt_dirs():
        candidate = folder / f"{name_or_path}{SUFFIX}"
        if candidate.is_file():
            return _load_file(candidate, name_or_path)
    raise ConfigError(choices_message("prompt", name_or_path, available_prompts()) + ", or a path to a file")


@lru_cache(maxsize=32)
def _load_file(path: Path, name: str) -> Prompt:
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read prompt file {path}: {exc}") from None
    sections = parse_template(raw, str(path))
    return Prompt(
        name=name,
        path=path,
        map=sections["map"],
        reduce=sections["reduce"],
        sha256=hashlib.sha256(raw.encode("utf-8")).hexdigest(),
    )


def parse_template(raw: str, where: str = "prompt") -> dict[Step, str]:
    """Split a template file into its map and reduce templates and check their placeholders."""
    sections: dict[str, list[str]] = {}
    current: str | None = None
    body: list[str] = []
    for line in raw.splitlines():
        header = line.strip()
        if header.startswith("[") and header.endswith("]") and header[1:-1].strip() in STEPS:
            current = header[1:-1].strip()
            if current in sections:
                raise ConfigError(f"{where}: section [{current}] appears twice")
            sections[current] = []
        elif current is not None:
            sections[current].append(line)
        elif not line.lstrip().startswith("#"):
            body.append(line)
    if not sections:
        sections = {"map": body, "reduce": body}
    elif "\n".join(body).strip():
        raise ConfigError(f"{where}: text before the first section; start it with [map] or [reduce]")
    missing = [step for step in STEPS if step not in sections]
    if missing:
        raise ConfigError(f"{where}: no [{missing[0]}] section; a template needs [map] and [reduce] or neither")
    templates: dict[Step, str] = {}
    for step in STEPS:
        template = "\n".join(sections[step]).strip()
        fields = placeholders(template, f"{where} [{step}]")
        if fields != PLACEHOLDERS:
            found = ", ".join("{" + f + "}" for f in sorted(fields)) or "none"
            raise ConfigError(f"{where} [{step}]: placeholders {found}; expected exactly {{text}}")
        templates[step] = template
    return templates


def placeholders(template: str, where: str = "prompt") -> frozenset[str]:
    """Names of the `{...}` fields in a template."""
    try:
        return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name is not None)
    except ValueError as exc:
        raise ConfigError(f"{where}: {exc}") from None
