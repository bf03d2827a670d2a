"""Which side of a given thesis an article takes, from its title (examples written for these tests)."""

import pytest
from report_helpers import assert_inert

from debate.model import Article, Comment, Thread
from debate.tag import ARTICLE_FAVOR, NEWS_AGAINST, NEWS_FAVOR, _article_stance, extract_thesis, profile_of, tag_thread
from debate.report.build import thread_report
from debate.tag.article_side import polarity, report_side, restates


@pytest.mark.parametrize("statement, expected", [
    ("Solar farms should not be built on farmland", -1),
    ("Supermarkets should scrap self-checkouts", -1),
    ("Dunmore's should pull self-checkouts from 30 stores", -1),
    ("Dunmere council should adopt a town-wide pavement parking ban", -1),
    ("Dunmere should ban parking on pavements", -1),
    ("Government should adopt banning domestic flights where the train is quicker", -1),  # a stopping gerund
    ("Scrap the licence fee", -1),
    ("Scrap the licence fee. Here's what should replace it", -1),  # its first sentence
    ("It's time supermarkets scrapped best-before dates on fruit and veg", -1),
    # a ban outside the verb's clause is no object of it
    ("Shops should not be allowed to sell energy drinks to under-16s, and it should be the law, enforced the "
     "same way as the ban on selling cigarettes", -1),
    ("Council should resume fluoridating the water", 1),
    ("Booking system at Carrow's tips should stay for good", 1),
    ("Shops should have to label products that have shrunk", 1),
])
def test_polarity_of_a_thesis_or_decision(statement, expected):
    assert polarity(statement) == expected


@pytest.mark.parametrize("proposition, thesis, expected", [
    # the decision is the thesis's opposite
    ("Hatherley solar farm should go ahead on 120 acres of farmland", "Solar farms should not be built on farmland",
     -1),
    ("Booking system at Carrow's tips should stay for good",
     "Recycling centres should not require residents to book a slot", -1),
    ("Insurer Halden Group should move 4,000 office staff to hot-desking",
     "Employers should not replace assigned desks with hot-desking", -1),
    # ... or the thesis itself
    ("Dunmore's should pull self-checkouts from 30 stores", "Supermarkets should scrap self-checkouts", 1),
    ("Dunmere council should adopt a town-wide pavement parking ban", "Dunmere should ban parking on pavements", 1),
    # stopping what the thesis puts aside is doing what it asks
    ("Holloway Academy should drop maths sets for Years 7 and 8",
     "Secondary schools should teach maths in mixed-ability classes instead of sets", 1),
    # no topic word in common: no side
    ("Council should resurface the ring road", "Solar farms should not be built on farmland", 0),
])
def test_the_side_a_reported_decision_takes(proposition, thesis, expected):
    assert report_side(proposition, thesis) == expected


def test_a_title_restates_a_thesis_in_other_words_but_not_its_negation():
    assert restates("Bring Back the Dog Licence", "Dog licences should be brought back")
    assert restates("It's time supermarkets scrapped best-before dates on fruit and veg",
                    "Supermarkets should scrap best-before dates on fresh fruit and vegetables")
    assert not restates("Don't bring back the dog licence", "Dog licences should be brought back")
    assert not restates("Scrap the dog licence", "Dog licences should be brought back")  # same words, other side
    assert not restates("Potholes are everywhere", "Dog licences should be brought back")


def _stance(title, text, thesis):
    t = Thread(id="t", article=Article(title=title, text=text), comments=())
    th = extract_thesis(t.article, thesis)
    return _article_stance(t, th, profile_of(th, text))[0]


