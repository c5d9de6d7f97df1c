"""Data files shipped under summarize/data/<language>/: loaded once, validated by the caller's model."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidationError

from summarize.errors import ConfigError

DATA_DIR = Path(__file__).parent / "data"

T = TypeVar("T")


def data_path(name: str, language: str = "en") -> Path:
    """Path of a data file for a language; raises ConfigError when it is missing."""
    path = DATA_DIR / language / name
    if not path.is_file():
        available = sorted(p.name for p in (DATA_DIR / language).glob("*")) if (DATA_DIR / language).is_dir() else []
        raise ConfigError(f"no data file {name!r} for language {language!r}; have: {', '.join(available) or 'none'}")
    return path


@cache
def load_json(name: str, language: str = "en") -> Any:
    """Parsed JSON of a data file (cached; treat the result as read-only)."""
    path = data_path(name, language)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ConfigError(f"data file {path} is not valid JSON: {exc}") from None


@cache
def load_lines(name: str, language: str = "en") -> tuple[str, ...]:
    """Non-blank lines of a text data file, '#' comments dropped (cached)."""
    path = data_path(name, language)
    lines = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip() if not raw.lstrip().startswith("\\#") else raw.strip()[1:]
        if line:
            lines.append(line)
    return tuple(lines)


def load_validated(name: str, schema: type[T] | Any, language: str = "en") -> T:
    """Load a JSON data file and validate it against a type (pydantic model or typing form)."""
    raw = load_json(name, language)
    try:
        return TypeAdapter(schema).validate_python(raw)
    except ValidationError as exc:
        raise ConfigError(f"data file {name!r} ({language}) is malformed: {exc}") from None
