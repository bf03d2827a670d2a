"""SemEval-2016 Task 6 subtask A: train `debate`'s stance model on the training set, score test set A.

    python benchmarks/semeval_benchmark.py TRAIN TEST [--cv K]

TRAIN and TEST are the task's files as distributed (tab-separated: ID, Target, Tweet, Stance, ...;
"trainingdata-all-annotations.txt" and "testdata-taskA-all-annotations.txt"). The dataset's terms
forbid redistribution, so none of it is in this repository: pass the paths of your own copy.

Prints F_avg (the task's official metric: mean F1 of FAVOR and AGAINST over all targets pooled),
macro-F1, per-target figures, training time, the saved model's size and load time, and the
published reference points. With --cv K it
first prints K-fold cross-validation on TRAIN alone (how the settings were chosen); with --cv-seeds N
also the mean F_avg of N repetitions of it (shuffle seeds 0 .. N-1), since one split's F_avg moves by
about a point from seed to seed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from debate.tag import metrics, supervised  # noqa: E402

#: Published F_avg on test set A (Mohammad et al. 2016, "SemEval-2016 Task 6: Detecting Stance in
#: Tweets", Table 6): the organisers' SVM on word 1-3 and char 2-5-grams, and the best team (MITRE).
REFERENCE = (("SVM n-gram baseline (organisers)", 68.98), ("best participating team (MITRE)", 67.82))
COLUMNS = ("Tweet", "Stance", "Target")


def majority_per_target(train: supervised.LabelledRows, test: supervised.LabelledRows) -> list[str]:
    """Each test row gets its target's most frequent training label (ties: favor, against, none)."""
    best = {}
    for t in set(train.targets or []):
        counts = Counter(y for y, tt in zip(train.labels, train.targets or []) if tt == t)
        best[t] = max(counts, key=lambda y: (counts[y], -supervised.STANCES.index(y)))
    return [best.get(t, "against") for t in test.targets or []]


def report(title: str, gold: list[str], pred: list[str], targets: list[str]) -> float:
    s = metrics.score(gold, pred, supervised.STANCES)
    print(f"\n== {title}")
    print(f"F_avg {100 * s.f_avg:.2f}   macro-F1 {100 * s.macro_f1:.2f}   accuracy {100 * s.accuracy:.2f}")
    print(metrics.per_group(gold, pred, targets, supervised.STANCES))
    return 100 * s.f_avg


#: The target of each SemEval row as a claim, for the built-in tagger, which judges stance toward a thesis.
CLAIMS = {"Atheism": "Atheism is right", "Climate Change is a Real Concern": "Climate change is a real concern",
          "Feminist Movement": "The feminist movement is good",
          "Hillary Clinton": "Hillary Clinton should be president",
          "Legalization of Abortion": "Abortion should be legal"}


def builtin_tagger(test: supervised.LabelledRows) -> None:
    """The built-in tagger, which learns nothing from SemEval, on test set A: human tweets, where our
    rules and the stance reviser were written for and learned from comment threads. Each target's
    tweets are the top-level comments of one thread whose title is the target's claim."""
    from debate.model import Article, Comment, Thread
    from debate.tag import tag_thread

    by_target: dict[str, list[int]] = {}
    for i, target in enumerate(test.targets or []):
        by_target.setdefault(target, []).append(i)
    pred: dict[bool, list[str]] = {False: [""] * len(test.texts), True: [""] * len(test.texts)}
    for target, rows in sorted(by_target.items()):
        claim = CLAIMS.get(target, target)
        comments = tuple(Comment(id=str(i), text=test.texts[i].replace("#SemST", "").strip(), speaker=f"u{i}")
                         for i in rows)
        thread = Thread(id=target, article=Article(title=claim, author="", text=""), comments=comments)
        for reviser in (False, True):
            tags = tag_thread(thread, thesis=claim, reviser=reviser).tags
            for i in rows:
                pred[reviser][i] = tags[str(i)].stance.value
    print("\n== built-in tagger on test set A (no SemEval training; each target as a claim: "
          + "; ".join(f"{k} -> '{v}'" for k, v in CLAIMS.items()) + ")")
    for reviser, title in ((False, "rules alone"), (True, "rules + stance reviser")):
        s = metrics.score(test.labels, pred[reviser], supervised.STANCES)
        print(f"  {title:<24} F_avg {100 * s.f_avg:.2f}   macro-F1 {100 * s.macro_f1:.2f}   accuracy {100 * s.accuracy:.2f}")
    base = metrics.majority_baseline(test.labels)
    s = metrics.score(test.labels, base, supervised.STANCES)
    print(f"  {'always ' + base[0]:<24} F_avg {100 * s.f_avg:.2f}   macro-F1 {100 * s.macro_f1:.2f}   accuracy {100 * s.accuracy:.2f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("train", type=Path)
    ap.add_argument("test", type=Path)
    ap.add_argument("--cv", type=int, default=0, help="also print K-fold CV on the training set")
    ap.add_argument("--cv-seeds", type=int, default=1, help="repeat the CV with this many shuffle seeds")
    args = ap.parse_args(argv)
    text, label, target = COLUMNS
    train = supervised.read_labels(args.train, text, label, target)
    test = supervised.read_labels(args.test, text, label, target)
    print(f"train {len(train.texts)} rows, test {len(test.texts)} rows, "
          f"targets: {', '.join(sorted(set(train.targets or [])))}")
    if args.cv:
        start = time.perf_counter()
        pred = supervised.cross_validate(train, args.cv)
        report(f"{args.cv}-fold CV on the training set ({time.perf_counter() - start:.0f} s)",
               train.labels, pred, train.targets or [])
        if args.cv_seeds > 1:
            scores = [metrics.score(train.labels, supervised.cross_validate(train, args.cv, seed=s) if s else pred,
                                    supervised.STANCES).f_avg * 100 for s in range(args.cv_seeds)]
            print(f"\n{args.cv}-fold CV F_avg by seed: {' '.join(f'{v:.2f}' for v in scores)}   "
                  f"mean {sum(scores) / len(scores):.2f}")
    start = time.perf_counter()
    model = supervised.StanceModel().fit(train.texts, train.labels, train.targets)
    seconds = time.perf_counter() - start
    print(f"\ntrained in {seconds:.1f} s; none offset {model.none_bias_:+.2f}; markers dropped: "
          f"{', '.join(model.markers_) or '-'}")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "semeval.skops"
        start = time.perf_counter()
        supervised.save(model, path)
        saved = time.perf_counter() - start
        start = time.perf_counter()
        loaded = supervised.load(path)
        print(f"model file {path.stat().st_size / 1e6:.2f} MB, saved in {saved:.2f} s, loaded in "
              f"{time.perf_counter() - start:.2f} s")
    model = loaded  # test set A is scored with the model as a user gets it back from the file
    f_avg = report("test set A", test.labels, model.predict(test.texts, test.targets), test.targets or [])
    report("majority label per target (for scale)", test.labels, majority_per_target(train, test),
           test.targets or [])
    builtin_tagger(test)
    print("\nreference F_avg on test set A:")
    for name, value in REFERENCE:
        print(f"  {name:<36} {value:.2f}")
    print(f"  {'debate (this run)':<36} {f_avg:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
