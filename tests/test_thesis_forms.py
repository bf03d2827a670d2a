"""Theses stated in the passive, with idioms for stopping, or as claims with a verb, read as their
plain forms are read."""

from __future__ import annotations

import pytest

from debate.model import Article
from debate.tag.profile import profile_of
from debate.tag.stance import stance_toward
from debate.tag.thesis import extract_thesis, targets_of
from debate.tag.thesis_forms import canonical_form


@pytest.mark.parametrize("thesis, form", [
    ("Leaf blowers should be banned", "We should ban Leaf blowers"),
    ("Tipping should not be abolished in restaurants", "We should not abolish Tipping in restaurants"),
    ("Coal plants must be phased out by 2030", "We must end Coal plants by 2030"),
    ("Supermarkets should get rid of self-checkout machines", "Supermarkets should ban self-checkout machines"),
    ("Cities should ban cars downtown", "Cities should ban cars downtown"),  # already plain
    ("The ban should be lifted", "The ban should be lifted"),  # not a stopping verb
    ("Riverton should switch off its streetlights at night", "Riverton should ban its streetlights at night"),
    ("Platforms should be required to verify their users' ages", "Platforms should verify their users' ages"),
    # "should not <verb>": the act is to stop; not stopping a thing keeps it
    ("Shops should not sell energy drinks to under-16s", "Shops should stop selling energy drinks to under-16s"),
    ("Employers should not require staff to use their own phones",
     "Employers should stop requiring staff to use their own phones"),
    ("The council should not close its public toilets", "The council should keep its public toilets"),
    ("Schools should never ban phones", "Schools should keep phones"),
    ("The council should not cancel the summer festival", "The council should keep the summer festival"),
    ("Cities should not be run by cars", "Cities should not be run by cars"),  # left to the profile
    # a ban adopted is the thing banned, without its scope words
    ("Dunmere council should adopt a town-wide pavement parking ban", "Dunmere council should ban pavement parking"),
    ("The city should introduce a ban on e-scooters in parks", "The city should ban e-scooters in parks"),
    ("Shops should impose a blanket ban", "Shops should impose a blanket ban"),  # nothing named to ban
])
def test_canonical_forms(thesis, form):
    assert canonical_form(thesis) == form


def _sides(thesis):
    th = extract_thesis(Article(), thesis)
    return th, {t.name: t.sign for t in profile_of(th, "").targets}


@pytest.mark.parametrize("thesis, target, sign", [
    ("Leaf blowers should be banned", "Leaf blowers", -1.0),
    ("Rent control protects tenants", "Rent control", 1.0),
    ("Remote work makes teams less productive", "Remote work", -1.0),
    ("Congestion pricing makes streets safer", "Congestion pricing", 1.0),
    ("Remote work hurts productivity", "Remote work", -1.0),
])
def test_the_subject_of_a_claim_or_passive_takes_its_side(thesis, target, sign):
    assert _sides(thesis)[1][target] == sign


def test_a_claim_verb_ends_the_subject_target():
    assert targets_of("Rent control protects tenants") == ("Rent control",)


LEAF = "Leaf blowers should be banned"
CHECKOUT = "Supermarkets should get rid of self-checkout machines"
RENT = "Rent control protects tenants"
WAGE = "A minimum wage increase reduces employment for teenagers"
RENTS = "Scrapping parking minimums downtown will lower rents"
DISCONNECT = "The province should pass a right-to-disconnect law"
HOMEWORK = "Ban Homework in Primary School"


