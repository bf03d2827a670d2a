"""A second reading of each comment's final stance, learned from hand-labelled threads.

The rules leave a comment "none" when none of their cues names a side, and
an anecdote, a figure or a sarcastic aside usually names none ("My mum has
dementia. She can manage a tenner. She cannot manage a PIN."). People who label
threads still read a side in most of them. The reviser is a linear model over
two things only: the rules' final label and score, and the comment's opening
words (word 1-2-grams of its first `OPENING_TOKENS` tokens, TF-IDF weighted).
It is fitted on the tuning sets of `benchmarks/tagging_gold/` by
`benchmarks/train_stance_reviser.py` (never on the held-out sets) and shipped as
plain JSON (`debate/data/stance_reviser.json`): the n-grams it knows, their idf,
one weight per class, and the weights of the rules' label.

It reads only the comments the rules left "none": a side the rules found
stands. Where it reads a side, its label replaces theirs, decided by
"reviser", with the words that moved it and the rules' own evidence after
them, so a student sees both readings. A fitted reviser follows the estimator
API (`fit`, `predict`, `predict_proba`); `explain` gives the contributions behind one decision.
"""

from __future__ import annotations

import heapq
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import ModelError

CLASSES = ("favor", "against", "none")
#: The comment's first tokens read (its opening states its point; the rest is mostly support).
OPENING_TOKENS = 30
#: Where the built-in reviser ships (package data, like the structure weights).
BUILTIN_PATH = Path(__file__).resolve().parents[1] / "data" / "stance_reviser.json"
FORMAT = 1
#: Decimal places kept in the JSON file (the file is what predicts, so it is rounded once, when written).
DECIMALS = 5


def opening_ngrams(tokens: Sequence[str]) -> dict[str, int]:
    """Counts of the word 1- and 2-grams of the first `OPENING_TOKENS` tokens."""
    toks = tokens[:OPENING_TOKENS]
    counts: dict[str, int] = {}
    for t in toks:
        counts[t] = counts.get(t, 0) + 1
    for a, b in zip(toks, toks[1:]):
        k = f"{a} {b}"
        counts[k] = counts.get(k, 0) + 1
    return counts


def rule_features(value: str, score: float) -> dict[str, float]:
    """The rules' final label (one-hot) and its score."""
    return {f"rules:{value}": 1.0, "rules:score": float(score)}


