"""SemEval-2016 Task 6 subtask A, run only where a copy of the task's files sits in /work/semeval/
(the dataset may not be redistributed, so it is not in this repository). See docs/tagging.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from debate.tag import metrics, supervised

ROOT = Path("/work/semeval")
TRAIN = ROOT / "trainingdata-all-annotations.txt"
TEST = ROOT / "testdata-taskA-all-annotations.txt"
#: F_avg on test set A measured once the current settings were chosen by CV (docs/tagging.md), less a
#: margin for solver and library differences. The row weights chosen by CV lowered it from 69.64: it is now
#: below the organisers' SVM baseline (68.98) and above the majority label per target (65.22).
REACHED = 68.46
TOLERANCE = 0.5
MAJORITY = 65.22
#: The saved SemEval model measured 3.63 MB (hashed n-gram ids, idf and float32 weights, deflated); the
#: bound leaves room for library differences and stays far below the 130 MB of vocabulary-based files.
MAX_MODEL_BYTES = 5_000_000

pytestmark = pytest.mark.skipif(not (TRAIN.exists() and TEST.exists()),
                                reason="SemEval-2016 Task 6 files not present in /work/semeval")


def test_semeval_files_are_the_published_split():
    train = supervised.read_labels(TRAIN, "Tweet", "Stance", "Target")
    test = supervised.read_labels(TEST, "Tweet", "Stance", "Target")
    assert (len(train.texts), len(test.texts)) == (2814, 1249)
    assert len(set(train.targets)) == len(set(test.targets)) == 5
    # The task paper's majority-class baseline on test set A is 65.22 (majority label of each target).
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from semeval_benchmark import majority_per_target

    s = metrics.score(test.labels, majority_per_target(train, test), supervised.STANCES)
    assert round(100 * s.f_avg, 2) == 65.22


def test_semeval_test_set_a_f_avg_holds_the_measured_figure_and_beats_the_majority_label(tmp_path):
    train = supervised.read_labels(TRAIN, "Tweet", "Stance", "Target")
    test = supervised.read_labels(TEST, "Tweet", "Stance", "Target")
    fitted = supervised.StanceModel().fit(train.texts, train.labels, train.targets)
    assert fitted.markers_ == ("#semst",)
    path = tmp_path / "semeval.skops"
    supervised.save(fitted, path)
    assert path.stat().st_size <= MAX_MODEL_BYTES
    model = supervised.load(path)  # scored as a user gets it back from the file
    s = metrics.score(test.labels, model.predict(test.texts, test.targets), supervised.STANCES)
    assert 100 * s.f_avg >= REACHED - TOLERANCE
    assert 100 * s.f_avg > MAJORITY + 3