@pytest.mark.parametrize("thesis, text, expected", [
    # comments on theses of the shapes above
    (LEAF, "Leaf blowers are a nightmare.", "favor"),
    (LEAF, "Leaf blowers are quiet and efficient these days.", "against"),
    (CHECKOUT, "I love self-checkout, it is much faster when I only have a few items.", "against"),
    (RENT, "Rent control is a disaster for the people it claims to help.", "against"),
    ("Remote work makes teams less productive", "Remote work is great, we ship more than ever.", "against"),
    # a refused topic word, or "should not", takes the other side
    (LEAF, "Regulate the gas ones, don't ban the whole thing.", "against"),
    (LEAF, "We should not ban them.", "against"),
    (LEAF, "No ban, please.", "against"),
    ("Ban Homework in Primary School", "No homework, ever.", "favor"),
    # a thesis that bans its object: the object's praise is against, its criticism or its end for
    (HOMEWORK, "Homework builds good habits and helps children learn.", "against"),
    (HOMEWORK, "Homework is a waste of time.", "favor"),
    (HOMEWORK, "We should drop homework for good.", "favor"),
    (HOMEWORK, "Banning homework is long overdue.", "favor"),
    # a stop inside a relative clause only describes the subject: the main clause judges the stopping
    (HOMEWORK, "Schools that dropped homework saw happier, calmer children.", "favor"),
    (HOMEWORK, "Schools that dropped homework saw their results collapse.", "against"),
    ("Parks should ban dogs", "Parks that banned dogs saw happier, calmer visitors.", "favor"),
    ("Parks should ban dogs", "Parks that banned dogs saw visits collapse.", "against"),
    # ... but a negation further off is about something else: "nobody proposes" does not refuse the ban
    (LEAF, "Nobody serious proposes a ban before electric ones are cheap.", "none"),
    # consequences argued in phrases carry their harm or good
    (LEAF, "A ban would put small landscaping crews out of business.", "against"),
    (LEAF, "A ban won't put anyone out of business.", "favor"),
    (CHECKOUT, "Getting rid of them would mean longer queues for everyone.", "against"),
    (RENT, "Rent control puts small landlords out of business.", "against"),
    # a topic word said to rise or fall: good news for the thesis when it moves the way the thesis wants
    (WAGE, "Teen employment actually rose after the last increase.", "against"),
    (WAGE, "Employment fell in every county that raised it.", "favor"),
    (RENTS, "Rents went up anyway in Minneapolis.", "against"),
    (RENTS, "Rents fell 4% in Auckland after the upzoning.", "favor"),
    (RENTS, "Developers pocketed the savings and rents never came down.", "against"),
    ("The town should double its visitor levy", "Raise the levy and the tourists will still come.", "favor"),
    # "makes Y less Z": more of Z argues against ("never been more" is a superlative, not a negation)
    ("Remote work makes teams less productive", "We have never been more productive.", "against"),
    # a change that leads to something is judged by what it leads to, not as news
    ("Cities should ban cars from downtown", "More cars just means more traffic.", "none"),
    # a comment's action noun names the thesis's gerund
    ("Expanding the airport is a mistake", "The expansion is a disaster for everyone under the flight path.",
     "favor"),
    ("Expanding the airport is a mistake", "The expansion will create jobs.", "against"),
    # a penalty is wanted, what it penalises is not ("charge patients who miss appointments")
    ("GP surgeries should charge patients who miss appointments without cancelling",
     "Missed appointments are a selfish waste of everyone's time.", "favor"),
    ("The city should fine drivers who block bike lanes", "Blocking the lane is dangerous for everyone.", "favor"),
    # a stopping imperative restates a thesis that stops something and refuses one that builds
    ("Football should scrap VAR", "Four minutes to check a toenail. That's not football. Bin it.", "favor"),
    ("The council should build the ferry terminal now", "Scrap it.", "against"),
    # ... also after the softeners a call opens with, and as "it should be illegal"
    ("Dunmere should ban parking on pavements", "I walk with a cane. Please, just ban it.", "favor"),
    ("Dynamic pricing for concert tickets should be banned", "Banned? It should be criminal.", "favor"),
    ("Dynamic pricing for concert tickets should be banned", "It should not be banned.", "none"),
    ("The council should build the ferry terminal now", "So just scrap it.", "against"),
    # another remedy than a proposal to do something argues against it (not under one that stops something)
    ("Carmakers should keep physical buttons for core controls", "Voice control solves this.", "against"),
    ("Airlines should let every passenger bring a cabin bag at no extra charge", "Just pack less.", "against"),
    ("Airlines should let every passenger bring a cabin bag at no extra charge",
     "I just pack less than I used to.", "none"),
    ("Hollisford should end its rental e-scooter scheme", "The answer is a night bus.", "none"),
    # a general stopping verb restates the thesis only with the thesis's words
    ("Shops should not sell energy drinks to under-16s", "Sorry but that's parenting. Stop giving him cash.", "none"),
    ("Shops should not sell energy drinks to under-16s", "Stop selling energy drinks to kids, simple.", "favor"),
    ("The council should not close its public toilets", "Close them. You'd rather hold it.", "against"),
    ("Wexcombe should ban disposable barbecues on its commons", "Signed the petition. 31 trays in one morning.",
     "favor"),
    ("Pet cats should be kept indoors at night", "The nanny state is coming for our pets now.", "against"),
    # ... but says nothing of a claim against the rule itself
    ("Calorie labels on restaurant menus do more harm than good", "Nanny state nonsense.", "none"),
    # the market as the answer: whoever dislikes the practice can leave it
    ("Supermarkets should not give lower prices only to loyalty-card holders",
     "It's their shop. If you don't like it, go somewhere else.", "against"),
    ("Shops should have to label products that have shrunk", "Aldi's own brand never shrank. Vote with your feet.",
     "against"),
    ("Hollisford should end its rental e-scooter scheme", "Seven to four. Nice to see the council listened for once.",
     "favor"),
    # mock praise closing a comment about a proposal is sarcasm against it
    ("Secondary schools should teach maths in mixed-ability classes", "So the bright kids get held back. Great.",
     "against"),
    ("Secondary schools should teach maths in mixed-ability classes", "Great. My son loved his mixed class.",
     "none"),
    # "old" in a place's name is no status quo
    ("Whole-home short-term lets should be banned in the Old Quarter",
     "We should ban short-term lets in the Old Quarter.", "favor"),
    ("The council should build a new ferry terminal", "The old terminal is a disgrace.", "favor"),
    ("The council should replace the ferry terminal", "The old terminal is a disgrace.", "favor"),
    # "covers" is no saving by itself: reports and rules cover things too
    ("Shops should not sell energy drinks to under-16s", "The supermarkets' policy covers most of what gets sold.",
     "none"),
    # "should not close X" keeps X: a call to keep it is the thesis's side
    ("The council should not close its public toilets", "Keep the toilets open.", "favor"),
    # "replace X with Y": X is what ends
    ("Websites should replace passwords with passkeys", "Passwords were always a terrible idea.", "favor"),
    ("Tennis tournaments should replace line judges with electronic line calling",
     "The line judges are all biased towards the big names anyway.", "favor"),
    # first-person support or opposition of the proposal
    (DISCONNECT, "Fair, the bill is sloppy. I'd support it with a stronger privacy clause.", "favor"),
    (DISCONNECT, "That's more reasonable than the headlines. I could live with that.", "favor"),
    (DISCONNECT, "I don't support it, and neither do my neighbours.", "against"),
    (DISCONNECT, "Count me out.", "against"),
    (DISCONNECT, "Wish they'd done this ten years ago.", "favor"),
    # a demand that someone else pays is no cost borne
    ("GP surgeries should charge patients who miss appointments without cancelling",
     "If they can't be bothered to turn up, they can pay.", "none"),
    # the cost of NOT doing the proposal speaks for it
    ("Calder should put public money into the new stadium",
     "If we don't chip in and the club leaves, this town loses its heart.", "favor"),
    # a negated comparison turns
    ("The province should pass a right-to-disconnect law",
     "I'm not convinced a law is the fix rather than a workplace policy.", "against"),
    ("The province should pass a right-to-disconnect law",
     "A law is the fix rather than a workplace policy.", "favor"),
])
def test_comments_on_such_theses(thesis, text, expected):
    th = extract_thesis(Article(), thesis)
    assert stance_toward(text, th, calibrated=True).value == expected


