"""Agreement between annotators: kappa, per-label agreement, confusion table, and honest accounting."""

from __future__ import annotations

import json

import pytest
from sklearn.metrics import cohen_kappa_score
from typer.testing import CliRunner

from debate.cli.app import app
from debate.errors import InputError
from debate.report.agreement import agreement, render

runner = CliRunner()


def write(path, rows, header=("comment", "stance", "relation", "acts")):
    lines = [",".join(header)] + [",".join(r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


A = [("1", "favor", "agree", "question"), ("2", "against", "disagree", "rebuttal;evidence"),
     ("3", "against", "disagree", "rebuttal"), ("4", "none", "neutral", "humor"), ("5", "favor", "agree", ""),
     ("6", "favor", "neutral", "evidence")]
B = [("1", "favor", "agree", "question"), ("2", "against", "agree", "evidence;rebuttal"),
     ("3", "favor", "disagree", "rebuttal"), ("4", "none", "neutral", "appreciation"), ("5", "Favour", "agree", "other"),
     ("7", "favor", "agree", "question")]


def test_kappa_observed_agreement_and_confusion(tmp_path):
    r = agreement(write(tmp_path / "a.csv", A), write(tmp_path / "b.csv", B))
    assert r["shared"] == 5 and r["only_in_a"] == ["6"] and r["only_in_b"] == ["7"]
    s = r["columns"]["stance"]
    a = ["favor", "against", "against", "none", "favor"]
    b = ["favor", "against", "favor", "none", "favor"]  # "Favour" normalised
    assert s["kappa"] == round(cohen_kappa_score(a, b), 3)
    assert s["observed"] == 0.8
    assert s["confusion"]["labels"] == ["against", "favor", "none"]
    assert s["confusion"]["rows"] == [[1, 1, 0], [0, 2, 0], [0, 0, 1]]
    per = {p["label"]: p for p in s["per_label"]}
    assert per["favor"]["specific_agreement"] == round(2 * 2 / (2 + 3), 3)
    assert per["none"]["specific_agreement"] == 1.0


def test_multi_valued_acts_compare_as_sets_and_blanks_are_counted(tmp_path):
    r = agreement(write(tmp_path / "a.csv", A), write(tmp_path / "b.csv", B))
    acts = r["columns"]["acts"]
    assert acts["kind"] == "multi"
    assert acts["blank"] == 1 and acts["compared"] == 4  # comment 5 left blank by A
    assert acts["observed"] == round(3 / 4, 3)  # "rebuttal;evidence" == "evidence;rebuttal"
    per = {p["label"]: p for p in acts["per_label"]}
    assert per["rebuttal"]["both"] == 2 and per["rebuttal"]["kappa"] == 1.0
    assert per["humor"]["a"] == 1 and per["humor"]["b"] == 0


def test_perfect_agreement_on_one_label_is_reported_as_undefined_kappa(tmp_path):
    rows = [("1", "favor", "agree", "x"), ("2", "favor", "agree", "x")]
    r = agreement(write(tmp_path / "a.csv", rows), write(tmp_path / "b.csv", rows), label_cols=("stance",))
    assert r["columns"]["stance"]["kappa"] is None and r["columns"]["stance"]["observed"] == 1.0
    assert "undefined" in render(r)


def test_bad_files_fail_with_one_line_naming_the_file(tmp_path):
    a = write(tmp_path / "a.csv", A)
    bad = write(tmp_path / "bad.csv", [("1", "favor")], header=("id", "stance"))
    with pytest.raises(InputError, match="no 'comment' column"):
        agreement(a, bad)
    other = write(tmp_path / "o.csv", [("99", "favor", "agree", "")])
    with pytest.raises(InputError, match="no comment id appears in both"):
        agreement(a, other)
    dup = write(tmp_path / "d.csv", [("1", "favor", "", ""), ("1", "none", "", "")])
    with pytest.raises(InputError) as e:
        agreement(a, dup)
    assert "line 3" in str(e.value) and "d.csv" in str(e.value)
    with pytest.raises(InputError, match="no 'stance2' column"):
        agreement(a, a, label_cols=("stance2",))


def test_cli_prints_kappa_and_tables(tmp_path):
    a, b = write(tmp_path / "a.csv", A), write(tmp_path / "b.csv", B)
    result = runner.invoke(app, ["agreement", str(a), str(b), "--label-col", "stance"])
    assert result.exit_code == 0, result.output
    assert "Cohen's kappa" in result.stdout and "Confusion" in result.stdout and "## relation" not in result.stdout
    j = runner.invoke(app, ["agreement", str(a), str(b), "--json"])
    assert json.loads(j.stdout)["columns"]["relation"]["compared"] == 5
    missing = runner.invoke(app, ["agreement", str(a), str(tmp_path / "none.csv")])
    assert missing.exit_code == 1 and "none.csv" in missing.stderr
    assert "Example:" in runner.invoke(app, ["agreement", "--help"]).output


def test_blank_sheet_against_key_says_there_is_nothing_to_compare(tmp_path):
    blank = write(tmp_path / "blank.csv", [("1", "", "", ""), ("2", "", "", "")])
    key = write(tmp_path / "key.csv", [("1", "favor", "agree", "question"), ("2", "none", "neutral", "other")])
    r = agreement(blank, key)
    assert r["columns"]["stance"]["compared"] == 0 and r["columns"]["stance"]["blank"] == 2
    assert r["columns"]["stance"]["kappa"] is None
    assert "Nothing to compare: no comment has a stance label in both files" in render(r)
