"""Hashed word and character n-gram TF-IDF for the supervised stance model.

A vocabulary of n-gram strings made saved models 130 MB (skops writes it as JSON); hashing the
n-grams (sklearn's HashingVectorizer) needs no vocabulary, so a model stores only the hashed ids it
saw in training, their idf and its weights. The weighting is TfidfVectorizer's (sublinear tf,
smooth idf, L2 norm per analyzer over the n-grams seen in training, as with a vocabulary).
"""

from __future__ import annotations

from collections.abc import Sequence

#: Token pattern of the word analyzer: words with inner apostrophes, #hashtags, @mentions, and ! ? as tokens.
WORD_TOKEN = r"(?u)[#@]?\b\w[\w'’]*\b|[!?]"


def hashed_counts(docs: Sequence[str], word_ngrams: tuple[int, int], char_ngrams: tuple[int, int], bits: int):
    """Raw n-gram counts, one row per text: word n-grams hash into [0, 2**bits), character n-grams
    (within word boundaries) into [2**bits, 2**(bits+1)). Sorted indices, no duplicates."""
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import HashingVectorizer

    common = {"n_features": 2 ** bits, "alternate_sign": False, "norm": None, "lowercase": True,
              "dtype": float}
    word = HashingVectorizer(ngram_range=tuple(word_ngrams), token_pattern=WORD_TOKEN, **common)
    char = HashingVectorizer(analyzer="char_wb", ngram_range=tuple(char_ngrams), **common)
    X = hstack([word.transform(docs), char.transform(docs)], format="csr")
    X.sum_duplicates()
    X.sort_indices()
    return X


def smooth_idf(df, n_docs: int):
    """sklearn's smooth idf, ln((1 + n) / (1 + df)) + 1, as if one extra document held every n-gram."""
    import numpy as np

    return np.log((1.0 + n_docs) / (1.0 + np.asarray(df, dtype=float))) + 1.0


def fit_columns(counts):
    """The hashed ids that occur in training (sorted, int32) and their document frequencies."""
    import numpy as np

    columns, df = np.unique(counts.indices, return_counts=True)
    return columns.astype(np.int32), df


def weigh(counts, columns, idf, bits: int):
    """TF-IDF rows over `columns` (a text x len(columns) CSR matrix), as TfidfVectorizer computes them.

    tf is 1 + ln(count); n-grams outside `columns` are dropped first (a vocabulary never sees them),
    then each analyzer's half is L2-normalised on its own.
    """
    import numpy as np
    from scipy.sparse import csr_matrix

    n = counts.shape[0]
    ind = counts.indices
    rows = np.repeat(np.arange(n), np.diff(counts.indptr))
    if len(columns):
        pos = np.minimum(np.searchsorted(columns, ind), len(columns) - 1)
        hit = columns[pos] == ind
    else:
        pos, hit = np.zeros(len(ind), dtype=np.int64), np.zeros(len(ind), dtype=bool)
    pos, rows, ind = pos[hit], rows[hit], ind[hit]
    data = (1.0 + np.log(counts.data[hit])) * np.asarray(idf, dtype=float)[pos]
    cell = 2 * rows + (ind >= 2 ** bits)
    norms = np.sqrt(np.bincount(cell, weights=data * data, minlength=2 * n))[cell]
    data = data / np.where(norms > 0, norms, 1.0)
    indptr = np.concatenate([[0], np.cumsum(np.bincount(rows, minlength=n))])
    return csr_matrix((data, pos, indptr), shape=(n, len(columns)))
