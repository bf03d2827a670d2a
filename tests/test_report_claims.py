"""Claim sentences and key points: markers, salience, grouping per side, determinism."""

from __future__ import annotations

from dataclasses import replace

from report_helpers import make_thread

from debate.report.claims import claim_sentences, comment_claims, main_claims, markers_in
from debate.report.keypoints import key_points


def test_markers_name_what_fired_and_questions_weigh_less():
    found, score = markers_in("We should fund it because buses are full.")
    assert [k for k, _ in found] == ["normative", "reasoning"] and score == 1.6
    _, q = markers_in("Should we fund it because buses are full?")
    assert q == 0.8
    assert markers_in("The weather was nice on Sunday.") == ((), 0.0)
    found, _ = markers_in("I don't think that is fair.")
    assert found[0] == ("opinion", "I don't think")


def _thread():
    rows = [
        ("a", "Ann", None, "Protected lanes should be built on every arterial road. I cycled here in 1998. "
         "Lanes are cheap because paint costs little.", "favor", None, 0.2),
        ("b", "Ben", "a", "Nice weather today. The bakery on Main Street sells bread.", "against", "neutral", 0.1),
        ("c", "Cy", None, "Shops must keep parking or they close. Parking pays the rent of shops.", "against",
         None, -0.3),
        ("d", "Di", "c", "Shops need parking to survive, I agree with you.", "against", "agree", 0.1),
        ("e", "Ed", None, "[deleted]", "none", None, 0.0),
    ]
    t = make_thread(rows)
    return replace(t, comments=tuple(replace(c, flags=("deleted",)) if c.id == "e" else c for c in t.comments))


def test_main_claims_prefer_marked_sentences_and_fall_back_to_the_most_central():
    t = _thread()
    claims = claim_sentences(t)
    assert all(c.comment_id != "e" for c in claims)  # deleted comments state nothing
    best = main_claims(claims)
    ann = [c.sentence for c in best[t.comment("a").speaker]]
    assert ann == ["Protected lanes should be built on every arterial road.",
                   "Lanes are cheap because paint costs little."]  # source order, the dated aside left out
    (ben,) = best[t.comment("b").speaker]
    assert not ben.is_marked  # no marker: one sentence, the most central
    per_comment = {c.comment_id for c in comment_claims(claims)}
    assert per_comment == {"a", "b", "c", "d"}


def test_key_points_group_shared_vocabulary_and_count_people():
    t = _thread()
    side = {"a": "favor", "b": "against", "c": "against", "d": "against"}
    by_side = {"favor": [], "against": [], "none": []}
    for c in comment_claims(claim_sentences(t)):
        by_side[side[c.comment_id]].append(c)
    points = key_points(by_side)
    top = points["against"][0]
    assert set(top.comment_ids) == {"c", "d"} and len(top.speakers) == 2
    assert "parking" in top.terms or "shops" in top.terms
    assert points["none"] == []
    assert sum(len(p.claims) for p in points["against"]) == len(by_side["against"])
    assert key_points(by_side) == points  # deterministic
