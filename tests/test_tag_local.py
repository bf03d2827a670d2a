"""Local taggers: thesis extraction, stance, relation and acts on texts a reader can check by eye."""

from __future__ import annotations

import pytest

from debate.model import ACTS, Article, Evidence, Label, Thesis
from debate.tag.acts import acts_of
from debate.tag.relation import relation_of
from debate.tag.stance import stance_toward
from debate.tag.thesis import extract_thesis, targets_of

STOP_THESIS = Thesis(text="Ruritania should stop deporting asylum seekers", source="given",
                     targets=targets_of("Ruritania should stop deporting asylum seekers"))


def test_given_thesis_names_actor_and_policy():
    assert STOP_THESIS.targets[0] == "Ruritania"
    assert any("deporting asylum seekers" in t for t in STOP_THESIS.targets)


def test_thesis_from_conclusion_with_evidence():
    art = Article(title="The Harbour Question", text=(
        "The harbour has been closed to small boats for two years. Fishermen have lost income and the town "
        "has lost visitors since the closure began.\n\n"
        "The council says repairs will take another year. Residents wrote letters and held a meeting.\n\n"
        "The council should reopen the harbour to small boats this summer."))
    th = extract_thesis(art)
    assert th.clear and th.source == "conclusion"
    assert th.text.startswith("The council should reopen")
    assert any(e.cue == "normative" for e in th.evidence)


def test_article_without_position_says_so():
    art = Article(title="Tide tables for the week", text=(
        "High tide on Monday is at 06:12 and 18:40. Low tide follows about six hours later each day.\n\n"
        "Tables for the rest of the month are printed on page four of the paper."))
    th = extract_thesis(art)
    assert not th.clear
    assert any(e.cue == "no_position" for e in th.evidence)


def test_question_title_is_not_a_position():
    art = Article(title="Should cities ban cars from downtown?", text="")
    assert not extract_thesis(art).clear


@pytest.mark.parametrize("text, expected", [
    ("Ruritania must be condemned for this. Its government refused every appeal and failed the families.", "favor"),
    ("Nobody is in any position to criticize Ruritania. Its critics are staging a charade for the cameras.",
     "against"),
    ("Why go out of your way to put Ruritania on trial? The whole campaign is a ploy.", "against"),
    ("The weather in the capital was mild today and the trains ran on time.", "none"),
])
def test_stance_toward_thesis(text, expected):
    label = stance_toward(text, STOP_THESIS)
    assert label.value == expected, label
    if expected != "none":
        assert label.evidence, "a polar stance must carry the cues behind it"


def test_stance_ignores_quoted_voices():
    quoted = 'They keep saying "Ruritania refused every appeal and failed the families" as if that settled it.'
    plain = "Ruritania refused every appeal and failed the families."
    assert stance_toward(plain, STOP_THESIS).value == "favor"
    assert stance_toward(quoted, STOP_THESIS).value != "favor"


@pytest.mark.parametrize("text, top_level, expected", [
    ("I agree, well said.", False, "agree"),
    ("That's not true. You are wrong about the numbers.", False, "disagree"),
    ("Yes, the fee hurts some families, but shops can hand out free bags.", False, "disagree"),
    ("But you need to look at the whole region, not one town.", False, "disagree"),
    ("Great article, the author nails it.", True, "agree"),
    ("The ferry leaves at nine.", True, "neutral"),
    ("@paula_r_fan this. Comparing the two eras is comparing two different sports.", False, "agree"),
    ("Sorry, that's fair. I wasn't thinking about the night buses.", False, "agree"),  # won over
    ("Huh. OK, that's more convincing than the council leaflet.", False, "agree"),
    # a follow-up question the parent's plan leaves open; asking who says so
    ("And where do the other 23 cars go? There is one car park.", False, "disagree"),
    ("@Steve And how do you propose to catch them at 11pm?", False, "disagree"),
    ("And whose fault is that? They cut the tills.", False, "disagree"),
    ("And the buses run all night too.", False, "neutral"),
    ("Dropped by half according to who? The refs who wanted it?", False, "disagree"),
    # approving, with a condition or none
    ("Sounds sensible, as long as it isn't another app I have to download.", False, "agree"),
    ("I'd be fine with it if it actually paid for the dog bins being emptied.", False, "agree"),
    ("This is the real answer. It's a household cost, always.", False, "agree"),
    # praise of the parent comment itself
    ("This is the comment that should end the debate, honestly.", False, "agree"),
    ('"Fix who teaches set 4 first" is the best line in this whole thread.', False, "agree"),
    # mock praise closing a top-level comment is no approval of the article
    ("Three weeks. In August. With a nappy bin. Great.", True, "neutral"),
])
def test_relation_cues(text, top_level, expected):
    label = relation_of(text, top_level=top_level)
    assert label.value == expected, label.evidence
    assert label.value == "neutral" or label.evidence


