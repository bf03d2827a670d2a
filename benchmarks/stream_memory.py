"""Does reading a Pushshift dump keep memory flat as the dump grows?

Generates synthetic Pushshift-style NDJSON dumps of growing size (comments of
many threads interleaved in time order, as real monthly dumps are), reads
each in a fresh process with `debate.ingest.read_threads` (which spills to
SQLite and emits one thread at a time), and prints the peak resident memory
and throughput of each run. Figures only; nothing is asserted.

Usage: python benchmarks/stream_memory.py [--sizes 10000 100000 400000] [--zst]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

#: Comments per thread on average, and threads open at once (a sliding window, as in a time-ordered dump).
COMMENTS_PER_THREAD = 20
OPEN_THREADS = 400
SEED = 20240411

_CHILD = r"""
import json, resource, sys, time
from debate.ingest import ReadOptions, read_threads
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
threads = comments = 0
for t in read_threads(sys.argv[1], ReadOptions(format="pushshift", spill_dir=sys.argv[2])):
    threads += 1
    comments += len(t.comments)
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"threads": threads, "comments": comments, "seconds": elapsed,
                  "base_kib": base, "peak_kib": peak}))
"""


def write_dump(path: Path, n_comments: int, *, zst: bool) -> None:
    """A time-ordered dump: submissions appear, collect replies for a while, then go quiet."""
    rng = random.Random(SEED)
    out = open(path, "wb")
    sink = out
    if zst:
        import zstandard

        sink = zstandard.ZstdCompressor(level=3).stream_writer(out)
    t0 = 1_700_000_000
    open_threads: list[tuple[str, list[str]]] = []
    next_post = 0
    words = ("policy", "evidence", "rent", "wage", "transit", "council", "study", "agree", "disagree",
             "source", "because", "however", "clearly", "maybe", "data", "cost", "city", "vote")
    for i in range(n_comments):
        if len(open_threads) < OPEN_THREADS or rng.random() < 1 / COMMENTS_PER_THREAD:
            post = f"p{next_post:07x}"
            next_post += 1
            sub = {"id": post, "title": f"Thread {post} about {rng.choice(words)}", "selftext": "",
                   "author": f"user{rng.randrange(5000)}", "created_utc": t0 + i, "subreddit": "bench",
                   "is_self": True, "permalink": f"/r/bench/comments/{post}/x/"}
            sink.write((json.dumps(sub) + "\n").encode())
            open_threads.append((post, []))
            if len(open_threads) > OPEN_THREADS:
                open_threads.pop(rng.randrange(len(open_threads)))
        post, ids = rng.choice(open_threads)
        cid = f"c{i:08x}"
        parent = f"t1_{rng.choice(ids)}" if ids and rng.random() < 0.7 else f"t3_{post}"
        body = " ".join(rng.choice(words) for _ in range(rng.randint(8, 60)))
        row = {"id": cid, "link_id": f"t3_{post}", "parent_id": parent, "author": f"user{rng.randrange(5000)}",
               "body": body, "created_utc": t0 + i, "score": rng.randint(-5, 300), "subreddit": "bench",
               "edited": False, "distinguished": None, "stickied": False, "retrieved_on": t0 + 10**6}
        sink.write((json.dumps(row) + "\n").encode())
        ids.append(cid)
    if zst:
        sink.close()
    else:
        out.close()


def measure(path: Path, spill: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    done = subprocess.run([sys.executable, "-c", _CHILD, str(path), str(spill)], capture_output=True,
                          text=True, env=env, check=True)
    return json.loads(done.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 400_000])
    ap.add_argument("--zst", action="store_true", help="compress the dumps with zstandard")
    args = ap.parse_args()
    print(f"{'comments':>9} {'threads':>8} {'file MB':>8} {'seconds':>8} {'comments/s':>11} "
          f"{'RSS after import MB':>20} {'peak RSS MB':>12} {'growth MB':>10}")
    with tempfile.TemporaryDirectory(prefix="debate-bench-") as tmp:
        for n in args.sizes:
            path = Path(tmp) / f"dump_{n}.ndjson{'.zst' if args.zst else ''}"
            write_dump(path, n, zst=args.zst)
            r = measure(path, Path(tmp) / "spill")
            mb = path.stat().st_size / 1e6
            base, peak = r["base_kib"] / 1024, r["peak_kib"] / 1024
            print(f"{r['comments']:>9,} {r['threads']:>8,} {mb:>8.1f} {r['seconds']:>8.2f} "
                  f"{r['comments'] / r['seconds']:>11,.0f} {base:>20.1f} {peak:>12.1f} {peak - base:>10.1f}")
            path.unlink()


if __name__ == "__main__":
    main()
