"""Supervised stance model, metrics, and the tag / train / evaluate commands."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from debate.cli.app import app
from debate.errors import InputError, ModelError
from debate.tag import metrics, supervised

DATA = Path(__file__).parent / "data" / "stance_synthetic.csv"
runner = CliRunner()


@pytest.mark.parametrize("raw, expected", [
    ("FAVOR", "favor"), ("Favour", "favor"), ("pro", "favor"), ("support", "favor"),
    ("AGAINST", "against"), ("con", "against"), ("deny", "against"),
    ("NONE", "none"), ("neutral", "none"), ("comment", "none"),
])
def test_labels_mapped_case_insensitively(raw, expected):
    assert supervised.normalize_label(raw) == expected


def test_unknown_label_names_file_and_line(tmp_path):
    p = tmp_path / "bad.csv"
    p.write_text("text,stance\nhello,FAVOR\nworld,maybe\n", encoding="utf-8")
    with pytest.raises(InputError) as e:
        supervised.read_labels(p, "text", "stance")
    assert "line 3" in str(e.value) and "maybe" in str(e.value)


def test_missing_column_is_reported(tmp_path):
    p = tmp_path / "x.csv"
    p.write_text("body,label\nhi,FAVOR\n", encoding="utf-8")
    with pytest.raises(InputError, match="no column 'text'"):
        supervised.read_labels(p, "text", "label")


def test_metrics_match_hand_computation():
    gold = ["favor", "favor", "against", "none", "against"]
    pred = ["favor", "against", "against", "none", "none"]
    s = metrics.score(gold, pred, ("favor", "against", "none"))
    assert s.accuracy == pytest.approx(3 / 5)
    # favor: P=1, R=.5 -> F1=2/3; against: P=.5, R=.5 -> .5; none: P=.5, R=1 -> 2/3
    assert s.f_avg == pytest.approx((2 / 3 + 0.5) / 2)
    assert s.macro_f1 == pytest.approx((2 / 3 + 0.5 + 2 / 3) / 3)
    assert s.confusion[0] == (1, 1, 0)
    assert metrics.cohen_kappa(gold, gold) == 1.0


def test_model_learns_per_target_and_round_trips_through_skops(tmp_path):
    rows = supervised.read_labels(DATA, "text", "stance", "target")
    model = supervised.StanceModel().fit(rows.texts, rows.labels, rows.targets)
    assert set(model.targets_) == {"remote work", "nuclear power", "school uniforms"}
    pred = model.predict(rows.texts, rows.targets)
    assert metrics.score(rows.labels, pred).accuracy > 0.9  # fits its own training data
    path = tmp_path / "m.skops"
    supervised.save(model, path)
    again = supervised.load(path)
    assert again.predict(rows.texts, rows.targets) == pred


def test_cross_validation_beats_majority():
    rows = supervised.read_labels(DATA, "text", "stance", "target")
    pred = supervised.cross_validate(rows, 5)
    ours = metrics.score(rows.labels, pred)
    base = metrics.score(rows.labels, metrics.majority_baseline(rows.labels))
    assert ours.macro_f1 > base.macro_f1 + 0.2


def test_loading_refuses_foreign_types(tmp_path):
    import skops.io as sio
    from sklearn.linear_model import LogisticRegression

    class Sneaky:  # a type no debate model holds
        pass

    path = tmp_path / "evil.skops"
    sio.dump({"model": Sneaky()}, path)
    with pytest.raises(ModelError, match="refusing to load"):
        supervised.load(path)
    other = tmp_path / "other.skops"
    sio.dump(LogisticRegression(), other)
    with pytest.raises(ModelError):
        supervised.load(other)
    junk = tmp_path / "junk.skops"
    with zipfile.ZipFile(junk, "w") as z:
        z.writestr("nothing.txt", "x")
    with pytest.raises(ModelError):
        supervised.load(junk)


def test_cli_train_evaluate_and_predictions(tmp_path):
    model = tmp_path / "stance.skops"
    r = runner.invoke(app, ["train", str(DATA), "--text-col", "text", "--label-col", "stance",
                            "--target-col", "target", "-o", str(model)])
    assert r.exit_code == 0, r.output
    assert model.exists()
    out = tmp_path / "pred.csv"
    r = runner.invoke(app, ["evaluate", str(model), str(DATA), "--target-col", "target", "--cv", "3",
                            "--predictions", str(out)])
    assert r.exit_code == 0, r.output
    assert "F_avg" in r.output and "macro-F1" in r.output and "confusion" in r.output
    rows = list(csv.DictReader(open(out, encoding="utf-8")))
    assert len(rows) == 90 and {"gold", "predicted"} <= set(rows[0])


def test_cli_evaluate_bad_model_is_one_line_error(tmp_path):
    bad = tmp_path / "x.skops"
    bad.write_text("not a model", encoding="utf-8")
    r = runner.invoke(app, ["evaluate", str(bad), str(DATA)])
    assert r.exit_code == 1
    assert "Traceback" not in r.output


def test_cli_tag_writes_tags_and_explains(tmp_path):
    page = tmp_path / "t.json"
    page.write_text(json.dumps([
        {"id": "1", "parent": None, "author": "ann", "text": "I agree with the article, well said.", "thread": "x"},
        {"id": "2", "parent": "1", "author": "bob", "text": "That's not true at all.", "thread": "x"},
    ]), encoding="utf-8")
    outdir = tmp_path / "out"
    r = runner.invoke(app, ["tag", str(page), "-o", str(outdir), "--explain",
                            "--thesis", "Parks should open later"])
    assert r.exit_code == 0, r.output
    files = list(outdir.glob("*.json"))
    assert len(files) == 1
    data = json.loads(files[0].read_text(encoding="utf-8"))
    assert set(data["tags"]) == {"1", "2"}
    assert data["tags"]["2"]["relation"]["value"] == "disagree"
    assert "decided by" in r.output and "Parks should open later" in r.output


def test_tag_thread_with_trained_model_uses_the_matching_target():
    from debate.model import Article, Comment, Thread
    from debate.tag import tag_thread

    rows = supervised.read_labels(DATA, "text", "stance", "target")
    model = supervised.StanceModel().fit(rows.texts, rows.labels, rows.targets)
    thread = Thread(id="t", article=Article(title="Remote work is here to stay", text=""), comments=(
        Comment(id="1", text="Working from home saved me hours of commuting and I get more done.", speaker="a"),
        Comment(id="2", text="Remote teams drift apart and juniors learn nothing without seniors nearby.",
                speaker="b"),
    ))
    out = tag_thread(thread, thesis="Remote work is good for employees", model=model)
    assert model.target_for(out.thesis) == "remote work"
    assert out.tags["1"].stance.value == "favor"
    assert out.tags["2"].stance.value == "against"
    assert out.tags["1"].stance.decided_by == "model"
    assert out.tags["1"].stance.evidence[0].cue == "model"


def test_none_offset_is_tuned_by_inner_cv_when_rows_allow():
    rows = supervised.read_labels(DATA, "text", "stance", "target")
    model = supervised.StanceModel(tune_none=True, tune_min_rows=25).fit(rows.texts, rows.labels, rows.targets)
    assert model.none_bias_ in supervised.BIAS_GRID
    assert set(model.targets_) == {"remote work", "nuclear power", "school uniforms"}
    untuned = supervised.StanceModel(tune_none=True).fit(rows.texts, rows.labels, rows.targets)  # 90 < 150 rows
    assert untuned.none_bias_ == 0.0
    assert supervised.StanceModel().fit(rows.texts, rows.labels, rows.targets).none_bias_ == 0.0


def test_tab_separated_windows_1252_file_reads(tmp_path):
    # The layout of SemEval-2016 Task 6 files (ID, Target, Tweet, Stance; tab-separated, Windows-1252).
    p = tmp_path / "train.txt"
    p.write_bytes("ID\tTarget\tTweet\tStance\n1\tSchool uniforms\tUniforms are great – no more fights\tFAVOR\n"
                  "2\tSchool uniforms\tScrap them\tAGAINST\n".encode("cp1252"))
    rows = supervised.read_labels(p, "Tweet", "Stance", "Target")
    assert rows.labels == ["favor", "against"]
    assert rows.texts[0] == "Uniforms are great – no more fights"
    assert rows.targets == ["School uniforms", "School uniforms"]
