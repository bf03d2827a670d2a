"""Read canonical JSON back: one thread per `.json` file, or one per line of a JSONL file."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from .. import canonical
from ..errors import InputError
from ..model import Thread
from .common import open_text

_SCHEMA_RE = re.compile(r'^\s*\{\s*"schema"\s*:\s*"debate\.thread/')


def sniff(path: Path, head: str) -> bool:
    return bool(_SCHEMA_RE.match(head))


def read(path: Path, options) -> Iterator[Thread]:
    with open_text(path) as fh:
        first = fh.readline()
        rest_head = fh.read(1)
        if first.strip().endswith("}") and rest_head in ("{", "\n", "") and _one_line_doc(first):
            # JSONL: one complete thread per line
            yield canonical.loads(first, path=f"{path}:1")
            lineno = 1
            pending = rest_head
            for line in fh:
                lineno += 1
                line = pending + line
                pending = ""
                if line.strip():
                    yield _line(line, path, lineno)
            if pending.strip():
                yield _line(pending, path, lineno + 1)
            return
        text = first + rest_head + fh.read()
    if not text.lstrip("\ufeff \t\r\n").startswith("{"):  # --format canonical forced on something else
        raise InputError("not canonical JSON: expected a JSON object with \"schema\": \"debate.thread/1\" "
                         "(as `debate parse` writes)", path=str(path), where="line 1")
    yield canonical.loads(text, path=str(path))


def _one_line_doc(line: str) -> bool:
    try:
        json.loads(line)
    except json.JSONDecodeError:
        return False
    return True


def _line(line: str, path: Path, lineno: int) -> Thread:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as e:
        raise InputError(f"invalid JSON: {e.msg}", path=str(path), where=f"line {lineno}") from None
    return canonical.from_dict(data, path=f"{path}:{lineno}")
