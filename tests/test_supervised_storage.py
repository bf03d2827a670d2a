"""How the supervised stance model is stored: hashed n-grams, small files, only the types it needs."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from debate.errors import ModelError
from debate.tag import supervised
from debate.tag.hashed_ngrams import WORD_TOKEN, fit_columns, hashed_counts, smooth_idf, weigh

DATA = Path(__file__).parent / "data" / "stance_synthetic.csv"
#: Beyond its arrays a file holds skops's JSON schema (about 13 kB) and zip headers; 32 kB covers both.
FILE_OVERHEAD = 32_000


def _rows():
    return supervised.read_labels(DATA, "text", "stance", "target")


def test_hashed_tfidf_equals_vocabulary_tfidf_on_new_texts():
    """Same values as TfidfVectorizer (sublinear tf, smooth idf, L2 per analyzer), unseen n-grams ignored."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    rows = _rows()
    train, test = rows.texts[:60], rows.texts[60:] + ["zzzz qqqq never seen words"]
    bits = 28  # wide enough that the synthetic set's n-grams do not collide
    counts = hashed_counts(train, (1, 3), (2, 5), bits)
    columns, df = fit_columns(counts)
    X = weigh(hashed_counts(test, (1, 3), (2, 5), bits), columns, smooth_idf(df, len(train)), bits)
    word = TfidfVectorizer(ngram_range=(1, 3), sublinear_tf=True, token_pattern=WORD_TOKEN).fit(train)
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True).fit(train)
    assert len(columns) == len(word.vocabulary_) + len(char.vocabulary_)
    W, C = word.transform(test), char.transform(test)
    for i in range(len(test)):
        expected = np.sort(np.concatenate([W[i].data, C[i].data]))
        assert np.allclose(np.sort(X[i].data), expected)


def test_saved_model_holds_only_numpy_arrays_and_trusts_one_type(tmp_path):
    import skops.io as sio

    rows = _rows()
    path = tmp_path / "m.skops"
    supervised.save(supervised.StanceModel().fit(rows.texts, rows.labels, rows.targets), path)
    types = supervised.file_types(path)
    assert types <= supervised.MODEL_TYPES
    assert not any(t.startswith(("sklearn", "scipy")) for t in types)
    # The trusted list is minimal: skops distrusts exactly what it names, nothing it names goes unused.
    assert set(sio.get_untrusted_types(file=path)) == set(supervised.TRUSTED_TYPES)


def test_loading_refuses_a_model_carrying_an_object_skops_itself_would_trust(tmp_path):
    """skops trusts sklearn estimators by default; a debate model never holds one, so it is refused."""
    import skops.io as sio
    from sklearn.linear_model import LogisticRegression

    rows = _rows()
    model = supervised.StanceModel().fit(rows.texts, rows.labels, rows.targets)
    model.extra_ = LogisticRegression()
    path = tmp_path / "m.skops"
    sio.dump(model, path)
    with pytest.raises(ModelError, match="refusing to load.*LogisticRegression"):
        supervised.load(path)


def test_model_of_unknown_format_asks_to_retrain(tmp_path):
    import skops.io as sio

    rows = _rows()
    model = supervised.StanceModel().fit(rows.texts, rows.labels, rows.targets)
    model.format_ = 99
    path = tmp_path / "m.skops"
    sio.dump(model, path)
    with pytest.raises(ModelError, match="retrain it with `debate train`"):
        supervised.load(path)


def test_saved_model_size_is_bounded_by_its_ngrams_not_their_strings(tmp_path):
    """A model stores per distinct n-gram seen in training a 4-byte id, a 4-byte idf and one float32
    weight per class, plus per target block one 4-byte column and a weight per class where the target's
    rows have that n-gram; no n-gram strings (which made SemEval models 130 MB). The n-grams are
    counted here independently, with sklearn's vocabulary vectorizers."""
    from sklearn.feature_extraction.text import CountVectorizer

    rows = _rows()
    model = supervised.StanceModel().fit(rows.texts, rows.labels, rows.targets)
    path = tmp_path / "m.skops"
    supervised.save(model, path)
    docs = [supervised.prepare(t, model.markers_) for t in rows.texts]

    def distinct(texts):
        word = CountVectorizer(ngram_range=(1, 3), token_pattern=WORD_TOKEN).fit(texts)
        char = CountVectorizer(analyzer="char_wb", ngram_range=(2, 5)).fit(texts)
        return len(word.vocabulary_) + len(char.vocabulary_)

    classes = len(set(rows.labels))
    n_all = distinct(docs)
    n_blocks = sum(distinct([d for d, t in zip(docs, rows.targets) if supervised._key(t) == k])
                   for k in model.targets_)
    bound = n_all * (4 + 4 + 4 * classes) + n_blocks * (4 + 4 * classes) + FILE_OVERHEAD
    size = path.stat().st_size
    assert size <= bound, (size, bound)
    assert size < 200_000  # 90 rows: about 118 kB (SemEval-2016's 2,814 tweets: about 3.6 MB)
