"""Glue between inputs and outputs that several commands share (the library side of the CLI)."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import canonical
from .errors import InputError, UsageError
from .ingest import ReadOptions, read_threads
from .model import Thread


def load_threads(inputs: Iterable[str | Path], read: ReadOptions | None = None) -> Iterator[Thread]:
    """Every thread of every input, in order."""
    for source in inputs:
        yield from read_threads(source, read)


def safe_name(thread_id: str) -> str:
    """A file name (without extension) for a thread id: portable characters only."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", thread_id).strip("._")
    return name[:120] or "thread"


def unique_names(threads: Iterable[Thread], suffix: str) -> Iterator[tuple[Thread, str]]:
    """(thread, file name) with names from thread ids, made unique case-insensitively ("-2", "-3"...)."""
    used: set[str] = set()
    for t in threads:
        name = safe_name(t.id)
        base, n = name, 2
        while name.casefold() in used:
            name, n = f"{base}-{n}", n + 1
        used.add(name.casefold())
        yield t, name + suffix


@dataclass
class ParseSummary:
    threads: int = 0
    written_dir: Path | None = None
    rows: list[tuple] = field(default_factory=list)

    def add(self, t: Thread) -> None:
        self.threads += 1
        s = t.stats
        self.rows.append((t.id, t.source_format or "", s.loaded, s.deleted, s.spam, s.not_loaded,
                          s.orphaned, s.repaired, s.pingbacks, len(t.set_aside)))

    def stats_table(self) -> str:
        head = ("thread", "format", "loaded", "deleted", "spam", "not_loaded", "orphaned", "repaired",
                "pingbacks", "set_aside")
        rows = [head] + [tuple(str(v) for v in r) for r in self.rows]
        if len(self.rows) > 1:
            totals = [sum(r[i] for r in self.rows) for i in range(2, len(head))]
            rows.append(("TOTAL", "") + tuple(str(v) for v in totals))
        widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
        return "\n".join("  ".join(v.ljust(w) if i < 2 else v.rjust(w) for i, (v, w) in enumerate(zip(r, widths)))
                         for r in rows)


def _output_mode(output: Path | None, jsonl: bool) -> str:
    if output is None or str(output) == "-":
        return "stdout-jsonl" if jsonl else "stdout"
    if jsonl or output.suffix == ".jsonl":
        return "file-jsonl"
    if output.is_dir() or output.suffix == "" or str(output).endswith(("/", "\\")):
        return "dir"
    return "file"


def parse_to(inputs: Iterable[str | Path], output: Path | None, *, read: ReadOptions | None = None,
             jsonl: bool = False) -> ParseSummary:
    """Read all inputs and write canonical JSON where `output` says (see `debate parse --help`)."""
    mode = _output_mode(output, jsonl)
    summary = ParseSummary()
    threads = load_threads(inputs, read)
    if mode in ("stdout-jsonl", "file-jsonl"):
        out = sys.stdout if mode == "stdout-jsonl" else _open_out(output)
        try:
            for t in threads:
                out.write(canonical.dumps(t, indent=None) + "\n")
                summary.add(t)
        finally:
            if out is not sys.stdout:
                out.close()
        return summary
    if mode == "dir":
        assert output is not None
        output.mkdir(parents=True, exist_ok=True)
        for t, name in unique_names(threads, ".json"):
            (output / name).write_text(canonical.dumps(t) + "\n", encoding="utf-8")
            summary.add(t)
        summary.written_dir = output
        return summary
    first: Thread | None = None
    for t in threads:
        if first is not None:
            raise UsageError("the input holds several threads: write them with -o DIR or --jsonl")
        first = t
        summary.add(t)
    if first is None:
        names = [str(p) for p in inputs] if isinstance(inputs, (list, tuple)) else []
        raise InputError("the input holds no thread", path=", ".join(names) or None)
    text = canonical.dumps(first) + "\n"
    if mode == "stdout":
        sys.stdout.write(text)
    else:
        assert output is not None
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    return summary


def _open_out(output: Path | None):
    assert output is not None
    output.parent.mkdir(parents=True, exist_ok=True)
    return open(output, "w", encoding="utf-8")
