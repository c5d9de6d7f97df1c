"""Command line: the only module that prints, reads the terminal, or exits."""

from __future__ import annotations

import fnmatch
import json
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError

from summarize._version import __version__
from summarize.config import (
    DEFAULT_GLOBS,
    DEFAULT_MAX_BYTES,
    DEFAULT_MODEL,
    Device,
    DType,
    Engine,
    ExtractionOptions,
    IngestOptions,
    OutputFormat,
    RunOptions,
    SummarizerOptions,
    check_partial_date,
)
from summarize.errors import ConfigError
from summarize.models import FactSheet

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
DEFAULT_EXCLUDES = ("README*", "LICENSE*", "CHANGELOG*")
ERRORS_FILE = "_errors.jsonl"

app = typer.Typer(
    name="summarize",
    help="Summaries and evidence-backed fact sheets (itinerary, signatories, issues raised, dates) "
    "for news articles, offline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"summarize {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Summaries and fact sheets for news articles."""


def _reference_date(value: str | None) -> str | None:
    try:
        return check_partial_date(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


def _err(message: str) -> None:
    typer.echo(message, err=True)


# --- discovering inputs -------------------------------------------------------------------


def _excluded(path: Path, excludes: tuple[str, ...]) -> bool:
    return any(part.startswith(".") for part in path.parts) or any(
        fnmatch.fnmatch(path.name, pattern) for pattern in excludes
    )


def discover(
    paths: list[str], globs: tuple[str, ...], excludes: tuple[str, ...], output: Path | None
) -> tuple[list, list]:
    """Inputs named on the command line, folders walked; (items, errors for missing paths)."""
    from summarize.pipeline import InputItem, Result

    items: list[InputItem] = []
    missing: list[Result] = []
    out_resolved = output.resolve() if output else None
    for raw in paths:
        if raw == "-":
            data = sys.stdin.buffer.read()
            items.append(InputItem(name="<stdin>", data=data, output=Path("stdin.json")))
            continue
        path = Path(raw)
        if path.is_dir():
            found: set[Path] = set()
            for pattern in globs:
                found.update(p for p in path.rglob(pattern) if p.is_file())
            for file in sorted(found):
                rel = file.relative_to(path)
                if _excluded(rel, excludes):
                    continue
                if out_resolved and out_resolved in file.resolve().parents:
                    continue
                items.append(InputItem(name=str(file), path=file, output=rel.with_suffix(".json")))
        elif path.is_file():
            items.append(InputItem(name=str(path), path=path, output=Path(path.name).with_suffix(".json")))
        else:
            item = InputItem(name=str(path), path=path)
            missing.append(
                Result(item=item, status="error", reason="not found", error=f"{path}: no such file or directory")
            )
    return _dedupe_outputs(items), missing


def _dedupe_outputs(items: list) -> list:
    # a.txt and a.md in one folder would both become a.json: keep their suffixes then.
    seen: dict[Path, int] = {}
    for item in items:
        seen[item.output] = seen.get(item.output, 0) + 1
    fixed = []
    for item in items:
        if seen[item.output] > 1 and item.path is not None:
            item = item.model_copy(update={"output": item.output.with_name(item.path.name + ".json")})
        fixed.append(item)
    return fixed


# --- writing ------------------------------------------------------------------------------


def write_atomic(target: Path, content: str) -> None:
    """Write a file so that it is either absent, the old one, or complete: never truncated."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(content)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def render_markdown(sheet: FactSheet) -> str:
    """A fact sheet as a short Markdown report for people."""
    lines = [f"# {sheet.title or sheet.source.path or 'Article'}", ""]
    lines.append(f"- source: `{sheet.source.path or '<stdin>'}` ({sheet.source.chars} characters)")
    ref = f"{sheet.reference_date} ({sheet.reference_date_source})" if sheet.reference_date else "unknown"
    lines += [f"- reference date: {ref}", ""]
    if sheet.summary:
        lines += [
            f"## Summary ({sheet.summary.engine}{', ' + sheet.summary.model if sheet.summary.model else ''})",
            "",
            sheet.summary.text,
            "",
        ]
    lines += ["## Itinerary", ""]
    for stop in sheet.itinerary:
        when = stop.start if stop.start == stop.end else f"{stop.start} to {stop.end}"
        lines.append(
            f"- {stop.traveler or 'someone'}: {stop.place}"
            f"{' (' + stop.country + ')' if stop.country else ''}, {when or 'date unknown'} [{stop.status}]"
        )
    lines += ["" if sheet.itinerary else "- none found", "", "## Signatories", ""]
    for sig in sheet.signatories:
        who = sig.name or f"{sig.count if sig.count is not None else 'some'} ({sig.count_qualifier or 'group'})"
        lines.append(f"- {who} [{sig.kind}]{' on ' + sig.document if sig.document else ''}")
    lines += ["" if sheet.signatories else "- none found", "", "## Issues raised", ""]
    for issue in sheet.issues_raised:
        lines.append(f"- {issue.text}{' (' + issue.raised_by + ')' if issue.raised_by else ''}")
    lines += ["" if sheet.issues_raised else "- none found", ""]
    return "\n".join(lines)


def _dump(sheet: FactSheet, indent: int | None) -> str:
    return json.dumps(sheet.model_dump(mode="json"), ensure_ascii=False, indent=indent)


@contextmanager
def _progress(total: int, enabled: bool) -> Iterator:
    if not enabled:
        yield lambda name: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("eta"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("summarize", total=total)
        yield lambda name: progress.advance(task)


# --- commands -----------------------------------------------------------------------------


@app.command()
def run(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (walked recursively) or - for stdin.")],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write NAME.json per article here, mirroring folders."),
    ] = None,
    fmt: Annotated[
        OutputFormat,
        typer.Option("--format", "-f", help="json, jsonl (one fact sheet per line) or markdown."),
    ] = "json",
    glob: Annotated[
        list[str] | None,
        typer.Option("--glob", help="File pattern in folders (repeatable). (default: *.txt *.md *.html)"),
    ] = None,
    exclude: Annotated[
        list[str] | None,
        typer.Option(
            "--exclude",
            help="File name pattern to skip in folders (repeatable). (default: README* LICENSE* CHANGELOG*)",
        ),
    ] = None,
    engine: Annotated[
        Engine,
        typer.Option(help="auto (model, else extractive), abstractive, extractive, or none (no summary)."),
    ] = "auto",
    model: Annotated[str, typer.Option(help="Hub id, preset name or local folder of a seq2seq model.")] = DEFAULT_MODEL,
    device: Annotated[Device, typer.Option(help="auto picks cuda, then mps, then cpu.")] = "auto",
    threads: Annotated[int | None, typer.Option(min=1, help="CPU threads for the model.")] = None,
    batch_size: Annotated[
        int | None, typer.Option(min=1, help="Chunks per generation batch (default: by device).")
    ] = None,
    max_length: Annotated[int | None, typer.Option(min=1, help="Longest summary, in tokens.")] = None,
    min_length: Annotated[int | None, typer.Option(min=0, help="Shortest summary, in tokens.")] = None,
    max_words: Annotated[int | None, typer.Option(min=1, help="Longest summary, in words.")] = None,
    num_beams: Annotated[int | None, typer.Option(min=1, help="Beams for the final summary.")] = None,
    prompt: Annotated[str | None, typer.Option(help="Prompt name or template file (default: by model).")] = None,
    overlap: Annotated[int, typer.Option(min=0, help="Sentences shared by neighbouring chunks.")] = 0,
    quantize: Annotated[bool, typer.Option(help="int8 dynamic quantisation on CPU (faster, slightly worse).")] = False,
    dtype: Annotated[
        DType | None, typer.Option(help="Weights dtype (default: float32 on CPU, bf16/fp16 on GPU).")
    ] = None,
    max_input_tokens: Annotated[
        int | None, typer.Option(min=1, help="Input window in tokens, prompt included (default: the model's).")
    ] = None,
    map_num_beams: Annotated[
        int | None, typer.Option(min=1, help="Beams for partial summaries of chunks (default: 1, greedy).")
    ] = None,
    map_max_length: Annotated[
        int | None, typer.Option(min=1, help="Longest partial summary, in tokens (default: the final limit).")
    ] = None,
    reference_date: Annotated[
        str | None,
        typer.Option(callback=_reference_date, help="YYYY[-MM[-DD]]: date that relative dates refer to."),
    ] = None,
    max_bytes: Annotated[
        int, typer.Option(min=1, help="Refuse inputs larger than this, in bytes.")
    ] = DEFAULT_MAX_BYTES,
    overwrite: Annotated[bool, typer.Option(help="Redo outputs that are already current.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress, warnings or closing line.")] = False,
) -> None:
    """Summarise articles and extract their fact sheets."""
    try:
        options = RunOptions(
            ingest=IngestOptions(max_bytes=max_bytes),
            extraction=ExtractionOptions(reference_date=reference_date),
            summarizer=SummarizerOptions(
                **{
                    key: value
                    for key, value in {
                        "engine": engine,
                        "model": model,
                        "device": device,
                        "threads": threads,
                        "batch_size": batch_size,
                        "max_length": max_length,
                        "min_length": min_length,
                        "max_words": max_words,
                        "num_beams": num_beams,
                        "prompt": prompt,
                        "overlap": overlap,
                        "quantize": quantize,
                        "dtype": dtype,
                        "max_input_tokens": max_input_tokens,
                        "map_num_beams": map_num_beams,
                        "map_max_length": map_max_length,
                    }.items()
                    # unset options keep the options model's defaults: one place defines them
                    if value is not None
                }
            ),
            globs=tuple(glob) if glob else DEFAULT_GLOBS,
            output_dir=output,
            output_format=fmt,
            overwrite=overwrite,
        )
    except ValidationError as exc:
        _err(f"error: {exc.errors()[0]['msg']}")
        raise typer.Exit(EXIT_USAGE) from None
    code = _run(paths, options, tuple(exclude) if exclude else DEFAULT_EXCLUDES, quiet)
    raise typer.Exit(code)


def _run(paths: list[str], options: RunOptions, excludes: tuple[str, ...], quiet: bool) -> int:
    from summarize.pipeline import is_current, load_engine, run_batch

    started = time.perf_counter()
    if paths.count("-") > 1:
        _err("error: stdin (-) can be named only once")
        return EXIT_USAGE
    out = options.output_dir
    if out is not None and out.exists() and not out.is_dir():
        _err(f"error: --output {out} exists and is not a folder")
        return EXIT_USAGE
    items, missing = discover(paths, options.globs, excludes, out)
    summarizer, warnings = None, []
    if options.summarizer.engine != "none" and items:
        try:
            summarizer, warnings = load_engine(options.summarizer)
        except ConfigError as exc:
            _err(f"error: {exc}")
            return EXIT_USAGE
    if not quiet:
        for warning in warnings:
            _err(f"warning: {warning}")

    errors_path = None
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        errors_path = out / ERRORS_FILE
        errors_path.unlink(missing_ok=True)
    suffix = ".md" if options.output_format == "markdown" else ".json"

    def target(item) -> Path:
        assert out is not None
        return out / item.output.with_suffix(suffix) if suffix == ".md" else out / item.output

    skips = None
    if out is not None and not options.overwrite and suffix == ".json":
        skips = [target(item).exists() and is_current(item, target(item)) for item in items]

    counts = {"ok": 0, "error": 0, "skipped": 0}
    single_json = out is None and options.output_format == "json" and len(items) + len(missing) == 1
    array_open = False
    stdout = sys.stdout
    show_progress = not quiet and len(items) > 1 and sys.stderr.isatty()

    def record_error(result) -> None:
        counts["error"] += 1
        _err(f"error: {result.error}")
        if errors_path is not None:
            line = {
                "path": result.item.name,
                "reason": result.reason,
                "error": result.error,
                "stage": result.stage,
            }
            with errors_path.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps(line, ensure_ascii=False) + "\n")

    for result in missing:
        record_error(result)
    try:
        with _progress(len(items), show_progress) as advance:
            for result in run_batch(items, options, summarizer, warnings, skip=skips):
                advance(result.item.name)
                if result.status == "skipped":
                    counts["skipped"] += 1
                    continue
                if result.status == "error":
                    record_error(result)
                    continue
                counts["ok"] += 1
                sheet = result.factsheet
                assert sheet is not None
                if out is not None:
                    content = render_markdown(sheet) if suffix == ".md" else _dump(sheet, 2) + "\n"
                    write_atomic(target(result.item), content)
                elif options.output_format == "jsonl":
                    stdout.write(_dump(sheet, None) + "\n")
                elif options.output_format == "markdown":
                    stdout.write(render_markdown(sheet) + "\n")
                elif single_json:
                    stdout.write(_dump(sheet, 2) + "\n")
                else:
                    stdout.write(("[\n" if not array_open else ",\n") + _dump(sheet, 2))
                    array_open = True
                stdout.flush()
    except KeyboardInterrupt:
        _err("interrupted: finished outputs are complete; run again to resume")
        return 130
    finally:
        if array_open:
            stdout.write("\n]\n")
        elif out is None and options.output_format == "json" and not single_json:
            stdout.write("[]\n")
        stdout.flush()
    elapsed = time.perf_counter() - started
    if not quiet:
        _err(f"summarize: {counts['ok']} ok, {counts['error']} failed, {counts['skipped']} skipped in {elapsed:.1f}s")
    if not items and not missing:
        _err("error: no input files found (see --glob)")
        return EXIT_FAILED
    return EXIT_FAILED if counts["error"] else EXIT_OK


@app.command()
def schema() -> None:
    """Print the JSON Schema of the fact sheet."""
    typer.echo(json.dumps(FactSheet.model_json_schema(), indent=2))


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except Exception as exc:
        # A bug must still end with one clear line, not a traceback; the variable shows it.
        if os.environ.get("SUMMARIZE_DEBUG"):
            raise
        _err(f"error: internal error: {type(exc).__name__}: {exc} (set SUMMARIZE_DEBUG=1 to see the traceback)")
        sys.exit(EXIT_FAILED)


if __name__ == "__main__":
    main()