@dataclass
class StanceReviser:
    """Linear model: p(stance | rules' label and score, opening n-grams). Plain numbers, no pickle."""

    C: float = 1.0
    min_df: int = 2
    idf_: dict[str, float] = field(default_factory=dict)
    weights_: dict[str, tuple[float, float, float]] = field(default_factory=dict)  # n-gram -> per class
    rule_weights_: dict[str, tuple[float, float, float]] = field(default_factory=dict)
    intercept_: tuple[float, float, float] = (0.0, 0.0, 0.0)
    trained_on_: int = 0  # distinct labelled comments

    # --- learning ---------------------------------------------------------------------------

    def fit(self, tokens: Sequence[Sequence[str]], rule_values: Sequence[str], rule_scores: Sequence[float],
            labels: Sequence[str]) -> "StanceReviser":
        """Fit on rows of (tokens, the rules' final label, its score, the gold label).

        The same comment may come twice (tagged with the thesis given and extracted): document
        frequencies count distinct openings, so a repeat cannot pass `min_df` on its own.
        """
        import numpy as np
        from scipy.sparse import csr_matrix
        from sklearn.linear_model import LogisticRegression

        bad = sorted({v for v in (*rule_values, *labels) if v not in CLASSES})
        if bad:
            raise ValueError(f"unknown stance labels {bad}; expected {', '.join(CLASSES)}")
        grams = [opening_ngrams(t) for t in tokens]
        distinct: dict[tuple[str, ...], dict[str, int]] = {}
        for t, g in zip(tokens, grams):
            distinct.setdefault(tuple(t[:OPENING_TOKENS]), g)
        df: dict[str, int] = {}
        for g in distinct.values():
            for k in g:
                df[k] = df.get(k, 0) + 1
        n = len(distinct)
        vocab = sorted(k for k, d in df.items() if d >= self.min_df)
        self.idf_ = {k: round(math.log((1 + n) / (1 + df[k])) + 1.0, DECIMALS) for k in vocab}
        rule_names = [*(f"rules:{c}" for c in CLASSES), "rules:score"]
        column = {k: i for i, k in enumerate([*vocab, *rule_names])}
        data, indices, indptr = [], [], [0]
        for g, value, score in zip(grams, rule_values, rule_scores):
            row = dict(zip(*self._vector(g)))
            row.update(rule_features(value, score))
            for k in sorted(row, key=column.__getitem__):
                data.append(row[k])
                indices.append(column[k])
            indptr.append(len(data))
        X = csr_matrix((np.array(data), np.array(indices), np.array(indptr)), shape=(len(grams), len(column)))
        model = LogisticRegression(C=self.C, class_weight="balanced", max_iter=5000)
        model.fit(X, list(labels))
        order = [list(model.classes_).index(c) for c in CLASSES]
        coef = model.coef_[order]
        r = DECIMALS
        self.weights_ = {k: tuple(round(float(coef[j, i]), r) for j in range(3)) for k, i in column.items()
                         if k in self.idf_}
        self.rule_weights_ = {k: tuple(round(float(coef[j, column[k]]), r) for j in range(3)) for k in rule_names}
        self.intercept_ = tuple(round(float(model.intercept_[j]), r) for j in order)
        self.trained_on_ = n
        return self

    # --- prediction -----------------------------------------------------------------------------

    def _vector(self, grams: dict[str, int]) -> tuple[list[str], list[float]]:
        """The known n-grams of `grams` (in its order) and their sublinear tf x idf, L2-normalised."""
        idf = self.idf_
        keys: list[str] = []
        values: list[float] = []
        for k, c in grams.items():
            i = idf.get(k)
            if i is not None:
                keys.append(k)
                # (a count of 1, nearly every n-gram of an opening, has tf 1 + log 1 = 1.0 exactly)
                values.append((1.0 + math.log(c) if c != 1 else 1.0) * i)
        norm = math.sqrt(sum([v * v for v in values]))
        return keys, ([v / norm for v in values] if norm else values)

    def read(self, tokens: Sequence[str], value: str, score: float
             ) -> tuple[tuple[float, float, float], list[tuple[str, float]]]:
        """p(favor, against, none) for one comment, and its weighted n-grams (for `explain_row`)."""
        keys, values = self._vector(opening_ngrams(tokens))
        weights = self.weights_
        z0, z1, z2 = self.intercept_
        for k, x in zip(keys, values):
            w = weights[k]
            z0 += x * w[0]
            z1 += x * w[1]
            z2 += x * w[2]
        rules = self.rule_weights_
        for k, v in rule_features(value, score).items():
            w = rules.get(k)
            if w is not None:
                z0 += v * w[0]
                z1 += v * w[1]
                z2 += v * w[2]
        top = max(z0, z1, z2)
        e0, e1, e2 = math.exp(z0 - top), math.exp(z1 - top), math.exp(z2 - top)
        s = e0 + e1 + e2
        return (e0 / s, e1 / s, e2 / s), list(zip(keys, values))

    def proba_one(self, tokens: Sequence[str], value: str, score: float) -> tuple[float, float, float]:
        """p(favor, against, none) for one comment."""
        return self.read(tokens, value, score)[0]

    def predict_proba(self, tokens: Sequence[Sequence[str]], rule_values: Sequence[str],
                      rule_scores: Sequence[float]) -> list[tuple[float, float, float]]:
        return [self.proba_one(t, v, s) for t, v, s in zip(tokens, rule_values, rule_scores)]

    def predict(self, tokens: Sequence[Sequence[str]], rule_values: Sequence[str],
                rule_scores: Sequence[float]) -> list[str]:
        return [CLASSES[best(p)] for p in self.predict_proba(tokens, rule_values, rule_scores)]

    def explain(self, tokens: Sequence[str], toward: str, against: str, limit: int = 3) -> list[tuple[str, float]]:
        """The n-grams that most moved one comment from class `against` toward class `toward`:
        (n-gram, its TF-IDF value x the difference of the two classes' weights), largest first."""
        return self.explain_row(list(zip(*self._vector(opening_ngrams(tokens)))), toward, against, limit)

    def explain_row(self, row: list[tuple[str, float]], toward: str, against: str,
                    limit: int = 3) -> list[tuple[str, float]]:
        """`explain` of the weighted n-grams `read` returned."""
        a, b = CLASSES.index(toward), CLASSES.index(against)
        weights = self.weights_
        parts = []
        for k, v in row:
            w = weights[k]
            x = v * (w[a] - w[b])
            if x > 0:
                parts.append((k, x))
        return heapq.nsmallest(limit, parts, key=lambda p: (-p[1], p[0]))

    # --- persistence (plain JSON) -------------------------------------------------------------------

    def to_dict(self, about: str = "") -> dict:
        return {"format": FORMAT, "about": about, "classes": list(CLASSES), "C": self.C, "min_df": self.min_df,
                "opening_tokens": OPENING_TOKENS, "trained_on": self.trained_on_,
                "intercept": list(self.intercept_), "rules": {k: list(v) for k, v in self.rule_weights_.items()},
                "ngrams": {k: [self.idf_[k], *self.weights_[k]] for k in sorted(self.weights_)}}

    @classmethod
    def from_dict(cls, data: dict, path: str | None = None) -> "StanceReviser":
        """Rebuild a fitted reviser, refusing anything that is not one (one clear ModelError)."""
        try:
            if data.get("format") != FORMAT:
                raise ValueError(f"format {data.get('format')!r}, expected {FORMAT}")
            if tuple(data["classes"]) != CLASSES or data["opening_tokens"] != OPENING_TOKENS:
                raise ValueError("classes or opening length differ from this version's")
            out = cls(C=float(data["C"]), min_df=int(data["min_df"]))
            out.intercept_ = _three(data["intercept"])
            out.rule_weights_ = {str(k): _three(v) for k, v in data["rules"].items()}
            out.idf_, out.weights_ = {}, {}
            for k, v in data["ngrams"].items():
                if not isinstance(v, list) or len(v) != 4:
                    raise ValueError(f"n-gram {k!r} needs [idf, w_favor, w_against, w_none]")
                out.idf_[str(k)] = float(v[0])
                out.weights_[str(k)] = _three(v[1:])
            out.trained_on_ = int(data.get("trained_on", 0))
        except (KeyError, TypeError, ValueError, AttributeError) as e:
            raise ModelError(f"not a stance reviser file: {e}", path=path) from None
        return out

    def save(self, path: str | Path, about: str = "") -> None:
        data = self.to_dict(about)
        ngrams = data.pop("ngrams")
        head = json.dumps(data, indent=1, ensure_ascii=False)[:-2]  # one n-gram a line: the file diffs by n-gram
        lines = ",\n".join(f"  {json.dumps(k, ensure_ascii=False)}: {json.dumps(v)}" for k, v in ngrams.items())
        Path(path).write_text(f'{head},\n "ngrams": {{\n{lines}\n }}\n}}\n', encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> "StanceReviser":
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise ModelError(f"cannot read a stance reviser: {e}", path=str(path)) from None
        if not isinstance(data, dict):
            raise ModelError("not a stance reviser file: not a JSON object", path=str(path))
        return cls.from_dict(data, path=str(path))


def _three(v) -> tuple[float, float, float]:
    if not isinstance(v, (list, tuple)) or len(v) != 3:
        raise ValueError("a weight needs one number per class")
    return (float(v[0]), float(v[1]), float(v[2]))


def best(probs: Sequence[float]) -> int:
    """Index of the likeliest class (ties: the earlier class, so favor, then against, then none)."""
    return max(range(len(probs)), key=lambda j: (probs[j], -j))


@lru_cache(maxsize=1)
def builtin() -> StanceReviser | None:
    """The shipped reviser, or None when its file is absent (the rules alone then decide)."""
    return StanceReviser.load(BUILTIN_PATH) if BUILTIN_PATH.exists() else None
