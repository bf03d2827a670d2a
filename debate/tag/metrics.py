"""Scores for stance (and any other label set): accuracy, per-class P/R/F1, macro-F1, F_avg, kappa.

F_avg is the official SemEval-2016 Task 6 metric: the mean of the F1 of FAVOR
and of AGAINST (NONE counts only through their precision and recall).
Pure Python: these run on a few thousand rows at most.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Sequence


@dataclass(frozen=True)
class ClassScore:
    label: str
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True)
class Scores:
    n: int
    accuracy: float
    macro_f1: float
    f_avg: float | None  # None when the label set has no favor/against
    kappa: float
    per_class: tuple[ClassScore, ...]
    labels: tuple[str, ...]
    confusion: tuple[tuple[int, ...], ...]  # rows gold, columns predicted, in `labels` order

    def format(self) -> str:
        """A plain-text block for the terminal (percentages, as SemEval reports them)."""
        lines = [f"rows: {self.n}", f"accuracy: {100 * self.accuracy:.2f}",
                 f"macro-F1: {100 * self.macro_f1:.2f}"]
        if self.f_avg is not None:
            lines.append(f"F_avg (mean F1 of favor and against, SemEval-2016 Task 6): {100 * self.f_avg:.2f}")
        lines.append(f"Cohen's kappa: {self.kappa:.3f}")
        lines.append("")
        lines.append(f"{'class':<10} {'precision':>9} {'recall':>7} {'F1':>7} {'support':>8}")
        for c in self.per_class:
            lines.append(f"{c.label:<10} {100 * c.precision:>9.2f} {100 * c.recall:>7.2f} {100 * c.f1:>7.2f} "
                         f"{c.support:>8}")
        lines.append("")
        width = max(8, *(len(x) for x in self.labels))
        lines.append("confusion (rows gold, columns predicted)")
        lines.append(" " * width + "".join(f"{x:>{width + 1}}" for x in self.labels))
        for lab, row in zip(self.labels, self.confusion):
            lines.append(f"{lab:<{width}}" + "".join(f"{v:>{width + 1}}" for v in row))
        return "\n".join(lines)


def score(gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str] | None = None) -> Scores:
    """All scores for two aligned label sequences."""
    if len(gold) != len(predicted):
        raise ValueError(f"gold has {len(gold)} labels, predicted {len(predicted)}")
    if labels is None:
        labels = sorted(set(gold) | set(predicted), key=_order)
    labels = tuple(labels)
    index = {lab: i for i, lab in enumerate(labels)}
    conf = [[0] * len(labels) for _ in labels]
    for g, p in zip(gold, predicted):
        conf[index[g]][index[p]] += 1
    n = len(gold)
    per = []
    for i, lab in enumerate(labels):
        tp = conf[i][i]
        pred = sum(conf[r][i] for r in range(len(labels)))
        sup = sum(conf[i])
        prec = tp / pred if pred else 0.0
        rec = tp / sup if sup else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per.append(ClassScore(lab, prec, rec, f1, sup))
    present = [c for c in per if c.support > 0 or any(conf[r][index[c.label]] for r in range(len(labels)))]
    macro = sum(c.f1 for c in present) / len(present) if present else 0.0
    f_avg = None
    if "favor" in index and "against" in index:
        f_avg = (per[index["favor"]].f1 + per[index["against"]].f1) / 2
    acc = sum(conf[i][i] for i in range(len(labels))) / n if n else 0.0
    return Scores(n, acc, macro, f_avg, cohen_kappa(gold, predicted), tuple(per), labels,
                  tuple(tuple(r) for r in conf))


def per_group(gold: Sequence[str], predicted: Sequence[str], groups: Sequence[str],
              labels: Sequence[str] | None = None) -> str:
    """A table of rows, F_avg, macro-F1 and F1 per class for each group (e.g. each stance target).

    SemEval-2016 Task 6 ranks on F_avg over all targets pooled (the first line of `score`); the
    per-target figures show where a model is weak.
    """
    if not (len(gold) == len(predicted) == len(groups)):
        raise ValueError("gold, predicted and groups differ in length")
    if labels is None:
        labels = sorted(set(gold) | set(predicted), key=_order)
    names = sorted(set(groups))
    width = max(6, *(len(n) for n in names))
    lines = [f"{'target':<{width}} {'rows':>5} {'F_avg':>6} {'macro-F1':>8}"
             + "".join(f" {'F1 ' + lab:>11}" for lab in labels)]
    for name in names:
        idx = [i for i, g in enumerate(groups) if g == name]
        s = score([gold[i] for i in idx], [predicted[i] for i in idx], labels)
        f_avg = f"{100 * s.f_avg:>6.2f}" if s.f_avg is not None else f"{'-':>6}"
        lines.append(f"{name:<{width}} {len(idx):>5} {f_avg} {100 * s.macro_f1:>8.2f}"
                     + "".join(f" {100 * c.f1:>11.2f}" for c in s.per_class))
    return "\n".join(lines)


def cohen_kappa(a: Sequence[str], b: Sequence[str]) -> float:
    """Cohen's kappa between two annotators (1 = perfect, 0 = chance)."""
    n = len(a)
    if n == 0:
        return 0.0
    observed = sum(x == y for x, y in zip(a, b)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb.get(k, 0) for k in ca) / (n * n)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def majority_baseline(gold: Sequence[str]) -> list[str]:
    """Predict the most frequent gold label everywhere (ties: first in favor/against/none order)."""
    counts = Counter(gold)
    best = max(counts, key=lambda k: (counts[k], -_order(k)))
    return [best] * len(gold)


STANCE_LABELS = ("favor", "against", "none")
RELATION_LABELS = ("agree", "disagree", "neutral")
_KNOWN = ("favor", "against", "none", "agree", "disagree", "neutral")


def _order(label: str) -> int:
    return _KNOWN.index(label) if label in _KNOWN else len(_KNOWN)
