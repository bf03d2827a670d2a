"""Row weights of the supervised stance model: balance over all rows and within each target."""

from __future__ import annotations

import numpy as np
import pytest

from debate.tag import supervised


def test_one_target_gets_sklearns_balanced_weights_to_the_power():
    from sklearn.utils.class_weight import compute_class_weight

    labels = ["against"] * 6 + ["favor"] * 3 + ["none"]
    classes = np.array(sorted(set(labels)))
    balanced = dict(zip(classes, compute_class_weight("balanced", classes=classes, y=np.array(labels))))
    w = supervised.row_weights(labels, ["t"] * len(labels), power=1.5)
    assert np.allclose(w, [balanced[y] ** 1.5 for y in labels])


def test_a_class_rare_for_one_target_weighs_more_there_than_where_it_is_common():
    # "against" is 1 of 5 rows for target a and 4 of 5 for target b: overall it is balanced, so only the
    # within-target part tells the rows apart.
    labels = ["against", "favor", "favor", "favor", "favor", "against", "against", "against", "against", "favor"]
    keys = ["a"] * 5 + ["b"] * 5
    w = supervised.row_weights(labels, keys, power=2.0)
    assert w[0] == pytest.approx(2.5)  # overall 1 x within a: 5 / (2 * 1)
    assert w[5] == pytest.approx(5 / 8)  # overall 1 x within b: 5 / (2 * 4)
    assert w[9] == w[0] and w[1] == w[5]  # favor is the rare class of b, as against is of a


def test_a_target_with_one_class_weighs_its_rows_by_the_overall_balance_only():
    labels = ["against", "against", "favor", "against"]
    w = supervised.row_weights(labels, ["a", "a", "b", "b"], power=2.0)
    # target a holds one class: within-target weight 1; overall against 4 / (2 * 3), favor 4 / (2 * 1)
    assert w[0] == pytest.approx(4 / 6) and w[2] == pytest.approx(2 * 1.0)


def test_power_zero_trains_the_same_model_as_no_weights():
    from sklearn.svm import LinearSVC

    texts = ["great idea, support it", "terrible idea, stop it", "no idea what this is", "love it, yes",
             "hate it, no", "what time is the meeting"] * 3
    labels = ["favor", "against", "none", "favor", "against", "none"] * 3
    model = supervised.StanceModel(balance_power=0.0).fit(texts, labels)
    X = model._tfidf([supervised.prepare(t, model.markers_) for t in texts])
    plain = LinearSVC(C=model.C, random_state=0, max_iter=5000).fit(X, labels)
    assert np.allclose(model.coef_, plain.coef_, atol=1e-5)