def test_a_reply_that_takes_the_point_in_does_not_argue_against_it():
    from debate.tag.relation import score_relation
    from debate.tag.spans import analyze

    parent = analyze("The 24-hour stores are not among the thirty that lose their machines.")
    argues = score_relation("Well that is fine then, the night shift can carry on as before.", parent=parent)
    assert [e.cue for e in argues.evidence] == ["argues_against"]  # a claim answering a claim leans disagree
    taken = score_relation("Oh. Well that is fine then, the night shift can carry on as before.", parent=parent)
    assert "argues_against" not in [e.cue for e in taken.evidence]
    # a reply to an answer (its parent answered a question) takes it in or asks on
    follow = score_relation("Well that is fine then, the night shift can carry on as before.", parent=parent,
                            parent_answers=True)
    assert "argues_against" not in [e.cue for e in follow.evidence]


def test_address_is_not_an_opening_but():
    # "Adam," is an address, "But" after it is the real opening.
    assert relation_of("Adam,\n\nBut that ignores the border.").value == "disagree"


@pytest.mark.parametrize("text, kwargs, act", [
    ("Why would anyone believe that?", {}, "question"),
    ("A voucher. From the Town Hall. Which shuts at 4. Marvellous.", {"is_reply": True}, "humor"),  # sarcasm
    ("Everyone is angry, and I get it, but a stadium has 60,000 seats.", {"is_reply": True}, "concession"),
    ("Because the budget was cut in March.", {"is_reply": True, "parent_asks": True}, "answer"),
    ("Yes, it costs more. But it saves lives.", {}, "concession"),
    ("I worked in local radio for fourteen years, so I'm biased, but here's what a subscription would kill.", {},
     "concession"),
    ("Richard, I hear you. There would be a discount for more than one dog.", {"is_reply": True}, "concession"),
    ("According to the 2021 census, 4,500 people moved away.", {}, "evidence"),
    ('She said "we will not reopen the school this year" at the meeting.', {}, "evidence"),
    ("This is heartbreaking and cruel.", {}, "appeal_to_emotion"),
    ("My dad's 84 and won't go in on his own any more because the one till is always shut.", {},
     "appeal_to_emotion"),
    ("You are an idiot.", {}, "personal_attack"),
    ("lol, yeah right", {}, "humor"),
    ("Ha! I'd be a rich woman by now.", {}, "humor"),
    ("A fee. Of course there is.", {}, "humor"),
    ("Must be nice wherever you live.", {}, "humor"),
    ("My dad bought every warranty going and never claimed once in thirty years. Bless him.", {}, "humor"),
    ("We made it mandatory. Within a month everyone had a virtual background. Peak theatre.", {}, "humor"),
    ("Read the article? On here? Bold.", {"is_reply": True}, "humor"),
    ("So a committee is going to ask for permission to write to a minister. I'll hold my breath.", {}, "humor"),
    ("A pilot audited by the people who ran the pilot. Forgive me if I don't fall off my chair.", {}, "humor"),
    ('"Activity-based working", says the press release. Translation: fewer desks.', {}, "humor"),
    ("THIS IS A SCHEME TO RIG THE VOTE. ONE PERSON ONE VOTE!!!", {}, "negative_reaction"),
    ("Who is paying for this nonsense?", {}, "negative_reaction"),
    ('Whatever happened to "the countryside belongs to everyone"? Shameful.', {}, "negative_reaction"),
    ("Nanny state. Next it'll be ID for a bag of sweets.", {}, "negative_reaction"),
    ("Thank you for this thoughtful piece.", {}, "appreciation"),
    ("Edit: fixed the link.", {}, "announcement"),
    ("ok", {}, "other"),
])
def test_acts(text, kwargs, act):
    acts = acts_of(text, **kwargs)
    values = [a.value for a in acts]
    assert act in values, values
    assert all(a.value in ACTS for a in acts)
    assert all(a.evidence for a in acts)


