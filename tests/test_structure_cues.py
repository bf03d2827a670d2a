"""Cue detectors of debate.structure, table-driven: each row is what a careful reader would see."""

from __future__ import annotations

import pytest

from debate.structure import cues


@pytest.mark.parametrize(
    "text, name, kind",
    [
        ("Adam,\n\nBecause the press never says so?", "Adam", "vocative"),
        ("SP,\n\nWhat made those cases different?", "SP", "initials"),
        ("@river_rat_77 that is not what the survey says", "river_rat_77", "at_mention"),
        ("Dear Ms Lee: your numbers are off.", "Lee", "vocative"),
        ("Well, Bob, that is a stretch.", "Bob", "vocative"),
        ("Jo Ann, you are missing the point.", "Jo Ann", "vocative"),
        ("Thanks Priya, that helps.", "Priya", "vocative"),
    ],
)
def test_addresses_found(text, name, kind):
    found = cues.find_addresses(text)
    assert found, text
    assert (found[0].name, found[0].kind) == (name, kind)
    assert found[0].strength == 1.0


@pytest.mark.parametrize(
    "text",
    [
        "However, the council never published the data.",
        "Funny thing, the press ignored it.",
        "Yes, I agree, but only in part.",
        "China, however, never signed it.",
        "Honestly, this is the best advice here.",
        "Write to me at someone@example.com if you like.",
        "WRONG, the vote was 7-2.",
    ],
)
def test_no_strong_address(text):
    assert all(a.strength < 1.0 for a in cues.find_addresses(text)), cues.find_addresses(text)


def test_single_capitalised_word_is_a_weak_address():
    (a,) = cues.find_addresses("Funny, I thought the same.")
    assert a.strength < 0.5


@pytest.mark.parametrize(
    "address, name, expected",
    [
        ("SP", "Sokeel Park", True),
        ("SP", "Sam Rivers", False),
        ("Juche_fan", "juche fan", True),
        ("Dana", "Dana Whitfield", True),
        ("Whitfield", "Dana Whitfield", True),
        ("Dan", "Dana Whitfield", False),
        ("streetscapes", "@streetscapes", True),
    ],
)
def test_address_matches(address, name, expected):
    kind = "initials" if address.isupper() and len(address) <= 3 else "vocative"
    assert cues.address_matches(cues.Address(address, kind, address), name) is expected


@pytest.mark.parametrize(
    "text, fires",
    [
        ("Author's response:\n\nThank you all.", True),
        ("Author\u2019s reply: fair point.", True),
        ("Author here. I did ask the ministry twice.", True),
        ("That was not the point of my article.", True),
        ("I was following on from the article and meant the recent case.", True),
        ("As I wrote in the piece, the data are thin.", True),
        ("I agree with the article.", False),
        ("The author of this article is wrong.", False),
        ("As detailed in the above article, it differs.", False),
    ],
)
def test_author_self_reference(text, fires):
    assert (cues.author_self_reference(text) is not None) is fires


@pytest.mark.parametrize(
    "text, quote, introducer",
    [
        ("When you said \u201cthe grant covers the pump only\u201d, did you mean it?", "the grant covers the pump only",
         "you"),
        ("I specifically said \u201cthe evidence is largely against them\u201d in my reply.",
         "the evidence is largely against them", "self"),
        ("> nobody wants to bin the car before qualifying\nThat is the point.",
         "nobody wants to bin the car before qualifying", ""),
    ],
)
def test_quotes(text, quote, introducer):
    (q,) = cues.find_quotes(text)
    assert (q.text, q.introducer) == (quote, introducer)


def test_scare_quotes_are_not_citations():
    assert cues.find_quotes("They call them \u201crefugees\u201d but the law does not.") == ()


@pytest.mark.parametrize(
    "quote, text, low",
    [
        ("the grant covers the pump only", "Remember: the grant covers the pump only, nothing else.", 1.0),
        ("South Korea is in no position to criticise anyone",
         "South Korea is definitely not in any position to criticise anyone at all.", 0.6),
    ],
)
def test_quote_coverage_exact_and_fuzzy(quote, text, low):
    assert cues.quote_coverage(quote, text) >= low


