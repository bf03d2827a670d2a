"""A news or question title gives the proposition its thread argues about (examples written for these tests)."""

import pytest

from debate.model import Article, Comment, Thread
from debate.tag import tag_thread
from debate.tag.thesis import extract_thesis
from debate.tag.thesis_title import title_proposition


@pytest.mark.parametrize("title, stated, kind", [
    ("Should the county ban fireworks sales?", "The county should ban fireworks sales", "question"),
    # a move toward something told with its preposition
    ("Brackley council votes for 20mph default limit on residential roads",
     "Brackley council should adopt 20mph default limit on residential roads", "report"),
    ("Dunmere council consults on a town-wide pavement parking ban",
     "Dunmere council should adopt a town-wide pavement parking ban", "report"),
    ("Should we tax sugary drinks?", "We should tax sugary drinks", "question"),
    ("Ask HN: Is pair programming worth the cost?", "Pair programming is worth the cost", "question"),
    ("Is nuclear power the answer?", "Nuclear power is the answer", "question"),
    ("Are e-bikes making the towpath unsafe?", "E-bikes are making the towpath unsafe", "question"),
    ("Does a sugar tax reduce obesity in children?", "A sugar tax reduces obesity in children", "question"),
    ("Do speed cameras save lives?", "Speed cameras save lives", "question"),
    ("Does a ticket price increase cut attendance?", "A ticket price increase cuts attendance", "question"),
    ("Council votes 5-2 to close the Elm Street library branch",
     "Council should close the Elm Street library branch", "report"),
    ("Board moves to require uniforms at all district schools",
     "Board should require uniforms at all district schools", "report"),
    ("Ministry to cap class sizes at 25 from September", "Ministry should cap class sizes at 25 from September",
     "report"),
    ("Mayor unveils plan to pedestrianise the old town", "Mayor should pedestrianise the old town", "report"),
    ("State senate passes bill requiring helmets for e-scooter riders",
     "State senate should require helmets for e-scooter riders", "report"),
    ("Parish council backs new skate park on the common",
     "Parish council should adopt new skate park on the common", "report"),
    ("City scraps congestion charge after two years", "City should scrap congestion charge",
     "report"),
    ("Regional board bans plastic bags: what shoppers need to know", "Regional board should ban plastic bags",
     "report"),
    ("County drops school bus fees; will ridership grow?", "County should drop school bus fees", "report"),
    ("State will require carbon labels on restaurant menus from 2028",
     "State should require carbon labels on restaurant menus from 2028", "report"),
    ("Grocer to pull plastic bags from all stores after customer backlash",
     "Grocer should pull plastic bags from all stores", "report"),
    ("Town approves fortnightly glass collections, with a new caddy for every house",
     "Town should adopt fortnightly glass collections", "report"),
    # a decision reported in the passive: its subject goes ahead
    ("Hatherley solar farm approved on 120 acres of farmland despite 400 objections",
     "Hatherley solar farm should go ahead on 120 acres of farmland", "report"),
    ("Skate park plan approved", "Skate park plan should go ahead", "report"),
    ("Budget passed by the county council on Tuesday", "Budget should go ahead on Tuesday", "report"),  # no agent
    ("New skate park given green light by councillors", "New skate park should go ahead", "report"),
    ("Plan unanimously approved", "Plan should go ahead", "report"),
    ("Council approved the plan", "Council should adopt the plan", "report"),  # active: its object
    # "to consult on" reports the move as "consults on" does
    ("Kelby Council to consult on wood-burner ban in the town centre",
     "Kelby Council should adopt wood-burner ban in the town centre", "report"),
    # a decision to keep something
    ("Booking system at Carrow's tips to stay for good", "Booking system at Carrow's tips should stay for good",
     "report"),
    # a move of something toward something else
    ("Insurer Halden Group moves 4,000 office staff to hot-desking",
     "Insurer Halden Group should move 4,000 office staff to hot-desking", "report"),
    # an order to someone: what it asks of them
    ("Court tells Ashcombe man to move doorbell camera that filmed neighbour's garden",
     "Ashcombe man should move doorbell camera that filmed neighbour's garden", "report"),
])
def test_question_and_news_titles_become_claims(title, stated, kind):
    assert title_proposition(title) == (stated, kind)


@pytest.mark.parametrize("title", [
    "Why do landlords keep raising rents?",  # a wh-question has no yes answer
    "Should cities ban cars? What the evidence says",  # a question followed by more title
    "Tide tables for the week of May 3",
    "Rents rise 9% as vacancies fall",  # a finding, not a proposal
    "Talk:Millbrook",
    "",
    None,
])
def test_other_titles_give_no_claim(title):
    assert title_proposition(title) is None


def _thread(title: str, texts: list[str], body: str = "") -> Thread:
    article = Article(title=title, text=body)
    comments = tuple(Comment(id=f"c{i}", text=t) for i, t in enumerate(texts, 1))
    return Thread(id="t", article=article, comments=comments)


