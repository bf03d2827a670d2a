"""`debate compare`: several threads or articles side by side.

Articles argue too: besides its commenters, each input contributes the
article's own stance toward the thesis and the stances of the voices it quotes
(`voices.extract_voices`). With one `--thesis` for all inputs the columns are
comparable; without it each thread is judged against its own extracted thesis
(said in the output). Deterministic: inputs keep their order, everything else
is sorted.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

from ..errors import InputError
from ..ingest import ReadOptions
from ..model import Evidence, Label, Thread
from .data import SCHEMA as REPORT_SCHEMA
from .data import ensure_tagged, report_data

SCHEMA = "debate.compare/1"


def article_stance(thread: Thread) -> Label | None:
    """The article's own stance toward the thread's thesis, from its text (None without text or thesis).

    A thesis drawn from the article is the article's own position: it favors it by definition, and
    scoring its text against it again could only add noise (a long article quotes the other side).
    """
    if not thread.article.text.strip() or thread.thesis is None or not thread.thesis.text:
        return None
    if thread.thesis.source != "given":
        if not thread.thesis.clear:
            where = {"title_report": "news report", "title_question": "question"}.get(
                thread.thesis.source, thread.thesis.source)
            return Label("none", 1.0, (Evidence("article_thesis", f"the article's {where} takes no position",
                                                1.0),), "rule:article_thesis")
        return Label("favor", 1.0, (Evidence("article_thesis", f"the thesis is the article's own "
                                             f"{thread.thesis.source}", 1.0),), "rule:article_thesis")
    from ..tag.article_side import stating_evidence
    from ..tag.stance import stance_toward
    from ..tag.thesis import extract_thesis

    stated = stating_evidence(extract_thesis(thread.article), thread.thesis.text, thread.article.title)
    if stated is not None:
        # its title or conclusion states the thesis ("Bring Back the Dog Licence"): its text, scored alone, can
        # read against it (a piece that deplores the status quo)
        return Label("favor", 1.0, (stated,), "rule:article_thesis")
    return stance_toward(thread.article.text, thread.thesis, article_text=thread.article.text)


def with_voices(thread: Thread) -> Thread:
    """The thread with its article's attributed quotations, each tagged with its stance."""
    from .voices import extract_voices, tag_voices

    voices = thread.voices or extract_voices(thread.article.text)
    if thread.thesis is not None and thread.thesis.text and any(v.stance is None for v in voices):
        voices = tag_voices(voices, thread.thesis, thread.article.text)
    return replace(thread, voices=voices)


def compare_data(threads: Iterable[Thread], *, thesis: str | None = None,
                 model: Path | str | None = None, reviser: bool = True) -> dict[str, Any]:
    """The comparison of all threads as plain data (what `--json` writes)."""
    from .context import label_dict  # the same label encoding as the thread report

    items = []
    seen_names: dict[str, dict[str, Any]] = {}
    for i, t in enumerate(threads, 1):
        t = with_voices(ensure_tagged(t, thesis, model, reviser=reviser))
        stance = article_stance(t)
        d = report_data(t)
        voices = d["article"]["voices"]
        items.append({
            "key": i,
            "thread": d["thread"], "article": {k: d["article"][k] for k in ("title", "author", "date", "url", "words")},
            "thesis": d["thesis"],
            "article_stance": label_dict(stance) if stance else None,
            "voices": voices,
            "voice_stances": _count(v["stance"]["value"] if v["stance"] else "untagged" for v in voices),
            "summary": {k: d["summary"][k] for k in ("comments", "participants", "max_depth", "stance_counts",
                                                     "stance_shares", "polarisation", "sentiment", "untagged")},
            "commenters": [{"id": p["id"], "label": p["label"], "named": p["named"],
                            "comments": len(p["comments"]), "stance": p["stance"],
                            "mean_sentiment": p["mean_sentiment"]} for p in d["participants"]],
            "key_points": d["key_points"],
        })
        for p in d["participants"]:
            if not p["named"]:
                continue
            key = " ".join(p["label"].split()).casefold()
            entry = seen_names.setdefault(key, {"label": p["label"], "threads": []})
            entry["threads"].append({"key": i, "stance": p["stance"], "comments": len(p["comments"]),
                                     "mean_sentiment": p["mean_sentiment"]})
    if not items:
        raise InputError("the input holds no thread")
    shared = sorted((v for v in seen_names.values() if len({x["key"] for x in v["threads"]}) > 1),
                    key=lambda v: (-len(v["threads"]), v["label"].casefold(), v["label"]))
    return {"schema": SCHEMA, "report_schema": REPORT_SCHEMA, "thesis": thesis, "threads": items,
            "shared_participants": shared}


def _count(values: Iterable[str]) -> dict[str, int]:
    c = Counter(values)
    return {k: c[k] for k in sorted(c)}


def write_comparison(inputs: Iterable[str | Path], output: Path | None, *, read: ReadOptions | None = None,
                     thesis: str | None = None, model: Path | str | None = None, as_json: bool = False,
                     stream: TextIO | None = None, reviser: bool = True) -> str:
    """Compare every thread of every input; write to `output` (a file) or the stream. Returns the text."""
    from ..pipeline import load_threads
    from .compare_markdown import render

    data = compare_data(load_threads(inputs, read), thesis=thesis, model=model, reviser=reviser)
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n" if as_json else render(data)
    if output is None or str(output) == "-":
        (stream or sys.stdout).write(text)
    else:
        if output.is_dir() or str(output).endswith(("/", "\\")):  # a directory: compare.md inside it
            output = output / ("compare.json" if as_json else "compare.md")
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    return text

