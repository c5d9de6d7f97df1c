import codecs
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarize.cli import app

runner = CliRunner()

ARTICLE = (
    "Ferry Service Approved\n\n"
    "The harbour board on Monday approved a night ferry service between Portville and Kessel Island. "
    "The service will start in May, the board's chair told reporters.\n"
)


def run(*args: str, stdin: str | bytes | None = None):
    return runner.invoke(app, list(args), input=stdin)


def make_batch_folder(root: Path) -> Path:
    """Good articles, an empty file, a binary file, Latin-1, UTF-16, an oversized file, nested folders."""
    (root / "nested" / "deeper").mkdir(parents=True)
    (root / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "nested" / "second.md").write_text("---\ntitle: Second\n---\n" + ARTICLE, encoding="utf-8")
    (root / "nested" / "deeper" / "third.txt").write_text(ARTICLE.replace("Monday", "Tuesday"), encoding="utf-8")
    (root / "latin1.txt").write_bytes(("Le conseil a approuvé le bac de nuit à Genève. " * 4).encode("latin-1"))
    (root / "utf16.txt").write_text(ARTICLE, encoding="utf-16")
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (root / "huge.txt").write_text("word " * 400, encoding="utf-8")
    (root / "ignored.json").write_text("{}", encoding="utf-8")
    return root


def test_batch_folder_with_bad_inputs(tmp_path: Path):
    src = make_batch_folder(tmp_path / "in")
    out = tmp_path / "out"
    result = run("run", str(src), "--engine", "none", "--max-bytes", "1500", "--output", str(out))
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*.json"))
    assert written == ["good.json", "latin1.json", "nested/deeper/third.json", "nested/second.json", "utf16.json"]
    errors = [json.loads(line) for line in (out / "_errors.jsonl").read_text().splitlines()]
    reasons = {Path(e["path"]).name: e["reason"] for e in errors}
    assert reasons == {"empty.txt": "empty article", "binary.txt": "not a text file", "huge.txt": "too large"}
    assert "2000 bytes" in next(e["error"] for e in errors if e["reason"] == "too large").replace(",", "")
    for name in ("empty.txt", "binary.txt", "huge.txt"):
        assert name in result.stderr
    assert "5 ok, 3 failed, 0 skipped" in result.stderr
    latin = json.loads((out / "latin1.json").read_text())
    assert latin["source"]["encoding_detected"] is True
    assert latin["source"]["encoding"] != "utf-8"
    assert any("encoding guessed" in w for w in latin["meta"]["warnings"])
    assert latin["source"]["chars"] == latin["source"]["bytes"]  # one byte per character