def test_a_general_stopping_verb_is_no_topic_word():
    from debate.tag.topic_terms import topic_terms

    terms = topic_terms("Shops should stop selling energy drinks to under-16s")
    assert "stop" not in terms and terms["ban"] == 1.0 and terms["drinks"] == -1.0
    assert topic_terms("Cities should ban cars")["ban"] == 1.0


def test_derived_forms_are_regular_derivations_only():
    from debate.tag.topic_terms import derived_forms

    assert derived_forms("expanding") == {"expansion", "expansions"}
    assert "regulating" in derived_forms("regulation")
    assert derived_forms("building") == set() and derived_forms("parking") == set()


def test_a_penalty_thesis_reads_the_wrongdoing():
    from debate.tag.topic_terms import penalized, topic_terms

    assert penalized("charge patients who miss appointments without cancelling".split()) == ["miss", "appointments"]
    terms = topic_terms("The city should fine drivers who block bike lanes")
    assert terms["fine"] == 1.0 and terms["block"] == -1.0 and terms["drivers"] == 0.0 and not terms.get("lanes")


def test_an_actor_told_to_stop_its_own_act_is_criticised_but_not_one_ending_a_scheme():
    sides = lambda t: {x.name: x.sign for x in profile_of(extract_thesis(Article(), t)).targets}
    assert sides("China should stop forcibly repatriating North Korean refugees")["China"] == -1.0
    assert sides("Hollisford should end its rental e-scooter scheme")["Hollisford"] == 0.0


