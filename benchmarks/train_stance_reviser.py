"""Fit the stance reviser on the tuning sets, or measure it set by set (leave one set out).

The reviser (`debate/tag/stance_reviser.py`) re-reads the rules' final stance of each comment. It
learns from the tuning sets of `tagging_gold/` only: never a held-out set (`heldout*`), and never the
seed page (its text stays outside the repository, and its words would ship in the n-gram list).
Each labelled comment is tagged by the rules twice, with the thesis given and extracted, so the
reviser learns both kinds of mistakes.

  python benchmarks/train_stance_reviser.py --write   refit and write debate/data/stance_reviser.json
  python benchmarks/train_stance_reviser.py --loso    each tuning set scored by a reviser fitted on the others
  python benchmarks/train_stance_reviser.py --check   exit 1 if the shipped file is not what a refit gives

The rules change, so their mistakes change: refit after changing a rule (tests/test_stance_reviser.py
fails while the shipped file is stale). On the tuning sets themselves the shipped reviser scores in
sample; `--loso` gives the honest figure for data it has not seen.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tagging_benchmark import HELDOUT_SETS, load_gold, read_options, source_path  # noqa: E402

from debate.ingest import read_threads  # noqa: E402
from debate.tag import metrics, tag_thread  # noqa: E402
from debate.tag.spans import analyze  # noqa: E402
from debate.tag.stance_reviser import BUILTIN_PATH, StanceReviser  # noqa: E402

ABOUT = ("Stance reviser fitted by benchmarks/train_stance_reviser.py --write: multinomial logistic regression "
         "(C=1, balanced class weights) on the rules' final stance (one-hot and score) and TF-IDF word 1-2-grams "
         "of each comment's first 30 tokens (n-grams in at least 2 comments), over the hand-labelled comments of "
         "the tuning sets in benchmarks/tagging_gold/ (held-out sets and the seed page excluded), each tagged by "
         "the rules with the thesis given and extracted.")


def tuning_threads():
    """(set, thesis row, thread) for every tuning thread whose file is in the repository."""
    theses, labels = load_gold()
    for row in theses:
        name = row.get("set") or "dev"
        if name in HELDOUT_SETS or row["source"].startswith("seeds/"):
            continue
        for t in read_threads(source_path(row["source"]), read_options(row.get("read") or "")):
            if t.id == row["thread"]:
                yield name, row, t, labels.get(t.id, {})


def rule_rows():
    """One row per labelled comment and thesis mode: (set, tokens, rules' value, score, gold stance)."""
    rows = []
    for name, row, thread, gold in tuning_threads():
        tokens = {c.id: analyze(c.text or "").toks for c in thread.comments}
        for given in (True, False):
            tagged = tag_thread(thread, thesis=row["thesis"] if given else None, reviser=False)
            for cid, g in sorted(gold.items()):
                label = tagged.tags[cid].stance if cid in tagged.tags else None
                if label is None or not g["stance"] or label.decided_by == "flag":
                    continue
                rows.append((name, tokens[cid], label.value, label.score, g["stance"]))
    return rows


def fit(rows) -> StanceReviser:
    return StanceReviser().fit([r[1] for r in rows], [r[2] for r in rows], [r[3] for r in rows],
                               [r[4] for r in rows])


def loso(rows) -> list[str]:
    """Each tuning set tagged with a reviser fitted on the other sets (thesis given, then extracted)."""
    threads = list(tuning_threads())
    out = ["| set | comments | stance, rules | stance, reviser | relation, rules | relation, reviser | "
           "stance (thesis extracted), rules | reviser |", "|---|---|---|---|---|---|---|---|"]
    pooled: dict[str, list] = defaultdict(list)
    for name in sorted({r[0] for r in rows}, key=_set_order):
        reviser = fit([r for r in rows if r[0] != name])
        got: dict[str, list] = defaultdict(list)
        for set_name, row, thread, gold in threads:
            if set_name != name:
                continue
            for given in (True, False):
                thesis = row["thesis"] if given else None
                for which, rev in (("rules", False), ("reviser", reviser)):
                    tags = tag_thread(thread, thesis=thesis, reviser=rev).tags
                    for cid, g in sorted(gold.items()):
                        if cid not in tags:
                            continue
                        mode = "given" if given else "extracted"
                        if g["stance"]:
                            got[f"stance {mode} {which}"].append((g["stance"], tags[cid].stance.value))
                        if g["relation"] and given:
                            got[f"relation {which}"].append((g["relation"], tags[cid].relation.value))
        cells = []
        for key in ("stance given rules", "stance given reviser", "relation rules", "relation reviser",
                    "stance extracted rules", "stance extracted reviser"):
            pooled[key] += got[key]
            cells.append(_macro(got[key], key))
        out.append(f"| {name} | {len(got['stance given rules'])} | " + " | ".join(cells) + " |")
    out.append(f"| all | {len(pooled['stance given rules'])} | " + " | ".join(
        _macro(pooled[k], k) for k in ("stance given rules", "stance given reviser", "relation rules",
                                       "relation reviser", "stance extracted rules", "stance extracted reviser"))
               + " |")
    return out


def _macro(pairs, key: str) -> str:
    labels = metrics.RELATION_LABELS if key.startswith("relation") else metrics.STANCE_LABELS
    if not pairs:
        return "-"
    return f"{100 * metrics.score([g for g, _ in pairs], [p for _, p in pairs], labels).macro_f1:.1f}"


def _set_order(name: str) -> tuple:
    digits = "".join(ch for ch in name if ch.isdigit())
    return (name.rstrip("0123456789"), int(digits) if digits else 0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help=f"refit and write {BUILTIN_PATH.name}")
    ap.add_argument("--loso", action="store_true", help="leave-one-set-out table (macro-F1)")
    ap.add_argument("--check", action="store_true", help="exit 1 if the shipped reviser is stale")
    args = ap.parse_args(argv)
    rows = rule_rows()
    print(f"{len(rows)} rows ({len(rows) // 2} labelled comments, thesis given and extracted)", file=sys.stderr)
    if args.loso:
        print("\n".join(loso(rows)))
    if args.write or args.check:
        reviser = fit(rows)
        if args.write:
            reviser.save(BUILTIN_PATH, ABOUT)
            print(f"wrote {BUILTIN_PATH} ({len(reviser.weights_):,} n-grams)", file=sys.stderr)
        elif reviser.to_dict(ABOUT) != StanceReviser.load(BUILTIN_PATH).to_dict(ABOUT):
            print(f"{BUILTIN_PATH} is stale: run {Path(__file__).name} --write", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
