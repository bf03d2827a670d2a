"""Supervised stance: word and character n-gram TF-IDF with one linear SVM, shared and per-target blocks.

The set-up starts from the strong baseline of SemEval-2016 Task 6 (Mohammad et
al. 2016: an SVM on word 1-3-grams and character 2-5-grams, trained per target,
beat every participating team) and adds what 5-fold CV on that task's training
data rewarded: one SVM over a shared and a per-target copy of the features,
hashtags split into words, corpus-wide hashtags dropped, row weights above
balance (docs/tagging.md has the figures). The n-grams are hashed, so a saved
model holds no vocabulary: hashed ids seen in training, their idf and the
non-zero weights, as numpy arrays (about 4 MB on SemEval-2016). Models are saved
with skops, never pickle; loading reads the file's schema first and refuses any
type outside `MODEL_TYPES`.
"""

from __future__ import annotations

import csv
import io
import math
import re
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
#: Hyper-parameters of the SemEval-2016 SVM baseline family (word 1-3-grams, char 2-5-grams). C=0.5 was
#: the best of (0.2, 0.5, 1.0) in 5-fold CV on the SemEval-2016 Task 6 training set (docs/tagging.md).
WORD_NGRAMS = (1, 3)
CHAR_NGRAMS = (2, 5)
DEFAULT_C = 0.5
#: A target needs this many rows (and two classes) for its own feature block; else only the shared block serves it.
MIN_TARGET_ROWS = 10
#: Scale of the shared block against the per-target blocks: below 1 the SVM leans on what is said about
#: each target and borrows from the others only where that pays (0.3 beat 0.2, 0.5, 0.7, 1 and 2 in 5-fold CV
#: on SemEval-2016 Task 6 training data; docs/tagging.md).
SHARED_WEIGHT = 0.3
_GLOBAL = "*"
#: Each training row is weighted by its class's rarity, overall and within its own target: the geometric
#: mean of sklearn's "balanced" weight n / (classes * n_class) over all rows and the same over the rows of the
#: row's target, raised to this power. Above 1 the rarer favor/none classes count more than balance alone
#: gives them, which F_avg rewards through favor recall; the per-target part lifts a class rare for one
#: target only (SemEval's climate "against", 15 of 395 rows). The weights are per row, so they hold on both
#: sides of each one-vs-rest problem (sklearn's class_weight weighs only the positive side). 5-fold CV F_avg
#: on SemEval-2016 Task 6 training data, mean of seeds 0-4 (docs/tagging.md): class_weight balanced^1.5
#: 70.57; row weights, overall balance only ^1.5 71.02; overall x target ^1 70.91, ^1.5 71.35, ^2 70.48;
#: target balance only ^1 71.15. Seeds 5-9 (fresh, after the choice): class_weight 70.33, overall only 70.86,
#: overall x target ^1.5 71.13, target only ^1 70.76. Test set A, scored once afterwards, fell from 69.64 to 68.46.
BALANCE_POWER = 1.5
#: With tune_none, the offset added to the "none" margin is chosen by inner CV from this many rows on; the
#: grid spans +-0.5 (LinearSVC margins live around +-1). F_avg counts NONE only through favor/against
#: precision and recall, so an offset can pay; on SemEval-2016 it did not (0 won, +-0.1 lost 0.2-0.3
#: points in 5-fold CV) and it costs five extra fits, so it is off by default.
TUNE_MIN_ROWS = 150
TUNE_FOLDS = 5
BIAS_GRID = tuple(round(-0.5 + 0.05 * i, 2) for i in range(21))
#: A hashtag on more than this share of the training rows marks the corpus, not the stance (SemEval's
#: "#SemST" is on every tweet); such markers are dropped before features are built.
MARKER_SHARE = 0.5
MARKER_MIN_ROWS = 20
#: n-grams hash into 2**HASH_BITS ids per analyzer (word, char). Only ids seen in training are stored, so
#: the file size hardly depends on it (3.6-3.8 MB on SemEval-2016 from 2**18 to 2**24). 5-fold CV F_avg on
#: SemEval-2016 Task 6 training data: 18 -> 70.73, 19 -> 71.00, 20 -> 70.66, 21 -> 70.52, 22 -> 70.52,
#: 24 -> 70.38 (a vocabulary: 70.58); the differences are within fold noise, 19 is the best and the middle.
HASH_BITS = 19
#: Model layout written by `fit`: hashed n-grams, plain numpy arrays. Format 1 (per-target pipelines) and
#: format 2 (vocabulary TF-IDF + LinearSVC objects) are refused with a message to retrain.
FORMAT = 3
#: Every type a format-3 file may hold (read from its schema before anything is loaded): the model, plain
#: containers and scalars, numpy arrays. Nothing callable, no sklearn or scipy object.
MODEL_TYPES = frozenset({
    "debate.tag.supervised.StanceModel", "numpy.ndarray", "builtins.dict", "builtins.list", "builtins.tuple",
    "builtins.str", "builtins.int", "builtins.float", "builtins.bool", "builtins.NoneType",
})
#: Of those, the ones skops does not trust by default and must be told to.
TRUSTED_TYPES = ("debate.tag.supervised.StanceModel",)
#: Types only models written by earlier versions hold (format 1: per-target pipelines; format 2: vocabulary
#: TF-IDF and a LinearSVC with sparse weights).
LEGACY_TYPES = frozenset({
    "sklearn.feature_extraction.text.TfidfVectorizer", "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.pipeline.FeatureUnion", "sklearn.pipeline.Pipeline", "sklearn.svm._classes.LinearSVC",
})
#: Weights and idf are stored as float32: half of float64, and all 2,814 out-of-fold predictions of 5-fold CV
#: on SemEval-2016 Task 6 training data are the same as with float64.
STORE_DTYPE = "float32"
#: zlib level for the saved file: 9 is a few tenths of a second slower to write than 6 and a little smaller.
SAVE_COMPRESSLEVEL = 9
#: Splits a CamelCase or digit-joined hashtag into words: #LoveWins -> love wins, #Bernie2016 -> bernie 2016.
_HASHTAG_PART = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")
_HASHTAG = re.compile(r"#(\w+)")