def test_a_news_thread_is_judged_toward_the_decision_it_reports():
    body = ("The council voted on Tuesday night to close the Elm Street branch from June. Staff will move to "
            "the central library.\n\nA petition against the closure has 1,200 signatures.")
    th = extract_thesis(Article(title="Council votes 5-2 to close the Elm Street library branch", text=body))
    assert th.source == "title_report" and not th.clear
    assert th.text == "Council should close the Elm Street library branch"
    assert any(e.cue == "title_report" for e in th.evidence)
    tagged = tag_thread(_thread("Council votes 5-2 to close the Elm Street library branch", [
        "Closing the library is a terrible mistake. Keep the Elm Street branch open, kids need it.",
        "Good decision. Closing the branch saves money and the central library is ten minutes away.",
    ], body))
    stances = {cid: tags.stance.value for cid, tags in tagged.tags.items()}
    assert stances == {"c1": "against", "c2": "favor"}


def test_a_question_post_is_judged_toward_its_yes_answer():
    tagged = tag_thread(_thread("Should the county ban fireworks sales?", [
        "Yes, ban them. My dog hides under the bed for a week every July.",
        "No. A ban just sends people over the state line to buy them.",
    ]))
    assert tagged.thesis.source == "title_question"
    stances = {cid: tags.stance.value for cid, tags in tagged.tags.items()}
    assert stances == {"c1": "favor", "c2": "against"}


@pytest.mark.parametrize("title, body, expected", [
    # a lead sentence whose subject is a pronoun does not win over one that names its subject
    ("Video review is ruining football",
     "It has failed and should go.\n\nReferees are waiting minutes for replays, fans in the stadium see nothing, "
     "and the decisions are no more consistent than before. The league should scrap video review before next "
     "season.",
     "The league should scrap video review before next season."),
    # a thesis sentence stops at the colon that spells it out
    ("Quiet mornings, please",
     "The county should pass a noise ordinance for leaf blowers: no machine over 65 decibels before 9 a.m., "
     "fines from the second offence, and a grant for crews that switch to electric.\n\n"
     "Residents have complained for years, and the council has put off a decision three times.",
     "The county should pass a noise ordinance for leaf blowers."),
    # the precedents a claim cites are not what it is about
    ("Time for a four-day week",
     "Our council should follow Iceland, Spain and Scotland and trial a four-day week for its own staff.\n\n"
     "Other employers in the region are already watching what happens in those pilots.",
     "Our council should trial a four-day week for its own staff."),
    # what the article reports others saying is not its thesis
    ("Late trains again",
     "The operator should publish its cancellation figures every week, not every quarter.\n\n"
     "Some commuters say the timetable should be cut back instead, so that fewer trains are cancelled.",
     "The operator should publish its cancellation figures every week, not every quarter."),
])
def test_the_thesis_sentence_chosen(title, body, expected):
    assert extract_thesis(Article(title=title, text=body)).text == expected


def test_a_contracted_pronoun_is_not_a_target():
    from debate.tag.thesis import targets_of

    assert targets_of("VAR is ruining football. It's time to scrap it") == ("VAR",)
    assert targets_of("Council's ferry vote: build it now") == ("Council",)


def test_approving_the_question_is_not_answering_it():
    tagged = tag_thread(_thread("Should the county ban fireworks sales?", [
        "Finally, someone asks. I honestly don't know what the data says.",
    ]))
    assert tagged.tags["c1"].stance.value == "none"


@pytest.mark.parametrize("title", ["?", "Should?", "Is it?", "Does", "Council votes to", "A to b", "   ?  ",
                                   "Should the the the ban?", "Ask HN: ?", "X backs", "City bans", "Council votes to ban"])
def test_odd_titles_give_a_claim_or_none(title):
    got = title_proposition(title)
    assert got is None or (got[0].strip() and got[1] in ("question", "report"))


def test_a_report_without_an_object_gives_no_claim():
    assert title_proposition("Council votes to ban") is None


@pytest.mark.parametrize("marker", ["Short version:", "TL;DR:", "Bottom line:", "TLDR -"])
def test_the_writers_gist_is_the_thesis(marker):
    body = (f"I tracked our bills for three winters in a drafty farmhouse. {marker} solar panels on a north roof "
            "never pay back their cost.\n\nThe spreadsheet and every invoice are linked in the comments below.")
    th = extract_thesis(Article(title="Three winters of solar bills", text=body))
    assert th.clear and th.source == "lead"
    assert th.text == "Solar panels on a north roof never pay back their cost."
    assert any(e.cue == "summary" for e in th.evidence)


def test_a_title_that_calls_for_a_charge_states_the_thesis():
    th = extract_thesis(Article(title="Charge for Late Library Returns", text=(
        "Books come back months late and the waiting lists grow. The library has no way to nudge anyone.\n\n"
        "Other towns manage fine with a small daily fee, waived for children.")))
    assert th.clear and th.source == "title"
    assert any(e.cue == "imperative_title" for e in th.evidence)


def test_a_verdict_opening_a_comment_under_news_judges_the_news():
    tagged = tag_thread(_thread("Council votes 5-2 to close the Elm Street library branch", [
        "Good. Nobody has used that branch in years.",
        "Terrible idea. What were they thinking?",
        "Yes please. I have waited years for the new one on the high street.",
    ]))
    assert {cid: t.stance.value for cid, t in tagged.tags.items()} == {"c1": "favor", "c2": "against", "c3": "favor"}
    assert tagged.tags["c1"].stance.evidence[0].cue == "judges_news"  # "Good." names nothing of the topic

