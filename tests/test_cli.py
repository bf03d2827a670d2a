"""CLI conventions shared by every command: help, version, exit codes, stdin/stdout, one-line errors."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from debate import __version__, canonical
from debate.cli.app import app
from debate.model import Article, Comment, Thread

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def commands() -> list[str]:
    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def invoke(*args, input=None):
    return runner.invoke(app, [str(a) for a in args], input=input)


def test_version():
    result = invoke("--version")
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"debate {__version__}"


def test_every_command_has_help_with_an_example_and_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert commands(), "no commands registered"
    for name in commands():
        result = invoke(name, "--help")
        assert result.exit_code == 0, f"{name}: {result.output}"
        assert "Example:" in result.output, f"`debate {name} --help` has no Example: line"
        assert f"debate {name}" in readme, f"README does not mention `debate {name}`"


def test_help_imports_no_heavy_library():
    """`debate --help` stays fast: scikit-learn, nltk and VADER load only inside commands."""
    code = ("import sys, debate.cli.app as a\n"
            "from typer.main import get_command\n"
            "get_command(a.app)\n"
            "heavy = [m for m in ('sklearn', 'nltk', 'vaderSentiment', 'numpy', 'scipy') if m in sys.modules]\n"
            "print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def _thread() -> Thread:
    return Thread(id="demo", article=Article(title="On cats", author="Ann", text="Cats are great."),
                  comments=(Comment(id="1", text="I agree."), Comment(id="2", text="Why?", parent="1")))


def test_parse_canonical_from_stdin_to_stdout_round_trips():
    doc = canonical.dumps(_thread())
    result = invoke("parse", "-", input=doc)
    assert result.exit_code == 0, result.output
    assert canonical.loads(result.stdout) == canonical.loads(doc)


def test_parse_missing_file_is_one_line_error_exit_1(tmp_path):
    missing = tmp_path / "nope.json"
    result = invoke("parse", missing)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(missing) in lines[0] and "no such file" in lines[0]
    assert "Traceback" not in result.output


def test_parse_broken_canonical_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "debate.thread/1",\n "id": }', encoding="utf-8")
    result = invoke("parse", bad)
    assert result.exit_code == 1
    assert re.search(r"bad\.json:line 2: invalid JSON", result.stderr), result.stderr


def test_unknown_option_is_usage_error_exit_2():
    result = invoke("parse", "--no-such-option", "x")
    assert result.exit_code == 2


def test_unknown_format_is_usage_error_exit_2(tmp_path):
    f = tmp_path / "t.json"
    f.write_text(canonical.dumps(_thread()), encoding="utf-8")
    result = invoke("parse", f, "--format", "myspace")
    assert result.exit_code == 2
    assert "unknown format 'myspace'" in result.stderr and "reddit" in result.stderr


def test_parse_writes_directory_and_jsonl(tmp_path):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.write_text(canonical.dumps(_thread()), encoding="utf-8")
    other = Thread(id="other", article=Article(title="Dogs"), comments=(Comment(id="x", text="Woof"),))
    b.write_text(canonical.dumps(other), encoding="utf-8")
    out = tmp_path / "out"
    result = invoke("parse", a, b, "-o", out)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["demo.json", "other.json"]
    result = invoke("parse", a, b, "--jsonl")
    assert result.exit_code == 0, result.output
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert ids == ["demo", "other"]
    # several threads to one stdout document is refused with advice
    result = invoke("parse", a, b)
    assert result.exit_code == 2 and "--jsonl" in result.stderr


def test_parse_stats_accounts_for_every_comment(tmp_path):
    a = tmp_path / "a.json"
    a.write_text(canonical.dumps(_thread()), encoding="utf-8")
    result = invoke("parse", a, "--stats", "-o", tmp_path / "a2.json")
    assert result.exit_code == 0, result.output
    assert "loaded" in result.stderr and "demo" in result.stderr


def test_compressed_dump_on_stdin_is_detected_by_magic_number():
    import zstandard

    line = ('{"id": "a", "body": "hello", "link_id": "t3_x", "parent_id": "t3_x", "author": "u", '
            '"created_utc": 1700000000, "subreddit": "s"}\n')
    data = zstandard.ZstdCompressor().compress(line.encode())
    result = runner.invoke(app, ["parse", "-", "--jsonl"], input=data)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["source_format"] == "pushshift" and [c["text"] for c in doc["comments"]] == ["hello"]