def normalize_label(raw: str, *, path: str | None = None, where: str | None = None) -> str:
    """favor / against / none for any spelling in LABEL_ALIASES, else an InputError."""
    key = " ".join(str(raw).strip().lower().replace("-", "_").split())
    key = LABEL_ALIASES.get(key) or LABEL_ALIASES.get(key.replace("_", " "))
    if key is None:
        raise InputError(f"unknown stance label {raw!r}: expected favor/against/none (or pro/con, "
                         "support/deny, FAVOR/AGAINST/NONE ...)", path=path, where=where)
    return key


def prepare(text: str, markers: Sequence[str] = ()) -> str:
    """Text as the features see it: corpus markers dropped, each hashtag followed by its words
    (#LoveWins -> "#LoveWins Love Wins"), so a tag and the same words in plain text share features.

    Pure function, so a saved model needs no callable.
    """
    for m in markers:
        text = re.sub(re.escape(m) + r"\b", " ", text, flags=re.IGNORECASE)
    return _HASHTAG.sub(lambda h: h.group(0) + " " + " ".join(_HASHTAG_PART.findall(h.group(1))), text)


def row_weights(labels: Sequence[str], keys: Sequence[str], power: float = BALANCE_POWER):
    """Per training row: (overall balanced weight of its class x balanced weight of its class among its
    target's rows) ** (power / 2); with one target (or none) that is the balanced weight ** power."""
    import numpy as np

    overall: dict[str, int] = {}
    within: dict[tuple[str, str], int] = {}
    for y, k in zip(labels, keys):
        overall[y] = overall.get(y, 0) + 1
        within[(k, y)] = within.get((k, y), 0) + 1
    rows: dict[str, int] = {}
    classes: dict[str, int] = {}
    for (k, _), n in within.items():
        rows[k] = rows.get(k, 0) + n
        classes[k] = classes.get(k, 0) + 1
    n = len(labels)
    return np.array([(n / (len(overall) * overall[y]) * rows[k] / (classes[k] * within[(k, y)])) ** (power / 2)
                     for y, k in zip(labels, keys)])


