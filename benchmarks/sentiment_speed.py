"""Speed of debate's sentiment tagging against vaderSentiment alone.

Same texts, single process, CPU time of this process (so that other work on
a shared machine disturbs the figures less), best of five interleaved passes.
Rows: vaderSentiment `polarity_scores` on each comment (the reference);
sentence splitting alone; the naive way to get comment + per-sentence scores
(score the comment, then every sentence); and `sentiment_of`. Sentence
memoisation is cleared before every pass, so repeated passes gain nothing
from it.

Texts: 3000 distinct comment-like texts built from the sentence gold set
(1-4 paragraphs each; their sentences repeat across texts, which flatters
the memo: read the "memo off" row for new text), and the comments of every
file in threads/ that debate can read (skipped if none can be read).

Run:  python benchmarks/sentiment_speed.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).parent))

from sentence_splitters import load_gold, speed_corpus  # noqa: E402

from debate.tag import sentiment as sent  # noqa: E402
from debate.text.sentences import sentence_spans  # noqa: E402

THREADS = Path(__file__).parent.parent / "threads"


def thread_comments() -> list[str]:
    """Comment texts of every readable file in threads/ (none if reading fails)."""
    from debate.errors import DebateError
    from debate.ingest import read_threads

    texts: list[str] = []
    for path in sorted(THREADS.iterdir()) if THREADS.is_dir() else []:
        if path.name.startswith(("README", ".")):
            continue
        try:
            for thread in read_threads(path):
                texts.extend(c.text for c in thread.comments if c.text.strip())
        except (DebateError, OSError, ValueError, ImportError):
            continue
    return texts


def best_rates(texts: list[str], fns: list[Callable[[str], object]], rounds: int = 5) -> list[float]:
    """Comments/s of each function: best of `rounds`, interleaved so that a
    busy moment on a shared machine hits every function alike."""
    best = [float("inf")] * len(fns)
    for _ in range(rounds):
        for i, fn in enumerate(fns):
            sent._sentence_score.cache_clear()
            t0 = time.process_time()
            for t in texts:
                fn(t)
            best[i] = min(best[i], time.process_time() - t0)
    return [len(texts) / max(b, 1e-9) for b in best]


def _without_memo(t: str) -> object:
    """`sentiment_of` with sentence memoisation switched off."""
    memo = sent._sentence_score
    sent._sentence_score = sent._score
    try:
        return sent.sentiment_of(t)
    finally:
        sent._sentence_score = memo


def table(name: str, texts: list[str]) -> None:
    analyzer = sent._analyzer()
    vader = analyzer.polarity_scores

    def naive(t: str) -> None:
        vader(t)
        for a, b in sentence_spans(t):
            vader(t[a:b])

    n_sent = sum(len(sentence_spans(t)) for t in texts)
    single = sum(len(sentence_spans(t)) == 1 for t in texts)
    avg = sum(map(len, texts)) / len(texts)
    print(
        f"\n{name}: {len(texts)} comments, {avg:.0f} characters and "
        f"{n_sent / len(texts):.1f} sentences on average, {single / len(texts):.0%} one-sentence\n"
    )
    print("| step | comments/s | x vaderSentiment alone |")
    print("|---|---|---|")
    rows = [
        ("vaderSentiment `polarity_scores`, whole comment", vader),
        ("`sentence_spans` alone", sentence_spans),
        ("naive: split, score comment, score every sentence", naive),
        ("`sentiment_of`, sentence memo off", _without_memo),
        ("`sentiment_of` (comment + sentences)", sent.sentiment_of),
        ("`sentiment_of(sentences=False)`", lambda t: sent.sentiment_of(t, sentences=False)),
    ]
    rates = best_rates(texts, [fn for _, fn in rows])
    for (label, _), rate in zip(rows, rates):
        print(f"| {label} | {rate:,.0f} | {rate / rates[0]:.2f} |")


def main() -> int:
    table("synthetic (gold paragraphs joined)", speed_corpus(load_gold()))
    comments = thread_comments()
    if comments:
        table("threads/ comments", comments)
    else:
        print("\nthreads/: no readable comments, skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