def test_a_claim_verb_after_a_plural_subject_ends_the_subject():
    assert targets_of("Body cameras reduce police misconduct") == ("Body cameras",)


def test_a_hyphenated_topic_word_names_its_head():
    from debate.tag.topic_terms import word_forms

    assert "scooter" in word_forms("e-scooter")


@pytest.mark.parametrize("thesis, form", [
    ("Build more bike lanes", "We should build more bike lanes"),
    ("Bring back the buttons", "We should bring back the buttons"),
    ("Keep your cat in at night", "We should keep your cat in at night"),
    # statements and questions that open with such a word are no call to act
    ("Tax cuts boost growth", "Tax cuts boost growth"),
    ("Pay transparency works", "Pay transparency works"),
    ("Bring your own bag?", "Bring your own bag?"),
    ("Ban homework?", "Ban homework?"),
])
def test_a_call_to_act_reads_as_a_proposal(thesis, form):
    assert canonical_form(thesis) == form


@pytest.mark.parametrize("thesis, targets", [
    ("Bring back the buttons", ("buttons",)),
    ("Build more bike lanes", ("bike lanes",)),
    ("Save the library", ("library",)),
    ("Keep your cat in at night", ("cat",)),
    ("Let them wear their own clothes", ()),  # "let" calls for what follows its object
])
def test_a_call_to_act_is_about_its_object_not_its_verb(thesis, targets):
    assert targets_of(thesis) == targets


@pytest.mark.parametrize("thesis, target, sign", [
    ("Bring back the buttons", "buttons", 1.0),
    ("Save the library", "library", 1.0),
    ("Keep your cat in at night", "cat", 0.0),  # confined, not championed
    ("Ban homework in primary school", "homework", -1.0),
])
def test_a_call_to_act_takes_the_side_of_its_object(thesis, target, sign):
    th, sides = _sides(thesis)
    assert sides[target] == sign
    assert profile_of(th, "").proposal


@pytest.mark.parametrize("thesis, text, expected", [
    ("Bring back the buttons", "Physical buttons are safer, you can find them without looking.", "favor"),
    ("Save the library", "The library is a wonderful place for the kids.", "favor"),
    ("Save the library", "The library is a waste of money.", "against"),
])
def test_comments_on_a_call_to_act(thesis, text, expected):
    th = extract_thesis(Article(title=thesis))
    assert th.clear
    assert stance_toward(text, th, calibrated=True).value == expected