def corpus_markers(texts: Sequence[str]) -> tuple[str, ...]:
    """Hashtags on more than MARKER_SHARE of the rows (from MARKER_MIN_ROWS rows on), sorted."""
    if len(texts) < MARKER_MIN_ROWS:
        return ()
    counts: dict[str, int] = {}
    for t in texts:
        for tag in {h.lower() for h in _HASHTAG.findall(t)}:
            counts[tag] = counts.get(tag, 0) + 1
    return tuple(sorted("#" + t for t, n in counts.items() if n > MARKER_SHARE * len(texts)))


class StanceModel:
    """Word and character n-gram TF-IDF with one class-weighted LinearSVC, shared across targets.

    Each row's features appear twice: in a block every target shares and in its own target's block
    ("frustratingly easy" domain adaptation, Daume 2007). The SVM thus learns what is said for or
    against any target and what is specific to one, in one model; an unseen target uses the shared
    block alone. Optionally (tune_none) a "none" margin offset chosen by inner CV on F_avg sets how
    readily it abstains.
    """

    def __init__(self, C: float = DEFAULT_C, word_ngrams: tuple[int, int] = WORD_NGRAMS,
                 char_ngrams: tuple[int, int] = CHAR_NGRAMS, per_target: bool = True,
                 min_target_rows: int = MIN_TARGET_ROWS, tune_min_rows: int = TUNE_MIN_ROWS,
                 shared_weight: float = SHARED_WEIGHT, tune_none: bool = False,
                 balance_power: float = BALANCE_POWER, hash_bits: int = HASH_BITS):
        self.C = C
        self.hash_bits = hash_bits
        self.balance_power = balance_power
        self.tune_none = tune_none
        self.shared_weight = shared_weight
        self.tune_min_rows = tune_min_rows
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.per_target = per_target
        self.min_target_rows = min_target_rows

    def get_params(self, deep: bool = False) -> dict:
        return {"C": self.C, "word_ngrams": self.word_ngrams, "char_ngrams": self.char_ngrams,
                "per_target": self.per_target, "min_target_rows": self.min_target_rows,
                "tune_min_rows": self.tune_min_rows, "shared_weight": self.shared_weight,
                "tune_none": self.tune_none, "balance_power": self.balance_power,
                "hash_bits": self.hash_bits}

    def _svm(self):
        from sklearn.svm import LinearSVC

        return LinearSVC(C=self.C, random_state=0, max_iter=5000)

    @staticmethod
    def _augment(X, keys: Sequence[str], blocks: Sequence[str], shared: float = 1.0):
        """[shared | block of target 1 | ... ]: a row fills the shared block and its own target's block."""
        import numpy as np
        from scipy.sparse import diags, hstack

        if not blocks:
            return X
        parts = [X * shared]
        for b in blocks:
            parts.append(diags(np.array([1.0 if k == b else 0.0 for k in keys])) @ X)
        return hstack(parts, format="csr")

    def _counts(self, docs: Sequence[str]):
        from .hashed_ngrams import hashed_counts

        return hashed_counts(docs, self.word_ngrams, self.char_ngrams, self.hash_bits)

    def _tfidf(self, docs: Sequence[str]):
        from .hashed_ngrams import weigh

        return weigh(self._counts(docs), self.columns_, self.idf_, self.hash_bits)

    def _fit_core(self, docs: list[str], labels: list[str], keys: list[str], blocks: list[str]) -> None:
        """Learn idf and weights; keep, per target block, only the columns with a non-zero weight (a
        block's weights are zero outside the n-grams of its target's rows), as float32 arrays."""
        import numpy as np

        from .hashed_ngrams import fit_columns, smooth_idf

        self.targets_ = list(blocks)
        counts = self._counts(docs)
        self.columns_, df = fit_columns(counts)
        self.idf_ = smooth_idf(df, len(docs)).astype(STORE_DTYPE)
        X = self._tfidf(docs)
        svm = self._svm().fit(self._augment(X, keys, blocks, self.shared_weight), labels,
                              sample_weight=row_weights(labels, keys, self.balance_power))
        n = X.shape[1]
        coef = svm.coef_
        parts, cols, sizes = [coef[:, :n] * (self.shared_weight if blocks else 1.0)], [], []
        for b in range(len(blocks)):
            w = coef[:, n * (b + 1):n * (b + 2)]
            keep = np.flatnonzero(np.any(w != 0, axis=0)).astype(np.int32)
            parts.append(w[:, keep])
            cols.append(keep)
            sizes.append(int(len(keep)))
        self.coef_ = np.hstack(parts).astype(STORE_DTYPE)
        self.block_columns_ = np.concatenate(cols) if cols else np.zeros(0, dtype=np.int32)
        self.block_sizes_ = sizes
        self.intercept_ = np.asarray(svm.intercept_, dtype=float)
        self.classes_ = [str(c) for c in svm.classes_]

    def _margins(self, docs: Sequence[str], keys: Sequence[str]):
        """Margins per STANCES column: shared weights for every row, plus its target block's."""
        import numpy as np

        X = self._tfidf(docs)
        n = X.shape[1]
        W = np.asarray(self.coef_, dtype=float)
        d = np.asarray(X @ W[:, :n].T) + self.intercept_
        start, at = n, 0
        for b, size in zip(self.targets_, self.block_sizes_):
            idx = [i for i, k in enumerate(keys) if k == b]
            if idx:
                cols = self.block_columns_[at:at + size]
                d[idx] += np.asarray(X[idx][:, cols] @ W[:, start:start + size].T)
            start, at = start + size, at + size
        if len(self.classes_) == 2:  # binary: one margin for classes_[1]
            d = np.hstack([-d, d])
        out = np.full((len(docs), len(STANCES)), -10.0)  # a class never seen gets a far-away margin
        for j, c in enumerate(self.classes_):
            out[:, STANCES.index(c)] = d[:, j]
        return out

    def fit(self, texts: Sequence[str], labels: Sequence[str], targets: Sequence[str] | None = None):
        labels = [normalize_label(y) for y in labels]
        if len(set(labels)) < 2:
            raise UsageError("training needs at least two different stance labels")
        texts = list(texts)
        self.markers_ = corpus_markers(texts)
        docs = [prepare(t, self.markers_) for t in texts]
        keys = [_key(t) for t in targets] if targets is not None else [_GLOBAL] * len(texts)
        blocks = []
        if targets is not None and self.per_target:
            for k in sorted(set(keys)):
                ys = {y for y, kk in zip(labels, keys) if kk == k}
                if keys.count(k) >= self.min_target_rows and len(ys) >= 2:
                    blocks.append(k)
        self.none_bias_ = self._tuned_bias(docs, labels, keys, blocks) if self.tune_none else 0.0
        self._fit_core(docs, labels, keys, blocks)
        self.format_ = FORMAT
        return self

    def _tuned_bias(self, docs, labels, keys, blocks) -> float:
        """The "none" offset with the best out-of-fold F_avg (macro-F1 without favor/against); 0 when
        there are too few rows or no "none" class. Ties go to the offset nearest 0.

        Features are refitted in each fold, so the held-out rows never shape the idf.
        """
        import numpy as np
        from sklearn.model_selection import StratifiedKFold

        from .metrics import score

        counts = {y: labels.count(y) for y in set(labels)}
        if "none" not in counts or len(docs) < self.tune_min_rows or min(counts.values()) < TUNE_FOLDS:
            return 0.0
        margins = np.zeros((len(docs), len(STANCES)))
        strata = [f"{k}|{y}" for k, y in zip(keys, labels)]
        if min(strata.count(s) for s in set(strata)) < TUNE_FOLDS:
            strata = labels
        for tr, te in StratifiedKFold(n_splits=TUNE_FOLDS, shuffle=True, random_state=0).split(docs, strata):
            fold = StanceModel(**self.get_params())
            fold._fit_core([docs[i] for i in tr], [labels[i] for i in tr], [keys[i] for i in tr], blocks)
            margins[te] = fold._margins([docs[i] for i in te], [keys[i] for i in te])
        best = (-1.0, 0.0)
        for b in sorted(BIAS_GRID, key=abs):
            m = margins.copy()
            m[:, STANCES.index("none")] += b
            s = score(labels, [STANCES[i] for i in m.argmax(1)], STANCES)
            key = s.f_avg if s.f_avg is not None else s.macro_f1
            if key > best[0] + 1e-9:
                best = (key, b)
        return best[1]

    def _check(self) -> None:
        if not hasattr(self, "coef_"):
            raise ModelError("the stance model is not fitted: train it with `debate train` first")

    def decision(self, texts: Sequence[str], targets: Sequence[str | None] | None = None) -> list[list[float]]:
        """Per row, SVM margins for (favor, against, none); absent classes get -inf-like margins."""
        self._check()
        keys = [_key(t) if t is not None else _GLOBAL for t in (targets or [None] * len(texts))]
        docs = [prepare(t, self.markers_) for t in texts]
        m = self._margins(docs, keys)
        m[:, STANCES.index("none")] += self.none_bias_
        return [[float(v) for v in row] for row in m]

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


