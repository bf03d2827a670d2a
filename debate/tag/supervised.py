"""Supervised stance: word and character n-gram TF-IDF with a linear SVM, one model per target.

The set-up follows the strong baseline of SemEval-2016 Task 6 (Mohammad et al.
2016: an SVM on word 1-3-grams and character 2-5-grams, trained per target,
beat every participating team): sublinear tf, balanced class weights, and a
model per target when the data names targets, plus one model on all rows for
targets it has not seen. Models are saved with skops, never pickle; loading
accepts only the types listed in `TRUSTED_TYPES` and refuses anything else.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, ModelError, UsageError
from ..model import Thesis

STANCES = ("favor", "against", "none")
#: Label spellings seen in stance corpora, mapped case-insensitively (SemEval FAVOR/AGAINST/NONE,
#: pro/con debates, RumourEval support/deny/query/comment, UKP argument "Argument_for/against").
LABEL_ALIASES: dict[str, str] = {
    **{k: "favor" for k in ("favor", "favour", "for", "pro", "support", "supports", "supporting", "agree",
                            "in favor", "in favour", "argument_for", "yes", "positive", "fav", "1", "+1")},
    **{k: "against" for k in ("against", "con", "contra", "deny", "denies", "oppose", "opposes",
                              "opposing", "disagree", "argument_against", "anti", "negative", "no", "-1")},
    **{k: "none" for k in ("none", "neutral", "neither", "no stance", "nostance", "query", "comment",
                           "unrelated", "discuss", "other", "na", "n/a", "0", "noargument", "no_argument")},
}
#: Hyper-parameters of the SemEval-2016 SVM baseline family (C=1 is sklearn's default; tuned by --cv).
WORD_NGRAMS = (1, 3)
CHAR_NGRAMS = (2, 5)
DEFAULT_C = 0.5
#: A target needs this many rows (and two classes) for its own model; else the global model serves it.
MIN_TARGET_ROWS = 10
_GLOBAL = "*"
#: Per-target tuning of C (inner CV on F_avg) from this many rows; grid around LinearSVC's default.
TUNE_MIN_ROWS = 150
TUNE_FOLDS = 5
C_GRID = (0.1, 0.3, 1.0)
#: Types a saved StanceModel consists of beyond what skops trusts by default.
TRUSTED_TYPES = (
    "debate.tag.supervised.StanceModel",
    "builtins.dict", "builtins.list", "builtins.tuple", "builtins.str",
    "numpy.dtype", "numpy.ndarray", "numpy.float64", "numpy.int64", "numpy.str_",
    "sklearn.feature_extraction.text.TfidfVectorizer",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.pipeline.FeatureUnion",
    "sklearn.pipeline.Pipeline",
    "sklearn.svm._classes.LinearSVC",
    "scipy.sparse._csr.csr_matrix",
    "scipy.sparse._csr.csr_array",
)
_TOKEN = r"(?u)[#@]?\b\w[\w'’]*\b|[!?]"


def normalize_label(raw: str, *, path: str | None = None, where: str | None = None) -> str:
    """favor / against / none for any spelling in LABEL_ALIASES, else an InputError."""
    key = " ".join(str(raw).strip().lower().replace("-", "_").split())
    key = LABEL_ALIASES.get(key) or LABEL_ALIASES.get(key.replace("_", " "))
    if key is None:
        raise InputError(f"unknown stance label {raw!r}: expected favor/against/none (or pro/con, "
                         "support/deny, FAVOR/AGAINST/NONE ...)", path=path, where=where)
    return key


class StanceModel:
    """Per-target TF-IDF + LinearSVC stance classifier with the scikit-learn fit/predict API."""

    def __init__(self, C: float = DEFAULT_C, word_ngrams: tuple[int, int] = WORD_NGRAMS,
                 char_ngrams: tuple[int, int] = CHAR_NGRAMS, per_target: bool = True,
                 min_target_rows: int = MIN_TARGET_ROWS, tune_min_rows: int = TUNE_MIN_ROWS):
        self.C = C
        self.tune_min_rows = tune_min_rows
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.per_target = per_target
        self.min_target_rows = min_target_rows

    def get_params(self, deep: bool = False) -> dict:
        return {"C": self.C, "word_ngrams": self.word_ngrams, "char_ngrams": self.char_ngrams,
                "per_target": self.per_target, "min_target_rows": self.min_target_rows,
                "tune_min_rows": self.tune_min_rows}

    def _pipeline(self, C: float | None = None):
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.pipeline import FeatureUnion, Pipeline
        from sklearn.svm import LinearSVC

        features = FeatureUnion([
            ("word", TfidfVectorizer(ngram_range=tuple(self.word_ngrams), sublinear_tf=True, lowercase=True,
                                     token_pattern=_TOKEN, min_df=1)),
            ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=tuple(self.char_ngrams), sublinear_tf=True,
                                     lowercase=True, min_df=1)),
        ])
        return Pipeline([("features", features),
                         ("svm", LinearSVC(C=C or self.C, class_weight="balanced", random_state=0, max_iter=5000))])

    def fit(self, texts: Sequence[str], labels: Sequence[str], targets: Sequence[str] | None = None):
        labels = [normalize_label(y) for y in labels]
        if len(set(labels)) < 2:
            raise UsageError("training needs at least two different stance labels")
        texts = list(texts)
        chosen = {_GLOBAL: self._tuned_C(texts, labels)}
        models = {_GLOBAL: self._pipeline(chosen[_GLOBAL]).fit(texts, labels)}
        if targets is not None and self.per_target:
            groups: dict[str, list[int]] = {}
            for i, t in enumerate(targets):
                groups.setdefault(_key(t), []).append(i)
            for t in sorted(groups):
                idx = groups[t]
                xs, ys = [texts[i] for i in idx], [labels[i] for i in idx]
                if len(idx) >= self.min_target_rows and len(set(ys)) >= 2:
                    chosen[t] = self._tuned_C(xs, ys)
                    models[t] = self._pipeline(chosen[t]).fit(xs, ys)
        self.models_ = models
        self.C_ = chosen
        self.targets_ = sorted(k for k in models if k != _GLOBAL)
        return self

    def _tuned_C(self, texts: list[str], labels: list[str]) -> float:
        """C picked by inner stratified CV on F_avg when there are enough rows; else the default.

        SemEval-2016 Task 6 has a few hundred tweets per target: enough to choose
        the regularisation per target, which the task's SVM baseline fixed.
        """
        from sklearn.model_selection import StratifiedKFold, cross_val_predict

        counts = {y: labels.count(y) for y in set(labels)}
        if len(texts) < self.tune_min_rows or min(counts.values()) < TUNE_FOLDS:
            return self.C
        from .metrics import score

        best = (-1.0, self.C)
        folds = StratifiedKFold(n_splits=TUNE_FOLDS, shuffle=True, random_state=0)
        for c in C_GRID:
            pred = cross_val_predict(self._pipeline(c), texts, labels, cv=folds)
            s = score(labels, list(pred), STANCES)
            key = s.f_avg if s.f_avg is not None else s.macro_f1
            if key > best[0] + 1e-9:
                best = (key, c)
        return best[1]

    def _check(self) -> None:
        if not hasattr(self, "models_"):
            raise ModelError("the stance model is not fitted: train it with `debate train` first")

    def _model_for(self, target: str | None):
        if target is None:
            return self.models_[_GLOBAL]
        return self.models_.get(_key(target), self.models_[_GLOBAL])

    def decision(self, texts: Sequence[str], targets: Sequence[str | None] | None = None) -> list[list[float]]:
        """Per row, SVM margins for (favor, against, none); absent classes get -inf-like margins."""
        self._check()
        rows: list[list[float] | None] = [None] * len(texts)
        groups: dict[str | None, list[int]] = {}
        for i in range(len(texts)):
            groups.setdefault(None if targets is None else targets[i], []).append(i)
        for t, idx in sorted(groups.items(), key=lambda kv: (kv[0] is None, kv[0] or "")):
            model = self._model_for(t)
            classes = list(model.classes_)
            scores = model.decision_function([texts[i] for i in idx])
            for j, i in enumerate(idx):
                s = scores[j]
                if len(classes) == 2:  # binary: one margin for classes_[1]
                    by = {classes[1]: float(s), classes[0]: -float(s)}
                else:
                    by = {c: float(v) for c, v in zip(classes, s)}
                rows[i] = [by.get(c, -10.0) for c in STANCES]
        return rows  # type: ignore[return-value]

    def predict(self, texts: Sequence[str], targets: Sequence[str | None] | None = None) -> list[str]:
        return [STANCES[max(range(3), key=lambda k: (r[k], -k))] for r in self.decision(texts, targets)]

    def predict_proba(self, texts: Sequence[str], targets: Sequence[str | None] | None = None) -> list[list[float]]:
        """Softmax of the SVM margins: a confidence for the joint step, not a calibrated probability."""
        out = []
        for r in self.decision(texts, targets):
            top = max(r)
            e = [math.exp(2.0 * (v - top)) for v in r]
            z = sum(e)
            out.append([x / z for x in e])
        return out

    def predict_proba_for(self, texts: Sequence[str], thesis: Thesis) -> list[list[float]]:
        """Probabilities for comments under a thesis: the per-target model whose target the thesis names."""
        target = self.target_for(thesis)
        return self.predict_proba(texts, [target] * len(texts))

    def target_for(self, thesis: Thesis) -> str | None:
        self._check()
        text = " ".join([thesis.text, *thesis.targets]).lower()
        hits = [t for t in self.targets_ if t in text]
        return max(hits, key=len) if hits else None


def _key(target: str) -> str:
    return " ".join(str(target).lower().split())


# --- files -------------------------------------------------------------------------------


@dataclass(frozen=True)
class LabelledRows:
    texts: list[str]
    labels: list[str]
    targets: list[str] | None
    raw_labels: list[str]


def read_labels(path: Path, text_col: str, label_col: str, target_col: str | None = None) -> LabelledRows:
    """Rows of a CSV/TSV file with text, stance label and optional target columns."""
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror}", path=str(path)) from None
    try:
        data = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        data = raw.decode("cp1252", errors="replace")  # SemEval-2016 files are Windows-1252
    first = data.split("\n", 1)[0]
    delim = "\t" if first.count("\t") > first.count(",") else ","
    reader = csv.DictReader(io.StringIO(data, newline=""), delimiter=delim)
    cols = reader.fieldnames or []
    for col in [text_col, label_col] + ([target_col] if target_col else []):
        if col not in cols:
            raise InputError(f"no column {col!r}; the header has: {', '.join(cols) or '(nothing)'}",
                             path=str(path), where="line 1")
    texts, labels, targets, raws = [], [], [], []
    for n, row in enumerate(reader, start=2):
        text = row.get(text_col)
        if text is None or row.get(label_col) is None:
            raise InputError("row has fewer fields than the header", path=str(path), where=f"line {n}")
        raws.append(row[label_col])
        labels.append(normalize_label(row[label_col], path=str(path), where=f"line {n}"))
        texts.append(text)
        if target_col:
            targets.append(row[target_col] or "")
    if not texts:
        raise InputError("no labelled rows", path=str(path))
    return LabelledRows(texts, labels, targets if target_col else None, raws)


def save(model: StanceModel, path: Path) -> None:
    """Write the model with skops (no pickle)."""
    import skops.io as sio

    model._check()
    path.parent.mkdir(parents=True, exist_ok=True)
    sio.dump(model, path)


def load(path: Path) -> StanceModel:
    """Read a model saved by `save`, refusing files that contain any type we did not put there."""
    import skops.io as sio

    if not path.exists():
        raise ModelError("no such model file", path=str(path))
    try:
        untrusted = sio.get_untrusted_types(file=path)
    except Exception as e:  # not a skops archive at all
        raise ModelError(f"not a skops model file ({type(e).__name__}: {e})", path=str(path)) from None
    unexpected = sorted(set(untrusted) - set(TRUSTED_TYPES))
    if unexpected:
        raise ModelError("refusing to load: the file contains types a debate stance model never holds: "
                         + ", ".join(unexpected), path=str(path))
    try:
        model = sio.load(path, trusted=list(untrusted))
    except Exception as e:
        raise ModelError(f"cannot load the model ({type(e).__name__}: {e})", path=str(path)) from None
    if not isinstance(model, StanceModel):
        raise ModelError(f"the file holds a {type(model).__name__}, not a debate stance model", path=str(path))
    model._check()
    return model


def cross_validate(rows: LabelledRows, k: int, model: StanceModel | None = None) -> list[str]:
    """Out-of-fold predictions for every row (stratified K folds, fixed seed)."""
    from sklearn.model_selection import StratifiedKFold

    if k < 2:
        raise UsageError("--cv needs at least 2 folds", where="--cv")
    counts = {y: rows.labels.count(y) for y in set(rows.labels)}
    if min(counts.values()) < k:
        raise UsageError(f"--cv {k}: the rarest label has only {min(counts.values())} rows", where="--cv")
    params = (model or StanceModel()).get_params()
    strata = [f"{rows.targets[i] if rows.targets else ''}|{y}" for i, y in enumerate(rows.labels)]
    if min(strata.count(s) for s in set(strata)) < k:
        strata = rows.labels
    pred: list[str | None] = [None] * len(rows.texts)
    folds = StratifiedKFold(n_splits=k, shuffle=True, random_state=0)
    for train, test in folds.split(rows.texts, strata):
        m = StanceModel(**params).fit([rows.texts[i] for i in train], [rows.labels[i] for i in train],
                                      [rows.targets[i] for i in train] if rows.targets else None)
        out = m.predict([rows.texts[i] for i in test], [rows.targets[i] for i in test] if rows.targets else None)
        for i, y in zip(test, out):
            pred[i] = y
    return pred  # type: ignore[return-value]




def write_predictions(path: Path, rows: LabelledRows, predicted: Sequence[str]) -> None:
    """One CSV row per input row: its index, target, text, gold and predicted label."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["row", "target", "text", "gold", "predicted", "correct"])
        for i, (g, p) in enumerate(zip(rows.labels, predicted), start=1):
            w.writerow([i, rows.targets[i - 1] if rows.targets else "", rows.texts[i - 1], g, p, int(g == p)])
