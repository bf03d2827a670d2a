"""Files in, tagged canonical JSON out: the library side of `debate tag`."""

from __future__ import annotations

import sys
from pathlib import Path

from .. import canonical
from ..errors import InputError, UsageError
from ..ingest import ReadOptions
from ..pipeline import load_threads, safe_name
from . import tag_thread
from .explain import explain as explain_thread


def tag_files(inputs: list[Path], output: Path | None, *, read: ReadOptions | None = None,
              thesis: str | None = None, model_path: Path | None = None, explain: bool = False,
              reviser: bool = True) -> str:
    """Tag every thread of `inputs`; write JSON to `output` (a directory, or stdout for one thread).

    Returns the explanation text (empty unless `explain`).
    """
    model = None
    if model_path is not None:
        from .supervised import load

        model = load(model_path)
    to_stdout = output is None or str(output) == "-"
    notes: list[str] = []
    used: set[str] = set()
    count = 0
    for thread in load_threads(inputs, read):
        count += 1
        tagged = tag_thread(thread, thesis=thesis, model=model, reviser=reviser)
        text = canonical.dumps(tagged) + "\n"
        if to_stdout:
            if count > 1:
                raise UsageError("the input holds several threads: write them with -o DIR")
            sys.stdout.write(text)
        else:
            assert output is not None
            output.mkdir(parents=True, exist_ok=True)
            name, n = safe_name(tagged.id), 2
            base = name
            while name.casefold() in used:
                name, n = f"{base}-{n}", n + 1
            used.add(name.casefold())
            (output / f"{name}.json").write_text(text, encoding="utf-8")
        if explain:
            notes.append(f"== {tagged.id}\n" + explain_thread(tagged))
    if count == 0:
        raise InputError("the input holds no thread")
    return "\n".join(notes)