@pytest.mark.parametrize("thesis, text, expected", [
    ("A plastic bag fee is better than a ban", "The bag fee is a smart, fair idea.", "favor"),
    ("A plastic bag fee is better than a ban", "We should end the ban.", "favor"),
    ("Ruritania should stop deporting asylum seekers", "Ruritania must stop deporting them.", "favor"),
    ("Ruritania should stop deporting asylum seekers",
     "Ruritania should not stop deporting them; the deportations are legal and justified.", "against"),
    ("Ruritania should stop deporting asylum seekers", "Deporting people is cruel and inhumane.", "favor"),
])
def test_stance_from_the_thesis_structure(thesis, text, expected):
    th = extract_thesis(Article(), thesis)
    assert stance_toward(text, th).value == expected


def test_negated_echo_of_the_parent_is_disagreement():
    from debate.tag.relation import score_relation
    from debate.tag.spans import analyze

    parent = analyze("The ordinance requires lower rents for every new building.")
    reply = analyze("It never requires lower rents. Developers keep the savings.")
    label = score_relation(reply, parent=parent).label()
    assert label.value == "disagree"
    assert any(e.cue == "negated_echo" for e in label.evidence)
    # answering a question is not contradicting it
    asked = analyze("Why does the ordinance require lower rents?")
    assert not any(e.cue == "negated_echo" for e in score_relation(reply, parent=asked).evidence)


@pytest.mark.parametrize("title, text", [
    ("Council weighs leaf blower ban",
     "The council is taking comments on a ban of gas-powered leaf blowers from 2026. A vote follows in May.\n\n"
     "Residents can write to the clerk until the end of the month about the leaf blower ban."),
    ("Should cities ban cars? What the evidence says", "Cities tried several things. Some worked, some did not."),
    ("Floods and the harbour",
     "Should the floodgates open, the harbour will close for a week. Boats moved upriver last night.\n\n"
     "The forecast for the harbour is updated every six hours by the weather service."),
])
def test_news_and_questions_state_no_position(title, text):
    assert not extract_thesis(Article(title=title, text=text)).clear


@pytest.mark.parametrize("text, expected", [
    ("The families fled for economic reasons and should be sent back at once.", "against"),
    ("Ruritania must stop sending them back.", "favor"),
])
def test_practice_heard_through_its_synonyms(text, expected):
    assert stance_toward(text, STOP_THESIS).value == expected


# --- the thesis's topic and short arguing comments (examples written for these tests) ---------------