def test_quote_coverage_unrelated_is_low():
    assert cues.quote_coverage("the grant covers the pump only", "Ducks ate every slug in the garden.") < 0.3


@pytest.mark.parametrize(
    "text, target",
    [
        ("To the first comment: I agree habits matter.", "1"),
        ("See comment #3 for the figures.", "3"),
        ("@2 that is wrong", "2"),
        ("Re comment 4.1: no.", "4.1"),
        ("The comment above is right.", "previous"),
    ],
)
def test_comment_references(text, target):
    assert cues.comment_references(text)[0][0] == target


def test_own_earlier_comment_is_not_a_reference_but_a_backreference():
    text = "As I said in my first comment, the jobs are the problem."
    assert cues.comment_references(text) == ()
    assert cues.self_backreference(text)


@pytest.mark.parametrize(
    "text, fires",
    [
        ("But that ignores the sewer lines.", True),
        ("Exactly my point.", True),
        ("Nobody asked the people who live here.", False),
        ("What about slugs? Every mulch turned into a slug hotel.", False),
        ("Sources? I doubt it.", False),
    ],
)
def test_reply_opening(text, fires):
    assert (cues.reply_opening(text) is not None) is fires


@pytest.mark.parametrize(
    "text, fires",
    [
        ("You skipped the waiting list.", True),
        ("Why go out of your way to do it?", False),
        ("Thank you for the piece.", False),
    ],
)
def test_second_person(text, fires):
    assert (cues.second_person(text) is not None) is fires


def test_opening_is_read_after_the_address():
    text = "Adam,\n\nBecause they never say so?"
    body = cues.strip_opening_address(text, cues.find_addresses(text))
    assert cues.answer_opening(body) == "Because"


@pytest.mark.parametrize(
    "text, name",
    [
        ("I think so.\n\n-- Maria", "Maria"),
        ("Thanks for reading.\n\u2013 SP", "SP"),
        ("Agreed on all counts.\nCheers, Tom", "Tom"),
        ("We went home - Later that day it rained.", None),
        ("That was the point -\nnothing more", None),
        ("A handful of reps isn't learning it, it's a photo op. \u2014 Pete", "Pete"),  # on the last line
        ('He sang "We shall overcome." \u2014 Pete Seeger', None),  # after a quotation: an attribution
        ("I said no - Pete", None),  # a single hyphen inside a line is no sign-off
    ],
)
def test_signature(text, name):
    got = cues.signature(text)
    assert (got[0] if got else None) == name


def test_lower_case_address_to_a_name_the_page_shows():
    a = cues.known_name_address("bob, you're wrong about the buses", ["Bob Smith", "Al"])
    assert a is not None and a.name == "Bob Smith"
    assert cues.known_name_address("Bobby is wrong", ["Bob Smith"]) is None


def test_your_and_my_point_at_each_other():
    assert "son" in cues.your_things("I'm sorry about your son, genuinely.") & cues.my_things(
        "My son was one of the two kids hit last year.")
    assert cues.your_things("Thank you for your time.") == frozenset({"time"})


def test_stem_tries_suffixes_in_order():
    """`_stem` looks only at the suffixes a word can end with; the result is the first fitting suffix's."""
    from itertools import product

    def plain(w: str) -> str:
        for suffix in cues._SUFFIXES:
            if len(w) > len(suffix) + 3 and w.endswith(suffix):
                return w[: -len(suffix)] + ("y" if suffix == "ies" else "")
        return w

    stems = ["", "a", "go", "cat", "stat", "nation", "relation", "bus"]
    endings = ["", "s", "es", "ies", "ed", "ing", "ings", "ation", "ations", "n", "g", "d", "ss", "'s"]
    words = [a + b for a, b in product(stems, endings)] + cues.words(
        "Stations, relations and buses: the cities argued, ruling nothing; running dogs bled.")
    for w in words:
        assert cues._stem.__wrapped__(w) == plain(w), w
