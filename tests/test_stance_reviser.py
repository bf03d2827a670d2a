"""The learned stance reviser: what it may change, what it shows, how it is stored, and that it is current."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from debate.errors import ModelError
from debate.ingest import read_threads
from debate.model import Article, Comment, Thread
from debate.report.regenerate import EXAMPLE_OPTIONS, example_inputs
from debate.tag import tag_thread
from debate.tag.spans import analyze
from debate.tag.stance_reviser import BUILTIN_PATH, CLASSES, StanceReviser, builtin, opening_ngrams

REPO = Path(__file__).resolve().parents[1]
THESIS = "Banks should refund every customer tricked into paying a scammer"


def _thread(*texts: str) -> Thread:
    article = Article(title="Bank scams: who pays?", author="Ed", text="Banks argue customers must take care.")
    comments = tuple(Comment(id=f"c{i}", text=t, speaker=f"p{i}") for i, t in enumerate(texts, 1))
    return Thread(id="t", article=article, comments=comments)


def test_the_shipped_reviser_loads_and_knows_its_words():
    reviser = builtin()
    assert reviser is not None and BUILTIN_PATH.exists()
    assert reviser.trained_on_ > 1000 and len(reviser.weights_) > 1000
    assert set(reviser.rule_weights_) == {"rules:favor", "rules:against", "rules:none", "rules:score"}


def test_it_reads_a_side_only_where_the_rules_found_none_and_shows_both_readings():
    # an anecdote: no cue of the rules names a side; the reviser's words do
    thread = _thread("My father lost 31,000 pounds to a call from his bank's 'security team'. "
                     "They knew his sort code and his last three payments.",
                     "Banks should refund every victim, full stop.")
    rules = tag_thread(thread, thesis=THESIS, reviser=False).tags
    revised = tag_thread(thread, thesis=THESIS).tags
    assert rules["c1"].stance.value == "none"
    label = revised["c1"].stance
    assert label.value != "none" and label.decided_by == "reviser"
    why = label.evidence[0]
    assert why.cue == "reviser" and why.text.startswith("opening words ")
    assert f"read as {label.value}: p(favor, against, none)" in why.text and "the rules found no side" in why.text
    assert label.evidence[1:] == rules["c1"].stance.evidence  # the rules' own reasons follow
    # a side the rules found stands, whatever the reviser would say
    assert rules["c2"].stance.value != "none"
    assert revised["c2"].stance == rules["c2"].stance


def test_on_every_example_thread_it_changes_only_labels_the_rules_left_none():
    changed = 0
    for path in example_inputs(REPO / "threads"):
        for thread in read_threads(path, EXAMPLE_OPTIONS.get(path.name)):
            if not thread.comments:
                continue
            rules = tag_thread(thread, reviser=False).tags
            revised = tag_thread(thread).tags
            for cid, tags in revised.items():
                before = rules[cid]
                if tags.stance != before.stance:
                    changed += 1
                    assert before.stance.value == "none" and tags.stance.decided_by == "reviser", (path.name, cid)
                if tags.relation != before.relation:  # only a relation read off the two stances follows them
                    assert before.relation.value == "neutral", (path.name, cid)
                    assert tags.relation.decided_by == "rule:stance_consistency", (path.name, cid)
    assert changed > 0  # (it does something on the examples)


def test_rules_only_never_names_the_reviser_and_a_trained_model_turns_it_off():
    thread = _thread("My father lost 31,000 pounds to a call from his bank's 'security team'.")
    assert all(t.stance.decided_by != "reviser" for t in tag_thread(thread, thesis=THESIS, reviser=False).tags.values())

    class Always:  # a stand-in stance model: the reviser learned the rules' mistakes, not a model's
        def predict_proba_for(self, texts, thesis):
            return [[0.2, 0.2, 0.6] for _ in texts]

    tagged = tag_thread(thread, thesis=THESIS, model=Always())
    assert tagged.tags["c1"].stance.value == "none" and tagged.tags["c1"].stance.decided_by != "reviser"


def test_fit_predict_and_explain_follow_the_estimator_api():
    texts = ["why would anyone do that ?", "what does it cost ?", "great idea , do it now",
             "do it , great plan", "terrible idea , scrap it", "scrap it , a terrible waste"] * 3
    tokens = [t.split() for t in texts]
    gold = ["none", "none", "favor", "favor", "against", "against"] * 3
    reviser = StanceReviser().fit(tokens, ["none"] * len(texts), [0.5] * len(texts), gold)
    assert reviser.predict([["great", "idea"], ["terrible", "waste"], ["why", "?"]], ["none"] * 3, [0.5] * 3) == \
        ["favor", "against", "none"]
    probs = reviser.predict_proba([["great", "idea"]], ["none"], [0.5])[0]
    assert len(probs) == 3 and abs(sum(probs) - 1) < 1e-9 and probs[0] == max(probs)
    words = [w for w, _ in reviser.explain(["great", "idea", "the"], "favor", "none")]
    assert words and words[0] in {"great", "idea", "great idea"}
    with pytest.raises(ValueError, match="unknown stance labels"):
        StanceReviser().fit([["a"]], ["none"], [0.5], ["maybe"])


def test_saved_as_plain_json_and_a_bad_file_is_one_clear_error(tmp_path):
    reviser = builtin()
    path = tmp_path / "reviser.json"
    reviser.save(path, "test copy")
    again = StanceReviser.load(path)
    assert again.to_dict() == reviser.to_dict()
    assert json.loads(path.read_text(encoding="utf-8"))["about"] == "test copy"
    for content, why in (("{not json", "cannot read"), ("[1, 2]", "not a JSON object"),
                         ('{"format": 99}', "format 99"), ('{"format": 1, "classes": ["favor"]}', "classes")):
        path.write_text(content, encoding="utf-8")
        with pytest.raises(ModelError, match=why) as err:
            StanceReviser.load(path)
        assert str(path) in err.value.one_line()
    bad = reviser.to_dict()
    bad["ngrams"] = {"word": [1.0, 0.5]}
    path.write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(ModelError, match="needs \\[idf"):
        StanceReviser.load(path)


def test_opening_ngrams_read_the_first_thirty_tokens_only():
    toks = analyze(" ".join(f"w{i}" for i in range(50))).toks
    grams = opening_ngrams(toks)
    assert "w29" in grams and "w30" not in grams and "w28 w29" in grams and "w29 w30" not in grams


def test_the_shipped_reviser_is_what_the_tuning_sets_give_today():
    # The reviser learns the rules' mistakes: after a rule changes, refit it
    # (python benchmarks/train_stance_reviser.py --write).
    sys.path.insert(0, str(REPO / "benchmarks"))
    import train_stance_reviser as train

    fresh = train.fit(train.rule_rows())
    shipped = StanceReviser.load(BUILTIN_PATH)
    assert fresh.trained_on_ == shipped.trained_on_
    assert set(fresh.weights_) == set(shipped.weights_), "n-grams differ: refit the reviser"
    assert fresh.idf_ == shipped.idf_
    worst = max(abs(a - b) for k in shipped.weights_ for a, b in zip(fresh.weights_[k], shipped.weights_[k]))
    worst = max(worst, *(abs(a - b) for k in shipped.rule_weights_
                         for a, b in zip(fresh.rule_weights_[k], shipped.rule_weights_[k])))
    assert worst < 1e-3, f"weights moved by {worst:.4f}: refit the reviser"
    assert CLASSES == ("favor", "against", "none")


def test_rules_only_on_the_command_line(tmp_path):
    from typer.testing import CliRunner

    from debate.cli.app import app

    runner = CliRunner()
    src = REPO / "threads" / "convokit_rent_control"
    with_reviser = runner.invoke(app, ["report", str(src), "-o", str(tmp_path / "a")])
    rules_only = runner.invoke(app, ["report", str(src), "-o", str(tmp_path / "b"), "--rules-only"])
    assert with_reviser.exit_code == 0 and rules_only.exit_code == 0, with_reviser.output + rules_only.output
    a = "".join(p.read_text(encoding="utf-8") for p in sorted((tmp_path / "a").glob("*.md")))
    b = "".join(p.read_text(encoding="utf-8") for p in sorted((tmp_path / "b").glob("*.md")))
    assert "decided by reviser" in a and "decided by reviser" not in b
    tagged = runner.invoke(app, ["tag", str(REPO / "threads" / "generic_bike_lanes.csv"), "--rules-only"])
    assert tagged.exit_code == 0 and '"reviser"' not in tagged.output
