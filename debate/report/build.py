"""Reports for many inputs: read, tag when needed, render, write where asked.

The library side of `debate report`: one Markdown (or JSON) document per
thread, to a directory (one file each), a single file, or a text stream.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from ..errors import InputError, UsageError
from ..ingest import ReadOptions
from ..model import Thread
from ..pipeline import unique_names
from .data import ensure_tagged, report_data


def thread_report(thread: Thread, *, thesis: str | None = None, model: Path | str | None = None,
                  explain: bool = False, as_json: bool = False, reviser: bool = True) -> str:
    """One thread's report as Markdown (or JSON) text, tagging the thread first if it is not tagged.

    The article's attributed quotations (voices) are extracted and tagged too when the thread
    does not carry them yet.
    """
    from .compare import with_voices

    data = report_data(with_voices(ensure_tagged(thread, thesis, model, reviser=reviser)), explain=explain)
    return dumps_json(data) if as_json else _markdown(data)


def _markdown(data: dict[str, Any]) -> str:
    from .markdown import render

    return render(data)


def dumps_json(data: Any, indent: int | None = 2) -> str:
    """Deterministic JSON text of report data."""
    return json.dumps(data, ensure_ascii=False, indent=indent) + "\n"


def output_mode(output: Path | None) -> str:
    """'stdout', 'dir' (an existing directory, or a name without suffix or ending in '/') or 'file'."""
    if output is None or str(output) == "-":
        return "stdout"
    if output.is_dir() or output.suffix == "" or str(output).endswith(("/", "\\")):
        return "dir"
    return "file"


def write_reports(inputs: Iterable[str | Path], output: Path | None, *, read: ReadOptions | None = None,
                  thesis: str | None = None, model: Path | str | None = None, explain: bool = False,
                  as_json: bool = False, stream: TextIO | None = None, reviser: bool = True) -> list[Path]:
    """Report every thread of every input; returns the files written (empty when writing to a stream).

    To a stream, Markdown reports follow each other separated by a rule, and
    several JSON reports are written one per line (JSON Lines).
    """
    from ..pipeline import load_threads

    mode = output_mode(output)
    threads = load_threads(inputs, read)
    suffix = ".json" if as_json else ".md"
    if mode == "dir":
        assert output is not None
        output.mkdir(parents=True, exist_ok=True)
        written = []
        for t, name in unique_names(threads, suffix):
            path = output / name
            path.write_text(thread_report(t, thesis=thesis, model=model, explain=explain, as_json=as_json,
                                            reviser=reviser),
                            encoding="utf-8")
            written.append(path)
        if not written:
            raise InputError("the input holds no thread")
        return written
    texts = []
    for t in threads:
        if mode == "file" and texts:
            raise UsageError("the input holds several threads: write them with -o DIR", where="-o")
        texts.append(thread_report(t, thesis=thesis, model=model, explain=explain, as_json=as_json,
                                       reviser=reviser))
    if not texts:
        raise InputError("the input holds no thread")
    if as_json and len(texts) > 1:
        texts = [json.dumps(json.loads(x), ensure_ascii=False) + "\n" for x in texts]
        text = "".join(texts)
    else:
        text = "\n---\n\n".join(texts)
    if mode == "file":
        assert output is not None
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
        return [output]
    (stream or sys.stdout).write(text)
    return []