def test_topic_terms_take_the_side_the_thesis_takes():
    from debate.tag.topic_terms import topic_terms

    t = topic_terms("Main Street should get parking meters")
    assert t["meters"] == 1.0 and t["meter"] == 1.0 and t["parking"] == 0.5 and t["street"] == 0.0
    t = topic_terms("Cities should ban cars from downtown")
    assert t["ban"] == 1.0 and t["cars"] == -1.0 and t["car"] == -1.0
    t = topic_terms("A plastic bag fee is better than a ban")
    assert t["fee"] == 1.0 and t["ban"] == -1.0
    t = topic_terms("The council should build the ferry terminal now instead of waiting for the grant")
    assert t["terminal"] == 1.0 and t["waiting"] == -1.0 and t["grant"] == -1.0
    t = topic_terms("A sugar tax reduces obesity in children")
    assert t["obesity"] == -1.0  # a claim that obesity falls: news of its fall agrees
    t = topic_terms("We should ban heading in football for under-12s")
    assert t["heading"] == -1.0 and not t.get("football") and "under" not in t  # a setting, a number's prefix
    t = topic_terms("The port should replace its coal cranes with electric ones")
    assert t["coal"] == -1.0 and t["electric"] == 1.0 and t["cranes"] == 0.0  # "cranes" names both sides


LIBRARY = Thesis(text="The town should build a new library", source="given",
                 targets=targets_of("The town should build a new library"))


@pytest.mark.parametrize("text, expected", [
    ("A new library would be a waste of money.", "against"),
    ("The library would be wonderful for the kids after school.", "favor"),
    ("Build it now. Every year we wait the kids lose out.", "favor"),
    ("The old library leaks every winter and the roof is dangerous.", "favor"),  # the status quo's faults
    ("Residents will pay for it through higher taxes for twenty years.", "against"),  # a cost someone will bear
    ("What time does the meeting start?", "none"),  # only asks
    ("Reminder: the council meets on Tuesday at seven.", "none"),  # a notice
])
def test_short_arguing_comments_take_a_side(text, expected):
    label = stance_toward(text, LIBRARY, calibrated=True)
    assert label.value == expected, label
    if expected != "none":
        assert any(e.weight for e in label.evidence), "a polar stance must carry the cues behind it"


@pytest.mark.parametrize("thesis, text, expected", [
    ("Parks should ban dogs", "A dog-free park would be lovely for everyone.", "favor"),  # without dogs
    ("Mandatory code review is worth the delay", "Review catches defects early.", "favor"),  # fault removed
    ("Mandatory code review is worth the delay", "Code review is theatre.", "against"),  # dismissed
    ("The district should adopt a four-day school week",
     "A shorter week would just push childcare costs onto parents.", "against"),
    ("The district should adopt a four-day school week",
     "Who watches the kids on the fifth day of the week?", "against"),  # an objection put as a question
    ("Main Street should get parking meters", "Time limits would help the shops more than meters.", "against"),
    ("Parks should ban dogs", "Honestly, dogs should be banned from the playground.", "favor"),  # a passive stop
    ("Harwick should move general waste collections to every three weeks",
     "Can someone explain what counts as general waste now? Do crisp packets still go in black?", "none"),  # asks
    ("Heading should be banned in football for under-12s",
     "Deliberate heading should be taken out of matches altogether, as the trials showed.", "favor"),
])
def test_topic_cues(thesis, text, expected):
    th = extract_thesis(Article(), thesis)
    assert stance_toward(text, th, calibrated=True).value == expected


def test_arguing_text_is_calibrated_but_alone_it_needs_clear_cues():
    from debate.tag.stance import score_stance, profile_of

    profile = profile_of(LIBRARY)
    argues = score_stance("That is simply not true, the numbers say otherwise.", profile)
    asks = score_stance("Where is the meeting?", profile)
    assert argues.probs[2] < asks.probs[2]  # it argues: "none" is less likely, the side is left open
    assert argues.probs[0] == argues.probs[1]
    assert any(e.cue == "argues" for e in argues.evidence)
    alone = score_stance("That is simply not true, the numbers say otherwise.", profile, calibrated=False)
    assert alone.probs[2] > argues.probs[2]