def test_news_of_the_opposite_decision_stands_against_the_thesis():
    body = ("The council's planning committee approved the 120-acre scheme by 7 votes to 4. More than 400 "
            "residents had objected, saying the fields grow wheat and the panels would spoil the view.")
    title = "Hatherley solar farm approved on 120 acres of farmland despite 400 objections"
    assert _stance(title, body, "Solar farms should not be built on farmland") == NEWS_AGAINST
    assert _stance(title, body, "Solar farms should be built on farmland") == NEWS_FAVOR
    # a link post (its title is all it says) the same
    assert _stance(title, "", "Solar farms should not be built on farmland") == NEWS_AGAINST


def test_an_opinion_piece_whose_title_states_the_thesis_argues_it():
    # its text deplores what happens without the thesis, which scored alone reads against it
    body = ("When I started as a dog warden most strays had slipped a collar. By the time I retired, most were "
            "dumped, unchipped and untraceable, and nobody paid a penny for any of it.")
    assert _stance("Bring Back the Dog Licence", body, "Dog licences should be brought back") == ARTICLE_FAVOR


def test_an_op_ed_whose_title_states_the_thesis_argues_it_whatever_its_conclusion_says():
    body = ("I have been a GP for fourteen years. Most patients regain the weight within two years. We should "
            "stop treating it as a failure of willpower and make these drugs available to anyone who wants them.")
    stance = _stance("Weight-loss jabs should be on the NHS for anyone with obesity", body,
                     "Weight-loss injections should be available on the NHS to anyone with obesity")
    assert stance == ARTICLE_FAVOR
    # a title that asks states nothing
    assert _stance("Should weight-loss jabs be on the NHS for anyone with obesity?", body,
                   "Weight-loss injections should be available on the NHS to anyone with obesity") != ARTICLE_FAVOR


def test_approving_news_of_the_opposite_decision_is_against_the_thesis():
    article = Article(title="Hatherley solar farm approved on 120 acres of farmland despite 400 objections",
                      text="The council approved the scheme by 7 votes to 4.")
    comments = (Comment(id="c1", text="Good. We need the power, and it's hardly the Lake District."),
                Comment(id="c2", text="No. That is prime wheat land."))
    t = tag_thread(Thread(id="t", article=article, comments=comments),
                   thesis="Solar farms should not be built on farmland")
    assert (t.tags["c1"].stance.value, t.tags["c1"].relation.value) == ("against", "agree")
    assert (t.tags["c2"].stance.value, t.tags["c2"].relation.value) == ("favor", "disagree")


def test_the_report_says_why_the_article_counts_against_the_thesis_and_escapes_its_title():
    article = Article(title="Solar farm approved on farmland <img src=x onerror=alert(1)> [x](http://evil)",
                      text="The council approved the scheme by 7 votes to 4.")
    thread = Thread(id="t", article=article, comments=(Comment(id="c1", text="Good. We need the power."),))
    text = thread_report(thread, thesis="Solar farms should not be built on farmland")
    line = next(x for x in text.splitlines() if x.startswith("**The article:**"))
    assert "reports news" in line and "against the thesis" in line
    assert_inert(text)


def test_news_of_the_opposite_decision_gives_no_side_to_the_targets_it_speaks_of():
    from debate.tag.profile import profile_of

    article = Article(title="Hatherley solar farm approved on 120 acres of farmland despite 400 objections",
                      text="The planning committee approved the scheme by 7 votes to 4. Councillors said solar farms "
                           "bring clean, cheap power and good jobs, and that solar farms are a great success.")
    thread = Thread(id="t", article=article, comments=(Comment(id="c1", text="Good."),))
    against = tag_thread(thread, thesis="Solar farms should not be built on farmland").thesis
    assert {t.name: t.sign for t in profile_of(against, article.text).targets}["Solar farms"] == 0.0
    # an article that argues a thesis speaks well of what the thesis is for
    argued = Thread(id="t", article=Article(title="Solar power for Hatherley", text=article.text), comments=())
    for_it = tag_thread(argued, thesis="Solar farms should be built near towns").thesis
    assert {t.name: t.sign for t in profile_of(for_it, article.text).targets}["Solar farms"] == 1.0
