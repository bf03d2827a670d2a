"""Speed of debate's sentiment scoring against vaderSentiment alone.

Same comments, one run, single process, CPU time of this process (so that
other work on a shared machine disturbs the figures less), best of five
interleaved passes (more for small corpora). The engine's memo
(`vader_engine._MEMO`) is emptied before every pass, so repeated passes gain
nothing from it.

Rows, per comment:
- vaderSentiment `polarity_scores` on the comment (the reference, 1.00);
- the library the naive way: the comment, then every sentence again;
- `vader_engine.score`: the comment alone;
- `vader_engine.score_with_sentences`: the comment and every sentence, given
  the sentence spans (the engine's own cost; issue-5 budget: <= 0.4x);
- `sentence_spans` alone (debate.text.sentences);
- `sentiment_of`: spans + engine + building the Sentiment record.

Corpora: the comments of every file in threads/ that debate can read; the
seeds (if /work/shared/seeds exists); a 3000-comment thread built like
tagging_benchmark's large thread (example comments cycled, each made unique
by a number); 3000 distinct texts built from the sentence gold set.

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
from debate.tag import vader_engine as engine  # noqa: E402
from debate.text.sentences import sentence_spans  # noqa: E402

REPO = Path(__file__).parent.parent
THREADS = REPO / "threads"
SEEDS = Path("/work/shared/seeds")
#: Comments in the generated large thread, as in tagging_benchmark.py.
LARGE = 3000
#: Small corpora get more passes, so that about this many comments are timed.
MIN_TIMED = 3000


def comments_of(paths: list[Path]) -> list[str]:
    """Non-blank comment texts of every readable file (unreadable ones skipped)."""
    from debate.errors import DebateError
    from debate.ingest import read_threads

    texts: list[str] = []
    for path in paths:
        if path.name.startswith(("README", ".")):
            continue
        try:
            for thread in read_threads(path):
                texts.extend(c.text for c in thread.comments if c.text.strip())
        except (DebateError, OSError, ValueError, ImportError):
            continue
    return texts


def large_thread(base: list[str], n: int = LARGE) -> list[str]:
    """tagging_benchmark's large-thread texts: comments of > 3 words, cycled,
    each made unique by its number."""
    base = [t for t in base if len(t.split()) > 3]
    return [f"{base[i % len(base)]} ({i})" for i in range(n)] if base else []


def best_times(texts: list[str], fns: list[Callable[[str], object]]) -> list[float]:
    """CPU seconds of each function over all texts: best of 5 passes (more for
    small corpora, whose passes are short enough for a busy moment to skew),
    interleaved so that a busy moment hits every function alike."""
    rounds = max(5, MIN_TIMED // len(texts))
    best = [float("inf")] * len(fns)
    for _ in range(rounds):
        for i, fn in enumerate(fns):
            engine._MEMO.clear()
            t0 = time.process_time()
            for t in texts:
                fn(t)
            best[i] = min(best[i], time.process_time() - t0)
    return best


def table(name: str, texts: list[str]) -> list[float]:
    lib = engine._library().polarity_scores
    spans = {t: sentence_spans(t) for t in texts}

    def naive(t: str) -> None:
        lib(t)
        for a, b in spans[t]:
            lib(t[a:b])

    n_sent = sum(len(s) for s in spans.values())
    avg = sum(map(len, texts)) / len(texts)
    print(
        f"\n{name}: {len(texts)} comments, {avg:.0f} characters and "
        f"{n_sent / len(texts):.1f} sentences on average\n"
    )
    print("| step | us/comment | x vaderSentiment alone |")
    print("|---|---|---|")
    rows = [
        ("vaderSentiment `polarity_scores`, comment", lib),
        ("vaderSentiment, comment + every sentence", naive),
        ("engine: comment", engine.score),
        ("engine: comment + every sentence (spans given)", lambda t: engine.score_with_sentences(t, spans[t])),
        ("`sentence_spans` alone", sentence_spans),
        ("`sentiment_of` (spans + engine + records)", sent.sentiment_of),
    ]
    times = best_times(texts, [fn for _, fn in rows])
    for (label, _), sec in zip(rows, times):
        print(f"| {label} | {sec / len(texts) * 1e6:,.1f} | {sec / times[0]:.2f} |")
    return times


def main() -> int:
    if not engine.EXACT:
        print(f"vaderSentiment {engine.VERSION} is not verified: the engine falls back to the library")
    threads = comments_of(sorted(THREADS.iterdir()) if THREADS.is_dir() else [])
    seeds = comments_of(sorted(SEEDS.glob("*.txt"))) if SEEDS.is_dir() else []
    corpora = [
        ("threads/ comments", threads),
        ("seed comments", seeds),
        (f"large generated thread ({LARGE} comments from threads/)", large_thread(threads)),
        ("synthetic (sentence-gold paragraphs joined)", speed_corpus(load_gold())),
    ]
    total = [0.0] * 6
    for name, texts in corpora:
        if not texts:
            print(f"\n{name}: none, skipped")
            continue
        times = table(name, texts)
        if not name.startswith("synthetic"):
            total = [a + b for a, b in zip(total, times)]
    if total[0]:
        print(
            "\nthreads/, seeds and the large thread together: engine (comment + every sentence) "
            f"{total[3] / total[0]:.2f}x the time of vaderSentiment on the comment; with sentence "
            f"splitting {(total[3] + total[4]) / total[0]:.2f}x; `sentiment_of` {total[5] / total[0]:.2f}x"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