def test_thesis_targets_leave_out_function_words_discourse_verbs_and_series_markers():
    from debate.tag.thesis import targets_of

    assert targets_of("Exploring the Connection between China and North Korea: Part II") == (
        "connection", "china", "north korea")
    assert targets_of("Stop Banning ChatGPT. Teach It.")[0] == "banning chatgpt"
    assert targets_of("Building More Housing: Part 2") == ("building more housing",)
    assert "Whether" not in targets_of("Whether or not China softens its policy, Beijing should release the "
                                       "eleven refugees now.")
    assert targets_of("Keeping the Harbour Line open all night is the right decision")[0] == "Harbour Line"


def test_an_imperative_title_that_bans_something_is_against_its_object():
    from debate.model import Article
    from debate.tag.profile import profile_of

    article = Article(title="Ban Homework in Primary School", author=None, date=None,
                      text="Homework helps nobody under eleven. Homework is a fine habit for teenagers, "
                           "and a good one.")
    profile = profile_of(extract_thesis(article), article.text)
    homework = next(t for t in profile.targets if t.name == "homework")
    assert homework.sign == -1.0 and "ban" in homework.why
    assert profile.topic["homework"] == -1.0


@pytest.mark.parametrize("thesis, targets", [
    ("End cash bail", ("cash bail",)),  # the opening verb is not a target; its object is
    ("Scrap the Fee", ("Fee",)),
    ("Scrapping parking minimums downtown will lower rents",
     ("Scrapping parking minimums downtown", "Scrapping parking minimums")),
    ("Ask HN: Should Cities Fund Night Buses?", ("cities fund night buses",)),  # no "Ask HN" target
    ("Why Extending Old Reactors Is Cheaper Than Building New Ones",
     ("extending old reactors", "cheaper than building new ones")),  # no "why"
])
def test_an_opening_call_to_stop_names_its_object_as_target(thesis, targets):
    assert targets_of(thesis) == targets


@pytest.mark.parametrize("text, cue", [
    ("Hygienist here. Since they stopped I've watched the kids' chairs fill up.", "testimony"),
    ("I run a nine-person design studio and our clients are in three time zones.", "testimony"),
    ("As a nurse I see this every week.", "testimony"),
    ("Our missed appointments dropped by a third after the reminders started.", "figure"),
    ("About one adult in five gets locked out.", "figure"),
    ("The patient group voted 9–2 against charging.", "figure"),
    # pointing to where a fact is written
    ("Staff pay for permits as well. It's in the story.", "source_marker"),
    ("Both, per the draft. Internal transfers too.", "source_marker"),
    ("The article says the trust is paying for an extra evening bus.", "source_marker"),
])
def test_evidence_in_words_and_first_hand(text, cue):
    acts = {a.value: a for a in acts_of(text, is_reply=True)}
    assert "evidence" in acts and any(e.cue == cue for e in acts["evidence"].evidence)


def test_hectares_are_no_laugh_and_acronyms_no_shout():
    assert "humor" not in {a.value for a in acts_of("They planted 200 ha of forest last year.")}
    assert "negative_reaction" not in {a.value for a in acts_of("The OECD, the IMF and NATO all said so in 2019.")}


def test_no_evidence_in_a_plain_opinion():
    assert "evidence" not in {a.value for a in acts_of("Good. About time the council did something.")}
    assert "evidence" not in {a.value for a in acts_of("I'm a bit tired of this debate, honestly.")}
    # saying the article is silent cites nothing, and "read the article" is a rebuke, not a source
    assert "evidence" not in {a.value for a in acts_of("What does it cost? The article doesn't say.")}
    assert "evidence" not in {a.value for a in acts_of("They're not removing them, read the article.")}


@pytest.mark.parametrize("text", [
    "Agreed that the implementation is the hard part. I still think the goal is right.",
    "True, the abuse hasn't gone away. Doesn't change that the decisions are more often right.",
    "Fair, that's a bad manager. I'm still not convinced a law is the fix.",
    "I'm not saying the club doesn't matter, just that it isn't an economic case.",
])
def test_more_concession_shapes(text):
    assert "concession" in {a.value for a in acts_of(text, is_reply=True)}
    assert relation_of(text).value == "disagree"


