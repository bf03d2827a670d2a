"""Supervised stance on files laid out like SemEval-2016 Task 6: tab-separated, Windows-1252, a corpus
hashtag on every row. The data is our own synthetic set (tests/data/stance_synthetic.csv), rewritten."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from typer.testing import CliRunner

from debate.cli.app import app
from debate.errors import InputError, ModelError, UsageError
from debate.tag import metrics, supervised

DATA = Path(__file__).parent / "data" / "stance_synthetic.csv"
runner = CliRunner()


def write_tsv(path: Path, marker: str = " #DemoTag", encoding: str = "cp1252") -> list[dict]:
    """The synthetic set as ID/Target/Tweet/Stance TSV; one row gets an en dash (0x96 in cp1252)."""
    rows = list(csv.DictReader(open(DATA, encoding="utf-8")))
    lines = ["ID\tTarget\tTweet\tStance"]
    for r in rows:
        text = r["text"] + marker
        if r["id"] == "1":
            text = '"Working from home" – saved me hours' + marker  # opening quote: TSV has no quoting
        lines.append(f"{r['id']}\t{r['target']}\t{text}\t{r['stance']}")
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return rows


def test_tsv_in_windows_1252_reads_verbatim(tmp_path):
    p = tmp_path / "train.txt"
    write_tsv(p)
    rows = supervised.read_labels(p, "Tweet", "Stance", "Target")
    assert len(rows.texts) == 90
    assert rows.texts[0] == '"Working from home" – saved me hours #DemoTag'
    assert rows.labels[0] == "favor" and rows.targets[0] == "Remote work"


def test_undecodable_byte_is_one_line_error_and_encoding_option_reads_it(tmp_path):
    p = tmp_path / "bad.tsv"
    p.write_bytes(b"Tweet\tStance\nfine\tFAVOR\nbroken \x81 byte\tAGAINST\n")  # 0x81: not UTF-8, not cp1252
    with pytest.raises(InputError) as e:
        supervised.read_labels(p, "Tweet", "Stance")
    assert "line 3" in str(e.value) and "0x81" in str(e.value) and "--encoding" in str(e.value)
    rows = supervised.read_labels(p, "Tweet", "Stance", encoding="latin-1")
    assert rows.texts == ["fine", "broken \x81 byte"]
    with pytest.raises(UsageError):
        supervised.read_labels(p, "Tweet", "Stance", encoding="no-such-codec")
    r = runner.invoke(app, ["train", str(p), "--text-col", "Tweet", "--label-col", "Stance",
                            "-o", str(tmp_path / "m.skops")])
    assert r.exit_code == 1 and "Traceback" not in r.output and "0x81" in r.output


def test_delimiter_sniffed_by_extension_and_header(tmp_path):
    semi = tmp_path / "x.data"
    semi.write_text("text;stance\nyes please;pro\nno thanks;con\n", encoding="utf-8")
    assert supervised.read_labels(semi, "text", "stance").labels == ["favor", "against"]
    tsv = tmp_path / "x.tsv"
    tsv.write_text("text\tstance\na, b, c\tpro\n", encoding="utf-8")
    assert supervised.read_labels(tsv, "text", "stance").texts == ["a, b, c"]
    with pytest.raises(UsageError):
        supervised.read_labels(tsv, "text", "stance", delimiter="pipe")


def test_prepare_drops_corpus_markers_and_splits_hashtags():
    texts = [f"row {i} #SemST" for i in range(30)]
    assert supervised.corpus_markers(texts) == ("#semst",)
    assert supervised.corpus_markers(texts[:5]) == ()  # too few rows to call anything a marker
    out = supervised.prepare("So true #LoveWins #Bernie2016 @someone :) #SemST", ("#semst",))
    assert "semst" not in out.lower()
    assert "#LoveWins Love Wins" in out and "#Bernie2016 Bernie 2016" in out
    assert "@someone :)" in out


def test_f_avg_per_target_matches_hand_computation():
    gold = ["favor", "against", "against", "none", "favor", "against"]
    pred = ["favor", "against", "none", "none", "against", "against"]
    groups = ["a", "a", "a", "a", "b", "b"]
    # pooled: favor P=1 R=.5 F1=2/3; against P=2/3 R=2/3 F1=2/3 -> F_avg 2/3
    assert metrics.score(gold, pred, supervised.STANCES).f_avg == pytest.approx(2 / 3)
    table = metrics.per_group(gold, pred, groups, supervised.STANCES).splitlines()
    # a: favor F1 1, against P=1 R=.5 F1=2/3 -> F_avg 83.33; b: favor F1 0, against P=.5 R=1 -> 2/3 -> 33.33
    assert table[1].split()[:3] == ["a", "4", "83.33"]
    assert table[2].split()[:3] == ["b", "2", "33.33"]


def test_cli_trains_and_evaluates_the_tsv_with_per_target_table(tmp_path):
    train = tmp_path / "train.txt"
    write_tsv(train)
    model = tmp_path / "m.skops"
    r = runner.invoke(app, ["train", str(train), "--text-col", "Tweet", "--label-col", "Stance",
                            "--target-col", "Target", "-o", str(model)])
    assert r.exit_code == 0, r.output
    assert "3 target block(s)" in r.output
    preds = tmp_path / "p.csv"
    r = runner.invoke(app, ["evaluate", str(model), str(train), "--text-col", "Tweet", "--label-col", "Stance",
                            "--target-col", "Target", "--predictions", str(preds)])
    assert r.exit_code == 0, r.output
    assert "F_avg" in r.output and "Nuclear power" in r.output and "School uniforms" in r.output
    out = list(csv.DictReader(open(preds, encoding="utf-8")))
    assert len(out) == 90
    assert metrics.score([o["gold"] for o in out], [o["predicted"] for o in out]).accuracy > 0.9


def test_model_generalises_to_held_out_rows_of_known_targets():
    rows = supervised.read_labels(DATA, "text", "stance", "target")
    pred = supervised.cross_validate(rows, 5)
    s = metrics.score(rows.labels, pred, supervised.STANCES)
    base = metrics.score(rows.labels, metrics.majority_baseline(rows.labels), supervised.STANCES)
    assert s.f_avg > base.f_avg + 0.2


def test_unseen_target_falls_back_to_the_shared_block():
    rows = supervised.read_labels(DATA, "text", "stance", "target")
    model = supervised.StanceModel().fit(rows.texts, rows.labels, rows.targets)
    known = model.decision([rows.texts[0]], ["Remote work"])[0]
    unseen = model.decision([rows.texts[0]], ["A brand-new target"])[0]
    assert known[0] > max(known[1:])  # favor, from its target's block
    assert unseen[0] > unseen[1]  # the shared block alone still leans the same way, more weakly
    assert max(unseen) < max(known)


def _old_format_model(fmt: int):
    """A StanceModel as formats 1 (a TF-IDF + LinearSVC pipeline per target in `models_`) and 2 (one
    vocabulary FeatureUnion in `features_`, a sparsified LinearSVC in `svm_`) wrote it."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion, Pipeline
    from sklearn.svm import LinearSVC

    rows = supervised.read_labels(DATA, "text", "stance", "target")
    old = supervised.StanceModel()
    old.targets_ = ["remote work"]
    if fmt == 1:
        pipe = Pipeline([("tfidf", TfidfVectorizer()), ("svm", LinearSVC())]).fit(rows.texts, rows.labels)
        old.models_ = {"*": pipe, "remote work": pipe}
        old.C_ = {"*": 0.5, "remote work": 0.5}
    else:
        old.features_ = FeatureUnion([("word", TfidfVectorizer())])
        old.svm_ = LinearSVC().fit(old.features_.fit_transform(rows.texts), rows.labels).sparsify()
        old.markers_, old.none_bias_, old.format_ = (), 0.0, 2
    return old


@pytest.mark.parametrize("fmt", [1, 2])
def test_models_of_earlier_formats_fail_with_one_line_asking_to_retrain(tmp_path, fmt):
    import skops.io as sio

    path = tmp_path / "old.skops"
    sio.dump(_old_format_model(fmt), path)
    with pytest.raises(ModelError) as e:
        supervised.load(path)
    assert "retrain it with `debate train`" in str(e.value) and "\n" not in str(e.value)
    r = runner.invoke(app, ["evaluate", str(path), str(DATA), "--target-col", "target"])
    assert r.exit_code == 1
    assert "Traceback" not in r.output and "retrain" in r.output