#: Delimiter names accepted by `--delimiter`; "auto" sniffs (see `_delimiter`).
DELIMITERS = {"auto": None, "tab": "\t", "tsv": "\t", "comma": ",", "csv": ",", "semicolon": ";", ";": ";",
              ",": ",", "\t": "\t"}


def decode(raw: bytes, encoding: str = "auto", *, path: str | None = None) -> str:
    """Bytes to text. "auto" takes UTF-8 (BOM allowed), else Windows-1252, the usual encoding of
    older annotation files such as SemEval-2016's; anything else is decoded strictly as named.
    Undecodable bytes are an InputError naming the line, never silently replaced.
    """
    import codecs

    if encoding != "auto":
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise UsageError(f"unknown encoding {encoding!r} (try utf-8, cp1252 or latin-1)",
                             where="--encoding") from None
    tries = ("utf-8-sig", "cp1252") if encoding == "auto" else (encoding,)
    for i, enc in enumerate(tries):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError as e:
            if i + 1 < len(tries):
                continue
            line = raw[:e.start].count(b"\n") + 1
            hint = "; name the file's encoding with --encoding (latin-1 accepts any byte)"
            name = "UTF-8 or Windows-1252" if encoding == "auto" else enc
            raise InputError(f"byte 0x{raw[e.start]:02x} is not valid {name}" + hint, path=path,
                             where=f"line {line}") from None
    raise AssertionError("unreachable")


