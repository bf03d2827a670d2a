"""Speed of the scraped reader and of structure inference, against vaderSentiment on the same comments.

Issue 5 asks for end-to-end throughput >= 0.5x vaderSentiment alone per comment; this script
measures the first two stages of that pipeline (parse, then structure inference) in one run,
next to VADER's `polarity_scores` on exactly the comments those pages yield, so the ratios do
not depend on the machine.

Pages (all in the seed page's numbered layout, rendered by benchmarks/flatten.py):
  small   the structure benchmark's pages (hand-written threads and reader fixtures, every
          display order and names shown/hidden) plus threads/scraped_* as they are;
  N=200, N=500, N=2000   one long page listing that many comments (the benchmark threads one after the
          other, in chronological order, names hidden: the most expensive condition, since
          every earlier comment in the window is a candidate parent);
  3 MB    one page whose fourth comment is 3 MB of comment text (pathological input).

Usage: python benchmarks/parse_structure_speed.py [--repeat R] [--no-long]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from flatten import ROOT, conditions, display_order, load_cases, render_page  # noqa: E402

from debate.ingest import ReadOptions, read_thread  # noqa: E402
from debate.model import Thread  # noqa: E402
from debate.structure import infer_structure  # noqa: E402

#: Size of the pathological single comment (the case reported as taking ~12 s before).
BIG_COMMENT_CHARS = 3_000_000


def small_pages() -> list[tuple[str, str]]:
    pages = []
    for case in load_cases():
        for order, names in conditions():
            pages.append((f"{case.thread.id}-{order}-{names}.txt",
                          render_page(case.thread, display_order(case.thread, order), names)))
    for path in sorted((ROOT / "threads").glob("scraped_*")):
        pages.append((path.name, path.read_text(encoding="utf-8")))
    return pages


def long_page(n: int) -> str:
    """n comments: the benchmark threads listed one after another (chronologically), names hidden."""
    cases = load_cases()
    comments = []
    rnd = 0
    while len(comments) < n:
        for case in cases:
            for c in display_order(case.thread, "chronological"):
                comments.append(replace(c, id=f"r{rnd}-{c.id}", parent=None))
            rnd += 1
    comments = comments[:n]
    thread = Thread(id=f"long{n}", article=cases[0].thread.article, comments=tuple(comments))
    return render_page(thread, comments, names=False)


def big_comment_page() -> str:
    cases = load_cases()
    corpus = "\n\n".join(c.text for case in cases for c in case.thread.comments)
    big = ("\n\n".join([corpus] * (BIG_COMMENT_CHARS // len(corpus) + 1)))[:BIG_COMMENT_CHARS]
    thread = cases[0].thread
    comments = list(thread.comments)
    comments[3] = replace(comments[3], text=big)
    thread = replace(thread, comments=tuple(comments))
    return render_page(thread, display_order(thread, "threaded"), names=True)


def measure(pages: list[tuple[str, str]], repeat: int) -> dict[str, float]:
    """Best-of-`repeat` CPU seconds for parse, structure and VADER over all pages, and the comment count.

    CPU time (process_time), not wall time: the machine is shared, and all three are measured alike.
    """
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    vader = SentimentIntensityAnalyzer()
    best = {"parse": float("inf"), "structure": float("inf"), "vader": float("inf")}
    n = 0
    with tempfile.TemporaryDirectory(prefix="debate-speed-") as tmp:
        paths = []
        for k, (name, text) in enumerate(pages):
            p = Path(tmp) / f"{k:04d}-{name}"
            p.write_text(text, encoding="utf-8")
            paths.append(p)
        for _ in range(repeat):
            t_parse = t_struct = t_vader = 0.0
            n = 0
            for p in paths:
                a = time.process_time()
                thread = read_thread(p, ReadOptions(format="scraped", infer=False))
                b = time.process_time()
                infer_structure(thread)
                c = time.process_time()
                for comment in thread.comments:
                    if len(comment.text) < BIG_COMMENT_CHARS // 10:  # VADER itself takes minutes on 3 MB
                        vader.polarity_scores(comment.text)
                d = time.process_time()
                t_parse += b - a
                t_struct += c - b
                t_vader += d - c
                n += len(thread.comments)
            best = {"parse": min(best["parse"], t_parse), "structure": min(best["structure"], t_struct),
                    "vader": min(best["vader"], t_vader)}
    return {**best, "n": n}


def warm_up() -> None:
    """One-off costs (imports, the stop-word list) are not per-comment costs: pay them first."""
    from debate.structure import cues

    cues._stop_words()
    measure([("warm.txt", long_page(20))], 1)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="runs per page set; the fastest counts")
    ap.add_argument("--no-long", action="store_true", help="skip the 2,000-comment page and the 3 MB comment")
    args = ap.parse_args(argv)
    warm_up()
    sets = [("small pages", small_pages(), args.repeat), ("N=200", [("long200.txt", long_page(200))], args.repeat),
            ("N=500", [("long500.txt", long_page(500))], args.repeat)]
    if not args.no_long:
        sets += [("N=2000", [("long2000.txt", long_page(2000))], 1),
                 ("3 MB comment", [("big.txt", big_comment_page())], 1)]
    print("| pages | comments | parse µs/comment | structure µs/comment | VADER µs/comment "
          "| parse / VADER | structure / VADER | (parse + structure) / VADER |")
    print("|---|---|---|---|---|---|---|---|")
    for label, pages, repeat in sets:
        r = measure(pages, repeat)
        us = {k: r[k] / r["n"] * 1e6 for k in ("parse", "structure", "vader")}
        print(f"| {label} | {r['n']} | {us['parse']:.0f} | {us['structure']:.0f} | {us['vader']:.0f} | "
              f"{us['parse'] / us['vader']:.2f} | {us['structure'] / us['vader']:.2f} | "
              f"{(us['parse'] + us['structure']) / us['vader']:.2f} |")
        if label == "3 MB comment":
            print(f"\n3 MB comment page: parse {r['parse']:.2f} s, structure {r['structure']:.2f} s, "
                  f"VADER {r['vader']:.2f} s ({r['n']} comments)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
