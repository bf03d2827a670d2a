"""Relation of a reply to its parent when no explicit cue word speaks: a reply that argues a claim of
its own leans disagree; answers, requests, additions and agreement stay where they belong."""

import pytest

from debate.tag.relation import score_relation
from debate.tag.spans import analyze

CLAIM = "Most people who claim the rebate were going to buy an e-bike anyway. It is a subsidy for the middle class."


def relation(reply: str, parent: str = CLAIM):
    return score_relation(analyze(reply), parent=analyze(parent)).label()


@pytest.mark.parametrize("reply", [
    "Oslo ran the same scheme and a survey found most buyers replaced car trips.",
    "Every subsidy has some deadweight. By that logic we should scrap school meals too.",
    "A survey of buyers only tells us who liked the free money.",
])
def test_a_reply_arguing_its_own_claim_leans_disagree(reply):
    label = relation(reply)
    assert label.value == "disagree", label.evidence
    # the evidence names what decided it: the reply's claim, or a cue
    assert label.evidence[0].cue in ("argues_against", "disagree_marker")
    assert label.evidence[0].weight < 0


def test_argues_evidence_is_the_replys_first_claim():
    label = relation("Oslo ran the same scheme. Buyers there replaced car trips, two thirds of them.")
    ev = [e for e in label.evidence if e.cue == "argues_against"]
    assert ev and ev[0].text == "Oslo ran the same scheme."
    assert label.decided_by == "local"


@pytest.mark.parametrize("reply, parent", [
    # an answer to a question is no rebuttal
    ("They don't check it, as far as I can tell. You just upload the receipt.", "How do they check the bike is used?"),
    # a question with a polite request
    ("Do you have a link to the Oslo survey? I'd like to read the method.", CLAIM),
    # an addition building on the parent
    ("Also worth noting that the rebate covers cargo bikes for parents.", CLAIM),
    ("And the shops will raise their prices by the size of the rebate.", CLAIM),
    # the parent is gone
    ("Whatever it said, the rebate needs a budget line in the spring.", "[deleted]"),
    # too short to be a claim
    ("Fair enough.", CLAIM),
])
def test_answers_requests_additions_stay_neutral_or_agree(reply, parent):
    assert relation(reply, parent).value != "disagree"


def test_a_reply_that_quotes_its_parent_and_asks_is_not_a_claim():
    parent = "Incidence is an empirical question, though. Importers pay the duty at the border."
    label = relation("Incidence is an empirical question Is there an estimate for the 2018 steel tariffs?", parent)
    assert label.value == "neutral", label.evidence


def test_agreement_cancels_the_prior():
    assert relation("This. My neighbour bought one last spring and is claiming it now.").value == "agree"
    assert relation("Same here, my whole street bought one before the rebate.").value == "agree"
    assert relation("We agree more than you think: the middle class gets most of it.").value == "agree"


def test_good_point_but_concedes_then_contests():
    label = relation("The survey is a fair point, though nobody has measured the trips.")
    assert label.value == "disagree"
    assert any(e.cue in ("conceded_marker", "concession") for e in label.evidence)


def test_a_corrected_figure_is_disagreement():
    parent = "Fares are about 18% of the operating budget and that hole has to be filled."
    label = relation("Rosa, the 18% is gross. Net of collection costs it's closer to 7%.", parent)
    assert label.value == "disagree"
    fig = [e for e in label.evidence if e.cue == "corrects_figure"]
    assert fig and fig[0].text == "18% -> 7%"


def test_top_level_comments_get_no_reply_prior():
    # a top-level comment relates to the article; arguing alone does not make it disagree
    label = score_relation(analyze("Oslo ran the same scheme and most buyers replaced car trips."),
                           top_level=True).label()
    assert label.value == "neutral"


def test_granting_the_point_without_a_turn_agrees():
    label = relation("Fair, the middle class gets most of it. The rebate should be means-tested.")
    assert label.value == "agree"
    assert any(e.cue == "agree_marker" and e.text == "Fair" for e in label.evidence)
    # with a turn it is a concession, not agreement
    assert relation("True, some would have bought one anyway, but most buyers replaced car trips.").value == "disagree"


def test_challenging_question_with_really_disagrees():
    assert relation("Are you really saying a few students outweigh two whole neighbourhoods?").value == "disagree"


def test_agreeing_then_not_thinking_so_is_a_concession_that_disagrees():
    from debate.tag.relation import score_relation
    from debate.tag.spans import analyze

    parent = analyze("Homework teaches children to organise their time; keep something done at home.")
    got = score_relation(analyze("I agree that habits matter, and I do not think a worksheet builds them."),
                         parent=parent).label()
    assert got.value == "disagree"
    assert any(e.cue == "concession" for e in got.evidence)


def test_thanks_takes_the_point_in_but_thanks_with_a_turn_still_argues():
    taken = relation("Thanks, I had not seen that survey before.")
    assert taken.value != "disagree", taken.evidence
    assert not any(e.cue == "argues_against" for e in taken.evidence)
    turned = relation("Thanks, but the survey asked buyers, and buyers say what sounds good.")
    assert turned.value == "disagree", turned.evidence


def test_a_thanking_reply_argues_no_side():
    from debate.tag.stance import profile_of, score_stance
    from debate.tag.thesis import extract_thesis
    from debate.model import Article

    th = extract_thesis(Article(title="E-bike rebates"), "The e-bike rebate should be kept.")
    s = score_stance(analyze("Thanks, I had not seen that survey before."), profile_of(th, ""))
    assert s.label().value == "none"
    assert not any(e.cue == "argues" for e in s.evidence), s.evidence  # thanks are no position


@pytest.mark.parametrize("reply", [
    "Lovely article, I've shared it with our year group's parents' chat.",
    "That survey is the point I should have led with. Thanks, Malcolm.",
])
def test_praise_or_thanks_anywhere_without_a_turn_is_no_rebuttal(reply):
    label = relation(reply)
    assert label.value != "disagree", label.evidence


def test_same_opening_a_reply_agrees():
    label = relation("Same. My cousin got the rebate and was going to buy the bike anyway.")
    assert label.value == "agree", label.evidence
    assert relation("Same.").value == "agree"


def test_thanking_the_writer_for_the_piece_agrees_with_the_article():
    label = score_relation(analyze("My dog shakes all November. Thank you for writing this."), top_level=True).label()
    assert label.value == "agree", label.evidence