def _delimiter(path: Path, header: str, delimiter: str) -> str:
    """Tab for .tsv/.tab/.txt files whose header has tabs, comma for .csv, else whichever of tab,
    comma and semicolon the header line holds most of."""
    if delimiter not in DELIMITERS:
        raise UsageError(f"unknown delimiter {delimiter!r}: use auto, tab, comma or semicolon", where="--delimiter")
    if DELIMITERS[delimiter]:
        return DELIMITERS[delimiter]
    suffix = path.suffix.lower()
    if suffix in (".tsv", ".tab") or (suffix == ".txt" and "\t" in header):
        return "\t"
    if suffix == ".csv":
        return ","
    return max(("\t", ",", ";"), key=lambda d: (header.count(d), d == ","))


def read_labels(path: Path, text_col: str, label_col: str, target_col: str | None = None, *,
                encoding: str = "auto", delimiter: str = "auto") -> LabelledRows:
    """Rows of a CSV/TSV file with text, stance label and optional target columns.

    Tab-separated files are read without quote handling (as TSV is defined, and as SemEval's files
    need: a tweet may open with a quotation mark); comma- and semicolon-separated files use CSV quoting.
    """
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror}", path=str(path)) from None
    data = decode(raw, encoding, path=str(path))
    delim = _delimiter(path, data.split("\n", 1)[0], delimiter)
    quoting = csv.QUOTE_NONE if delim == "\t" else csv.QUOTE_MINIMAL
    reader = csv.DictReader(io.StringIO(data, newline=""), delimiter=delim, quoting=quoting)
    cols = reader.fieldnames or []
    for col in [text_col, label_col] + ([target_col] if target_col else []):
        if col not in cols:
            raise InputError(f"no column {col!r}; the header has: {', '.join(cols) or '(nothing)'}",
                             path=str(path), where="line 1")
    texts, labels, targets, raws = [], [], [], []
    for row in reader:
        n = reader.line_num
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
    """Write the model with skops (no pickle), its arrays deflate-compressed."""
    import zipfile

    import skops.io as sio

    model._check()
    path.parent.mkdir(parents=True, exist_ok=True)
    sio.dump(model, path, compression=zipfile.ZIP_DEFLATED, compresslevel=SAVE_COMPRESSLEVEL)