def test_resume_skips_current_outputs_and_redoes_changed_ones(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (src / "b.txt").write_text(ARTICLE.replace("May", "June"), encoding="utf-8")
    out = tmp_path / "out"
    assert run("run", str(src), "--engine", "none", "-o", str(out)).exit_code == 0
    first = (out / "a.json").stat().st_mtime_ns
    (src / "b.txt").write_text(ARTICLE.replace("May", "July"), encoding="utf-8")
    # a truncated output (as an interrupted writer would leave without atomic writes) is redone
    (out / "c.json").write_text('{"source": {"sha', encoding="utf-8")
    (src / "c.txt").write_text(ARTICLE, encoding="utf-8")
    again = run("run", str(src), "--engine", "none", "-o", str(out))
    assert again.exit_code == 0
    assert "2 ok, 0 failed, 1 skipped" in again.stderr
    assert (out / "a.json").stat().st_mtime_ns == first
    import hashlib

    recorded = json.loads((out / "b.json").read_text())["source"]["sha256"]
    assert recorded == hashlib.sha256((src / "b.txt").read_bytes()).hexdigest()
    assert json.loads((out / "c.json").read_text())["schema_version"] == "1"
    forced = run("run", str(src), "--engine", "none", "-o", str(out), "--overwrite")
    assert "3 ok, 0 failed, 0 skipped" in forced.stderr
    assert not list(out.glob(".*.tmp"))


def test_outputs_are_written_atomically(tmp_path: Path, monkeypatch):
    from summarize import cli

    target = tmp_path / "x.json"
    target.write_text("old", encoding="utf-8")

    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(cli.os, "fsync", boom)
    with pytest.raises(OSError):
        cli.write_atomic(target, "new content")
    assert target.read_text() == "old"
    assert list(tmp_path.iterdir()) == [target]


def test_stdin_to_stdout_json():
    result = run("run", "-", "--engine", "none", "--reference-date", "2024-03-04", stdin=ARTICLE)
    assert result.exit_code == 0, result.output
    sheet = json.loads(result.stdout)
    assert sheet["source"]["path"] == "<stdin>"
    assert sheet["reference_date"] == "2024-03-04"
    assert sheet["reference_date_source"] == "cli"
    assert sheet["title"] == "Ferry Service Approved"


def test_jsonl_has_one_sheet_per_line(tmp_path: Path):
    for name in ("one", "two", "three"):
        (tmp_path / f"{name}.txt").write_text(ARTICLE, encoding="utf-8")
    result = run("run", str(tmp_path), "--engine", "none", "--format", "jsonl", "--quiet")
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    assert [Path(json.loads(line)["source"]["path"]).stem for line in lines] == ["one", "three", "two"]
    assert result.stderr == ""


def test_json_array_for_several_inputs_and_markdown(tmp_path: Path):
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(ARTICLE, encoding="utf-8")
    result = run("run", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--engine", "none")
    assert [s["source"]["path"][-5:] for s in json.loads(result.stdout)] == ["a.txt", "b.txt"]
    md = run("run", str(tmp_path / "a.txt"), "--engine", "none", "--format", "markdown")
    assert md.stdout.startswith("# Ferry Service Approved")
    assert "## Itinerary" in md.stdout


def test_missing_path_fails_that_input_only(tmp_path: Path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = run("run", str(tmp_path / "a.txt"), str(tmp_path / "nope.txt"), "--engine", "none", "-f", "jsonl")
    assert result.exit_code == 1
    assert "no such file" in result.stderr
    assert len(result.stdout.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "args",
    [
        ["run", "-", "--reference-date", "2009-13"],
        ["run", "-", "--reference-date", "yesterday"],
        ["run", "-", "--engine", "magic"],
        ["run", "-", "--max-bytes", "0"],
        ["run", "-", "--format", "xml"],
    ],
)
def test_usage_errors_exit_2(args):
    result = run(*args, stdin=ARTICLE)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_schema_and_version():
    schema = json.loads(run("schema").stdout)
    assert schema["title"] == "FactSheet"
    assert {"itinerary", "signatories", "issues_raised", "dates", "meta"} <= set(schema["properties"])
    version = run("--version")
    assert version.exit_code == 0 and version.stdout.startswith("summarize ")


def _python(*code_lines: str, stdin: bytes | None = None, env_extra: dict | None = None):
    env = {**os.environ, **(env_extra or {})}
    return subprocess.run(
        [sys.executable, "-c", "\n".join(code_lines)], input=stdin, capture_output=True, env=env, timeout=120
    )


def test_help_and_facts_only_runs_never_import_torch(tmp_path: Path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    probe = (
        "import sys",
        "from summarize.cli import app",
        f"for argv in (['--help'], ['run', '--help'], ['run', {str(article)!r}, '--engine', 'none', '-q']):",
        "    try:",
        "        app(argv)",
        "    except SystemExit:",
        "        pass",
        "heavy = [m for m in ('torch', 'transformers') if m in sys.modules]",
        "print('HEAVY', heavy, file=sys.stderr)",
    )
    result = _python(*probe)
    assert b"HEAVY []" in result.stderr, result.stderr.decode()


def test_python_dash_m_entry_point():
    result = subprocess.run(
        [sys.executable, "-m", "summarize", "run", "-", "--engine", "none", "-f", "jsonl"],
        input=ARTICLE.encode(),
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["schema_version"] == "1"


def test_utf16_with_bom_from_stdin():
    data = codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le")
    result = run("run", "-", "--engine", "none", stdin=data)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["source"]["encoding"] == "utf-16"


def test_summarizer_flags_reach_the_recorded_options():
    result = run("run", "-", "--engine", "none", "--map-num-beams", "2", "--dtype", "float32", stdin=ARTICLE)
    options = json.loads(result.stdout)["meta"]["options"]
    assert options["map_num_beams"] == 2
    assert options["dtype"] == "float32"
    assert options["overlap"] == 0  # an unset flag keeps the options model's default
    assert run("run", "-", "--map-num-beams", "0", stdin=ARTICLE).exit_code == 2