@pytest.mark.parametrize("text, expected", [
    ("Huh, didn't know that. Fair enough.", "agree"),
    ("She's right about that. Would you walk into the station to complain?", "agree"),
    ("Use of force went from 212 to 198. Small, I'll give you that, but it moved.", "disagree"),
    # "actually" inside a sentence corrects nothing
    ("Oh, that's actually nicely done.", "neutral"),
    # sharing the parent's experience, or taking its point
    ("Ha, ours too. The new crest cost 9 pounds a jumper.", "agree"),
    ("Point taken, I had not thought of the night bus.", "agree"),
])
def test_granting_and_third_person_agreement(text, expected):
    assert relation_of(text).value == expected


@pytest.mark.parametrize("text, acts", [
    # a disagreement that gives reasons is a rebuttal (GUIDE.md), its disagreement cues kept as evidence
    ("I disagree. The ferry ran at a loss for nine years, and the grant would have covered the pier.",
     {"rebuttal"}),
    ("I disagree.", {"disagreement"}),  # a bare one stays a disagreement
    ("Painted lines are not nothing on a road this busy.", {"rebuttal"}),  # one sentence, a claim of its own
    ("No, that's wrong.", {"disagreement"}),
])
def test_rebuttal_and_disagreement_are_exclusive(text, acts):
    relation = Label("disagree", 0.8, (Evidence("disagree_marker", "I disagree", -1.0),), "local")
    got = {a.value: a for a in acts_of(text, is_reply=True, relation=relation)}
    assert acts <= set(got) and not ({"rebuttal", "disagreement"} - acts) & set(got)
    if "rebuttal" in got:
        assert any(e.cue.startswith(("relation:", "disagree_marker")) for e in got["rebuttal"].evidence)


def test_a_sincere_closing_word_of_praise_is_no_sarcasm():
    acts = [a.value for a in acts_of("Thanks for the link. Perfect.", is_reply=True)]
    assert "humor" not in acts and "appreciation" in acts


def test_arguing_reply_calibrates_a_sideless_comment_as_arguing_and_names_the_relation_cue():
    from debate.model import Evidence, Thesis
    from debate.tag.stance import NONE_LOGIT_ARGUES, arguing_reply, profile_of, score_stance

    profile = profile_of(Thesis(text="Ruritania should stop deporting asylum seekers", source="given"), None)
    quiet = score_stance("The camps closed in 2019.", profile)
    cue = Evidence("corrects_figure", "2019, not 2017", -0.6)
    argued = arguing_reply(quiet, cue)
    assert argued is not None
    assert argued.probs[2] < quiet.probs[2] and argued.probs[0] == argued.probs[1]  # a position, no side yet
    assert NONE_LOGIT_ARGUES > 0 and argued.probs[2] > argued.probs[0]  # alone it still takes no side
    assert any(e.cue == "argues" and "2019, not 2017" in e.text for e in argued.evidence)
    # a text that already argues keeps its own calibration
    assert arguing_reply(score_stance("Deporting them is cruel and wrong, and it has to stop.", profile), cue) is None


def test_agreement_is_an_act_the_comment_does_not_a_side_the_thread_gives_it():
    # "Build it." under an article arguing for the stadium: the thread reads it as agreeing with the
    # article (both favor), but the comment says no "I agree": no agreement act
    inferred = Label("agree", 0.8, (Evidence("rule:stance_consistency", "this comment is favor, the article is "
                                             "favor", 0.8),), "rule:stance_consistency")
    text = "Forty years I've been going to the Ridge. Build it."
    assert "agreement" not in {a.value for a in acts_of(text, relation=inferred)}
    said = Label("agree", 0.8, (Evidence("agree_marker", "Agreed", 1.0),), "local")
    assert "agreement" in {a.value for a in acts_of("Agreed. " + text, relation=said)}