def file_types(path: Path) -> set[str]:
    """Every type named in a skops file's schema ("module.Class"), read without loading anything."""
    import json
    import zipfile

    with zipfile.ZipFile(path) as z:
        stack = [json.loads(z.read("schema.json"))]
    found: set[str] = set()
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if isinstance(node.get("__module__"), str) and isinstance(node.get("__class__"), str):
                found.add(f"{node['__module__']}.{node['__class__']}")
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return found


def load(path: Path) -> StanceModel:
    """Read a model saved by `save`, refusing files that hold any type a stance model never holds."""
    import skops.io as sio

    if not path.exists():
        raise ModelError("no such model file", path=str(path))
    try:
        types = file_types(path)
        untrusted = sio.get_untrusted_types(file=path)
    except Exception as e:  # not a skops archive at all
        raise ModelError(f"not a skops model file ({type(e).__name__}: {e})", path=str(path)) from None
    if types & LEGACY_TYPES:
        raise ModelError("this model was saved by an earlier version of debate (n-gram vocabulary format); "
                         "retrain it with `debate train`", path=str(path))
    unexpected = sorted((types - MODEL_TYPES) | (set(untrusted) - set(TRUSTED_TYPES)))
    if unexpected:
        raise ModelError("refusing to load: the file contains types a debate stance model never holds: "
                         + ", ".join(unexpected), path=str(path))
    try:
        model = sio.load(path, trusted=list(untrusted))
    except Exception as e:
        raise ModelError(f"cannot load the model ({type(e).__name__}: {e})", path=str(path)) from None
    if not isinstance(model, StanceModel):
        raise ModelError(f"the file holds a {type(model).__name__}, not a debate stance model", path=str(path))
    if getattr(model, "format_", None) != FORMAT:
        raise ModelError(f"stance model format {getattr(model, 'format_', None)!r}, this version reads format "
                         f"{FORMAT}; retrain it with `debate train`", path=str(path))
    model._check()
    return model


def cross_validate(rows: LabelledRows, k: int, model: StanceModel | None = None, seed: int = 0) -> list[str]:
    """Out-of-fold predictions for every row (stratified K folds; `seed` fixes the shuffle, so a run repeats)."""
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
    folds = StratifiedKFold(n_splits=k, shuffle=True, random_state=seed)
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
